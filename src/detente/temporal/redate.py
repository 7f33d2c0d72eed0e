"""Re-date a stored event for a new publication date, without re-coding it.

The coder (``detente.coding.context.WhenWhere``) dates an event by a time expression
of its sentence (the one in the trigger's clause, else the first), else by one carried
from an earlier sentence of the paragraph, else by the publication date. Stored events
keep their sentence and the text of the expression used (``date_text``), so a new
anchor can be applied again:

* ``date_text`` found among the sentence's expressions: resolved against the new anchor;
* ``date_text`` not in the sentence (carried): the expression alone is resolved again;
* no ``date_text``: the sentence's single expression if it now has one (without an
  anchor relative ones do not resolve); else, when the sentence points back ("then",
  "later", ... ``CARRY_CUES``), the last explicit date of an earlier event sentence
  of the document; else the publication date.

The result is *exact* (what re-coding would give) unless the coder's choice between
several expressions could differ now that more of them resolve (the first is taken),
or a date is carried (the coder also carries from sentences whose triggers gave no
event, which are not stored): such results are flagged, so the caller can say how many
events ``--recode`` might date differently. (Actor codes resolved as of the event date are not revisited either.)
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from detente.temporal import find_time_expressions, resolve_time


@dataclass(slots=True, frozen=True)
class Redated:
    event_date: date | None
    date_precision: str
    date_text: str | None
    exact: bool


def redate(sentence: str, date_text: str | None, old_anchor: date | None, new_anchor: date | None) -> Redated | None:
    """The event's date against ``new_anchor``; None when it cannot be redone (an expression
    carried from an earlier sentence without an anchor to resolve it against)."""
    new = [e for e in find_time_expressions(sentence, new_anchor) if e.value is not None]
    if date_text is not None:
        for e in new:
            if e.text == date_text:
                old = [o for o in find_time_expressions(sentence, old_anchor) if o.value is not None]
                return Redated(e.value, e.precision, e.text, len(new) <= 1 or len(new) == len(old))
        if new_anchor is None:
            return None
        carried = resolve_time(date_text, new_anchor)
        if carried is None or carried.value is None or carried.text != date_text:
            return None
        # without an old anchor, an earlier relative expression may now be the one carried
        return Redated(carried.value, carried.precision, date_text, old_anchor is not None)
    if not new:
        if new_anchor is None:
            return Redated(None, "unknown", None, True)
        return Redated(new_anchor, "publication", None, True)
    first = new[0]
    return Redated(first.value, first.precision, first.text, len(new) == 1)


_EXPLICIT = ("day", "month", "year", "week", "season")


def redate_document(
    events: Sequence[tuple[int, str, str | None]], old_anchor: date | None, new_anchor: date | None,
    paragraphs: Sequence[int] = (0,),
) -> list[Redated | None]:
    """``redate`` for the events of one document, given as (sentence_start, sentence,
    date_text) in text order, with the coder's carrying of a date into a sentence that
    points back. ``paragraphs``: the start offsets of the document's paragraphs
    (``detente.nlp.chunk_text``), within which a date is carried."""
    from bisect import bisect_right

    from detente.coding.context import CARRY_CUES  # the coder's own cue list

    out: list[Redated | None] = []
    carried = None
    paragraph = last_sentence = None
    for start, sentence, date_text in events:
        here = bisect_right(paragraphs, start)
        if here != paragraph:
            paragraph, carried = here, None
        r = redate(sentence, date_text, old_anchor, new_anchor)
        if (r is not None and date_text is None and r.date_text is None and carried is not None
                and CARRY_CUES.search(sentence)):
            r = Redated(carried.value, carried.precision, carried.text, False)
        out.append(r)
        if sentence != last_sentence:
            explicit = [e for e in find_time_expressions(sentence, new_anchor)
                        if e.value is not None and e.precision in _EXPLICIT]
            if explicit:
                carried = explicit[-1]
            last_sentence = sentence
    return out
