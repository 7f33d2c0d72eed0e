"""Evaluative reported speech: a statement whose content judges another actor is that judgement.

"Berlin said the Turkish offensive was unacceptable", "“Pakistan is to blame for the violence,”
the minister said", "Washington's decision was a grave mistake, he said": what the speaker says
faults an actor, so the statement is a criticism (111) of it; "Lavrov said China's mediation had
been constructive" commends it (051). So does "it was a mistake for Britain to leave" (the doer of
the clause an expletive "it" stands for) and "described Turkey's drilling as illegal" (a description
of the speaker's object). The statement keeps its speaker, voice and factuality; only its code and
target change (coder._complement_target, descriptions below).

Conservative by design: the content must be a plain, affirmative, unhedged copular clause (no
negation, no modal, no condition) whose predicate is in one of the lists of
data/frames/wordlists.yaml (disapproval_predicates, approval_predicates; blame_predicates only
with a harm as their "for" object), and the judged actor must be a noun that is the clause's
subject or owns it ("Washington's decision"), and resolve to an actor that is not the speaker's own
side (judgeable).
"""
from __future__ import annotations

from spacy.tokens import Token

from detente.coding.complements import GUESSED, Coded, recode
from detente.coding.wordlists import WORDS
from detente.model import Actor
from detente.ontology import Ontology

CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
NOMINAL = frozenset({"NOUN", "PROPN"})


def _hedged(tok: Token) -> bool:
    """Negated, under a modal, or a condition or question ("would be a mistake", "is not illegal",
    "whether it was legal")."""
    for a in tok.children:
        if a.dep_ == "neg" or (a.dep_ == "aux" and a.lower_ in WORDS.hypothetical_modals | WORDS.future_modals
                               | WORDS.normative_modals):
            return True
        if a.dep_ == "mark" and a.lower_ in WORDS.conditional_marks:
            return True
    return False


def _judging_word(pred: Token) -> Token:
    """The word that judges in a predicate: itself, or the noun after a partitive ("part of the problem")."""
    if pred.lemma_.lower() in WORDS.partitive_nouns or pred.lower_ in WORDS.partitive_nouns:
        return next((g for p in pred.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), pred)
    return pred


def _weak(copula: Token) -> bool:
    """Every judging word of the clause judges only a named actor ("America is the problem", not
    "Russian gas is a problem"; "Ankara's decision is welcome", not "Syrian refugees are welcome")."""
    words = [_judging_word(p) for p in _predicates(copula)]
    return bool(words) and all(w.lemma_.lower() in WORDS.weak_judgements or w.lower_ in WORDS.weak_judgements
                               for w in words)


def _verdict(pred: Token) -> str | None:
    """The code of what a predicate (an adjective or a noun after the copula) says of its
    subject, or None when it does not plainly judge."""
    pred = _judging_word(pred)
    if any(a.dep_ == "neg" for a in pred.children):
        return None
    word = pred.lemma_.lower()
    if word in WORDS.disapproval_predicates or pred.lower_ in WORDS.disapproval_predicates:
        return WORDS.disapproval_code
    if word in WORDS.approval_predicates or pred.lower_ in WORDS.approval_predicates:
        return WORDS.approval_code
    if word in WORDS.blame_predicates and any(
            g.lemma_.lower() in WORDS.harm_nouns or g.lower_ in WORDS.harm_nouns
            for p in pred.children if p.dep_ == "prep" and p.lower_ == "for"
            for g in p.children if g.dep_ == "pobj" for g in (g, *(c for c in g.children if c.dep_ == "conj"))):
        return WORDS.disapproval_code  # "responsible for the attack", not "responsible for security"
    return None


def _predicates(clause: Token) -> list[Token]:
    """The judging words of a copular clause: its adjective or noun and their conjuncts."""
    preds = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
    return preds + [g for p in preds for g in p.children if g.dep_ == "conj"]


def _judgement(clause: Token) -> tuple[str, Token] | None:
    """The code of what a content clause says of its subject: a copula with a judging predicate
    ("was unacceptable", "has chosen to be part of the problem"), or "is to blame"."""
    chain = [clause]
    while len(chain) < 4:  # "has chosen to be", "appears to be"
        nxt = next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)
        if nxt is None:
            break
        chain.append(nxt)
    if any(_hedged(t) for t in chain):
        return None
    last = chain[-1]
    if last.lemma_.lower() == "blame" and len(chain) > 1 and chain[-2].lemma_.lower() == "be" \
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in last.children) \
            and not any(a.dep_ in ("dobj", "auxpass") for a in last.children):
        return WORDS.disapproval_code, last  # "Pakistan is to blame for the violence"
    if last.lemma_.lower() not in WORDS.copulas:
        return None
    codes = {_verdict(p) for p in _predicates(last)} - {None}
    return (codes.pop(), last) if len(codes) == 1 else None


