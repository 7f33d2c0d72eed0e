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

Call it with a writable connection after each coding run (it takes a few seconds
per million events). Reading never requires it: ``events_relation`` returns the
table when it is fresh (same event/document counts and coded_at as now, same
cluster settings) and otherwise the same rows computed on the fly, which is
correct but slower on large databases.
"""
from __future__ import annotations

import json
import time
from typing import Any

import duckdb

from detente.analysis.clusters import BASE_SQL, ClusterSettings, assignment_sql

VERSION = 4
DEFAULT_SETTINGS = ClusterSettings()


def _fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    n_ev, n_doc, last = con.execute(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents),"
        " (SELECT CAST(max(coded_at) AS VARCHAR) FROM documents)"
    ).fetchone()
    return {"n_events": n_ev, "n_documents": n_doc, "last_coded_at": last, "version": VERSION}


def build_analysis_tables(
    con: duckdb.DuckDBPyConnection, settings: ClusterSettings = DEFAULT_SETTINGS
) -> dict[str, Any]:
    """(Re)build the derived tables in one transaction; returns what was built."""
    from detente.analysis.processes import event_processes_sql

    t0 = time.perf_counter()
    con.execute("SET enable_progress_bar = false")
    con.execute("BEGIN TRANSACTION")
    try:
        fp = _fingerprint(con)
        con.execute(
            f"CREATE OR REPLACE TABLE analysis_events AS {_with_derived(assignment_sql(settings))} "
            "ORDER BY event_date NULLS LAST, event_id"
        )
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
    n_clusters = con.execute("SELECT count(DISTINCT cluster_id) FROM analysis_events").fetchone()[0]
    return {**fp, "clusters": n_clusters, "seconds": round(time.perf_counter() - t0, 2)}


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
