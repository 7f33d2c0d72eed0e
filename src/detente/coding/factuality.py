"""Factuality: did the event happen, or is it negated, hypothetical, future, proposed ...?

The decision walks from the trigger up the dependency tree. At each clause it
looks at (in order): negation, modal auxiliaries, conditional subordinators,
and the governing verb or noun (plans, calls, proposals, refusals). Reporting
verbs ("said", "according to") do not change factuality; they set
``attributed_to``. The first cue found decides; ``factuality_cue`` keeps it.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.coding.wordlists import WORDS
from detente.nlp import span_text

# every list is defined once, in data/frames/wordlists.yaml
NEGATORS = WORDS.negators
HYPOTHETICAL_MODALS = WORDS.hypothetical_modals
NORMATIVE_MODALS = WORDS.normative_modals
FUTURE_MODALS = WORDS.future_modals
CONDITIONAL_MARKS = WORDS.conditional_marks
FACTIVE_MARKS = WORDS.factive_marks
GOVERNOR_CLASSES = WORDS.governor_classes  # what an embedded event becomes under its governing verb
PROPOSAL_NOUNS = WORDS.proposal_nouns
FUTURE_NOUNS = WORDS.future_nouns
REPORTING_VERBS = WORDS.reporting_verbs
IMPLICATIVE = WORDS.implicatives  # complements asserted: "managed to", "decided to"
LIGHT_OBJECT_VERBS = WORDS.object_verbs  # a noun event inherits their modality: "will cast a veto"


@dataclass(slots=True)
class Factuality:
    value: str = "asserted"
    cue: str | None = None
    cue_token: Token | None = None
    attributed_to: Token | None = None  # head token of the speaker, if reported speech


def _aux_cue(tok: Token, objects: bool = False) -> tuple[str, Token] | None:
    """Negation and modality on this verb's own auxiliaries; with ``objects``, also a "no" on
    its object, which negates the verb's own event only ("made no comment", "gave no aid"),
    not a participle clause hanging on it ("Praising X, he made no comment")."""
    neg = None
    modal = None
    going = None
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (low in ("never",) and c.dep_ in ("neg", "advmod")):
            neg = c
        elif c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
            modal = c
        elif c.dep_ == "aux" and low in ("going", "gon"):
            going = c
    if modal is not None:
        m = modal.lower_
        if m in FUTURE_MODALS:
            return ("negated" if neg is not None else "future"), (neg or modal)
        if m in NORMATIVE_MODALS:
            return "normative", modal
        if m in ("can", "ca", "would", "could") and neg is not None:
            return "negated", neg  # "could not reach", "said it would not meet the demands"
        if m in HYPOTHETICAL_MODALS or m in ("can",):
            return "hypothetical", modal
    if neg is not None:
        return "negated", neg
    if going is not None:
        return "future", going
    for c in tok.children:  # "no ceasefire", "without a vote"
        if c.dep_ == "det" and c.lower_ == "no":
            return "negated", c
        if objects and c.dep_ in ("dobj", "nsubjpass"):  # "no aid was sent"
            no = next((g for g in c.children if g.dep_ == "det" and g.lower_ == "no"), None)
            if no is not None:
                return "negated", no
    return None


def _allegation_verb(prep: Token) -> Token | None:
    """The allegation verb behind "accused B of", "blamed B for", "condemned B for" (prep = of/for)."""
    if prep.pos_ != "ADP" or prep.lower_ not in ("of", "for"):
        return None
    gov = prep.head
    if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in WORDS.allegation_verbs:
        return gov
    if gov.dep_ == "dobj" and gov.head.lemma_.lower() in WORDS.allegation_verbs:
        return gov.head
    return None


def _alleged(verb: Token) -> Factuality:
    return Factuality("alleged", verb.text, verb, _speaker(verb))


def _clause_mark(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
            return c
    return None


def _speaker(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def speaker_of(trigger: Token) -> Token | None:
    """Who reports the event: "X said (that) ...", "..., X said", "according to X"."""
    tok = trigger
    for _ in range(12):
        for c in tok.children:  # "according to X"
            if c.dep_ == "prep" and c.lower_ == "according":
                for to in c.children:
                    for g in to.children:
                        if g.dep_ == "pobj":
                            return g
        if tok.head.i == tok.i:
            break
        gov = tok.head
        if tok.dep_ in ("ccomp", "parataxis") and gov.lemma_.lower() in REPORTING_VERBS:
            return _speaker(gov)
        if gov.lemma_.lower() in REPORTING_VERBS and tok.dep_ == "ROOT":
            break
        tok = gov
    # "..., the envoy said." parsed with the reporting verb as a dependent of the event
    for c in trigger.children:
        if c.dep_ in ("ccomp", "parataxis") and c.lemma_.lower() in REPORTING_VERBS:
            return _speaker(c)
    return None


def judge(trigger: Token, sent: Span) -> Factuality:
    """Factuality of the event whose head is ``trigger`` in sentence ``sent``."""
    result = _judge(trigger, sent)
    if result.value != "alleged" or result.attributed_to is None:
        result.attributed_to = speaker_of(trigger)  # _judge's own mark is the reporting verb, not the speaker
    if result.value in ("future", "hypothetical") and span_text(sent).rstrip().endswith("?") and result.cue_token \
            is not None and result.cue_token.tag_ == "MD" and _inverted(result.cue_token):
        result.value, result.cue = "question", "?"  # "Will Russia veto ...?"
    return result


def _inverted(modal: Token) -> bool:
    """The modal stands before its clause's subject: a yes/no question."""
    subj = next((c for c in modal.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and modal.i < subj.i


def _judge(trigger: Token, sent: Span) -> Factuality:
    result = Factuality()
    tok = trigger
    opener = sent[0] if len(sent) else None
    if opener is not None and opener.lower_ in WORDS.hedges and opener.i != trigger.i and \
            opener.head.i != opener.i and (opener.head.i == trigger.i or opener.head.is_ancestor(trigger)
                                           or trigger.is_ancestor(opener) or opener.head.dep_ == "ROOT"
                                           and trigger.head.i == trigger.i):
        return Factuality("hypothetical", opener.text, opener)  # "Perhaps ... it will offer a ceasefire"
    # Noun triggers: "no ceasefire", "a proposed ceasefire", "a planned visit", "Russia's plan for talks"
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            low = c.lemma_.lower()
            if c.dep_ == "det" and c.lower_ == "no":
                return Factuality("negated", c.text, c)
            if c.dep_ in ("amod", "compound") and (low in WORDS.noun_modality or c.lower_ in WORDS.noun_modality):
                value = WORDS.noun_modality.get(low) or WORDS.noun_modality[c.lower_]
                return Factuality(value, c.text, c)
        if tok.dep_ == "pobj" and (alleger := _allegation_verb(tok.head)) is not None:
            return _alleged(alleger)  # "accused Russia of war crimes"
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in WORDS.absence_nouns:
            return Factuality("negated", tok.head.head.text, tok.head.head)  # "in the absence of a ceasefire"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in WORDS.representation_nouns:
            g = tok.head.head  # "the visions of the slaughter do not correlate": a picture of it, not it
            return Factuality("hypothetical", g.text, g)
        if tok.dep_ == "pobj" and tok.head.head.pos_ == "NOUN" and (
                (g := tok.head.head).lemma_.lower() in FUTURE_NOUNS | PROPOSAL_NOUNS):
            value = "future" if g.lemma_.lower() in FUTURE_NOUNS else "proposed"
            return Factuality(value, g.text, g)  # "the prospect of a cross-border attack", "a call for talks"
        # "an objective ...: a durable ceasefire": the apposition stands where its noun stands
        while tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in WORDS.rejection_verbs \
                and trigger.lemma_.lower() in WORDS.authored_nouns:
            return _sentence_question(result, sent, trigger)  # "rejected Russia's offer": it was offered
        # A noun event is presupposed unless it is the object of a light verb or of a
        # plan/call/refusal: "the veto should have convinced them" asserts the veto.
        if tok.dep_ in ("nsubj", "nsubjpass", "pobj", "appos", "conj", "ROOT", "npadvmod"):
            if not (tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in GOVERNOR_CLASSES
                    and tok.head.head.lemma_.lower() not in IMPLICATIVE):
                return _sentence_question(result, sent, trigger)
        elif tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() not in (
                LIGHT_OBJECT_VERBS | set(GOVERNOR_CLASSES)):
            return _sentence_question(result, sent, trigger)
    steps = 0
    while steps < 12:
        steps += 1
        hedge = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ in WORDS.hedges), None)
        if hedge is not None:  # "Perhaps ... it will offer a ceasefire"
            return Factuality("hypothetical", hedge.text, hedge, result.attributed_to)
        cue = _aux_cue(tok, objects=tok is trigger)
        if cue is not None and not (result.attributed_to is not None and tok.lemma_.lower() in REPORTING_VERBS):
            result.value, result.cue_token = cue
            result.cue = cue[1].text
            if cue[0] == "hypothetical" and cue[1].lower_ in ("would", "'d") and tok.dep_ == "ccomp" \
                    and tok.head.lemma_.lower() in REPORTING_VERBS and tok.head.tag_ in ("VBD", "VBN"):
                result.value = "future"  # "Macron said he would seek ...": the future of a past report
            return result
        mark = _clause_mark(tok)
        if mark is not None:
            result.value = "question" if mark.lower_ == "whether" else "hypothetical"
            result.cue, result.cue_token = mark.text, mark
            return result
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            break
        if tok.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX"):
            break  # a relative clause is presupposed: "Deir ez-Zor, where their forces had besieged"
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACTIVE_MARKS for c in tok.children):
            break  # "will have to watch from afar after they were denied visas": the denial happened
        gov = tok.head
        dep = tok.dep_
        glem = gov.lemma_.lower()
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
            dep = "xcomp"  # "calls for Russia and Turkey to carry out patrols": a complement
        if dep == "advcl" and glem in WORDS.stative_verbs and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            # "have the means to launch attacks": what one could do, not what one did
            result.value, result.cue, result.cue_token = "hypothetical", gov.text, gov
            return result
        if dep == "pcomp" and (alleger := _allegation_verb(gov)) is not None:
            return _alleged(alleger)  # "accused B of shelling C": alleged by A, never asserted
        if gov.pos_ in ("VERB", "AUX") and dep == "ccomp" and glem in WORDS.allegation_verbs - {"condemn", "criticise",
                                                                                             "criticize", "denounce"}:
            return _alleged(gov)  # "claimed that the centre was bankrolled by Iran"
        if (gov.pos_ in ("VERB", "AUX") or (gov.pos_ == "ADJ" and dep == "xcomp")) \
                and dep in ("xcomp", "ccomp", "advcl", "csubj"):
            if glem in REPORTING_VERBS and dep == "ccomp":
                result.attributed_to = gov  # marks "inside reported speech" for the loop
            elif dep in ("xcomp", "ccomp") and glem in GOVERNOR_CLASSES and glem not in IMPLICATIVE:
                value = GOVERNOR_CLASSES[glem]
                own = _aux_cue(gov)
                if own is not None and value == "negated":
                    # "should stop bombing", "did not refuse to": the governor's own modality decides
                    value = "asserted" if own[0] == "negated" else own[0]
                    result.value, result.cue, result.cue_token = value, own[1].text, own[1]
                    return result
                result.value, result.cue, result.cue_token = value, gov.text, gov
                return result
        elif gov.pos_ == "ADP" and dep == "pcomp" and gov.head.lemma_.lower() in GOVERNOR_CLASSES:
            # "called for withdrawing", "argued for arming"
            g2 = gov.head
            result.value, result.cue, result.cue_token = GOVERNOR_CLASSES[g2.lemma_.lower()], g2.text, g2
            return result
        elif gov.pos_ in ("NOUN", "PROPN") and dep in ("acl", "relcl", "pobj", "compound", "amod", "prep") \
                and glem in PROPOSAL_NOUNS | FUTURE_NOUNS:
            value = "future" if glem in FUTURE_NOUNS else "proposed"
            result.value, result.cue, result.cue_token = value, gov.text, gov
            return result
        elif gov.pos_ in ("NOUN", "PROPN") and dep == "acl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            # "the motivation to launch attacks", "the ability to strike": a capacity, not a deed
            result.value, result.cue, result.cue_token = "hypothetical", gov.text, gov
            return result
        elif dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("NOUN", "PROPN") \
                and gov.head.lemma_.lower() in PROPOSAL_NOUNS | FUTURE_NOUNS:
            g2 = gov.head
            value = "future" if g2.lemma_.lower() in FUTURE_NOUNS else "proposed"
            result.value, result.cue, result.cue_token = value, g2.text, g2
            return result
        elif dep in ("dobj", "nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX") and tok.pos_ in ("NOUN", "PROPN"):
            # noun event as argument of a verb: "Russia proposed a ceasefire", "the ceasefire will hold"
            if glem in GOVERNOR_CLASSES and glem not in IMPLICATIVE | {"agree"} and dep == "dobj":
                result.value, result.cue, result.cue_token = GOVERNOR_CLASSES[glem], gov.text, gov
                return result
        tok = gov
    return _sentence_question(result, sent, trigger)


def _sentence_question(result: Factuality, sent: Span, trigger: Token) -> Factuality:
    """A trigger in the main clause of a sentence ending with '?' is a question."""
    if result.value == "asserted" and span_text(sent).rstrip().endswith("?"):
        result.value, result.cue = "question", "?"
    return result
