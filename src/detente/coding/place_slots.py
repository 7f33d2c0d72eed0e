"""Which words of a parse are place slots: the locative phrases, venues and place objects
of an event's clause, the words that share its place (``event_heads``), who visits where, and
the name a place slot stands in. ``placement.PlaceFinder`` decides what they name."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from detente.actors.mentions import entity_bounds
from detente.coding.wordlists import WORDS
from detente.geo.words import GEO_WORDS
from detente.model import Actor
from detente.nlp import children, has_child

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE_PREPS = GEO_WORDS.locative_preps
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
VENUE_PREPS = LOCATIVE_PREPS | GEO_WORDS.venue_preps


def authority(sources: tuple[Actor, ...]) -> str | None:
    """The country of the state whose own agent the text names as the source ("Iraqi police",
    "the Turkish government", "Turkey"); None for other actors and for inferred countries."""
    return next((a.country for a in sources if a.country and "inferred" not in (a.how or "")
                 and (a.sector in WORDS.custodian_sectors or a.code == a.country)), None)


def just_before(trigger: Token, seen: tuple[int, int]) -> bool:
    """``seen`` (Doc id, sentence start) is the sentence right before the trigger's."""
    return seen[0] == id(trigger.doc) and trigger.sent.start > 0 \
        and trigger.doc[trigger.sent.start - 1].sent.start_char == seen[1]


