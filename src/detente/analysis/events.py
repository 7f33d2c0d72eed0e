"""Event listing, one event with its evidence, one document with its event spans,
overall statistics, located events for a map, and the full rows that the CLI's
``events`` command and the exports write (``select_sql``)."""
from __future__ import annotations

from typing import Any

import duckdb

from detente.analysis.filters import Filters
from detente.columns import EVENT_COLUMNS

LIST_COLUMNS = (
    "event_id", "doc_id", "event_date", "date_precision", "cameo_code", "cameo_root", "quad_class",
    "goldstein", "source_code", "source_text", "target_code", "target_text", "trigger_text",
    "factuality", "location_name", "sentence", "confidence", "published", "doc_title", "cluster_id",
)
SORTS = {
    "date_desc": "e.event_date DESC NULLS LAST, e.event_id",
    "date_asc": "e.event_date ASC NULLS LAST, e.event_id",
    "goldstein_asc": "e.goldstein ASC, e.event_date DESC NULLS LAST, e.event_id",
    "goldstein_desc": "e.goldstein DESC, e.event_date DESC NULLS LAST, e.event_id",
}


# Full rows: every events column, then the document's title, source, URL, publication date
# (and where it came from) and when it was stored.
DOCUMENT_FIELDS = {"doc_title": "title", "doc_source": "source", "doc_url": "url", "published": "published",
                   "published_how": "published_how", "coded_at": "coded_at"}
ROW_COLUMNS = (*EVENT_COLUMNS, *DOCUMENT_FIELDS)


def select_sql(filters: Filters = Filters(), *, sort: str = "date_asc", doc_ids: list[str] | None = None,
               limit: int | None = None) -> tuple[str, list[Any]]:
    """SELECT of the full rows (ROW_COLUMNS) of the matching events, and its parameters.

    Reads the events table itself (not the analysis tables), so its rows are exactly
    the stored events whatever state the derived tables are in."""
    if sort not in SORTS:
        raise ValueError(f"sort is one of {', '.join(SORTS)}")
    where, params = filters.where("e")
    if doc_ids is not None:
        where += " AND e.doc_id IN (SELECT unnest(?))"
        params.append(list(doc_ids))
    cols = ", ".join([*(f"e.{c}" for c in EVENT_COLUMNS), *(f"d.{c} AS {a}" for a, c in DOCUMENT_FIELDS.items())])
    sql = (f"SELECT {cols} FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id "
           f"WHERE {where} ORDER BY {SORTS[sort]}")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


