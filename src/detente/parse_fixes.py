"""Coordination corrections for spaCy's small English parser.

Two misreadings of a list of acts by one subject cost events downstream:

* a finite verb coordinated after an infinitive is hung on the infinitive: in "The leader
  threatened to widen the campaign and called on Arab states to cut ties", "called" becomes
  a conjunct of "widen", so the call reads as part of the threat (future) instead of an act
  of its own. A past or present tense verb (VBD, VBZ) is never a conjunct of a bare
  infinitive (VB with "to"): it is re-attached, with its "and", to the verb that governs the
  infinitive;
* a past-tense verb after a comma with no subordinator and no subject of its own is read as
  an adverbial clause ("He praised the attacks, threatened to widen the campaign and ..."):
  it is a conjunct of the verb before it, and is relabelled so.

A pipeline component placed last makes the repair once, for every later stage.
"""
from __future__ import annotations

from spacy.attrs import DEP, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

PIPE_NAME = "parse_fixes"
FACTORY = "detente_parse_fixes"
FINITE = frozenset({"VBD", "VBZ"})


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _listed_act(tok: Token) -> bool:
    """ "He praised the attacks, threatened to ...": a bare past tense after a comma."""
    head = tok.head
    return tok.dep_ == "advcl" and tok.tag_ == "VBD" and head.tag_ == "VBD" and head.i < tok.i \
        and tok.i > 0 and tok.doc[tok.i - 1].text == "," \
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "advmod") and c.i < tok.i for c in tok.children)


def fix_coordination(doc: Doc) -> Doc:
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, TAG])
    wanted = ((arr[:, 0] == strings.add("conj")) | (arr[:, 0] == strings.add("advcl"))) & (
        (arr[:, 1] == strings.add("VBD")) | (arr[:, 1] == strings.add("VBZ")))
    for i in wanted.nonzero()[0]:  # a few verbs per document, found on arrays
        tok = doc[int(i)]
        if tok.lower_ == tok.lemma_.lower():
            continue  # "to repatriate them and put them on trial": "put", "cut", "set" may be infinitives
        if tok.dep_ == "conj" and tok.tag_ in FINITE and _infinitive(tok.head) and tok.head.head.i != tok.head.i:
            inf, gov = tok.head, tok.head.head
            cc = next((c for c in inf.children if c.dep_ == "cc" and tok.i > c.i), None)
            tok.head = gov
            if cc is not None:
                cc.head = gov
        elif _listed_act(tok):
            tok.dep_ = "conj"
    return doc


@Language.factory(FACTORY)
def make_parse_fixes(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    return fix_coordination


def add_parse_fixes(nlp: Language) -> Language:
    """Add the corrections to a loaded pipeline, last (they read the parse and the lemmas)."""
    nlp.add_pipe(FACTORY, name=PIPE_NAME)
    return nlp
