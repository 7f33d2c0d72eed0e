"""When and where: attach a date and a place to an event from its sentence.

Time: a time expression inside the trigger's clause wins, then one elsewhere in
the sentence, then the last explicit date of the paragraph when the sentence points
back to it ("within days", "then", "later", "the same day", "that ceasefire"), then
the publication date (precision 'publication').
Place: from the event's own clause (``detente.coding.placement``, which also says how:
``location_how``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import KnowledgeBase
from detente.geo import Gazetteer
from detente.coding.placement import PlaceFinder, Placement, document_countries, place_name
from detente.model import TimeExpr
from detente.nlp import span_text
from detente.temporal import find_time_expressions

__all__ = ["CARRY_CUES", "Placement", "WhenWhere", "place_name"]


# Words by which a sentence keeps the time of the one before ("This February 2016 ceasefire
# ... collapsed within days of signing"); without one, the publication date is used.
CARRY_CUES = re.compile(
    r"\b(then|later|afterwards?|subsequently|thereafter|meanwhile|same day|that day|that week|that month"
    r"|that year|at the time|within (?:days|hours|weeks)|days? later|hours? later|weeks? later"
    r"|the next day|the following (?:day|week|month)|by then|this|that|these|those"
    r"|respond\w*|in response|retaliat\w*|the incident)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class SentenceTimes:
    exprs: list[TimeExpr]  # offsets relative to the sentence text


@dataclass(slots=True)
class ParagraphState:
    carried: TimeExpr | None = None
    paragraph_start: int = -1


@dataclass(slots=True)
class WhenWhere:
    """Per-document time and place attachment (holds the document's own state only)."""

    published: date | None
    places: PlaceFinder
    state: ParagraphState = field(default_factory=ParagraphState)
    _cache: dict[int, SentenceTimes] = field(default_factory=dict)

    @classmethod
    def for_document(cls, published: date | None, docs: list[Doc], kb: KnowledgeBase, gazetteer: Gazetteer,
                     focus: str | None, theatre: str | None) -> WhenWhere:
        countries = document_countries(docs, kb, gazetteer, first=(focus, theatre))
        return cls(published, PlaceFinder(gazetteer, kb, focus, theatre, countries))

    def sentence_times(self, sent: Span, paragraph_start: int) -> SentenceTimes:
        key = paragraph_start + sent.start_char  # chunks restart their offsets at 0
        if key not in self._cache:
            if paragraph_start != self.state.paragraph_start:
                self.state = ParagraphState(None, paragraph_start)
            exprs = [e for e in find_time_expressions(span_text(sent), self.published) if e.value is not None]
            self._cache[key] = SentenceTimes(exprs)
            explicit = [e for e in exprs if e.precision in ("day", "month", "year", "week", "season")]
            if explicit:
                self.state.carried = explicit[-1]
        return self._cache[key]

    def event_time(self, trigger: Token, sent: Span, paragraph_start: int) -> tuple[date | None, str, str | None]:
        times = self.sentence_times(sent, paragraph_start)
        if times.exprs:
            clause = {t.i for t in trigger.subtree} if trigger.pos_ in ("VERB", "AUX") else {
                t.i for t in trigger.head.subtree}
            best = None
            for e in times.exprs:
                tok = sent.char_span(e.start, e.end, alignment_mode="expand") if e.start is not None else None
                if tok is not None and any(t.i in clause for t in tok):
                    best = e
                    break
            best = best or times.exprs[0]
            return best.value, best.precision, best.text
        carried = self.state.carried
        if carried is not None and self.state.paragraph_start == paragraph_start and CARRY_CUES.search(span_text(sent)):
            return carried.value, carried.precision, carried.text
        if self.published is not None:
            return self.published, "publication", None
        return None, "unknown", None

    def event_place(self, trigger: Token, code: str, actor_tokens: set[int], events: set[int]) -> Placement:
        return self.places.event_place(trigger, code, actor_tokens, events)
