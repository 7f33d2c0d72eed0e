"""Event clusters: mentions of one real-world event across documents.

Rule (ClusterSettings holds the thresholds). Two coded events are mentions of the
same event when they have

  * the same source and target actor key: country + sector ("RUS/GOV"), or the
    actor code when there is no country (IGOs: "IGOUNO"), or the lower-cased
    actor text when the actor is unresolved;
  * a compatible event code: the same CAMEO root (``match="root"``, default) or the
    same full code (``match="code"``);
  * the same factuality (an asserted strike and a denied one are not merged);
  * dates chained within ``window_days``: events sorted by date (event_date, or the
    document's publication date when it has none) start a new cluster whenever the
    gap to the previous one is larger than the window; undated events stay alone;
  * the same location, or either unknown: inside one date chain, events are split by
    location (geonames id, else lower-cased place name); events without a location
    join the chain's most frequent known location (ties: smallest key).

A cluster's id is the event_id of its earliest mention; ``cluster_no`` is its 64-bit
hash, used for grouping (integer keys group much faster than strings). Analyses count clusters by
default (``count="clusters"``) and mentions on request (``count="mentions"``).
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from detente.analysis.filters import Filters

Count = Literal["clusters", "mentions"]


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    window_days: int = 3
    match: Literal["root", "code"] = "root"
    split_by_location: bool = True

    def __post_init__(self) -> None:
        if not (0 <= int(self.window_days) <= 3650):
            raise ValueError("window_days must be between 0 and 3650")
        if self.match not in ("root", "code"):
            raise ValueError("match is 'root' or 'code'")

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)


def _actor_key(side: str) -> str:
    return (
        f"CASE WHEN e.{side}_country IS NOT NULL THEN e.{side}_country || '/' || coalesce(e.{side}_sector, '') "
        f"ELSE coalesce(e.{side}_code, '~' || lower(e.{side}_text), '') END"
    )


_BASE_COLUMNS = f"""e.*, d.published, d.source AS doc_source, d.title AS doc_title, d.url AS doc_url,
       {_actor_key('source')} AS src_key, {_actor_key('target')} AS tgt_key"""
BASE_SQL = f"""
SELECT {_BASE_COLUMNS}
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id"""


_KEY = "src_key, tgt_key, code_key, factuality"


def cluster_ids_sql(settings: ClusterSettings = ClusterSettings(), part: tuple[int, int] | None = None) -> str:
    """SELECT event_id, doc_id, event_date, cluster_id: the cluster of every event, computed on
    narrow rows (keys and dates only, never the sentence), so the window functions stay
    small whatever the events carry.

    ``part=(i, n)`` keeps only the i-th of n parts of the cluster keys (by hash): a
    cluster never spans two parts, so the parts can be computed one at a time and
    concatenated. Only validated integers and fixed names are formatted into the text."""
    w = int(settings.window_days)
    code_col = "cameo_root" if settings.match == "root" else "cameo_code"
    loc = (
        "CASE WHEN e.geonames_id IS NOT NULL THEN 'g' || e.geonames_id "
        "WHEN e.location_name IS NOT NULL THEN 'n' || lower(e.location_name) END"
        if settings.split_by_location else "NULL"
    )
    where = ""
    if part is not None:
        i, n = int(part[0]), int(part[1])
        where = f"WHERE hash({_KEY}) % {n} = {i}"
    return f"""
WITH b AS (
  SELECT * FROM (
    SELECT e.event_id, e.doc_id, e.event_date, {_actor_key('source')} AS src_key, {_actor_key('target')} AS tgt_key,
           e.{code_col} AS code_key, e.factuality, coalesce(e.event_date, d.published) AS cdate, {loc} AS loc_key
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id) {where}),
g AS (
  SELECT *, CASE WHEN cdate IS NULL OR lag(cdate) OVER w IS NULL
                   OR date_diff('day', lag(cdate) OVER w, cdate) > {w} THEN 1 ELSE 0 END AS brk
  FROM b WINDOW w AS (PARTITION BY {_KEY} ORDER BY cdate, event_id)),
s AS (SELECT *, sum(brk) OVER (PARTITION BY {_KEY} ORDER BY cdate, event_id
                               ROWS UNBOUNDED PRECEDING) AS chain FROM g),
m AS (SELECT {_KEY}, chain, first(loc_key ORDER BY n DESC, loc_key) AS modal_loc
      FROM (SELECT {_KEY}, chain, loc_key, count(*) AS n FROM s WHERE loc_key IS NOT NULL
            GROUP BY ALL) GROUP BY ALL),
l AS (SELECT s.*, coalesce(s.loc_key, m.modal_loc) AS cloc FROM s LEFT JOIN m USING ({_KEY}, chain))
SELECT event_id, doc_id, event_date,
       first(event_id ORDER BY cdate NULLS LAST, event_id) OVER (PARTITION BY {_KEY}, chain, cloc) AS cluster_id
