"""Acts of states that the verb alone does not tell (issue 11): custody held by its modifier,
and a state's protest as an official complaint.

Every sentence here is written by the detente authors to show one phenomenon; none comes
from a dev set. Events are compared as (CAMEO code, source code, target code, factuality).
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,expected", [
    # being held: the subject is the detainee, the custody's own modifier the holder
    ("Two Isis fighters remain in US custody.", ("173", "USA", "IMGISI", "asserted")),
    ("Iraq is fighting Isis. Officials said 520 Isis fighters were in Kurdish custody.",
     ("173", "IRQCVL", "IMGISI", "asserted")),
    # a passive act whose prepositional object's modifier says who did it
    ("The two Isis commanders were taken into Turkish custody.", ("173", "TUR", "IMGISI", "asserted")),
])
def test_custody_names_its_holder(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-02-20"))


def test_a_victims_nationality_is_not_the_passive_attacker(code_text):
    # "Ukrainian soldiers were killed": the object the pattern names is the victim, not a holder
    got = triples(code_text("More than 100 Ukrainian soldiers were killed in the Donbass region last year.",
                            "2019-02-20"))
    assert all(src != "UKR" for _, src, _, _ in got), got


@pytest.mark.parametrize("text,expected", [
    # a state, a ministry or a rights group that protests complains officially
    ("Russia's Foreign Ministry summoned the US ambassador on Monday to protest new sanctions.",
     ("114", "RUSGOV", None, "asserted")),
    ("China protested the decision.", ("114", "CHN", None, "asserted")),
    # people protest in the streets
    ("Palestinians protested the decision.", ("1412", "PSE", None, "asserted")),
])
def test_a_state_protest_is_an_official_complaint(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-02-20"))


@pytest.mark.parametrize("text,expected", [
    # backing an armed force is material help; backing a government stays an endorsement
    ("Iran backed the Houthi rebels with weapons.", ("072", "IRN", "YEMREB", "asserted")),
    ("US troops are supporting the Syrian Democratic Forces.", ("072", "USAMIL", "SYRREB", "asserted")),
    ("Russia backs Assad.", ("051", "RUS", "SYRGOV", "asserted")),
])
def test_backing_an_armed_force_is_military_aid(code_text, text, expected):
    assert expected in triples(code_text(text, "2018-02-20"))


@pytest.mark.parametrize("text,expected", [
    # soldiers or police who beat or arrest people do it where they serve
    ("Soldiers beat protesters in Khartoum.", {("175", "SDNMIL", "SDNOPP", "asserted")}),
    ("Troops arrested 20 protesters in Harare on Monday.", {("173", "ZWEMIL", "ZWEOPP", "asserted")}),
    # with no one named as the doer, the event stands with an unknown source
    ("Three protesters were beaten in Khartoum on Monday.", {("175", None, "SDNOPP", "asserted")}),
])
def test_coercion_by_a_role_is_local(code_text, text, expected):
    assert triples(code_text(text, "2019-06-10")) == expected


@pytest.mark.parametrize("text,expected", [
    # a resolution adopted demands what it demands; one vetoed does not
    ("The Security Council unanimously adopted a resolution demanding a 30-day ceasefire in Syria.",
     {("1056", "IGOUNO", None, "asserted")}),
    ("The Security Council passed a resolution imposing new sanctions on North Korea.",
     {("163", "IGOUNO", "PRK", "asserted")}),
    # "his Turkish counterpart" is a Turkish official; Brussels as an actor is the EU
    ("Lavrov met his Turkish counterpart in Moscow.", {("040", "RUSGOV", "TURGOV", "asserted")}),
    ("Warsaw accused Brussels of interfering in its internal affairs.", {("112", "POLGOV", "IGOEUR", "asserted")}),
])
def test_bodies_and_their_acts(code_text, text, expected):
    assert triples(code_text(text, "2018-05-10")) == expected


def test_a_vetoed_resolution_demands_nothing(code_text):
    events = code_text("Russia vetoed a resolution demanding a ceasefire in Aleppo.", "2016-10-10")
    assert {e.factuality for e in events if e.cameo_root == "10"} == {"proposed"}


def test_brussels_as_a_place_stays_the_city(code_text):
    events = code_text("EU foreign ministers met in Brussels on Monday.", "2018-05-10")
    assert [(e.location.name, e.location.country) for e in events] == [("Brussels", "BEL")]


def test_his_counterpart_is_not_his_own_government(code_text):
    events = code_text("The American president told his counterpart the news on Tuesday.", "2018-05-10")
    assert all(e.target is None or e.target.actor.code != "USAGOV" for e in events)


@pytest.mark.parametrize("text,expected,absent", [
    # calling a person by name is phoning them; a date after "on" is no "call on"
    ("Theresa May called President Trump on Sunday to discuss Iran.", ("041", "GBRGOV", "USAGOV", "asserted"), "020"),
    ("Putin called Macron on Monday.", ("041", "RUSGOV", "FRAGOV", "asserted"), "020"),
])
def test_a_call_to_a_person_is_a_phone_call(code_text, text, expected, absent):
    events = code_text(text, "2018-05-10")
    assert expected in triples(events)
    assert absent not in {e.cameo_code for e in events}


def test_calling_a_person_names_is_no_phone_call(code_text):
    assert "041" not in {e.cameo_code for e in code_text("Putin called Macron a liar.", "2018-05-10")}


@pytest.mark.parametrize("text,expected", [
    # politicians and governments that clash argue; "Mrs Merkel" is Merkel
    ("Mr Trump clashed with Mrs Merkel over trade and defence spending.", {("111", "USAGOV", "DEUGOV", "asserted")}),
    ("Hungary's government clashed with Brussels over migration quotas.", {("111", "HUNGOV", "IGOEUR", "asserted")}),
    # forces that clash fight
    ("Turkish troops clashed with Kurdish fighters near Afrin.", {("190", "TURMIL", "SYRREB", "asserted")}),
])
def test_a_clash_of_politicians_is_an_argument(code_text, text, expected):
    assert triples(code_text(text, "2018-05-10")) == expected


def test_retaliating_by_an_act_is_that_act(code_text):
    events = code_text("Moscow retaliated by expelling 60 American diplomats.", "2018-03-30")
    assert triples(events) == {("161", "RUSGOV", "USAGOV", "asserted")}
