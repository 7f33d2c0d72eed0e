"""Readers: one function per input format, each yielding Document or IngestIssue.

A reader never raises for bad content: it yields an IngestIssue naming the file
and line, and goes on with the records around it.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from detente.model import Document, IngestIssue

Record = Document | IngestIssue

MAX_FIELD = 50 * 1024 * 1024  # the largest single text field we accept (bytes)
csv.field_size_limit(MAX_FIELD)


class InputError(ValueError):
    pass


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), else Windows-1252/Latin-1.

    Returns (text, encoding). Raises InputError for binary data.
    """
    if not data.strip():
        raise InputError("empty file")
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 with BOM is text; anything else with NUL bytes is binary
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16"), "utf-16"
        raise InputError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls > len(head) * 0.05:
        raise InputError("binary file (control bytes), not text")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def parse_date(value: Any) -> date | None:
    """Parse a publication date; raises InputError when present but unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"unparseable date {value!r}")
    s = value.strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser as dparser

        return dparser.parse(s, fuzzy=False).date()
    except (ValueError, OverflowError) as exc:
        raise InputError(f"unparseable date {value!r}") from exc


def _title_of(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def strip_markdown(text: str) -> str:
    """Light markdown clean-up for text files: links and images keep their label, bold its text."""
    return _MD_EMPH.sub(r"\2", _MD_LINK.sub(r"\1", text))


def read_text(path: Path, data: bytes, published: date | None = None) -> Iterator[Record]:
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(str(path), None, str(exc))
        return
    text = strip_markdown(text.replace("\r\n", "\n").replace("\r", "\n"))
    title = _title_of(text)
    yield Document(
        doc_id=Document.make_id(text), text=text, title=title, published=published,
        source=None, path=str(path),
    )


def read_html(path: Path, data: bytes, published: date | None = None) -> Iterator[Record]:
    try:
        html, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(str(path), None, str(exc))
        return
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on hostile markup
        yield IngestIssue(str(path), None, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
        return
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (meta.get("text") or "").strip()
    if not text:
        yield IngestIssue(str(path), None, "HTML has no extractable body text")
        return
    try:
        pub = published or parse_date(meta.get("date"))
    except InputError:
        pub = published
    title = meta.get("title") or _title_of(text)
    yield Document(
        doc_id=Document.make_id(text, title), text=text, title=title,
        source=meta.get("sitename") or meta.get("hostname"), url=meta.get("url"),
        published=pub, author=meta.get("author"), path=str(path),
    )


def record_to_document(rec: dict[str, Any], path: Path, line: int, published: date | None) -> Record:
    text = rec.get("text")
    if text is None:
        return IngestIssue(str(path), line, "missing field 'text'")
    if not isinstance(text, str):
        return IngestIssue(str(path), line, f"field 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return IngestIssue(str(path), line, "field 'text' is empty")
    try:
        pub = parse_date(rec.get("published") or rec.get("date")) or published
    except InputError as exc:
        return IngestIssue(str(path), line, str(exc))
    title = rec.get("title")
    doc_id = rec.get("id", rec.get("doc_id"))
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        return IngestIssue(str(path), line, f"field 'id' must be a string, got {type(doc_id).__name__}")

    def opt(name: str) -> str | None:
        v = rec.get(name)
        return str(v) if v not in (None, "") else None

    return Document(
        doc_id=str(doc_id) if doc_id not in (None, "") else Document.make_id(text, title if isinstance(title, str) else None),
        text=text.replace("\r\n", "\n"), title=opt("title") or _title_of(text), source=opt("source"),
        url=opt("url"), published=pub, author=opt("author"), path=str(path), line=line,
    )


def read_jsonl(path: Path, stream: io.BufferedIOBase | io.BytesIO, published: date | None = None) -> Iterator[Record]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestIssue(str(path), lineno, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict):
            yield IngestIssue(str(path), lineno, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield record_to_document(rec, path, lineno, published)


def read_csv(path: Path, data: bytes, published: date | None = None) -> Iterator[Record]:
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(str(path), None, str(exc))
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield IngestIssue(str(path), None, "empty CSV")
        return
    except csv.Error as exc:
        yield IngestIssue(str(path), 1, f"malformed CSV header: {exc}")
        return
    if "text" not in header:
        yield IngestIssue(str(path), 1, f"CSV has no 'text' column (columns: {', '.join(header)})")
        return
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield IngestIssue(str(path), line, f"malformed CSV row: {exc}")
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield IngestIssue(
                str(path), line, f"ragged row: {len(row)} fields, header has {len(header)}"
            )
            continue
        yield record_to_document(dict(zip(header, row)), path, line, published)


def read_stdin_jsonl(published: date | None = None) -> Iterator[Record]:
    yield from read_jsonl(Path("<stdin>"), sys.stdin.buffer, published)
