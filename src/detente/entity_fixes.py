"""Entity corrections for spaCy's small English NER.

The model takes a capitalised participle that opens a sentence for part of the name after
it: "Congratulating Egypt on ..." becomes one PERSON, "Visiting Moscow, Erdogan said" one
GPE, so the name is lost as an actor or a place. A pipeline component placed after the NER
trims such leading verbs from every entity span (the rest keeps its label); an entity that
is only a verb is dropped. So is an entity with no letter or digit at all: noise such as "¦"
tagged PERSON would otherwise become the antecedent of a later "he".

The model also reads a place after a place modifier as a language ("in eastern Aleppo":
Aleppo LANGUAGE), so the event loses its place. A language is never "eastern" or
"rebel-held": such an entity is relabelled GPE (the modifiers are ``place_modifiers`` and
``control_suffixes`` of geo/words.yaml).
"""
from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE, POS
from spacy.language import Language
from spacy.parts_of_speech import VERB as VERB_POS
from spacy.tokens import Doc, Span, Token

from detente.geo.words import GEO_WORDS

PIPE_NAME = "entity_fixes"
FACTORY = "detente_entity_fixes"
VERB_TAGS = frozenset({"VBG", "VBN", "VBD", "VBZ", "VBP", "VB"})
BEGIN = 3  # ENT_IOB: 3 is "B", the first token of an entity


def _leading_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.tag_ in VERB_TAGS


def _wordless(span: Span) -> bool:
    return not any(ch.isalnum() for ch in span.text)


def _modified_place(doc: Doc, ent: Span) -> bool:
    """A LANGUAGE entity right after a place modifier: "eastern Aleppo", "rebel-held Aleppo"."""
    if ent.label_ != "LANGUAGE" or ent.start == 0:
        return False
    prev = doc[ent.start - 1]
    return GEO_WORDS.is_modifier(prev.text) or (prev.i >= 2 and prev.lower_ in GEO_WORDS.control_suffixes
                                                and doc[prev.i - 1].text == "-")


def trim_entities(doc: Doc) -> Doc:
    # the common case, checked on arrays without building spans: no LANGUAGE entity, no entity
    # that starts with a verb or with a token that has no letter or digit
    arr = doc.to_array([ENT_IOB, POS, ENT_TYPE])
    if (arr[:, 2] == doc.vocab.strings.add("LANGUAGE")).any() and any(_modified_place(doc, e) for e in doc.ents):
        doc.ents = [Span(doc, e.start, e.end, label="GPE") if _modified_place(doc, e) else e for e in doc.ents]
    begins = arr[:, 0] == BEGIN
    if not (begins & (arr[:, 1] == VERB_POS)).any() \
            and all(any(ch.isalnum() for ch in doc[int(i)].text) for i in begins.nonzero()[0]):
        return doc
    fixed = []
    for ent in doc.ents:
        start = ent.start
        while start < ent.end and _leading_verb(doc[start]):
            start += 1
        if start < ent.end and not _wordless(ent):
            fixed.append(ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_))
    doc.ents = fixed
    return doc


@Language.factory(FACTORY)
def make_entity_fixes(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    return trim_entities


def add_entity_fixes(nlp: Language) -> Language:
    """Add the corrections to a loaded pipeline, right after its NER."""
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(FACTORY, name=PIPE_NAME, **where)
    return nlp
