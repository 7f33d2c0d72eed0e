"""Every stored column of detente, defined once.

The DuckDB tables (``detente.store.schema``), the Arrow schemas of the rows the store
inserts and the Python API returns, and the Spark schema of the engine's Parquet
output are all derived from ``EVENT_SCHEMA`` and ``DOCUMENT_SCHEMA``;
``Event.to_row()`` produces exactly the event columns (tests/store/test_schema.py).

Adding a column: append it at the end of its tuple with ``since`` = the new schema
version (columns are never inserted in the middle: a migrated file gains them at the
end), leave it nullable (old rows have no value), bump ``SCHEMA_VERSION`` in
``detente.store.schema`` and list the version there; the ``ALTER TABLE`` comes from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # DuckDB type: VARCHAR, INTEGER, TINYINT, BIGINT, DOUBLE, DATE, TIMESTAMP
    nullable: bool = True
    since: int = 1  # schema version that added it
    default: str | None = None  # SQL default expression


def _cols(spec: str, since: int = 1) -> tuple[Column, ...]:
    """'name TYPE [NOT NULL]' per line -> Columns (a compact, reviewable table)."""
    out = []
    for line in spec.strip().splitlines():
        name, typ, *rest = line.split()
        out.append(Column(name, typ, nullable=" ".join(rest) != "NOT NULL", since=since))
    return tuple(out)


EVENT_SCHEMA: tuple[Column, ...] = _cols("""
    event_id           VARCHAR  NOT NULL
    doc_id             VARCHAR  NOT NULL
    sentence_index     INTEGER  NOT NULL
    sentence           VARCHAR  NOT NULL
    sentence_start     INTEGER  NOT NULL
    event_date         DATE
    date_precision     VARCHAR
    date_text          VARCHAR
    cameo_code         VARCHAR  NOT NULL
    cameo_root         VARCHAR  NOT NULL
    quad_class         TINYINT  NOT NULL
    goldstein          DOUBLE   NOT NULL
    plover_type        VARCHAR
    trigger_text       VARCHAR  NOT NULL
    trigger_start      INTEGER  NOT NULL
    trigger_end        INTEGER  NOT NULL
    source_text        VARCHAR
    source_code        VARCHAR
    source_country     VARCHAR
    source_sector      VARCHAR
    source_kb_id       VARCHAR
    source_how         VARCHAR
    source_start       INTEGER
    source_end         INTEGER
    target_text        VARCHAR
    target_code        VARCHAR
    target_country     VARCHAR
    target_sector      VARCHAR
    target_kb_id       VARCHAR
    target_how         VARCHAR
    target_start       INTEGER
    target_end         INTEGER
    factuality         VARCHAR  NOT NULL
    factuality_cue     VARCHAR
    attributed_to      VARCHAR
    location_name      VARCHAR
    latitude           DOUBLE
    longitude          DOUBLE
    location_country   VARCHAR
    geonames_id        BIGINT
    location_precision VARCHAR
    rule               VARCHAR  NOT NULL
    confidence         DOUBLE   NOT NULL
""") + (Column("location_how", "VARCHAR", since=5),)  # how the event's place was chosen (LocationHow)

DOCUMENT_SCHEMA: tuple[Column, ...] = (
    *_cols("""
    doc_id        VARCHAR  NOT NULL
    title         VARCHAR
    source        VARCHAR
    url           VARCHAR
    published     DATE
    author        VARCHAR
    path          VARCHAR
    line          INTEGER
    text          VARCHAR  NOT NULL
    content_hash  VARCHAR  NOT NULL
    n_sentences   INTEGER
    n_events      INTEGER
    """),
    Column("coded_at", "TIMESTAMP", default="current_timestamp"),
    Column("published_how", "VARCHAR", since=3),  # where `published` came from
)

EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in EVENT_SCHEMA)

_ARROW = {"VARCHAR": "string", "INTEGER": "int32", "TINYINT": "int8", "BIGINT": "int64", "DOUBLE": "float64",
          "DATE": "date32", "TIMESTAMP": "timestamp_us"}
_SPARK = {"VARCHAR": "string", "INTEGER": "int", "TINYINT": "tinyint", "BIGINT": "bigint", "DOUBLE": "double",
          "DATE": "date", "TIMESTAMP": "timestamp"}


def column_names(columns: tuple[Column, ...] = EVENT_SCHEMA, exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(c.name for c in columns if c.name not in exclude)


def arrow_schema(columns: tuple[Column, ...] = EVENT_SCHEMA, names: tuple[str, ...] | None = None) -> Any:
    """A pyarrow schema of the columns (of ``names`` only, in that order, when given). Every
    field is nullable: NOT NULL is the store's to enforce, and Spark's Arrow exchange and
    the Parquet readers expect nullable fields."""
    import pyarrow as pa

    by_name = {c.name: c for c in columns}
    chosen = [by_name[n] for n in names] if names is not None else list(columns)
    types = {"string": pa.string(), "int32": pa.int32(), "int8": pa.int8(), "int64": pa.int64(),
             "float64": pa.float64(), "date32": pa.date32(), "timestamp_us": pa.timestamp("us")}
    return pa.schema([pa.field(c.name, types[_ARROW[c.type]]) for c in chosen])


def spark_ddl(columns: tuple[Column, ...] = EVENT_SCHEMA) -> str:
    """A Spark DDL schema string ('event_id string, ...')."""
    return ", ".join(f"{c.name} {_SPARK[c.type]}" for c in columns)