FROM l"""


def with_clusters_sql(ids: str, only_ids_documents: bool = False) -> str:
    """The events of ``ids`` (a relation with event_id, doc_id and cluster_id) with their
    document columns and actor keys (BASE_SQL's columns), cluster_id and cluster_no.

    ``only_ids_documents`` first narrows the documents to those of ``ids``, so that a
    slice of the events does not build a hash table of every document."""
    docs = (f"(SELECT * FROM documents WHERE doc_id IN (SELECT doc_id FROM {ids}))"
            if only_ids_documents else "documents")
    return (f"SELECT {_BASE_COLUMNS}, c.cluster_id, hash(c.cluster_id) AS cluster_no "
            f"FROM events e JOIN {ids} c ON c.event_id = e.event_id LEFT JOIN {docs} d ON d.doc_id = e.doc_id")


def assignment_sql(settings: ClusterSettings = ClusterSettings()) -> str:
    """SELECT of every event with its document columns, actor keys and cluster_id."""
    return with_clusters_sql(f"({cluster_ids_sql(settings)})")


def list_clusters(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    settings: ClusterSettings | None = None,
    limit: int = 50,
    offset: int = 0,
    min_mentions: int = 1,
    evidence: int = 3,
) -> dict[str, Any]:
    """Clusters with at least one event matching the filters, largest first.

    Counts and evidence are over the matching mentions."""
    from detente.analysis.tables import events_relation

    rel = events_relation(con, settings=settings)
    where, params = filters.where("e")
    # rank the matching clusters first (cheap), then aggregate details for one page only
    ranked = (f"SELECT cluster_no, count(*) AS mentions, min(event_date) AS first_date, min(cluster_id) AS cluster_id "
              f"FROM {rel} e WHERE {where} GROUP BY cluster_no HAVING count(*) >= ?")
    if rel == "analysis_events" and filters == Filters(factuality=filters.factuality, root=filters.root,
                                                        quad_class=filters.quad_class):
        # only filters that are constant within a cluster: rank from the per-cluster table
        ranked = ("SELECT cluster_no, mentions, first_date, cluster_id FROM analysis_clusters e "
                  f"WHERE {where} AND mentions >= ?")
    sql = f"""
    WITH m AS ({ranked}),
    page AS (SELECT *, count(*) OVER () AS total FROM m
             ORDER BY mentions DESC, first_date DESC NULLS LAST, cluster_id LIMIT ? OFFSET ?)
    SELECT any_value(page.cluster_id) AS cluster_id, any_value(page.total) AS total, count(*) AS mentions,
           count(DISTINCT e.doc_id) AS documents, count(DISTINCT coalesce(e.doc_source, e.doc_id)) AS sources,
           min(e.published) AS first_report, max(e.published) AS last_report,
           min(e.event_date) AS first_date, max(e.event_date) AS last_date,
           first(e.source_code ORDER BY e.event_date NULLS LAST, e.event_id) AS source_code,
           first(e.target_code ORDER BY e.event_date NULLS LAST, e.event_id) AS target_code,
           first(e.cameo_code ORDER BY e.event_date NULLS LAST, e.event_id) AS cameo_code, min(e.cameo_root) AS cameo_root,
           min(e.quad_class) AS quad_class, round(avg(e.goldstein), 3) AS goldstein, min(e.factuality) AS factuality,
           arg_max(e.location_name, e.location_name IS NOT NULL) AS location_name,
           list({{'event_id': e.event_id, 'doc_id': e.doc_id, 'sentence': e.sentence, 'published': e.published,
                  'title': e.doc_title}} ORDER BY e.published NULLS LAST, e.event_id)[1:{int(evidence)}] AS evidence
    FROM page JOIN {rel} e ON e.cluster_no = page.cluster_no
    WHERE {where}
    GROUP BY e.cluster_no
    ORDER BY mentions DESC, first_date DESC NULLS LAST, cluster_id"""
    cur = con.execute(sql, [*params, int(min_mentions), int(limit), int(offset), *params])
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    total = rows[0]["total"] if rows else _count(con, rel, where, params, int(min_mentions))
    for r in rows:
        r.pop("total", None)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def _count(con: duckdb.DuckDBPyConnection, rel: str, where: str, params: list, min_mentions: int) -> int:
    sql = f"SELECT count(*) FROM (SELECT cluster_no FROM {rel} e WHERE {where} GROUP BY 1 HAVING count(*) >= ?)"
    return con.execute(sql, [*params, min_mentions]).fetchone()[0]


def unit_column(count: Count) -> str:
    """The column that one counted unit is: a cluster or a single mention."""
    if count == "clusters":
        return "e.cluster_no"
    if count == "mentions":
        return "e.event_id"
    raise ValueError("count is 'clusters' or 'mentions'")
