"""What is not a political event though a trigger matched (coding/scope.py): ordinary criminal
justice on private people, and a bare authority's sourcing tag on a report of no event.
Every sentence is our own."""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Three men were charged with murder after the slaying of a shopkeeper in Dayton, prosecutors said.",
    "A pop singer was fined $300 on Monday after pleading guilty to consuming alcohol on a public beach.",
    "Police arrested two teenagers for burglary in Leeds on Sunday.",
    "Prosecutors dropped the drunken driving charges against the actor.",
])
def test_ordinary_criminal_justice_on_private_people_is_no_political_event(code_text, text):
    assert code_text(text, "2021-06-14") == []


def test_a_political_charge_or_a_political_target_stays_an_event(code_text):
    # an offence against the state, a named victim, a political actor charged
    evs = code_text("Police arrested two journalists for espionage in Istanbul.", "2021-06-14")
    assert ("173", "TURCOP", "TURMED", "asserted") in triples(evs)
    evs = code_text("Russian police arrested a man for the murder of Boris Nemtsov.", "2021-06-14")
    assert [e.cameo_code for e in evs if e.trigger.text == "arrested"] == ["173"]
    evs = code_text("Turkish police detained the opposition leader for theft on Monday.", "2021-06-14")
    assert [(e.cameo_code, e.source.actor.code) for e in evs if e.trigger.text == "detained"] == [("173", "TURCOP")]


@pytest.mark.parametrize("text", [
    "A man died of his wounds in a shooting at a house in Dayton that also killed a woman, police said.",
    "Two cars collided on the bridge on Tuesday, officials said.",
])
def test_a_bare_authority_citing_a_report_of_no_event_makes_no_statement(code_text, text):
    assert code_text(text, "2021-06-14") == []


def test_a_sourcing_tag_on_an_event_or_a_named_speaker_is_a_statement(code_text):
    evs = code_text("A US drone killed three militants in an attack on a compound in Kurram, officials said.",
                    "2021-06-14")
    assert {e.cameo_code[:2] for e in evs} == {"19", "01"}
    evs = code_text("The missile failed 35 seconds after launch, US state department officials said.", "2021-06-14")
    assert [(e.cameo_code, e.source.actor.code) for e in evs] == [("010", "USAGOV")]
    # a speaker first, then what it says: a statement, as the Guardian annotators code it
    evs = code_text("Administrators said the injuries were caused by a cooking stove fire.", "2021-06-14")
    assert [e.cameo_code for e in evs] == ["010"]
