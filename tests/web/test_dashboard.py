"""The dashboard in headless Debian Chromium against a real server: every chart (ECharts,
SVG renderer) with its legend and axis titles, readable at 800 and 1400 px; filters in
the URL; clicks on charts; the say-do pairs; the actor-name search; the evidence panel."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import sample_db
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser
QUADS = ["1 verbal cooperation", "2 material cooperation", "3 verbal conflict", "4 material conflict"]


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def texts(page, chart: str) -> list[str]:
    """Every text the chart drew (legend, axis titles, labels), from its SVG."""
    return page.evaluate(f"[...document.querySelectorAll('{chart} svg text')].map(t => t.textContent)")


def option(page, chart: str) -> dict:
    return page.evaluate(f"""() => {{ const o = DetenteCharts.instance(document.querySelector('{chart}')).getOption();
        return {{ x: (o.xAxis || []).map(a => a.name), y: (o.yAxis || []).map(a => a.name),
                 series: o.series.map(s => ({{ name: s.name, type: s.type, data: s.data }})) }}; }}""")


def click_at(page, chart: str, js_point: str, until: str | None = None) -> None:
    """Click the pixel that js_point (an expression over `c`, the ECharts instance) gives;
    with ``until`` (a JS condition), click again, up to three times, while it does not hold
    within five seconds: on a loaded machine the first click can reach the SVG before the
    renderer has drawn the element under it (a CI run lost one that way)."""
    x, y = page.evaluate(f"() => {{ const c = DetenteCharts.instance(document.querySelector('{chart}')); "
                         f"const p = {js_point}; const r = c.getDom().getBoundingClientRect(); "
                         f"return [r.left + p[0], r.top + p[1]]; }}")
    for attempt in range(3 if until else 1):
        page.mouse.click(x, y)
        if until is None:
            return
        try:
            page.wait_for_function(f"() => {until}", timeout=5_000)
            return
        except PlaywrightTimeout:  # try once more, then let the last one raise
            if attempt == 2:
                raise


def test_every_chart_has_a_legend_and_axis_titles(page, web_url):
    load(page, web_url + "/?actor=RUS")
    t = texts(page, "#timeline")
    assert all(q in t for q in QUADS) and "mean Goldstein (right axis)" in t
    assert {"period (month)", "events (clusters)", "mean Goldstein (−10 … +10)"} <= set(t)
    s = texts(page, "#saydo")
    assert {"cooperative words (said)", "conflictual deeds (done)", "contradiction 2·min/(words+deeds)"} <= set(s)
    assert {"period (month)", "↑ words   deeds ↓  (clusters)", "contradiction (0 … 1)"} <= set(s)
    n = texts(page, "#network")
    assert {"acts cooperatively (Goldstein sum > 0)", "acts conflictually (Goldstein sum < 0)"} <= set(n)
    assert any(x.startswith("arrows: green cooperative") for x in n)
    m = texts(page, "#map")
    assert {f"mostly {q[2:]}" for q in QUADS} <= set(m) and any(x.endswith(" events") for x in m)  # size key
    assert page.errors == [] and page.outside == []


def test_timeline_draws_the_api_counts(page, web_url):
    load(page, web_url + "/")
    api = httpx.get(web_url + "/api/series").json()["points"]
    series = option(page, "#timeline")["series"]
    for q in (1, 2, 3, 4):
        assert series[q - 1]["data"] == [p[f"q{q}"] for p in api]
    assert series[4]["data"] == [p["goldstein_mean"] for p in api]


@pytest.mark.parametrize("width", [800, 1400])
def test_readable_at_800_and_1400_px(browser, web_url, width, artifacts):
    ctx = browser.new_context(viewport={"width": width, "height": 1000})
    page = ctx.new_page()
    load(page, web_url + "/?actor=RUS")
    for chart in ("#timeline", "#saydo", "#network", "#map"):
        box = page.locator(chart + " .plot").bounding_box()
        assert box["width"] >= 0.9 * (width - 60) / (1 if chart in ("#timeline", "#saydo") or width < 1000 else 2)
        # legend lines and axis titles sit inside the chart, none cut off at the edges
        inside = page.evaluate(f"""() => {{ const r = document.querySelector('{chart} .plot').getBoundingClientRect();
            return [...document.querySelectorAll('{chart} svg text')].filter(t => t.textContent.trim()).every(t => {{
              const b = t.getBoundingClientRect(); return b.left >= r.left - 1 && b.right <= r.right + 1; }}); }}""")
        assert inside, chart
        sizes = page.evaluate(f"[...document.querySelectorAll('{chart} svg text')].map(t => parseFloat(getComputedStyle(t).fontSize) || 12)")
        assert min(sizes) >= 11, chart
    page.screenshot(path=str(artifacts / f"dashboard-rus-{width}.png"), full_page=True)
    page.locator("#saydo-section").screenshot(path=str(artifacts / f"saydo-rus-{width}.png"))
    ctx.close()


def test_undated_events_are_counted_under_the_time_charts(page, web_url):
    load(page, web_url + "/?actor=IGOUNO")  # E19, the UN envoy's welcome, has no date
    assert page.inner_text("#timeline .chart-note").startswith("1 undated event matching the filters not shown")
    assert page.inner_text("#saydo .chart-note").startswith("1 undated event")
    assert "1 undated words or deeds left out" in page.inner_text("#saydo-pairs .pairs-summary")
    load(page, web_url + "/?actor=RUS")
    assert page.inner_text("#timeline .chart-note") == ""


def test_saydo_lists_statements_with_the_deeds_that_followed(page, web_url, pause_sentence):
    load(page, web_url + "/?actor=RUS")
    assert page.inner_text("#saydo-pairs .pairs-summary").startswith(
        "1 statement of RUS followed within 30 days by 3 contradicting deeds")
    (pair,) = page.locator("#saydo-pairs li.pair").all()
    assert pair.locator(".ev-card.said .sentence").inner_text() == pause_sentence
    deeds = pair.locator(".ev-card.did")
    assert deeds.locator(".sentence").all_inner_texts() == [
        "Russian jets struck rebel positions near Aleppo on Tuesday.", "Russian jets also struck rebels in Idlib.",
        "Russian jets bombed rebels in Aleppo."]
    assert "4 days later" in deeds.first.inner_text() and "3 reports" in deeds.first.inner_text()
    assert "Russian jets strike Aleppo" in deeds.first.locator(".source").inner_text()  # its document
    deeds.nth(1).click()
    page.wait_for_selector("#evidence:not([hidden]) #ev-document .current mark")
    assert page.inner_text("#ev-sentence") == "Russian jets also struck rebels in Idlib."
    assert query(page)["event"] == ["E5"]


def test_saydo_bars_open_their_events(page, web_url):
    load(page, web_url + "/?actor=RUS")
    data = option(page, "#saydo")["series"]
    assert data[0]["data"][0] == 1 and data[1]["data"][0] == -2  # Feb 2016: one statement, two strikes
    assert data[2]["data"][0] == pytest.approx(2 / 3, abs=1e-3)
    click_at(page, "#saydo", "c.convertToPixel({seriesIndex: 1}, [0, -1])")
    page.wait_for_selector("#evidence:not([hidden]) #ev-list a")
    assert [a.inner_text() for a in page.locator("#ev-list a").all()] == ["E1", "E3", "E4", "E5"]


def test_actor_box_takes_names_and_suggests_codes(page, web_url):
    load(page, web_url + "/")
    page.fill("input[name=actor]", "Russ")
    page.wait_for_selector("#actor-suggestions option", state="attached")
    first = page.locator("#actor-suggestions option").first
    assert first.get_attribute("value") == "RUS" and first.get_attribute("label").startswith("Russia — RUS (")
    page.fill("input[name=actor]", "Russia")
    page.click("#apply")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["actor"] == ["RUS"] and page.input_value("input[name=actor]") == "RUS"
    assert page.inner_text("#status") == "“Russia” → RUS (Russia)"
    assert page.locator("#events tbody tr").count() == 10
    page.fill("input[name=actor]", "Vladimir Putin")
    page.click("#apply")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["actor"] == ["RUSGOV"]
    page.fill("input[name=actor]", "Nobody Atall")
    page.click("#apply")
    page.wait_for_selector("#status.error")
    assert "no actor matches “Nobody Atall”" in page.inner_text("#status")
    assert query(page)["actor"] == ["RUSGOV"]  # nothing applied
    page.fill("input[name=actor]", "")
    page.fill("input[name=dyad]", "Russia,Syria")
    page.click("#apply")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["dyad"] == ["RUS,SYR"]


def test_filter_applies_to_every_view_and_lives_in_url(page, web_url):
    load(page, web_url + "/")
    page.fill("input[name=actor]", "rus")
    page.check("input[name=quad][value='4']")
    page.click("#apply")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["actor"] == ["RUS"] and query(page)["quad"] == ["4"]
    assert page.locator("#events tbody tr").count() == 5
    series = httpx.get(web_url + "/api/series", params={"actor": "RUS", "quad": "4"}).json()["points"]
    assert option(page, "#timeline")["series"][3]["data"] == [p["q4"] for p in series]
    assert sum(sum(s["data"]) for s in option(page, "#timeline")["series"][:3]) == 0
    # say-do always shows the subject's words and deeds (the quad filter does not apply)
    assert option(page, "#saydo")["series"][0]["data"][0] == 1
    assert sum(len(s["data"]) for s in option(page, "#map")["series"]) == 2  # Aleppo, Idlib
    page2 = page.context.new_page()
    load(page2, page.url)
    assert page2.input_value("input[name=actor]") == "RUS"
    assert page2.is_checked("input[name=quad][value='4']")
    assert page2.locator("#events tbody tr").count() == 5
    page2.close()


def test_network_and_map_clicks_set_filters(page, web_url):
    load(page, web_url + "/")
    click_at(page, "#network", """(() => { const n = c.getOption().series[0].data.find(d => d.id === 'TUR');
        return c.convertToPixel({seriesIndex: 0}, [n.x, n.y]); })()""", until="location.search.includes('actor=')")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["actor"] == ["TUR"]
    assert page.locator("#events tbody tr").count() == 1
    page.click("#reset")
    # the reset redraws every chart: click the map only once it is drawn for no filter
    page.wait_for_function("() => !location.search.includes('actor=')")
    page.wait_for_selector("body[data-ready='1']")
    idlib = next(p for p in httpx.get(web_url + "/api/geo").json()["places"] if p["name"] == "Idlib")
    click_at(page, "#map", f"c.convertToPixel('geo', [{idlib['lon']}, {idlib['lat']}])",
             until="location.search.includes('place=')")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["place"] == ["Idlib"]
    assert page.locator("#events tbody tr").count() == 3


def test_world_map_has_no_band_across_the_arctic(page, web_url):
    load(page, web_url + "/?actor=ZZZ")  # nothing located: the whole world
    land = page.evaluate("""() => { const c = DetenteCharts.instance(document.getElementById('map'));
        const at = (lon, lat) => { const p = c.convertToPixel('geo', [lon, lat]), r = c.getDom().getBoundingClientRect();
          const e = document.elementFromPoint(r.left + p[0], r.top + p[1]);
          return e.tagName === 'path' && (e.getAttribute('fill') || '').toLowerCase() === '#d9d4c7'; };
        return { norwegianSea: at(0, 67), beringStrait: at(-170, 66.5), siberia: at(100, 65), canada: at(-100, 60),
                 atlantic: at(-35, 64), sahara: at(10, 23) }; }""")
    assert land == {"norwegianSea": False, "beringStrait": False, "siberia": True, "canada": True, "atlantic": False,
                    "sahara": True}


def test_ceasefire_steps_cite_their_events(page, web_url):
    load(page, web_url + "/")
    row = page.locator("#ceasefires tbody tr").first
    assert row.locator("td").nth(0).inner_text() == "SYR / SYRREB" and row.locator("td").nth(1).inner_text() == "collapsed"
    steps = row.locator("ol.steps li")
    assert [s.get_attribute("data-status") for s in steps.all()] == ["in_force", "violated", "collapsed"]
    assert "The ceasefire collapsed after Syrian forces attacked rebel towns." in steps.nth(2).inner_text()
    steps.nth(0).locator("a").click()
    page.wait_for_selector("#evidence:not([hidden]) #ev-document .current")
    assert query(page)["event"] == ["E6"]


def test_row_opens_evidence_highlighted_in_document(page, web_url):
    load(page, web_url + "/")
    page.click("#events tr[data-event-id='E5']")
    page.wait_for_selector("#evidence:not([hidden]) #ev-document .current mark")
    assert page.inner_text("#ev-sentence mark.span-trigger") == "struck"
    assert page.inner_text("#ev-sentence mark.span-source") == "Russian jets"
    assert page.inner_text("#ev-document .current") == "Russian jets also struck rebels in Idlib."
    assert page.inner_text("#ev-document .current mark.span-target") == "rebels"
    assert "Russian aircraft hit rebel fighters again." in page.inner_text("#ev-document")
    assert page.inner_text("#ev-link").startswith("More strikes")
    assert query(page)["event"] == ["E5"]
    page2 = page.context.new_page()
    load(page2, page.url)
    page2.wait_for_selector("#evidence:not([hidden]) #ev-document .current mark")
    assert page2.inner_text("#ev-sentence mark.span-trigger") == "struck"
    page2.close()


def test_brush_sets_date_range(page, web_url):
    load(page, web_url + "/")
    x0, x1, y = page.evaluate("""() => { const c = DetenteCharts.instance(document.getElementById('timeline'));
        const r = c.getDom().getBoundingClientRect(), a = c.convertToPixel({xAxisIndex: 0}, 0),
              b = c.convertToPixel({xAxisIndex: 0}, 1), y = c.convertToPixel({yAxisIndex: 0}, 1);
        return [r.left + a - 5, r.left + b + 5, r.top + y]; }""")
    page.mouse.move(x0, y)
    page.mouse.down()
    page.mouse.move(x1, y, steps=5)
    page.mouse.up()
    page.wait_for_url(lambda u: "since=" in u)
    page.wait_for_selector("body[data-ready='1']")
    q = query(page)
    assert q["since"] == ["2016-02-01"] and q["until"] == ["2016-03-31"]
    assert page.input_value("input[name=since]") == "2016-02-01"
    assert page.locator("#events tbody tr").count() == 11


def test_markup_in_data_is_shown_as_text(page, web_url):
    load(page, web_url + "/?factuality=hypothetical")
    assert page.locator("#events tbody tr").count() == 1
    page.click("#events tr[data-event-id='E20']")
    page.wait_for_selector("#evidence:not([hidden]) #ev-document .current")
    assert "<script>" in page.inner_text("#ev-sentence")
    assert page.evaluate("window.__xss") is None
    assert page.locator("#ev-document img, #evidence script, #events img").count() == 0


def test_token_prompt(page, secured_web_url):
    page.goto(secured_web_url + "/")
    page.wait_for_selector("#tokenform:not([hidden])")
    assert "token" in page.inner_text("#status")
    page.fill("#tokenform input[name=token]", sample_db.TOKEN)
    page.click("#tokenform button")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#events tbody tr").count() == 17
