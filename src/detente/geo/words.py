"""The named word lists of place attachment (data/geo/words.yaml), loaded once.

Each list has one definition; the modules that need one read it from ``GEO_WORDS``.
The lists are frozensets (immutable).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


class GeoWordsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class GeoWords:
    place_modifiers: frozenset[str]
    control_suffixes: frozenset[str]
    holding_suffixes: frozenset[str]
    stronghold_nouns: frozenset[str]
    place_nouns: frozenset[str]
    local_unit_nouns: frozenset[str]
    direction_words: frozenset[str]
    place_object_verbs: frozenset[str]
    place_object_preps: frozenset[str]
    motion_particles: frozenset[str]
    place_subject_verbs: frozenset[str]
    venue_nouns: frozenset[str]
    venue_preps: frozenset[str]
    visit_words: frozenset[str]
    time_clause_markers: frozenset[str]
    topic_preps: frozenset[str]
    statement_roots: frozenset[str]
    material_roots: frozenset[str]
    attack_roots: frozenset[str]
    meeting_roots: frozenset[str]
    locative_preps: frozenset[str]

    def is_modifier(self, word: str) -> bool:
        """ "eastern", "rebel-held", "Kurdish-controlled": qualifies a place, is not part of it."""
        w = word.lower()
        return w in self.place_modifiers or ("-" in w and w.rsplit("-", 1)[1] in self.control_suffixes)

    @property
    def modifier_pattern(self) -> re.Pattern[str]:
        """Leading modifiers of a normalised name (hyphens are spaces there): "rebel held eastern "."""
        words = sorted((w.replace("-", " ") for w in self.place_modifiers), key=len, reverse=True)
        held = "|".join(sorted(self.control_suffixes))
        return re.compile(rf"^(?:(?:{'|'.join(map(re.escape, words))}|[a-z]+ (?:{held}))\s+)+")


def parse_geo_words(data: dict) -> GeoWords:
    fields = GeoWords.__dataclass_fields__
    missing = [f for f in fields if f not in (data or {})]
    if missing:
        raise GeoWordsError(f"geo/words.yaml: missing lists {missing}")
    for name in fields:
        odd = [v for v in data[name] if not isinstance(v, str)]
        if odd:  # YAML reads a bare on/off/yes/no as a boolean: quote it
            raise GeoWordsError(f"geo/words.yaml: {name}: {odd[0]!r} is not a word (quote it)")
    return GeoWords(**{name: frozenset(v.lower() for v in data[name]) for name in fields})


@lru_cache(maxsize=1)
def load_geo_words() -> GeoWords:
    path = resources.files("detente.data").joinpath("geo/words.yaml")
    return parse_geo_words(yaml.safe_load(path.read_text(encoding="utf-8")))


GEO_WORDS = load_geo_words()
