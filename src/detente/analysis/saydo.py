"""Say-do: does an actor do what it says? Its cooperative words next to its conflictual
deeds, per period and as pairs of sentences.

words        asserted events of the subject as source that are verbal cooperation
             (QuadClass 1: statements, appeals, offers, intents to cooperate, calls
             for talks, agreements) or declare a ceasefire (CAMEO 0871).
deeds        asserted events of the subject as source that are material conflict
             (QuadClass 4: force posture, coercion, assault, fighting, mass violence).
subject      ``actor`` (source prefix, any target) or ``dyad`` (source prefix -> target
             prefix, both words and deeds toward that target).

Per period (:func:`saydo`), with W words and D deeds (clusters or mentions):

    contradiction = 2 * min(W, D) / (W + D)

0 when the actor only talks or only acts, 1 when it says and does equally much in the
same period; None when it did neither. The factuality filter does not apply (words
and deeds are asserted by definition); code, root and QuadClass filters do not either.

Pairs (:func:`saydo_pairs`): each word followed, on the same day or within
``window_days`` after it, by a deed of the same subject toward the same target or
theatre. ``link`` says how the two were tied:

    dyad      the dyad view: both toward the dyad's target
    target    the same target (country, or actor code without a country)
    place     a country that is the target or the place of one is the target or
              place of the other
    document  the same, counting each document's theatre (the country most of its
              located events are in) as a place of its events

so a reader can weigh a pair linked only by its documents' theatres. Each side carries
its sentence, date, document and event id. With ``count="clusters"`` a real-world
event reported in several documents is one statement or one deed (its earliest
mention, with ``mentions``).
"""
from __future__ import annotations

from typing import Any

import duckdb

from detente.analysis.clusters import Count, unit_column
from detente.analysis.filters import FilterError, Filters, interval_sql, parse_dyad
from detente.analysis.series import fill_periods, undated

WORDS = "(e.factuality = 'asserted' AND (e.quad_class = 1 OR starts_with(e.cameo_code, '0871')))"
DEEDS = "(e.factuality = 'asserted' AND e.quad_class = 4)"
SIDES = ("words", "deeds")
EVENT_FIELDS = (
    "event_id", "doc_id", "event_date", "date_precision", "cameo_code", "quad_class", "source_code",
    "source_text", "target_code", "target_text", "trigger_text", "factuality", "location_name",
    "location_country", "sentence", "published", "doc_title", "doc_url", "doc_source",
)


def _subject(filters: Filters, actor: str | None, dyad: str | tuple[str, str] | None
             ) -> tuple[str | None, tuple[str, str] | None, str, list[Any], Filters]:
    """(actor, dyad, role SQL, role params, the filters that still apply)."""
    pair = parse_dyad(dyad) if dyad else None
    subject = Filters(actor=actor).actor if actor else None
    if not pair and not subject:
        pair, subject = filters.dyad, filters.actor
    if not pair and not subject:
        raise FilterError("say-do needs an actor or a dyad")
    rest = filters.replace(actor=None, dyad=None, undirected=False, quad_class=(), code=None, root=None,
                           factuality=None)
    if pair:
        return None, pair, "starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)", list(pair), rest
    return subject, None, "starts_with(e.source_code, ?)", [subject], rest


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
    """Words, deeds and their contradiction per period for ``actor`` (as source) or
    ``dyad`` (source -> target); without either, the filters' dyad or actor.

    {'actor', 'dyad', 'interval', 'count', 'undated', 'points': [{period, words, deeds,
    contradiction, event_ids: {words, deeds}}]}; event ids up to ``max_ids`` per side."""
    from detente.analysis.tables import events_relation

    subject, pair, role, rparams, rest = _subject(filters, actor, dyad)
    where, params = rest.where("e")
    rel = events_relation(con, clusters=count == "clusters")
    sql = f"""
    WITH f AS (SELECT {interval_sql(interval)} AS period, {unit_column(count)} AS unit, e.event_id, e.event_date,
                      CASE WHEN {WORDS} THEN 'words' ELSE 'deeds' END AS side
               FROM {rel} e WHERE {role} AND ({WORDS} OR {DEEDS}) AND {where} AND e.event_date IS NOT NULL)
    SELECT period, side, count(DISTINCT unit) AS n,
           list(event_id ORDER BY event_date, event_id)[1:{int(max_ids)}] AS ids
    FROM f GROUP BY period, side ORDER BY period, side"""

    def empty() -> dict[str, Any]:
        return {"words": 0, "deeds": 0, "contradiction": None, "event_ids": {s: [] for s in SIDES}}

    points: dict[Any, dict[str, Any]] = {}
    for period, side, n, ids in con.execute(sql, [*rparams, *params]).fetchall():
        p = points.setdefault(period, {"period": period, **empty()})
        p[side] = n
        p["event_ids"][side] = ids
    for p in points.values():
        p["contradiction"] = contradiction(p["words"], p["deeds"])
    return {"actor": subject, "dyad": list(pair) if pair else None, "interval": interval, "count": count,
            "undated": undated(con, rel, rest, f"{role} AND ({WORDS} OR {DEEDS})", rparams),
            "points": fill_periods(list(points.values()), interval, empty)}


