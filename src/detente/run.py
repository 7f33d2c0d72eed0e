"""A coding run into a database: inputs -> pipeline -> the store, then the analysis tables.

    result = code_into_store(["corpus/"], "corpus.duckdb", metadata="corpus-metadata.csv")
    result.stats.events, result.doc_ids

``detente code`` and ``detente.code_into_store`` are this function. Documents already
stored with the same text are not coded again, but take the metadata and publication
date this run brings (``detente.store.update``); a document id stored with different
text is kept and reported (``--recode`` replaces it). The database is opened per batch
and closed again, so that readers (the API server, ``detente events``) can open it
between writes: DuckDB lets one process hold a file at a time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.engines.local import RunStats, batched, run_local
from detente.ingest import Metadata, complete_published, parse_date, read_inputs, read_metadata
from detente.model import Document, IngestIssue
from detente.pipeline import PipelineConfig
from detente.store import Store


@dataclass
class RunResult:
    stats: RunStats
    doc_ids: list[str] = field(default_factory=list)  # every document id this run read, in order
    metadata_unused: int = 0  # metadata rows that matched no document


def _records(inputs: Sequence[str | Path | Document], published: date | None,
             metadata: Metadata | None) -> Iterator[Document | IngestIssue]:
    """Paths (files, folders, '-') through the readers; Document objects as they are."""
    paths = [p for p in inputs if not isinstance(p, Document)]
    if paths or metadata is not None:
        yield from read_inputs(paths, published, metadata)
    for doc in inputs:
        if isinstance(doc, Document):
            if metadata is not None:
                metadata.apply(doc, published)
            yield complete_published(doc, published, filename=False)


def code_into_store(
    inputs: Iterable[str | Path | Document],
    db: str | Path = "detente.duckdb",
    *,
    published: date | str | None = None,
    metadata: Metadata | str | Path | None = None,
    workers: int = 1,
    config: PipelineConfig | None = None,
    recode: bool = False,
    on_issue: Callable[[IngestIssue], None] | None = None,
    on_batch: Callable[[RunStats], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> RunResult:
    """Read, code and store; returns the run's statistics and the document ids it read.

    ``inputs``: files, folders (recursive), ``'-'`` (JSONL on stdin) or Document objects.
    ``metadata``: a CSV/JSONL metadata file (or a parsed ``Metadata``). ``on_issue`` is
    called with each record that could not be read (it is also stored in
    ``ingest_issues``); ``on_batch`` after each stored batch; ``on_start`` once the
    database and the metadata have been opened, before the first input is read. Raises
    ``detente.ingest.InputError`` for an unusable metadata file and
    ``detente.store.StoreError`` for a database that cannot be opened, before coding."""
    from detente.store.update import update_documents

    inputs = list(inputs)
    if isinstance(published, str):
        published = parse_date(published)
    if metadata is not None and not isinstance(metadata, Metadata):
        metadata = read_metadata(metadata)
    config = config or PipelineConfig()
    stats = RunStats()
    result = RunResult(stats)
    Store(db).close()  # create / migrate up front
    pending: list[IngestIssue] = []

    def issue(iss: IngestIssue) -> None:
        pending.append(iss)
        if on_issue is not None:
            on_issue(iss)

    def skip_known(batch: list[Document]) -> list[Document]:
        result.doc_ids.extend(d.doc_id for d in batch)
        if recode:
            return batch
        with Store(db) as store:
            known = store.known_documents([d.doc_id for d in batch])
            todo = [d for d in batch if known.get(d.doc_id) != d.content_id]
            again = [d for d in batch if known.get(d.doc_id) == d.content_id]
            given = {d.doc_id: row.given() for d in again if metadata and (row := metadata.lookup(d))}
            upd = update_documents(store, again, given)
        stats.documents_skipped += len(batch) - len(todo)
        stats.documents_updated += upd.documents_updated
        stats.events_redated += upd.events_redated
        stats.events_need_recode += upd.events_inexact + upd.events_kept
        return todo

    if on_start is not None:
        on_start()
    batches = batched(_records(inputs, published, metadata), config.batch_size, stats, issue)
    for coded in run_local(batches, config, workers, skip=skip_known):
        with Store(db) as store:
            res = store.write_batch(coded, issues=pending, recode=recode)
        pending.clear()
        stats.documents_coded += res.documents_written
        stats.documents_skipped += res.documents_skipped
        stats.documents_conflicting += res.documents_conflicting
        stats.events += res.events_written
        stats.asserted += res.asserted_written
        if on_batch is not None:
            on_batch(stats)
    with Store(db) as store:
        if pending:
            store.write_batch([], issues=pending)
        refresh_analysis_tables(store)
    result.metadata_unused = metadata.unused() if metadata is not None else 0
    return result


def refresh_analysis_tables(store: Store) -> None:
    """Rebuild the derived analysis tables (clusters, aggregates) after a coding run."""
    from detente.analysis.tables import build_analysis_tables

    build_analysis_tables(store.con)


def summary(stats: RunStats, db: str | Path) -> list[str]:
    """The run's summary, as lines of plain text."""
    lines = [
        f"{stats.documents_read} documents read, {stats.documents_coded} coded, "
        f"{stats.documents_skipped} already stored, {len(stats.issues)} skipped with errors"
        + (f", {stats.documents_conflicting} id conflicts kept" if stats.documents_conflicting else ""),
        f"{stats.events} events ({stats.asserted} asserted) -> {db}",
    ]
    if stats.documents_updated:
        lines.append(
            f"{stats.documents_updated} stored documents updated (metadata, publication date), "
            f"{stats.events_redated} events re-dated without re-coding"
            + (f"; {stats.events_need_recode} of their dates may differ from a full re-coding (--recode)"
               if stats.events_need_recode else ""))
    return lines
