"""Readers of records: JSONL, CSV, TSV and Parquet, one Document per record.

Which column holds the text, id, date, title, ... is :class:`detente.ingest.columns.Columns`.
A bad record is one IngestIssue naming the file and its line (JSONL/CSV/TSV: the line the
record starts on; Parquet: the row number, from 1), and the records around it are kept. A
record whose date or optional field cannot be read is kept without it, with a warning
(an IngestIssue with ``kept=True``) naming the file, line, column and value.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from detente.ingest.columns import DEFAULT, Columns
from detente.ingest.published import complete_published
from detente.ingest.readers import (
    MAX_FIELD, InputError, Record, _bom_encoding, _many_controls, _short, _title_of, _utf8_prefix, clean_str,
    decode_bytes, parse_date, where,
)
from detente.model import Document, IngestIssue

csv.field_size_limit(MAX_FIELD)

_OPTIONAL = ("title", "source", "url", "author")


def _pick(rec: Mapping[str, Any], lower: dict[str, str], cands: tuple[str, ...]) -> tuple[str | None, Any]:
    """(key, value) of the first candidate column with a value; (first present key, None) if none."""
    first = None
    for c in cands:
        k = c if c in rec else lower.get(c.lower())
        if k is None:
            continue
        first = first or k
        if rec[k] not in (None, ""):
            return k, rec[k]
    return first, None


def record_to_document(
    rec: Mapping[str, Any], path: Path | str, line: int, published: date | None,
    columns: Columns = DEFAULT, warnings: list[IngestIssue] | None = None,
) -> Record:
    """One record as a Document, or the IngestIssue that says why it cannot be one.

    Problems that leave a usable record (an unparseable date, a title that is a list)
    are appended to ``warnings`` as kept-record issues and the record is kept without them."""
    loc = where(path)
    lower: dict[str, str] = {}
    for k in rec:
        if isinstance(k, str):
            lower.setdefault(k.lower(), k)
    names = columns.names
    tkey, text = _pick(rec, lower, names["text"])
    tname = tkey or names["text"][0]
    if text is None:
        if tkey is not None and rec[tkey] == "":
            return IngestIssue(loc, line, f"field {tname!r} is empty")
        return IngestIssue(loc, line, f"missing field {tname!r}")
    if not isinstance(text, str):
        return IngestIssue(loc, line, f"field {tname!r} must be a string, got {type(text).__name__}")
    if not text.strip():
        return IngestIssue(loc, line, f"field {tname!r} is empty")
    text = clean_str(text)
    ikey, doc_id = _pick(rec, lower, names["id"])
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        return IngestIssue(loc, line, f"field {ikey!r} must be a string, got {type(doc_id).__name__}")

    def warn(msg: str) -> None:
        if warnings is not None:
            warnings.append(IngestIssue(loc, line, msg, kept=True))

    dkey, dval = _pick(rec, lower, names["published"])
    try:
        pub = parse_date(dval)
    except InputError:
        pub = None
        warn(f"unparseable date {_short(dval)} in field {dkey!r}; kept the record undated")
    opt: dict[str, str | None] = {}
    for fname in _OPTIONAL:
        key, v = _pick(rec, lower, names[fname])
        if v is None:
            opt[fname] = None
        elif isinstance(v, str) or (isinstance(v, (int, float)) and not isinstance(v, bool)):
            opt[fname] = clean_str(str(v)) or None
        else:
            opt[fname] = None
            warn(f"field {key!r} must be a string, got {type(v).__name__}; kept the record without it")
    title = opt["title"]
    doc = Document(
        doc_id=clean_str(str(doc_id)) if doc_id not in (None, "") else Document.make_id(text, title),
        text=text.replace("\r\n", "\n"), title=title or _title_of(text), source=opt["source"],
        url=opt["url"], published=pub, author=opt["author"], path=loc, line=line,
        published_how="input" if pub else None,
    )
    # records of one file share its name: a date in it is no record's own
    return complete_published(doc, published, filename=False)


def _with_warnings(rec: Mapping[str, Any], path: Path | str, line: int, published: date | None,
                   columns: Columns) -> Iterator[Record]:
    warnings: list[IngestIssue] = []
    doc = record_to_document(rec, path, line, published, columns, warnings)
    yield from warnings
    yield doc


# ---- JSONL --------------------------------------------------------------------------------
def parse_json_line(line: str) -> dict[str, Any] | str:
    """One JSONL line: the object, or a one-line error message. Never raises."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"malformed JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return "malformed JSON: nested too deeply"
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        return f"malformed JSON: {str(exc).split(';')[0]}"
    if not isinstance(rec, dict):
        return f"expected a JSON object, got {type(rec).__name__}"
    return rec


def _jsonl_lines(stream: io.BufferedIOBase | io.BytesIO) -> Iterator[str | bytes]:
    """Raw lines of a JSONL stream; a UTF-16/32 stream (with BOM) is decoded as a whole."""
    head = stream.readline()
    enc = _bom_encoding(head[:4])
    if enc is not None:
        text = (head + stream.read()).decode(enc, errors="replace").lstrip("\ufeff")
        yield from io.StringIO(text, newline=None)
        return
    yield head
    yield from stream


def _binaryish(raw: str | bytes) -> bool:
    return isinstance(raw, bytes) and (b"\x00" in raw or _many_controls(raw) or not _utf8_prefix(raw))


_BINARY_JSONL = "binary file, not JSON lines"


