"""Factuality frame tests for claims and reports (the tests the frames of
data/frames/factuality.yaml name; the walk and the other tests: coding/factuality_cues.py).

What a claim, an accusation or a doubted report says happened is alleged ("accused B of
shelling C", "claimed that ...", "allegations that ...", "unconfirmed reports said ...",
"..., a claim Israel denied"); a plain report sets who it is attributed to and leaves its
factuality to the rest of the walk.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from detente.coding.factuality_cues import (GOVERNOR_CLASSES, REPORTING_VERBS, Hit, Walk, allegation_verb,
                                            clausal_link, noun_behind)
from detente.coding.wordlists import WORDS
from detente.nlp import lemma_forms

CLAIM_NOUNS = WORDS.allegation_nouns | WORDS.claim_nouns


def _allegation_complement(w: Walk) -> Hit:
    """ "accused B of shelling C": alleged by A, never asserted."""
    verb = allegation_verb(w.gov) if w.dep == "pcomp" and w.gov is not None else None
    return ("alleged", verb) if verb is not None else None


def _claimed_responsibility(w: Walk) -> Hit:
    """ "claimed responsibility for the bombing": the bombing happened (the claim is who did it)."""
    noun = noun_behind(w.tok, "for", WORDS.responsibility_nouns)
    return ("asserted", noun) if noun is not None else None


def _claimed_content(w: Walk) -> Hit:
    """ "claimed that the centre was bankrolled by Iran" (condemning and criticising are no claims)."""
    gov = w.gov
    if gov is not None and gov.pos_ in ("VERB", "AUX") and w.dep == "ccomp" and gov.lemma_.lower() in (
            WORDS.allegation_verbs - {"condemn", "criticise", "criticize", "denounce"}):
        return "alleged", gov
    return None


def _claim_noun_content(w: Walk) -> Hit:
    """ "allegations that rebels shelled the town", "unconfirmed reports that ...": what a
    claim (or a doubted report) says happened."""
    gov = w.gov
    if gov is not None and gov.dep_ == "dobj" and GOVERNOR_CLASSES.get(gov.head.lemma_.lower()) == "negated":
        return None  # "denied Kiev's claims that ...": the denial decides (governed-object)
    if gov is not None and gov.pos_ == "NOUN" and w.dep in ("acl", "ccomp") and (
            gov.lemma_.lower() in WORDS.claim_nouns
            or any(c.dep_ == "amod" and c.lower_ in WORDS.doubt_modifiers for c in gov.children)):
        return "alleged", gov
    return None


def _reported_speech(w: Walk) -> Hit:
    if clausal_link(w) and w.dep == "ccomp" and w.gov.lemma_.lower() in REPORTING_VERBS:  # type: ignore[union-attr]
        doubt = _doubted_speaker(w.gov) or _denied_claim(w.gov)  # type: ignore[arg-type]
        if doubt is not None:  # "Unconfirmed reports said warplanes had struck ...": a claim
            return "alleged", doubt
        if w.gov.lemma_.lower() in WORDS.governor_classes and WORDS.governor_classes[w.gov.lemma_.lower()] == "alleged" \
                and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in w.gov.children):  # type: ignore[union-attr]
            return "alleged", w.gov  # "It is believed that militants killed the hostages"
        return "attribute", w.gov  # type: ignore[return-value]
    return None


def _denied_claim(verb: Token) -> Token | None:
    """ "Iran said Israeli jets had attacked its forces, a claim Israel denied": a report the
    sentence itself calls a claim someone denied (a claim noun after the reporting verb, in
    its clause, with a relative clause of a denial verb)."""
    doc, lemmas = verb.doc, lemma_forms(verb.doc)
    for i in range(verb.i + 1, verb.right_edge.i + 1):  # a plain loop over cached lemmas: most have none
        if lemmas[i] in CLAIM_NOUNS and any(c.dep_ == "relcl" and c.lemma_.lower() in WORDS.denial_verbs
                                            for c in doc[i].children):
            return doc[i]
    return None


def _doubted_speaker(verb: Token) -> Token | None:
    """The doubt word on a reporting verb's subject: "unconfirmed reports said"."""
    return next((m for s in verb.children if s.dep_ == "nsubj" for m in s.children
                 if m.dep_ == "amod" and m.lower_ in WORDS.doubt_modifiers), None)


CLAIM_TESTS: dict[str, Callable[[Walk], Hit]] = {
    "allegation_complement": _allegation_complement, "claimed_content": _claimed_content,
    "claimed_responsibility": _claimed_responsibility,
    "claim_noun_content": _claim_noun_content, "reported_speech": _reported_speech,
}
