"""The say-do view of the seed op-eds (coded with their publication dates) in Chromium:
Russia's statements next to the deeds that followed them, both sentences on screen.
Writes test-artifacts/saydo-seeds-{800,1400}.png (docs/img/saydo-seeds.png is one of them).
Skipped cleanly when ../shared is absent."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sample_db

from detente.api.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "seeds"))
from test_seeds_saydo import METADATA, code_seeds  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory):
    db = code_seeds(tmp_path_factory.mktemp("seedsweb") / "seeds.duckdb", "--metadata", str(METADATA))
    with sample_db.running_server(create_app(db)) as url:
        yield url


@pytest.mark.parametrize("width", [800, 1400])
def test_seed_saydo_view_shows_pairs(browser, seeds_url, width, artifacts):
    ctx = browser.new_context(viewport={"width": width, "height": 1000})
    page = ctx.new_page()
    page.goto(seeds_url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    page.fill("input[name=actor]", "Russia")
    page.select_option("select[name=interval]", "year")  # the seeds span 2003-2018: one bar a year reads best
    page.click("#apply")
    page.wait_for_selector("#saydo-pairs li.pair", timeout=30_000)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    pairs = page.locator("#saydo-pairs li.pair")
    assert pairs.count() >= 1
    for i in range(pairs.count()):
        said = pairs.nth(i).locator(".ev-card.said .sentence").inner_text()
        did = pairs.nth(i).locator(".ev-card.did .sentence").all_inner_texts()
        assert said and did and all(did)
    assert "cooperative words (said)" in page.evaluate(
        "[...document.querySelectorAll('#saydo svg text')].map(t => t.textContent)")
    page.evaluate("document.querySelector('header').style.position = 'static'")  # not over the section
    page.locator("#saydo-section").screenshot(path=str(artifacts / f"saydo-seeds-{width}.png"))
    ctx.close()
