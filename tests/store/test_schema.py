"""One schema: the DuckDB tables, the Arrow and Spark schemas and Event.to_row all follow
detente.columns, and a migrated old file ends up with exactly the tables of a new one."""
from __future__ import annotations

import dataclasses
from datetime import date

import duckdb
import pyarrow as pa

from detente.columns import DOCUMENT_SCHEMA, EVENT_COLUMNS, EVENT_SCHEMA, arrow_schema, spark_ddl
from detente.model import Actor, Document, Event, Mention, Place
from detente.store import Store
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION


def full_event() -> Event:
    return Event(doc_id="d1", sentence_index=2, sentence="Russia vetoed it in New York.", sentence_start=40,
                 cameo_code="129", cameo_root="12", quad_class=3, goldstein=-5.0, plover_type="REJECT",
                 trigger=Mention("vetoed", 47, 53), source=Mention("Russia", 40, 46, Actor("RUS", "RUS", how="kb")),
                 target=Mention("it", 54, 56, Actor("IGOUNO", None, "IGO", kb_id="un", how="coref")),
                 factuality="asserted", factuality_cue=None, attributed_to="Lavrov", event_date=date(2012, 2, 4),
                 date_precision="day", date_text="Saturday",
                 location=Place("New York", 40.7, -74.0, "USA", 5128581, "city"),
                 location_precision="clause", rule="root12:129:v:veto", confidence=0.9)


def describe(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, str]]:
    return [(r[0], r[1], r[2]) for r in con.execute(f"DESCRIBE {table}").fetchall()]


def expected(columns) -> list[tuple[str, str, str]]:
    return [(c.name, c.type, "YES" if c.nullable else "NO") for c in columns]


def test_to_row_has_exactly_the_event_columns_with_their_types():
    row = full_event().to_row()
    assert sorted(row) == sorted(EVENT_COLUMNS)  # (order aside: a migrated column comes last)
    table = pa.Table.from_pylist([row], schema=arrow_schema())  # raises on a value of the wrong type
    assert table.to_pylist() == [row]
    assert table.schema.field("quad_class").type == pa.int8()


def test_document_fields_are_document_columns():
    names = [c.name for c in DOCUMENT_SCHEMA]
    assert {f.name for f in dataclasses.fields(Document)} <= set(names)


def test_new_file_has_the_defined_tables(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        assert st.schema_version() == SCHEMA_VERSION
        assert describe(st.con, "events") == expected(EVENT_SCHEMA)
        docs = expected(DOCUMENT_SCHEMA)
        docs[0] = ("doc_id", "VARCHAR", "NO")  # the primary key
        assert describe(st.con, "documents") == docs
        st.write_batch([(Document("d1", "Russia vetoed it in New York."), [full_event()], 1)])
        stored = st.con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events").fetchall()
        assert [dict(zip(EVENT_COLUMNS, r)) for r in stored] == [full_event().to_row()]


def test_migrated_version_1_file_equals_a_new_file(tmp_path):
    old = duckdb.connect(str(tmp_path / "v1.duckdb"))
    for stmt in MIGRATIONS[1]:
        old.execute(stmt)
    old.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    old.close()
    with Store(tmp_path / "v1.duckdb") as migrated, Store(tmp_path / "new.duckdb") as new:
        for table in ("documents", "events", "ingest_issues", "meta"):
            assert describe(migrated.con, table) == describe(new.con, table)


def test_columns_are_appended_nullable_and_every_version_is_migrated():
    for schema in (EVENT_SCHEMA, DOCUMENT_SCHEMA):
        since = [c.since for c in schema]
        assert since == sorted(since), "a new column goes at the end of its table"
        assert all(c.nullable for c in schema if c.since > 1), "a column added later must be nullable"
        assert max(since) <= SCHEMA_VERSION
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_spark_schema_follows_the_columns():
    ddl = spark_ddl()
    assert ddl.startswith("event_id string, doc_id string, sentence_index int,")
    assert "quad_class tinyint" in ddl and "geonames_id bigint" in ddl and "event_date date" in ddl
    assert len(ddl.split(", ")) == len(EVENT_SCHEMA)
