"""The API server keeps answering while a coding run writes into the same database file.

A real `detente code` process writes batches while a real uvicorn server on loopback is
queried in a loop: no request fails with a server error, the run completes, and the
database is whole afterwards (no event without its document, nothing duplicated).
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
import sample_db  # noqa: E402

from detente.api.app import create_app  # noqa: E402

pytestmark = pytest.mark.slow

SENTENCES = [
    "Russian warplanes bombed rebel positions near Aleppo on Tuesday.",
    "Turkey condemned the strikes and summoned the Russian ambassador.",
    "Russia vetoed a Security Council resolution on Syria.",
    "Iran and Turkey met in Astana to discuss a ceasefire.",
]


def test_api_reads_while_a_coding_run_writes(tmp_path):
    db = sample_db.build_sample_db(tmp_path / "live.duckdb")
    corpus = tmp_path / "c.jsonl"
    with open(corpus, "w") as fh:
        for i in range(160):
            text = " ".join(SENTENCES[(i + k) % 4] for k in range(3)) + f" Report {i}."
            fh.write(json.dumps({"id": f"live-{i}", "text": text, "published": "2016-10-10"}) + "\n")
    statuses: dict[int, int] = {}
    with sample_db.running_server(create_app(db)) as url, httpx.Client(base_url=url, timeout=30) as client:
        run = subprocess.Popen([sys.executable, "-m", "detente.cli", "code", str(corpus), "--db", str(db),
                                "--workers", "1", "--batch-size", "8", "-q"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen_counts = []
        deadline = time.time() + 240
        while run.poll() is None and time.time() < deadline:
            for path in ("/api/stats", "/api/events?limit=5", "/api/series?interval=month"):
                r = client.get(path)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                if path == "/api/stats" and r.status_code == 200:
                    seen_counts.append(r.json())
            time.sleep(0.05)
        out, err = run.communicate(timeout=240)
        assert run.returncode == 0, err[-3000:]
        final = client.get("/api/stats")
    assert set(statuses) <= {200, 503}, statuses  # busy is allowed, errors are not
    assert statuses.get(200, 0) > 0
    assert final.status_code == 200
    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT count(*) FROM documents WHERE doc_id LIKE 'live-%'").fetchall()[0][0]
    orphans = con.execute("SELECT count(*) FROM events e LEFT JOIN documents d USING (doc_id) "
                          "WHERE d.doc_id IS NULL").fetchall()[0][0]
    dups = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM events").fetchall()[0][0]
    con.close()
    assert (docs, orphans, dups) == (160, 0, 0)
    assert "160 coded" in out
