"""Shared fixtures. The spaCy model loads once per test session (slow tests only)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REFERENCE = SHARED / "reference"


def need_shared(path: Path = SHARED) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (tests that read ../shared skip cleanly)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from detente.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """code_text(text, published=None) -> list of events, using the shared pipeline."""
    import detente

    def run(text: str, published: str | None = "2016-10-20"):
        return detente.code(text, published=published, pipeline=pipeline)

    return run


# The seed files carry no metadata; these publication dates come from their content
# (the events they report as "this week", "last weekend", ...).
SEED_PUBLISHED = {
    "000_cbb68106b8214e1b": "2013-09-12",  # Kerry in Geneva on Syria's chemical weapons
    "001_579f5b95223df5cf": "2012-02-09",  # Russian veto of 4 Feb 2012 ("last Saturday")
    "002_3d6d8e7a8cca74c3": "2016-10-18",  # Kerry in Lausanne and London "last weekend"
    "003_fed580d0c254e7e0": "2018-01-29",  # the Sochi congress
    "004_0da71fee4386b36a": "2017-05-25",  # Geneva round of 16-19 May 2017
}


@pytest.fixture(scope="session")
def seed_events(pipeline):
    """Events of the five seed articles, keyed by file stem (skips if ../shared is absent)."""
    from datetime import date

    from detente.ingest import read_inputs
    from detente.model import Document

    need_shared(SEEDS)
    docs = [d for d in read_inputs([SEEDS]) if isinstance(d, Document)]
    for d in docs:
        d.published = date.fromisoformat(SEED_PUBLISHED[Path(d.path).stem])
    return {Path(d.path).stem: (d, evs) for d, evs, _ in pipeline.run(docs)}
