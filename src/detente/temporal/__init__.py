"""Time expressions: find them in text and resolve them against an anchor date.

The anchor is the publication date. Regex rules (``rules.py``) find candidate
expressions; calendar arithmetic (``calendar_math.py``) resolves them. Without
an anchor only absolute expressions (those naming a year, ISO and numeric
dates) resolve; unresolved candidates are not returned.

Output (``detente.model.TimeExpr``): ``value`` is the first day of the period
("week" starts Monday, "month" the 1st, "season" the 1st of Dec/Mar/Jun/Sep,
"year" 1 January); ranges also set ``end_value``, the first day of the *last*
period of the range, inclusive ("between March 3 and 5" -> 03-03..03-05;
"from 2012 to 2014" -> 2012-01-01..2014-01-01). ``start``/``end`` are character
offsets with ``text[start:end] == expr.text``. The span leaves out bare
prepositions ("on", "in", "since", "over") but keeps words that move or refine
the period ("last", "this", "early", "the end of", "ago").

Resolution rules (anchor = A):

* "yesterday"/"last night" A-1, "today"/"tonight"/"this morning" A,
  "tomorrow" A+1 (day).
* Weekdays: "on Friday"/"Friday"/"this Friday" = the most recent Friday on or
  before A (A itself when A is a Friday: news is about the past, and wire copy
  names the weekday even for the publication day); "last Friday"/"this past
  Friday" = strictly before A; "next Friday"/"coming Friday" = strictly after.
* "this/last/next week": Monday of A's week, -7, +7 days (week).
* "last weekend"/"this past weekend": the weekend before A's own Mon-Sun week;
  "this weekend": the weekend of A's week; "over/at the weekend": the most recent
  weekend begun by A. Precision "week", value Saturday, end_value Sunday.
* "this/last/next month" and "earlier/later this month" (month); "this/last/next
  year" (year).
* Month-day without year ("May 19", "Friday, May 19", "19 May"): A's year, or
  the year before when that date would be more than
  ``calendar_math.FUTURE_WINDOW_DAYS`` (7) days after A.
* Bare months ("in September"): the most recent September that has begun
  (A's own month included); "last September" strictly before A's month; "this
  September" A's year; "next September" strictly after. Month precision.
* Seasons are northern-hemisphere meteorological (winter Dec-Feb, spring
  Mar-May, summer Jun-Aug, autumn/fall Sep-Nov). "winter 2016"/"the winter of
  2016" starts 2015-12-01 (the winter that ends in that year). "last winter" =
  the most recent winter begun before A's current season (A 2017-05-25 ->
  2016-12-01); "this spring" = the one of A's year; bare "in the summer" = the
  most recent one begun.
* "N days/weeks/months/years ago" = A minus N units at that unit's precision
  (weeks -> Monday; "a decade (or so) ago" -> year precision). Vague counts
  ("days ago", "a few weeks ago", "several years ago") count as 3 units (2 for
  decades) at one step coarser precision (days -> week, weeks -> month).
* Numeric dates: ISO "2016-12-29"; "29/12/2016" is day-first unless the first
  number cannot be a day-of-month partner (``12/29/2016`` is read month-first).
* Years (1900-2099) only in date contexts: after a preposition ("in 2015",
  "since 2015", "by 2020"), a modifier ("early 2016", "mid-2016", "the end of
  2016"), a month or season, or in a range; never before a count noun ("in 2000
  homes"). "the 1990s" = 1990..1999 (year precision range).

False positives avoided: month and weekday names must be capitalised ("he may
go", "a march on the capital" never match); a bare "May"/"March" needs "in",
"since", "until", "during", "last", "early", ... ("a speech by May" does not
match); weekdays between capitalised words are names ("Sunday Times", "Good
Friday"); "March 14 Alliance"-style names; "USA Today".
"""
from __future__ import annotations

import re
from datetime import date

from detente.model import TimeExpr
from detente.temporal.calendar_math import FUTURE_WINDOW_DAYS
from detente.temporal.rules import COMPILED

__all__ = ["FUTURE_WINDOW_DAYS", "find_time_expressions", "resolve_time"]


# Every rule needs a digit or one of these words: a cheap test that spares most
# sentences the full set of patterns.
_TIME_WORDS = (
    "yesterday", "today", "tonight", "tomorrow", "day", "week", "month", "year", "ago", "decade", "centur",
    "spring", "summer", "autumn", "fall", "winter",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "earlier", "later", "recent", "last", "next", "morning", "night", "evening", "afternoon", "dawn", "midnight",
    "noon",
)
_DIGIT = re.compile(r"\d")
# The letters that a case-insensitive regex also matches and str.lower() does not give:
# with these folded first, a word is in the lower-cased text exactly where
# re.IGNORECASE would find it (one case-insensitive scan for 47 words is slow).
_REGEX_CASE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})  # İ, ı, ſ


def _may_have_time(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    low = text.translate(_REGEX_CASE_FOLDS).lower()
    return any(word in low for word in _TIME_WORDS)


def find_time_expressions(text: str, anchor: date | None, future: bool = False) -> list[TimeExpr]:
    """Every resolvable time expression in ``text``, in text order, non-overlapping
    (where candidates overlap, the longest wins, then the earliest). ``future``: they date
    a scheduled or intended event, so what they name without a year or a "last"/"next"
    lies ahead ("will meet on Monday" is the next Monday)."""
    if not _may_have_time(text):
        return []
    candidates: list[TimeExpr] = []
    for gate, pattern, handler in COMPILED:
        if not gate.search(text):
            continue
        for m in pattern.finditer(text):
            resolved = handler(m, text, anchor, future)
            if resolved is None:
                continue
            value, precision, end_value = resolved
            group = "e" if "e" in pattern.groupindex and m.start("e") >= 0 else 0
            start, end = m.span(group)
            candidates.append(
                TimeExpr(value=value, precision=precision, text=text[start:end],  # type: ignore[arg-type]
                         start=start, end=end, end_value=end_value)
            )
    candidates.sort(key=lambda t: (-(t.end - t.start), t.start))  # type: ignore[operator]
    chosen: list[TimeExpr] = []
    for cand in candidates:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):  # type: ignore[operator]
            chosen.append(cand)
    return sorted(chosen, key=lambda t: t.start)  # type: ignore[arg-type,return-value]


def resolve_time(expr: str, anchor: date, future: bool = False) -> TimeExpr | None:
    """Resolve one expression (e.g. a spaCy DATE entity). Returns the longest
    expression found in it, offsets relative to ``expr``. A bare month or year
    ("May", "2015") is read as if preceded by "in", since the caller already
    says this is a time expression."""
    found = find_time_expressions(expr, anchor, future)
    if not found:
        found = find_time_expressions("in " + expr, anchor, future)
        for t in found:
            t.start, t.end = max(0, t.start - 3), max(0, t.end - 3)  # type: ignore[operator]
            t.text = expr[t.start : t.end]
        found = [t for t in found if t.end > t.start]
    if not found:
        return None
    return max(found, key=lambda t: (t.end - t.start, -t.start))  # type: ignore[operator]
