"""Re-date a stored event for a new publication date, without re-coding it.

The coder (``detente.coding.dating``) dates an event by the time expression on its own
clause, else by the paragraph's last date through an explicit link ("then", "the next
day": ``carry_links``), else not at all when the event is reported as earlier
("before-publication"), else by the publication date. Stored events keep their sentence,
the text of the expression used (``date_text``), their precision and their factuality
(a scheduled event reads its expression forward), so a new anchor can be applied again:

* ``date_text`` found among the sentence's expressions: resolved against the new anchor;
* ``date_text`` not in the sentence (carried): the expression alone is resolved again,
  moved by the link's day offset;
* "before-publication": kept (no date, whatever the anchor); "recent": the new anchor;
* no ``date_text``: the sentence's single expression if it now has one (without an
  anchor relative ones do not resolve); else, when the sentence has an explicit link,
  the last explicit date of an earlier event sentence of the document; else the
  publication date.

The result is *exact* (what re-coding would give) unless the coder's choice could differ:
an expression that now resolves where none did (the coder attaches an expression to the
word it modifies, which needs the parse), or a carried date (the coder also carries from
sentences whose triggers gave no event, which are not stored): such results are flagged,
so the caller can say how many events ``--recode`` might date differently. (Actor codes
resolved as of the event date are not revisited either.)
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from detente.temporal import find_time_expressions, resolve_time
from detente.temporal.words import TEMPORAL_WORDS

PAST_FACTUALITY = ("asserted", "negated", "alleged")  # the coder's: others read forward
_EXPLICIT = ("day", "month", "year", "week", "season")


@dataclass(slots=True, frozen=True)
class Redated:
    event_date: date | None
    date_precision: str
    date_text: str | None
    exact: bool


def link_offset(sentence: str) -> int | None:
    """The day offset of the sentence's explicit link to an earlier date, None without one."""
    m = TEMPORAL_WORDS.carry_pattern.search(sentence)
    return TEMPORAL_WORDS.carry_links[" ".join(m[1].lower().split())] if m else None


def redate(sentence: str, date_text: str | None, old_anchor: date | None, new_anchor: date | None,
           factuality: str = "asserted", precision: str | None = None) -> Redated | None:
    """The event's date against ``new_anchor``; None when it cannot be redone (an expression
    carried from an earlier sentence without an anchor to resolve it against)."""
    if precision == "before-publication":
        return Redated(None, precision, date_text, True)
    if precision == "recent":  # "the recent offer": the new publication date as its latest day
        return Redated(new_anchor, "recent" if new_anchor else "before-publication", date_text, True)
    future = factuality not in PAST_FACTUALITY
    new = [e for e in find_time_expressions(sentence, new_anchor, future) if e.value is not None]
    if date_text is not None:
        for e in new:
            if e.text == date_text:
                old = [o for o in find_time_expressions(sentence, old_anchor, future) if o.value is not None]
                return Redated(e.value, e.precision, e.text, len(new) <= 1 or len(new) == len(old))
        if new_anchor is None:
            return None
        carried = resolve_time(date_text, new_anchor)
        if carried is None or carried.value is None or carried.text != date_text:
            return None
        shift = (link_offset(sentence) or 0) if carried.precision == "day" else 0
        # without an old anchor, an earlier relative expression may now be the one carried
        return Redated(carried.value + timedelta(days=shift), carried.precision, date_text, old_anchor is not None)
    if not new:
        if new_anchor is None:
            return Redated(None, "unknown", None, True)
        return Redated(new_anchor, "publication", None, True)
    first = new[0]
    return Redated(first.value, first.precision, first.text, False)


def redate_document(
    events: Sequence[tuple], old_anchor: date | None, new_anchor: date | None,
) -> list[Redated | None]:
    """``redate`` for the events of one document, given as (sentence_start, sentence,
    date_text[, factuality, date_precision]) in text order, with the coder's carrying of the
    document's last date into a sentence that has an explicit link."""
    out: list[Redated | None] = []
    carried = None
    last_sentence = None
    for _start, sentence, date_text, *more in events:
        factuality = more[0] if more else "asserted"
        precision = more[1] if len(more) > 1 else None
        r = redate(sentence, date_text, old_anchor, new_anchor, factuality, precision)
        offset = link_offset(sentence)
        if (r is not None and date_text is None and r.date_text is None and carried is not None
                and offset is not None and r.date_precision != "before-publication"):
            shift = offset if carried.precision == "day" else 0
            r = Redated(carried.value + timedelta(days=shift), carried.precision, carried.text, False)
        out.append(r)
        if sentence != last_sentence:
            explicit = [e for e in find_time_expressions(sentence, new_anchor)
                        if e.value is not None and e.precision in _EXPLICIT]
            if explicit:
                carried = explicit[-1]
            last_sentence = sentence
    return out
