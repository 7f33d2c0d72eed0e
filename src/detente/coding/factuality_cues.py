"""The cues the factuality frames test for (data/frames/factuality.yaml): one small named
function per frame test (``TESTS``), over the walk state (``Walk``), with the cue readers
they share (auxiliaries and modals, subordinators, allegation verbs, the speaker of
reported speech). coding/factuality.py loads the frames and walks the parse.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from detente.coding.wordlists import WORDS
from detente.nlp import children, reduced_passive

# every list is defined once, in data/frames/wordlists.yaml
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
# verbs that presuppose the deed they take as object, even when they are only announced
OBJECT_FACTIVES = WORDS.object_factives | WORDS.allegation_verbs | WORDS.credit_verbs


@dataclass(slots=True)
class Factuality:
    value: str = "asserted"
    cue: str | None = None
    cue_token: Token | None = None
    attributed_to: Token | None = None  # head token of the speaker, if reported speech
    frame: str | None = None  # the id of the factuality frame that decided


def _aux_cue(tok: Token, objects: bool = False, subjects: bool = True) -> tuple[str, Token] | None:
    """Negation and modality on this verb's own auxiliaries; with ``objects``, also a "no" on
    its object, which negates the verb's own event only ("made no comment", "gave no aid"),
    not a participle clause hanging on it ("Praising X, he made no comment"); with
    ``subjects``, a "neither" or "no" opening its subject ("Neither Russia nor China voted")."""
    neg = None
    modal = None
    going = None
    for c in children(tok, ("neg", "advmod", "aux", "auxpass")):  # the only labels tested below
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
    for c in children(tok, ("det", "dobj", "nsubj", "nsubjpass")):  # "no ceasefire", "without a vote"
        if c.dep_ == "det" and c.lower_ == "no":
            return "negated", c
        if subjects and c.dep_ in ("nsubj", "nsubjpass"):  # "Neither Russia nor China supported it"
            neither = next((g for g in c.children if g.dep_ in ("preconj", "det")
                            and g.lower_ in WORDS.subject_negators), None)
            if neither is not None:
                return "negated", neither
        if objects and c.dep_ in ("dobj", "nsubjpass"):  # "no aid was sent"
            no = next((g for g in c.children if g.dep_ == "det" and g.lower_ == "no"), None)
            if no is not None:
                return "negated", no
    return None


def allegation_verb(prep: Token) -> Token | None:
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
    return Factuality("alleged", verb.text, verb, speaker(verb))


def _clause_mark(tok: Token) -> Token | None:
    for c in children(tok, ("mark",)):
        if c.lower_ in CONDITIONAL_MARKS and not _trailing_report(tok, c):
            return c
    return None


def _trailing_report(verb: Token, mark: Token) -> bool:
    """ "... about whether the bill is right, an official said": a reporting clause after a
    comma at the end; a "whether" or "if" before that comma opens the reported words, not the report."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    subj = max((c.i for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), default=None)
    return subj is not None and any(c.dep_ == "punct" and c.lower_ == "," and mark.i < c.i < subj < verb.i
                                    for c in verb.children)


def speaker(verb: Token) -> Token | None:
    subj = children(verb, ("nsubj", "nsubjpass"))
    return subj[0] if subj else None


def speaker_of(trigger: Token) -> Token | None:
    """Who reports the event: "X said (that) ...", "..., X said", "according to X"."""
    tok = trigger
    for _ in range(12):
        for c in children(tok, ("prep",)):  # "according to X"
            if c.lower_ == "according":
                for to in c.children:
                    for g in to.children:
                        if g.dep_ == "pobj":
                            return g
        if tok.head.i == tok.i:
            break
        gov = tok.head
        if tok.dep_ in ("ccomp", "parataxis") and gov.lemma_.lower() in REPORTING_VERBS:
            return speaker(gov)
        if gov.lemma_.lower() in REPORTING_VERBS and tok.dep_ == "ROOT":
            break
        tok = gov
    # "..., the envoy said." parsed with the reporting verb as a dependent of the event
    for c in children(trigger, ("ccomp", "parataxis")):
        if c.lemma_.lower() in REPORTING_VERBS:
            return speaker(c)
    return None


