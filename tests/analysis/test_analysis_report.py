from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from detente.analysis.report import write_report
from detente.cli import app


def embedded(html: str) -> dict:
    m = re.search(r"<script type='application/json' id='report-data'>(.*?)</script>", html, re.S)
    return json.loads(m.group(1))


def test_report_is_self_contained(sample_paths, tmp_path):
    out = write_report(sample_paths["inline"], tmp_path / "r.html", actor="RUS", since="2016-01-01")
    html = out.read_text()
    # no external asset: no src= on any element, no stylesheet links, no remote fetches
    # (the inlined chart library's own code may hold such strings: only the markup is searched)
    markup = re.sub(r"(<script[^>]*>).*?</script>", r"\1</script>", html, flags=re.S)
    assert not re.search(r"<(script|img|iframe)[^>]+src=", markup)
    assert "<link" not in markup and "fetch(" not in html and "@import" not in html
    assert "DetenteCharts" in html and "world-data" in html
    assert "Apache ECharts" in html or "echarts" in html.lower()  # the vendored library, inlined
    assert markup.count("<script") == 5  # data, outline, ECharts, charts.js, report.js
    data = embedded(html)
    assert data["filters"]["actor"] == "RUS"
    assert data["clusters"]["items"][0]["mentions"] == 3
    assert data["saydo"]["actor"] == "RUS"
    assert {e["event_id"] for e in data["events"]} >= {"E1", "E11", "E13"}
    e1 = next(e for e in data["events"] if e["event_id"] == "E1")
    assert {e1["sentence"][s["start"]:s["end"]] for s in e1["spans"]} == {"Russian jets", "struck", "rebel positions"}


def test_report_escapes_markup_in_data(sample_paths, tmp_path):
    html = write_report(sample_paths["inline"], tmp_path / "r.html").read_text()
    body = html.split("id='report-data'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in body and "DROP TABLE events" in body


def test_report_command(sample_paths, tmp_path):
    out = tmp_path / "cli.html"
    res = CliRunner().invoke(app, ["report", "--db", str(sample_paths["inline"]), "--out", str(out),
                                   "--dyad", "RUS,USA", "--until", "2017-12-31"])
    assert res.exit_code == 0, res.output
    assert embedded(out.read_text())["saydo"]["dyad"] == ["RUS", "USA"]
    bad = CliRunner().invoke(app, ["report", "--db", str(sample_paths["inline"]), "--out", str(out), "--since", "yesterday"])
    assert bad.exit_code == 2
    assert bad.output.strip() == "detente: since 'yesterday': use a date YYYY-MM-DD"
