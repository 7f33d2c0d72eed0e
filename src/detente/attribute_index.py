"""spaCy's attribute ruler with its single-token patterns looked up instead of matched.

The small English model's ``attribute_ruler`` maps every fine-grained tag to its
coarse part of speech and morphology, with some 180 patterns ("TAG": "NN"; "TAG": "DT"
and "LOWER": "the"; ...). Its Matcher tries every pattern at every token, which costs as
much as the tagger and parser together (1.5 s of the 10 s the model spends on 300 wire
stories). Nearly all of those patterns constrain one token by equality or membership, so
they can be indexed by the token's tag and lower-case form: each token is checked only
against the few patterns filed under its own tag or word.

``IndexedAttributeRuler`` is the model's own component class with that index beside its
Matcher. It keeps every pattern (``patterns``, serialisation and scoring are unchanged);
only the patterns the index cannot express (several tokens, REGEX and other operators)
are still run by a Matcher. Matches are returned and applied exactly as spaCy does
(sorted by pattern order, later rules win), so every token gets the same tag, POS,
morphology, lemma and dependency label as with the original component.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

FACTORY = "detente_indexed_attribute_ruler"
PIPE_NAME = "attribute_ruler"
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # columns of the per-Doc array
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Test = Callable[[tuple[int, int, int, int]], bool]  # a token's (tag, lower, dep, is_space) ids -> holds?
Key = tuple[int | None, int | None]  # (tag id, lower-case form id); None: any


def _ids(value: object) -> frozenset[int] | None:
    """The string ids an equality or IN constraint allows; None for any other constraint."""
    if isinstance(value, str):
        return frozenset((get_string_id(value),))
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list) \
            and all(isinstance(x, str) for x in value["IN"]):
        return frozenset(get_string_id(x) for x in value["IN"])
    return None


def _test(column: int, value: object) -> Test | None:
    """A check of one column against one constraint, or None where the index cannot
    express it (the pattern then stays with the Matcher)."""
    if column == _COLUMNS["IS_SPACE"]:
        return (lambda row, want=int(value): row[column] == want) if isinstance(value, bool) else None
    allowed = _ids(value)
    if allowed is not None:
        return lambda row: row[column] in allowed
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("NOT_IN"), list) \
            and all(isinstance(x, str) for x in value["NOT_IN"]):
        barred = frozenset(get_string_id(x) for x in value["NOT_IN"])
        return lambda row: row[column] not in barred
    return None


def _compile(token: dict) -> tuple[list[Key], list[Test]] | None:
    """File one token pattern under every (tag, lower) key its tag and word constraints
    allow (equality, or each member of an IN list; None where unconstrained), with the
    tests of its other constraints; None if it cannot be indexed."""
    if any(attr not in _COLUMNS for attr in token):
        return None
    keyed = {attr: _ids(token[attr]) for attr in ("TAG", "LOWER") if attr in token}
    keyed = {attr: ids for attr, ids in keyed.items() if ids is not None}
    tests = [_test(_COLUMNS[attr], value) for attr, value in token.items() if attr not in keyed]
    if None in tests:
        return None
    keys = [(tag, lower) for tag in keyed.get("TAG", (None,)) for lower in keyed.get("LOWER", (None,))]
    return keys, tests


MEMO_LIMIT = 200_000  # token rows remembered with their rules (a few tens of MB at most)


class IndexedAttributeRuler(AttributeRuler):
    """AttributeRuler whose single-token equality and membership patterns are indexed."""

    def __init__(self, vocab, name: str = PIPE_NAME, *, validate: bool = False, **kwargs) -> None:
        super().__init__(vocab, name, validate=validate, **kwargs)
        self._clear_index()

    def clear(self) -> None:
        super().clear()
        self._clear_index()

    def _clear_index(self) -> None:
        self._index: dict[Key, list[tuple[int, list[Test]]]] = {}
        self._rest = Matcher(self.vocab, validate=self.validate)
        # the rules a token row matches, kept across Docs (rows repeat across a corpus too);
        # emptied when rules change, and when it grows past MEMO_LIMIT rows
        self._memo: dict[tuple[int, int, int, int], list[tuple[int, int]]] = {}

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        attr_id = len(self.attrs)  # the id the parent gives this rule
        super().add(patterns, attrs, index)
        self._memo.clear()
        for pattern in patterns:
            compiled = _compile(pattern[0]) if len(pattern) == 1 else None
            if compiled is None:
                self._rest.add(self.vocab.strings[str(attr_id)], [pattern])
                continue
            keys, tests = compiled
            for key in keys:
                self._index.setdefault(key, []).append((attr_id, tests))

    def _rules_for(self, row: tuple[int, int, int, int]) -> list[int]:
        """The ids of the indexed rules a token matches, from its (tag, lower, dep, is_space) ids."""
        index, tag, lower = self._index, row[0], row[1]
        return [attr_id for key in ((tag, lower), (tag, None), (None, lower), (None, None))
                for attr_id, tests in index.get(key, ()) if all(test(row) for test in tests)]

    def match(self, doc: Doc):
        key_of = self.vocab.strings
        rest = self._rest(doc, allow_missing=True, as_spans=False) if len(self._rest) else ()
        found = [(int(key_of[m_id]), m_id, s, e) for m_id, s, e in rest]
        rules = self._memo
        if len(rules) > MEMO_LIMIT:
            rules.clear()
        for i, row in enumerate(zip(*doc.to_array(_ARRAY_ATTRS).T.tolist())):
            ids = rules.get(row)
            if ids is None:
                ids = rules[row] = [(attr_id, key_of[str(attr_id)]) for attr_id in self._rules_for(row)]
            found.extend((attr_id, m_id, i, i + 1) for attr_id, m_id in ids)
        found.sort()  # the parent's order: by rule, so that later rules win
        return found


@Language.factory(FACTORY, default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language) -> Language:
    """Replace a loaded pipeline's attribute ruler by the indexed one, with the same patterns."""
    if PIPE_NAME not in nlp.pipe_names or isinstance(nlp.get_pipe(PIPE_NAME), IndexedAttributeRuler):
        return nlp
    patterns = nlp.get_pipe(PIPE_NAME).patterns
    nlp.replace_pipe(PIPE_NAME, FACTORY).add_patterns(patterns)
    return nlp
