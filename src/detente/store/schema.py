"""DuckDB schema of a detente database, and its migrations.

Tables (documented in docs/database.md):
  documents      one row per ingested document (doc_id is the primary key)
  events         one row per coded event (event_id is the primary key)
  ingest_issues  records that could not be read, with file and line
  meta           key/value: schema_version, created_with
"""
from __future__ import annotations

SCHEMA_VERSION = 1

DOCUMENTS_DDL = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    title         VARCHAR,
    source        VARCHAR,
    url           VARCHAR,
    published     DATE,
    author        VARCHAR,
    path          VARCHAR,
    line          INTEGER,
    text          VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    n_sentences   INTEGER,
    n_events      INTEGER,
    coded_at      TIMESTAMP DEFAULT current_timestamp
)"""

EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS events (
    event_id           VARCHAR PRIMARY KEY,
    doc_id             VARCHAR NOT NULL,
    sentence_index     INTEGER NOT NULL,
    sentence           VARCHAR NOT NULL,
    sentence_start     INTEGER NOT NULL,
    event_date         DATE,
    date_precision     VARCHAR,
    date_text          VARCHAR,
    cameo_code         VARCHAR NOT NULL,
    cameo_root         VARCHAR NOT NULL,
    quad_class         TINYINT NOT NULL,
    goldstein          DOUBLE NOT NULL,
    plover_type        VARCHAR,
    trigger_text       VARCHAR NOT NULL,
    trigger_start      INTEGER NOT NULL,
    trigger_end        INTEGER NOT NULL,
    source_text        VARCHAR,
    source_code        VARCHAR,
    source_country     VARCHAR,
    source_sector      VARCHAR,
    source_kb_id       VARCHAR,
    source_how         VARCHAR,
    source_start       INTEGER,
    source_end         INTEGER,
    target_text        VARCHAR,
    target_code        VARCHAR,
    target_country     VARCHAR,
    target_sector      VARCHAR,
    target_kb_id       VARCHAR,
    target_how         VARCHAR,
    target_start       INTEGER,
    target_end         INTEGER,
    factuality         VARCHAR NOT NULL,
    factuality_cue     VARCHAR,
    attributed_to      VARCHAR,
    location_name      VARCHAR,
    latitude           DOUBLE,
    longitude          DOUBLE,
    location_country   VARCHAR,
    geonames_id        BIGINT,
    location_precision VARCHAR,
    rule               VARCHAR NOT NULL,
    confidence         DOUBLE NOT NULL
)"""

ISSUES_DDL = """
CREATE TABLE IF NOT EXISTS ingest_issues (
    path      VARCHAR NOT NULL,
    line      INTEGER,
    message   VARCHAR NOT NULL,
    seen_at   TIMESTAMP DEFAULT current_timestamp
)"""

META_DDL = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(event_date)",
)

# Ordered migrations: version -> statements that bring a database from version-1 to it.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (META_DDL, DOCUMENTS_DDL, EVENTS_DDL, ISSUES_DDL, *INDEXES),
}
