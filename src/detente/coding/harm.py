"""How an event noun of violence stands to the verb that tells what it did: its subject ("air
strikes killed 12 civilians", "the bombing, which killed 14 people"), or the cause a death
is "in" ("died in an air strike"); and whether a device went off. Read by the coder's
victim steps (coding/complements.py) and by the agentless test (coding/arguments.py).
"""
from __future__ import annotations

from spacy.tokens import Token

from detente.coding.wordlists import WORDS


def harm_site(noun: Token) -> tuple[str, Token] | None:
    """Where an event noun stands to a verb that may tell what it did: ("subject", verb) for
    "air strikes killed ...", "a car bomb exploded ..."; ("in", verb), ("during", verb) or
    ("by", verb) for a verb its prepositional phrase hangs on ("died in an air strike", "were
    killed in a Turkish air strike"). The callers decide which verbs count
    (``victim_clause``, ``arguments.agentless``)."""
    rel = next((c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in WORDS.casualty_verbs
                and any(g.dep_ == "nsubj" and g.lower_ in WORDS.relative_pronouns for g in c.children)), None)
    if rel is not None:  # "the bombing, which killed 14 people, targeted a bus station"
        return "subject", rel
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        return "subject", noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "during", "by") and prep.head.pos_ in ("VERB", "AUX"):
        return prep.lower_, prep.head
    return None


def told_by_its_verb(noun: Token, trigger_heads: set[int]) -> bool:
    """ "A drone killed three militants in an attack on a compound": the attack a harm verb's
    doer did it "in" is that verb's own event, told once (by the verb); not "were killed in an
    attack", where the noun is all there is of the attacker."""
    site = harm_site(noun)
    if site is None or site[0] not in ("in", "during"):
        return False
    verb = site[1]
    return verb.i in trigger_heads and verb.lemma_.lower() in WORDS.casualty_verbs \
        and any(c.dep_ == "nsubj" for c in verb.children)


def detonates(verb: Token) -> bool:
    """A device going off: "exploded", "was detonated", "went off" (``detonation_verbs``)."""
    lemma = verb.lemma_.lower()
    return lemma in WORDS.detonation_verbs or (
        f"{lemma} off" in WORDS.detonation_verbs and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
