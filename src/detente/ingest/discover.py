"""Walk the user's inputs (files, folders, '-') and dispatch each file to its reader."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from detente.ingest.readers import Record, read_csv, read_html, read_jsonl, read_stdin_jsonl, read_text, where
from detente.model import Document, IngestIssue

if TYPE_CHECKING:
    from detente.ingest.metadata import Metadata

TEXT_EXT = {".txt", ".md", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
CSV_EXT = {".csv"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSONL_EXT | CSV_EXT


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path | IngestIssue]:
    """Files to read, in a stable order; folders recurse and skip unsupported files."""
    for inp in inputs:
        p = Path(inp)
        if str(inp) == "-":
            yield p
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith("."):
                    yield f
        elif p.is_file():
            if p.suffix.lower() in SUPPORTED:
                yield p
            else:
                yield IngestIssue(where(p), None, f"unsupported file type {p.suffix or '(none)'!r}; "
                                  f"use one of {', '.join(sorted(SUPPORTED))}")
        elif p.exists():
            yield IngestIssue(where(p), None, "not a regular file or folder")
        else:
            yield IngestIssue(where(p), None, "no such file or folder")


def read_file(path: Path, published: date | None = None) -> Iterator[Record]:
    if str(path) == "-":
        yield from read_stdin_jsonl(published)
        return
    ext = path.suffix.lower()
    try:
        if ext in JSONL_EXT:
            with open(path, "rb") as fh:
                yield from read_jsonl(path, fh, published)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestIssue(where(path), None, f"cannot read: {exc.strerror or exc}")
        return
    if ext in HTML_EXT:
        yield from read_html(path, data, published)
    elif ext in CSV_EXT:
        yield from read_csv(path, data, published)
    else:
        yield from read_text(path, data, published)


def read_inputs(
    inputs: Iterable[str | Path], published: date | None = None, metadata: Metadata | None = None,
) -> Iterator[Record]:
    """Every Document (and IngestIssue) from the inputs, streamed.

    ``published`` dates the documents for which nothing else does (``published_how``
    'cli'); ``metadata`` rows (:func:`detente.ingest.metadata.read_metadata`) set the
    fields of the documents they name, their issues come first."""
    inputs = list(inputs)
    if metadata is not None:
        metadata.with_roots(inputs)
        yield from metadata.issues
    for item in iter_files(inputs):
        if isinstance(item, IngestIssue):
            yield item
            continue
        for rec in read_file(item, published):
            if metadata is not None and isinstance(rec, Document):
                metadata.apply(rec, published)
            yield rec
