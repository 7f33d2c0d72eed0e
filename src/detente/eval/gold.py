"""Gold standards: detente's own JSONL format, plus loaders for the PLOVER GSR
(CAMEO-manual sentences) and the PETRARCH unit-test records.

detente gold format (one JSON object per line, see docs/eval.md):

    {"doc_id": "demo-001", "sentence": "Russia vetoed the draft.",
     "published": "2027-03-02",                # optional when --corpus gives it
     "text": "...whole document...",           # optional: else --corpus, else the sentence
     "sentence_start": 118, "sentence_end": 142,  # optional: the sentence's offsets in the text
     "events": [{"code": "121", "source": "RUSGOV", "target": null,
                 "factuality": "asserted", "date": "2027-03", "location": "New York"}]}

An event may give `plover` (a PLOVER type) instead of `code`. `events: []`
marks a sentence with no codable event (it counts for precision). A gold file may
cover only some sentences of a document: events of the other sentences are not scored.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.errors import DetenteError


class GoldError(DetenteError, ValueError):
    """A gold file that cannot be read: one line naming the file (and line)."""


@dataclass(slots=True)
class GoldEvent:
    code: str | None = None
    plover: str | None = None
    source: str | None = None
    target: str | None = None
    factuality: str | None = "asserted"
    date: str | None = None
    location: str | None = None
    # the other actors of a reciprocal compound source (PLOVER GSR "SRC/TAR" markup: "Jordan
    # and Britain agreed" has sources JOR and GBR, no target): CAMEO codes them as each
    # other's targets, so a target among them is as right as none
    partners: tuple[str, ...] = ()


@dataclass(slots=True)
class GoldSentence:
    doc_id: str
    sentence: str
    events: list[GoldEvent] = field(default_factory=list)
    published: date | None = None
    text: str | None = None
    category: str | None = None
    # gold that codes only what happened (PLOVER GSR, PETRARCH records): only asserted
    # predictions are compared with it; announced, proposed or denied content is not its kind
    asserted_only: bool = False
    # offsets of the sentence in the document text, when the gold gives them
    start: int | None = None
    end: int | None = None


def _event(d: dict) -> GoldEvent:
    code = d.get("code")
    return GoldEvent(
        code=str(code) if code is not None else None, plover=d.get("plover"), source=d.get("source"),
        target=d.get("target"), factuality=d.get("factuality", "asserted"),
        date=str(d["date"]) if d.get("date") else None, location=d.get("location"),
    )


def _offsets(d: dict) -> tuple[int | None, int | None]:
    start, end = d.get("sentence_start"), d.get("sentence_end")
    for name, v in (("sentence_start", start), ("sentence_end", end)):
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            raise ValueError(f"{name} must be a character offset (an integer >= 0), not {v!r}")
    if end is not None and start is None:
        raise ValueError("sentence_end without sentence_start")
    if end is not None and end <= start:
        raise ValueError(f"sentence_end {end} is not after sentence_start {start}")
    return start, end


def load_jsonl_gold(path: Path) -> list[GoldSentence]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict):
                raise TypeError(f"a JSON object per line, not {type(d).__name__}")
            pub = date.fromisoformat(d["published"]) if d.get("published") else None
            if not isinstance(d["sentence"], str):
                raise TypeError("sentence must be a string")
            start, end = _offsets(d)
            out.append(GoldSentence(str(d["doc_id"]), d["sentence"], [_event(e) for e in d.get("events", [])],
                                    pub, d.get("text"), d.get("category"), start=start, end=end))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            raise GoldError(f"{path}:{n}: bad gold record: {what} (format: docs/eval.md)") from None
    return out


def _actor_codes(value) -> list[str | None]:
    """PLOVER actor lists ([{code, sector}, ...]); empty strings and lists mean no actor."""
    if not isinstance(value, list):
        return [None]
    codes = [d.get("code", "") + (d.get("sector") or "") for d in value if isinstance(d, dict) and d.get("code")]
    return codes or [None]


def _own_documents(records: list[GoldSentence]) -> list[GoldSentence]:
    """Records that are each their own document, with unique ids: a repeated id (the PLOVER
    GSR and the PETRARCH records have a few) takes a suffix, #2, #3, ..."""
    seen: dict[str, int] = {}
    for r in records:
        seen[r.doc_id] = seen.get(r.doc_id, 0) + 1
        if seen[r.doc_id] > 1:
            r.doc_id = f"{r.doc_id}#{seen[r.doc_id]}"
    return records


def load_plover_gsr(path: Path) -> list[GoldSentence]:
    """The PLOVER gold standard records: one sentence each, PLOVER types, source/target lists."""
    data = json.loads(Path(path).read_text(encoding="utf-8", errors="replace"))
    out = []
    for rec in data:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        srcs = _actor_codes(rec.get("source"))
        tgts = _actor_codes(rec.get("target"))
        info = rec.get("textInfo")
        markup = (info.get("markup") or "") if isinstance(info, dict) else ""
        reciprocal = "SRC/TAR" in markup and tgts == [None] and len(srcs) > 1
        events = [GoldEvent(plover=rec["event"], source=s, target=t,
                            partners=tuple(o for j, o in enumerate(srcs) if j != i) if reciprocal else ())
                  for i, s in enumerate(srcs) for t in tgts if s != t]
        pub = None
        if rec.get("date"):
            try:
                pub = date.fromisoformat(rec["date"])
            except ValueError:
                pub = None
        out.append(GoldSentence(rec["id"], rec["text"], events, pub, rec["text"], rec["event"], asserted_only=True))
    return _own_documents(out)


def load_petrarch_records(path: Path) -> list[GoldSentence]:
    """PETRARCH unit-test records (XML): text, date and expected CAMEO codings."""
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    root = ET.fromstring(f"<root>{raw[raw.find('<Sentences>'):raw.rfind('</Sentences>') + 12]}</root>")
    out = []
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").split())
        d = s.get("date", "")
        pub = date(int(d[:4]), int(d[4:6]), int(d[6:8])) if len(d) == 8 else None
        events = []
        for ec in s.findall("EventCoding"):
            if ec.get("noevents"):
                continue
            events.append(GoldEvent(code=ec.get("eventcode"), source=ec.get("sourcecode"),
                                    target=ec.get("targetcode")))
        out.append(GoldSentence(s.get("id", ""), text, events, pub, text, s.get("category"), asserted_only=True))
    return _own_documents(out)


def load_gold(path: Path, fmt: str = "auto") -> list[GoldSentence]:
    """The gold sentences of a file; raises GoldError (one line) when it cannot be read."""
    path = Path(path)
    loaders = {"jsonl": load_jsonl_gold, "plover": load_plover_gsr, "petrarch": load_petrarch_records}
    if fmt != "auto" and fmt not in loaders:
        raise GoldError(f"unknown gold format {fmt!r}: use auto, jsonl, plover or petrarch")
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file")
    try:
        if fmt == "auto":
            if path.suffix == ".xml":
                fmt = "petrarch"
            elif path.read_text(encoding="utf-8", errors="replace").lstrip().startswith("["):
                fmt = "plover"
            else:
                fmt = "jsonl"
        return loaders[fmt](path)
    except GoldError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ET.ParseError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else (getattr(exc, "strerror", None) or exc)
        raise GoldError(f"{path}: not a readable {fmt} gold file: {what}") from None
