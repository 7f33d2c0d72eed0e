"""Whose act a grievance is about: "Kenya lodged a formal protest with Uganda over the
detention of Kenyan fishermen", "Beijing summoned the Canadian ambassador over the arrest of
a Huawei executive". An arrest, detention or charge named by a noun with no author of its own
is given one by guess (the state of the place or the story: ``inference.state_author``); when
the noun is what a complaint, a protest, a summons or a demand is "over", the state it is
addressed to did it. Such an event takes the grievance's target as its source (rule
``src=grievance-target``), with that target's words as its provenance.
"""
from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from detente.coding.complements import Coded
from detente.coding.wordlists import WORDS


def _grievance_above(prep: Token, by_token: dict[int, Coded]) -> Coded | None:
    """The grievance an "over" phrase belongs to: the trigger it hangs on, or the one above
    the noun or verb it hangs on ("a protest with Uganda over", "lodged a protest ... over")."""
    tok = prep.head
    for _ in range(3):
        for cand in (tok, *(c for c in tok.children if c.dep_ == "dobj")):
            found = by_token.get(cand.i)
            if found is not None and found.trigger.code[:2] in WORDS.grievance_roots:
                return found
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def grievance_authors(coded: list[Coded]) -> None:
    """Give the guessed author of a coercion noun in a grievance's "over" phrase the state the
    grievance is addressed to (in place)."""
    by_token = {c.trigger.token.i: c for c in coded}
    for c in coded:
        tok = c.trigger.token
        if c.trigger.pos != "NOUN" or c.trigger.code[:3] not in WORDS.state_coercion_codes \
                or tok.dep_ != "pobj" or tok.head.lower_ not in WORDS.grievance_preps:
            continue
        if not c.events or not all(e.source is None or (e.source.actor.how or "").startswith("inferred")
                                   for e in c.events):
            continue  # an author of its own ("the Ugandan detention of ..."), kept
        grievance = _grievance_above(tok.head, by_token)
        if grievance is None:
            continue
        addressee = next((e.target for e in grievance.events if e.target is not None and e.target.actor.code
                          and e.target.actor.country and not (e.target.actor.how or "").startswith("inferred")), None)
        if addressee is None:
            continue
        c.events[:] = [dataclasses.replace(e, source=addressee, rule=re.sub(r" src=\S+ ", " src=grievance-target ", e.rule))
                       for e in c.events if e.target is None or e.target.actor.code != addressee.actor.code]
