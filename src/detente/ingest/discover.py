"""Walk the user's inputs (files, folders, '-', URLs) and dispatch each to its reader."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from detente.ingest.columns import DEFAULT, Columns
from detente.ingest.readers import Record, read_html, read_text, where
from detente.ingest.tabular import read_csv, read_jsonl, read_parquet, read_stdin_jsonl, read_tsv
from detente.ingest.web import read_feed_file, read_url, read_url_list, url_list, url_scheme
from detente.model import Document, IngestIssue

if TYPE_CHECKING:
    from detente.ingest.fetch import Fetcher
    from detente.ingest.metadata import Metadata

TEXT_EXT = {".txt", ".md", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
CSV_EXT = {".csv"}
TSV_EXT = {".tsv", ".tab"}
PARQUET_EXT = {".parquet"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSONL_EXT | CSV_EXT | TSV_EXT | PARQUET_EXT
# A feed or sitemap saved as a file, named as an argument: the pages it lists are fetched
# (never from inside a folder: coding a folder does not go online).
FEED_EXT = {".rss", ".atom", ".xml", ".rdf"}
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/|$)", re.IGNORECASE)


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs beyond their format: which columns hold which field, and how to
    fetch URLs (``fetcher``; None: a polite fetcher without a cache, made for the run)."""

    columns: Columns = DEFAULT
    fetcher: Fetcher | None = None
    new_only: bool = False  # web pages already fetched are passed over (detente watch)


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
                                  f"use one of {', '.join(sorted(SUPPORTED | FEED_EXT))}, or a URL")
        elif p.exists():
            yield IngestIssue(where(p), None, "not a regular file or folder")
        else:
            hint = " (a web address? give it with https://)" if _DOMAIN_LIKE.match(str(inp)) else ""
            yield IngestIssue(where(p), None, f"no such file or folder{hint}")


def read_file(path: Path, published: date | None = None, columns: Columns = DEFAULT) -> Iterator[Record]:
    if str(path) == "-":
        yield from read_stdin_jsonl(published, columns)
        return
    ext = path.suffix.lower()
    try:
        if ext in JSONL_EXT:
            with open(path, "rb") as fh:
                yield from read_jsonl(path, fh, published, columns)
            return
        if ext in PARQUET_EXT:
            yield from read_parquet(path, path, published, columns)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestIssue(where(path), None, f"cannot read: {exc.strerror or exc}")
        return
    if ext in HTML_EXT:
        yield from read_html(path, data, published)
    elif ext in CSV_EXT:
        yield from read_csv(path, data, published, columns)
    elif ext in TSV_EXT:
        yield from read_tsv(path, data, published, columns)
    elif url_list(data) is not None:
        yield IngestIssue(where(path), None, "a list of URLs: name this file as an argument to fetch them")
    else:
        yield from read_text(path, data, published)


def _read_one(inp: str | Path, published: date | None, options: IngestOptions,
              fetcher: Callable[[], Fetcher]) -> Iterator[Record]:
    """One input argument: a URL, a file listing URLs, a file, a folder or '-'."""
    if isinstance(inp, str) and (scheme := url_scheme(inp)) is not None:
        if scheme not in ("http", "https"):
            yield IngestIssue(inp, None, f"unsupported URL scheme {scheme!r}: give http(s) URLs, files or folders")
        else:
            yield from read_url(inp, fetcher(), published, new_only=options.new_only)
        return
    p = Path(inp)
    ext = p.suffix.lower()
    if str(inp) != "-" and ext in TEXT_EXT | FEED_EXT and p.is_file():
        try:
            data = p.read_bytes()
        except OSError as exc:
            yield IngestIssue(where(p), None, f"cannot read: {exc.strerror or exc}")
            return
        if ext in FEED_EXT:
            yield from read_feed_file(p, data, fetcher(), published, new_only=options.new_only)
        elif (lines := url_list(data)) is not None:
            yield from read_url_list(p, lines, fetcher(), published, new_only=options.new_only)
        else:
            yield from read_text(p, data, published)
        return
    for item in iter_files([inp]):
        if isinstance(item, IngestIssue):
            yield item
        else:
            yield from read_file(item, published, options.columns)


def read_inputs(
    inputs: Iterable[str | Path], published: date | None = None, metadata: Metadata | None = None,
    options: IngestOptions | None = None,
) -> Iterator[Record]:
    """Every Document (and IngestIssue) from the inputs, streamed.

    An input is a file, a folder (recursive), '-' (JSONL on stdin), an http(s) URL (a page,
    feed or sitemap) or a text file listing such URLs one per line. ``published`` dates the
    documents for which nothing else does (``published_how`` 'cli'); ``metadata`` rows
    (:func:`detente.ingest.metadata.read_metadata`) set the fields of the documents they
    name, their issues come first; ``options`` name the columns of record files and the
    fetcher for URLs."""
    inputs = list(inputs)
    options = options or IngestOptions()
    if metadata is not None:
        metadata.with_roots(inputs)
        yield from metadata.issues
    made: list[Fetcher] = []

    def fetcher() -> Fetcher:  # the given one, else one made on first use, for this call
        if options.fetcher is not None:
            return options.fetcher
        if not made:
            from detente.ingest.fetch import Fetcher

            made.append(Fetcher())
        return made[0]

    try:
        for inp in inputs:
            for rec in _read_one(inp, published, options, fetcher):
                if metadata is not None and isinstance(rec, Document):
                    metadata.apply(rec, published)
                yield rec
    finally:
        if options.fetcher is not None:
            options.fetcher.flush()  # what was fetched is stored at the end of each run at the latest
        for f in made:
            f.close()
