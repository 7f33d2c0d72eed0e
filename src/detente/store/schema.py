"""DuckDB schema of a detente database, and its migrations.

Tables (documented in docs/database.md):
  documents      one row per ingested document (doc_id is the primary key)
  events         one row per coded event (event_id is unique: it hashes the doc_id, and a
                 document's events are written and replaced with it in one transaction)
  ingest_issues  records that could not be read, with file and line
  fetch_cache    what was fetched from the web (detente.ingest.cache), so a re-run fetches
                 nothing it already has
  meta           key/value: schema_version, created_with

The columns of documents and events come from ``detente.columns`` (each column says
which schema version added it), so the DDL of any version is derived, never retyped.
A new file is created by running every migration in order, exactly as an old file
is brought up to date.
"""
from __future__ import annotations

from detente.columns import DOCUMENT_SCHEMA, EVENT_SCHEMA, Column

SCHEMA_VERSION = 5


def columns_ddl(columns: tuple[Column, ...], version: int, primary_key: str | None = None) -> str:
    """The column list of a table as it was at schema ``version``."""
    lines = []
    for c in columns:
        if c.since > version:
            continue
        spec = c.type + (" PRIMARY KEY" if c.name == primary_key else "" if c.nullable else " NOT NULL")
        if c.default:
            spec += f" DEFAULT {c.default}"
        lines.append(f"    {c.name:<18} {spec}")
    return ",\n".join(lines)


def create_table(name: str, columns: tuple[Column, ...], version: int, primary_key: str | None = None) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} (\n{columns_ddl(columns, version, primary_key)}\n)"


def added_columns(version: int) -> tuple[str, ...]:
    """ALTER statements for the columns that schema ``version`` appended (nullable)."""
    return tuple(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {c.name} {c.type}"
        + (f" DEFAULT {c.default}" if c.default else "")
        for table, columns in (("documents", DOCUMENT_SCHEMA), ("events", EVENT_SCHEMA))
        for c in columns if c.since == version and version > 1
    )


ISSUES_DDL = """
CREATE TABLE IF NOT EXISTS ingest_issues (
    path      VARCHAR NOT NULL,
    line      INTEGER,
    message   VARCHAR NOT NULL,
    seen_at   TIMESTAMP DEFAULT current_timestamp
)"""

FETCH_CACHE_DDL = """
CREATE TABLE IF NOT EXISTS fetch_cache (
    url            VARCHAR PRIMARY KEY,
    final_url      VARCHAR,
    status         INTEGER,
    content_type   VARCHAR,
    etag           VARCHAR,
    last_modified  VARCHAR,
    body           BLOB,
    error          VARCHAR,
    fetched_at     TIMESTAMP NOT NULL
)"""

META_DDL = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"

INDEXES_V1 = (
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(event_date)",
)

# Ordered migrations: version -> statements that bring a database from version-1 to it.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (META_DDL, create_table("documents", DOCUMENT_SCHEMA, 1, primary_key="doc_id"),
        create_table("events", EVENT_SCHEMA, 1, primary_key="event_id"), ISSUES_DDL, *INDEXES_V1),
    # Version 1 indexed events (primary key, doc_id, event_date). DuckDB keeps such (ART)
    # indexes in memory and loads them to check every insert, so a writer's memory grew with
    # the database; version 2 has none on events: zone maps serve the date and id filters.
    2: ("DROP INDEX IF EXISTS events_doc", "DROP INDEX IF EXISTS events_date",
        "ALTER TABLE events RENAME TO events_v1",
        create_table("events", EVENT_SCHEMA, 2),
        "INSERT INTO events SELECT * FROM events_v1",
        "DROP TABLE events_v1",
        *added_columns(2)),
    # Version 3 records where a document's publication date came from
    # (detente.ingest.published.PUBLISHED_HOW). Dates stored before then keep NULL: their
    # source is unknown (ranked as 'input' when a later run brings another date).
    3: (*added_columns(3),
        "UPDATE documents SET published_how = 'none' WHERE published IS NULL"),
    # Version 4 keeps what was fetched from the web (URLs, feeds, sitemaps), so that a
    # re-run or `detente watch` fetches nothing it already has.
    4: (FETCH_CACHE_DDL, *added_columns(4)),
    # Version 5 records how each event's place was chosen (events.location_how); events
    # coded before then keep NULL.
    5: added_columns(5),
}

# The current tables, as a new file has them after every migration.
DOCUMENTS_DDL = create_table("documents", DOCUMENT_SCHEMA, SCHEMA_VERSION, primary_key="doc_id")
EVENTS_DDL = create_table("events", EVENT_SCHEMA, SCHEMA_VERSION)
