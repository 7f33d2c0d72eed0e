"""Factuality frame tests for what is arranged or still to come (the tests the frames of
data/frames/factuality.yaml name; the walk and the other tests: coding/factuality_cues.py).

An event that is scheduled, expected or arranged has not happened yet ("talks are expected
in Geneva", "the troops to be deployed", "Putin is to visit Ankara", "new curbs are to be
announced"), and an end point takes its factuality from the clause it bounds ("will fight
until they take the town").
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from detente.coding.factuality_cues import Hit, Walk, past
from detente.coding.wordlists import WORDS


def _until(mark: Token, gov: Token, verb: Token | None, sent: Span) -> Hit:
    """An end point ("until they take the town", "until the capture of the town") under the
    clause ``gov``: what is still to come there is still to come here; under a past clause
    ("fought until they took it", "did not stop until they took it") it happened; the present
    tense speaks of the future ("vowed to fight until they take it")."""
    from detente.coding.factuality import _judge  # the governing clause's own judgement

    g = _judge(gov, sent)
    modal = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in gov.children)
    done = verb is None or past(verb)
    if g.value == "asserted":
        return None if done else ("future", mark)
    if g.value == "negated":  # "will not stop until", "did not stop until"
        return ("future", mark) if modal or not done else ("asserted", mark)
    return g.value, g.cue_token or mark


def _until_clause(w: Walk) -> Hit:
    """ "will fight until they take the town" (``_until``)."""
    if w.dep != "advcl" or w.gov is None:
        return None
    mark = next((c for c in w.tok.children if c.dep_ == "mark" and c.lower_ in WORDS.until_marks), None)
    return _until(mark, w.gov, w.tok, w.sent) if mark is not None else None


def _until_object(w: Walk) -> Hit:
    """ "will fight until the capture of the town" (``_until``)."""
    prep = w.tok.head
    if w.tok.dep_ != "pobj" or prep.lower_ not in WORDS.until_marks or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return _until(prep, prep.head, None, w.sent)


def _infinitive_on_noun(w: Walk) -> Hit:
    """ "the troops to be deployed by Russia", "a resolution to be put to a vote": still to come."""
    tok = w.tok
    if tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "AUX"):
        to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is not None:
            return "future", to
    return None


def _scheduled_predicate(w: Walk) -> Hit:
    """ "Talks, sponsored by the UN, are expected in Geneva": a clause that says its subject is
    expected, scheduled or planned is about the future."""
    tok = w.tok
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in WORDS.scheduled_predicates \
            and any(c.dep_ == "auxpass" for c in tok.children):
        return "future", tok
    return None


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _arranged(w: Walk) -> Hit:
    """ "Putin is to visit Ankara next week", "the aim was to retake the town": a
    to-infinitive after 'be' (``arranged_copulas``) tells of what is arranged or intended,
    not of what was done."""
    tok, be = w.tok, w.tok.head
    if tok.dep_ == "xcomp" and be.lemma_.lower() in WORDS.arranged_copulas and _to_infinitive(tok) \
            and not any(c.dep_ in ("acomp", "attr", "advmod", "expl")
                        or (c.dep_ == "mark" and c.lower_ in WORDS.conditional_marks) for c in be.children):
        # not a judgement of the act ("it is difficult to confirm", "it was right to provide
        # help"), nor a condition ("if Russia were to retaliate": hypothetical, from the 'if')
        return "future", be
    return None


def _arranged_subject(w: Walk) -> Hit:
    """ "New sanctions are to be announced on Friday": an event noun that is the subject of
    an arranged clause (``_arranged``) is still to come."""
    tok, be = w.tok, w.tok.head
    if tok.dep_ == "nsubj" and be.lemma_.lower() in WORDS.arranged_copulas and any(
            c.dep_ == "xcomp" and _to_infinitive(c) for c in be.children):
        return "future", be
    return None


SCHEDULE_TESTS: dict[str, Callable[[Walk], Hit]] = {
    "until_clause": _until_clause, "until_object": _until_object, "infinitive_on_noun": _infinitive_on_noun,
    "scheduled_predicate": _scheduled_predicate, "arranged": _arranged, "arranged_subject": _arranged_subject,
}
