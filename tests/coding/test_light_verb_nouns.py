"""Event nouns carried by a light verb, and their targets: our own sentences, never text
from a dev set. Events are compared as (CAMEO code, source code, target code, factuality)."""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,expected", [
    # a noun's "on" phrase is its target, as "against" is
    ("Germany announced sanctions on Iran.", ("163", "DEU", "IRN", "asserted")),
    ("Canada announced an arms embargo on Saudi Arabia.", ("163", "CAN", "SAU", "asserted")),
    # the agent of a passive light verb is the noun's source
    ("New sanctions on Iran were announced by Germany on Friday.", ("163", "DEU", "IRN", "asserted")),
    ("An arms embargo on Saudi Arabia was announced by Canada.", ("163", "CAN", "SAU", "asserted")),
    ("A veto was cast by Russia.", ("129", "RUS", None, "asserted")),
])
def test_a_light_verbs_noun_takes_its_actors(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


@pytest.mark.parametrize("text,expected", [
    # be + to-infinitive is what is arranged, not what was done
    ("Putin is to visit Ankara next week.", ("042", "RUSGOV", "TURGOV", "future")),
    ("Russia was to send troops to Mali.", ("154", "RUS", "MLI", "future")),
    ("Britain's new sanctions on Russia are to be announced on Friday.", ("163", "GBR", "RUS", "future")),
])
def test_what_is_to_happen_has_not_happened(code_text, text, expected):
    events = triples(code_text(text, "2019-03-14"))
    assert expected in events
    assert not {e for e in events if e[0] == expected[0] and e[3] == "asserted"}


@pytest.mark.parametrize("text,expected", [
    # a state's agents who hold people named by their role hold their own country's people
    ("Russian police detained more than 1,000 people.", ("173", "RUSCOP", "RUSCVL", "asserted")),
    ("An Iranian court sentenced 75 people to death.", ("173", "IRNJUD", "IRNCVL", "asserted")),
    ("Saudi police arrested tycoons.", ("173", "SAUCOP", "SAUBUS", "asserted")),
    # a place in the clause still decides
    ("Russian troops detained 20 civilians in Kherson.", ("173", "RUSMIL", "UKRCVL", "asserted")),
])
def test_a_states_agents_hold_their_own_people(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


def test_an_attack_the_killer_made_is_told_once(code_text):
    events = code_text("Gunmen killed five people in an attack on a mosque in Kano.", "2019-03-14")
    assert [e.trigger.text for e in events] == ["killed"]
    # with no killer named, the attack is all there is of the event
    events = code_text("Five soldiers were killed in an attack on a checkpoint in Mali.", "2019-03-14")
    assert ("190", None, "MLIMIL", "asserted") in triples(events)


def test_an_act_on_no_one_by_no_one_is_no_event(code_text):
    assert code_text("Her family placed restrictions on her movements.", "2019-03-14") == []


def test_a_condition_on_what_is_to_happen_stays_hypothetical(code_text):
    events = code_text("The base would be targeted if Russia were to retaliate against Turkey.", "2019-03-14")
    assert ("190", "RUS", "TUR", "hypothetical") in triples(events)


@pytest.mark.parametrize("text,expected", [
    # the possessor of an arrest, a killing or a release with no "of" phrase underwent it
    ("Aung San Suu Kyi's detention by the Burmese army angered Washington.",
     ("173", "MMRMIL", "MMRGOV", "asserted")),
    # "Russia's release of prisoners": with an "of" phrase the possessor did it
    ("Russia's release of Ukrainian prisoners surprised Kiev.", ("0841", "RUS", "UKRCVL", "asserted")),
])
def test_a_possessor_undergoes_an_arrest(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


def test_a_warrant_for_his_arrest_makes_no_arrester_of_him(code_text):
    events = code_text("A Venezuelan judge issued a warrant for his arrest.", "2019-03-14")
    assert [(e.cameo_code, e.source.text) for e in events if e.factuality == "asserted"] == [
        ("173", "Venezuelan judge")]


@pytest.mark.parametrize("text,expected", [
    ("The attack prompted Israel to launch air strikes on Gaza.", ("195", "ISR", "PSE", "asserted")),
    ("The shelling spurred Turkey to retaliate against Syria.", ("190", "TUR", "SYR", "asserted")),
])
def test_what_prompts_an_actor_leaves_the_act_to_it(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


@pytest.mark.parametrize("text,expected", [
    # whose the pattern's object is, by its "of" phrase
    ("The European Union froze the assets of Russian officials.", ("163", "IGOEUR", "RUSGOV", "asserted")),
    ("Russia banned imports of Polish apples.", ("163", "RUS", "POL", "asserted")),
    ("Washington revoked the visas of Nicaraguan officials.", ("172", "USAGOV", "NICGOV", "asserted")),
    # a promise of conflict is a threat
    ("Moscow promised to retaliate against Washington.", ("1384", "RUSGOV", "USAGOV", "asserted")),
])
def test_objects_owners_and_promised_conflict(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


@pytest.mark.parametrize("text", [
    "The United States escalated its trade war with China.",  # the object is a noun blocker
    "The government called the strike illegal.",  # the object is described, not called
    "Moscow launched a charm offensive in Africa.",
    "The opposition claimed victory in the presidential election.",  # a vote won, no fighting ended
])
def test_no_event_from_an_object_in_another_sense(code_text, text):
    assert code_text(text, "2019-03-14") == []


@pytest.mark.parametrize("text,expected", [
    ("Syrian soldiers returned fire.", ("190", "SYRMIL", None, "asserted")),
    # what came under attack is its target, by an unknown hand
    ("Turkish troops came under attack near Afrin.", ("190", None, "TURMIL", "asserted")),
])
def test_returned_fire_and_came_under_attack(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


def test_a_side_that_loses_ground_is_no_victim_of_an_unknown_hand(code_text):
    assert code_text("As the group loses territory, it may splinter.", "2019-03-14") == []


@pytest.mark.parametrize("text,expected", [
    # a protest or strike that breaks out somewhere is the people's of that place
    ("Protests erupted in Tehran on Friday.", ("141", "IRNCVL", "IRN", "asserted")),
    ("A general strike paralysed Nepal on Tuesday.", ("143", "NPLCVL", "NPL", "asserted")),
])
def test_a_protest_that_breaks_out_is_the_places_people(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))


@pytest.mark.parametrize("text", [
    "Protests erupted on Friday.",  # no place, no one to give it to
    "Six Venezuelan opposition figures have sheltered in the Argentine embassy since March.",  # took shelter
])
def test_no_crowd_without_a_place_and_no_shelter_given_by_who_took_it(code_text, text):
    assert code_text(text, "2019-03-14") == []


@pytest.mark.parametrize("text,expected", [
    # a bare demand or appeal takes the code of the act it asks for
    ("Britain demanded that Iran release the tanker.", ("1053", "GBR", "IRN", "asserted")),
    ("The UN called on Russia to withdraw its troops from Ukraine.", ("0256", "IGOUNO", "RUS", "asserted")),
    # an act the tables do not know leaves the demand as it is
    ("China demanded that the US cancel the sale.", ("100", "CHN", "USA", "asserted")),
])
def test_a_demand_is_coded_by_what_it_asks_for(code_text, text, expected):
    assert expected in triples(code_text(text, "2019-03-14"))