Hit = tuple[str, Token] | None  # (factuality value, cue token) when a frame fires

@dataclass(slots=True)
class Walk:
    """What a frame test sees: the trigger, the node the walk is at, and (on a link) the
    governing node and the dependency that leads to it."""

    trigger: Token
    sent: Span
    tok: Token
    result: Factuality = field(default_factory=Factuality)
    gov: Token | None = None
    dep: str = ""


# ---- frame tests: each returns (value, cue) when its frame fires, else None ------------

def _opening_hedge(w: Walk) -> Hit:
    """ "Perhaps ... it will offer a ceasefire": a hedge opening the sentence, on the trigger's clause."""
    opener, trigger = w.sent[0], w.trigger
    if opener.lower_ in WORDS.hedges and opener.i != trigger.i and opener.head.i != opener.i and (
            opener.head.i == trigger.i or opener.head.is_ancestor(trigger) or trigger.is_ancestor(opener)
            or opener.head.dep_ == "ROOT" and trigger.head.i == trigger.i):
        return "hypothetical", opener
    return None


def _no_determiner(w: Walk) -> Hit:
    """ "no ceasefire" """
    no = next((c for c in w.tok.children if c.dep_ == "det" and c.lower_ == "no"), None)
    return ("negated", no) if no is not None else None


def _noun_modifier(w: Walk) -> Hit:
    """ "a proposed ceasefire", "a planned visit": the modifier's value in noun_modality. Once
    carried out ("Israel mounted its long-threatened invasion", "began its planned withdrawal")
    the modifier tells how the event was awaited: the carrying-out verb decides."""
    for c in w.tok.children:
        low = c.lemma_.lower()
        if c.dep_ in ("amod", "compound") and (low in WORDS.noun_modality or c.lower_ in WORDS.noun_modality):
            value = WORDS.noun_modality.get(low) or WORDS.noun_modality[c.lower_]
            if value in ("future", "proposed", "hypothetical") and w.tok.dep_ == "dobj" \
                    and w.tok.head.lemma_.lower() in WORDS.carrying_out_verbs:
                return None
            return value, c
    return None


def _allegation_object(w: Walk) -> Hit:
    """ "accused Russia of war crimes" """
    verb = allegation_verb(w.tok.head) if w.tok.dep_ == "pobj" else None
    return ("alleged", verb) if verb is not None else None


def _absence_object(w: Walk) -> Hit:
    """ "in the absence of a ceasefire" """
    if w.tok.dep_ == "pobj" and w.tok.head.head.lemma_.lower() in WORDS.absence_nouns:
        return "negated", w.tok.head.head
    return None


def noun_behind(tok: Token, prep: str, nouns: frozenset[str]) -> Token | None:
    """The noun of ``nouns`` whose ``prep`` phrase has ``tok`` as its object ("the visions of ...")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == prep and tok.head.head.lemma_.lower() in nouns:
        return tok.head.head
    return None


def _representation_object(w: Walk) -> Hit:
    """ "the visions of the slaughter do not correlate": a picture of it, not it."""
    noun = noun_behind(w.tok, "of", WORDS.representation_nouns)
    return ("hypothetical", noun) if noun is not None else None


def _plan_or_prospect(noun: Token) -> Hit:
    low = noun.lemma_.lower()
    if low in FUTURE_NOUNS:
        return "future", noun
    if low in PROPOSAL_NOUNS and not _enacted(noun):
        return "proposed", noun
    return None


def _enacted(noun: Token) -> bool:
    """ "adopted a resolution": a proposal made law says what it says (the enacting verb decides)."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in WORDS.enactment_verbs


