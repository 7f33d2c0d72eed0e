"""The one data model of detente.

Every pipeline stage takes and returns these typed records:

    ingest   -> Document
    nlp      -> spaCy Doc (kept inside the NLP/coding stages only)
    coding   -> Event (with Mention provenance and Actor codes)
    store    <- Document, Event, IngestIssue

Records are plain dataclasses so that they pickle across worker processes and
turn into Arrow/DuckDB rows with ``dataclasses.asdict``.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from detente.columns import EVENT_COLUMNS  # noqa: F401  (re-exported: the events table's columns)

Factuality = Literal[
    "asserted", "negated", "hypothetical", "normative", "future", "proposed", "question", "alleged"
]
FACTUALITY_VALUES: tuple[str, ...] = (
    "asserted", "negated", "hypothetical", "normative", "future", "proposed", "question", "alleged",
)
DatePrecision = Literal["day", "week", "month", "season", "year", "publication", "recent", "before-publication",
                        "unknown"]
LocationPrecision = Literal["clause", "sentence", "document", "none"]
# How an event's place was chosen (detente.coding.placement; values in docs/database.md).
LocationHow = Literal[
    "locative", "place-object", "object-locative", "venue", "sentence-locative", "jurisdiction", "previous-venue",
    "previous-visit", "previous-sentence", "document-theatre", "document-focus", "none",
]


def content_hash(*parts: str, length: int = 16) -> str:
    """A stable (unsalted) hash used for document and event identifiers."""
    joined = "".join(f"{p}\x1f" for p in parts)  # the same bytes as one update per part
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:length]


@dataclass(slots=True)
class Document:
    """One input text with its metadata."""

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    path: str | None = None  # file the document came from
    line: int | None = None  # line (JSONL/CSV row) inside that file
    # where ``published`` came from: input, metadata, html, feed, url, text-dateline, filename,
    # cli, none (detente.ingest.published); None for documents made in code
    published_how: str | None = None

    @property
    def content_id(self) -> str:
        return content_hash(self.text)

    @staticmethod
    def make_id(text: str, title: str | None = None) -> str:
        return content_hash(title or "", text)


@dataclass(slots=True)
class IngestIssue:
    """A record that could not be read (or, ``kept``, was read without a bad field). The
    run goes on; the summary counts these."""

    path: str
    line: int | None
    message: str
    kept: bool = False  # a warning: the record was kept (e.g. undated, for a bad date)

    def __str__(self) -> str:  # one line, naming file and line
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Actor:
    """A resolved actor: CAMEO code split into country and sector."""

    code: str | None = None  # e.g. "RUSGOV", "IGOUNO", "SYRREB"
    country: str | None = None  # ISO-3166 alpha-3 (CAMEO country code), None for IGOs
    sector: str | None = None  # GOV, MIL, REB, OPP, IGO, ... (first role code)
    name: str | None = None  # canonical name from the knowledge base
    kb_id: str | None = None  # knowledge-base entry that resolved it
    how: str | None = None  # resolution rule: "kb:person", "demonym", "title", ...

    @property
    def resolved(self) -> bool:
        return bool(self.code)


@dataclass(slots=True)
class Mention:
    """A span of document text with character offsets into Document.text."""

    text: str
    start: int | None  # None for an inferred role with no words of its own
    end: int | None
    actor: Actor = field(default_factory=Actor)


@dataclass(slots=True)
class Place:
    name: str
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # ISO alpha-3
    geonames_id: int | None = None
    feature: str | None = None  # "city", "country", "admin1", ...


@dataclass(slots=True)
class TimeExpr:
    """A resolved time expression."""

    value: date | None
    precision: DatePrecision
    text: str = ""
    start: int | None = None  # char offsets in the document, when found in text
    end: int | None = None
    end_value: date | None = None  # for ranges


@dataclass(slots=True)
class Event:
    """One coded event with full provenance."""

    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    cameo_code: str  # always a string: "0871", never 871
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    trigger: Mention
    source: Mention | None
    target: Mention | None
    factuality: str = "asserted"
    factuality_cue: str | None = None
    attributed_to: str | None = None
    event_date: date | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    location: Place | None = None
    location_precision: str = "none"
    location_how: str | None = None  # LocationHow, "+metonym" when a building stood for its city
    rule: str = ""
    confidence: float = 0.5
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = content_hash(
                self.doc_id,
                str(self.trigger.start),
                self.cameo_code,
                self.source.actor.code or self.source.text if self.source else "",
                self.target.actor.code or self.target.text if self.target else "",
                str(self.source.start) if self.source else "",
                str(self.target.start) if self.target else "",
            )

    # ---- flat row for storage / export -------------------------------------------------
    def to_row(self) -> dict[str, Any]:
        """The events table row: exactly the columns of ``detente.columns.EVENT_SCHEMA``."""
        def ment(prefix: str, m: Mention | None) -> dict[str, Any]:
            a = m.actor if m else Actor()
            return {
                f"{prefix}_text": m.text if m else None,
                f"{prefix}_code": a.code,
                f"{prefix}_country": a.country,
                f"{prefix}_sector": a.sector,
                f"{prefix}_kb_id": a.kb_id,
                f"{prefix}_how": a.how,
                f"{prefix}_start": m.start if m else None,
                f"{prefix}_end": m.end if m else None,
            }

        loc = self.location
        row: dict[str, Any] = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "cameo_code": self.cameo_code,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover_type": self.plover_type,
            "trigger_text": self.trigger.text,
            "trigger_start": self.trigger.start,
            "trigger_end": self.trigger.end,
        }
        row.update(ment("source", self.source))
        row.update(ment("target", self.target))
        row.update(
            {
                "factuality": self.factuality,
                "factuality_cue": self.factuality_cue,
                "attributed_to": self.attributed_to,
                "location_name": loc.name if loc else None,
                "latitude": loc.latitude if loc else None,
                "longitude": loc.longitude if loc else None,
                "location_country": loc.country if loc else None,
                "geonames_id": loc.geonames_id if loc else None,
                "location_precision": self.location_precision,
                "location_how": self.location_how,
                "rule": self.rule,
                "confidence": self.confidence,
            }
        )
        return row


# the Document fields that the documents table stores as they are
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Document))
