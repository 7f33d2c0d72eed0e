"""Store: idempotent writes, id conflicts, schema versions, files that are not databases."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from detente.model import Actor, Document, Event, Mention
from detente.store import SchemaError, Store, StoreError


def make(doc_id="d1", text="Russia vetoed the resolution."):
    d = Document(doc_id, text, published=date(2012, 2, 4), path="x.jsonl", line=3)
    e = Event(doc_id=doc_id, sentence_index=0, sentence=text, sentence_start=0, cameo_code="1211"[:3],
              cameo_root="12", quad_class=3, goldstein=-4.0, plover_type="REJECT",
              trigger=Mention("vetoed", 7, 13), source=Mention("Russia", 0, 6, Actor("RUS", "RUS")),
              target=None, event_date=date(2012, 2, 4), date_precision="publication", rule="t")
    return d, [e], 1


def test_rewrite_same_input_never_duplicates(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        assert st.write_batch([make()]).documents_written == 1
        r = st.write_batch([make(), make()])
        assert (r.documents_written, r.documents_skipped) == (0, 2)
        assert st.counts()["documents"] == 1 and st.counts()["events"] == 1


def test_same_id_different_text_is_kept_and_reported(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        st.write_batch([make()])
        r = st.write_batch([make(text="Something else entirely.")])
        assert r.documents_conflicting == 1
        assert st.con.execute("SELECT text FROM documents").fetchone()[0] == "Russia vetoed the resolution."
        msg = st.con.execute("SELECT path, line, message FROM ingest_issues").fetchone()
        assert msg[0] == "x.jsonl" and msg[1] == 3 and "already stored with different text" in msg[2]
        r = st.write_batch([make(text="Something else entirely.")], recode=True)
        assert r.documents_written == 1
        assert st.con.execute("SELECT text FROM documents").fetchone()[0] == "Something else entirely."


def test_codes_are_strings(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        st.write_batch([make()])
        assert st.con.execute("SELECT cameo_code, typeof(cameo_code) FROM events").fetchall() == [("121", "VARCHAR")]


def test_newer_schema_is_refused_and_older_gets_instructions(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        st.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaError, match="newer than this detente"):
        Store(db, read_only=True)
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    con.close()
    with pytest.raises(SchemaError, match="detente migrate"):
        Store(old, read_only=True)
    with Store(old) as st:  # opening for writing migrates in place
        assert st.schema_version() >= 1


def test_files_that_are_not_databases_are_one_line_errors(tmp_path):
    (tmp_path / "notes.duckdb").write_text("not a database\n")
    with pytest.raises(StoreError, match=r"notes.duckdb: not a DuckDB database"):
        Store(tmp_path / "notes.duckdb", read_only=True)
    with pytest.raises(StoreError, match=r"notes.duckdb: not a DuckDB database"):
        Store(tmp_path / "notes.duckdb")  # nor for writing: the file is left alone
    assert (tmp_path / "notes.duckdb").read_text() == "not a database\n"
    with pytest.raises(StoreError, match=r"missing.duckdb: no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match=r"is a folder"):
        Store(tmp_path)
    with pytest.raises(StoreError, match=r"cannot open the database"):
        Store(tmp_path / "no" / "such" / "dir.duckdb")
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(SchemaError, match=r"other.duckdb: a DuckDB file but not a detente database"):
        Store(tmp_path / "other.duckdb", read_only=True)


def test_version_1_file_is_migrated_to_unindexed_events(tmp_path):
    """Version 1 kept ART indexes on events, which DuckDB loads into memory on every insert;
    migrating keeps every event, drops the indexes, and writes stay idempotent."""
    from detente.store.schema import MIGRATIONS, SCHEMA_VERSION

    src = tmp_path / "src.duckdb"
    with Store(src) as st:
        st.write_batch([make(), make("d2", "Turkey shot down a Russian jet.")])
    old = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(old))
    for stmt in MIGRATIONS[1]:
        con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(f"ATTACH '{src}' AS s (READ_ONLY)")
    con.execute("INSERT INTO documents SELECT * EXCLUDE (published_how) FROM s.documents")  # added in v3
    con.execute("INSERT INTO events SELECT * EXCLUDE (location_how) FROM s.events")  # added in v4
    con.execute("DETACH s")
    assert con.execute("SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'events'").fetchone()[0] == 2
    con.close()
    with pytest.raises(SchemaError, match="detente migrate"):
        Store(old, read_only=True)
    with Store(old) as st:
        assert st.schema_version() == SCHEMA_VERSION
        q = st.con.execute
        assert q("SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'events'").fetchone()[0] == 0
        assert q("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'events' "
                 "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchone()[0] == 0
        assert q("SELECT doc_id, cameo_code FROM events ORDER BY doc_id").fetchall() == [("d1", "121"), ("d2", "121")]
        r = st.write_batch([make(), make("d3", "Iran hosted talks.")])
        assert (r.documents_written, r.documents_skipped) == (1, 1)
        assert st.counts()["events"] == 3  # d1's and d2's events once each, and d3's


def test_version_2_file_gains_published_how(tmp_path):
    """Version 3 records where each publication date came from; a version 2 file keeps its
    documents and events, undated documents read 'none' and dated ones NULL (unknown)."""
    from detente.store.schema import MIGRATIONS, SCHEMA_VERSION

    src = tmp_path / "src.duckdb"
    undated = Document("d2", "Turkey shot down a Russian jet.", path="y.txt")
    with Store(src) as st:
        st.write_batch([make(), (undated, [], 1)])
    old = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(old))
    for version in (1, 2):
        for stmt in MIGRATIONS[version]:
            con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    assert "published_how" not in [r[0] for r in con.execute("DESCRIBE documents").fetchall()]
    con.execute(f"ATTACH '{src}' AS s (READ_ONLY)")
    con.execute("INSERT INTO documents SELECT * EXCLUDE (published_how) FROM s.documents")
    con.execute("INSERT INTO events SELECT * EXCLUDE (location_how) FROM s.events")  # added in v4
    con.execute("DETACH s")
    con.close()
    with pytest.raises(SchemaError, match="detente migrate"):
        Store(old, read_only=True)
    with Store(old) as st:
        assert st.schema_version() == SCHEMA_VERSION
        rows = st.con.execute("SELECT doc_id, published, published_how FROM documents ORDER BY doc_id").fetchall()
        assert rows == [("d1", date(2012, 2, 4), None), ("d2", None, "none")]
        assert st.counts()["events"] == 1
        r = st.write_batch([make(), make("d3", "Iran hosted talks.")])
        assert (r.documents_written, r.documents_skipped) == (1, 1)
        assert st.con.execute("SELECT published_how FROM documents WHERE doc_id = 'd3'").fetchone()[0] == "input"
    with Store(old, read_only=True) as st:
        assert st.schema_version() == SCHEMA_VERSION


def test_version_4_file_gains_location_how(tmp_path):
    """Version 5 records how each event's place was chosen; events stored before keep NULL,
    new ones carry it, and nothing is duplicated."""
    from detente.store.schema import MIGRATIONS, SCHEMA_VERSION

    src = tmp_path / "src.duckdb"
    with Store(src) as st:
        st.write_batch([make()])
    old = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(old))
    for version in (1, 2, 3, 4):
        for stmt in MIGRATIONS[version]:
            con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    con.execute(f"ATTACH '{src}' AS s (READ_ONLY)")
    con.execute("INSERT INTO documents SELECT * FROM s.documents")
    con.execute("INSERT INTO events SELECT * EXCLUDE (location_how) FROM s.events")
    con.execute("DETACH s")
    con.close()
    with pytest.raises(SchemaError, match="detente migrate"):
        Store(old, read_only=True)
    with Store(old) as st:
        assert st.schema_version() == SCHEMA_VERSION == 5
        assert st.con.execute("SELECT location_how FROM events").fetchall() == [(None,)]
        new = make("d3", "Iran hosted talks.")
        new[1][0].location_how = "locative"
        r = st.write_batch([make(), new])
        assert (r.documents_written, r.documents_skipped) == (1, 1)
        rows = st.con.execute("SELECT doc_id, location_how FROM events ORDER BY doc_id").fetchall()
        assert rows == [("d1", None), ("d3", "locative")]

