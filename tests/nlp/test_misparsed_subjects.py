"""Subjects through a known misparse (``detente.coding.arguments.subject_of``), on hand-built
parses so the test does not depend on how the statistical parser reads one sentence."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.coding.arguments import subject_of
from detente.nlp import reduced_passive


def test_the_object_of_a_dangling_preposition_is_not_a_second_subject():
    # "The family of suspect John Carter have issued a statement": spaCy leaves "of" without
    # an object and makes "Carter" a second subject; the family issued it
    words = ["The", "family", "of", "suspect", "John", "Carter", "have", "issued", "a", "statement"]
    heads = [1, 7, 1, 5, 5, 7, 7, 7, 9, 7]
    deps = ["det", "nsubj", "prep", "compound", "compound", "nsubj", "aux", "ROOT", "det", "dobj"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "AUX", "VERB", "DET", "NOUN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in subject_of(doc[7])] == ["family"]


def test_two_subjects_otherwise_the_nearer_acts():
    # "BEIRUT -- Gunmen released the hostages": the dateline is no subject
    words = ["BEIRUT", "--", "Gunmen", "released", "the", "hostages"]
    heads = [3, 3, 3, 3, 5, 3]
    deps = ["nsubj", "punct", "nsubj", "ROOT", "det", "dobj"]
    pos = ["PROPN", "PUNCT", "NOUN", "VERB", "DET", "NOUN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in subject_of(doc[3])] == ["Gunmen"]


def _opening_date_parse(verb: str, obj: str) -> Doc:
    # "Last April, the panel <verb> the <obj> ...": spaCy may read the opening date as the
    # sentence's root and the verb as a participle on the panel, though it has an object
    words = ["Last", "April", ",", "the", "panel", verb, "the", obj, "to", "the", "regime"]
    heads = [1, 1, 1, 4, 1, 4, 7, 5, 7, 10, 8]
    deps = ["amod", "ROOT", "punct", "det", "appos", "acl", "det", "dobj", "prep", "det", "pobj"]
    pos = ["ADJ", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN"]
    tags = ["JJ", "NNP", ",", "DT", "NN", "VBN", "DT", "NN", "IN", "DT", "NN"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_participle_with_an_object_is_a_misparsed_main_verb():
    doc = _opening_date_parse("attributed", "attack")
    assert not reduced_passive(doc[5])
    assert [t.text for t in subject_of(doc[5])] == ["panel"]  # the panel attributed it


def test_a_participle_without_an_object_is_undergone_by_its_noun():
    # "the soldiers kidnapped by Isis": the soldiers are kidnapped, the participle has no subject
    words = ["the", "soldiers", "kidnapped", "by", "Isis", "were", "freed"]
    heads = [1, 6, 1, 2, 3, 6, 6]
    deps = ["det", "nsubjpass", "acl", "agent", "pobj", "auxpass", "ROOT"]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "AUX", "VERB"]
    tags = ["DT", "NNS", "VBN", "IN", "NNP", "VBD", "VBN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert reduced_passive(doc[2])
    assert [t.text for t in subject_of(doc[2])] == ["Isis"]
