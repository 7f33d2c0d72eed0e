"""Small detente databases written from a few lines per event, for tests that need a
scenario of their own (say-do pairs, ceasefire statuses).

    build(path, [Doc("D1", date(2016, 10, 18), "Russia announced a pause in air strikes on Aleppo.",
                     [Ev("E1", "announced", ("Russia", "RUS"), None, "010", date(2016, 10, 18), "Aleppo")])])

Each document is one sentence or more; an event's trigger, source and target are found
in the sentence that holds the trigger. Codes take their root, QuadClass and Goldstein
value from the CAMEO table; actor codes split into country (first three letters, unless
an IGO) and sector (the rest).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.model import Actor, Document, Event, Mention, Place
from detente.ontology.cameo import load_ontology
from detente.store import Store

PLACES = {
    "Aleppo": Place("Aleppo", 36.2, 37.16, "SYR", 170063, "city"),
    "Idlib": Place("Idlib", 35.93, 36.63, "SYR", 169389, "city"),
    "Kyiv": Place("Kyiv", 50.45, 30.52, "UKR", 703448, "city"),
    "Geneva": Place("Geneva", 46.2, 6.15, "CHE", 2660646, "city"),
}


@dataclass
class Ev:
    event_id: str
    trigger: str
    source: tuple[str, str | None] | None
    target: tuple[str, str | None] | None
    code: str
    day: date | None
    place: str | None = None
    factuality: str = "asserted"


@dataclass
class Doc:
    doc_id: str
    published: date | None
    text: str
    events: list[Ev] = field(default_factory=list)
    title: str | None = None


def _actor(code: str | None) -> Actor:
    if not code:
        return Actor(code=None, country=None, sector=None, name=None, how=None)
    if code.startswith("IGO"):
        return Actor(code=code, country=None, sector="IGO", name=code, how="test")
    return Actor(code=code, country=code[:3], sector=code[3:] or None, name=code, how="test")


def _mention(sentence: str, base: int, span: tuple[str, str | None] | None) -> Mention | None:
    if span is None:
        return None
    start = base + sentence.index(span[0])
    return Mention(span[0], start, start + len(span[0]), _actor(span[1]))


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    return start, len(text) if end < 0 else end + 1


def build(path: str | Path, docs: list[Doc]) -> Path:
    onto = load_ontology()
    batch = []
    for d in docs:
        doc = Document(doc_id=d.doc_id, text=d.text, title=d.title or d.text[:40], source="test",
                       published=d.published, url=f"https://news.example/{d.doc_id.lower()}")
        events = []
        for e in d.events:
            at = d.text.index(e.trigger)
            s0, s1 = _sentence(d.text, at)
            sentence = d.text[s0:s1]
            c = onto[e.code]
            events.append(Event(
                doc_id=d.doc_id, sentence_index=d.text[:s0].count(". "), sentence=sentence, sentence_start=s0,
                cameo_code=e.code, cameo_root=c.root, quad_class=c.quad_class, goldstein=c.goldstein,
                plover_type=c.plover_type, trigger=Mention(e.trigger, at, at + len(e.trigger)),
                source=_mention(sentence, s0, e.source), target=_mention(sentence, s0, e.target),
                factuality=e.factuality, factuality_cue=None, event_date=e.day,
                date_precision="day" if e.day else "unknown", location=PLACES.get(e.place) if e.place else None,
                location_precision="sentence" if e.place else "none", rule="test", confidence=0.9,
                event_id=e.event_id))
        batch.append((doc, events, 1))
    path = Path(path)
    with Store(path) as store:
        store.write_batch(batch)
    return path