def count_events(con: duckdb.DuckDBPyConnection, filters: Filters = Filters()) -> int:
    where, params = filters.where("e")
    return con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def list_events(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    limit: int = 50,
    offset: int = 0,
    sort: str = "date_desc",
) -> dict[str, Any]:
    from detente.analysis.tables import events_relation

    if sort not in SORTS:
        raise ValueError(f"sort is one of {', '.join(SORTS)}")
    rel = events_relation(con, clusters=False)
    where, params = filters.where("e")
    cols = ", ".join(f"e.{c}" for c in LIST_COLUMNS)
    total = con.execute(f"SELECT count(*) FROM {rel} e WHERE {where}", params).fetchone()[0]
    items = _rows(con.execute(
        f"SELECT {cols} FROM {rel} e WHERE {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    ))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _span(kind: str, start: int | None, end: int | None, base: int, length: int, **extra: Any) -> dict | None:
    if start is None or end is None:
        return None
    s, e = start - base, end - base
    if not (0 <= s < e <= length):
        return None
    return {"kind": kind, "start": s, "end": e, **extra}


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The stored event with its evidence: sentence, highlighted spans (offsets into the
    sentence), and the document's title, url, source and date."""
    rows = _rows(con.execute(
        """SELECT e.*, d.title AS doc_title, d.url AS doc_url, d.source AS doc_source,
                  d.published, length(d.text) AS doc_length
           FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id WHERE e.event_id = ?""",
        [event_id],
    ))
    if not rows:
        return None
    ev = rows[0]
    base, n = ev["sentence_start"], len(ev["sentence"])
    spans = [
        _span("trigger", ev["trigger_start"], ev["trigger_end"], base, n),
        _span("source", ev["source_start"], ev["source_end"], base, n, code=ev["source_code"]),
        _span("target", ev["target_start"], ev["target_end"], base, n, code=ev["target_code"]),
    ]
    ev["evidence"] = {
        "sentence": ev["sentence"],
        "sentence_start": base,
        "spans": sorted((s for s in spans if s), key=lambda s: s["start"]),
        "document": {k: ev.get(f"doc_{k}") for k in ("title", "url", "source")}
        | {"doc_id": ev["doc_id"], "published": ev["published"]},
    }
    return ev


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The document with its text and the spans (offsets into the text) of its events."""
    docs = _rows(con.execute(
        "SELECT doc_id, title, source, url, published, author, text, n_sentences, n_events "
        "FROM documents WHERE doc_id = ?", [doc_id]))
    if not docs:
        return None
    doc = docs[0]
    n = len(doc["text"])
    events = _rows(con.execute(
        """SELECT event_id, cameo_code, quad_class, goldstein, factuality, sentence_index, sentence_start,
                  length(sentence) AS sentence_length, trigger_start, trigger_end, source_start, source_end,
                  source_code, target_start, target_end, target_code
           FROM events WHERE doc_id = ? ORDER BY sentence_start, trigger_start""", [doc_id]))
    spans = []
    for ev in events:
        for kind in ("trigger", "source", "target"):
            s = _span(kind, ev[f"{kind}_start"], ev[f"{kind}_end"], 0, n, event_id=ev["event_id"])
            if s:
                spans.append(s)
    doc["events"] = [
        {k: ev[k] for k in ("event_id", "cameo_code", "quad_class", "goldstein", "factuality",
                            "sentence_index", "sentence_start", "sentence_length", "source_code", "target_code")}
        for ev in events
    ]
    doc["spans"] = sorted(spans, key=lambda s: (s["start"], s["end"]))
    return doc


def stats(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> dict[str, Any]:
    """Counts of documents, events, by factuality and QuadClass, and the date range."""
    from detente.analysis.tables import analysis_state, tables_fresh

    f = filters or Filters(factuality=None)
    where, params = f.where("e")
    row = con.execute(
        f"""SELECT count(*), count(DISTINCT e.doc_id), min(e.event_date), max(e.event_date),
                   count(*) FILTER (WHERE e.latitude IS NOT NULL)
            FROM events e WHERE {where}""", params).fetchone()
    by_fact = dict(con.execute(
        f"SELECT factuality, count(*) FROM events e WHERE {where} GROUP BY 1 ORDER BY 1", params).fetchall())
    by_quad = {str(k): v for k, v in con.execute(
        f"SELECT quad_class, count(*) FROM events e WHERE {where} GROUP BY 1 ORDER BY 1", params).fetchall()}
    return {
        "documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
        "events": row[0], "documents_with_events": row[1], "first_date": row[2], "last_date": row[3],
        "located_events": row[4], "by_factuality": by_fact, "by_quad_class": by_quad,
        "analysis_tables": {"fresh": tables_fresh(con), "state": analysis_state(con)},
    }


def geo(
    con: duckdb.DuckDBPyConnection, filters: Filters = Filters(), *, limit: int = 2000, max_ids: int = 10
) -> dict[str, Any]:
    """Located events grouped by place (name and rounded coordinates), busiest first."""
    from detente.analysis.tables import events_relation

    rel = events_relation(con, clusters=False)
    where, params = filters.where("e")
    cur = con.execute(
        f"""SELECT any_value(e.location_name) AS name, round(avg(e.latitude), 3) AS lat,
                   round(avg(e.longitude), 3) AS lon, any_value(e.location_country) AS country,
                   count(*) AS n, count(*) FILTER (WHERE e.quad_class = 1) AS q1,
                   count(*) FILTER (WHERE e.quad_class = 2) AS q2, count(*) FILTER (WHERE e.quad_class = 3) AS q3,
                   count(*) FILTER (WHERE e.quad_class = 4) AS q4, round(avg(e.goldstein), 3) AS goldstein_mean,
                   list(e.event_id ORDER BY e.event_date DESC NULLS LAST, e.event_id)[1:{int(max_ids)}] AS event_ids
            FROM {rel} e
            WHERE {where} AND e.latitude BETWEEN -90 AND 90 AND e.longitude BETWEEN -180 AND 180
            GROUP BY lower(coalesce(e.location_name, '')), round(e.latitude, 1), round(e.longitude, 1)
            ORDER BY n DESC, name LIMIT ?""",
        [*params, int(limit)],
    )
    places = _rows(cur)
    return {"places": places, "events": sum(p["n"] for p in places)}