def contradiction(words: int, deeds: int) -> float | None:
    """2 * min / sum: 0 with only words or only deeds, 1 with as many of each."""
    return round(2 * min(words, deeds) / (words + deeds), 4) if words + deeds else None


def saydo_pairs(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    actor: str | None = None,
    dyad: str | tuple[str, str] | None = None,
    window_days: int = 30,
    count: Count = "clusters",
    limit: int = 50,
    max_deeds: int = 10,
) -> dict[str, Any]:
    """The subject's first ``limit`` statements (by date) that deeds contradicted, each
    with at most ``max_deeds`` of the deeds that followed it within ``window_days`` (see
    the module docstring for the rule).

    {'actor', 'dyad', 'window_days', 'count', 'words' (all the subject's statements),
    'examined' (the first statements looked at), 'complete' (all were), 'statements' and
    'pairs' (found among those examined), 'undated', 'items': [{statement: {...},
    deeds: [{..., days, link, theatre}]}]}. Statements are examined in date order, a
    growing batch at a time, until ``limit`` of them have a contradicting deed: a busy
    actor's thousands of statements are not all paired for one page."""
    from detente.analysis.tables import events_relation

    if not (0 <= int(window_days) <= 3650):
        raise FilterError("window_days must be between 0 and 3650")
    subject, pair, role, rparams, rest = _subject(filters, actor, dyad)
    where, params = rest.where("e")
    rel = events_relation(con, clusters=count == "clusters")
    sql = _pairs_sql(rel, role, where, count, bool(pair))
    batch = max(200, 4 * int(limit))
    while True:
        rows = con.execute(sql, [*rparams, *params, batch, int(window_days), int(window_days), int(limit),
                                 int(max_deeds)]).fetchall()
        words = rows[0][7] if rows else con.execute(_count_words_sql(rel, role, where, count),
                                                    [*rparams, *params]).fetchone()[0]
        found = rows[0][5] if rows else 0
        if found >= limit or batch >= words:
            break
        batch *= 4
    ev = _evidence(con, rel, {r[0] for r in rows} | {r[1] for r in rows})
    items: dict[str, dict[str, Any]] = {}
    for wid, did, days, link_, theatre_, _, _, _, w_mentions, d_mentions in rows:
        item = items.setdefault(wid, {"statement": {**ev[wid], "mentions": w_mentions}, "deeds": []})
        item["deeds"].append({**ev[did], "mentions": d_mentions, "days": days, "link": link_, "theatre": theatre_})
    return {"actor": subject, "dyad": list(pair) if pair else None, "window_days": int(window_days), "count": count,
            "words": words, "examined": min(batch, words), "complete": batch >= words,
            "statements": found, "pairs": rows[0][6] if rows else 0,
            "undated": undated(con, rel, rest, f"{role} AND ({WORDS} OR {DEEDS})", rparams),
            "items": list(items.values())}


def _subject_sql(rel: str, role: str, where: str, count: Count) -> str:
    """The subject's dated words and deeds, narrow (ids, dates, keys), one per cluster with
    count='clusters' (its earliest mention, with its number of mentions); parameters:
    role, filters."""
    inner = (f"SELECT e.event_id, e.event_date, e.doc_id, e.cluster_no, e.target_country, e.target_code, "
             f"e.location_country, CASE WHEN {WORDS} THEN 'words' ELSE 'deeds' END AS side "
             f"FROM {rel} e WHERE {role} AND ({WORDS} OR {DEEDS}) AND {where} AND e.event_date IS NOT NULL")
    if count == "mentions":
        return f"SELECT *, 1 AS mentions FROM ({inner})"
    cols = ("event_date", "event_id", "doc_id", "target_country", "target_code", "location_country")
    first = "struct_pack(" + ", ".join(cols) + ")"  # compared field by field: the earliest mention
    return (f"SELECT side, cluster_no, {', '.join(f'f.{c} AS {c}' for c in cols)}, mentions FROM "
            f"(SELECT side, cluster_no, min({first}) AS f, count(*) AS mentions FROM ({inner}) GROUP BY side, cluster_no)")


def _count_words_sql(rel: str, role: str, where: str, count: Count) -> str:
    return f"SELECT count(*) FROM ({_subject_sql(rel, role, where, count)}) WHERE side = 'words'"


