"""Actor profile: an actor's activity, partners and mix of event roots over time."""
from __future__ import annotations

from typing import Any

import duckdb

from detente.analysis.clusters import Count, unit_column
from detente.analysis.filters import Filters, interval_sql
from detente.analysis.series import node_keys, undated


def actor_profile(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    filters: Filters = Filters(),
    *,
    interval: str = "year",
    count: Count = "clusters",
    partners: int = 15,
) -> dict[str, Any]:
    """Totals as source and target, top partners (either direction), root mix per period."""
    from detente.analysis.tables import events_relation

    actor = Filters(actor=actor).actor  # validates
    f = filters.replace(actor=actor)
    where, params = f.where("e")
    rel = events_relation(con, clusters=count == "clusters")
    unit = unit_column(count)
    s, t = node_keys("country")
    base = f"SELECT e.*, {unit} AS unit FROM {rel} e WHERE {where}"
    # dedupe to one row per unit (cluster or mention) first: plain counts are much
    # cheaper than several count(DISTINCT ...) over the same rows
    totals = con.execute(
        f"""WITH u AS (SELECT unit, bool_or(starts_with(source_code, ?)) AS s, bool_or(starts_with(target_code, ?)) AS t,
                              avg(goldstein) AS g, min(event_date) AS d0, max(event_date) AS d1
                       FROM ({base}) GROUP BY unit)
            SELECT count(*) FILTER (WHERE s) AS as_source, count(*) FILTER (WHERE t) AS as_target,
                   count(*) AS total, round(avg(g), 3) AS goldstein_mean, min(d0) AS first_date, max(d1) AS last_date
            FROM u""",
        [actor, actor, *params],
    ).fetchone()
    keys = ("as_source", "as_target", "total", "goldstein_mean", "first_date", "last_date")
    codes = [r[0] for r in con.execute(
        f"""SELECT code FROM (SELECT source_code AS code FROM ({base}) UNION ALL SELECT target_code FROM ({base}))
            WHERE starts_with(code, ?) GROUP BY code ORDER BY count(*) DESC, code LIMIT 50""",
        [*params, *params, actor]).fetchall()]
    partner_rows = con.execute(
        f"""WITH p AS (SELECT CASE WHEN starts_with(e.source_code, ?) THEN {t} ELSE {s} END AS partner,
                              e.unit, e.quad_class, e.goldstein, starts_with(e.source_code, ?) AS is_out
                       FROM ({base}) e),
            u AS (SELECT partner, unit, bool_or(is_out) AS o, bool_or(NOT is_out) AS i, min(quad_class) AS q,
                         avg(goldstein) AS g
                  FROM p WHERE partner IS NOT NULL AND NOT starts_with(partner, ?) GROUP BY partner, unit)
            SELECT partner, count(*) AS n, count(*) FILTER (WHERE o) AS outgoing, count(*) FILTER (WHERE i) AS incoming,
                   count(*) FILTER (WHERE q IN (1, 2)) AS cooperative, count(*) FILTER (WHERE q IN (3, 4)) AS conflictual,
                   round(avg(g), 3) AS goldstein_mean
            FROM u GROUP BY partner ORDER BY n DESC, partner LIMIT ?""",
        [actor, actor, *params, actor, int(partners)],
    )
    pcols = [d[0] for d in partner_rows.description]
    partner_list = [dict(zip(pcols, r)) for r in partner_rows.fetchall()]
    mix = con.execute(
        f"""SELECT {interval_sql(interval)} AS period, e.cameo_root AS root, count(DISTINCT e.unit) AS n
            FROM ({base}) e WHERE e.event_date IS NOT NULL GROUP BY ALL ORDER BY period, root""",
        params,
    ).fetchall()
    return {
        "actor": actor,
        **dict(zip(keys, totals)),
        "codes": codes,
        "partners": partner_list,
        "root_mix": [{"period": p, "root": r, "n": n} for p, r, n in mix],
        "undated": undated(con, rel, f),  # left out of root_mix
        "interval": interval,
        "count": count,
    }
