"""Actor search for the dashboard's actor box: names from the bundled knowledge base
and codes from the data, each with its CAMEO code and how many events carry it.

    search_actors(con, "russ") -> [{"code": "RUS", "name": "Russia", "kind": "country", "events": 31, ...}]

Ranked: an exact code or name first, then names starting with the text, then names
containing it; among equals, codes with more events first.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from detente.actors.kb import Entry, load_kb, normalize
from detente.analysis.filters import ACTOR_RE


def _code(e: Entry) -> str | None:
    """An entry's code; for a person, the code of their current (else latest) role."""
    if e.code:
        return e.code
    role = e.role_on(None) or max(e.roles, key=lambda r: r.end or r.start or date.min, default=None)
    return role.code if role else None


def _code_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    rows = con.execute(
        """SELECT code, count(*) FROM (SELECT source_code AS code FROM events UNION ALL
                                      SELECT target_code FROM events) WHERE code IS NOT NULL GROUP BY code""").fetchall()
    return dict(rows)


def _rank(key: str, name: str) -> int | None:
    """0 the whole name, 1 its start, 2 the start of one of its words, 3 elsewhere, None no match."""
    at = name.find(key)
    if at < 0:
        return None
    if name == key:
        return 0
    return 1 if at == 0 else 2 if name[at - 1] == " " else 3


def search_actors(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 10) -> list[dict[str, Any]]:
    text = q.strip()
    key, upper = normalize(text), text.upper().replace(" ", "")
    if not key:
        return []
    counts = _code_counts(con)
    found: dict[str, dict[str, Any]] = {}  # by knowledge-base entry, or by code for codes only in the data
    for name, entries in load_kb().names.items():
        rank = _rank(upper, name[1:]) if name.startswith("=") else _rank(key, name)
        if rank is None:
            continue
        for e in entries:
            code = _code(e)
            old = found.get(e.id)
            if code and ACTOR_RE.match(code) and (old is None or rank < old["rank"]):
                found[e.id] = {"code": code, "name": e.name, "kind": e.kind, "kb_id": e.id, "rank": rank}
    named = {item["code"] for item in found.values()}
    if ACTOR_RE.match(upper):  # a code typed as such: RUS, RUSMIL, IGOUNO
        for code in counts:
            if code.startswith(upper) and code not in named:
                found[code] = {"code": code, "name": None, "kind": "code", "kb_id": None,
                               "rank": 0 if code == upper else 1}
    for item in found.values():
        if item["code"] == upper:
            item["rank"] = 0  # the exact code, named or not, comes first
        item["events"] = sum(n for c, n in counts.items() if c.startswith(item["code"]))
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()  # an adjective entry ('Russian') and the country share code and name
    for item in sorted(found.values(), key=lambda x: (x["rank"], -x["events"], len(x["code"]), x["code"], x["name"] or "")):
        if (item["code"], item["name"]) not in seen:
            seen.add((item["code"], item["name"]))
            item.pop("rank")
            out.append(item)
    return out[:limit]
