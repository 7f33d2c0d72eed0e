"""When and where: the date and the place of an event, from its own clause.

Time: ``detente.coding.dating`` (the expression on the trigger's clause, a date carried
only through an explicit link, never the publication date for an event reported as
earlier). Place: ``detente.coding.placement`` (which also says how: ``location_how``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import KnowledgeBase
from detente.coding.dating import DateFinder, Dated
from detente.coding.place_slots import event_heads, place_name
from detente.coding.placement import PlaceFinder, Placement, document_places
from detente.geo import Gazetteer
from detente.model import Actor

__all__ = ["Dated", "Placement", "WhenWhere", "place_name"]


@dataclass(slots=True)
class WhenWhere:
    """Per-document time and place attachment (holds the document's own state only)."""

    dates: DateFinder
    places: PlaceFinder
    _heads: tuple[Token | None, list[Token]] = (None, [])  # the last trigger's event_heads

    @classmethod
    def for_document(cls, published: date | None, docs: list[Doc], kb: KnowledgeBase, gazetteer: Gazetteer,
                     focus: str | None, theatre: str | None) -> WhenWhere:
        places = document_places(docs, kb, gazetteer, first=(focus, theatre))
        return cls(DateFinder(published), PlaceFinder(gazetteer, kb, focus, theatre, places))

    def event_time(self, trigger: Token, sent: Span, paragraph_start: int, factuality: str,
                   events: set[int]) -> tuple[date | None, str, str | None]:
        d = self.dates.event_date(trigger, sent, paragraph_start, factuality, events, self._heads_of(trigger, events))
        return d.value, d.precision, d.text

    def _heads_of(self, trigger: Token, events: set[int]) -> list[Token]:
        """``event_heads`` of a trigger, computed once for its date and its place."""
        if self._heads[0] is not trigger:
            self._heads = (trigger, event_heads(trigger, events))
        return self._heads[1]

    def see(self, sent: Span, paragraph_start: int) -> None:
        """A sentence without events: its dates may still be linked to ("The next day ...")."""
        self.dates.see(sent, paragraph_start)

    def event_place(self, trigger: Token, code: str, actor_tokens: set[int], events: set[int],
                    pattern_object: Token | None = None, sources: tuple[Actor, ...] = ()) -> Placement:
        return self.places.event_place(trigger, code, actor_tokens, events, self._heads_of(trigger, events),
                                       pattern_object, sources)
