"""Place accuracy in `detente eval` judges the place, not its spelling."""
from __future__ import annotations

import pytest

from detente.eval.gold import GoldEvent, GoldSentence
from detente.eval.metrics import score
from detente.geo import Gazetteer
from detente.model import Event, Mention


def event(place_name: str, focus: str | None = None) -> Event:
    place = Gazetteer().lookup(place_name, focus_country=focus)
    return Event(doc_id="d", sentence_index=0, sentence="s", sentence_start=0, cameo_code="190", cameo_root="19",
                 quad_class=4, goldstein=-10.0, plover_type=None, trigger=Mention("x", 0, 1), source=None,
                 target=None, location=place, location_precision="clause")


@pytest.mark.parametrize("gold,coded,focus,right", [
    ("Jisr al-Shughur", "Jisr ash Shughur", "SYR", True),  # GeoNames' spelling of the same town
    ("Kafr Nabl", "Kafranbel", "SYR", True),
    ("Aleppo", "Aleppo", None, True),
    ("Idlib", "Aleppo", None, False),
    ("Saraqeb", "Salisbury", None, False),
])
def test_place_accuracy_compares_places(gold: str, coded: str, focus: str | None, right: bool) -> None:
    rep = score([(GoldSentence("d", "s", [GoldEvent(code="190", location=gold)]), [event(coded, focus)])])
    assert (rep.location.right, rep.location.total) == (int(right), 1)
