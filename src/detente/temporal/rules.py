"""The rule table: one regex and one resolver per kind of time expression.

A resolver gets the match, the whole text, the anchor and ``future`` (the expression
dates a scheduled or intended event: the weekdays, months, seasons and month-days it names
without a year lie ahead of the anchor) and returns ``(value, precision, end_value)`` or
None (not a time expression here, or not resolvable without an anchor). The span of an expression is the regex group
``e`` when the rule has one (leading prepositions such as "on"/"in"/"since"
stay outside), else the whole match.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from detente.temporal import calendar_math as cm
from detente.temporal.words import TEMPORAL_WORDS
from detente.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUN_RE,
    DAY_RE,
    MODIFIER_RE,
    MONTH_FULL_RE,
    MONTH_NUMBER,
    MONTH_RE,
    NAME_SUFFIX_RE,
    NUMBER_RE,
    NUMBER_WORDS,
    SEASON_RE,
    WEEKDAY_NUMBER,
    WEEKDAY_RE,
    YEAR_RE,
)

Resolved = tuple[date, str, "date | None"]
Handler = Callable[[re.Match[str], str, "date | None", bool], "Resolved | None"]

_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?i:to|through|until|till|and)\s+)"
_CAP_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")  # "The Sunday", not "said. Sunday"
_CAP_WORD_AFTER = re.compile(r"\s+[A-Z]")
_MONTH_OR_YEAR_AFTER = re.compile(rf",?\s+(?:{MONTH_RE}|{YEAR_RE})")
# a capitalised time word is a day only where a sentence (or a quotation, a parenthesis) starts
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(—–]\s*|\n\s*)$")
_TITLE_NOUN_AFTER = re.compile(rf"['’]?s?\s+(?i:{'|'.join(sorted(TEMPORAL_WORDS.title_nouns))})\b")


# ---- helpers ----------------------------------------------------------------------------
def _month(s: str | None) -> int | None:
    return MONTH_NUMBER.get(s.lower().rstrip(".")) if s else None


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _rel(s: str | None) -> str | None:
    if not s:
        return None
    r = " ".join(s.lower().split())
    return {"the previous": "last", "the past": "last", "coming": "next", "this coming": "next"}.get(r, r)


def _full_date(y: str | None, m: int | None, d: int, anchor: date | None, future: bool = False) -> date | None:
    if m is None:
        return None
    if y:
        return cm.safe_date(int(y), m, d)
    return cm.infer_year(m, d, anchor, future) if anchor else None


def _after(m: re.Match[str], text: str, group: str | int = 0) -> str:
    return text[m.end(group) : m.end(group) + 40]


# ---- resolvers --------------------------------------------------------------------------
def _iso(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    d = cm.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, "day", None) if d else None


def _numeric(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    a, b = int(m["a"]), int(m["b"])
    day, month = (b, a) if b > 12 >= a else (a, b)  # day-first unless impossible
    d = cm.safe_date(int(m["y"]), month, day)
    return (d, "day", None) if d else None


def _day_range(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    month_first = m["m1"] is not None and m.start("m1") < m.start("d1")
    if re.fullmatch(r"(?i)\s+and\s+", m["sep"]) and not m["between"] and (month_first or m["m1"] is not None):
        return None  # "on March 3 and 5 people died"; but "on 10 and 11 September" is a range
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    m1, m2 = m1 or m2, m2 or m1
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    end = _full_date(m["y"], m2, d2, anchor, future)
    if end is None or m1 is None:
        return None
    start = cm.safe_date(end.year if (m1, d1) <= (m2, d2) else end.year - 1, m1, d1)
    return (start, "day", end) if start and start < end else None


def _day_date(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    month_word = m["m"].lower().rstrip(".")
    after = _after(m, text)
    if re.match(NAME_SUFFIX_RE, after):
        return None  # "the March 14 Alliance"
    if month_word in AMBIGUOUS_MONTHS and not m["y"] and re.match(COUNT_NOUN_RE, after):
        return None
    d = _full_date(m["y"], _month(m["m"]), _day(m["d"]), anchor, future)
    return (d, "day", None) if d else None


def _month_range(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    assert m1 and m2
    if m["y2"]:
        end = date(int(m["y2"]), m2, 1)
    elif m["y1"]:
        end = date(int(m["y1"]) + (m2 < m1), m2, 1)
    elif anchor:
        end = cm.month_occurrence(m2, anchor, None)
    else:
        return None
    start = date(int(m["y1"]) if m["y1"] else end.year - (m1 > m2), m1, 1)
    return (start, "month", end) if start < end else None


def _month_year(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if re.match(COUNT_NOUN_RE, _after(m, text)):
        return None
    return date(int(m["y"]), _month(m["m"]) or 1, 1), "month", None


def _month_bare(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    prep = (m["prep"] or "").lower()
    if not (prep or m["rel"] or m["mod"]):
        return None
    word = m["m"].lower()
    if word in AMBIGUOUS_MONTHS and not (m["rel"] or m["mod"]):
        if prep not in ("in", "since", "until", "till", "through", "throughout", "during"):
            return None  # "a speech by May", "the government of May"
        if _after(m, text).startswith(("'s", "’s")):
            return None  # "in May's cabinet"
    if anchor is None:
        return None
    return cm.month_occurrence(MONTH_NUMBER[word], anchor, _rel(m["rel"]), future), "month", None


def _weekday(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if not (m["prep"] or m["rel"]):
        before = text[max(0, m.start("e") - 40) : m.start("e")]
        after = _after(m, text, "e")
        if _CAP_WORD_BEFORE.search(before):
            return None  # "Good Friday", "Bloody Sunday", "The Sunday Times"
        if _CAP_WORD_AFTER.match(after) and not _MONTH_OR_YEAR_AFTER.match(after):
            return None  # "Sunday Times", "Sunday Telegraph"
    if anchor is None:
        return None
    wd = WEEKDAY_NUMBER[m["wd"].lower()]
    return cm.weekday_occurrence(wd, anchor, _rel(m["rel"]), future), "day", None


_DAY_OFFSETS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
    "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "tomorrow": 1, "the day after tomorrow": 2,
}


def _relative_day(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    word = " ".join(m["e"].lower().split())
    if m["e"][0].isupper() and (_TITLE_NOUN_AFTER.match(_after(m, text, "e"))
                                or not _SENTENCE_START.search(text[: m.start("e")])):
        return None  # "USA Today", "the Today programme", "told Today": a title, not a day
    if anchor is None:
        return None
    return anchor + timedelta(days=_DAY_OFFSETS[word]), "day", None


def _after_the(m: re.Match[str], text: str) -> bool:
    """"the last week of May", "the next year or two": not deictic."""
    return bool(re.search(r"(?i)\bthe\s+$", text[max(0, m.start() - 5) : m.start()]))


def _week(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if anchor is None or _after_the(m, text):
        return None
    shift = {"this": 0, "last": -1, "this past": -1, "next": 1}[_rel(m["rel"]) or "this"]
    return cm.week_start(anchor) + timedelta(weeks=shift), "week", None


def _weekend(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if anchor is None:
        return None
    sat = cm.weekend_occurrence(anchor, _rel(m["rel"]), future)
    return sat, "week", sat + timedelta(days=1)


def _month_rel(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if anchor is None or _after_the(m, text):
        return None
    shift = {"this": 0, "last": -1, "next": 1}[_rel(m["rel"]) or "this"]
    return cm.add_months(cm.month_start(anchor), shift), "month", None


def _year_rel(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if anchor is None or _after_the(m, text):
        return None
    shift = {"this": 0, "last": -1, "next": 1}[_rel(m["rel"]) or "this"]
    return date(anchor.year + shift, 1, 1), "year", None


def _season(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    season = m["s"].lower()
    if m["y"]:
        return cm.season_of_year(season, int(m["y"])), "season", None
    if not (m["prep"] or m["rel"] or m["mod"]):
        return None
    if re.match(r"(?i)\s+of\b", _after(m, text)):
        return None  # "in the fall of Aleppo"
    if m["rel"] and re.search(r"(?i)\bthe\s+$", text[max(0, m.start("e") - 5) : m.start("e")]):
        return None  # "the last fall in prices"
    if anchor is None:
        return None
    return cm.season_occurrence(season, anchor, _rel(m["rel"]), future), "season", None


def _year(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if not (m["prep"] or m["mod"]):
        return None
    if re.match(COUNT_NOUN_RE, _after(m, text)):
        return None  # "in 2000 homes"
    return date(int(m["y"]), 1, 1), "year", None


def _year_range(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    sep = m["sep"].strip().lower()
    if sep == "and" and (m["p"] or "").lower() != "between":
        return None
    if re.match(COUNT_NOUN_RE, _after(m, text)):
        return None
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not 0 < y2 - y1 <= 100:
        return None
    return date(y1, 1, 1), "year", date(y2, 1, 1)


def _decade(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    dec = int(m["dec"])
    return date(dec, 1, 1), "year", date(dec + 9, 1, 1)


_VAGUE = {"", "a few", "few", "several", "many", "some"}
_UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}
_VAGUE_PRECISION = {"day": "week", "week": "month", "month": "month", "year": "year", "decade": "year"}


def _ago(m: re.Match[str], text: str, anchor: date | None, future: bool = False) -> Resolved | None:
    if anchor is None:
        return None
    unit = m["unit"].lower()
    n_text = " ".join((m["n"] or "").lower().split())
    if n_text in _VAGUE:
        n, precision = (2 if unit == "decade" else 3), _VAGUE_PRECISION[unit]
    else:
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
        precision = _UNIT_PRECISION[unit]
    d = cm.ago(anchor, n, unit)
    start = {"day": d, "week": cm.week_start(d), "month": cm.month_start(d), "year": cm.year_start(d)}
    return start[precision], precision, None


# ---- the table --------------------------------------------------------------------------
_PREP_RE = r"(?i:in|since|until|till|through|throughout|during|by|before|after|from|of|as\s+of)"
_WD = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"

RULES: list[tuple[str, Handler]] = [
    (rf"(?<![\d/.-])(?P<y>(?:19|20)\d{{2}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?!\d)(?![-/.]\d)", _iso),
    (rf"(?<![\d/.-])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>(?:19|20)\d{{2}})(?!\d)(?![-/.]\d)", _numeric),
    (
        rf"(?:(?P<between>(?i:between))\s+|(?i:from)\s+)?(?P<m1>{MONTH_RE})\s+(?P<d1>{DAY_RE})"
        rf"(?P<sep>{_RANGE_SEP})(?:(?P<m2>{MONTH_RE})\s+)?(?P<d2>{DAY_RE})(?:,?\s+(?P<y>{YEAR_RE}))?",
        _day_range,
    ),
    (
        rf"(?:(?P<between>(?i:between))\s+|(?i:from)\s+)?(?<![\d,.])(?P<d1>{DAY_RE})(?:\s+(?P<m1>{MONTH_RE}))?"
        rf"(?P<sep>{_RANGE_SEP})(?P<d2>{DAY_RE})\s+(?P<m2>{MONTH_RE})(?:,?\s+(?P<y>{YEAR_RE}))?",
        _day_range,
    ),
    (rf"{_WD}(?P<m>{MONTH_RE})\s+(?P<d>{DAY_RE})(?:(?:,\s*|\s+)(?P<y>{YEAR_RE}))?", _day_date),
    (
        rf"{_WD}(?:(?i:the)\s+)?(?<![\d,.])(?P<d>{DAY_RE})(?:\s+(?i:of))?\s+(?P<m>{MONTH_RE})"
        rf"(?:,?\s+(?P<y>{YEAR_RE}))?",
        _day_date,
    ),
    (
        rf"(?i:between|from)\s+(?P<m1>{MONTH_FULL_RE})(?:,?\s+(?P<y1>{YEAR_RE}))?\s+(?i:to|and|until|till|through)\s+"
        rf"(?P<m2>{MONTH_FULL_RE})(?:,?\s+(?P<y2>{YEAR_RE}))?",
        _month_range,
    ),
    (rf"(?:{MODIFIER_RE}[\s-]+)?(?P<m>{MONTH_RE}),?\s+(?:(?i:of)\s+)?(?P<y>{YEAR_RE})", _month_year),
    (
        rf"(?:(?P<prep>{_PREP_RE})\s+)?(?P<e>(?:(?P<rel>(?i:last|this\s+past|this|next))\s+|(?P<mod>{MODIFIER_RE})[\s-]+)?"
        rf"(?P<m>{MONTH_FULL_RE}))(?!\s+\d|,\s*(?:19|20)\d\d\b)",
        _month_bare,
    ),
    (
        rf"(?:(?P<prep>(?i:on|since|until|till|by|from|before|after|as\s+of))\s+)?"
        rf"(?P<e>(?:(?P<rel>(?i:last|this\s+past|this\s+coming|this|next|coming))\s+)?(?P<wd>{WEEKDAY_RE})"
        rf"(?:\s+(?i:morning|afternoon|evening|night|overnight)\b)?)",
        _weekday,
    ),
    (
        r"(?P<e>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow"
        r"|this\s+(?:morning|afternoon|evening)|last\s+night|earlier\s+today|later\s+today))\b",
        _relative_day,
    ),
    (r"(?i:(?:(?:earlier|later|early|late)\s+)?(?P<rel>this\s+past|this|last|next|the\s+previous)\s+week)\b", _week),
    (r"(?:(?i:over|at|during|on)\s+)?(?P<e>(?i:(?:(?P<rel>this\s+past|this|last|next)|the)\s+weekend))\b", _weekend),
    (r"(?i:(?:(?:earlier|later|early|late)\s+)?(?P<rel>this|last|next|the\s+previous)\s+month)\b", _month_rel),
    (r"(?i:(?:(?:earlier|later|early|late)\s+)?(?P<rel>this|last|next|the\s+previous)\s+year)\b", _year_rel),
    (
        rf"(?:(?P<prep>(?i:in|during|since|until|by|through|throughout|over))\s+)?(?P<e>(?:(?P<mod>{MODIFIER_RE})[\s-]+)?"
        rf"(?:(?P<rel>(?i:last|this\s+past|this|next))\s+|(?i:the)\s+)?(?P<s>(?i:{SEASON_RE}))\b"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR_RE}))?)",
        _season,
    ),
    (
        rf"(?:(?P<p>(?i:between|from))\s+)?(?P<y1>{YEAR_RE})(?P<sep>\s*[-–—/]\s*|\s+(?i:to|and|until|till|through)\s+)"
        rf"(?P<y2>{YEAR_RE}|\d{{2}}(?!\d))",
        _year_range,
    ),
    (
        rf"(?:(?P<prep>(?i:in|since|until|till|through|throughout|during|by|before|after|from|as\s+of))\s+)?"
        rf"(?P<e>(?:(?P<mod>{MODIFIER_RE})[\s-]+)?(?:(?i:the\s+year)\s+)?(?P<y>{YEAR_RE}))",
        _year,
    ),
    (
        r"(?:(?i:in|during|since|through|throughout|by)\s+)?"
        r"(?P<e>(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<dec>(?:19|20)\d0)['’]?s)\b",
        _decade,
    ),
    (
        rf"(?P<e>(?i:(?:(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|over|just\s+over"
        rf"|just\s+under|only|just)\s+)?(?:(?P<n>a\s+few|few|several|many|{NUMBER_RE})\s+)?"
        rf"(?P<unit>day|week|month|year|decade)s?(?:\s+or\s+so)?\s+ago))\b",
        _ago,
    ),
]
# A cheap test per rule that every match must pass (a word or digit the rule cannot do
# without): most rules start with optional prepositions, which makes the full pattern slow
# to scan for, so a sentence is only searched with the rules whose gate it passes.
_DIGIT, _YEAR = r"\d", r"(?:19|20)\d\d"
GATES: list[str] = [
    _DIGIT, _DIGIT, _DIGIT, _DIGIT, _DIGIT, _DIGIT,  # ISO, numeric, day ranges, day dates
    r"(?i:between|from)",  # month ranges
    _YEAR,  # month + year
    MONTH_FULL_RE,  # bare month
    WEEKDAY_RE,  # weekday
    r"(?i:yesterday|today|tonight|tomorrow|morning|afternoon|evening|night)",
    r"(?i:week)", r"(?i:weekend)", r"(?i:month)", r"(?i:year)",
    rf"(?i:{SEASON_RE})",
    _YEAR, _YEAR,  # year ranges, years
    r"(?:19|20)\d0",  # decades
    r"(?i:\bago\b)",
]
assert len(GATES) == len(RULES)
COMPILED: list[tuple[re.Pattern[str], re.Pattern[str], Handler]] = [
    (re.compile(g), re.compile(p), h) for g, (p, h) in zip(GATES, RULES)
]
