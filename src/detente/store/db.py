"""The DuckDB store: the single writer and read-only readers.

Writes are per batch and transactional: a batch of documents and their events is
committed together or not at all, so a run killed mid-way leaves only whole
documents behind, and a re-run skips them (``recode=False``).
"""
from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from detente.columns import DOCUMENT_SCHEMA, EVENT_SCHEMA, Column, arrow_schema
from detente.errors import DetenteError
from detente.model import DOCUMENT_COLUMNS, EVENT_COLUMNS, Document, Event, IngestIssue
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(DetenteError):
    """A database that cannot be used: missing, not a DuckDB file, not writable."""


class SchemaError(StoreError, RuntimeError):
    """The database was written by an incompatible version of detente."""


@dataclass(slots=True)
class WriteResult:
    documents_written: int = 0
    documents_skipped: int = 0  # already stored with the same content
    documents_conflicting: int = 0  # same id, different text, not replaced
    events_written: int = 0
    asserted_written: int = 0


# DuckDB's buffer pool is capped so that a long coding run keeps a flat memory profile
# (DuckDB spills to disk beyond it); DETENTE_DUCKDB_MEMORY overrides, e.g. "4GB".
_CONFIG = {"memory_limit": os.environ.get("DETENTE_DUCKDB_MEMORY", "256MB"), "threads": 2}


