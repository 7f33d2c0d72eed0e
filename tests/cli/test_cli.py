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


def _dated_share(db) -> tuple[int, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*), count(event_date) FROM events WHERE factuality = 'asserted'").fetchone()
    finally:
        con.close()


def test_seeds_with_metadata_are_dated_and_a_later_run_updates_them(tmp_path):
    """The seed articles carry no date field: seeds-metadata.csv dates them; a second run
    with changed metadata re-dates the stored events without coding them again."""
    import csv

    import duckdb

    from tests.conftest import SHARED, need_shared

    seeds, meta = need_shared(SHARED / "corpus" / "seeds"), need_shared(SHARED / "corpus" / "seeds-metadata.csv")
    db = tmp_path / "t.duckdb"
    plain = tmp_path / "plain.duckdb"
    r = cli("code", str(seeds), "--db", str(plain), "-q", "--workers", "1")
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(plain), read_only=True)
    dated = con.execute("SELECT path, published, published_how FROM documents WHERE published IS NOT NULL").fetchall()
    con.close()
    assert [(p.rsplit("/", 1)[-1][:3], str(d), how) for p, d, how in dated] == [("004", "2017-05-25", "text-dateline")]
    # --published on a later run dates the stored documents that have no date of their own
    r = cli("code", str(seeds), "--db", str(plain), "-q", "--workers", "1", "--published", "2017-06-01")
    assert "0 coded, 5 already stored" in r.stdout and "4 stored documents updated" in r.stdout, r.stdout
    con = duckdb.connect(str(plain), read_only=True)
    assert sorted(con.execute("SELECT published_how, published::VARCHAR, count(*) FROM documents "
                              "GROUP BY ALL").fetchall()) == [("cli", "2017-06-01", 4),
                                                              ("text-dateline", "2017-05-25", 1)]
    con.close()

    r = cli("code", str(seeds), "--db", str(db), "-q", "--workers", "1", "--metadata", str(meta))
    assert r.returncode == 0, r.stderr
    total, with_date = _dated_share(db)
    assert total and with_date / total >= 0.9, (with_date, total)

    rows = list(csv.DictReader(meta.open(encoding="utf-8")))
    for row in rows:  # a year later
        row["published"] = row["published"].replace(row["published"][:4], str(int(row["published"][:4]) + 1), 1)
    changed = tmp_path / "meta.csv"
    with changed.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    coded_at = con.execute("SELECT max(coded_at) FROM documents").fetchone()[0]
    con.close()
    again = cli("code", str(seeds), "--db", str(db), "-q", "--workers", "1", "--metadata", str(changed))
    assert again.returncode == 0, again.stderr
    assert "0 coded, 5 already stored" in again.stdout and "5 stored documents updated" in again.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events
    assert con.execute("SELECT max(coded_at) FROM documents").fetchone()[0] == coded_at  # not re-coded
    pubs = dict(con.execute("SELECT regexp_extract(path, '[^/]+$'), published::VARCHAR FROM documents").fetchall())
    assert pubs == {r["file"]: r["published"] for r in rows}
    late = con.execute("SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
                       "WHERE e.date_precision = 'publication' AND e.event_date <> d.published").fetchone()[0]
    assert late == 0  # publication-dated events follow the new date
    assert con.execute("SELECT count(*) FROM analysis_events").fetchone()[0] == n_events  # tables rebuilt
    con.close()
