"""Pure calendar arithmetic used by the time-expression rules.

Every function takes plain ``datetime.date`` values and returns the *first day*
of the period it names (weeks start on Monday; seasons are northern-hemisphere
meteorological seasons: winter = Dec-Feb, spring = Mar-May, summer = Jun-Aug,
autumn = Sep-Nov, and the winter "of year Y" starts on 1 December of Y-1).
"""
from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

#: A month-day without a year is put in the anchor's year unless that date would
#: lie more than this many days after the anchor, in which case it is the
#: previous year's ("May 29" in a story dated 2017-01-03 is 2016-05-29).
FUTURE_WINDOW_DAYS = 7

SEASON_START_MONTH = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}


def week_start(d: date) -> date:
    """Monday of the ISO week containing ``d``."""
    return d - timedelta(days=d.weekday())


def month_start(d: date) -> date:
    return d.replace(day=1)


def year_start(d: date) -> date:
    return date(d.year, 1, 1)


def add_months(d: date, n: int) -> date:
    return d + relativedelta(months=n)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, anchor: date, future: bool = False) -> date | None:
    """Month-day with no year: the anchor's year, or the previous year when the
    date would fall more than ``FUTURE_WINDOW_DAYS`` after the anchor. ``future`` (a
    scheduled event, "will meet on 10 September"): the anchor's year, or the next
    year when the date would fall more than ``FUTURE_WINDOW_DAYS`` before the anchor."""
    if future:
        for year in (anchor.year, anchor.year + 1, anchor.year + 2, anchor.year + 3, anchor.year + 4):
            d = safe_date(year, month, day)
            if d is not None and d >= anchor - timedelta(days=FUTURE_WINDOW_DAYS):
                return d
        return None
    limit = anchor + timedelta(days=FUTURE_WINDOW_DAYS)
    for year in (anchor.year, anchor.year - 1, anchor.year - 2, anchor.year - 3, anchor.year - 4):
        d = safe_date(year, month, day)  # 29 Feb only exists in leap years
        if d is not None and d <= limit:
            return d
    return None


def month_occurrence(month: int, anchor: date, rel: str | None, future: bool = False) -> date:
    """First day of the named month relative to the anchor.

    rel None (bare "in September"): the most recent such month that has begun,
    the anchor's own month included. "last": the most recent one strictly
    before the anchor's month. "this": the one in the anchor's year. "next":
    the first one strictly after the anchor's month. ``future`` (rel None in a
    scheduled context, "will vote in September"): the next such month, the anchor's own
    month included.
    """
    y, m = anchor.year, anchor.month
    if future and rel is None:
        return date(y if month >= m else y + 1, month, 1)
    if rel == "this":
        return date(y, month, 1)
    if rel == "last":
        return date(y if month < m else y - 1, month, 1)
    if rel == "next":
        return date(y if month > m else y + 1, month, 1)
    return date(y if month <= m else y - 1, month, 1)


def weekday_occurrence(weekday: int, anchor: date, rel: str | None, future: bool = False) -> date:
    """A named weekday (Monday=0) relative to the anchor.

    rel None / "this" ("on Friday", "Friday"): the most recent such weekday on
    or before the anchor (news is written about the past; wire copy says "on
    Friday" for the publication day itself). "last" / "this past": strictly
    before the anchor. "next" / "coming": strictly after the anchor. ``future``
    (a scheduled event: "will meet on Monday", "due to be discussed on Monday"): rel
    None / "this" is the first such weekday on or after the anchor.
    """
    back = (anchor.weekday() - weekday) % 7
    if future and rel in (None, "this"):  # "will meet on Monday": the next Monday, or the anchor
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if rel in ("last", "this past"):
        return anchor - timedelta(days=back or 7)
    if rel in ("next", "this coming", "coming"):
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or 7)
    return anchor - timedelta(days=back)


def weekend_occurrence(anchor: date, rel: str | None, future: bool = False) -> date:
    """Saturday of the weekend named relative to the anchor.

    "last weekend" / "this past weekend": the weekend before the anchor's own
    week (anchor Thu 2017-05-25 -> Sat 2017-05-20; anchor Sun 2017-05-21 ->
    Sat 2017-05-13). "this weekend": the weekend of the anchor's week.
    "next weekend": the one after that. "over/at the weekend" (rel None): the
    most recent weekend that has begun by the anchor; with ``future``, the weekend of
    the anchor's week (the coming one).
    """
    this_sat = week_start(anchor) + timedelta(days=5)
    if future and rel is None:
        return this_sat
    if rel in ("last", "this past"):
        return this_sat - timedelta(days=7)
    if rel == "this":
        return this_sat
    if rel == "next":
        return this_sat + timedelta(days=7)
    return this_sat if anchor >= this_sat else this_sat - timedelta(days=7)


def season_start(d: date) -> date:
    """First day of the meteorological season containing ``d``."""
    m = d.month
    if m == 12:
        return date(d.year, 12, 1)
    if m <= 2:
        return date(d.year - 1, 12, 1)
    return date(d.year, (m - 3) // 3 * 3 + 3, 1)


def season_of_year(season: str, year: int) -> date:
    """The season "of" a year: winter Y starts on 1 December Y-1."""
    sm = SEASON_START_MONTH[season]
    return date(year - 1 if sm == 12 else year, sm, 1)


def season_occurrence(season: str, anchor: date, rel: str | None, future: bool = False) -> date:
    """First day of the named season relative to the anchor.

    rel None ("in the summer"): the most recent such season that has begun.
    "last": the most recent one that began before the anchor's current season.
    "this": the one belonging to the anchor's year (winter of Y = Dec Y-1 to Feb
    Y, except that in December "this winter" is the one just begun).
    "next": the first one beginning after the anchor's current season. ``future``
    (rel None in a scheduled context): the current one if it is that season, else the
    next.
    """
    sm = SEASON_START_MONTH[season]
    current = season_start(anchor)
    if future and rel is None:
        if current.month == sm:
            return current
        rel = "next"
    if rel == "this":
        if sm == 12:
            return date(anchor.year if anchor.month == 12 else anchor.year - 1, 12, 1)
        return date(anchor.year, sm, 1)
    cand = date(anchor.year + 1, sm, 1)
    if rel == "next":
        while cand - relativedelta(years=1) > current:
            cand -= relativedelta(years=1)
        return cand
    limit = current if rel == "last" else anchor
    while cand > limit or (rel == "last" and cand == limit):
        cand -= relativedelta(years=1)
    return cand


def ago(anchor: date, n: int, unit: str) -> date:
    """The anchor minus ``n`` units (day/week/month/year/decade)."""
    if unit == "day":
        return anchor - timedelta(days=n)
    if unit == "week":
        return anchor - timedelta(weeks=n)
    if unit == "month":
        return anchor - relativedelta(months=n)
    if unit == "year":
        return anchor - relativedelta(years=n)
    if unit == "decade":
        return anchor - relativedelta(years=10 * n)
    raise ValueError(unit)
