"""Constructions of real news, one group per phenomenon (issue 11).

Every sentence here is written by the detente authors to show one phenomenon; none comes
from a dev set. Each case gives the events expected as (CAMEO code, source code, target
code, factuality); `exact=True` means no other events may appear.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def triples(events):
    return {(e.cameo_code, e.source.actor.code if e.source else None,
             e.target.actor.code if e.target else None, e.factuality) for e in events}


def rules(events):
    return {e.cameo_code: e.rule for e in events}


# Unconventional violence is 18x; conventional military force is 19x.
VIOLENCE = [
    # a police shooting of one man: unconventional
    ("A man was shot by police after a car chase in Ohio.", {("180", "USACOP", None, "asserted")}),
    # agentless killing with no word of war: unconventional
    ("Four people were killed in Chicago on Sunday.", {("180", None, "USA", "asserted")}),
    # soldiers fighting: conventional
    ("Syrian troops killed dozens of rebels near Hama.", {("190", "SYRMIL", "SYRREB", "asserted")}),
    # a state acting as a whole wages war
    ("Israel killed three Hamas fighters in Gaza.", {("190", "ISR", "PSE", "asserted")}),
    # agentless, but in a battle: conventional
    ("Eight soldiers were killed in clashes with rebels in Idlib.", {("190", None, "SYRMIL", "asserted")}),
]


@pytest.mark.parametrize("text,expected", VIOLENCE, ids=[c[0][:40] for c in VIOLENCE])
def test_violence_kind(code_text, text, expected):
    got = triples(code_text(text, "2018-03-01"))
    assert expected <= got, got


def test_suicide_bomber_is_unconventional(code_text):
    # a word of unconventional violence decides, whoever the victims are

    evs = [e for e in code_text("A suicide bomber killed five soldiers at a checkpoint in Kabul.", "2018-03-01")
           if e.trigger.text == "killed"]
    assert evs and {e.cameo_code for e in evs} == {"180"}
    assert all("violence=unconventional" in e.rule for e in evs)


CASES = [
    # a relative clause is presupposed: not negated by the verb above its noun
    ("The militants left Deir ez-Zor after abandoning the town, where their forces had besieged "
     "an army base for three years.", "2017-11-01", ("191", "asserted")),
    # "X-led coalition" acts as X
    ("The Saudi-led coalition bombed Houthi positions in Yemen.", "2018-08-01", ("195", "asserted")),
    # a named place as the object of a movement verb
    ("Turkish troops entered Afrin on Sunday.", "2018-03-19", ("192", "asserted")),
    # a war with an author is an event
    ("The Saudi war in Yemen has killed thousands.", "2018-08-01", ("190", "asserted")),
]


@pytest.mark.parametrize("text,published,code_fact", CASES, ids=[c[0][:40] for c in CASES])
def test_news_construction(code_text, text, published, code_fact):
    evs = code_text(text, published)
    assert code_fact in {(e.cameo_code, e.factuality) for e in evs}, triples(evs)


def test_led_coalition_is_its_leader(code_text):
    evs = [e for e in code_text("The Saudi-led coalition bombed Houthi positions in Yemen.", "2018-08-01")
           if e.cameo_code == "195"]
    assert [(e.source.actor.code, e.source.actor.how) for e in evs] == [("SAUMIL", "led-by")]


def test_place_object_is_the_target(code_text):
    evs = [e for e in code_text("Turkish troops entered Afrin on Sunday.", "2018-03-19") if e.cameo_code == "192"]
    assert triples(evs) == {("192", "TURMIL", "SYR", "asserted")}
    assert "tgt=pattern-object" in evs[0].rule


def test_war_needs_an_author(code_text):
    # "the war against Islamic State" names nobody who wages it: no event
    assert not [e for e in code_text("The war against Islamic State has not ended.", "2018-12-20")
                if e.cameo_code.startswith("19")]
    evs = [e for e in code_text("The Saudi war in Yemen has killed thousands.", "2018-08-01")
           if e.trigger.text == "war"]
    assert triples(evs) == {("190", "SAU", "YEM", "asserted")}


def test_taking_a_bet_on_a_country_is_no_occupation(code_text):
    evs = code_text("Theresa May has taken a strategic bet on Turkey.", "2018-05-15")
    assert not [e for e in evs if e.cameo_code == "192"]


def test_unknown_named_speaker_keeps_the_statement(code_text):
    # a name the knowledge base does not know (tagged ORG or PERSON) still speaks
    evs = code_text("The talks had stalled for a month, said Farid Qasimov on Friday.", "2019-04-05")
    said = [e for e in evs if e.cameo_code == "010"]
    assert len(said) == 1 and said[0].source.text == "Farid Qasimov"
    assert said[0].source.actor.code is None and said[0].factuality == "asserted"


def test_unknown_speaker_takes_the_documents_country(code_text):
    text = ("Pakistan and India held talks in Islamabad on Monday. Pakistan's foreign ministry welcomed "
            "the meeting in Islamabad. The talks were frank, said Farid Qasimov.")
    said = [e for e in code_text(text, "2019-04-05") if e.source and e.source.text == "Farid Qasimov"]
    assert [(e.source.actor.code, e.source.actor.how) for e in said] == [("PAK", "inferred:focus-country")]


def test_after_clause_is_presupposed_under_a_future_main_clause(code_text):
    evs = code_text("The team will have to watch from home after its members were denied visas by the "
                    "State Department.", "2017-07-01")
    denied = [e for e in evs if e.trigger.text == "denied"]
    assert denied and {e.factuality for e in denied} == {"asserted"}


# What a complement clause says about its governing event (CAMEO conventions)
COMPLEMENTS = [
    # a demand targets who must act
    ("China demanded that the United States cancel the arms sale to Taiwan.",
     ("100", "CHN", "USA", "asserted")),
    # a threat targets the victim of what it threatens, with the code of the threat's content
    ("Pakistan threatened to break off diplomatic relations with Costa Rica.",
     ("1313", "PAK", "CRI", "asserted")),
    # an announced action of one's own is an intent expressed now, beside the future event
    ("Finland will give Tanzania a grant of 50 million dollars.", ("0331", "FIN", "TZA", "asserted")),
    ("Finland will give Tanzania a grant of 50 million dollars.", ("071", "FIN", "TZA", "future")),
    ("Norway is ready to send humanitarian aid to Mali.", ("033", "NOR", "MLI", "asserted")),
    # a statement that another actor must act is a demand on it
    ("Russia said on Tuesday that Sudan must return the captured helicopter.",
     ("100", "RUS", "SDN", "asserted")),
]


@pytest.mark.parametrize("text,expected", COMPLEMENTS, ids=[c[0][:40] for c in COMPLEMENTS])
def test_complement(code_text, text, expected):
    assert expected in triples(code_text(text, "2018-05-01"))


def test_forecasts_and_reports_are_no_intents(code_text):
    # "is expected to": a forecast; "analysts said Iran would": someone else's words
    for text in ("Iran is expected to send troops to Syria.",
                 "Analysts said Iran would send troops to Syria."):
        assert not [e for e in code_text(text, "2018-05-01") if e.cameo_code.startswith("03")], text


def test_passive_need_is_no_demand(code_text):
    evs = code_text('"These people need to be brought back," said the minister of Chechnya.', "2019-01-01")
    assert not [e for e in evs if e.cameo_code == "100"]
