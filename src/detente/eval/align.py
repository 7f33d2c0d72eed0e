"""Which predicted events belong to which gold sentence.

A gold file may cover only some sentences of a document. Each gold sentence is placed
in the document text (by its `sentence_start`/`sentence_end` offsets when the gold gives
them, else by finding its text, tolerant to whitespace, quote and case differences), and
an event belongs to the gold sentence whose span holds its trigger. Events of sentences
the gold does not cover belong to none: they are neither right nor wrong.

A gold sentence that cannot be placed (its text is not in the document) takes the events
whose own sentence text is its text or a part of it.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from detente.eval.gold import GoldSentence
from detente.model import Event

# quote marks of every style, and invisible characters: ignored when comparing text
_IGNORED = frozenset("'\"`´‘’‚‛“”„‟‹›«»′″\u00ad\u200b\u200c\u200d\u2060\ufeff")
_MIN_PART = 20  # shortest event sentence that may count as part of an unplaced gold sentence


def fold(text: str) -> tuple[str, list[int]]:
    """Text without whitespace and quote marks, NFKC-normalised and case-folded, with the
    offset in `text` of each folded character."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c.isspace() or c in _IGNORED:
            continue
        for f in unicodedata.normalize("NFKC", c).casefold():
            if not f.isspace() and f not in _IGNORED:
                chars.append(f)
                where.append(i)
    return "".join(chars), where


@dataclass(slots=True)
class Placement:
    """Where a gold sentence sits in its document: [start, end) offsets, or None."""

    gold: GoldSentence
    start: int | None
    end: int | None
    confirmed: bool  # the text at these offsets is the gold sentence's text


def place(gold: list[GoldSentence], text: str) -> list[Placement]:
    """The span of each gold sentence of one document in its text (gold in document order)."""
    folded, where = fold(text)
    out: list[Placement] = []
    cursor = 0  # folded position after the last sentence found
    for g in gold:
        want = fold(g.sentence)[0]
        if g.start is not None:
            end = g.end if g.end is not None else g.start + len(g.sentence)
            out.append(Placement(g, g.start, end, bool(want) and fold(text[g.start:end])[0] == want))
            continue
        pos = folded.find(want, cursor) if want else -1
        if pos < 0 and want:
            pos = folded.find(want)
        if pos < 0:
            out.append(Placement(g, None, None, False))
            continue
        cursor = pos + len(want)
        out.append(Placement(g, where[pos], where[cursor - 1] + 1, True))
    return out


def _position(e: Event) -> int:
    return e.trigger.start if e.trigger.start is not None else e.sentence_start


def _part_of(e: Event, want: str) -> bool:
    have = fold(e.sentence)[0]
    return bool(want) and (have == want or (len(have) >= _MIN_PART and have in want))


def assign(gold: list[GoldSentence], text: str, events: list[Event]
           ) -> tuple[list[tuple[GoldSentence, list[Event]]], list[Placement], list[Event]]:
    """(gold sentence, its events) pairs, the placements, and the events of no gold sentence.

    Each event goes to at most one gold sentence: the first whose span holds its trigger,
    else the first unplaced one whose text holds the event's sentence."""
    placed = place(gold, text)
    mine: list[list[Event]] = [[] for _ in placed]
    outside: list[Event] = []
    for e in events:
        at = _position(e)
        k = next((i for i, p in enumerate(placed) if p.start is not None and p.start <= at < p.end), None)
        if k is None:
            k = next((i for i, p in enumerate(placed)
                      if p.start is None and _part_of(e, fold(p.gold.sentence)[0])), None)
        if k is None:
            outside.append(e)
        else:
            mine[k].append(e)
    return [(p.gold, evs) for p, evs in zip(placed, mine)], placed, outside
