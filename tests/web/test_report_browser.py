"""The static report (one HTML file, the vendored ECharts inlined) opened from disk in
headless Chromium: the same charts with legends and axis titles, the say-do pairs and the
ceasefire steps, and not a single request outside the file."""
from __future__ import annotations

import pytest
from detente.analysis.report import write_report

pytestmark = pytest.mark.browser


def test_report_draws_its_charts_offline(browser, web_db, tmp_path, artifacts, pause_sentence):
    out = write_report(web_db, tmp_path / "report.html", actor="RUS")
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e) + (e.stack or "")))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    drawn = page.evaluate("""() => Object.fromEntries(['timeline', 'saydo', 'network', 'map'].map(id =>
        [id, [...document.querySelectorAll('#' + id + ' svg text')].map(t => t.textContent)]))""")
    assert {"4 material conflict", "period (month)", "events (clusters)"} <= set(drawn["timeline"])
    assert {"cooperative words (said)", "conflictual deeds (done)", "contradiction (0 … 1)"} <= set(drawn["saydo"])
    assert "acts conflictually (Goldstein sum < 0)" in drawn["network"]
    assert "mostly material conflict" in drawn["map"]
    assert page.inner_text("#saydo-pairs .ev-card.said .sentence") == pause_sentence
    assert page.locator("#saydo-pairs .ev-card.did").count() == 3
    page.locator("#saydo-pairs .ev-card.did").first.click()
    assert page.inner_text("#ev-sentence") == "Russian jets struck rebel positions near Aleppo on Tuesday."
    assert page.inner_text("#ceasefires-note") == "No ceasefire evidence."  # Russia's strikes broke no truce
    page.screenshot(path=str(artifacts / "report-rus-1400.png"), full_page=True)
    everything = write_report(web_db, tmp_path / "all.html")
    page.goto(everything.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    steps = page.inner_text("#ceasefires tbody tr:first-child td:nth-child(3)")
    assert "in force (ceasefire declared)" in steps and "collapsed (collapse reported)" in steps
    assert "needs --actor or --dyad" in page.inner_text("#saydo")
    undated = page.locator("#clusters tbody tr", has_text="The UN envoy welcomed the Astana talks")
    assert undated.locator("td").all_inner_texts()[:4] == ["undated", "IGOUNO", "010", ""]
    assert errors == [] and all(u.startswith("file:") for u in requests), requests
    ctx.close()