def _preparation_object(w: Walk) -> Hit:
    """ "buying time for their final offensive", "preparing for an assault", "paved the way
    for talks": what is prepared for has not happened yet."""
    tok = w.tok
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return None
    prep = tok.head
    gov = prep.head  # "preparing for", or the verb of "buying time for" / "paved the way for"
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep  # "time for", however it was attached
    for cue in (gov, *(c for c in gov.children if c.dep_ == "dobj"), before):
        if cue.lemma_.lower() in WORDS.preparation_heads:
            return "future", cue
    return None


def _prospect_object(w: Walk) -> Hit:
    """ "the prospect of a cross-border attack" (future), "a call for talks" (proposed)."""
    tok = w.tok
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "NOUN":
        return _plan_or_prospect(tok.head.head)
    return None


def _talk_topic(w: Walk) -> Hit:
    """ "negotiations on an Israeli troop pullback", "talks about a ceasefire": what talks are
    about is under negotiation, not done."""
    tok = w.tok
    if tok.dep_ != "pobj" or tok.head.lower_ not in WORDS.talk_topic_preps:
        return None
    gov = tok.head.head  # the talks, or the verb they are the object of ("renewed talks today on ...")
    talks = [gov] + [c for c in gov.children if c.dep_ == "dobj"] if gov.pos_ == "VERB" else [gov]
    talk = next((t for t in talks if t.lemma_.lower() in WORDS.talk_words), None)
    return ("proposed", talk) if talk is not None else None


def _rejected_offer(w: Walk) -> Hit:
    """ "rejected Russia's offer": it was offered."""
    tok = w.tok
    if tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in WORDS.rejection_verbs \
            and w.trigger.lemma_.lower() in WORDS.authored_nouns:
        return "asserted", tok.head
    return None


def _existential(tok: Token) -> bool:
    """ "there will be an offensive", "there is going to be a vote": the noun is what an
    existential "be" says exists, so the "be" clause's modality is the event's."""
    be = tok.head
    if tok.dep_ not in ("attr", "nsubj") or be.lemma_.lower() != "be" or be.i == tok.i:
        return False
    clauses = (be, be.head) if be.dep_ == "xcomp" else (be,)  # "there is going to be"
    return any(c.dep_ == "expl" for v in clauses for c in v.children)


def _subject_predicate(w: Walk) -> Hit:
    """ "A Turkish withdrawal is out of the question", "a ceasefire is possible", "a truce is
    not an option": a copular predicate in subject_predicates says what its subject is; a
    negated copula negates it ("is not possible"), or doubts a denial ("is not impossible")."""
    tok = w.tok
    cop = tok.head
    if tok.dep_ != "nsubj" or cop.i == tok.i or cop.lemma_.lower() not in WORDS.copulas:
        return None
    for c in cop.children:
        if c.dep_ in ("acomp", "attr"):
            value = WORDS.subject_predicates.get(c.lemma_.lower())
        elif c.dep_ == "prep":
            value = WORDS.subject_predicates.get(" ".join(t.lower_ for t in c.subtree))
        else:
            continue
        if value is not None:
            neg = next((n for n in cop.children if n.dep_ == "neg"), None)
            if neg is None:
                return value, c
            return ("hypothetical", neg) if value == "negated" else ("negated", neg)
    return None


def _presupposed_noun(w: Walk) -> Hit:
    """A noun event as subject, complement of a preposition, apposition ...: it happened
    ("the veto should have convinced them"), unless a plan or call governs the preposition."""
    tok = w.tok
    if _existential(tok):
        return None
    if tok.dep_ in ("nsubj", "nsubjpass", "pobj", "appos", "conj", "ROOT", "npadvmod"):
        g = tok.head.head
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and g.lemma_.lower() in WORDS.death_verbs \
                | WORDS.harm_verbs:
            return None  # "claimed he had been killed in an airstrike": the strike is as real as the death
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and g.lemma_.lower() in WORDS.arrival_verbs:
            return None  # "will travel to Singapore for a summit": the trip's purpose, as real as the trip
        if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in LIGHT_OBJECT_VERBS:
            return None  # "new sanctions are to be announced": the light verb's object, as real as the verb
        if not (tok.dep_ == "pobj" and g.lemma_.lower() in GOVERNOR_CLASSES and g.lemma_.lower() not in IMPLICATIVE):
            return "asserted", tok
    return None


