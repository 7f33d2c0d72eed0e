"""References back to an actor: a definite noun for a state ("the small, rich nation", "the
kingdom") stands for the last state the text named, never for the subject of a clause it
stands in; the subject pronoun of a relative clause on an object is that clause's subject."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def pairs(events, trigger):
    return {(e.source.actor.code, e.target.actor.code if e.target else None)
            for e in events if e.trigger.text == trigger and e.factuality == "asserted"}


def test_the_nation_is_the_state_named_before_not_the_clause_subject(code_text):
    text = ("Isolated in the Gulf, Qatar has clashed with its neighbours. Saudi Arabia and Egypt imposed a "
            "boycott on the small, rich nation last year, accusing it of funding militants. "
            "Qatar denies the accusations.")
    evs = code_text(text, "2018-05-10")
    assert pairs(evs, "imposed") == {("SAU", "QAT"), ("EGY", "QAT")}
    assert pairs(evs, "accusing") == {("SAU", "QAT"), ("EGY", "QAT")}
    # the denial answers those who accused it
    assert pairs(evs, "denies") == {("QAT", "SAU"), ("QAT", "EGY")}
    how = {e.target.actor.how for e in evs if e.trigger.text == "imposed"}
    assert how == {"coref:state-epithet"}


def test_a_subject_above_the_description_is_not_its_state(code_text):
    text = ("By arming militias in Iraq, Tehran has sought to push back Islamic State fighters who seized "
            "much of the war-torn country.")
    evs = code_text(text, "2018-05-10")
    assert pairs(evs, "seized") == {("IMGISI", "IRQ")}


def test_the_kingdom_as_a_subject(code_text):
    # (the last state named wins: "closed its border with Syria" before it would make it Syria)
    evs = code_text("Jordan closed its border in June. The kingdom condemned the attack on Tuesday.",
                    "2018-07-10")
    assert {e.source.actor.code for e in evs if e.trigger.text == "condemned"} == {"JOR"}


@pytest.mark.parametrize("text", [
    "Jordan closed its border in June. A neighbouring country condemned the attack.",
    "Jordan closed its border in June. Other countries condemned the attack.",
    "Jordan closed its border in June. The country's foreign ministry condemned the attack.",
])
def test_another_state_or_a_possessive_is_no_reference_back(code_text, text):
    evs = code_text(text, "2018-07-10")
    assert not any(e.source is not None and e.source.actor.code == "JOR"
                   for e in evs if e.trigger.text == "condemned")


def test_arab_states_are_no_people_of_the_story_country(code_text):
    evs = code_text("Qatar has clashed with other Arab states over Iran.", "2018-05-10")
    assert all(not (e.target and e.target.actor.code or "").endswith("GOV") for e in evs)


@pytest.mark.parametrize("text,trigger,expected", [
    # the subject pronoun of a relative clause on an object is the subject of that object's clause
    ("Moscow rejected the plan it had proposed to Ankara.", "proposed", {("RUSGOV", "TURGOV")}),
    ("Putin praised the deal he signed with Erdogan.", "signed", {("RUSGOV", "TURGOV")}),
])
def test_a_relative_clause_pronoun_is_the_host_clause_subject(code_text, text, trigger, expected):
    evs = code_text(text, "2019-03-10")
    assert pairs(evs, trigger) == expected
    assert {e.source.actor.how for e in evs if e.trigger.text == trigger} == {"coref:clause-subject"}


def test_a_person_pronoun_needs_a_person_host(code_text):
    # "he" in a clause on the object of a country's act is not that country
    evs = code_text("Erdogan met reporters. Turkey rejected the plan he had proposed.", "2019-03-10")
    assert all(e.source.actor.how != "coref:clause-subject" for e in evs if e.trigger.text == "proposed")


@pytest.mark.parametrize("text,trigger,expected", [
    # what a reporter reports of "it" is the reporter's own act, not that of a nearer name
    ("Hezbollah, which has clashed with Israeli forces since October, said it fired rockets at Israel.", "fired",
     "LBNUAF"),
    ("The Syrian military, backed by fighters from Iraq, said it had retaken Albu Kamal.", "retaken", "SYRMIL"),
])
def test_a_reported_pronoun_is_the_reporter(code_text, text, trigger, expected):
    evs = [e for e in code_text(text, "2019-03-10") if e.trigger.text == trigger]
    assert {(e.source.actor.code, e.source.actor.how) for e in evs} == {(expected, "coref:reporter")}
