"""Actors and targets a sentence implies but does not name (coding/inference.py): roles
placed in a country, inferred targets, civil wars. Every sentence is our own."""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


def test_a_war_placed_in_the_fighters_own_country_is_a_civil_war(code_text):
    # the place of its own clause makes the target, even the source's own country
    evs = code_text("Syrian forces fought rebels for years. The Syrian civil war in Aleppo has torn up the city.",
                    "2018-05-09")
    assert ("190", "SYR", "SYR", "asserted") in triples(evs)
    # a named actor acting on itself stays a parse artefact
    assert not [e for e in code_text("Russia attacked itself.", "2018-05-09") if e.target is not None]


def test_a_local_role_without_a_country_is_of_the_story_s_country(code_text):
    text = ("Syrian jets bombed Idlib and Syrian troops shelled Hama. "
            "Administrators said the clinic was hit. Military analysts said the raids would go on. "
            "Aid officials said food was short. Most governments refused to help.")
    evs = code_text(text, "2019-02-11")
    said = {e.source.text: e.source.actor.code for e in evs if e.trigger.text in ("said", "refused")}
    assert said["Administrators"] == "SYRGOV"  # officials, police, courts, residents: local
    assert said["Military analysts"] == "EDU"   # experts travel
    assert said["Aid officials"] == "GOV"       # aid officials are mostly foreign
    assert said.get("Most governments", "GOV") == "GOV"  # other countries


def test_a_visit_to_a_place_named_by_a_common_noun_targets_its_country(code_text):
    text = ("Turkish jets bombed rebels in Afrin on Monday. Rebels fought back in Afrin and in Idlib. "
            "Amnesty International visited the camps near the border.")
    evs = [e for e in code_text(text, "2018-03-01") if e.trigger.text == "visited"]
    assert [(e.cameo_code, e.source.actor.code, e.target.actor.code, e.target.actor.how) for e in evs] \
        == [("042", "NGOAMN", "SYR", "inferred:document-theatre")]


def test_fighting_takes_the_country_of_the_document_s_locatives(code_text):
    # no country leads the names, but the story's places are in Syria: the incursion is there
    text = ("Families sheltered in Afrin and in Jinderes on Sunday. Many stayed in Rajo. "
            "Kurdish leaders condemned the Turkish incursion.")
    evs = code_text(text, "2018-03-10")
    assert [(e.source.actor.code, e.target.actor.code, e.target.actor.how) for e in evs
            if e.trigger.text == "incursion"] == [("TUR", "SYR", "inferred:document-theatre")]


def test_people_protest_against_their_own_country(code_text):
    text = "Protests spread in Basra and in Najaf. Sunni leaders in Iraq boycotted the elections."
    evs = [e for e in code_text(text, "2018-05-12") if e.trigger.text == "boycotted"]
    assert [(e.cameo_code, e.source.actor.code, e.target.actor.code) for e in evs] == [("143", "IRQGOV", "IRQ")]


@pytest.mark.parametrize("text,source", [
    ("Officials in Whitehall said the talks had failed.", "GBRGOV"),  # a seat of government
    ("Residents of Damascus said the jets had returned.", "SYRCVL"),  # a capital
    ("Hardliners in Russia said the talks had failed.", "RUSRAD"),    # a country
])
def test_a_role_in_a_country_or_its_capital_is_of_that_country(code_text, text, source):
    evs = code_text(text, "2018-05-12")
    assert [e.source.actor.code for e in evs if e.trigger.text == "said"] == [source]



@pytest.mark.parametrize("text", [
    "A Tulsa teacher was stabbed to death in her kitchen by her former husband.",
    "Two sisters in Perth were kidnapped by their estranged father last week.",
    "His sister, Maria Lopez, told local radio that he had never been political.",
])
def test_people_named_by_a_private_tie_do_no_political_event(code_text, text):
    # a kin or partner tie makes a private person: what they do to no political actor is
    # private life (the stabbing used to be an agentless 180 on the teacher)
    assert code_text(text, "2021-04-12") == []


def test_a_private_tie_to_a_political_target_or_an_arrest_of_a_relative_still_codes(code_text):
    evs = code_text("The slain editor's son, Matthew Vella, accused the Maltese government of a cover-up.", "2021-04-12")
    assert [(e.cameo_code, e.target.actor.code) for e in evs if e.trigger.text == "accused"] == [("112", "MLTGOV")]
    evs = code_text("His brother was detained by Turkish police in Ankara on Friday.", "2021-04-12")
    assert ("173", "TURCOP", "TUR", "asserted") in triples(evs)


def test_people_named_by_role_beside_a_named_target_are_a_target_too(code_text):
    # "the barracks and civilians": each conjunct is a target; the civilians are the theatre's
    got = triples(code_text("Jihadists shelled a Nigerien army post and hundreds of villagers near Niamey.", "2021-05-20"))
    assert {t[2] for t in got if t[0].startswith("19")} >= {"NERMIL", "NERCVL"}, got
    # also when the parser hangs the people on the verb rather than on the first object
    got = triples(code_text("In Niamey, Isis fighters had besieged a Nigerien army base and up to 100,000 local "
                            "people for three years.", "2021-05-20"))
    assert {t[2] for t in got if t[0] == "191"} == {"NERMIL", "NERCVL"}, got


def test_denying_the_accusations_targets_who_made_them(code_text):
    # the accusations are the ones reported before, against the one who denies them
    got = triples(code_text("Ethiopia and Sudan accused Eritrea of arming rebels on Monday. Eritrea denied the "
                            "accusations.", "2021-05-20"))
    denials = {t for t in got if t[0] == "016"}
    assert denials == {("016", "ERI", "ETH", "asserted"), ("016", "ERI", "SDN", "asserted")}, got


def test_a_visitors_hosts_are_the_government_where_the_visit_is(code_text):
    evs = code_text("Rex Tillerson arrived in Cairo on Monday. Congratulating his hosts on counter-terrorism "
                    "operations in Sinai, Tillerson made no mention of the election.", "2018-02-13")
    assert [(e.cameo_code, e.target.actor.code, e.target.actor.how) for e in evs if e.trigger.text == "Congratulating"] \
        == [("051", "EGYGOV", "inferred:host")]
    # with no visit or venue, "his hosts" names no one
    evs = code_text("Congratulating his hosts on their cooking, Tillerson made no mention of the election.", "2018-02-13")
    assert all(e.target is None for e in evs if e.trigger.text == "Congratulating")


@pytest.mark.parametrize("text,target", [
    # a place named by who holds it: the attack is on the holder, there
    ("Government forces shelled rebel-held eastern Ghouta on Monday.", "SYRREB"),
    ("Syrian jets bombed the rebel-held town of Douma.", "SYRREB"),
    ("Iraqi jets bombed Isis-held Mosul.", "IMGISI"),
    # a place with no holder stands for its country
    ("Syrian jets bombed eastern Ghouta on Monday.", "SYR"),
])
def test_a_held_place_is_attacked_in_its_holder(code_text, text, target):
    got = triples(code_text(text, "2018-02-20"))
    assert {t[2] for t in got if t[0][:2] == "19"} == {target}, got
