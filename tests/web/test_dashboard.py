from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import sample_db

pytestmark = pytest.mark.browser


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def nonzero_cells(points) -> int:
    return sum(1 for p in points for q in (1, 2, 3, 4) if p[f"q{q}"])


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_all_views_render(page, web_url):
    load(page, web_url + "/")
    series = httpx.get(web_url + "/api/series").json()["points"]
    assert page.locator("#timeline svg rect.bar").count() == nonzero_cells(series)
    assert page.locator("#timeline svg path.goldstein").count() == 1
    assert page.locator("#saydo .empty").count() == 1  # needs an actor or dyad
    assert page.locator("#network svg g.node").count() == 5
    assert page.locator("#network svg line.edge.neg").count() >= 2
    assert page.locator("#map svg path.land").count() == 1
    assert page.locator("#map svg circle.place").count() == 5
    assert page.locator("#events tbody tr").count() == 16
    assert page.locator("#events-total").inner_text() == "16 events"
    assert page.errors == [] and page.outside == []


def test_filter_applies_to_every_view_and_lives_in_url(page, web_url):
    load(page, web_url + "/")
    page.fill("input[name=actor]", "rus")
    page.check("input[name=quad][value='4']")
    page.click("#apply")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["actor"] == ["RUS"] and query(page)["quad"] == ["4"]
    assert page.locator("#events tbody tr").count() == 5
    series = httpx.get(web_url + "/api/series", params={"actor": "RUS", "quad": "4"}).json()["points"]
    assert page.locator("#timeline svg rect.bar").count() == nonzero_cells(series)
    assert page.locator("#timeline svg rect.bar.q4").count() == nonzero_cells(series)
    # say-do always shows the four QuadClasses of the subject (the quad filter does not apply)
    assert page.locator("#saydo svg rect.do.material_conflict").count() == 2  # Feb and Mar 2016
    assert page.locator("#map svg circle.place").count() == 2  # Aleppo, Idlib
    # the same URL opened fresh restores the form and the views
    page2 = page.context.new_page()
    load(page2, page.url)
    assert page2.input_value("input[name=actor]") == "RUS"
    assert page2.is_checked("input[name=quad][value='4']")
    assert page2.locator("#events tbody tr").count() == 5
    page2.close()


def test_network_and_map_clicks_set_filters(page, web_url):
    load(page, web_url + "/")
    page.click("#network g.node[data-id='TUR'] circle")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["actor"] == ["TUR"]
    assert page.locator("#events tbody tr").count() == 1
    page.click("#reset")
    page.wait_for_selector("body[data-ready='1']")
    # nearby places overlap on a map: dispatch the click to the one under test
    page.dispatch_event("#map circle.place[data-name='Idlib']", "click")
    page.wait_for_selector("body[data-ready='1']")
    assert query(page)["place"] == ["Idlib"]
    assert page.locator("#events tbody tr").count() == 3


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
    # a shared link opens the same evidence
    page2 = page.context.new_page()
    load(page2, page.url)
    page2.wait_for_selector("#evidence:not([hidden]) #ev-document .current mark")
    assert page2.inner_text("#ev-sentence mark.span-trigger") == "struck"
    page2.close()


def test_saydo_point_opens_its_events(page, web_url):
    load(page, web_url + "/?actor=RUS")
    assert page.locator("#saydo svg rect").count() >= 4
    page.click("#saydo rect.do.material_conflict[data-period='2016-02-01']")
    page.wait_for_selector("#evidence:not([hidden]) #ev-list a")
    assert [a.inner_text() for a in page.locator("#ev-list a").all()] == ["E1", "E3", "E4", "E5"]


def test_brush_sets_date_range(page, web_url):
    load(page, web_url + "/")
    box = page.locator("#timeline rect.overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.1, y, steps=5)
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(location.search).get('since') !== null")
    page.wait_for_selector("body[data-ready='1']")
    q = query(page)
    assert q["since"] == ["2016-02-01"] and q["until"][0] >= "2016-02-29"
    assert page.input_value("input[name=since]") == "2016-02-01"
    assert page.locator("#events tbody tr").count() < 16


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
    assert page.locator("#events tbody tr").count() == 16