def _owner(noun: Token) -> Token | None:
    """The actor a judged noun stands for: itself, or whoever owns or authored it ("Washington's
    decision", "the sanctions imposed by Brussels")."""
    owner = next((p for p in noun.children if p.dep_ == "poss" and p.pos_ in NOMINAL), None) or next(
        (g for a in noun.children if a.dep_ == "acl" for b in a.children if b.dep_ == "agent"
         for g in b.children if g.dep_ == "pobj" and g.pos_ in NOMINAL), None)
    return owner if owner is not None else noun if noun.pos_ in NOMINAL else None


def _extraposed(clause: Token) -> Token | None:
    """The doer in a clause that an expletive "it" stands for: "it was unacceptable that Turkey
    continued", "it was a mistake for Britain to leave"; not a passive one, nor people who only
    suffer ("it is unacceptable that civilians die")."""
    for c in clause.children:
        if c.dep_ not in ("ccomp", "advcl") or not any(
                m.dep_ == "mark" and m.lower_ in ("that", "for") for m in c.children):
            continue
        subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in NOMINAL and not any(a.dep_ == "auxpass" for a in c.children) \
                and subj.lemma_.lower() not in WORDS.people_nouns and subj.lower_ not in WORDS.people_nouns:
            return subj
    return None


def _judged(clause: Token, copula: Token) -> Token | None:
    """The actor a content clause judges: its nominal subject or that subject's owner, or with an
    expletive "it" the doer of the clause it stands for."""
    subj = next((s for s in clause.children if s.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ == "it" and clause is copula:
        return _extraposed(copula)
    return _owner(subj)


def _described(tok: Token) -> tuple[Token, str] | None:
    """ "described the Turkish drilling as illegal": the object, judged by what it is described as."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or any(a.dep_ == "neg" for a in tok.children):
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "as":
            codes = {_verdict(g) for g in p.children if g.dep_ in ("pobj", "amod", "acomp")} - {None}
            judged = _owner(obj)
            if len(codes) == 1 and judged is not None:
                return judged, codes.pop()
    return None


def judgeable(speaker: Actor | None, judged: Actor) -> bool:
    """The judged actor is another than the speaker and is named, not read off a national
    adjective of a thing ("the Libyan intervention", "the Afghan war": the adjective often names
    where it happens, not who does it). Not the speaker itself, nor one of the country a speaker
    the text does not name was guessed to belong to ("the minister said it was unacceptable that
    Turkey ...": whose minister is a guess, perhaps from Turkey itself), nor the speaker's own
    country or own kind of body in it."""
    if judged.how == "kb:adjective":
        return False
    if speaker is None:
        return True
    if speaker.code == judged.code:
        return False
    if speaker.country is None or speaker.country != judged.country:
        return True
    # one country: a guessed speaker may be the judged one's; the government speaks for the
    # country itself ("Putin said Russia's operation was a success"); an opposition judging the
    # government is no self-judgement
    return not ((speaker.how or "").startswith(GUESSED) or not judged.sector or not speaker.sector
                or judged.sector == speaker.sector)


def _to_blame(tok: Token) -> bool:
    """ "Pakistan is to blame": the subject is blamed, it blames nobody."""
    return tok.lemma_.lower() == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be" \
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)


def descriptions(coded: list[Coded], ontology: Ontology) -> None:
    """ "The Greek minister described the Turkish drilling as illegal": a description of its
    object (already its target) as something judging is a criticism or praise of it; "X is to
    blame" is no accusation by X (in place)."""
    for c in coded:
        if _to_blame(c.trigger.token):
            c.events[:] = []
            continue
        if c.trigger.code != "010" or c.trigger.pos != "VERB":
            continue
        found = _described(c.trigger.token)
        if found is None:
            continue
        judged, code = found
        c.events[:] = [recode(e, code, ontology, rule=e.rule.replace(" tgt=", " tgt=evaluative-description+", 1))
                       if e.target is not None and judged.text in e.target.text  # the object, not a guess
                       and judgeable(e.source.actor if e.source else None, e.target.actor) else e
                       for e in c.events]


def evaluated_subject(tok: Token) -> tuple[Token, str, str] | None:
    """The actor a speech verb's content judges, the code of the judgement (disapproval or
    approval) and the frame that found it; None when the content judges nobody."""
    clauses = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
    if tok.dep_ == "parataxis":  # "“Turkey's raid was illegal,” he said", parsed with "said" below the quote
        clauses.append(tok.head)
    for c in clauses:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        found = _judgement(c)
        judged = _judged(c, found[1]) if found is not None else None
        if judged is None or judged.lemma_.lower() in WORDS.people_nouns or judged.lower_ in WORDS.people_nouns \
                or (judged.pos_ != "PROPN" and _weak(found[1])):
            continue
        return judged, found[0], "evaluative-complement"
    return None