def _pairs_sql(rel: str, role: str, where: str, count: Count, dyad: bool) -> str:
    """Pairs of the first N words (by date) with the deeds that follow them, narrow.
    Parameters: role, filters, N, window (twice), statements to keep, deeds per statement.
    Columns: word id, deed id, days, link, theatre, statements, pairs, words, word
    mentions, deed mentions."""
    link = ("'dyad'" if dyad else
            """CASE WHEN w.tkey = d.tkey THEN 'target'
                    WHEN len(list_intersect(w.tp, d.tp)) > 0 THEN 'place'
                    WHEN len(list_intersect(w.tpd, d.tpd)) > 0 THEN 'document' END""")
    theatre = ("d.tkey" if dyad else
               """CASE WHEN w.tkey = d.tkey THEN d.tkey WHEN len(list_intersect(w.tp, d.tp)) > 0
                       THEN list_sort(list_intersect(w.tp, d.tp))[1] ELSE list_sort(list_intersect(w.tpd, d.tpd))[1] END""")
    keys = """coalesce(x.target_country, x.target_code) AS tkey,
              list_distinct(list_filter([coalesce(x.target_country, x.target_code), x.location_country],
                                        lambda v: v IS NOT NULL)) AS tp,
              list_distinct(list_filter([coalesce(x.target_country, x.target_code), x.location_country, t.theatre],
                                        lambda v: v IS NOT NULL)) AS tpd"""
    return f"""
    WITH s AS MATERIALIZED ({_subject_sql(rel, role, where, count)}),
    words AS (SELECT * FROM s WHERE side = 'words' ORDER BY event_date, event_id LIMIT ?),
    span AS (SELECT min(event_date) AS lo, max(event_date) + CAST(? AS INTEGER) AS hi FROM words),
    deeds AS (SELECT s.* FROM s, span WHERE s.side = 'deeds' AND s.event_date BETWEEN span.lo AND span.hi),
    docs AS (SELECT doc_id FROM words UNION SELECT doc_id FROM deeds),
    located AS (SELECT e.doc_id, e.location_country, count(*) AS n FROM {rel} e
                WHERE e.location_country IS NOT NULL AND e.doc_id IN (SELECT doc_id FROM docs) GROUP BY ALL),
    theatres AS (SELECT doc_id, arg_max(location_country, (n, location_country)) AS theatre
                 FROM located GROUP BY doc_id),
    kw AS (SELECT x.event_id, x.event_date, {keys} FROM words x LEFT JOIN theatres t USING (doc_id)),
    kd AS (SELECT x.event_id, x.event_date, {keys} FROM deeds x LEFT JOIN theatres t USING (doc_id)),
    p AS (SELECT * FROM (
            SELECT w.event_id AS wid, w.event_date AS wdate, d.event_id AS did, d.event_date AS ddate,
                   date_diff('day', w.event_date, d.event_date) AS days, {link} AS link, {theatre} AS theatre
            FROM kw w JOIN kd d ON d.event_date BETWEEN w.event_date AND w.event_date + CAST(? AS INTEGER))
          WHERE link IS NOT NULL),
    r AS (SELECT *, dense_rank() OVER (ORDER BY wdate, wid) AS wrank,
                 row_number() OVER (PARTITION BY wid ORDER BY ddate, did) AS drank,
                 count(*) OVER () AS n_pairs FROM p),
    kept AS (SELECT * FROM (SELECT *, max(wrank) OVER () AS n_statements FROM r) WHERE wrank <= ? AND drank <= ?)
    SELECT kept.wid, kept.did, kept.days, kept.link, kept.theatre, kept.n_statements, kept.n_pairs,
           (SELECT count(*) FROM s WHERE side = 'words') AS n_words, wm.mentions, dm.mentions
    FROM kept JOIN s wm ON wm.event_id = kept.wid JOIN s dm ON dm.event_id = kept.did
    ORDER BY kept.wdate, kept.wid, kept.ddate, kept.did"""


def _evidence(con: duckdb.DuckDBPyConnection, rel: str, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The evidence fields of a few events; the date range lets the scan skip the row
    groups of the (date-sorted) analysis table that cannot hold them."""
    if not ids:
        return {}
    lo, hi = con.execute("SELECT min(event_date), max(event_date) FROM events WHERE event_id IN (SELECT unnest(?))",
                         [sorted(ids)]).fetchone()
    cur = con.execute(f"SELECT {', '.join('e.' + c for c in EVENT_FIELDS)} FROM {rel} e "
                      "WHERE e.event_date BETWEEN ? AND ? AND e.event_id IN (SELECT unnest(?))", [lo, hi, sorted(ids)])
    cols = [d[0] for d in cur.description]
    return {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}
