"""What counts as coordinated (``detente.nlp.conj_closure``), on hand-built parses, so the
test does not depend on how the statistical parser reads one sentence."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.nlp import conj_closure


def parse(words, heads, deps, ents):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)


def test_a_name_hung_on_a_title_as_a_conjunct_is_an_apposition():
    # "Senior Judge of Mardan, Karim Haddad, suspended a clerk": no "and", a person after a title
    words = ["Senior", "Judge", "of", "Mardan", ",", "Karim", "Haddad", ",", "suspended", "a", "clerk"]
    heads = [1, 8, 1, 2, 1, 6, 1, 8, 8, 10, 8]
    deps = ["compound", "nsubj", "prep", "pobj", "punct", "compound", "conj", "punct", "ROOT", "det", "dobj"]
    ents = ["O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    doc = parse(words, heads, deps, ents)
    assert [t.text for t in conj_closure(doc[1])] == ["Judge"]


def test_a_list_with_and_stays_a_list():
    # "the judge, Karim Haddad and the mayor suspended": an "and" makes it a list
    words = ["the", "judge", ",", "Karim", "Haddad", "and", "the", "mayor", "suspended"]
    heads = [1, 8, 1, 4, 1, 4, 7, 4, 8]
    deps = ["det", "nsubj", "punct", "compound", "conj", "cc", "det", "conj", "ROOT"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    doc = parse(words, heads, deps, ents)
    assert [t.text for t in conj_closure(doc[1])] == ["judge", "Haddad", "mayor"]


def test_two_names_without_and_stay_two_actors():
    # headline style "Russia, Turkey agree on truce"
    words = ["Russia", ",", "Turkey", "agree"]
    heads = [3, 0, 0, 3]
    deps = ["nsubj", "punct", "conj", "ROOT"]
    ents = ["B-GPE", "O", "B-GPE", "O"]
    doc = parse(words, heads, deps, ents)
    assert [t.text for t in conj_closure(doc[0])] == ["Russia", "Turkey"]


def test_a_second_object_hung_on_the_verb_is_an_object_conjunct():
    # "besieged a base and thousands of people": spaCy may make "thousands" the verb's conjunct
    words = ["fighters", "besieged", "a", "base", "and", "thousands", "of", "people"]
    heads = [1, 1, 3, 1, 1, 1, 5, 6]
    deps = ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "prep", "pobj"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "NOUN", "ADP", "NOUN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conj_closure(doc[3])] == ["base", "thousands"]
    # a conjunct verb with its own object is a second clause: "bombed a base and shelled towns"
    words = ["jets", "bombed", "a", "base", "and", "shelled", "towns"]
    heads = [1, 1, 3, 1, 1, 1, 5]
    deps = ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "dobj"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "VERB", "NOUN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conj_closure(doc[3])] == ["base"]