def visitor(visit: Token) -> Token | None:
    """Who comes: the subject of a visit verb, the possessor of a visit noun or of the noun it
    stands beside ("Lavrov's first stop, a visit to Egypt")."""
    if visit.pos_ in ("VERB", "AUX"):
        return next((c for c in visit.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    for noun in (visit, visit.head) if visit.dep_ == "appos" else (visit,):
        poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if poss is not None:
            return poss
    return None


def visit_places(visit: Token) -> Iterator[Token]:
    """Where a visit goes: "visited Cairo", "a visit to Egypt", "arrived in Ankara"."""
    for c in visit.children:
        if c.dep_ == "dobj" and visit.pos_ == "VERB":
            yield c
        elif c.dep_ == "prep" and (c.lower_ == "to" or c.lower_ in LOCATIVE_PREPS) and (obj := first_object(c)):
            yield obj


def event_heads(trigger: Token, events: set[int] = frozenset()) -> list[Token]:  # type: ignore[assignment]
    """The trigger and the words that share its place: the verb that carries an event noun
    (its subject, the object of a light verb, "attacked ... in its first assault"),
    coordinated verbs with the same subject, the verb a participle hangs on ("bombed ...,
    killing dozens") or a "by" gerund says how ("responded by bombing"), an event noun that
    is the trigger's subject ("the offensive on Afrin killed ..."), the clauses that say when
    it happened ("was killed when a mine exploded in Raqqa") and, for such a clause, the verb
    it times ("visited Cairo" in "climaxed in 2011 when he visited Cairo")."""
    heads = [trigger]
    head = trigger.head
    if trigger.pos_ in ("NOUN", "PROPN") and head is not trigger:
        if head.pos_ in ("VERB", "AUX") and (trigger.dep_ in SUBJECT_DEPS or (
                trigger.dep_ == "dobj" and head.lemma_.lower() in WORDS.object_verbs)):
            heads.append(head)
        elif trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
                and head.lower_ in ("in", "during", "with"):
            heads.append(head.head)
    if trigger.pos_ in ("VERB", "AUX"):
        if trigger.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and not _own_subject(trigger):
            heads.append(head)
        if trigger.dep_ == "pcomp" and head.lower_ == "by" and head.head.pos_ == "VERB":
            heads.append(head.head)  # "responded ... by bombing a convoy": one act
        if trigger.dep_ == "advcl" and (trigger.tag_ == "VBG" and not _own_subject(trigger) or _time_clause(trigger)):
            heads.append(head)
        for c in children(trigger, ("conj", *SUBJECT_DEPS)):
            if c.dep_ == "conj" and c.pos_ == "VERB" and not _own_subject(c):
                heads.append(c)
            elif c.dep_ in SUBJECT_DEPS and c.i in events:
                heads.append(c)
        if not (_own_subject(trigger) and not _is_passive_verb(trigger)):
            heads.extend(_time_clauses(trigger, 2))
        else:  # an actor's own act: only a "when" clause shares its scene ("as ministers met in
            # Brussels, Russia sent in aircraft" is two scenes)
            heads.extend(c for c in _time_clauses(trigger, 2) if _marker(c) == "when")
    return heads


def _is_passive_verb(verb: Token) -> bool:
    return has_child(verb, ("nsubjpass", "auxpass"))


def _marker(clause: Token) -> str | None:
    return next((g.lower_ for g in children(clause, ("mark", "advmod"))
                 if g.lower_ in GEO_WORDS.time_clause_markers), None)


def _time_clause(clause: Token) -> bool:
    """An adverbial clause that says when its governor happened ("when a mine exploded")."""
    return clause.dep_ == "advcl" and any(g.lower_ in GEO_WORDS.time_clause_markers
                                          for g in children(clause, ("mark", "advmod")))


def _time_clauses(verb: Token, depth: int) -> list[Token]:
    """Adverbial clauses that say when ``verb`` happened ("when a mine exploded ...")."""
    out: list[Token] = []
    for c in children(verb, ("advcl",)):
        if _time_clause(c):
            out.append(c)
            if depth > 1:
                out.extend(_time_clauses(c, depth - 1))
    return out


def acted_objects(verb: Token) -> Iterator[Token]:
    """What a verb acts on: its object, passive subject, and the object of "with"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            yield c
        elif c.dep_ == "prep" and c.lower_ == "with" and (obj := first_object(c)) is not None:
            yield obj


def in_other_clause(tok: Token, trigger: Token) -> bool:
    """``tok`` is inside a relative or participial clause on a noun, or an adverbial clause
    with a subject of its own, that does not contain the trigger ("Robinson, who served in
    Afghanistan", "fighters captured in Syria", "as ministers gathered in Brussels")."""
    for anc in tok.ancestors:
        if anc.dep_ in ("relcl", "acl") or (anc.dep_ == "advcl" and _own_subject(anc)):
            return trigger not in anc.subtree
    return False


def _own_subject(verb: Token) -> bool:
    return has_child(verb, SUBJECT_DEPS)


def first_object(prep: Token) -> Token | None:
    return next(iter(children(prep, ("pobj",))), None)


def locatives(head: Token, topical: bool) -> Iterator[Token]:
    """Objects of locative prepositions on ``head`` ("in Aleppo"), and of "of" after a
    direction ("north of Aleppo"). ``topical``: "over" says what it is about, not where."""
    for c in children(head, ("prep", "advmod", "npadvmod")):
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and not (topical and c.lower_ in GEO_WORDS.topic_preps):
            obj = first_object(c)
            if obj is not None:
                yield obj
        elif c.dep_ in ("advmod", "npadvmod", "prep") and c.lower_ in GEO_WORDS.direction_words:
            for p in children(c, ("prep",)):
                if p.lower_ == "of" and (obj := first_object(p)) is not None:
                    yield obj


def venue_locatives(head: Token) -> Iterator[Token]:
    """Places of a venue on ``head``: "at a news conference in Ankara", "told reporters in
    Moscow", "during a visit to Moscow", "at the Sochi summit" (a compound name, where only a
    city counts: "the Syria talks" are about Syria); and of a participle of speech on it
    ("Speaking in Sochi, he said")."""
    for c in children(head, ("prep", "dobj", "dative", "advcl")):
        venue = first_object(c) if c.dep_ == "prep" and c.lower_ in VENUE_PREPS else c if c.dep_ in (
            "dobj", "dative") else None
        if venue is not None:
            if venue.lemma_.lower() in GEO_WORDS.venue_nouns:
                yield from (g for g in venue.children if g.dep_ == "compound" and g.pos_ == "PROPN")
                yield from locatives(venue, topical=True)
                yield from (obj for p in venue.children if p.dep_ == "prep" and p.lower_ == "to"
                            and (obj := first_object(p)) is not None)
        elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in WORDS.speech_verbs | {"speak", "address"}:
            yield from locatives(c, topical=True)


def place_objects(head: Token, moves: bool) -> Iterator[Token]:
    """The place acted on: the object of an attack or movement verb, its passive subject,
    the subject of "fall"; the place objects of an attack or movement noun ("the offensive on
    Afrin", "the siege of Aleppo", "control of Deraa" after "took")."""
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        if moves:
            for c in head.children:
                if c.dep_ in ("dobj", "nsubjpass") and not any(g.dep_ == "case" for g in c.children):
                    yield c  # not a possessor parsed as the object ("pulling America's troops")
                preps = [c] if c.dep_ == "prep" else []
                if c.lower_ in GEO_WORDS.motion_particles:  # "sent back to the UK", "out of Raqqa"
                    preps += [g for g in c.children if g.dep_ == "prep"]
                # "of" on the verb itself only as the parser's misattachment from its object
                # ("took control of Deraa")
                of_ok = any(d.dep_ == "dobj" for d in head.children)
                for p in preps:
                    if p.lower_ in GEO_WORDS.place_object_preps and (p.lower_ != "of" or c is not p or of_ok):
                        obj = first_object(p)
                        if obj is not None:
                            yield obj
        if lemma in GEO_WORDS.place_subject_verbs:
            yield from (c for c in head.children if c.dep_ == "nsubj")
    elif head.pos_ in ("NOUN", "PROPN") and moves:  # "talks on Syria" are about Syria, not in it
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in GEO_WORDS.place_object_preps:
                obj = first_object(c)
                if obj is not None:
                    yield obj
            elif c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS:
                yield c  # "the Afrin offensive"


def place_name(tok: Token) -> str:
    """The name a token stands in: its entity without determiners and lower-case leading
    modifiers ("the rebel-held eastern Aleppo" -> "Aleppo", but "West Bank" stays), else the
    token with its compounds."""
    bounds = entity_bounds(tok)
    if bounds is not None:
        toks = [t for t in tok.doc[bounds[0]:bounds[1]] if t.dep_ != "det"]
    else:
        toks = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]
    while len(toks) > 1 and (toks[0].is_punct or (toks[0].is_lower and GEO_WORDS.is_modifier(toks[0].text))):
        toks = toks[1:]
    return " ".join(t.text for t in toks) if toks else tok.text