def _object_of_an_act(w: Walk) -> Hit:
    """A noun event as the object of a verb that is neither light ("cast a veto") nor a
    governor ("proposed a ceasefire"): "condemned the bombing" presupposes the bombing. A verb
    that is itself only announced or supposed (a modal: "will no longer tolerate protests",
    "could face an offensive") says nothing of its object having happened, unless it is a
    verb that judges or answers a deed ("will condemn the bombing", "will investigate the
    attack"): the walk climbs on to the verb's own modality."""
    tok = w.tok
    verb = tok.head
    lemma = verb.lemma_.lower()
    if tok.dep_ in ("dobj", "attr") and lemma not in (LIGHT_OBJECT_VERBS | set(GOVERNOR_CLASSES)) \
            and not _existential(tok):
        if _modal(verb) and lemma not in OBJECT_FACTIVES:
            return None
        return "asserted", verb
    return None


def _supposed_subject(w: Walk) -> Hit:
    """ "A Chinese blockade of Taiwan would disrupt trade": a noun event whose clause is only
    supposed (``_supposed``) is supposed with it."""
    tok = w.tok
    if tok.dep_ != "nsubj" or not _supposed(tok.head) or any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in WORDS.indefinite_articles) for c in tok.children):
        return None  # "France's refusal would be in breach of the law": that refusal is real
    return "hypothetical", tok.head


def _supposed(verb: Token) -> bool:
    """A verb under a hypothetical modal with no perfect: "would disrupt", "could trigger"; not
    "would have killed more", whose subject was real."""
    kids = children(verb, ("aux",))
    return any(c.tag_ == "MD" and c.lower_ in HYPOTHETICAL_MODALS for c in kids) \
        and not any(c.lemma_.lower() == "have" for c in kids)


def _modal(verb: Token) -> bool:
    """The verb has a modal auxiliary or a "going to" of its own ("will tolerate", "could face")."""
    return any(c.tag_ == "MD" or c.lower_ in ("going", "gon") for c in children(verb, ("aux", "auxpass")))


def _adverb_in(tok: Token, words: frozenset[str]) -> Token | None:
    """An adverb of ``words`` on the clause's verb ("probably", "allegedly")."""
    return next((c for c in children(tok, ("advmod",)) if c.lower_ in words), None)


def _hedge_adverb(w: Walk) -> Hit:
    return ("hypothetical", hedge) if (hedge := _adverb_in(w.tok, WORDS.hedges)) is not None else None


def _allegation_adverb(w: Walk) -> Hit:
    return ("alleged", word) if (word := _adverb_in(w.tok, WORDS.allegation_adverbs)) is not None else None


def _auxiliaries(w: Walk) -> Hit:
    """Negation and modals on the clause's verb (``_aux_cue``); a reporting verb's own are
    not the reported event's; "said he would seek" is the future of a past report."""
    tok = w.tok
    cue = _aux_cue(tok, objects=tok is w.trigger, subjects=_shares_subject(w.trigger, tok))
    if cue is None or (w.result.attributed_to is not None and tok.lemma_.lower() in REPORTING_VERBS):
        return None
    value, word = cue
    if value == "hypothetical" and word.lower_ in ("would", "'d") and tok.dep_ == "ccomp" \
            and tok.head.lemma_.lower() in REPORTING_VERBS and tok.head.tag_ in ("VBD", "VBN"):
        value = "future"
    return value, word


def _shares_subject(trigger: Token, verb: Token) -> bool:
    """The trigger's clause is ``verb``'s, or hangs on it by control only ("Neither Russia nor
    China tried to block it"): its subject is the trigger's own."""
    t = trigger
    while t.i != verb.i:
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
    return True


