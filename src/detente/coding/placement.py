"""Where an event happened, from its own clause.

The place of an event comes from the words that say where *that* event happened, never
from a place the event is about or a place an actor is named after:

* ``locative``: a locative phrase ("in", "near", "at", "outside" ... the coder's
  ``locative_preps``) on the trigger or its clause: "clashed near Manbij", "talks in
  Sochi ended", "20km north of Aleppo". "over" says what talks are about ("talks over
  Idlib"), so it places only attacks and movements ("flew over Syria").
* ``place-object``: the place an attack or a movement acts on (``place_object_verbs``):
  "bombed rebel-held eastern Aleppo", "entered Afrin", "pushed into Afrin", "the
  offensive against Afrin", "the siege of Aleppo"; the passive subject of those verbs
  ("Aleppo was bombed") and the subject of "fall" ("Raqqa fell").
* ``object-locative``: for material events (``material_roots``), where what was acted on
  was ("shelled hospitals in Idlib"); for meetings (``meeting_roots``), where the people met
  or the round held were ("met both delegations in Geneva"; but "discussed developments in
  Syria" is not in Syria).
* ``venue``: a statement's or meeting's place, only when the text gives it ("said in
  Geneva", "told a news conference in Ankara", "speaking in Sochi, he said").
* ``sentence-locative`` (precision "sentence"): a locative phrase on a clause that governs
  the event's ("In Idlib, jets kept up their bombing"), never across reported speech; for
  a material event (``material_roots``), else the locative of its sentence nearest to it,
  on the same side of any quotation and not on an actor ("the regime in Tehran").
* ``jurisdiction`` (precision "document"): an arrest, detention or deportation by a state's
  own agent (``state_coercion_codes``, ``custodian_sectors``) with no place in its sentence is
  made where that state rules: "fighters held by Iraqi Kurdish forces" are held in Iraq;
* ``previous-venue`` (precision "document"): a person's statement with no place in its
  sentence is made where the document last had that person speak ("Erdoğan was speaking at
  Chatham House in London. ... He said: ..." is in London);
* ``previous-visit`` (precision "document"): what a person does with no place in its sentence,
  right after a sentence that has that person come to a place (``visit_words``: "Lavrov arrived
  in Ankara on Monday. He praised his hosts"), is there;
* ``previous-sentence`` (precision "document"): for a material event, the place of a material
  event of the sentence right before, placed from its own sentence ("Fighters retook Baghuz
  on Saturday. Militants kept surrendering to them");
* otherwise the country where the document's places are (``document-theatre``: the
  country of its locative phrases, when one leads clearly, else the coder's theatre), else
  the country it is about (``document-focus``: its clear focus, else the country it names
  most): precision "document".

The event's clause is the trigger, the verb that carries an event noun ("carried out
strikes", "talks ... ended"), coordinated verbs that share its subject ("bombed and
shelled"), and a participle hanging on it ("bombed ..., killing dozens").

What a place slot names: the name itself, with its modifiers stripped ("rebel-held
eastern Aleppo" -> Aleppo); the name behind a place noun ("the town of Douma", "Idlib
province", "the outskirts of Damascus"); a building that stands for its government is
placed in that country's capital ("at the White House" -> Washington, how "+metonym").
A nationality word, an organisation or a person is never a place. Names the parser does
not tag as places must be a place of one of the document's countries, or famous
(``Gazetteer.lookup(strict=True)``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import KnowledgeBase, normalize
from detente.actors.document import located, named_places
from detente.actors.mentions import entity_bounds, is_backer
from detente.coding.place_slots import (LOCATIVE_PREPS, PLACE_ENTS, acted_objects, authority,
                                        event_heads, first_object, in_other_clause, just_before, locatives,
                                        place_name, place_objects, venue_locatives, visit_places, visitor)
from detente.coding.quotes import quote_of
from detente.coding.wordlists import WORDS
from detente.geo.gazetteer import Gazetteer
from detente.geo.words import GEO_WORDS
from detente.model import Actor, Place
from detente.nlp import lemma_forms, sent_ents

NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT",
                            "LAW", "WORK_OF_ART", "LANGUAGE"})
ACTOR_KINDS = frozenset({"person", "org", "group", "adjective"})
# clause links a governing clause's place does not cross: reported speech, relative clauses,
# complements ("In Sochi, Russia agreed to withdraw": the withdrawal is not in Sochi)
OWN_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "relcl", "acl", "csubj", "xcomp"})


@dataclass(slots=True)
class Placement:
    place: Place | None
    precision: str  # clause, sentence, document, none
    how: str  # detente.model.LocationHow


@dataclass(frozen=True, slots=True)
class DocumentPlaces:
    """What a document says about where: the countries it names or places in, most mentioned
    first, and the country of its locative phrases ("in Raqqa", "near Idlib") when one leads
    clearly: where the document's events happen."""

    countries: tuple[str, ...] = ()
    scene: str | None = None


