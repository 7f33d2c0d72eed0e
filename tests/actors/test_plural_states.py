"""'The two countries' refers to the last two states named as actors before it."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def pairs(events, trigger):
    return {(e.source.actor.code, e.target.actor.code) for e in events if e.trigger.text == trigger}


def test_the_two_countries_are_the_last_two_states(code_text):
    text = ("Moscow has made progress with Ankara since 2016, while Ankara tried to stop the YPG from "
            "building a statelet inside Syria. The two countries worked closely through the Astana process.")
    evs = code_text(text, "2018-12-30")
    # Syria is named only as a place, the YPG is no state
    assert pairs(evs, "worked") == {("RUS", "TUR"), ("TUR", "RUS")}


def test_both_sides_still_take_the_last_coordinated_pair(code_text):
    evs = code_text("Russia and Turkey met in Sochi. Both sides agreed to a truce.", "2018-12-30")
    assert pairs(evs, "agreed") == {("RUS", "TUR"), ("TUR", "RUS")}


def test_a_country_named_as_the_scene_is_the_theatre_for_groups(code_text):
    # the story names the US often, but it is in Syria that things happen: "Kurdish militias"
    # are Syrian, not American
    text = ("The US said it has 2,000 troops in Syria. US officials and the US envoy spoke of Syria's future "
            "and of US plans. American troops in Syria mostly support Kurdish militias fighting Islamic State.")
    evs = [e for e in code_text(text, "2017-12-06") if e.trigger.text == "fighting"]
    assert [(e.source.actor.code, e.target.actor.code) for e in evs] == [("SYRREB", "IMGISI")]