def read_jsonl(path: Path, stream: io.BufferedIOBase | io.BytesIO, published: date | None = None,
               columns: Columns = DEFAULT) -> Iterator[Record]:
    """Documents of a JSONL stream, one IngestIssue per bad line.

    A binary file is one issue, not one per line: issues of binary-looking lines are held
    back until a JSON object shows the file is JSONL after all (then they are given line by
    line); 4 KB of binary-looking lines before any object, or none at all, make it binary.
    """
    loc = where(path)
    empty = True
    held: list[IngestIssue] | None = []  # None once a JSON object was read
    held_bytes = 0
    for lineno, raw in enumerate(_jsonl_lines(stream), start=1):
        if not raw.strip() or raw.strip() in (b"\xef\xbb\xbf", "\ufeff"):
            continue
        empty = False
        if isinstance(raw, str):
            line = raw
        else:
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                line = raw.decode("cp1252", errors="replace")
        rec = parse_json_line(line)
        if isinstance(rec, str):
            issue = IngestIssue(loc, lineno, rec)
            binaryish = held is not None and _binaryish(raw)
            if held is None or not (held or binaryish):
                yield issue
                continue
            held.append(issue)
            held_bytes += len(raw) if binaryish else 0
            if held_bytes >= 4096 or len(held) >= 1000:
                yield IngestIssue(loc, None, _BINARY_JSONL)
                return
            continue
        if held:
            yield from held
        held = None
        yield from _with_warnings(rec, path, lineno, published, columns)
    if held:
        yield IngestIssue(loc, None, _BINARY_JSONL)
    elif empty:
        yield IngestIssue(loc, None, "empty file")


def read_stdin_jsonl(published: date | None = None, columns: Columns = DEFAULT) -> Iterator[Record]:
    yield from read_jsonl(Path("<stdin>"), sys.stdin.buffer, published, columns)


# ---- CSV / TSV ----------------------------------------------------------------------------
class _CsvRows:
    """A strict CSV reader over physical lines that can restart at any line, so that one
    broken record (an unterminated quote, a stray quote after a closed field) costs that
    record only, not every record after it."""

    def __init__(self, lines: list[str], delimiter: str):
        self.lines = lines
        self.delimiter = delimiter
        self.restart(0)

    def restart(self, index: int) -> None:
        self.base = index
        self.reader = csv.reader(map(self.lines.__getitem__, range(index, len(self.lines))),
                                 delimiter=self.delimiter, strict=True)

    @property
    def pos(self) -> int:  # 0-based index of the next unread physical line
        return self.base + self.reader.line_num


def read_csv(path: Path, data: bytes, published: date | None = None, columns: Columns = DEFAULT,
             delimiter: str = ",") -> Iterator[Record]:
    """Documents of a CSV (or, with ``delimiter='\\t'``, TSV) file, one per row."""
    loc = where(path)
    kind = "TSV" if delimiter == "\t" else "CSV"
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(loc, None, str(exc))
        return
    lines = io.StringIO(text, newline="").readlines()
    rows = _CsvRows(lines, delimiter)
    try:
        header = [h.strip() for h in next(rows.reader)]
    except StopIteration:
        yield IngestIssue(loc, None, f"empty {kind}")
        return
    except csv.Error as exc:
        yield IngestIssue(loc, 1, f"malformed {kind} header: {exc}")
        return
    if missing := columns.missing(header):
        # a quoted header may hold a line break: the issue stays one line
        names = ", ".join(h.replace("\r", "\\r").replace("\n", "\\n") for h in header)
        yield IngestIssue(loc, 1, f"{kind} {missing} (columns: {names})")
        return
    records = 0
    while rows.pos < len(lines):
        start = rows.pos
        try:
            row = next(rows.reader)
        except StopIteration:
            break
        except csv.Error as exc:
            records += 1
            yield IngestIssue(loc, start + 1, f"malformed {kind} row: {exc}")
            rows.restart(start + 1)
            continue
        if not any(c.strip() for c in row):
            continue
        records += 1
        if len(row) != len(header):
            yield IngestIssue(loc, start + 1, f"ragged row: {len(row)} fields, header has {len(header)}")
            if rows.pos - start > 1:  # a quote ran over the line end: read the next lines again
                rows.restart(start + 1)
            continue
        yield from _with_warnings(dict(zip(header, row)), path, start + 1, published, columns)
    if not records:
        yield IngestIssue(loc, None, f"{kind} has a header but no rows")


def read_tsv(path: Path, data: bytes, published: date | None = None, columns: Columns = DEFAULT) -> Iterator[Record]:
    yield from read_csv(path, data, published, columns, delimiter="\t")


# ---- Parquet ------------------------------------------------------------------------------
PARQUET_BATCH = 1024  # rows read at a time: memory stays flat on a large file


def read_parquet(path: Path, source: str | Path | io.BytesIO, published: date | None = None,
                 columns: Columns = DEFAULT) -> Iterator[Record]:
    """Documents of a Parquet file, one per row (issues name the row number, from 1).
    Only the columns that map to a field are read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    loc = where(path)
    try:
        pf = pq.ParquetFile(source)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield IngestIssue(loc, None, f"not a readable Parquet file: {' '.join(str(exc).split())[:200]}")
        return
    names = pf.schema_arrow.names
    if missing := columns.missing(names):
        yield IngestIssue(loc, None, f"Parquet file {missing} (columns: {', '.join(names)})")
        return
    known = {c.lower() for cands in columns.names.values() for c in cands}
    wanted = [n for n in names if n.lower() in known]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
            for rec in batch.to_pylist():
                row += 1
                yield from _with_warnings(rec, path, row, published, columns)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield IngestIssue(loc, row + 1, f"Parquet file unreadable from here on: {' '.join(str(exc).split())[:200]}")
        return
    if row == 0:
        yield IngestIssue(loc, None, "Parquet file has no rows")
