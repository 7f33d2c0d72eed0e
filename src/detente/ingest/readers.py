"""Readers of documents (text, HTML) and what every reader shares: decoding bytes,
dates, printable paths. Records (JSONL, CSV, TSV, Parquet) are in ``tabular``.

A reader never raises for bad content: it yields an IngestIssue naming the file
and line, and goes on with the records around it.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from detente.ingest.published import complete_published
from detente.model import Document, IngestIssue, content_hash

Record = Document | IngestIssue

MAX_FIELD = 50 * 1024 * 1024  # the largest single text field we accept (bytes)


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


def web_id(url: str) -> str:
    """The id of a document fetched from the web: its URL's (after redirects), so a page
    fetched again is the same document (changed text is an id conflict, as for any input)."""
    return content_hash("url", url)


def read_text(path: Path | str, data: bytes, published: date | None = None, *,
              url: str | None = None, listed: date | None = None) -> Iterator[Record]:
    """A plain-text or markdown document (title: its first line). ``url`` and ``listed``
    are for text fetched from the web: its URL, and the date of the feed item that listed it."""
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield IngestIssue(where(path), None, str(exc))
        return
    text = strip_markdown(text.replace("\r\n", "\n").replace("\r", "\n"))
    title = _title_of(text)
    doc = Document(doc_id=web_id(url) if url else Document.make_id(text), text=text, title=title, source=None,
                   url=url, path=where(path))
    yield complete_published(doc, published, filename=url is None, listed=listed)


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


def read_html(path: Path | str, data: bytes, published: date | None = None, *,
              url: str | None = None, listed: date | None = None) -> Iterator[Record]:
    """A web page's main text and metadata (trafilatura). ``url`` and ``listed`` are for a
    fetched page: its URL (kept as the document's), and the date of the feed item that
    listed it (the page's date when its metadata has none)."""
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
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
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
        doc_id=web_id(url) if url else Document.make_id(text, title), text=text, title=title,
        source=meta.get("sitename") or meta.get("hostname"), url=url or meta.get("url"),
        published=pub, author=meta.get("author"), path=where(path), published_how="html" if pub else None,
    )
    yield complete_published(doc, published, filename=url is None, listed=listed)
