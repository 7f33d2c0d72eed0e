"""Attacks named by their device or their toll (issue 11): agentless bombings and strikes,
one act's casualties, and the factuality of a death's cause.

Every sentence here is written by the detente authors to show one phenomenon; none comes
from a dev set. Events are compared as (CAMEO code, source code, target code, factuality).
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,expected", [
    # a device as the subject of harm or of going off is the attack, agentless, its victims the target
    ("A car bomb exploded near a police station in Mogadishu, killing at least eight people.",
     ("1832", None, "SOMCVL", "asserted")),
    ("A roadside bomb killed three soldiers in Helmand.", ("1833", None, "AFGMIL", "asserted")),
    ("A bomb went off at a market in Kabul, wounding 12 people.", ("183", None, "AFGCVL", "asserted")),
    ("Air strikes killed 20 civilians in Idlib.", ("195", None, "SYRCVL", "asserted")),
])
def test_a_bomb_that_hurts_people_is_an_agentless_attack(code_text, text, expected):
    assert triples(code_text(text, "2019-02-20")) == {expected}


def test_a_bomb_that_hurt_no_one_is_no_attack(code_text):
    assert code_text("The army defused a bomb near the stadium.", "2019-02-20") == []


@pytest.mark.parametrize("text,expected", [
    # a blast or an explosion that hurt people is a bombing; one people died in, too
    ("A blast at a crowded market in Peshawar killed 12 people.", ("183", None, "PAKCVL", "asserted")),
    ("Twelve people died in an explosion at a market in Kabul.", ("183", None, "AFGCVL", "asserted")),
    ("Three soldiers were killed in a roadside bomb blast in Helmand.", ("183", None, "AFGMIL", "asserted")),
])
def test_an_explosion_that_killed_people_is_an_agentless_bombing(code_text, text, expected):
    assert triples(code_text(text, "2019-02-20")) == {expected}


@pytest.mark.parametrize("text", [
    "A gas explosion at a restaurant in Lagos killed five people.",  # an accident
    "The explosion was heard across the city.",                      # no one hurt
    "A man died in a shooting at a home in Dayton.",                 # a shooting needs an author
    "At least 300,000 people have died in the war in Syria.",        # both sides' war, no act
])
def test_no_agentless_bombing_from_accidents_generic_violence_or_war(code_text, text):
    assert code_text(text, "2019-02-20") == []


def test_the_cause_of_a_claimed_death_is_claimed_too(code_text):
    evs = code_text("Iran claimed he had been killed in an airstrike near Deir ez-Zor.", "2019-02-20")
    assert {(e.cameo_code, e.factuality) for e in evs if e.cameo_root == "19"} == {("195", "alleged")}


def test_a_past_when_clause_is_presupposed_whatever_the_main_clause(code_text):
    # spaCy reads "when" as an adverb: the clause it opens still happened
    evs = code_text("When Russia bombed Aleppo in 2016, the US failed to respond.", "2019-02-20")
    assert {(e.cameo_code, e.factuality) for e in evs if e.trigger.text == "bombed"} == {("195", "asserted")}
    # a present "when" inside an assumption stays what the assumption makes it
    evs = code_text("That is assuming the regime is serious when it says it will cooperate.", "2019-02-20")
    assert all(e.factuality != "asserted" for e in evs if e.trigger.text == "says")


def test_casualties_of_one_act_are_one_event(code_text):
    # "were killed and ... were injured": one act's toll, one event; two places, two acts
    evs = code_text("At least 41 people were killed and 90 others were injured in Kabul.", "2019-02-20")
    assert [e.trigger.text for e in evs] == ["killed"]
    evs = code_text("Three people were killed in Kabul and five were injured in Kandahar.", "2019-02-20")
    assert sorted(e.trigger.text for e in evs) == ["injured", "killed"]


@pytest.mark.parametrize("text,expected", [
    # one person who fought with an armed group fought in its ranks
    ("A British volunteer fought with the Kurdish YPG in Syria.", {("062", "GBR", "SYRREB", "asserted")}),
    ("Carter, a Briton, went to Syria, where he fought with the Kurdish militia, the YPG.",
     {("062", "GBR", "SYRREB", "asserted")}),
    # forces that fight with each other clash
    ("Government troops fought with rebels in Homs.", {("190", "SYRMIL", "SYRREB", "asserted")}),
    # with an enemy named, the "with" party is the ally and the enemy is fought
    ("The Briton fought with the YPG against Isis.", {("190", "GBR", "IMGISI", "asserted")}),
])
def test_fighting_with_a_group(code_text, text, expected):
    assert triples(code_text(text, "2018-03-01")) == expected


@pytest.mark.parametrize("text,expected", [
    # people named by their role where the clause also names a place: the people, of that place
    ("Jihadists killed 12 villagers in Mali.", {("190", "MLIUAF", "MLICVL", "asserted")}),
    ("Three soldiers were killed in Kandahar.", {("190", None, "AFGMIL", "asserted")}),
    ("Four Afghan soldiers were killed in Kandahar.", {("190", None, "AFGMIL", "asserted")}),
    ("Islamic State militants executed 20 civilians in Raqqa.", {("180", "IMGISI", "SYRCVL", "asserted")}),
    ("Gunmen opened fire on worshippers at a mosque in Kano.", {("180", "NGAUAF", "NGACVL", "asserted")}),
    # "eastern Aleppo" is a place, though the parser's NER takes Aleppo for a language there
    ("Russian jets killed 20 civilians in eastern Aleppo.", {("190", "RUSMIL", "SYRCVL", "asserted")}),
])
def test_victims_named_by_role_beside_a_place(code_text, text, expected):
    events = code_text(text, "2018-03-01")
    assert triples(events) == expected
    assert all(e.location is not None and e.location.country == next(iter(expected))[2][:3] for e in events)


@pytest.mark.parametrize("text,expected", [
    # an -ing event noun the tagger took for a verb, as the subject of harm
    ("Shelling killed four civilians in Donetsk.", {("194", None, "UKRCVL", "asserted")}),
    # a plain "attack" that killed people is an attack; a city before it is where, not whom
    ("The Kabul attack killed 22 people.", {("180", None, "AFGCVL", "asserted")}),
    # "the attack" after the sentence that told of it: its attackers, its own victims
    ("Gunmen stormed a Shiite mosque in Kabul on Friday. The attack killed 31 people.",
     {("180", "AFGUAF", "AFGCVL", "asserted"), ("190", "AFGUAF", "AFGCVL", "asserted")}),
])
def test_an_attack_that_killed(code_text, text, expected):
    assert triples(code_text(text, "2019-02-20")) == expected


@pytest.mark.parametrize("text,expected", [
    # the verb's "between" names the sides of a fighting noun that is its subject
    ("Clashes broke out between Syrian troops and rebels in Daraa.",
     {("190", "SYRMIL", "SYRREB", "asserted"), ("190", "SYRREB", "SYRMIL", "asserted")}),
    ("Fighting erupted between Houthi rebels and government forces in Taiz.",
     {("190", "YEMREB", "YEMMIL", "asserted"), ("190", "YEMMIL", "YEMREB", "asserted")}),
    # a capitalised first word is no nationality ("Heavy")
    ("Heavy clashes between the army and Islamic State fighters continued in Mosul.",
     {("190", "IRQMIL", "IMGISI", "asserted"), ("190", "IMGISI", "IRQMIL", "asserted")}),
    # sides that exchange fire somewhere fire at each other, not at the place
    ("Indian and Pakistani troops exchanged fire in Kashmir.",
     {("193", "INDMIL", "PAKMIL", "asserted"), ("193", "PAKMIL", "INDMIL", "asserted")}),
])
def test_two_sides_fighting(code_text, text, expected):
    assert triples(code_text(text, "2019-02-20")) == expected


@pytest.mark.parametrize("text,expected", [
    # people a nationality names in the 'of' phrase are the victims, not the authors
    ("The kidnapping of two Italian engineers in Libya drew condemnation.", {("181", None, "ITA", "asserted")}),
    ("The killing of three Israelis in the West Bank drew condemnation.", {("180", None, "ISR", "asserted")}),
])
def test_the_victims_of_an_event_noun(code_text, text, expected):
    assert triples(code_text(text, "2019-02-20")) == expected


@pytest.mark.parametrize("text,expected", [
    # a place an apposition calls an armed group's capital or stronghold is attacked in its holder
    ("Last month, the US-led coalition took over Raqqa, the capital of the self-proclaimed caliphate.",
     {("192", "USAMIL", "IMGISI", "asserted")}),
    ("Iraqi forces retook Mosul, the Islamic State's last stronghold in Iraq.", {("192", "IRQMIL", "IMGISI", "asserted")}),
    ("Russian jets bombed Idlib, the last stronghold of the rebels.", {("195", "RUSMIL", "SYRREB", "asserted")}),
])
def test_a_groups_stronghold_is_the_group(code_text, text, expected):
    assert triples(code_text(text, "2017-11-20")) == expected


def test_a_place_in_the_of_phrase_is_not_the_author(code_text):
    events = code_text("Since the 2014 annexation of Crimea, relations have been frozen.", "2018-03-01")
    assert not any(e.source is not None and e.source.actor.code == "UKR" for e in events)


@pytest.mark.parametrize("text,expected", [
    # a building struck by no one named: the attack stands, on those the building serves
    ("A school was bombed in Aleppo on Monday.", {("195", None, "SYREDU", "asserted")}),
    ("A police station was attacked in Kabul.", {("180", None, "AFGCOP", "asserted")}),
])
def test_an_attack_on_a_building_by_no_one_named(code_text, text, expected):
    assert triples(code_text(text, "2018-03-01")) == expected


@pytest.mark.parametrize("text,expected", [
    # a relative clause on the attack noun tells whom it hurt
    ("The air strike, which killed 20 civilians, hit a market in Idlib.", {("195", None, "SYRCVL", "asserted")}),
    # what a group claims responsibility for happened, and by its own word the group did it
    ("Al-Shabab claimed responsibility for the bombing, which killed 12 soldiers in Mogadishu.",
     {("015", "SOMREB", None, "asserted"), ("183", "SOMREB", "SOMMIL", "asserted")}),
])
def test_what_an_attack_did_and_who_claims_it(code_text, text, expected):
    assert triples(code_text(text, "2019-02-20")) == expected
