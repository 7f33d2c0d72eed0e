"""Say-do gap: what an actor (or a dyad's source, towards its target) says versus what
it does, per period.

For each period: counts of verbal cooperation (QuadClass 1), material cooperation
(2), verbal conflict (3) and material conflict (4) by the subject actor as source,
and the gap

    gap = (verbal_coop - material_conflict) / (verbal_coop + material_conflict)

from -1 (only material conflict) to +1 (only cooperative words); None when both
are zero. Each point carries the ids of the events behind it (up to ``max_ids`` per
QuadClass) so a chart can open the evidence.
"""
from __future__ import annotations

from typing import Any

import duckdb

from detente.analysis.clusters import Count, unit_column
from detente.analysis.filters import FilterError, Filters, interval_sql, parse_dyad
from detente.analysis.series import fill_periods, undated

NAMES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


def saydo(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    actor: str | None = None,
    dyad: str | tuple[str, str] | None = None,
    interval: str = "month",
    count: Count = "clusters",
    max_ids: int = 20,
) -> dict[str, Any]:
    """Say-do points for ``actor`` (as source, any target) or ``dyad`` (source -> target).

    Without either, the filters' dyad or actor is the subject."""
    from detente.analysis.tables import events_relation

    pair = parse_dyad(dyad) if dyad else None
    subject = Filters(actor=actor).actor if actor else None
    if not pair and not subject:
        pair, subject = filters.dyad, filters.actor
    if not pair and not subject:
        raise FilterError("say-do needs an actor or a dyad")
    rest = filters.replace(actor=None, dyad=None, quad_class=())
    where, params = rest.where("e")
    if pair:
        role, rparams = "starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)", list(pair)
    else:
        role, rparams = "starts_with(e.source_code, ?)", [subject]
    rel = events_relation(con, clusters=count == "clusters")
    unit = unit_column(count)
    sql = f"""
    WITH f AS (SELECT {interval_sql(interval)} AS period, e.quad_class, {unit} AS unit, e.event_id, e.event_date
               FROM {rel} e WHERE {role} AND {where} AND e.event_date IS NOT NULL)
    SELECT period, quad_class, count(DISTINCT unit) AS n,
           list(event_id ORDER BY event_date, event_id)[1:{int(max_ids)}] AS ids
    FROM f GROUP BY period, quad_class ORDER BY period, quad_class"""
    points: dict[Any, dict[str, Any]] = {}
    for period, quad, n, ids in con.execute(sql, [*rparams, *params]).fetchall():
        p = points.setdefault(period, {"period": period, **{v: 0 for v in NAMES.values()},
                                       "event_ids": {v: [] for v in NAMES.values()}})
        p[NAMES[quad]] = n
        p["event_ids"][NAMES[quad]] = ids
    for p in points.values():
        vc, mc = p["verbal_coop"], p["material_conflict"]
        p["gap"] = round((vc - mc) / (vc + mc), 4) if vc + mc else None
    def empty() -> dict[str, Any]:
        return {**{v: 0 for v in NAMES.values()}, "event_ids": {v: [] for v in NAMES.values()}, "gap": None}

    return {"actor": None if pair else subject, "dyad": list(pair) if pair else None,
            "interval": interval, "count": count, "undated": undated(con, rel, rest, role, rparams),
            "points": fill_periods(list(points.values()), interval, empty)}
