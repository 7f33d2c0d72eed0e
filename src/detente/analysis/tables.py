"""Derived analysis tables, and which relation the analyses read.

``build_analysis_tables(con)`` materialises, in the same database file:

  analysis_events           every event joined with its document (published, source,
                            title, url), actor keys, cluster_id/cluster_no and the
                            ceasefire flags, sorted by event_date so date-range
                            filters skip row groups
  analysis_clusters         one row per cluster (mentions, first date and the key
                            columns constant within it), to rank clusters fast
  analysis_event_processes  (event_id, process_id) for the named negotiation processes
  analysis_state            what the tables were built from (event and document
                            counts, last coded_at, cluster settings, version)

Call it with a writable connection after each coding run (about 36 seconds per million
events on one thread, in about 70 MB: see BUILD_MEMORY). Reading never requires it: ``events_relation`` returns the
table when it is fresh (same event/document counts and coded_at as now, same
cluster settings) and otherwise the same rows computed on the fly, which is
correct but slower on large databases.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from typing import Any

import duckdb

from detente.analysis.clusters import BASE_SQL, ClusterSettings, assignment_sql, cluster_ids_sql, with_clusters_sql

VERSION = 5
DEFAULT_SETTINGS = ClusterSettings()


def _fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    n_ev, n_doc, last = con.execute(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents),"
        " (SELECT CAST(max(coded_at) AS VARCHAR) FROM documents)"
    ).fetchone()
    return {"n_events": n_ev, "n_documents": n_doc, "last_coded_at": last, "version": VERSION,
            "derived": _derived_digest()}


def _derived_digest() -> str:
    """Changes with the ceasefire word lists, whose flags the tables store."""
    from detente.analysis.ceasefires import derived_columns

    return hashlib.sha1(derived_columns().encode()).hexdigest()[:16]


# The build works in bounded pieces so that its memory follows DuckDB's cap, not the size
# of the database: cluster ids are computed for one part of the cluster keys at a time
# (a cluster never spans two parts), and analysis_events is written in consecutive
# event-date slices, each sorted on its own, which leaves the table sorted by date.
# Part and slice sizes follow the cap: about 400 bytes per event for the narrow cluster
# windows and 3 KB per event for sorting the wide rows.
BUILD_MEMORY = os.environ.get("DETENTE_BUILD_MEMORY", "64MB")
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
          "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def parse_bytes(text: str) -> int:
    """'64MB', '1.5 GiB', '512000' -> bytes."""
    m = re.fullmatch(r"\s*([\d.]+)\s*([A-Za-z]*)\s*", text)
    if not m or m.group(2).upper() not in _UNITS:
        raise ValueError(f"not a memory size: {text!r} (try '64MB' or '1GB')")
    return int(float(m.group(1)) * _UNITS[m.group(2).upper()])


def build_analysis_tables(
    con: duckdb.DuckDBPyConnection, settings: ClusterSettings = DEFAULT_SETTINGS, *,
    memory_limit: str | None = BUILD_MEMORY, part_events: int | None = None, slice_events: int | None = None,
) -> dict[str, Any]:
    """(Re)build the derived tables in one transaction; returns what was built.

    ``memory_limit`` caps DuckDB while building (None keeps the connection's own cap);
    the build runs on one thread and in pieces sized to that cap, so it needs about the
    same memory for a thousand events as for tens of millions. ``part_events`` and
    ``slice_events`` override the piece sizes derived from the cap."""
    from detente.analysis.processes import event_processes_sql

    t0 = time.perf_counter()
    con.execute("SET enable_progress_bar = false")
    old_limit, old_threads = con.execute(
        "SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
    if memory_limit:
        con.execute("SET memory_limit = ?", [memory_limit])
    con.execute("SET threads = 1")  # per-thread sort and join buffers would not fit a small cap
    con.execute("BEGIN TRANSACTION")
    try:
        fp = _fingerprint(con)
        budget = parse_bytes(memory_limit or old_limit)  # DuckDB prints its cap as '61.0 MiB'
        part_events = part_events or max(1000, budget // 400)
        n_parts = max(1, -(-fp["n_events"] // part_events))
        con.execute("CREATE OR REPLACE TEMP TABLE analysis_cluster_ids "
                    "(event_id VARCHAR, doc_id VARCHAR, event_date DATE, cluster_id VARCHAR)")
        for i in range(n_parts):
            part = (i, n_parts) if n_parts > 1 else None
            con.execute(f"INSERT INTO temp.analysis_cluster_ids {cluster_ids_sql(settings, part)}")
        select = _with_derived(with_clusters_sql("temp.analysis_cluster_ids"))
        con.execute(f"CREATE OR REPLACE TABLE analysis_events AS {select} LIMIT 0")
        for where, params in _date_slices(con, slice_events or max(1000, budget // 3000)):
            con.execute(f"CREATE OR REPLACE TEMP TABLE analysis_slice AS SELECT event_id, doc_id, cluster_id "
                        f"FROM temp.analysis_cluster_ids WHERE {where}", params)
            select = _with_derived(with_clusters_sql("temp.analysis_slice", only_ids_documents=True))
            con.execute(f"INSERT INTO analysis_events {select} ORDER BY event_date NULLS LAST, event_id")
        con.execute("DROP TABLE IF EXISTS temp.analysis_slice")
        con.execute("DROP TABLE temp.analysis_cluster_ids")
        con.execute(
            """CREATE OR REPLACE TABLE analysis_clusters AS
               SELECT cluster_no, min(cluster_id) AS cluster_id, count(*) AS mentions, min(event_date) AS first_date,
                      min(factuality) AS factuality, min(cameo_root) AS cameo_root, min(quad_class) AS quad_class
               FROM analysis_events GROUP BY cluster_no ORDER BY mentions DESC, first_date DESC NULLS LAST"""
        )
        sql, params = event_processes_sql("events")
        con.execute(f"CREATE OR REPLACE TABLE analysis_event_processes AS {sql}", params)
        con.execute("CREATE OR REPLACE TABLE analysis_state (key VARCHAR PRIMARY KEY, value VARCHAR)")
        state = {**fp, "settings": settings.to_json(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
        con.executemany("INSERT INTO analysis_state VALUES (?, ?)", [[k, json.dumps(v)] for k, v in state.items()])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("SET memory_limit = ?", [old_limit])
        con.execute(f"SET threads = {int(old_threads)}")
    n_clusters = con.execute("SELECT count(*) FROM analysis_clusters").fetchone()[0]
    return {**fp, "clusters": n_clusters, "seconds": round(time.perf_counter() - t0, 2)}


def _date_slices(con: duckdb.DuckDBPyConnection, max_events: int) -> list[tuple[str, list[Any]]]:
    """WHERE conditions (on analysis_cluster_ids) and parameters that cut the events into
    consecutive event_date ranges of at most max_events events, undated events last. A
    single day with more events than that is split again by a hash of the event id."""
    days = con.execute("SELECT event_date, count(*) FROM temp.analysis_cluster_ids "
                       "GROUP BY 1 ORDER BY 1 NULLS LAST").fetchall()
    slices: list[tuple[str, list[Any]]] = []
    lo = hi = None
    size = 0

    def close() -> None:
        if lo is not None:
            slices.append(("event_date BETWEEN ? AND ?", [lo, hi]))

    for day, n in days:
        if day is None or n > max_events:
            close()
            lo, size = None, 0
            k = max(1, -(-n // max_events))
            test = "event_date IS NULL" if day is None else "event_date = ?"
            for j in range(k):
                bucket = f" AND hash(event_id) % {k} = {j}" if k > 1 else ""
                slices.append((test + bucket, [] if day is None else [day]))
            continue
        if lo is not None and size + n > max_events:
            close()
            lo, size = None, 0
        if lo is None:
            lo = day
        hi, size = day, size + n
    close()
    return slices


def _with_derived(select: str) -> str:
    from detente.analysis.ceasefires import derived_columns

    return f"SELECT e.*, {derived_columns()} FROM ({select}) e"


def analysis_state(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The stored state, or None when the tables were never built."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'analysis_state' AND NOT temporary"
    ).fetchone()[0]
    if not exists:
        return None
    rows = con.execute("SELECT key, value FROM main.analysis_state").fetchall()
    return {k: json.loads(v) for k, v in rows}


def tables_fresh(con: duckdb.DuckDBPyConnection, settings: ClusterSettings | None = None) -> bool:
    state = analysis_state(con)
    if not state:
        return False
    if settings is not None and state.get("settings") != settings.to_json():
        return False
    fp = _fingerprint(con)
    return all(state.get(k) == v for k, v in fp.items())


def events_relation(
    con: duckdb.DuckDBPyConnection,
    settings: ClusterSettings | None = None,
    *,
    clusters: bool = True,
) -> str:
    """SQL relation (table name or parenthesised subquery) with every event column plus
    published, doc_source, doc_title, doc_url, src_key, tgt_key, cluster_id and cluster_no.

    ``clusters=False`` allows a cheaper fallback whose cluster_id is the event_id."""
    want = settings or DEFAULT_SETTINGS
    if tables_fresh(con, want):
        return "analysis_events"
    if clusters:
        return f"({_with_derived(assignment_sql(want))})"
    return f"({_with_derived(f'SELECT *, event_id AS cluster_id, hash(event_id) AS cluster_no FROM ({BASE_SQL})')})"


def processes_relation(con: duckdb.DuckDBPyConnection) -> tuple[str, list[Any]]:
    """(event_id, process_id) relation and its parameters."""
    from detente.analysis.processes import event_processes_sql

    if tables_fresh(con):
        return "analysis_event_processes", []
    sql, params = event_processes_sql("events")
    return f"({sql})", params
