"""Actor network: nodes and weighted, signed, directed edges.

An edge source->target carries the number of units (clusters or mentions), the sum
and mean Goldstein score (its sign: cooperative or conflictual) and counts per
QuadClass. Self-loops (an actor acting on itself) are left out. Nodes are the actors
on the kept edges, with their totals as source and target.
"""
from __future__ import annotations

from typing import Any

import duckdb

from detente.analysis.clusters import Count
from detente.analysis.filters import Filters
from detente.analysis.series import dyads


def network(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    *,
    level: str = "country",
    count: Count = "clusters",
    max_edges: int = 150,
    min_count: int = 1,
) -> dict[str, Any]:
    pairs = dyads(con, filters, count=count, level=level, limit=max_edges * 2 + 50)
    edges = [
        {**p, "weight": p["goldstein_sum"], "sign": (p["goldstein_sum"] > 0) - (p["goldstein_sum"] < 0)}
        for p in pairs if p["source"] != p["target"] and p["n"] >= min_count
    ][:max_edges]
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for side, key in (("out", e["source"]), ("in", e["target"])):
            n = nodes.setdefault(key, {"id": key, "out": 0, "in": 0, "goldstein_out": 0.0,
                                       "goldstein_in": 0.0, "degree": 0})
            n[side] += e["n"]
            n[f"goldstein_{side}"] = round(n[f"goldstein_{side}"] + e["goldstein_sum"], 3)
            n["degree"] += 1
    return {"level": level, "count": count,
            "nodes": sorted(nodes.values(), key=lambda n: (-(n["in"] + n["out"]), n["id"])),
            "edges": edges}