def document_places(docs: Iterable[Doc], kb: KnowledgeBase, gazetteer: Gazetteer,
                    first: Iterable[str | None] = ()) -> DocumentPlaces:
    """``DocumentPlaces`` of a parsed document; ``first`` (its focus and theatre) lead the
    countries."""
    counts: Counter[str] = Counter()
    scene: Counter[str] = Counter()
    for ent, hit in named_places(docs, kb):
        country = None
        if hit is not None:
            country = hit.country
        elif ent.label_ != "NORP":
            place = gazetteer.lookup(ent.text, strict=True)
            country = place.country if place is not None else None
        if country is None:
            continue
        counts[country] += 1
        if ent.label_ != "NORP" and located(ent.root):
            scene[country] += 1
    lead = [c for c in dict.fromkeys(first) if c]
    ranked = scene.most_common(2)
    clear = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= 1.25 * ranked[1][1]) else None
    return DocumentPlaces((*lead, *(c for c, _ in counts.most_common() if c not in lead)), clear)


@dataclass
class PlaceFinder:
    """Per-document place attachment (holds only this document's context)."""

    gazetteer: Gazetteer
    kb: KnowledgeBase
    focus_country: str | None
    theatre_country: str | None = None
    document: DocumentPlaces = field(default_factory=DocumentPlaces)
    _context: tuple[str, ...] = field(init=False, default=())
    # the place of the last material event placed from its own sentence: (Doc id, sentence start, place)
    _recent: tuple[int, int, Place] | None = field(init=False, default=None)
    # the last visit a sentence reported: (Doc id, sentence start, the visitor's KB ids, place)
    _visit: tuple[int, int, frozenset[str], Place] | None = field(init=False, default=None)
    # where each person (KB id) was last said to speak: "Erdoğan was speaking at Chatham House in London"
    _venues: dict[str, Place] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._context = tuple(c for c in self.document.countries if c != self.focus_country)

    # ---- the event's place ------------------------------------------------------------
    def event_place(self, trigger: Token, code: str, actor_tokens: set[int] = frozenset(),  # type: ignore[assignment]
                    events: set[int] = frozenset(), heads: list[Token] | None = None,  # type: ignore[assignment]
                    pattern_object: Token | None = None, sources: tuple[Actor, ...] = ()) -> Placement:
        """``events``: token indices of the sentence's event triggers (an event noun that is
        the subject of the trigger shares its place: "the offensive on Afrin killed ...");
        ``heads``: ``event_heads`` of the trigger, when already known; ``pattern_object``: the
        object that is part of the trigger ("control" in "took control of Deraa"); ``sources``:
        the actors who carry the event out."""
        statement = code[:2] in GEO_WORDS.statement_roots
        material = code[:2] in GEO_WORDS.material_roots
        meeting = code[:2] in GEO_WORDS.meeting_roots
        # an attack noun reaches its place as the attack verbs do, also through the verb that
        # carries it ("launched an offensive on Afrin"); ``attack``: event nouns of the clause
        # do too ("the offensive against Afrin killed ...")
        attack = code[:2] in GEO_WORDS.attack_roots
        moving = trigger.lemma_.lower() in GEO_WORDS.place_object_verbs or (
            attack and trigger.pos_ in ("NOUN", "PROPN"))
        for head in heads if heads is not None else event_heads(trigger, events):
            found = self._at(head, statement, material, moving or (attack and head.pos_ in ("NOUN", "PROPN")),
                             meeting)
            if found is not None:
                place, how = found
                if statement and how.startswith("venue") and place.feature not in ("country", "admin1"):
                    # a town or a building, not a region the parser may have hung on the verb
                    self._venues.update((a.kb_id, place) for a in sources if self._person(a))
                return self._seen(Placement(place, "clause", how), trigger, material)
        if pattern_object is not None and not statement and not moving:
            # "signed a memorandum in Astana", "reached a deal in Doha": where the act's own
            # object was made is where the act was
            for slot in locatives(pattern_object, topical=True):
                found = self.place_of(slot)
                if found is not None:
                    return self._seen(Placement(found[0], "clause", "object-locative" + found[1]), trigger, material)
        if (moving or attack) and pattern_object is not None and not statement:
            # "took control of Deraa", "lifted the siege of Aleppo": what the object is of
            for slot in (obj for c in pattern_object.children if c.dep_ == "prep"
                         and c.lower_ in GEO_WORDS.place_object_preps for obj in [first_object(c)] if obj is not None):
                found = self.place_of(slot)
                if found is not None:
                    return self._seen(Placement(found[0], "clause", "place-object" + found[1]), trigger, material)
        found = self._governing_locative(trigger, actor_tokens)
        if found is None and material:
            found = self._scene(trigger)
        if found is not None:
            return self._seen(Placement(found[0], "sentence", "sentence-locative" + found[1]), trigger, material)
        state = authority(sources)
        if state and code[:3] in WORDS.state_coercion_codes:
            place = self.gazetteer.country(state)
            if place is not None:
                return Placement(place, "document", "jurisdiction")
        venue = next((self._venues[a.kb_id] for a in sources if a.kb_id in self._venues), None)
        if statement and venue is not None:
            return Placement(venue, "document", "previous-venue")
        visit = self._visit
        if visit is not None and just_before(trigger, visit[:2]) and any(a.kb_id in visit[2] for a in sources):
            return Placement(visit[3], "document", "previous-visit")
        recent = self._recent
        if material and recent is not None and just_before(trigger, recent[:2]):
            # "Fighters retook Baghuz on Saturday. Militants continued to surrender": the
            # fighting of the sentence before goes on where it was
            return Placement(recent[2], "document", "previous-sentence")
        countries = self.document.countries
        fallbacks = ((self.document.scene, "document-theatre"), (self.theatre_country, "document-theatre"),
                     (self.focus_country, "document-focus"), (countries[0] if countries else None, "document-focus"))
        for country, how in fallbacks:
            if country:
                place = self.gazetteer.country(country)
                if place is not None:
                    return Placement(place, "document", how)
        return Placement(None, "none", "none")

    def see_visits(self, sent: Span) -> None:
        """Remember the visit a sentence reports, if any: who came where ("Lavrov arrived in
        Ankara", "Lavrov's first stop, a visit to Egypt")."""
        lemmas = lemma_forms(sent.doc)
        for i in range(sent.start, sent.end):
            if lemmas[i] not in GEO_WORDS.visit_words:
                continue
            tok = sent.doc[i]
            who = visitor(tok)
            people = self._people(who) if who is not None else frozenset()
            found = next((f for slot in visit_places(tok) if (f := self.place_of(slot)) is not None), None) \
                if people else None
            if found is not None:
                self._visit = (id(sent.doc), sent.start_char, people, found[0])

    def _people(self, tok: Token) -> frozenset[str]:
        """The knowledge base's people a name may be ("Lavrov", "Sergey Lavrov")."""
        bounds = entity_bounds(tok)
        name = tok.doc[bounds[0]:bounds[1]].text if bounds is not None else tok.text
        hits = [*self.kb.lookup(name), *self.kb.surnames.get(normalize(name.split()[-1]), ())]
        return frozenset(e.id for e in hits if e.kind == "person")

    def _person(self, actor: Actor) -> bool:
        entry = self.kb.entries.get(actor.kb_id) if actor.kb_id else None
        return entry is not None and entry.kind == "person"

    def _seen(self, placement: Placement, trigger: Token, material: bool) -> Placement:
        if material and placement.place is not None:
            self._recent = (id(trigger.doc), trigger.sent.start_char, placement.place)
        return placement

    def _at(self, head: Token, statement: bool, material: bool, moving: bool,
            meeting: bool = False) -> tuple[Place, str] | None:
        """The place one head of the event's clause gives, with how it was found. ``moving``:
        the trigger is an attack or a movement, so the place objects of the verb that carries
        it count too ("carried out strikes on Idlib"). ``meeting``: a meeting takes the place
        of the people it meets or of the round it holds ("met both delegations in Geneva",
        "will host a second round in Sochi")."""
        moves = not statement and (moving or head.lemma_.lower() in GEO_WORDS.place_object_verbs)
        if not statement:
            for slot in place_objects(head, moves):
                found = self.place_of(slot)
                if found is not None:
                    return found[0], "place-object" + found[1]
        for slot in locatives(head, topical=not moves):
            found = self.place_of(slot) or self._place_around(slot)
            if found is not None:
                return found[0], ("venue" if statement else "locative") + found[1]
        for slot in venue_locatives(head):
            found = self.place_of(slot)
            if found is not None and (slot.dep_ != "compound" or found[0].feature == "city"):
                return found[0], "venue" + found[1]
        if head.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in head.children):
            found = self.place_of(head.head)  # "Damascus, where the regime conducted its attack"
            if found is not None:
                return found[0], "locative" + found[1]
        if (material or meeting) and head.pos_ in ("VERB", "AUX"):
            for obj in acted_objects(head):
                if meeting and not (self._actor_noun(obj) or obj.lemma_.lower() in GEO_WORDS.venue_nouns):
                    continue  # "discussed developments in Syria" is not in Syria
                for slot in locatives(obj, topical=True):
                    found = self.place_of(slot) or self._place_around(slot)  # "a man near the embassy in Kiev"
                    if found is not None:
                        return found[0], "object-locative" + found[1]
        return None

    def _governing_locative(self, trigger: Token, actors: set[int]) -> tuple[Place, str] | None:
        """A locative on a clause that governs the trigger's (not across reported speech)."""
        tok = trigger
        for _ in range(6):
            if tok.dep_ in OWN_CLAUSE_DEPS or tok.head.i == tok.i:  # (a new Token per access: never `is`)
                return None
            tok = tok.head
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            for slot in locatives(tok, topical=True):
                found = self.place_of(slot)
                if found is not None:
                    return found
        return None

    def _scene(self, trigger: Token) -> tuple[Place, str] | None:
        """For a material event: the locative phrase of its sentence nearest to it, on the
        same side of any quotation ("Violence continues in other parts of Syria, with
        militants killing 80 people"), never one on an actor ("the regime in Tehran")."""
        here = quote_of(trigger)
        best: tuple[int, tuple[Place, str]] | None = None
        for prep in trigger.sent:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS or prep.lower_ in GEO_WORDS.topic_preps:
                continue
            if quote_of(prep) != here or self._actor_noun(prep.head) or in_other_clause(prep, trigger) \
                    or in_other_clause(trigger, prep):  # "parties involved in the war are meeting in Sochi"
                continue
            obj = first_object(prep)
            if obj is None or (best is not None and abs(obj.i - trigger.i) >= best[0]):
                continue
            found = self.place_of(obj)
            if found is not None:
                best = (abs(obj.i - trigger.i), found)
        return best[1] if best is not None else None

    # ---- what a place slot names ------------------------------------------------------
    def place_of(self, tok: Token, depth: int = 0, within: str | None = None) -> tuple[Place, str] | None:
        """The place a token in a place slot names, and "+metonym" when a building stood
        for its capital; None when it names no place (an actor, a date, a common noun).
        ``within``: the country the text puts it in ("the Minnesota city of Tower")."""
        if depth > 2 or tok.ent_type_ in NOT_PLACE_ENTS:
            return None
        if tok.lower_ in WORDS.relative_pronouns and tok.head.dep_ == "relcl":
            return self.place_of(tok.head.head, depth + 1)  # "the district, which was liberated"
        if tok.lower_ == "country" and any(c.lower_ == "the" for c in tok.children):
            country = self._country_before(tok)  # "troops in Syria ... in the north of the country"
            place = self.gazetteer.country(country) if country else None
            return (place, "") if place is not None else None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in GEO_WORDS.place_nouns:
            return self._behind_place_noun(tok, depth)
        if tok.pos_ != "PROPN":
            return None
        name = place_name(tok)
        entries = self.kb.lookup(name)
        kinds = {e.kind for e in entries}
        country = next((e.country for e in entries if e.kind == "metonym" and e.country), None)
        if country is not None:
            capital = self.gazetteer.capital(country)
            return (capital, "+metonym") if capital is not None else None
        if kinds & (ACTOR_KINDS | {"metonym"}) and not kinds & {"country", "capital"} \
                and not (kinds == {"metonym"} and tok.ent_type_ in PLACE_ENTS):
            return None  # a nationality word, an organisation, a group, a person (not "in Brussels")
        strict = tok.ent_type_ not in PLACE_ENTS
        place = self.gazetteer.lookup(name, focus_country=within or self.focus_country,
                                      context_countries=(self.focus_country, *self._context) if within else self._context,
                                      strict=strict)
        return (place, "") if place is not None else None

    def _place_around(self, tok: Token) -> tuple[Place, str] | None:
        """The place a locative's object that is no place is in: "at the thinktank Chatham
        House in London", "at a hotel outside Sochi"; never through an actor ("in talks with the
        regime in Tehran")."""
        if self._actor_noun(tok) and tok.ent_type_ != "ORG" and tok.lemma_.lower() not in WORDS.facility_nouns:
            return None  # (an embassy is a building: "near the Russian embassy in Kiev" is in Kiev)
        return next((f for slot in locatives(tok, topical=True) if (f := self.place_of(slot)) is not None), None)

    def _actor_noun(self, tok: Token) -> bool:
        """A person, an organisation, a nationality or a role noun ("the regime in Tehran")."""
        return tok.ent_type_ in ("PERSON", "ORG", "NORP") or (
            tok.pos_ == "NOUN" and tok.lemma_.lower() in self.kb.sector_nouns)

    def _country_before(self, tok: Token) -> str | None:
        """The last country named before ``tok`` in its sentence ("in Syria ... in the north of the country")."""
        for ent in reversed([e for e in sent_ents(tok.sent) if e.end <= tok.i and e.label_ == "GPE"
                             and not is_backer(e.root)]):  # "the US-backed SDF ... the country": no US
            hit = next((e for e in self.kb.lookup(ent.text) if e.kind == "country"), None)
            if hit is not None and hit.country:
                return hit.country
        return None

    def _named_within(self, name: Token, noun: Token, depth: int) -> tuple[Place, str] | None:
        """The place ``name`` names, as a ``noun`` ("town", "city") whose modifier may say the
        country or state it is in ("the Syrian town, Douma", "the Minnesota city of Tower"). A
        homonym abroad contradicts the text: the modifier's own place is taken instead."""
        within = self._modifier_place(noun)
        found = self.place_of(name, depth + 1, within.country if within is not None else None)
        if within is not None and found is not None and found[0].country != within.country:
            return within, ""
        return found

    def _modifier_place(self, noun: Token) -> Place | None:
        """The country or state a place noun's modifier names: a nationality ("the Syrian
        town"), a country or a state ("the Minnesota city")."""
        for c in noun.lefts:
            if c.dep_ == "amod" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
                country = next((e.country for e in self.kb.lookup(c.text) if e.kind in ("adjective", "country")
                                and e.country), None)
                place = self.gazetteer.country(country) if country else \
                    self.gazetteer.lookup(place_name(c), strict=True) if c.dep_ == "compound" else None
                if place is not None and place.country and place.feature in ("country", "admin1"):
                    return place
        return None

    def _behind_place_noun(self, tok: Token, depth: int) -> tuple[Place, str] | None:
        """ "the town of Douma", "the Syrian town, Douma", "Idlib province", "the outskirts of
        Damascus", "the north of the country", "villages in southern Idlib", "the Afghan capital"."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", *LOCATIVE_PREPS) and (obj := first_object(c)) is not None:
                # "the town of Douma", "villages near Idlib"; "the Minnesota city of Tower" is in the US
                found = self._named_within(obj, tok, depth) if c.lower_ == "of" else self.place_of(obj, depth + 1)
                if found is not None:
                    return found
            elif c.dep_ == "appos":
                found = self._named_within(c, tok, depth)  # "the Syrian town, Douma"
                if found is not None:
                    return found
        if tok.lemma_.lower() == "capital":  # "the Afghan capital" is Kabul
            country = next((e.country for c in tok.lefts if c.dep_ == "amod"
                            for e in self.kb.lookup(c.text) if e.kind == "adjective" and e.country), None)
            place = self.gazetteer.capital(country) if country else None
            if place is not None:
                return place, ""
        named = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named:  # "Idlib province" is the province, "the Albu Kamal border city" the town
            name = f"{place_name(named[-1])} {tok.text}"
            place = self.gazetteer.lookup(name, focus_country=self.focus_country, context_countries=self._context,
                                          strict=True)
            if place is not None:
                return place, ""
            found = self.place_of(named[-1], depth + 1)
            if found is None and named[-1].ent_type_ in NOT_PLACE_ENTS:  # "Manchester airport" tagged a DATE
                place = self.gazetteer.lookup(place_name(named[-1]), focus_country=self.focus_country,
                                              context_countries=self._context, strict=True)
                found = (place, "") if place is not None else None
            return found
        return None
