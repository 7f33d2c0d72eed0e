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


@pytest.fixture(scope="session")
def seed_events(pipeline):
    """Events of the five seed articles, keyed by file stem (skips if ../shared is absent)."""
    from detente.ingest import read_inputs
    from detente.model import Document

    need_shared(SEEDS)
    docs = [d for d in read_inputs([SEEDS]) if isinstance(d, Document)]
    return {Path(d.path).stem: (d, evs) for d, evs, _ in pipeline.run(docs)}
