"""Negotiation processes: events grouped by a named process or venue.

The processes and their names live in ``detente/data/processes/processes.json``.
An event belongs to a process when its sentence contains one of the process's
aliases ("Astana talks"), or when it is a diplomacy event (root 03, 04, 05, 08 or
12) whose sentence or location names the venue ("Astana"). One event may belong
to several processes. Ceasefire tracking is in ``ceasefires.py``.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import duckdb

from detente.analysis.clusters import Count, unit_column
from detente.analysis.filters import Filters, interval_sql

DIPLOMACY_ROOTS = ("03", "04", "05", "08", "12")


@functools.cache
def load_processes() -> tuple[dict[str, Any], ...]:
    path = resources.files("detente") / "data" / "processes" / "processes.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["processes"])


def _aliases() -> list[dict[str, Any]]:
    out = []
    for p in load_processes():
        out += [{"process_id": p["id"], "alias": a.lower(), "strong": True} for a in p["aliases"]]
        out += [{"process_id": p["id"], "alias": v.lower(), "strong": False} for v in p["venues"]]
    return out


def event_processes_sql(events: str = "events") -> tuple[str, list[Any]]:
    """SELECT event_id, process_id over the relation ``events`` (a fixed table name)."""
    roots = ", ".join(f"'{r}'" for r in DIPLOMACY_ROOTS)
    sql = f"""
    SELECT DISTINCT e.event_id, a.process_id
    FROM {events} e
    JOIN (SELECT unnest(CAST(? AS STRUCT(process_id VARCHAR, alias VARCHAR, strong BOOLEAN)[]),
                        recursive := true)) a
      ON contains(lower(e.sentence), a.alias)
      OR (NOT a.strong AND e.cameo_root IN ({roots}) AND contains(lower(coalesce(e.location_name, '')), a.alias))
    WHERE a.strong OR e.cameo_root IN ({roots})"""
    return sql, [_aliases()]


def list_processes(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    interval: str = "month",
    count: Count = "clusters",
    evidence: int = 5,
) -> list[dict[str, Any]]:
    """One entry per process with matching events: counts, dates, participants, root mix,
    a series per period, and the latest evidence sentences."""
    from detente.analysis.tables import events_relation, processes_relation

    rel = events_relation(con)
    prel, pparams = processes_relation(con)
    where, params = filters.where("e")
    unit = unit_column(count)
    period = interval_sql(interval)
    sql = f"""
    WITH m AS (SELECT p.process_id, e.*, {unit} AS unit, {period} AS period
               FROM {prel} p JOIN {rel} e ON e.event_id = p.event_id WHERE {where}),
    parts AS (SELECT process_id, list({{'actor': a, 'n': n}} ORDER BY n DESC, a)[1:8] AS participants
              FROM (SELECT process_id, a, count(DISTINCT unit) AS n FROM
                      (SELECT process_id, unit, source_code AS a FROM m UNION ALL
                       SELECT process_id, unit, target_code FROM m) WHERE a IS NOT NULL GROUP BY ALL)
              GROUP BY process_id),
    roots AS (SELECT process_id, list({{'root': cameo_root, 'n': n}} ORDER BY cameo_root) AS roots
              FROM (SELECT process_id, cameo_root, count(DISTINCT unit) AS n FROM m GROUP BY ALL)
              GROUP BY process_id),
    ser AS (SELECT process_id, list({{'period': period, 'n': n}} ORDER BY period) AS series
            FROM (SELECT process_id, period, count(DISTINCT unit) AS n FROM m
                  WHERE period IS NOT NULL GROUP BY ALL) GROUP BY process_id),
    base AS (SELECT process_id, count(DISTINCT unit) AS n, count(*) AS mentions,
                    count(DISTINCT doc_id) AS documents, min(event_date) AS first_date,
                    max(event_date) AS last_date, avg(goldstein) AS goldstein,
                    list({{'event_id': event_id, 'sentence': sentence, 'event_date': event_date,
                          'cameo_code': cameo_code}} ORDER BY event_date DESC NULLS LAST, event_id)[1:{int(evidence)}]
                      AS evidence
             FROM m GROUP BY process_id)
    SELECT * FROM base LEFT JOIN parts USING (process_id) LEFT JOIN roots USING (process_id)
                       LEFT JOIN ser USING (process_id)
    ORDER BY n DESC, process_id"""
    cur = con.execute(sql, [*pparams, *params])
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    # events of each process left out of its series for want of a date (date range aside)
    uwhere, uparams = filters.replace(since=None, until=None).where("e")
    no_date = dict(con.execute(
        f"""SELECT p.process_id, count(*) FROM {prel} p JOIN {rel} e ON e.event_id = p.event_id
            WHERE {uwhere} AND e.event_date IS NULL GROUP BY 1""", [*pparams, *uparams]).fetchall())
    names = {p["id"]: p for p in load_processes()}
    out = []
    for row in rows:
        r = dict(zip(cols, row))
        r["undated"] = no_date.get(r["process_id"], 0)
        p = names.get(r["process_id"], {})
        r["name"] = p.get("name", r["process_id"])
        r["venues"] = p.get("venues", [])
        out.append(r)
    return out
