"""Place-name keys: how two spellings of one place come to the same string.

``normalize_name`` is case-, diacritics- and punctuation-insensitive ("ʿ/'/‘" dropped,
hyphens = spaces, a leading "the" dropped). From it, three keys of increasing
tolerance, tried together by the gazetteer (a match on a looser key counts for less):

1. ``compact``: without spaces ("Deir Ezzor" = "Deir ez-Zor").
2. ``skeleton``: without a leading Arabic article, doubled letters or a final "h"
   ("Hodeidah" = "El-Hodeidah", "Raqqa" = "Ar Raqqah").
3. ``phonetic``: the skeleton with the articles inside the name dropped too and the
   vowel spellings of Arabic transliteration folded (ou/oo -> u, ee -> i, ei/ey/ay ->
   ai, aw -> o, e -> i, q -> k): "Khan Sheikhoun" = "Khān Shaykhūn", "Jisr
   al-Shughour" = "Jisr ash Shughūr", "Maarat al-Numan" = "Ma‘arrat an Nu‘mān".
"""
from __future__ import annotations

import re
import unicodedata

_TRANSLIT = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ß": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
})
_APOSTROPHES = re.compile(r"[\'’‘`´ʿʾʻʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_ARTICLES = r"(?:al|el|ar|as|ad|an|at|az|ash|ed|es|ez|ul)"
_ARTICLE = re.compile(rf"^{_ARTICLES} ")
_INNER_ARTICLE = re.compile(rf"(?<= ){_ARTICLES} ")
_DOUBLE = re.compile(r"(.)\1+")
_DIPHTHONG = re.compile(r"(?:ei|ey|ay)(?![aeiou])")  # "Shaykh" = "Sheikh", but the y of "Mayadin" stays


def normalize_name(name: str) -> str:
    """Lower-case ASCII key: no diacritics, apostrophes or punctuation, no leading "the"."""
    s = name if name.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", name.translate(_TRANSLIT)))
    s = _APOSTROPHES.sub("", s.lower())
    s = _NON_ALNUM.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def compact(key: str) -> str:
    return key.replace(" ", "")


def _first(m: re.Match[str]) -> str:
    return m[1]


def _fold_end(s: str) -> str:
    return s[:-1] if s.endswith("h") and len(s) > 4 else s


def skeleton(key: str) -> str:
    return _fold_end(_DOUBLE.sub(_first, compact(_ARTICLE.sub("", key))))


def phonetic(key: str) -> str:
    s = _INNER_ARTICLE.sub("", _ARTICLE.sub("", key))
    s = compact(s).replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("aw", "o")
    s = _DIPHTHONG.sub("ai", s).replace("e", "i").replace("q", "k")
    return _fold_end(_DOUBLE.sub(_first, s))


#: the key functions in order of tolerance; a name's keys are (compact, skeleton, phonetic)
KEY_LEVELS = (compact, skeleton, phonetic)
MIN_LOOSE_KEY = 4  # skeleton and phonetic keys shorter than this are not indexed


def name_keys(key: str) -> tuple[str, str, str]:
    """The three keys of a normalised name (loose keys shorter than MIN_LOOSE_KEY are "")."""
    c, s, p = compact(key), skeleton(key), phonetic(key)
    return c, s if len(s) >= MIN_LOOSE_KEY else "", p if len(p) >= MIN_LOOSE_KEY else ""
