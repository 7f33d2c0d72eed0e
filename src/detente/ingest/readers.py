"""Readers: one function per input format, each yielding Document or IngestIssue.

A reader never raises for bad content: it yields an IngestIssue naming the file
and line, and goes on with the records around it.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from detente.ingest.published import complete_published
from detente.model import Document, IngestIssue

Record = Document | IngestIssue

MAX_FIELD = 50 * 1024 * 1024  # the largest single text field we accept (bytes)
csv.field_size_limit(MAX_FIELD)


class InputError(ValueError):
    pass


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _many_controls(head: bytes) -> bool:
    return sum(1 for b in head if b < 9 or 13 < b < 32) > len(head) * 0.05


def _utf8_prefix(head: bytes) -> bool:
    """Whether head is valid UTF-8 (a character cut off at its end allowed)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else Windows-1252/Latin-1.

    Mostly-UTF-8 data with a few invalid bytes stays UTF-8 (the bad bytes become U+FFFD)
    rather than turning every accented letter into mojibake.
    Returns (text, encoding). Raises InputError for binary or empty data.
    """
    if not data.strip():
        raise InputError("empty file")
    bom = _bom_encoding(data)
    if bom:  # a BOM says which encoding; a truncated last character becomes U+FFFD
        text = data.decode(bom, errors="replace")
        if not text.lstrip("\ufeff").strip():
            raise InputError("empty file")
        return text.lstrip("\ufeff"), bom
    head = data[:8192]
    if b"\x00" in head and (_many_controls(head) or not _utf8_prefix(head)):
        # NUL bytes in otherwise valid UTF-8 text (one odd field of a CSV) do not make it binary
        raise InputError("binary file (NUL bytes), not text")
    try:
        text, enc = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        if _many_controls(head):
            raise InputError("binary file (control bytes), not text") from None
        lenient = data.decode("utf-8-sig", errors="replace")
        bad = lenient.count("\ufffd") - data.count("\ufffd".encode())
        good = len(lenient) - len(lenient.encode("ascii", "ignore")) - lenient.count("\ufffd")
        if good > bad:  # valid multi-byte sequences outnumber the broken bytes
            text, enc = lenient, "utf-8"
        else:
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = data.decode("latin-1"), "latin-1"
    if not text.strip():
        raise InputError("empty file")
    return text, enc


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_str(s: str) -> str:
    """Replace lone surrogates (from JSON escapes such as "\\ud800") with U+FFFD: they
    cannot be encoded as UTF-8, so they would fail at storage time."""
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def where(path: Path | str) -> str:
    """A path as a printable, storable string (undecodable file-name bytes as \\xNN)."""
    s = str(path)
    if _SURROGATE.search(s):
        try:
            s = s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            s = clean_str(s)
    return s


def _short(value: Any, limit: int = 80) -> str:
    r = repr(value)
    return r if len(r) <= limit else r[: limit - 3] + "..."


def parse_date(value: Any) -> date | None:
    """Parse a publication date; raises InputError when present but unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"unparseable date {_short(value)}")
    s = value.strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser as dparser

        return dparser.parse(s, fuzzy=False).date()
    except Exception as exc:  # dateutil raises ValueError, OverflowError, and worse on odd input
        raise InputError(f"unparseable date {_short(value)}") from exc


_NON_SPACE = re.compile(r"\S")


def _title_of(text: str) -> str | None:
    """The first non-blank line (at most 300 characters), without splitting the whole text."""
    m = _NON_SPACE.search(text)
    if m is None:
        return None
    return text[m.start(): m.start() + 1000].splitlines()[0].strip()[:300]


# Both patterns stop at the next delimiter, so they run in linear time on hostile input
# (a line of 10,000 "[" or "**a " made the earlier patterns quadratic).
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")


def strip_markdown(text: str) -> str:
    """Light markdown clean-up for text files: links and images keep their label, bold its text."""
    return _MD_EMPH.sub(r"\2", _MD_LINK.sub(r"\1", text))


def read_text(path: Path, data: bytes, published: date | None = None) -> Iterator[Record]:
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(where(path), None, str(exc))
        return
    text = strip_markdown(text.replace("\r\n", "\n").replace("\r", "\n"))
    title = _title_of(text)
    doc = Document(doc_id=Document.make_id(text), text=text, title=title, source=None, path=where(path))
    yield complete_published(doc, published)


# libxml2 (under lxml, under trafilatura) drops everything nested deeper than about 255
# elements; below this depth trafilatura sees the whole page.
_LXML_SAFE_DEPTH = 200
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style head nav header footer aside noscript template svg".split())
_BLOCK = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr td th article section blockquote pre".split())


