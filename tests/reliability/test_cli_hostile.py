"""Through the CLI: a folder of hostile files codes without crashing, and duplicate ids
follow the documented rule: the first version is kept, an ingest issue names the file and
line of the other, and --recode replaces the stored version."""
from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

V1 = "Russia condemned Turkey on Monday."
V2 = "Turkey accused Russia of bombing Aleppo."
V3 = "Iran denied the report."


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args, "--workers", "1", "-q"],
                          capture_output=True, text=True, timeout=120)


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_hostile_folder_codes_good_records_and_stores_every_issue(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "empty.jsonl").write_bytes(b"")
    (d / "latin1.txt").write_bytes("Café talks\n\nFrance condemned Syria.".encode("latin-1"))
    (d / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Talks\n\nRussia met Turkey in Genève.".encode("utf-16-le"))
    (d / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + f"<p>{V2}</p>" + "</div>" * 10_000 + "</body></html>")
    (d / "x.csv").write_text(f'id,text\nc1,{V1}\nc2,"never closed\nc3,{V3}\n')
    (d / "x.jsonl").write_text('{"id": "j1", "text": "Lone \\ud800: ' + V1 + '"}'
                               + "\n{broken\n" + "[" * 50_000 + "\n" + json.dumps({"id": "j4", "text": V2}))
    db = tmp_path / "t.duckdb"
    r = cli("code", str(d), "--db", str(db))
    assert r.returncode == 0, r.stderr
    ids = {x[0] for x in rows(db, "SELECT doc_id FROM documents")}
    assert {"c1", "c3", "j1", "j4"} <= ids and len(ids) == 7  # + latin1, utf16, deep.html
    assert rows(db, "SELECT text FROM documents WHERE doc_id = 'j1'")[0][0] == "Lone \ufffd: " + V1
    issues = sorted((Path(p).name, line) for p, line, _ in rows(db, "SELECT path, line, message FROM ingest_issues"))
    assert issues == [("bin.txt", None), ("empty.jsonl", None), ("x.csv", 3), ("x.jsonl", 2), ("x.jsonl", 3)]
    for name, line in issues:  # each one printed as one line naming file (and line)
        assert f"{name}:{line}: " in r.stderr if line else f"{name}: " in r.stderr
    assert rows(db, "SELECT count(*) FROM events")[0][0] > 0


def test_duplicate_id_across_batches_then_across_runs_then_recode(tmp_path):
    src = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": V1}, {"id": "y", "text": V3}, {"id": "x", "text": V2})
    db = tmp_path / "t.duckdb"
    # one run, the duplicate in another batch: first kept, issue names a.jsonl:3
    r = cli("code", str(src), "--db", str(db), "--batch-size", "1")
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT text FROM documents WHERE doc_id = 'x'") == [(V1,)]
    assert rows(db, "SELECT path, line FROM ingest_issues") == [(str(src), 3)]
    assert "already stored with different text" in rows(db, "SELECT message FROM ingest_issues")[0][0]
    assert "1 id conflicts kept" in " ".join(r.stdout.split())
    # a later run with a third version: stored one kept, issue names b.jsonl:2
    other = jsonl(tmp_path / "b.jsonl", {"id": "z", "text": V3}, {"id": "x", "text": V3 + " Again."})
    r = cli("code", str(other), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT text FROM documents WHERE doc_id = 'x'") == [(V1,)]
    assert (str(other), 2) in rows(db, "SELECT path, line FROM ingest_issues")
    events_v1 = rows(db, "SELECT sentence FROM events WHERE doc_id = 'x'")
    assert events_v1 and all(s == V1 for s, in events_v1)
    # --recode replaces the stored version and its events
    r = cli("code", str(other), "--db", str(db), "--recode")
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT text FROM documents WHERE doc_id = 'x'") == [(V3 + " Again.",)]
    assert all(s != V1 for s, in rows(db, "SELECT sentence FROM events WHERE doc_id = 'x'"))


def test_duplicate_id_in_the_same_batch_is_reported(tmp_path):
    src = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": V1}, {"id": "y", "text": V3}, {"id": "x", "text": V2})
    db = tmp_path / "t.duckdb"
    r = cli("code", str(src), "--db", str(db))  # default batch size: all three in one batch
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT text FROM documents WHERE doc_id = 'x'") == [(V1,)]
    assert rows(db, "SELECT path, line FROM ingest_issues") == [(str(src), 3)]


def test_summary_never_reports_more_asserted_events_than_events(tmp_path):
    src = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": V1}, {"id": "x", "text": V2})
    r = cli("code", str(src), "--db", str(tmp_path / "t.duckdb"), "--batch-size", "1")
    assert r.returncode == 0, r.stderr
    n, asserted = map(int, re.search(r"(\d+) events \((\d+) asserted\)", " ".join(r.stdout.split())).groups())
    assert asserted <= n
