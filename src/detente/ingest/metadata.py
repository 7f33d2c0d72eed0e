"""Metadata for a folder of documents: a CSV or JSONL file keyed by ``file`` or ``id``.

    file,published,source,url
    2017/talks.txt,2017-05-25,The Moscow Times,https://...

``file`` is a path relative to an input folder (``/`` separators; for an input file, its
name); ``id`` is a document id (JSONL/CSV inputs). Any of ``published``, ``title``,
``source``, ``url`` may be given; an empty cell leaves the document's own value. A
bad row (unparseable date, no key, a key given twice) is one IngestIssue naming the
metadata file and line; the other rows apply.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from detente.ingest.published import complete_published
from detente.ingest.readers import InputError, clean_str, decode_bytes, parse_date, where
from detente.ingest.tabular import parse_json_line
from detente.model import Document, IngestIssue

FIELDS = ("published", "title", "source", "url")
KEYS = ("file", "id")


@dataclass(slots=True)
class MetadataRow:
    line: int
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def given(self) -> dict[str, Any]:
        """The fields this row sets (non-empty)."""
        return {f: getattr(self, f) for f in FIELDS if getattr(self, f) is not None}


@dataclass
class Metadata:
    """Rows of a metadata file, by file path and by document id."""

    path: str
    by_file: dict[str, MetadataRow] = field(default_factory=dict)
    by_id: dict[str, MetadataRow] = field(default_factory=dict)
    issues: list[IngestIssue] = field(default_factory=list)
    roots: tuple[Path, ...] = ()  # input folders that ``file`` keys are relative to
    used: set[int] = field(default_factory=set)  # lines of rows that matched a document

    def __len__(self) -> int:
        return len(self.by_file) + len(self.by_id)

    def with_roots(self, inputs: Iterable[str | Path]) -> Metadata:
        roots = []
        for inp in inputs:
            p = Path(inp)
            if str(inp) != "-" and not (isinstance(inp, str) and "://" in inp):  # URLs have no folder
                roots.append(p if p.is_dir() else p.parent)
        self.roots = tuple(roots)
        return self

    def _file_keys(self, doc_path: str) -> Iterator[str]:
        p = Path(doc_path)
        for root in self.roots:
            try:
                yield PurePosixPath(*p.relative_to(root).parts).as_posix()
            except ValueError:
                continue
        yield p.name

    def lookup(self, doc: Document) -> MetadataRow | None:
        """The row for a document: by its id first, then by its file."""
        row = self.by_id.get(doc.doc_id)
        if row is None and doc.path:
            row = next((self.by_file[k] for k in self._file_keys(doc.path) if k in self.by_file), None)
        if row is not None:
            self.used.add(row.line)
        return row

    def unused(self) -> int:
        """Rows that matched no document (so far)."""
        return len({r.line for r in (*self.by_file.values(), *self.by_id.values())} - self.used)

    def apply(self, doc: Document, default: date | None = None) -> Document:
        """Set the document's fields from its row, if it has one. The id is kept (it was
        made from the input), so a title given here does not make a new document."""
        row = self.lookup(doc)
        if row is None:
            return doc
        for name, value in row.given().items():
            if name != "published":
                setattr(doc, name, value)
        if row.published is not None:
            doc.published, doc.published_how = row.published, "metadata"
        elif row.url is not None and doc.published_how not in ("input", "html", "feed"):
            # a URL given here may carry a date stronger than the one detected
            doc.published, doc.published_how = None, None
            complete_published(doc, default)
        return doc


def _norm_key(name: str, value: str) -> str:
    value = value.strip()
    if name == "file":
        value = value.replace("\\", "/")
        while value.startswith("./"):
            value = value[2:]
    return value


def _row(meta: Metadata, rec: dict[str, Any], line: int) -> None:
    loc = meta.path
    rec = {str(k).strip().lower(): v for k, v in rec.items()}
    keys = {k: str(rec[k]) for k in KEYS if rec.get(k) not in (None, "")}
    if not keys:
        meta.issues.append(IngestIssue(loc, line, "metadata row has no 'file' or 'id'"))
        return
    try:
        published = parse_date(rec.get("published") or rec.get("date"))
    except InputError as exc:
        meta.issues.append(IngestIssue(loc, line, str(exc)))
        return
    vals: dict[str, Any] = {}
    for f in ("title", "source", "url"):
        v = rec.get(f)
        if v not in (None, ""):
            if not isinstance(v, (str, int, float)) or isinstance(v, bool):
                meta.issues.append(IngestIssue(loc, line, f"field {f!r} must be a string, got {type(v).__name__}"))
                return
            vals[f] = clean_str(str(v).strip())
    row = MetadataRow(line, published, **vals)
    for name, raw in keys.items():
        table = meta.by_file if name == "file" else meta.by_id
        key = _norm_key(name, clean_str(raw))
        if key in table:
            meta.issues.append(IngestIssue(
                loc, line, f"{name} {key!r} already given on line {table[key].line}; kept that row"))
            return
    for name, raw in keys.items():
        (meta.by_file if name == "file" else meta.by_id)[_norm_key(name, clean_str(raw))] = row


def read_metadata(path: str | Path) -> Metadata:
    """Parse a metadata file (.csv, or .jsonl/.ndjson/.json lines). Raises InputError
    when the file as a whole cannot be used (missing, unreadable, no key column)."""
    path = Path(path)
    meta = Metadata(where(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{meta.path}: cannot read metadata: {exc.strerror or exc}") from None
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{meta.path}: {exc}") from None
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for lineno, raw in enumerate(io.StringIO(text, newline=None), start=1):
            if not raw.strip():
                continue
            rec = parse_json_line(raw)
            if isinstance(rec, str):
                meta.issues.append(IngestIssue(meta.path, lineno, rec))
            else:
                _row(meta, rec, lineno)
        return meta
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise InputError(f"{meta.path}: no CSV header ({exc or 'empty'})") from None
    if not any(k in header for k in KEYS):
        raise InputError(f"{meta.path}: metadata needs a 'file' or 'id' column (columns: {', '.join(header)})")
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            meta.issues.append(IngestIssue(meta.path, line, f"malformed CSV row: {exc}"))
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            meta.issues.append(IngestIssue(meta.path, line, f"ragged row: {len(row)} fields, header has {len(header)}"))
            continue
        _row(meta, dict(zip(header, row)), line)
    return meta
