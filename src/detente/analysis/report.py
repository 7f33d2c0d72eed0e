"""A static, self-contained HTML report: the dashboard's charts with the data embedded.

    write_report("detente.duckdb", "report.html", actor="RUS", since="2016-01-01")

One file, no external asset: CSS, the vendored chart library (Apache ECharts,
web/static/vendor/echarts), the chart code (web/static/charts.js and report.js), the
world outline and the data are inlined (about 1.3 MB with the library). It opens from disk in any
browser and can be mailed or archived.
"""
from __future__ import annotations

import html
import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from detente.analysis import ceasefires, clusters, events, network, processes, saydo, series
from detente.analysis.filters import Filters, parse_filters

MAX_EVENTS = 500


def _static(name: str) -> str:
    return (resources.files("detente") / "web" / "static" / name).read_text(encoding="utf-8")


def _json_script(obj: Any) -> str:
    """JSON safe inside a <script type="application/json"> element."""
    text = json.dumps(obj, default=lambda o: o.isoformat() if isinstance(o, date) else str(o),
                      ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _events(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    rows = events.list_events(con, f, limit=MAX_EVENTS)["items"]
    ids = [r["event_id"] for r in rows]
    spans = con.execute(
        """SELECT event_id, sentence_start, trigger_start, trigger_end, source_start, source_end, target_start, target_end,
                  d.url FROM events e LEFT JOIN documents d USING (doc_id) WHERE event_id IN (SELECT unnest(?))""",
        [ids]).fetchall()
    by_id = {s[0]: s for s in spans}
    for r in rows:
        s = by_id.get(r["event_id"])
        if not s:
            continue
        base, n = s[1], len(r["sentence"])
        r["spans"] = [
            {"kind": k, "start": a - base, "end": b - base}
            for k, a, b in (("trigger", s[2], s[3]), ("source", s[4], s[5]), ("target", s[6], s[7]))
            if a is not None and b is not None and 0 <= a - base < b - base <= n
        ]
        r["doc_url"] = s[8]
    return rows


def collect(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, Any]:
    subject = bool(f.actor or f.dyad)
    return {
        "filters": f.to_query(),
        "stats": events.stats(con, f),
        "series": series.series(con, f, interval="month"),
        "saydo": saydo.saydo(con, f) if subject else None,
        "saydo_pairs": saydo.saydo_pairs(con, f) if subject else None,
        "network": network.network(con, f, max_edges=80),
        "geo": events.geo(con, f, limit=1000),
        "clusters": clusters.list_clusters(con, f, limit=25),
        "processes": processes.list_processes(con, f),
        "ceasefires": ceasefires.ceasefires(con, f),
        "events": _events(con, f),
    }


def _table(tid: str, headers: list[str]) -> str:
    ths = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    return f"<table id='{tid}' class='report-table'><thead><tr>{ths}</tr></thead><tbody></tbody></table>"


def render(data: dict[str, Any], title: str) -> str:
    st = data["stats"]
    desc = ", ".join(f"{k}={v}" for k, v in data["filters"].items()) or "no filters"
    css = _static("styles.css") + (
        "\nheader{position:static}.report-table{width:100%;border-collapse:collapse;font-size:13px}"
        ".report-table td,.report-table th{text-align:left;padding:3px 6px;border-bottom:1px solid #d5dbe0;vertical-align:top}"
        "tr.clickable{cursor:pointer}tr.clickable:hover{background:#eef4f8}"
        "#evidence{position:sticky;bottom:0;background:#fff;border:1px solid #d5dbe0;padding:8px 12px;margin-top:8px}"
        ".scroll{max-height:420px;overflow-y:auto}")
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{html.escape(title)}</title><style>{css}</style></head><body>",
        f"<header><h1>{html.escape(title)}</h1><p>{html.escape(desc)} &middot; {st['events']} events in "
        f"{st['documents_with_events']} documents, {st['first_date'] or '?'} to {st['last_date'] or '?'} "
        f"&middot; counts are event clusters &middot; generated {date.today().isoformat()} by detente</p></header><main>",
        "<section><h2>Timeline <small>stacked QuadClass counts, line: mean Goldstein; drag across the chart to show a "
        "date range in the event table</small></h2><div id='timeline' class='chartbox'></div></section>",
        "<section><h2>Says and does</h2><p class='explain'>Cooperative words (asserted statements, appeals, offers, calls "
        "for talks, ceasefire declarations) against conflictual deeds (asserted force, coercion, attacks) of the same "
        "actor. Contradiction = 2&middot;min(words, deeds) / (words + deeds): 0 when it only talks or only acts, 1 when "
        "it does as much as it says in the same period.</p><div id='saydo' class='chartbox'></div>"
        "<h3>Statements and the deeds that followed <small>within 30 days, toward the same target or theatre</small></h3>"
        "<div id='saydo-pairs'></div></section>",
        "<div class='twocol'><section><h2>Actor network</h2><div id='network' class='chartbox'></div></section>",
        "<section><h2>Map</h2><div id='map' class='chartbox'></div></section></div>",
        "<section><h2>Largest event clusters</h2>",
        _table("clusters", ["first date", "source", "code", "target", "mentions", "sources", "place", "evidence"]),
        "</section><section><h2>Negotiation processes</h2>",
        _table("processes", ["process", "events", "first", "last", "participants"]),
        "</section><section><h2>Ceasefires <small>status from asserted evidence only; each step cites its event</small>"
        "</h2><p id='ceasefires-note' class='chart-note'></p>",
        _table("ceasefires", ["parties", "status", "steps (date, status, evidence)", "violations"]),
        "</section><section><h2>Events <small id='events-count'></small> "
        "<button type='button' id='reset-range'>all dates</button></h2><div class='scroll'>",
        _table("events", ["date", "source", "code", "target", "factuality", "place", "sentence"]),
        "</div><div id='evidence' hidden><button type='button' id='close-evidence'>&times;</button>"
        "<strong id='ev-title'></strong><p id='ev-sentence' class='sentence'></p><a id='ev-source'></a></div></section>",
        "</main>",
        f"<script type='application/json' id='report-data'>{_json_script(data)}</script>",
        f"<script type='application/json' id='world-data'>{_static('world-110m.geojson').strip()}</script>",
        f"<script>{_static('vendor/echarts/echarts.min.js')}</script>",
        f"<script>{_static('charts.js')}</script><script>{_static('report.js')}</script></body></html>",
    ]
    return "".join(parts)


def write_report(
    db_path: str | Path,
    out: str | Path,
    filters: Filters | None = None,
    *,
    actor: str | None = None,
    dyad: str | tuple[str, str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
) -> Path:
    """Write the report for the filtered events (``filters``, or the shorthands ``actor``,
    ``dyad``, ``since``, ``until`` with the other filters at their defaults); returns the
    output path. Raises StoreError, FilterError or OutputError with a one-line message."""
    from detente.errors import OutputError, check_writable
    from detente.store import Store

    out = Path(out)
    f = filters if filters is not None else parse_filters(
        actor=actor, dyad=",".join(dyad) if isinstance(dyad, tuple) else dyad, since=since, until=until)
    check_writable(out, "report")
    with Store(db_path, read_only=True) as st:
        data = collect(st.con, f)
    who = " / ".join(x for x in (f.actor, "-".join(f.dyad) if f.dyad else None) if x)
    title = f"detente report{': ' + who if who else ''}"
    tmp = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(render(data, title), encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write the report: {exc.strerror or exc}; choose another path") from None
    return out
