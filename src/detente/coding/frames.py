"""Argument frames as data (data/frames/arguments.yaml): loading and path matching.

A frame says where a trigger's source or target sits in the dependency parse: a path
of child steps from the trigger (or the pattern's object noun, or the trigger's head),
each step filtered by dependency label, word list, POS and entity type. The frames of
one trigger kind are tried in file order (`coding/arguments.py` runs them); this module
only loads them and matches one path.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from detente.coding.wordlists import WORDS, WordListError, WordLists, word
from detente.nlp import dependency_tree, ent_type_forms, lemma_forms, lower_forms, pos_forms

CONDITIONS = frozenset({"swap", "not_swap", "passive", "active", "stative", "object", "light_head", "light_object",
                        "no_possessive", "no_targets", "one_source", "object_gap", "violent", "prep_object",
                        "relation_object", "retreat", "reduced_passive", "people_object", "subject_noun",
                        "patient_possessive", "agent_possessive"})
PROCEDURES = frozenset({"inherited_subject", "bound_possessive", "instrument_subject", "purpose_subject",
                        "claimant"})
STARTS = frozenset({"trigger", "object", "head"})
ROLES = frozenset({"source", "target"})
PATTERN_WORDS = ("pattern:target_preps", "pattern:source_preps")
TITLED_ADJECTIVE = "ADJ_TITLE"  # an `ent` label: also a capitalised adjective the NER left untagged


class FrameError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Step:
    deps: frozenset[str]
    words: frozenset[str] | str | None = None  # a set, or "pattern:..." read from the trigger's pattern
    pos_not: frozenset[str] = frozenset()
    ents: frozenset[str] = frozenset()
    unused: bool = False  # not one of the trigger's own tokens
    new: bool = False  # not already bound as a source
    lemmas: frozenset[str] | None = None  # a word list matched on the lemma (or lower case)


@dataclass(frozen=True, slots=True)
class Frame:
    id: str
    role: str  # "source" | "target"
    when: frozenset[str] = frozenset()
    start: str = "trigger"
    path: tuple[Step, ...] = ()
    call: str | None = None  # a procedure in code instead of a path
    closure: bool = True  # add everything coordinated with the match
    relative: bool = False  # "that/which/who" -> the noun the clause modifies
    min_count: int = 1
    drop_used: bool = False  # remove the trigger's own tokens after matching
    example: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class FrameSet:
    verb: tuple[Frame, ...]
    noun: tuple[Frame, ...]

    def all(self) -> tuple[Frame, ...]:
        return self.verb + self.noun


def _words(value: Any, where: str, words: WordLists) -> frozenset[str] | str | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value in PATTERN_WORDS:
            return value
        found = getattr(words, value, None)
        if not isinstance(found, (frozenset, tuple)):
            raise FrameError(f"{where}: {value!r} is not a word list in wordlists.yaml")
        return frozenset(found)
    try:
        return frozenset(word(v, where).lower() for v in value)
    except WordListError as exc:
        raise FrameError(str(exc)) from None


def _step(raw: dict, where: str, words: WordLists) -> Step:
    unknown = set(raw) - {"dep", "words", "lemmas", "pos_not", "ent", "unused", "new"}
    if unknown or "dep" not in raw:
        raise FrameError(f"{where}: a step needs 'dep' and takes only dep/words/lemmas/pos_not/ent/unused/new")
    lemmas = _words(raw.get("lemmas"), where, words)
    if isinstance(lemmas, str):
        raise FrameError(f"{where}: 'lemmas' takes a word list, not {lemmas!r}")
    return Step(frozenset(raw["dep"]), _words(raw.get("words"), where, words), frozenset(raw.get("pos_not", ())),
                frozenset(raw.get("ent", ())), bool(raw.get("unused", False)), bool(raw.get("new", False)), lemmas)


def parse_frames(data: dict, words: WordLists = WORDS, source: str = "arguments.yaml") -> FrameSet:
    out: dict[str, tuple[Frame, ...]] = {}
    for kind in ("verb", "noun"):
        frames = []
        for i, raw in enumerate(data.get(kind) or ()):
            where = f"{source}: {kind} frame {i} ({raw.get('id', '?')})"
            if raw.get("role") not in ROLES or not raw.get("id"):
                raise FrameError(f"{where}: needs an id and a role (source or target)")
            when = frozenset(raw.get("when", ()))
            if bad := when - CONDITIONS:
                raise FrameError(f"{where}: unknown conditions {sorted(bad)}")
            if raw.get("call") is not None and raw["call"] not in PROCEDURES:
                raise FrameError(f"{where}: unknown procedure {raw['call']!r}")
            if (raw.get("call") is None) == ("path" not in raw):
                raise FrameError(f"{where}: give either a path or a call")
            start = raw.get("from", "trigger")
            if start not in STARTS:
                raise FrameError(f"{where}: 'from' is one of {sorted(STARTS)}")
            frames.append(Frame(
                id=str(raw["id"]), role=raw["role"], when=when, start=start,
                path=tuple(_step(s, where, words) for s in raw.get("path") or ()), call=raw.get("call"),
                closure=bool(raw.get("closure", True)), relative=bool(raw.get("relative", False)),
                min_count=int(raw.get("min", 1)), drop_used=bool(raw.get("drop_used", False)),
                example=raw.get("example"),
            ))
        out[kind] = tuple(frames)
    return FrameSet(verb=out["verb"], noun=out["noun"])


@lru_cache(maxsize=1)
def load_frames() -> FrameSet:
    path = resources.files("detente.data").joinpath("frames/arguments.yaml")
    return parse_frames(yaml.safe_load(path.read_text(encoding="utf-8")))


def match_path(start: Token, steps: tuple[Step, ...], pattern_words: dict[str, tuple[str, ...]],
               used: set[int], sources: set[int]) -> Token | None:
    """The first token (document order, depth first) reached from `start` along `steps`."""
    if not steps:
        return start
    doc = start.doc
    forms = doc.user_data.get("detente.path_forms")
    if forms is None:  # read once per Doc
        forms = doc.user_data["detente.path_forms"] = (
            *dependency_tree(doc), lower_forms(doc), lemma_forms(doc), pos_forms(doc), ent_type_forms(doc))
    hit = _match(doc, forms, start.i, steps, pattern_words, used, sources)
    return doc[hit] if hit is not None else None


def _match(doc: Doc, forms: tuple[list, ...], i: int, steps: tuple[Step, ...],
           pattern_words: dict[str, tuple[str, ...]], used: set[int], sources: set[int]) -> int | None:
    """``match_path`` on token indices and the Doc's per-token forms: a Token only for the hit."""
    if not steps:
        return i
    kids, labels, lows, lemmas, pos, ents = forms
    step, rest = steps[0], steps[1:]
    words = step.words
    if isinstance(words, str):
        words = frozenset(pattern_words.get(words, ()))
    for c in kids[i]:
        if labels[c] not in step.deps:
            continue
        if words is not None and lows[c] not in words:
            continue
        if step.lemmas is not None and lemmas[c] not in step.lemmas and lows[c] not in step.lemmas:
            continue
        if ents[c] in ("DATE", "TIME"):
            continue  # "in September 2016" is never an argument
        if pos[c] in step.pos_not or (step.ents and ents[c] not in step.ents and not (
                TITLED_ADJECTIVE in step.ents and pos[c] == "ADJ" and doc[c].is_title
                and not doc[c].is_sent_start)):  # "Heavy clashes ...": capitalised as the first word
            continue
        if (step.unused and c in used) or (step.new and c in sources):
            continue
        hit = _match(doc, forms, c, rest, pattern_words, used, sources)
        if hit is not None:
            return hit
    return None
