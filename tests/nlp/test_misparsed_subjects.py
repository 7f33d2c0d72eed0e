"""Subjects through a known misparse (``detente.coding.arguments.subject_of``), on hand-built
parses so the test does not depend on how the statistical parser reads one sentence."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.coding.arguments import subject_of


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
