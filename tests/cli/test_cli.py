"""The CLI end to end: code, re-run without duplicates, query, export, errors and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True,
                          input=stdin)


def test_code_rerun_query_export(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": "Russia vetoed the Security Council resolution on Syria.",
                    "published": "2012-02-04"}),
        "{broken",
        json.dumps({"id": "b", "text": "Turkish troops shelled Kurdish positions near Afrin.",
                    "published": "2018-01-22"}),
    ]) + "\n")
    db = tmp_path / "t.duckdb"
    r = cli("code", str(src), "--db", str(db), "-q", "--out", str(tmp_path / "ev.jsonl"))
    assert r.returncode == 0, r.stderr
    assert f"{src}:2: malformed JSON" in r.stderr
    assert "2 documents read, 2 coded" in r.stdout and "1 skipped with errors" in r.stdout
    rows = [json.loads(x) for x in (tmp_path / "ev.jsonl").read_text().splitlines()]
    veto = [x for x in rows if x["doc_id"] == "a"]
    assert veto and veto[0]["cameo_code"] == "129" and veto[0]["source_code"] == "RUS"
    again = cli("code", str(src), "--db", str(db), "-q")
    assert "0 coded, 2 already stored" in again.stdout
    q = cli("events", "--db", str(db), "--actor", "RUS", "--out", str(tmp_path / "q.csv"))
    assert q.returncode == 0 and "exported 1 events" in q.stdout
    strict = cli("code", str(src), "--db", str(db), "-q", "--strict")
    assert strict.returncode == 1


def test_nothing_processed_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    r = cli("code", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "t.duckdb"), "-q")
    assert r.returncode == 1
    assert "empty.txt: empty file" in r.stderr


def test_stdin_jsonl(tmp_path):
    r = cli("code", "-", "--db", str(tmp_path / "t.duckdb"), "-q",
            stdin=json.dumps({"id": "s", "text": "Iran condemned the attack on its embassy."}) + "\n")
    assert r.returncode == 0 and "1 documents read" in r.stdout


def test_actors_resolve_is_date_aware():
    r = cli("actors", "resolve", "John Kerry", "--date", "2016-03-01")
    assert r.returncode == 0 and "USAGOV" in r.stdout and "Secretary of State" in r.stdout
