"""What a document tells the resolver before any single mention: its focus and theatre
countries, and the state that mentions build up as the coder reads it in order (actors
already mentioned, for pronouns and titles; quotations, which a speaker pronoun never
looks into; the last events, for "this ceasefire").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import Entry, KnowledgeBase, normalize
from detente.geo.words import GEO_WORDS
from detente.model import Actor, Event, Place
from detente.nlp import doc_ents, span_text

PRONOUN_REACH = 400  # characters
# "she said" in a story of quotes: the last woman quoted may be paragraphs back, across the
# quotations the pronoun skips, so a person pronoun reaches further than a group's "it"
PERSON_PRONOUN_REACH = 1200
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC", "FAC"})
STATES_REACH = 1500  # "the two countries": the states of the last paragraph or so
# how an actor is a state named as such: by name, capital, or a reference back to one
STATE_NAMINGS = frozenset({"kb:country", "metonym:capital", "coref:state-epithet", "coref:pronoun"})


@dataclass(slots=True)
class DocContext:
    """Per-document resolution state (coreference memory); created per document."""

    focus_country: str | None = None
    publication_country: str | None = None  # home of the outlet that published the document
    theatre_country: str | None = None  # where the document's places are: home of "the rebels"
    event_date: date | None = None
    persons: dict[str, tuple[Entry | None, Actor]] = field(default_factory=dict)  # surname -> actor
    titles: dict[str, Actor] = field(default_factory=dict)  # "envoy" -> the UN envoy met earlier
    last_set: list[Actor] = field(default_factory=list)  # the last pair of coordinated actors
    cache: dict[tuple[int, date | None], tuple[list[Token], Actor]] = field(default_factory=dict)
    offset: int = 0  # character offset of the chunk being resolved, in the document
    # position -> (actor, is person, is plural)
    mentions: dict[int, tuple[Actor, bool, bool]] = field(default_factory=dict)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quoted stretches (document offsets)
    # the last asserted events of each 3-digit code, for "this ceasefire" later on
    events: dict[str, list[Event]] = field(default_factory=dict)

    located: set[int] = field(default_factory=set)  # positions of names used as places ("inside Syria")
    # position -> (start of its sentence, is the subject of its clause): for a pronoun's antecedent
    roles: dict[int, tuple[int, bool]] = field(default_factory=dict)
    # positions of singular common nouns ("an Iraqi-based scholar"), which no "they" refers to
    singular_nouns: set[int] = field(default_factory=set)

    def remember(self, pos: int, actor: Actor, is_person: bool, plural: bool = False,
                 located: bool = False, sentence: int | None = None, subject: bool = False,
                 singular_noun: bool = False) -> None:
        self.mentions[pos] = (actor, is_person, plural)
        if located:
            self.located.add(pos)
        if sentence is not None:
            self.roles[pos] = (sentence, subject)
        if singular_noun:
            self.singular_nouns.add(pos)

    def last_of_sector(self, pos: int, sector: str) -> Actor | None:
        """The last actor of a country with this sector (MIL, GOV, COP ...) named before ``pos``,
        within ``STATES_REACH`` characters: "Israeli troops ... the army"."""
        best = None
        for p, (actor, is_person, _) in self.mentions.items():
            if p < pos and pos - p <= STATES_REACH and not is_person and actor.country \
                    and actor.sector == sector and (best is None or p > best[0]):
                best = (p, actor)
        return best[1] if best else None

    def last_states(self, pos: int, not_in: Iterable[tuple[int, int]] = (), by_name: bool = False) -> list[Actor]:
        """The last two different states named before ``pos`` as actors (by a name or a capital;
        not a person, an armed group or a place: "inside Syria"), most recent first, within
        ``STATES_REACH`` characters; none named within a span of ``not_in``. With ``by_name``,
        states named by their name, capital or an earlier reference only ("the US drone" names
        none), as actors or as places."""
        out: list[Actor] = []
        spans = list(not_in)
        for p in sorted((p for p in self.mentions if p < pos and pos - p <= STATES_REACH), reverse=True):
            actor, is_person, _ = self.mentions[p]
            if is_person or (p in self.located and not by_name) or not actor.country \
                    or actor.sector not in (None, "GOV") or any(a <= p < b for a, b in spans) \
                    or (by_name and actor.how not in STATE_NAMINGS):
                continue
            if all(a.country != actor.country for a in out):
                out.append(actor)
                if len(out) == 2:
                    break
        return out

    def add_quotes(self, text: str, offset: int) -> None:
        """Record the quoted stretches of a chunk of text (see `quote_spans`)."""
        self.quotes.extend((offset + a, offset + b) for a, b in quote_spans(text))

    def quoted(self, pos: int) -> tuple[int, int] | None:
        return next((q for q in self.quotes if q[0] <= pos < q[1]), None)

    def named_before(self, pos: int, surname: str) -> Actor | None:
        """An unknown person named in full before ``pos`` whose last name is ``surname``
        ("Bassam Abu Abdullah, an adviser ... Abdullah claimed"): a bare surname is that person,
        not a namesake of the knowledge base."""
        for p in sorted(self.mentions, reverse=True):
            actor, is_person, _ = self.mentions[p]
            name = normalize(actor.name or "").split()
            if p < pos and is_person and not actor.resolved and len(name) > 1 and name[-1] == surname:
                return actor
        return None

    def antecedent(self, pos: int, person: bool, gender: str | None = None,
                   kb: KnowledgeBase | None = None, singular: bool = False,
                   not_in: tuple[int, int] | None = None, sentence: int | None = None,
                   plural: bool = False) -> Actor | None:
        """The closest resolved actor before `pos` of the right kind (person or group);
        a person whose knowledge-base gender contradicts the pronoun is skipped, and so is
        one mentioned within `not_in` (the pronoun's own clause subject). When that actor is
        in an earlier sentence than the pronoun's (which starts at `sentence`) and is not a
        subject there, a subject of that sentence that fits comes first: "Macron met Trump
        at the White House. He criticised the tariffs" is Macron (the centre of a sentence
        is its subject, and the next sentence's pronoun continues it). A `plural` pronoun
        ("they") never refers to a singular common noun ("a scholar")."""
        fits = [f for f in self._fitting(pos, person, gender, kb, singular, not_in)
                if not (plural and f[0] in self.singular_nouns)]
        if not fits:
            return None
        best = max(fits)
        role = self.roles.get(best[0])
        if sentence is not None and role is not None and role[0] < sentence and not role[1]:
            subjects = [f for f in fits if self.roles.get(f[0]) == (role[0], True)]
            if subjects:
                best = max(subjects)
        return best[1]

    def _fitting(self, pos: int, person: bool, gender: str | None, kb: KnowledgeBase | None,
                 singular: bool, not_in: tuple[int, int] | None) -> list[tuple[int, Actor]]:
        """The actors before `pos` a pronoun may refer to (``antecedent``), by position."""
        out = []
        here = self.quoted(pos)
        for p, (actor, is_person, plural) in self.mentions.items():
            if not_in is not None and not_in[0] <= p < not_in[1]:
                continue
            # only within the last couple of sentences: further back, a pronoun is a guess
            reach = PERSON_PRONOUN_REACH if person else PRONOUN_REACH
            if p < pos and pos - p <= reach and is_person == person:
                if singular and plural:
                    continue  # "it" is never "the Kurds"
                if here is None and self.quoted(p) is not None:
                    continue  # "'... the government is using chemical weapons,' it said": not the speaker
                entry = kb.entries.get(actor.kb_id) if gender and kb is not None and actor.kb_id else None
                if entry is not None and entry.gender and entry.gender != gender:
                    continue
                out.append((p, actor))
        return out


OPEN_QUOTES = "\u201c"
CLOSE_QUOTES = "\u201d"
_QUOTE_MARKS = re.compile(f'[{OPEN_QUOTES}{CLOSE_QUOTES}"]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of text inside double quotation marks (curly pairs, or straight quotes
    toggling); a quote left open runs to the end of the text."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in _QUOTE_MARKS.finditer(text):  # only the quotation marks, not every character
        i, ch = m.start(), m.group()
        if ch in OPEN_QUOTES or (ch == '"' and start is None):
            if start is None:
                start = i
        elif (ch in CLOSE_QUOTES or ch == '"') and start is not None:
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _clear_leader(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 1.25 * ranked[1][1]):
        return None
    return ranked[0][0]


def located(tok: Token) -> bool:
    """A name in a locative phrase ("in Syria", "across Syria"; not "talks over Idlib")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in GEO_WORDS.locative_preps \
        and tok.head.lower_ not in GEO_WORDS.topic_preps


def named_places(docs: Iterable[Doc], kb: KnowledgeBase) -> Iterator[tuple[Span, Entry | None]]:
    """The place-like entities of a document (GPE, NORP, LOC, FAC) with the country, nationality
    or capital the knowledge base knows them as (None when it knows none)."""
    for doc in docs:
        for ent in doc_ents(doc):
            if ent.label_ in PLACE_LABELS:
                hit = next((e for e in kb.lookup(span_text(ent)) if e.kind in ("country", "adjective", "capital")), None)
                yield ent, (hit if hit is not None and hit.country else None)
            elif ent.label_ == "PERSON":  # "Ugandan" the tagger took for a person ("Jordan" may be one)
                hit = next((e for e in kb.lookup(span_text(ent)) if e.kind == "adjective"), None)
                if hit is not None and hit.country:
                    yield ent, hit


def focus_country(docs: list[Doc], kb: KnowledgeBase, gazetteer=None,
                  filed: tuple[int, Place] | None = None) -> tuple[str | None, str | None]:
    """(focus, theatre): the country a document is about, and the country its places are in.

    Focus counts country names and adjectives (1), capitals (0.5: usually metonyms
    for a government) and other places (2). Theatre counts places that are not
    capitals (Aleppo, Idlib, Eastern Ghouta) and country names in locative phrases
    ("troops in Syria"). Each is returned only when clear (25%
    ahead of the runner-up): generic groups ("rebels", "the regime") are resolved
    against them, and wrong is worse than unknown. ``filed``: where the document's dateline
    ends and the place it names ("PESHAWAR:"), counted as a place.
    """
    focus: Counter[str] = Counter()
    theatre: Counter[str] = Counter()
    names: Counter[str] = Counter()
    if filed is not None:  # the dateline ("PESHAWAR:"), a place like the others
        focus[filed[1].country] += 2.0
        theatre[filed[1].country] += 1.0
    for ent, hit in named_places(docs, kb):
        if filed is not None and ent.doc is docs[0] and ent.start_char < filed[0]:
            continue  # the dateline, counted once
        if hit is not None and hit.country:
            focus[hit.country] += 0.5 if hit.kind == "capital" else 1.0
            if hit.kind != "capital":
                names[hit.country] += 1
            if hit.kind == "country" and located(ent.root):
                theatre[hit.country] += 1.0  # "troops in Syria": a country as the scene
        elif gazetteer is not None:
            place = gazetteer.lookup(span_text(ent))
            if place is not None and place.country and place.feature != "country":
                focus[place.country] += 2.0
                theatre[place.country] += 1.0
    # a theatre must also be a country the text talks about, not only a venue (Geneva, Vienna)
    named = max(names.values(), default=0)
    theatre = Counter({c: n for c, n in theatre.items() if names.get(c, 0) >= 0.5 * named})
    return _clear_leader(focus), _clear_leader(theatre)
