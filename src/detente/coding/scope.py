"""What is not a political event, though a trigger matched (CAMEO codes politics):

* private life: what a person named by a private tie does to no political actor ("her
  estranged boyfriend stabbed her", "his mother told the BBC"): ``private_person``;
* ordinary criminal justice: police, prosecutors and courts acting on private people for an
  ordinary offence ("four men were charged with murder", "was fined after pleading guilty to
  consuming alcohol on a beach"): ``ordinary_justice``. An offence against the state
  ("charged with espionage"), one against a named person or group ("the murder of Boris
  Nemtsov") or a charge against a political actor ("the opposition leader") stays;
* a bare authority's sourcing tag on a report that codes no event ("A man died in a shooting
  at a home, police said"): where the news came from, not a statement
  (``drop_sourcing_tags``). A tag on a report of an event is a statement ("A drone killed
  three militants, officials said"), and so is any named or modified speaker ("US state
  department officials said").

The word lists (``private_relations``, ``ordinary_offences``, ``sourcing_roles``,
``justice_codes``) are in data/frames/wordlists.yaml.
"""
from __future__ import annotations

from spacy.tokens import Token

from detente.coding.complements import Coded
from detente.coding.wordlists import WORDS
from detente.model import Actor

NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def private_person(head: Token) -> bool:
    """A person named by a private tie: "her estranged boyfriend", "his mother, Jane Roe", "the
    family of the suspect", "relatives of the victims". A bare "the family" or a family with a
    name ("the Assad family") is not: the tie must be to someone."""
    appos = [c for c in head.children if c.dep_ == "appos"]
    for tok in (head, *appos, *([head.head] if head.dep_ == "appos" else [])):
        if tok.lemma_.lower() not in WORDS.private_relations and tok.lower_ not in WORDS.private_relations:
            continue
        kids = list(tok.children)
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in kids):
            continue
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
               or c.lower_ in WORDS.private_tie_modifiers for c in kids):
            return True
    return False


def ordinary_justice(trigger: Token, code: str, targets: list[Actor]) -> bool:
    """A legal act (``justice_codes``: fines, arrests, charges, dropped charges) on private
    people only (no target, or targets with no sector but civilians and no knowledge-base
    entry) whose clause names an ordinary offence and no one it was done to by name."""
    if not any(code.startswith(c) for c in WORDS.justice_codes):
        return False
    if any(a.kb_id or a.sector not in (None, "CVL") for a in targets):
        return False
    offences = [t for t in trigger.subtree if t.lemma_.lower() in WORDS.ordinary_offences
                or t.lower_ in WORDS.ordinary_offences]
    return bool(offences) and not any(_named_victim(o) for o in offences)


def _named_victim(offence: Token) -> bool:
    """The offence names whom it was done to: "the murder of Boris Nemtsov", "Nemtsov's murder"."""
    for c in offence.children:
        victim = c if c.dep_ == "poss" else next((g for g in c.children if g.dep_ == "pobj"), None) \
            if c.dep_ == "prep" and c.lower_ == "of" else None
        if victim is not None and victim.ent_type_ in NAMED_ENTS:
            return True
    return False


def drop_sourcing_tags(coded: list[Coded]) -> None:
    """Clear the events of a statement that only says where a report came from: a speech verb
    after the clause it reports ("..., police said"), whose subjects are all bare sourcing roles
    (``sourcing_roles``: no name, nationality or other modifier), when nothing in the report
    coded an event."""
    for c in coded:
        verb = c.trigger.token
        if not c.events or c.trigger.code[:2] != "01" or verb.lemma_.lower() not in WORDS.speech_verbs:
            continue
        reports = [k for k in verb.children if k.dep_ in ("ccomp", "parataxis") and k.i < verb.i]
        subjects = [k for k in verb.children if k.dep_ == "nsubj"]
        if not reports or not subjects or not all(_bare_role(s) for s in subjects):
            continue
        inside = {t.i for r in reports for t in r.subtree}
        if not any(o.events and o.trigger.token.i in inside for o in coded if o is not c):
            c.events.clear()


def _bare_role(tok: Token) -> bool:
    """ "police", "the authorities", "officials and witnesses": no name or modifier says whose."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "conj")):
        if t.lower_ not in WORDS.sourcing_roles:
            return False
        if any(c.dep_ not in ("det", "cc", "conj", "punct") for c in t.children):
            return False
    return True