def join_connect(path: Path, read_only: bool, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` that joins a database this process already holds open under another
    configuration (the API server's connection and a report or CLI run in the same process):
    DuckDB refuses a second configuration for one file, so the other one is used."""
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config or {})
    except duckdb.ConnectionException as exc:
        if "different configuration" not in str(exc):
            raise
    for other in ({}, _CONFIG):
        if other != (config or {}):
            try:
                return duckdb.connect(str(path), read_only=read_only, config=other)
            except duckdb.ConnectionException:
                continue
    raise StoreError(f"{path}: this process holds the database open under another configuration")


def _connect(path: Path, read_only: bool, retries: int = 600) -> duckdb.DuckDBPyConnection:
    # DuckDB lets one process hold the file at a time; opening while another holds it
    # raises IOException. Wait (up to a minute) rather than fail: the API server lets go
    # within seconds, and the coding run holds the file only while it writes a batch.
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database (create it with `detente code INPUT --db {path}`)")
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file; give --db a file name")
    for attempt in range(retries):
        try:
            return join_connect(path, read_only, _CONFIG)
        except duckdb.IOException as exc:
            text = str(exc)
            if "lock" in text.lower() and attempt < retries - 1:  # held by another process
                time.sleep(0.1)
                continue
            if "not a valid DuckDB database" in text:
                raise StoreError(f"{path}: not a DuckDB database (give the file `detente code` wrote, "
                                 "or a new name to create one)") from None
            if "lock" in text.lower():
                raise StoreError(f"{path}: another process holds the database (a coding run?); "
                                 "try again when it is done") from None
            reason = text.replace("IO Error: ", "")
            raise StoreError(f"{path}: cannot open the database: {reason}") from None
        except duckdb.Error as exc:  # e.g. a DuckDB file of an incompatible storage version
            raise StoreError(f"{path}: cannot open the database: {exc}") from None
    raise AssertionError("unreachable")


class Store:
    """A detente database file."""

    def __init__(self, path: str | Path = "detente.duckdb", read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.con = _connect(self.path, read_only)
        try:
            if read_only:
                self._check_version()
            else:
                self.migrate()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _has_table(self, name: str) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0])

    def schema_version(self) -> int:
        if not self._has_table("meta"):
            return 0
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        return int(rows[0][0]) if rows else 0

    def _check_version(self) -> None:
        v = self.schema_version()
        if v == 0 and not self._has_table("meta") and not self._has_table("events"):
            raise SchemaError(f"{self.path}: a DuckDB file but not a detente database (no events table); "
                              "give the file `detente code` wrote")
        if v > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} has schema version {v}, newer than this detente ({SCHEMA_VERSION}): "
                "upgrade detente to read it"
            )
        if v < SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} has schema version {v}; this detente needs {SCHEMA_VERSION}: "
                f"run `detente migrate --db {self.path}` once (it upgrades in place)"
            )

    def migrate(self) -> int:
        """Bring the database up to SCHEMA_VERSION; returns the version it was at."""
        v = self.schema_version()
        if v > SCHEMA_VERSION:
            self._check_version()
        for target in range(v + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for stmt in MIGRATIONS[target]:
                self.con.execute(stmt)
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)]
            )
            self.con.execute("COMMIT")
        return v

    # -- writing -----------------------------------------------------------------------
    def known_documents(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """doc_id -> content_hash for the ids already stored."""
        if not doc_ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [list(doc_ids)],
        ).fetchall()
        return dict(rows)

    def write_batch(
        self,
        coded: Iterable[tuple[Document, Sequence[Event], int]],
        issues: Iterable[IngestIssue] = (),
        recode: bool = False,
    ) -> WriteResult:
        """Store (document, events, n_sentences) triples in one transaction.

        A document already stored with the same text is skipped; one stored under the
        same id with *different* text is a conflict: it is kept as it was and an ingest
        issue is recorded, unless ``recode`` replaces it.
        """
        coded = list(coded)
        res = WriteResult()
        known = self.known_documents([d.doc_id for d, _, _ in coded])
        doc_rows: list[dict] = []
        event_rows: list[dict] = []
        replace: list[str] = []
        new_issues = list(issues)
        seen: dict[str, str] = {}  # ids earlier in this batch -> their content hash
        for doc, events, n_sent in coded:
            h = doc.content_id
            if doc.doc_id in seen:
                if seen[doc.doc_id] == h:
                    res.documents_skipped += 1
                else:
                    res.documents_conflicting += 1
                    new_issues.append(IngestIssue(
                        doc.path or "<input>", doc.line,
                        f"document id {doc.doc_id!r} appears again with different text; "
                        "kept the first version",
                    ))
                continue
            seen[doc.doc_id] = h
            if doc.doc_id in known:
                if known[doc.doc_id] == h and not recode:
                    res.documents_skipped += 1
                    continue
                if known[doc.doc_id] != h and not recode:
                    res.documents_conflicting += 1
                    new_issues.append(
                        IngestIssue(
                            doc.path or "<input>", doc.line,
                            f"document id {doc.doc_id!r} is already stored with different text; "
                            "kept the stored version (use --recode to replace it)",
                        )
                    )
                    continue
                replace.append(doc.doc_id)
            row = dataclasses.asdict(doc)
            row.update(content_hash=h, n_sentences=n_sent, n_events=len(events))
            if row["published_how"] is None:  # a Document made in code
                row["published_how"] = "input" if doc.published is not None else "none"
            doc_rows.append(row)
            event_rows.extend(e.to_row() for e in events)
            res.documents_written += 1
        unique = {r["event_id"]: r for r in event_rows}
        res.events_written = len(unique)
        res.asserted_written = sum(1 for r in unique.values() if r["factuality"] == "asserted")
        self.con.execute("BEGIN TRANSACTION")
        try:
            if replace:
                self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [replace])
                self.con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?))", [replace])
            if doc_rows:
                self._insert("documents", doc_rows, DOCUMENT_SCHEMA,
                             (*DOCUMENT_COLUMNS, "content_hash", "n_sentences", "n_events"))
            if event_rows:
                self._insert("events", event_rows, EVENT_SCHEMA, EVENT_COLUMNS, dedupe_key="event_id")
            for iss in new_issues:
                self.con.execute(
                    "INSERT INTO ingest_issues (path, line, message) VALUES (?, ?, ?)",
                    [iss.path, iss.line, iss.message],
                )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return res

    def _insert(self, table_name: str, rows: list[dict], schema: tuple[Column, ...], columns: Sequence[str],
                dedupe_key: str | None = None) -> None:
        if dedupe_key:  # identical events (same id) found twice in one batch: keep the first
            uniq: dict[str, dict] = {}
            for r in rows:
                uniq.setdefault(r[dedupe_key], r)
            rows = list(uniq.values())
        table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows],
                                     schema=arrow_schema(schema, tuple(columns)))
        cols = ", ".join(columns)
        self.con.register("_detente_batch", table)  # explicit, not a replacement scan of a local
        try:
            self.con.execute(f"INSERT INTO {table_name} ({cols}) SELECT {cols} FROM _detente_batch")
        finally:
            self.con.unregister("_detente_batch")

    # -- reading -----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        q = self.con.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchall()[0][0],
            "events": q("SELECT count(*) FROM events").fetchall()[0][0],
            "asserted_events": q("SELECT count(*) FROM events WHERE factuality = 'asserted'").fetchall()[0][0],
            "ingest_issues": q("SELECT count(*) FROM ingest_issues").fetchall()[0][0],
        }
