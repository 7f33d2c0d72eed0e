"""The seeds' question, asked of the seeds: coded with their publication dates
(../shared/corpus/seeds-metadata.csv), does the say-do view show what Russia said next to
what it did, with both sentences? And coded without them, does every time-based answer
say how many events it could not place? (Skipped cleanly when ../shared is absent.)"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

from detente.api.app import create_app
from detente.cli import app as cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
import sample_db  # noqa: E402

pytestmark = pytest.mark.slow
SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
METADATA = SHARED / "corpus" / "seeds-metadata.csv"


def need_shared(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (tests that read ../shared skip cleanly)")


def code_seeds(db: Path, *extra: str) -> Path:
    need_shared(SEEDS)
    need_shared(METADATA)
    res = CliRunner().invoke(cli, ["code", str(SEEDS), "--db", str(db), "--workers", "1", "--quiet", *extra])
    assert res.exit_code == 0, res.output
    return db


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    return code_seeds(tmp_path_factory.mktemp("seeds") / "dated.duckdb", "--metadata", str(METADATA))


@pytest.fixture(scope="module")
def undated(tmp_path_factory):
    return code_seeds(tmp_path_factory.mktemp("seeds") / "undated.duckdb")


def test_asserted_events_are_dated_with_the_metadata(dated):
    with duckdb.connect(str(dated), read_only=True) as con:
        n, with_date = con.execute(
            "SELECT count(*), count(event_date) FROM events WHERE factuality = 'asserted'").fetchone()
    assert n > 30 and with_date / n >= 0.9


def test_russia_says_and_does_with_both_sentences(dated):
    with sample_db.running_server(create_app(dated)) as url:
        pairs = httpx.get(url + "/api/saydo/pairs", params={"actor": "RUS"}, timeout=30).json()
        points = httpx.get(url + "/api/saydo", params={"actor": "RUS"}, timeout=30).json()["points"]
    assert pairs["statements"] >= 1 and pairs["pairs"] >= 1
    with duckdb.connect(str(dated), read_only=True) as con:
        for item in pairs["items"]:
            said = item["statement"]
            for did in item["deeds"]:
                assert did["event_date"] >= said["event_date"] and did["days"] <= 30
                for ev in (said, did):  # each side is the stored sentence of a stored document
                    stored = con.execute("SELECT e.sentence, d.title FROM events e JOIN documents d USING (doc_id) "
                                         "WHERE e.event_id = ?", [ev["event_id"]]).fetchone()
                    assert stored == (ev["sentence"], ev["doc_title"]) and ev["sentence"]
                assert did["source_code"].startswith("RUS") and did["factuality"] == "asserted"
    # a period where Russia both spoke and struck has a contradiction above zero
    assert max(p["contradiction"] or 0 for p in points) > 0


def test_without_metadata_every_time_based_answer_counts_what_it_left_out(undated):
    with duckdb.connect(str(undated), read_only=True) as con:
        missing = con.execute("SELECT count(*) FROM events WHERE event_date IS NULL AND factuality = 'asserted' "
                              "AND (starts_with(source_code, 'RUS') OR starts_with(target_code, 'RUS'))").fetchone()[0]
        said_or_done = con.execute(
            "SELECT count(*) FROM events WHERE event_date IS NULL AND factuality = 'asserted' "
            "AND starts_with(source_code, 'RUS') AND (quad_class IN (1, 4) OR starts_with(cameo_code, '0871'))"
        ).fetchone()[0]
    assert missing > 0, "some seed articles bring no date of their own"
    with sample_db.running_server(create_app(undated)) as url:
        def get(path, **params):
            r = httpx.get(url + path, params=params, timeout=30)
            assert r.status_code == 200, r.text
            return r.json()

        assert get("/api/series", actor="RUS")["undated"] == missing
        assert get("/api/profile", actor="RUS")["undated"] == missing
        assert get("/api/saydo", actor="RUS")["undated"] == said_or_done > 0
        assert get("/api/saydo/pairs", actor="RUS")["undated"] == said_or_done
        assert all("undated" in p for p in get("/api/processes")["processes"])
        assert "ceasefires_undated" in get("/api/processes") and "undated" in get("/api/ceasefires")
