"""Time series of events for a dyad, an actor or any filter: per period, counts per
QuadClass and the mean and sum of Goldstein scores.

Asserted events only unless the filters ask for other factualities (``Filters``
defaults to asserted). Events without a date cannot be placed in a period: every
time-based result says how many were left out (``undated``, see :func:`undated`). Units are clusters by default: a cluster counts once in each
period it has mentions in, with the mean Goldstein of its mentions there;
``count="mentions"`` counts every coded event.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
from dateutil.relativedelta import relativedelta

from detente.analysis.clusters import Count, unit_column
from detente.analysis.filters import Filters, interval_sql


def _units_sql(rel: str, where: str, unit: str, period: str, count: Count) -> str:
    base = (f"SELECT {period} AS period, e.quad_class, e.goldstein, {unit} AS unit "
            f"FROM {rel} e WHERE {where} AND e.event_date IS NOT NULL")
    if count == "mentions":
        return base
    return (f"SELECT period, min(quad_class) AS quad_class, avg(goldstein) AS goldstein "
            f"FROM ({base}) GROUP BY period, unit")


def undated(con: duckdb.DuckDBPyConnection, rel: str, filters: Filters,
            extra: str = "TRUE", extra_params: list[Any] | None = None) -> int:
    """Events matching ``filters`` but their date range (and ``extra``, SQL on alias
    ``e``) that have no event_date: those a time-based result leaves out. Counted as
    events (mentions), whatever the unit of the result."""
    where, params = filters.replace(since=None, until=None).where("e")
    sql = f"SELECT count(*) FROM {rel} e WHERE {extra} AND {where} AND e.event_date IS NULL"
    return con.execute(sql, [*(extra_params or []), *params]).fetchone()[0]


def series(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    interval: str = "month",
    count: Count = "clusters",
) -> dict[str, Any]:
    """{'interval', 'count', 'undated', 'points': [{period, q1..q4, total, goldstein_sum, goldstein_mean}]}"""
    from detente.analysis.tables import events_relation

    rel = events_relation(con, clusters=count == "clusters")
    where, params = filters.where("e")
    units = _units_sql(rel, where, unit_column(count), interval_sql(interval), count)
    sql = f"""
    SELECT period,
           count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
           count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
           count(*) AS total, round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean
    FROM ({units}) GROUP BY period ORDER BY period"""
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    points = [dict(zip(cols, r)) for r in cur.fetchall()]
    zero = {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0, "goldstein_sum": None, "goldstein_mean": None}
    return {"interval": interval, "count": count, "undated": undated(con, rel, filters),
            "points": fill_periods(points, interval, lambda: dict(zero))}


STEP = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
        "quarter": relativedelta(months=3), "year": relativedelta(years=1)}


def fill_periods(
    points: list[dict[str, Any]], interval: str, empty: Callable[[], dict[str, Any]], max_periods: int = 20_000
) -> list[dict[str, Any]]:
    """Insert the periods without events (as ``empty()`` rows) between the first and last
    point, so charts get a continuous time axis. Points are sorted by 'period'."""
    if len(points) < 2:
        return points
    have = {p["period"]: p for p in points}
    out: list[dict[str, Any]] = []
    cur: date = points[0]["period"]
    last: date = points[-1]["period"]
    step = STEP[interval]
    while cur <= last and len(out) < max_periods:
        out.append(have.get(cur) or {"period": cur, **empty()})
        cur = cur + step
    return out if len(out) < max_periods else points


def dyads(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    count: Count = "clusters",
    level: str = "country",
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Directed source->target pairs with counts per QuadClass and Goldstein, busiest first.

    level="country": actors keyed by country (or code when none); "actor": full code."""
    from detente.analysis.tables import events_relation

    rel = events_relation(con, clusters=count == "clusters")
    where, params = filters.where("e")
    s, t = node_keys(level)
    sql = f"""
    WITH u AS (SELECT {s} AS source, {t} AS target, {unit_column(count)} AS unit,
                      min(e.quad_class) AS quad_class, avg(e.goldstein) AS goldstein
               FROM {rel} e WHERE {where} AND {s} IS NOT NULL AND {t} IS NOT NULL
               GROUP BY ALL)
    SELECT source, target, count(*) AS n,
           count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
           count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
           round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean
    FROM u GROUP BY source, target ORDER BY n DESC, source, target LIMIT ?"""
    cur = con.execute(sql, [*params, int(limit)])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def node_keys(level: str) -> tuple[str, str]:
    """SQL for the source and target node key at a level of detail."""
    if level == "country":
        return ("coalesce(e.source_country, e.source_code)", "coalesce(e.target_country, e.target_code)")
    if level == "actor":
        return ("e.source_code", "e.target_code")
    raise ValueError("level is 'country' or 'actor'")
