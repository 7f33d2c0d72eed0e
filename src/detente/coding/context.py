"""When and where: attach a date and a place to an event from its sentence.

Time: a time expression inside the trigger's clause wins, then one elsewhere in
the sentence, then the last explicit date of the paragraph when the sentence points
back to it ("within days", "then", "later", "the same day", "that ceasefire"), then
the publication date (precision 'publication').
Place: a place governed by a locative preposition in the trigger's clause
("bombed ... in Aleppo", "talks in Geneva") -> precision 'clause'; else a place
named in the sentence -> 'sentence'; else the document's focus country ->
'document'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from detente.actors.resolver import entity_bounds
from detente.geo import Gazetteer
from detente.model import Place, TimeExpr
from detente.coding.wordlists import WORDS
from detente.nlp import span_text
from detente.temporal import find_time_expressions

LOCATIVE_PREPS = WORDS.locative_preps
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG"})


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
class Placement:
    place: Place | None
    precision: str


@dataclass(slots=True)
class WhenWhere:
    """Per-document time and place attachment (holds the document's own state only)."""

    published: date | None
    gazetteer: Gazetteer
    focus_country: str | None
    state: ParagraphState = field(default_factory=ParagraphState)
    _cache: dict[int, SentenceTimes] = field(default_factory=dict)

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

    def event_place(self, trigger: Token, sent: Span, actor_tokens: set[int]) -> Placement:
        clause = {t.i for t in (trigger.subtree if trigger.pos_ in ("VERB", "AUX") else trigger.head.subtree)}
        sentence_place: Place | None = None
        for tok in sent:
            if tok.i in actor_tokens or tok.pos_ != "PROPN":
                continue
            if tok.dep_ in ("compound",) and tok.head.pos_ == "PROPN":
                continue  # use the entity head
            name = place_name(tok)
            prep = tok.head if tok.dep_ == "pobj" else None
            locative = prep is not None and prep.lower_ in LOCATIVE_PREPS
            if not locative and tok.ent_type_ not in PLACE_ENTS:
                continue
            place = self.gazetteer.lookup(name, focus_country=self.focus_country)
            if place is None:
                continue
            if locative and tok.i in clause:
                return Placement(place, "clause")
            if sentence_place is None and (locative or tok.ent_type_ in ("GPE", "LOC", "FAC")):
                sentence_place = place
        if sentence_place is not None:
            return Placement(sentence_place, "sentence")
        if self.focus_country:
            place = self.gazetteer.country(self.focus_country)
            if place is not None:
                return Placement(place, "document")
        return Placement(None, "none")


def place_name(tok: Token) -> str:
    bounds = entity_bounds(tok)
    if bounds is not None:
        ent = tok.doc[bounds[0]:bounds[1]]
        toks = [t for t in ent if t.dep_ != "det"]
        return " ".join(t.text for t in toks) if toks else ent.text
    parts = [c.text for c in tok.lefts if c.dep_ == "compound"] + [tok.text]
    return " ".join(parts)