def _conditional_mark(w: Walk) -> Hit:
    mark = _clause_mark(w.tok)
    if mark is None:
        return None
    return ("question" if mark.lower_ == "whether" else "hypothetical"), mark


def _main_clause(w: Walk) -> Hit:
    return ("asserted", w.tok) if w.gov is None else None


def past(verb: Token) -> bool:
    """The clause is in a past tense: "captured", "had captured", "was captured"."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _relative_clause(w: Walk) -> Hit:
    """A relative clause is presupposed: "Deir ez-Zor, where their forces had besieged"."""
    tok = w.tok
    if tok.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):  # "a base to be handed over"
        return "asserted", tok
    return None


def _reduced_relative(w: Walk) -> Hit:
    """A past participle on a noun is presupposed like a relative clause: "fighters held by
    Kurdish forces will not return" (they are held); not "troops to be deployed"."""
    tok = w.tok
    if reduced_passive(tok) and tok.head.lemma_.lower() not in WORDS.scheduled_nouns \
            and not any((c.dep_ == "aux" and c.lower_ == "to") or c.dep_ in ("nsubj", "mark") for c in tok.children):
        # not "talks, sponsored by the UN, are expected", nor "no confirmation that they have received"
        return "asserted", tok
    return None


def _factive_adverbial(w: Walk) -> Hit:
    """ "will have to watch from afar after they were denied visas": the denial happened."""
    if w.tok.dep_ == "advcl":
        mark = next((c for c in w.tok.children if c.lower_ in FACTIVE_MARKS and c.i < w.tok.i and (
            c.dep_ == "mark" or c.dep_ == "advmod" and past(w.tok))), None)  # "When Assad used ...": an adverb
        if mark is None and past(w.tok) and not _modal(w.tok):  # "the damage they did before they took Mosul"
            mark = next((c for c in w.tok.children if c.dep_ == "mark" and c.lower_ in WORDS.past_factive_marks), None)
        if mark is not None:
            return "asserted", mark
    if w.tok.dep_ == "pcomp" and w.tok.tag_ == "VBG" and w.tok.head.lower_ in FACTIVE_MARKS:
        return "asserted", w.tok.head  # "poised to re-admit Syria, seven years after expelling it"
    return None


def _stative_purpose(w: Walk) -> Hit:
    """ "have the means to launch attacks": what one could do, not what one did."""
    gov = w.gov
    if w.dep == "advcl" and gov is not None and gov.lemma_.lower() in WORDS.stative_verbs and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in w.tok.children):
        return "hypothetical", gov
    return None








def clausal_link(w: Walk) -> bool:
    gov = w.gov
    return gov is not None and (gov.pos_ in ("VERB", "AUX") or (gov.pos_ == "ADJ" and w.dep == "xcomp")) \
        and w.dep in ("xcomp", "ccomp", "advcl", "csubj")








def _attempted_persuasion(w: Walk) -> Hit:
    """ "Russia has sought to convince Washington": trying to persuade someone is already
    the appeal, whatever comes of it (a material act only tried is not done)."""
    gov = w.gov
    if gov is not None and w.dep == "xcomp" and w.tok is w.trigger \
            and w.trigger.lemma_.lower() in WORDS.persuasion_verbs and gov.lemma_.lower() in WORDS.attempt_verbs:
        return "asserted", gov
    return None


def _governing_verb(w: Walk) -> Hit:
    """ "plans to withdraw" (future), "urged ... to withdraw" (proposed), "refused to" (negated);
    a negative governor's own modality decides: "should stop bombing", "did not refuse to"."""
    gov = w.gov
    if not clausal_link(w) or w.dep not in ("xcomp", "ccomp") or gov is None:
        return None
    glem = gov.lemma_.lower()
    if _going_to(gov, w):  # "is going to veto" parsed with "going" as the head
        own = _aux_cue(gov)
        return ("negated", own[1]) if own is not None and own[0] == "negated" else ("future", gov)
    if glem in REPORTING_VERBS and w.dep == "ccomp" or glem not in GOVERNOR_CLASSES or glem in IMPLICATIVE:
        return None
    value = GOVERNOR_CLASSES[glem]
    own = _aux_cue(gov)
    if own is not None and value == "negated":
        return ("asserted" if own[0] == "negated" else own[0]), own[1]
    return value, gov


