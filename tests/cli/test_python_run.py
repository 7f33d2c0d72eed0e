"""The Python API runs the same coding run as `detente code`: store, skip, update, report."""
from __future__ import annotations

import json

import duckdb
import pytest

import detente
from detente.model import Document, IngestIssue

pytestmark = pytest.mark.slow


def test_code_into_store_from_python_matches_the_cli_rules(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Russia vetoed the Security Council resolution on Syria.",
                               "published": "2012-02-04"}) + "\n{broken\n")
    db = tmp_path / "t.duckdb"
    seen: list[IngestIssue] = []
    doc = Document("b", "Turkish troops shelled Kurdish positions near Afrin on Monday.")
    r = detente.code_into_store([src, doc], db, published="2018-01-24", on_issue=seen.append)
    assert (r.stats.documents_read, r.stats.documents_coded, len(r.stats.issues)) == (2, 2, 1)
    assert r.doc_ids == ["a", "b"]
    assert len(seen) == 1 and str(seen[0]).startswith(f"{src}:2: malformed JSON")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT doc_id, published::VARCHAR, published_how FROM documents ORDER BY 1").fetchall() == [
        ("a", "2012-02-04", "input"), ("b", "2018-01-24", "cli")]
    veto = con.execute("SELECT cameo_code, source_code FROM events WHERE doc_id = 'a'").fetchall()
    assert ("129", "RUS") in veto
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert con.execute("SELECT count(*) FROM analysis_events").fetchone()[0] == n  # tables built
    con.close()
    again = detente.code_into_store(src, db)
    assert (again.stats.documents_coded, again.stats.documents_skipped) == (0, 1)
