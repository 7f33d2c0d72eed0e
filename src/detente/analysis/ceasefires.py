"""Ceasefire tracking: declarations, violations after them, and collapse.

Rule (CeasefireSettings holds the numbers):

declaration  an event coded 0871 (declare truce, ceasefire), or a 03x/05x/08x
             event (intent to de-escalate, agreement, yield) whose sentence says
             "ceasefire", "cease-fire" or "truce".
parties      the set of actor keys of the declaration's source and target: the
             country for state actors (RUSGOV, RUSMIL -> RUS), country + sector for
             non-state armed groups (SYRREB), the code when there is no country (IGOUNO).
ceasefire    declarations with the same parties whose dates chain within
             ``merge_days`` are one ceasefire, declared on the first date.
window       from the declaration to ``window_days`` later, cut short by the next
             ceasefire of the same parties.
violation    a 196 (violate ceasefire) or an 18/19/20 (assault, fight, mass
             violence) event inside the window, after the declaration date, whose
             source is a party and whose target is a party or unknown (with a single
             party: source or target is that party). Counted in clusters, so many
             reports of one strike are one violation.
collapse     the ceasefire collapsed on the date of its ``collapse_violations``-th
             violation, or earlier on a violation whose sentence says the ceasefire
             collapsed / broke down / ended. Status: holding (no violation),
             violated (fewer than that), collapsed.

Filters restrict the actors, dates, places and factuality of both declarations and
violations; their code/root/quad/text filters are not applied (they would hide one
or the other).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import duckdb

from detente.analysis.filters import Filters

DECLARE = (
    "(e.cameo_code = '0871' OR (e.cameo_root IN ('03', '05', '08') AND "
    "regexp_matches(e.sentence, '(?i)cease-?fire|truce')))"
)
VIOLATE = "(starts_with(e.cameo_code, '196') OR e.cameo_root IN ('18', '19', '20'))"
COLLAPSE = "(?i)collapse|broke down|breakdown|break down|(ended|end of) the (ceasefire|cease-fire|truce)|abandon"
NON_STATE = "('REB', 'INS', 'OPP', 'SEP', 'UAF')"
# party key: a state's actors collapse to the country; non-state armed groups stay distinct
KEY = ("CASE WHEN e.{s}_sector IN " + NON_STATE + " THEN coalesce(e.{s}_country, '') || e.{s}_sector "
       "ELSE coalesce(e.{s}_country, e.{s}_code) END")




def derived_columns() -> str:
    """Per-event ceasefire flags and party keys, stored in the analysis tables so the
    tracking does not re-evaluate text predicates over every event."""
    return (f"{DECLARE} AS cf_declare, {VIOLATE} AS cf_violate, "
            f"({VIOLATE} AND regexp_matches(e.sentence, '{COLLAPSE}')) AS cf_collapse, "
            f"{KEY.format(s='source')} AS cf_src, {KEY.format(s='target')} AS cf_tgt")


@dataclass(frozen=True, slots=True)
class CeasefireSettings:
    window_days: int = 30
    merge_days: int = 7
    collapse_violations: int = 3


def ceasefires(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    settings: CeasefireSettings = CeasefireSettings(),
    *,
    max_ids: int = 20,
) -> list[dict[str, Any]]:
    from detente.analysis.tables import events_relation

    rel = events_relation(con)
    f = filters.replace(code=None, root=None, quad_class=(), q=None)
    where, params = f.where("e")
    decl = con.execute(
        f"""SELECT e.event_id, coalesce(e.event_date, e.published) AS d,
                   list_sort(list_distinct(list_filter([e.cf_src, e.cf_tgt], lambda x: x IS NOT NULL))) AS parties,
                   e.sentence
            FROM {rel} e WHERE e.cf_declare AND {where} AND coalesce(e.event_date, e.published) IS NOT NULL
            ORDER BY d, e.event_id""",
        params,
    ).fetchall()
    # group declarations into ceasefires (a handful of rows: plain Python)
    groups: list[dict[str, Any]] = []
    last: dict[tuple, dict[str, Any]] = {}
    for event_id, d, parties, sentence in decl:
        key = tuple(parties)
        if not key:
            continue
        g = last.get(key)
        if g and (d - g["last_declared"]).days <= settings.merge_days:
            g["declarations"].append(event_id)
            g["last_declared"] = d
            continue
        g = {"ceasefire_id": event_id, "parties": list(key), "declared": d, "last_declared": d,
             "declarations": [event_id], "sentence": sentence}
        if key in last:  # the previous ceasefire of these parties ends before this one
            prev = last[key]
            prev["window_end"] = min(prev["window_end"], d - timedelta(days=1))
        g["window_end"] = d + timedelta(days=settings.window_days)
        last[key] = g
        groups.append(g)
    if not groups:
        return []
    spec = [{"cid": g["ceasefire_id"], "parties": g["parties"], "start": g["last_declared"],
             "stop": g["window_end"]} for g in groups]
    rows = con.execute(
        f"""WITH c AS (SELECT *, array_to_string(parties, '|') AS set_key FROM
                       (SELECT unnest(CAST(? AS STRUCT(cid VARCHAR, parties VARCHAR[], start DATE, stop DATE)[]),
                                      recursive := true))),
        sets AS (SELECT DISTINCT set_key, parties, unnest(parties) AS party FROM c),
        ev AS (SELECT e.event_id, e.event_date, e.cluster_no, e.cf_src, e.cf_tgt, e.cf_collapse
               FROM {rel} e WHERE e.cf_violate AND e.event_date IS NOT NULL AND {where}),
        -- candidate (party set, event) pairs by hash join on the party key ...
        cand AS (SELECT s.set_key, ev.* FROM ev JOIN sets s ON ev.cf_src = s.party
                 WHERE len(s.parties) = 1 OR ev.cf_tgt IS NULL OR list_contains(s.parties, ev.cf_tgt)
                 UNION ALL
                 SELECT s.set_key, ev.* FROM ev JOIN sets s ON ev.cf_tgt = s.party
                 WHERE len(s.parties) = 1 AND ev.cf_src IS DISTINCT FROM s.party),
        -- ... then the latest ceasefire of that set declared before the event (windows of one set never overlap)
        v AS (SELECT c.cid, cand.cluster_no, min(cand.event_id) AS event_id, min(cand.event_date) AS d,
                     bool_or(cand.cf_collapse) AS says_collapse
              FROM cand ASOF JOIN c ON cand.set_key = c.set_key AND cand.event_date > c.start
              WHERE cand.event_date <= c.stop
              GROUP BY c.cid, cand.cluster_no)
        SELECT cid, count(*) AS n, list(event_id ORDER BY d, event_id) AS ids, list(d ORDER BY d, event_id) AS dates,
               min(d) FILTER (WHERE says_collapse) AS explicit
        FROM v GROUP BY cid""",
        [spec, *params],
    ).fetchall()
    by_id = {r[0]: r[1:] for r in rows}
    k = settings.collapse_violations
    out = []
    for g in groups:
        n, ids, dates, explicit = by_id.get(g["ceasefire_id"], (0, [], [], None))
        kth = dates[k - 1] if len(dates) >= k else None
        collapsed = min(x for x in (kth, explicit) if x) if (kth or explicit) else None
        status = "collapsed" if collapsed else ("violated" if n else "holding")
        g.pop("last_declared")
        out.append({**g, "violations": n, "violation_ids": ids[:max_ids],
                    "first_violation": dates[0] if dates else None,
                    "status": status, "collapsed_on": collapsed})
    return out
