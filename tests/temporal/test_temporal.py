"""Time-expression finding and resolution (detente.temporal)."""
from __future__ import annotations

from datetime import date

import pytest

from detente.temporal import find_time_expressions, resolve_time

A = date(2017, 5, 25)  # a Thursday
D = date

# (expression, anchor, expected value, precision, end_value)
RESOLVE_CASES = [
    # required by the brief
    ("on Friday, May 19", A, D(2017, 5, 19), "day", None),
    ("in September", A, D(2016, 9, 1), "month", None),
    ("In December 2016", A, D(2016, 12, 1), "month", None),
    ("last weekend", A, D(2017, 5, 20), "week", D(2017, 5, 21)),
    ("last winter", A, D(2016, 12, 1), "season", None),
    ("a decade or so ago", A, D(2007, 1, 1), "year", None),
    ("yesterday", A, D(2017, 5, 24), "day", None),
    # relative days
    ("today", A, A, "day", None),
    ("tonight", A, A, "day", None),
    ("last night", A, D(2017, 5, 24), "day", None),
    ("the day before yesterday", A, D(2017, 5, 23), "day", None),
    ("tomorrow", A, D(2017, 5, 26), "day", None),
    # weekdays: on/bare = on or before anchor, last = strictly before, next = after
    ("on Tuesday", A, D(2017, 5, 23), "day", None),
    ("Thursday", A, D(2017, 5, 25), "day", None),
    ("on Friday", A, D(2017, 5, 19), "day", None),
    ("last Saturday", A, D(2017, 5, 20), "day", None),
    ("last Thursday", A, D(2017, 5, 18), "day", None),
    ("this past Sunday", A, D(2017, 5, 21), "day", None),
    ("next Tuesday", A, D(2017, 5, 30), "day", None),
    ("on Saturday", D(2017, 5, 27), D(2017, 5, 27), "day", None),
    ("last Saturday", D(2017, 5, 27), D(2017, 5, 20), "day", None),
    ("Friday night", A, D(2017, 5, 19), "day", None),
    ("on Monday morning", A, D(2017, 5, 22), "day", None),
    # weeks and weekends
    ("this week", A, D(2017, 5, 22), "week", None),
    ("earlier this week", A, D(2017, 5, 22), "week", None),
    ("last week", A, D(2017, 5, 15), "week", None),
    ("next week", A, D(2017, 5, 29), "week", None),
    ("last weekend", D(2017, 5, 21), D(2017, 5, 13), "week", D(2017, 5, 14)),
    ("last weekend", D(2017, 5, 22), D(2017, 5, 20), "week", D(2017, 5, 21)),
    ("this weekend", A, D(2017, 5, 27), "week", D(2017, 5, 28)),
    ("over the weekend", A, D(2017, 5, 20), "week", D(2017, 5, 21)),
    ("over the weekend", D(2017, 5, 28), D(2017, 5, 27), "week", D(2017, 5, 28)),
    # months
    ("earlier this month", A, D(2017, 5, 1), "month", None),
    ("this month", A, D(2017, 5, 1), "month", None),
    ("last month", A, D(2017, 4, 1), "month", None),
    ("last month", D(2017, 1, 10), D(2016, 12, 1), "month", None),
    ("in May", A, D(2017, 5, 1), "month", None),
    ("in September", D(2017, 9, 10), D(2017, 9, 1), "month", None),
    ("last September", D(2017, 9, 10), D(2016, 9, 1), "month", None),
    ("last March", A, D(2017, 3, 1), "month", None),
    ("this September", A, D(2017, 9, 1), "month", None),
    ("since early March", A, D(2017, 3, 1), "month", None),
    ("the end of May", A, D(2017, 5, 1), "month", None),
    ("September 2016", A, D(2016, 9, 1), "month", None),
    ("mid-September 2016", A, D(2016, 9, 1), "month", None),
    ("Sept. 2016", A, D(2016, 9, 1), "month", None),
    # month-day: anchor's year unless > 7 days in the future
    ("May 19", A, D(2017, 5, 19), "day", None),
    ("May 30", A, D(2017, 5, 30), "day", None),
    ("June 10", A, D(2016, 6, 10), "day", None),
    ("December 29", D(2017, 1, 3), D(2016, 12, 29), "day", None),
    ("Dec. 29", D(2017, 1, 3), D(2016, 12, 29), "day", None),
    ("19 May", A, D(2017, 5, 19), "day", None),
    ("the 19th of May", A, D(2017, 5, 19), "day", None),
    ("May 19th", A, D(2017, 5, 19), "day", None),
    ("19 May 2017", A, D(2017, 5, 19), "day", None),
    ("May 19, 2017", A, D(2017, 5, 19), "day", None),
    ("Friday, May 19, 2017", A, D(2017, 5, 19), "day", None),
    ("Monday 6 March 2017", A, D(2017, 3, 6), "day", None),
    ("MAY 19", A, D(2017, 5, 19), "day", None),
    ("February 29", D(2017, 5, 25), D(2016, 2, 29), "day", None),
    # years and seasons
    ("in 2015", A, D(2015, 1, 1), "year", None),
    ("since 1948", A, D(1948, 1, 1), "year", None),
    ("mid-2016", A, D(2016, 1, 1), "year", None),
    ("by the end of 2016", A, D(2016, 1, 1), "year", None),
    ("last year", A, D(2016, 1, 1), "year", None),
    ("this year", A, D(2017, 1, 1), "year", None),
    ("earlier this year", A, D(2017, 1, 1), "year", None),
    ("next year", A, D(2018, 1, 1), "year", None),
    ("last summer", A, D(2016, 6, 1), "season", None),
    ("last spring", A, D(2016, 3, 1), "season", None),
    ("this spring", A, D(2017, 3, 1), "season", None),
    ("this winter", D(2017, 1, 15), D(2016, 12, 1), "season", None),
    ("last winter", D(2017, 12, 15), D(2016, 12, 1), "season", None),
    ("last fall", A, D(2016, 9, 1), "season", None),
    ("in the summer", A, D(2016, 6, 1), "season", None),
    ("in the spring", A, D(2017, 3, 1), "season", None),
    ("next winter", A, D(2017, 12, 1), "season", None),
    ("the summer of 2014", A, D(2014, 6, 1), "season", None),
    ("winter 2016", A, D(2015, 12, 1), "season", None),
    ("in the 1990s", A, D(1990, 1, 1), "year", D(1999, 1, 1)),
    # ... ago
    ("three years ago", A, D(2014, 1, 1), "year", None),
    ("two weeks ago", A, D(2017, 5, 8), "week", None),
    ("5 days ago", A, D(2017, 5, 20), "day", None),
    ("a week ago", A, D(2017, 5, 15), "week", None),
    ("a month ago", A, D(2017, 4, 1), "month", None),
    ("a year ago", A, D(2016, 1, 1), "year", None),
    ("some 20 years ago", A, D(1997, 1, 1), "year", None),
    ("days ago", A, D(2017, 5, 22), "week", None),
    ("a few days ago", A, D(2017, 5, 22), "week", None),
    ("several weeks ago", A, D(2017, 5, 1), "month", None),
    ("decades ago", A, D(1997, 1, 1), "year", None),
    # numeric dates
    ("2016-12-29", A, D(2016, 12, 29), "day", None),
    ("29/12/2016", A, D(2016, 12, 29), "day", None),
    ("12/29/2016", A, D(2016, 12, 29), "day", None),
    ("05/06/2017", A, D(2017, 6, 5), "day", None),
    ("29.12.2016", A, D(2016, 12, 29), "day", None),
    # ranges
    ("between March 3 and 5", A, D(2017, 3, 3), "day", D(2017, 3, 5)),
    ("from March 3 to 5", A, D(2017, 3, 3), "day", D(2017, 3, 5)),
    ("March 3-5, 2016", A, D(2016, 3, 3), "day", D(2016, 3, 5)),
    ("3-5 March 2016", A, D(2016, 3, 3), "day", D(2016, 3, 5)),
    ("between 3 and 5 March", A, D(2017, 3, 3), "day", D(2017, 3, 5)),
    ("from December 28 to January 3", D(2017, 1, 10), D(2016, 12, 28), "day", D(2017, 1, 3)),
    ("from 2012 to 2014", A, D(2012, 1, 1), "year", D(2014, 1, 1)),
    ("between 2012 and 2014", A, D(2012, 1, 1), "year", D(2014, 1, 1)),
    ("2015-16", A, D(2015, 1, 1), "year", D(2016, 1, 1)),
    ("from March to May", A, D(2017, 3, 1), "month", D(2017, 5, 1)),
    ("from November 2015 to February 2016", A, D(2015, 11, 1), "month", D(2016, 2, 1)),
]


