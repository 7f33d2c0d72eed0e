"""The named word lists of dating (data/temporal/words.yaml), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import yaml


class TemporalWordsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class TemporalWords:
    carry_links: Mapping[str, int]  # link phrase -> day offset (read-only)
    earlier_adverbs: frozenset[str]
    earlier_adjectives: frozenset[str]
    recent_words: frozenset[str]
    immediacy_words: frozenset[str]
    title_nouns: frozenset[str]

    @property
    def carry_pattern(self) -> re.Pattern[str]:
        """The links, longest first, as one case-insensitive pattern (group 1: the link)."""
        alts = sorted((re.escape(k).replace(r"\ ", r"\s+") for k in self.carry_links), key=len, reverse=True)
        return re.compile(rf"\b({'|'.join(alts)})\b", re.IGNORECASE)


def parse_temporal_words(data: dict) -> TemporalWords:
    fields = TemporalWords.__dataclass_fields__
    missing = [f for f in fields if f not in (data or {})]
    if missing:
        raise TemporalWordsError(f"temporal/words.yaml: missing lists {missing}")
    links = data["carry_links"]
    if not isinstance(links, dict) or not all(isinstance(v, int) for v in links.values()):
        raise TemporalWordsError("temporal/words.yaml: carry_links maps each link to a day offset (an integer)")
    for name in fields:
        odd = [v for v in data[name] if not isinstance(v, str)]
        if odd:  # YAML reads a bare on/off/yes/no as a boolean: quote it
            raise TemporalWordsError(f"temporal/words.yaml: {name}: {odd[0]!r} is not a word (quote it)")
    return TemporalWords(
        carry_links=MappingProxyType({" ".join(str(k).lower().split()): int(v) for k, v in links.items()}),
        **{name: frozenset(str(v).lower() for v in data[name]) for name in fields if name != "carry_links"},
    )


@lru_cache(maxsize=1)
def load_temporal_words() -> TemporalWords:
    path = resources.files("detente.data").joinpath("temporal/words.yaml")
    return parse_temporal_words(yaml.safe_load(path.read_text(encoding="utf-8")))


TEMPORAL_WORDS = load_temporal_words()
