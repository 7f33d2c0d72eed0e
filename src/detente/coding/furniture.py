"""Text that is not news: datelines, captions, credits and page furniture.

A dateline ("NAIROBI —", "SEOUL (AP) —", "BAGHDAD, April 9 (Xinhua) --") names where a
story was filed, never an actor; a sentence of page furniture ("Related article: ...",
"Credit: Reuters", "FILE - In this photo ...") holds no event.
"""
from __future__ import annotations

import re

from detente.coding.wordlists import WORDS

# An upper-case place (optionally ", Region" and/or a date), an optional agency in
# brackets, then a dash or colon; or an agency alone: "(Reuters) -".
_DATELINE = re.compile(
    r"""^\s*(?:
        (?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})      # NAIROBI, EAST CLEVELAND
        (?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?\.?))?  # , Ohio / , Pakistan
        (?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?         # , April 9 / Sept. 24, 2001
        \s*(?:\([A-Za-z .&\-]{1,30}\))?                              # (AP) / (Xinhua)
      | \([A-Za-z .&\-]{1,30}\)                                      # (Reuters)
    )\s*(?:--|—|–|-|:|\|)\s*
    | ^\s*(?P<titled>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s*(?P<titled_region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:--|—|–|-)\s+
                                                                     # Raipur, India - (spaced dash)
    """,
    re.VERBOSE,
)


_CLOSING = re.compile(r"(?:--|—|–|-|:|\|)\s*$")


def parse_text(text: str) -> str:
    """The text as the parser reads it: a leading dateline closed as a sentence of its own, at
    the same length ("KIEV, Ukraine -- Separatists shot down ..." -> "KIEV, Ukraine.   Separatists
    shot down ..."), so that the parser never takes the dateline for the first sentence's
    subject; every character offset stays the same."""
    end = dateline_end(text)
    closing = _CLOSING.search(text[:end]) if end else None
    if closing is None:
        return text
    head = text[:closing.start()].rstrip()
    if len(head) + 2 > end:  # "NAIROBI—Somali troops": no room for the space a sentence break needs
        return text
    return (head + ".").ljust(end) + text[end:]


def dateline_end(text: str) -> int:
    """Character offset where a leading dateline ends (0 when the text has none).

    The place is written in capitals (at least two letters), as wire copy writes
    datelines, or in title case when a region follows and a spaced dash closes it
    ("Raipur, India - "); "Raipur: ..." or "Moscow said" are not datelines."""
    m = _DATELINE.match(text)
    if m is None:
        return 0
    place = m.group("place")
    if place is not None and sum(ch.isupper() for ch in place) < 2:
        return 0
    return m.end()


def dateline_place(text: str) -> tuple[str, str | None] | None:
    """The place of a leading dateline in title case, and the region or country written after
    it ("GUATEMALA CITY --" -> ("Guatemala City", None); "TOWER, Minn. (AP) --" -> ("Tower",
    "Minn."); "Raipur, India - " -> ("Raipur", "India"))."""
    m = _DATELINE.match(text)
    place = (m.group("place") or m.group("titled")) if m is not None else None
    if place is None or dateline_end(text) == 0:
        return None
    return place.strip("-–—'’ ").title(), m.group("region") or m.group("titled_region")


def is_furniture(sentence: str) -> bool:
    """A caption, credit, link or sign-up line rather than a news sentence, or a headline in
    title case ("Russia's Syrian Charm Offensive and the Art of ..."), which the parser reads
    as a string of names and which op-eds write as rhetoric, not report."""
    low = sentence.strip().lower()
    return low.startswith(WORDS.furniture_starts) or "@" in low and "email" in low or _title_case(sentence)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _title_case(sentence: str) -> bool:
    """Most content words capitalised and no closing punctuation: a headline in title case."""
    text = sentence.strip()
    if not text or text[-1] in ".!?:;\"”’)":
        return False
    words = [w for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in WORDS.title_function_words]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