@pytest.mark.parametrize("expr,anchor,value,precision,end_value", RESOLVE_CASES)
def test_resolve_time(expr: str, anchor: date, value: date, precision: str, end_value: date | None) -> None:
    t = resolve_time(expr, anchor)
    assert t is not None, expr
    assert (t.value, t.precision, t.end_value) == (value, precision, end_value)
    assert expr[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "expr,anchor,value,precision",
    [
        ("May", A, D(2017, 5, 1), "month"),  # a bare DATE entity is read as "in May"
        ("2015", A, D(2015, 1, 1), "year"),
        ("September", A, D(2016, 9, 1), "month"),
    ],
)
def test_resolve_time_bare_entity(expr: str, anchor: date, value: date, precision: str) -> None:
    t = resolve_time(expr, anchor)
    assert t is not None and (t.value, t.precision, t.text) == (value, precision, expr)


# (sentence, anchor, [(matched text, value, precision)])
FIND_CASES = [
    (
        "On Friday, May 19, Russian forces shelled Aleppo, a decade or so ago it was calm.",
        A,
        [("Friday, May 19", D(2017, 5, 19), "day"), ("a decade or so ago", D(2007, 1, 1), "year")],
    ),
    (
        "Talks that began in September collapsed last weekend, officials said yesterday.",
        A,
        [("September", D(2016, 9, 1), "month"), ("last weekend", D(2017, 5, 20), "week"),
         ("yesterday", D(2017, 5, 24), "day")],
    ),
    (
        "In December 2016 and again last winter, the siege tightened.",
        A,
        [("December 2016", D(2016, 12, 1), "month"), ("last winter", D(2016, 12, 1), "season")],
    ),
    (
        "Theresa May said on Tuesday that the talks would resume in May.",
        A,
        [("Tuesday", D(2017, 5, 23), "day"), ("May", D(2017, 5, 1), "month")],
    ),
    ("The deal, signed 2016-12-29, expired.", None, [("2016-12-29", D(2016, 12, 29), "day")]),
    (
        "He spoke on Saturday. Sunday, the army advanced.",
        A,
        [("Saturday", D(2017, 5, 20), "day"), ("Sunday", D(2017, 5, 21), "day")],
    ),
    # without an anchor only absolute expressions resolve
    (
        "On Friday, May 19, 2017, and in 2015, but not yesterday or in September.",
        None,
        [("Friday, May 19, 2017", D(2017, 5, 19), "day"), ("2015", D(2015, 1, 1), "year")],
    ),
]


