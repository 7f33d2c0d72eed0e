"""A coding run into a database: inputs -> pipeline -> the store, then the analysis tables.

    result = code_into_store(["corpus/"], "corpus.duckdb", metadata="corpus-metadata.csv")
    result.stats.events, result.doc_ids

``detente code`` and ``detente.code_into_store`` are this function. Documents already
stored with the same text are not coded again, but take the metadata and publication
date this run brings (``detente.store.update``); a document id stored with different
text is kept and reported (``--recode`` replaces it). The database is opened per batch
and closed again, so that readers (the API server, ``detente events``) can open it
between writes: DuckDB lets one process hold a file at a time. It is created by the
first batch: a run that reads nothing leaves no database behind (but an existing file
that is not a detente database, or a folder where none can be created, is refused
before anything is read).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.engines.local import RunStats, batched, run_local
from detente.errors import OutputError, check_writable
from detente.ingest import IngestOptions, Metadata, complete_published, parse_date, read_inputs, read_metadata
from detente.model import Document, IngestIssue
from detente.pipeline import PipelineConfig
from detente.store import Store, StoreError


@dataclass
class RunResult:
    stats: RunStats
    doc_ids: list[str] = field(default_factory=list)  # every document id this run read, in order
    metadata_unused: int = 0  # metadata rows that matched no document


def _records(inputs: Sequence[str | Path | Document], published: date | None, metadata: Metadata | None,
             options: IngestOptions | None) -> Iterator[Document | IngestIssue]:
    """Paths, URLs, '-' through the readers; Document objects as they are."""
    paths = [p for p in inputs if not isinstance(p, Document)]
    if paths or metadata is not None:
        yield from read_inputs(paths, published, metadata, options)
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
    options: IngestOptions | None = None,
    on_issue: Callable[[IngestIssue], None] | None = None,
    on_batch: Callable[[RunStats], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> RunResult:
    """Read, code and store; returns the run's statistics and the document ids it read.

    ``inputs``: files, folders (recursive), ``'-'`` (JSONL on stdin), URLs of pages, feeds
    or sitemaps, or Document objects. ``metadata``: a CSV/JSONL metadata file (or a parsed
    ``Metadata``); ``options``: column mapping and web fetcher (``IngestOptions``). ``on_issue`` is
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
    check_database(db)
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
    batches = batched(_records(inputs, published, metadata, options), config.batch_size, stats, issue)
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
    result.metadata_unused = metadata.unused() if metadata is not None else 0
    if not Path(db).exists():  # nothing read, and no database before: none is made for the issues
        return result
    with Store(db) as store:
        if pending:
            store.write_batch([], issues=pending)
        if stats.documents_coded or stats.documents_updated or recode or not _tables_fresh(store):
            refresh_analysis_tables(store)
    return result


def check_database(db: str | Path) -> None:
    """Raise StoreError unless ``db`` is a detente database (migrated to this version on
    the way) or a new file that can be created; creates nothing."""
    db = Path(db)
    if db.exists():
        Store(db).close()
        return
    if not db.parent.is_dir():
        raise StoreError(f"{db}: cannot create the database: {db.parent} is not a folder (create it first)")
    try:
        check_writable(db, "database")
    except OutputError as exc:
        raise StoreError(str(exc)) from None


def _tables_fresh(store: Store) -> bool:
    from detente.analysis.tables import tables_fresh

    return tables_fresh(store.con)


def refresh_analysis_tables(store: Store) -> None:
    """Rebuild the derived analysis tables (clusters, aggregates) after a coding run."""
    from detente.analysis.tables import build_analysis_tables

    build_analysis_tables(store.con)


def summary(stats: RunStats, db: str | Path) -> list[str]:
    """The run's summary, as lines of plain text."""
    warned = sum(1 for i in stats.issues if i.kept)
    lines = [
        f"{stats.documents_read} documents read, {stats.documents_coded} coded, "
        f"{stats.documents_skipped} already stored, {len(stats.issues) - warned} skipped with errors"
        + (f", {warned} kept with warnings" if warned else "")
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