class _FlatText(HTMLParser):
    """Text of a page by a flat tag scan (no tree, so no depth limit): the fallback for
    markup nested too deep for lxml. Also measures the nesting depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.depth = self.max_depth = self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag in _SKIP:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(ln.split()) for ln in "".join(self.parts).split("\n"))
        return "\n\n".join(ln for ln in lines if ln)


def _flat_text(html: str) -> _FlatText:
    parser = _FlatText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; keep what was read
        pass
    return parser


def read_html(path: Path, data: bytes, published: date | None = None) -> Iterator[Record]:
    try:
        html, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(where(path), None, str(exc))
        return
    import trafilatura

    if "html" not in html[:50].lower():
        # a bare fragment ("<p>...</p>"): trafilatura rejects it as "not HTML" unless wrapped
        html = f"<html><body>{html}</body></html>"
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on hostile markup
        msg = " ".join(str(exc).split())[:200]
        yield IngestIssue(where(path), None, f"HTML could not be parsed: {type(exc).__name__}: {msg}")
        return
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (meta.get("text") or "").strip()
    if not text:
        flat = _flat_text(html)
        if flat.max_depth > _LXML_SAFE_DEPTH:  # lost to the parser's depth limit, not boilerplate
            text = flat.text()
            meta = {"title": " ".join("".join(flat.title).split()) or None}
    if not text:
        yield IngestIssue(where(path), None, "HTML has no extractable body text")
        return
    try:
        pub = parse_date(meta.get("date"))
    except InputError:
        pub = None
    title = meta.get("title") or _title_of(text)
    doc = Document(
        doc_id=Document.make_id(text, title), text=text, title=title,
        source=meta.get("sitename") or meta.get("hostname"), url=meta.get("url"),
        published=pub, author=meta.get("author"), path=where(path), published_how="html" if pub else None,
    )
    yield complete_published(doc, published)


def record_to_document(rec: dict[str, Any], path: Path, line: int, published: date | None) -> Record:
    loc = where(path)
    text = rec.get("text")
    if text is None:
        return IngestIssue(loc, line, "missing field 'text'")
    if not isinstance(text, str):
        return IngestIssue(loc, line, f"field 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return IngestIssue(loc, line, "field 'text' is empty")
    text = clean_str(text)
    try:
        pub = parse_date(rec.get("published") or rec.get("date"))
    except InputError as exc:
        return IngestIssue(loc, line, str(exc))
    title = rec.get("title")
    doc_id = rec.get("id", rec.get("doc_id"))
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        return IngestIssue(loc, line, f"field 'id' must be a string, got {type(doc_id).__name__}")

    def opt(name: str) -> str | None:
        v = rec.get(name)
        return clean_str(str(v)) if v not in (None, "") else None

    doc = Document(
        doc_id=clean_str(str(doc_id)) if doc_id not in (None, "") else
        Document.make_id(text, clean_str(title) if isinstance(title, str) else None),
        text=text.replace("\r\n", "\n"), title=opt("title") or _title_of(text), source=opt("source"),
        url=opt("url"), published=pub, author=opt("author"), path=loc, line=line,
        published_how="input" if pub else None,
    )
    # records of one file share its name: a date in it is no record's own
    return complete_published(doc, published, filename=False)


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


def read_jsonl(path: Path, stream: io.BufferedIOBase | io.BytesIO, published: date | None = None) -> Iterator[Record]:
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
        yield record_to_document(rec, path, lineno, published)
    if held:
        yield IngestIssue(loc, None, _BINARY_JSONL)
    elif empty:
        yield IngestIssue(loc, None, "empty file")


class _CsvRows:
    """A strict CSV reader over physical lines that can restart at any line, so that one
    broken record (an unterminated quote, a stray quote after a closed field) costs that
    record only, not every record after it."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.restart(0)

    def restart(self, index: int) -> None:
        self.base = index
        self.reader = csv.reader(map(self.lines.__getitem__, range(index, len(self.lines))), strict=True)

    @property
    def pos(self) -> int:  # 0-based index of the next unread physical line
        return self.base + self.reader.line_num


def read_csv(path: Path, data: bytes, published: date | None = None) -> Iterator[Record]:
    loc = where(path)
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(loc, None, str(exc))
        return
    lines = io.StringIO(text, newline="").readlines()
    rows = _CsvRows(lines)
    try:
        header = [h.strip().lower() for h in next(rows.reader)]
    except StopIteration:
        yield IngestIssue(loc, None, "empty CSV")
        return
    except csv.Error as exc:
        yield IngestIssue(loc, 1, f"malformed CSV header: {exc}")
        return
    if "text" not in header:
        yield IngestIssue(loc, 1, f"CSV has no 'text' column (columns: {', '.join(header)})")
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
            yield IngestIssue(loc, start + 1, f"malformed CSV row: {exc}")
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
        yield record_to_document(dict(zip(header, row)), path, start + 1, published)
    if not records:
        yield IngestIssue(loc, None, "CSV has a header but no rows")


def read_stdin_jsonl(published: date | None = None) -> Iterator[Record]:
    yield from read_jsonl(Path("<stdin>"), sys.stdin.buffer, published)