@pytest.mark.parametrize("text,anchor,expected", FIND_CASES)
def test_find_time_expressions(text: str, anchor: date | None, expected: list[tuple[str, date, str]]) -> None:
    found = find_time_expressions(text, anchor)
    assert [(t.text, t.value, t.precision) for t in found] == expected
    for t in found:
        assert text[t.start : t.end] == t.text


NEGATIVE_CASES = [
    "He may go to the capital.",
    "They may meet, and they may not.",
    "Thousands joined a march on the capital.",
    "March on Washington organisers met.",
    "A speech by May drew criticism.",
    "The Sunday Times reported the claim.",
    "according to the Sunday Telegraph",
    "The Good Friday Agreement held.",
    "on Bloody Sunday",
    "USA Today reported the claim.",
    "More than 2,000 people fled.",
    "Some 1,500 troops were deployed.",
    "The convoy carried 2000 people to safety.",
    "Aid reached 2016 families in the camp.",
    "in 2000 homes",
    "the March 14 Alliance",
    "The April 6 Youth Movement protested.",
    "Reports of the fall of Aleppo spread.",
    "The last week of talks was tense.",
    "Resolution 2254 was adopted.",
    "at 1,999 metres",
    "The 2016 election was contested.",
    "in 1850",
    "Pages 12-14 and chapter 2-3.",
    "Call 555-1234 now.",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_no_false_positives(text: str) -> None:
    assert find_time_expressions(text, A) == []


def test_unanchored_relative_expressions_do_not_resolve() -> None:
    assert find_time_expressions("yesterday, last week, three years ago, on Tuesday, May 19", None) == []


def test_offsets_on_longer_text() -> None:
    text = (
        "DAMASCUS, May 25 (Reuters) - Syrian government forces on Wednesday advanced in Eastern Ghouta, "
        "which rebels have held since 2013. Two weeks ago a ceasefire brokered in Astana on May 4 "
        "collapsed; between March 3 and 5 some 200 people were killed."
    )
    found = find_time_expressions(text, A)
    assert [t.text for t in found] == [
        "May 25", "Wednesday", "2013", "Two weeks ago", "May 4", "between March 3 and 5",
    ]
    assert [t.value for t in found] == [
        D(2017, 5, 25), D(2017, 5, 24), D(2013, 1, 1), D(2017, 5, 8), D(2017, 5, 4), D(2017, 3, 3),
    ]
    for t in found:
        assert t.start is not None and t.end is not None
        assert text[t.start : t.end] == t.text


def test_week_values_are_mondays() -> None:
    for expr in ("this week", "last week", "next week", "two weeks ago", "days ago"):
        for offset in range(7):
            anchor = date(2017, 5, 22 + offset)
            t = resolve_time(expr, anchor)
            assert t is not None and t.value is not None and t.value.weekday() == 0, (expr, anchor)


def test_bare_weekday_never_after_anchor() -> None:
    for offset in range(7):
        anchor = date(2017, 5, 22 + offset)
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            t = resolve_time(f"on {day}", anchor)
            assert t is not None and t.value is not None
            assert 0 <= (anchor - t.value).days < 7
            assert t.value.strftime("%A") == day


W = date(2018, 9, 5)  # a Wednesday

# a scheduled or intended event reads its expression forward: (expression, anchor, past, future)
FORWARD_CASES = [
    ("on Monday", W, D(2018, 9, 3), D(2018, 9, 10)),
    ("Wednesday", W, W, W),  # the anchor's own weekday: that day either way
    ("this Friday", W, D(2018, 8, 31), D(2018, 9, 7)),
    ("last Monday", W, D(2018, 9, 3), D(2018, 9, 3)),  # "last" and "next" are not moved
    ("next Monday", W, D(2018, 9, 10), D(2018, 9, 10)),
    ("on 3 September", W, D(2018, 9, 3), D(2018, 9, 3)),  # a few days back stays (late copy)
    ("on 20 March", W, D(2018, 3, 20), D(2019, 3, 20)),
    ("in October", W, D(2017, 10, 1), D(2018, 10, 1)),
    ("in September", W, D(2018, 9, 1), D(2018, 9, 1)),
    ("at the weekend", W, D(2018, 9, 1), D(2018, 9, 8)),
    ("in the spring", W, D(2018, 3, 1), D(2019, 3, 1)),
    ("in the autumn", W, D(2018, 9, 1), D(2018, 9, 1)),
    ("last week", W, D(2018, 8, 27), D(2018, 8, 27)),
    ("in 2016", W, D(2016, 1, 1), D(2016, 1, 1)),
]


@pytest.mark.parametrize("expr,anchor,past,future", FORWARD_CASES)
def test_future_reads_forward(expr: str, anchor: date, past: date, future: date) -> None:
    assert resolve_time(expr, anchor).value == past  # type: ignore[union-attr]
    assert resolve_time(expr, anchor, future=True).value == future  # type: ignore[union-attr]


@pytest.mark.parametrize("text,found", [
    ("Lavrov told the BBC's Today programme that Russia would stay.", []),
    ("He told the Today programme so.", []),
    ("Speaking to Today, he said so.", []),
    ("The Today show aired it.", []),
    ("USA Today reported it.", []),
    ("Today, Russia said it would stay.", [("Today", W)]),
    ("He said: “Today we won.”", [("Today", W)]),
    ("Russia said today it would stay.", [("today", W)]),
])
def test_capitalised_titles_are_not_days(text: str, found: list[tuple[str, date]]) -> None:
    assert [(t.text, t.value) for t in find_time_expressions(text, W)] == found


def test_day_ranges_with_and() -> None:
    """ "on 10 and 11 September" is one range; "on March 3 and 5 people" is one date."""
    (r,) = find_time_expressions("asking Turkey to meet on 10 and 11 September", W)
    assert (r.text, r.value, r.end_value) == ("10 and 11 September", D(2018, 9, 10), D(2018, 9, 11))
    assert [t.text for t in find_time_expressions("on March 3 and 5 people died", W)] == ["March 3"]
    assert [t.text for t in find_time_expressions("on 3 March and 5 May", W)] == ["3 March", "5 May"]


def test_temporal_words_are_checked() -> None:
    from detente.temporal.words import TEMPORAL_WORDS, TemporalWordsError, parse_temporal_words

    assert TEMPORAL_WORDS.carry_links["the next day"] == 1
    assert TEMPORAL_WORDS.carry_pattern.search("The  next day, jets returned")[1] == "The  next day"  # longest
    with pytest.raises(TemporalWordsError, match="missing lists"):
        parse_temporal_words({"carry_links": {"then": 0}})
    with pytest.raises(TemporalWordsError, match="day offset"):
        parse_temporal_words({"carry_links": {"then": "soon"}, "earlier_adverbs": [], "earlier_adjectives": [],
                              "recent_words": [], "immediacy_words": [], "title_nouns": []})
