from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
import sample_db  # noqa: E402

from detente.api.app import create_app  # noqa: E402
from detente.model import Actor, Document, Event, Mention  # noqa: E402
from detente.store import Store  # noqa: E402

CHROMIUM = os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
XSS = 'Officials wrote <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> today.'
PAUSE = "Moscow announced a pause in air strikes on Aleppo."


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where browser tests leave their screenshots (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def pause_sentence() -> str:
    """Russia's statement in the web database, four days before its strikes of sample_db."""
    return PAUSE


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing (install Debian's chromium: make sysdeps)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


def _build(path: Path) -> Path:
    sample_db.build_sample_db(path)
    doc = Document(doc_id="D14", text=XSS, title="<b>markup</b> title", source="x", published=date(2016, 5, 1))
    s = XSS.index("wrote")
    ev = Event(doc_id="D14", sentence_index=0, sentence=XSS, sentence_start=0, cameo_code="010", cameo_root="01",
               quad_class=1, goldstein=0.0, plover_type=None, trigger=Mention("wrote", s, s + 5),
               source=Mention("Officials", 0, 9), target=None, factuality="hypothetical", event_date=date(2016, 5, 1),
               event_id="E20")
    # a statement of Russia's four days before the strikes of sample_db (E1-E5): a say-do pair
    said = Document(doc_id="D15", text=PAUSE, title="Pause announced", source="tass", published=date(2016, 2, 5))
    t = PAUSE.index("announced")
    pause = Event(doc_id="D15", sentence_index=0, sentence=PAUSE, sentence_start=0, cameo_code="010", cameo_root="01",
                  quad_class=1, goldstein=0.0, plover_type=None, trigger=Mention("announced", t, t + 9),
                  source=Mention("Moscow", 0, 6, Actor(code="RUSGOV", country="RUS", sector="GOV", name="Moscow",
                                                      how="test")),
                  target=None, factuality="asserted",
                  event_date=date(2016, 2, 5), location=sample_db.PLACES["Aleppo"], location_precision="sentence",
                  event_id="E21")
    with Store(path) as store:
        store.write_batch([(doc, [ev], 1), (said, [pause], 1)])
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="session")
def web_url(web_db: Path):
    with sample_db.running_server(create_app(web_db)) as url:
        yield url


@pytest.fixture(scope="session")
def secured_web_url(tmp_path_factory: pytest.TempPathFactory):
    db = _build(tmp_path_factory.mktemp("webtok") / "webtok.duckdb")
    with sample_db.running_server(create_app(db, token=sample_db.TOKEN)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1600})
    pg = ctx.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.outside.append(r.url) if not r.url.startswith("http://127.0.0.1") else None)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    ctx.close()
