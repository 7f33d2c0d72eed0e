"""Coordination corrections (``detente.parse_fixes``): on hand-built parses, so the test does
not depend on how the statistical parser reads one sentence, and once end to end."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from detente.parse_fixes import fix_coordination


def parse(words, heads, deps, tags, lemmas):
    # an English vocabulary, so that lower-case forms are set
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


def test_a_past_tense_conjunct_of_an_infinitive_joins_the_verb_above():
    # "He threatened to widen it and called on them": "called" is no part of the threat
    words = ["He", "threatened", "to", "widen", "it", "and", "called", "on", "them"]
    heads = [1, 1, 3, 1, 3, 3, 3, 6, 7]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "dobj", "cc", "conj", "prep", "pobj"]
    tags = ["PRP", "VBD", "TO", "VB", "PRP", "CC", "VBD", "IN", "PRP"]
    lemmas = ["he", "threaten", "to", "widen", "it", "and", "call", "on", "they"]
    doc = fix_coordination(parse(words, heads, deps, tags, lemmas))
    assert (doc[6].head.text, doc[5].head.text) == ("threatened", "threatened")


def test_a_verb_whose_past_is_its_base_may_be_an_infinitive():
    # "urged them to repatriate fighters and put them on trial": "put" stays with "repatriate"
    words = ["They", "urged", "us", "to", "repatriate", "fighters", "and", "put", "them"]
    heads = [1, 1, 1, 4, 1, 4, 4, 4, 7]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "cc", "conj", "dobj"]
    tags = ["PRP", "VBD", "PRP", "TO", "VB", "NNS", "CC", "VBD", "PRP"]
    lemmas = ["they", "urge", "we", "to", "repatriate", "fighter", "and", "put", "they"]
    doc = fix_coordination(parse(words, heads, deps, tags, lemmas))
    assert doc[7].head.text == "repatriate"


def test_a_bare_past_tense_after_a_comma_is_a_listed_act():
    # "He praised the attacks, threatened to widen it": a list of his acts, not an adverbial clause
    words = ["He", "praised", "attacks", ",", "threatened", "to", "widen", "it"]
    heads = [1, 1, 1, 1, 1, 6, 4, 6]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advcl", "aux", "xcomp", "dobj"]
    tags = ["PRP", "VBD", "NNS", ",", "VBD", "TO", "VB", "PRP"]
    lemmas = ["he", "praise", "attack", ",", "threaten", "to", "widen", "it"]
    doc = fix_coordination(parse(words, heads, deps, tags, lemmas))
    assert doc[4].dep_ == "conj"


@pytest.mark.slow
def test_each_listed_act_is_coded_as_done(code_text):
    events = code_text("The Houthi leader praised the attacks, threatened to widen the campaign and called on "
                       "Arab states to cut ties with Israel.", "2024-01-10")
    assert {(e.cameo_code[:2], e.factuality) for e in events if e.trigger.text != "cut"} >= {
        ("05", "asserted"), ("13", "asserted"), ("02", "asserted")}