def _going_to(gov: Token, w: Walk) -> bool:
    """ "is going to veto", "was going to be an offensive": the progressive of "go" with a
    to-infinitive is a future ("went to fight" is not)."""
    return w.dep == "xcomp" and gov.lemma_.lower() == "go" and gov.tag_ == "VBG" \
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in gov.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in w.tok.children)


def _governing_preposition(w: Walk) -> Hit:
    """ "called for withdrawing", "argued for arming" """
    gov = w.gov
    if gov is not None and gov.pos_ == "ADP" and w.dep == "pcomp" and gov.head.lemma_.lower() in GOVERNOR_CLASSES:
        return GOVERNOR_CLASSES[gov.head.lemma_.lower()], gov.head
    return None


def _governing_noun(w: Walk) -> Hit:
    """ "a plan to withdraw", "the threat of a veto" """
    gov = w.gov
    if gov is not None and gov.pos_ in ("NOUN", "PROPN") and w.dep in ("acl", "relcl", "pobj", "compound", "amod", "prep"):
        return _plan_or_prospect(gov)
    return None


def _capacity_noun(w: Walk) -> Hit:
    """ "the motivation to launch attacks", "the ability to strike": a capacity, not a deed."""
    gov = w.gov
    if gov is not None and gov.pos_ in ("NOUN", "PROPN") and w.dep == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in w.tok.children):
        return "hypothetical", gov
    return None


def _governing_noun_phrase(w: Walk) -> Hit:
    gov = w.gov
    if gov is not None and w.dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("NOUN", "PROPN"):
        return _plan_or_prospect(gov.head)
    return None


def _governed_object(w: Walk) -> Hit:
    """A noun event as object of a governing verb: "Russia proposed a ceasefire". "have" governs
    only an infinitive ("has to withdraw"): "has proof that the regime used" is possession."""
    gov, tok = w.gov, w.tok
    if gov is not None and w.dep == "dobj" and gov.pos_ in ("VERB", "AUX") and tok.pos_ in ("NOUN", "PROPN"):
        glem = gov.lemma_.lower()
        if glem in GOVERNOR_CLASSES and glem not in IMPLICATIVE | {"agree", "have"}:
            return GOVERNOR_CLASSES[glem], gov
    return None


TESTS: dict[str, Callable[[Walk], Hit]] = {
    "opening_hedge": _opening_hedge, "no_determiner": _no_determiner, "noun_modifier": _noun_modifier,
    "allegation_object": _allegation_object, "absence_object": _absence_object,
    "representation_object": _representation_object, "prospect_object": _prospect_object, "talk_topic": _talk_topic,
    "preparation_object": _preparation_object,
    "rejected_offer": _rejected_offer, "subject_predicate": _subject_predicate,
    "supposed_subject": _supposed_subject, "presupposed_noun": _presupposed_noun, "object_of_an_act": _object_of_an_act,
    "hedge_adverb": _hedge_adverb, "allegation_adverb": _allegation_adverb, "auxiliaries": _auxiliaries, "conditional_mark": _conditional_mark,
    "main_clause": _main_clause, "relative_clause": _relative_clause, "reduced_relative": _reduced_relative,
    "factive_adverbial": _factive_adverbial,
    "stative_purpose": _stative_purpose,
    "governing_verb": _governing_verb, "attempted_persuasion": _attempted_persuasion,
    "governing_preposition": _governing_preposition, "governing_noun": _governing_noun,
    "capacity_noun": _capacity_noun, "governing_noun_phrase": _governing_noun_phrase,
    "governed_object": _governed_object,
}
