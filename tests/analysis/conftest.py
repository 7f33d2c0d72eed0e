from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_db  # noqa: E402


@pytest.fixture(scope="session")
def sample_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("analysis")
    return {"inline": sample_db.build_sample_db(d / "inline.duckdb"),
            "tables": sample_db.build_sample_db_with_tables(d / "tables.duckdb")}


@pytest.fixture(params=["inline", "tables"])
def con(request: pytest.FixtureRequest, sample_paths: dict[str, Path]):
    """A read-only connection to the sample database, with the analysis tables computed on
    the fly ("inline") or materialised by build_analysis_tables ("tables")."""
    c = duckdb.connect(str(sample_paths[request.param]), read_only=True)
    yield c
    c.close()
