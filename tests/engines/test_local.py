"""Local engine: workers give the same events as one process; a killed run resumes exactly."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

STORIES = [
    "Russian warplanes bombed rebel positions near Aleppo on Tuesday, a monitoring group said.",
    "Turkey condemned the strikes and summoned the Russian ambassador in Ankara.",
    "The UN envoy met Iranian officials in Geneva on Monday to discuss a ceasefire.",
    "Russia vetoed a Security Council resolution on Syria.",
    "Syrian government forces shelled the town of Douma.",
    "The United States imposed sanctions on Syria's central bank.",
]


def corpus(path: Path, n: int) -> Path:
    with open(path, "w") as fh:
        for i in range(n):
            text = " ".join(STORIES[(i + k) % len(STORIES)] for k in range(4)) + f" Story number {i}."
            fh.write(json.dumps({"id": f"doc-{i:05d}", "text": text, "published": "2017-05-25"}) + "\n")
    return path


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, **kw)


def events_of(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT event_id, doc_id, cameo_code, source_code, target_code, factuality, event_date "
                       "FROM events ORDER BY event_id").fetchall()
    con.close()
    return rows


def test_two_workers_equal_one_worker(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 40)
    r1 = cli("code", str(src), "--db", str(tmp_path / "one.duckdb"), "--workers", "1", "-q")
    r2 = cli("code", str(src), "--db", str(tmp_path / "two.duckdb"), "--workers", "2", "-q")
    assert r1.returncode == 0, r1.stderr
    assert r2.returncode == 0, r2.stderr
    one, two = events_of(tmp_path / "one.duckdb"), events_of(tmp_path / "two.duckdb")
    assert one and one == two


def test_sigkill_mid_run_then_rerun_equals_clean_run(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 400)
    clean = tmp_path / "clean.duckdb"
    assert cli("code", str(src), "--db", str(clean), "--workers", "1", "-q", "--batch-size", "8").returncode == 0
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "detente.cli", "code", str(src), "--db", str(killed),
                             "--workers", "1", "-q", "--batch-size", "8"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # wait until some batches are committed, then kill -9 in the middle of the run
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        try:
            con = duckdb.connect(str(killed), read_only=True)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except (duckdb.Error, OSError):
            continue
        if stored >= 40:
            break
    assert proc.poll() is None, "run finished before it could be killed: make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(killed))
    partial_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    # no partial documents: every stored document has all its events
    orphans = con.execute("SELECT count(*) FROM events e LEFT JOIN documents d USING (doc_id) "
                          "WHERE d.doc_id IS NULL").fetchone()[0]
    con.close()
    assert 0 < partial_docs < 400 and orphans == 0
    rerun = cli("code", str(src), "--db", str(killed), "--workers", "1", "-q", "--batch-size", "8")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial_docs} already stored" in rerun.stdout
    assert events_of(killed) == events_of(clean)
