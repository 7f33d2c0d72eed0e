from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
import sample_db  # noqa: E402

from detente.api.app import create_app  # noqa: E402

TOKEN = sample_db.TOKEN


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_db.build_sample_db_with_tables(tmp_path_factory.mktemp("api") / "api.duckdb")


@pytest.fixture(scope="session")
def base_url(api_db: Path):
    with sample_db.running_server(create_app(api_db)) as url:
        yield url


@pytest.fixture(scope="session")
def client(base_url: str):
    with httpx.Client(base_url=base_url, timeout=20) as c:
        yield c


@pytest.fixture(scope="session")
def secured_url(api_db: Path, tmp_path_factory: pytest.TempPathFactory):
    db = sample_db.build_sample_db(tmp_path_factory.mktemp("secured") / "secured.duckdb")
    app = create_app(db, token=TOKEN, cors_origins=("http://allowed.example",))
    with sample_db.running_server(app) as url:
        yield url


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    return sample_db.build_sample_db(tmp_path / "fresh.duckdb")
