"""The Python API.

``detente.code(...)`` codes texts in memory, without touching disk;
``detente.code_into_store(...)`` is the run of ``detente code`` (files, folders or
Documents into a DuckDB file, skipping and updating what is already stored);
``detente.events(...)`` and ``detente.export_events(...)`` are ``detente events``, with
the filters of the CLI and the REST API (same names, forms, defaults and errors).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from pathlib import Path
from typing import Any

from detente.model import EVENT_COLUMNS, Document, Event
from detente.pipeline import Pipeline, PipelineConfig, as_documents


class EventList(list[Event]):
    """A list of Event records with tabular conversions."""

    def rows(self) -> list[dict]:
        return [e.to_row() for e in self]

    def to_arrow(self):
        """An Arrow table with the events table's columns and types (empty or not)."""
        import pyarrow as pa

        from detente.columns import arrow_schema

        return pa.Table.from_pylist(self.rows(), schema=arrow_schema())

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=list(EVENT_COLUMNS))

    def asserted(self) -> EventList:
        return EventList(e for e in self if e.factuality == "asserted")


@lru_cache(maxsize=2)
def default_pipeline(config: PipelineConfig | None = None) -> Pipeline:
    return Pipeline(config or PipelineConfig())


def code(
    texts_or_documents: str | Document | Iterable[str | Document],
    published: date | str | None = None,
    pipeline: Pipeline | None = None,
) -> EventList:
    """Code one text, one Document, or many; returns every event (check `factuality`)."""
    if isinstance(texts_or_documents, (str, Document)):
        texts_or_documents = [texts_or_documents]
    pipe = pipeline or default_pipeline()
    out = EventList()
    for _doc, events, _n in pipe.run(as_documents(texts_or_documents, published)):
        out.extend(events)
    return out


def code_into_store(inputs: str | Path | Document | Iterable[str | Path | Document],
                    db: str | Path = "detente.duckdb", **options: Any):
    """Code files, folders (recursive), '-' (JSONL on stdin) or Document objects into a
    database, exactly as ``detente code`` does; returns a ``detente.run.RunResult``
    (``.stats``, ``.doc_ids``). Options: ``published``, ``metadata`` (a CSV/JSONL file),
    ``workers``, ``config`` (a PipelineConfig), ``recode``, ``on_issue``, ``on_batch``."""
    from detente.run import code_into_store as run

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    return run(inputs, db, **options)


def events(db: str | Path = "detente.duckdb", *, limit: int | None = None, sort: str = "date_asc",
           **filters: Any):
    """Stored events as an Arrow table: every event column and the document's title, source,
    URL and publication date. ``filters`` are those of ``detente events`` and the API
    (``actor="RUS"``, ``factuality="negated,future"``, ``since="2016-01-01"``, ...);
    asserted events only unless ``factuality`` says otherwise (``"any"`` for all)."""
    from detente.analysis.events import select_sql
    from detente.analysis.filters import parse_filters
    from detente.store import Store

    sql, params = select_sql(parse_filters(**filters), sort=sort, limit=limit)
    with Store(db, read_only=True) as st:
        return st.con.sql(sql, params=params).to_arrow_table()


def export_events(db: str | Path, out: str | Path, *, fmt: str | None = None, sort: str = "date_asc",
                  **filters: Any) -> int:
    """Write the filtered events (as ``events``) to ``out``: .csv, .tsv, .jsonl, .parquet or
    .gdelt.tsv (GDELT 2.0's event table), or the format ``fmt``; returns the row count."""
    from detente.analysis.filters import parse_filters
    from detente.export import check_export, export_events as export
    from detente.store import Store

    f = parse_filters(**filters)
    fmt = check_export(out, fmt)
    with Store(db, read_only=True) as st:
        return export(st.con, out, f, fmt=fmt, sort=sort)
