"""DuckDB schema of a detente database, and its migrations.

Tables (documented in docs/database.md):
  documents      one row per ingested document (doc_id is the primary key)
  events         one row per coded event (event_id is unique: it hashes the doc_id, and a
                 document's events are written and replaced with it in one transaction)
  ingest_issues  records that could not be read, with file and line
  meta           key/value: schema_version, created_with
"""
from __future__ import annotations

SCHEMA_VERSION = 4

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

EVENTS_COLUMNS_DDL = """
    event_id           VARCHAR NOT NULL,
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
    confidence         DOUBLE NOT NULL"""
# (Version 4 appends location_how after these columns: see MIGRATIONS[4].)
# Version 1 indexed events (primary key, doc_id, event_date). DuckDB keeps such (ART)
# indexes in memory and loads them to check every insert, so a writer's memory grew with
# the database; version 2 has none on events: zone maps serve the date and id filters.
EVENTS_DDL_V1 = EVENTS_COLUMNS_DDL.replace("VARCHAR NOT NULL,", "VARCHAR PRIMARY KEY,", 1)
EVENTS_DDL_V1 = f"CREATE TABLE IF NOT EXISTS events ({EVENTS_DDL_V1}\n)"
EVENTS_DDL = f"CREATE TABLE IF NOT EXISTS events ({EVENTS_COLUMNS_DDL}\n)"

ISSUES_DDL = """
CREATE TABLE IF NOT EXISTS ingest_issues (
    path      VARCHAR NOT NULL,
    line      INTEGER,
    message   VARCHAR NOT NULL,
    seen_at   TIMESTAMP DEFAULT current_timestamp
)"""

META_DDL = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"

INDEXES_V1 = (
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(event_date)",
)

# Ordered migrations: version -> statements that bring a database from version-1 to it.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (META_DDL, DOCUMENTS_DDL, EVENTS_DDL_V1, ISSUES_DDL, *INDEXES_V1),
    2: ("DROP INDEX IF EXISTS events_doc", "DROP INDEX IF EXISTS events_date",
        "ALTER TABLE events RENAME TO events_v1",
        EVENTS_DDL,
        "INSERT INTO events SELECT * FROM events_v1",
        "DROP TABLE events_v1"),
    # Version 3 records where a document's publication date came from
    # (detente.ingest.published.PUBLISHED_HOW). Dates stored before then keep NULL: their
    # source is unknown (ranked as 'input' when a later run brings another date).
    3: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS published_how VARCHAR",
        "UPDATE documents SET published_how = 'none' WHERE published IS NULL"),
    # Version 4 records how each event's place was chosen (detente.model.LocationHow), after
    # the other columns. Events coded before then keep NULL: re-code them (--recode) to fill it.
    4: ("ALTER TABLE events ADD COLUMN IF NOT EXISTS location_how VARCHAR",),
}
