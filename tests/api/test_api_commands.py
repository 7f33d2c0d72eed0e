from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from detente.api.commands import is_loopback
from detente.cli import app


@pytest.fixture
def cli() -> typer.Typer:
    return app


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
                                        ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def test_serve_refuses_public_bind_without_token(cli, fresh_db, monkeypatch):
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    res = CliRunner().invoke(cli, ["serve", "--db", str(fresh_db), "--host", "0.0.0.0", "--port", "8765"])
    assert res.exit_code == 2
    assert "without a token" in res.output


def test_serve_accepts_token_from_env(cli, fresh_db, monkeypatch):
    started = {}

    def fake_run(application, sock, host, port):
        started.update(host=host, port=port, app=application)
        sock.close()

    import detente.api.server

    monkeypatch.setattr(detente.api.server, "run_server", fake_run)
    monkeypatch.setenv("DETENTE_TOKEN", "s3cret")
    res = CliRunner().invoke(cli, ["serve", "--db", str(fresh_db), "--host", "0.0.0.0", "--port", "8765"])
    assert res.exit_code == 0, res.output
    assert started["host"] == "0.0.0.0" and started["port"] == 8765
    assert "bearer token" in res.output


def test_serve_needs_existing_db(cli, tmp_path):
    res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "none.duckdb: no such database" in res.output


@pytest.mark.slow
def test_serve_listens_then_says_so_and_answers(fresh_db):
    """The real command in its own process: the line saying it serves comes once the port is
    bound, and the API answers on it."""
    import subprocess
    import sys
    import time

    import httpx

    from tests.analysis.sample_db import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(fresh_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith(f"detente: serving {fresh_db} on http://127.0.0.1:{port}/"), line
        for _ in range(100):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
