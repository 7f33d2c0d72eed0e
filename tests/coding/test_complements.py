"""Events about other events (coding/complements.py): demands target who must act; threats,
promises and announced actions of one's own are intents (03x) or threats (13x) with the code
of what they announce; refusals and failed talks.

Every sentence here is written by the detente authors; none comes from a dev set.
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


# What a complement clause says about its governing event (CAMEO conventions)
COMPLEMENTS = [
    # a demand targets who must act
    ("China demanded that the United States cancel the arms sale to Taiwan.",
     ("100", "CHN", "USA", "asserted")),
    # a threat targets the victim of what it threatens, with the code of the threat's content
    ("Pakistan threatened to break off diplomatic relations with Costa Rica.",
     ("1313", "PAK", "CRI", "asserted")),
    # vowing or swearing to use force threatens it; the force itself is still to come
    ("Kurdish rebels in Turkey have sworn to fight on.", ("1384", "TURREB", None, "asserted")),
    ("Kurdish rebels in Turkey have sworn to fight on.", ("190", "TURREB", None, "future")),
    # an announced action of one's own is an intent expressed now, beside the future event
    ("Finland will give Tanzania a grant of 50 million dollars.", ("0331", "FIN", "TZA", "asserted")),
    ("Finland will give Tanzania a grant of 50 million dollars.", ("071", "FIN", "TZA", "future")),
    ("Norway is ready to send humanitarian aid to Mali.", ("033", "NOR", "MLI", "asserted")),
    # ... also when the announced event is a noun done by a verb ("impose martial law")
    ("The Thai government is prepared to impose martial law.", ("132", "THAGOV", None, "asserted")),
    ("Kenya will hold a summit with Uganda in May.", ("036", "KEN", "UGA", "asserted")),
    # ... also when its own organ or its partner reports it (not a commentator: see below)
    ("Sweden will give Kenya a loan of 20 million dollars, a statement from the ministry said.",
     ("0331", "SWE", "KEN", "asserted")),
    ("The Italian prime minister will visit Egypt in May, the Egyptian embassy said.",
     ("036", "ITAGOV", "EGY", "asserted")),
    # a document's participle speaks for whoever issued it
    ("Colombian rebels issued a statement demanding that the government release their comrades.",
     ("1053", "COLREB", "COLGOV", "asserted")),
    # a statement that another actor must act is a demand on it
    ("Russia said on Tuesday that Sudan must return the captured helicopter.",
     ("100", "RUS", "SDN", "asserted")),
    # ... on each of several who must act
    ("The Red Crescent said Saudi and Emirati forces must protect the aid convoys.",
     ("100", None, "SAUMIL", "asserted")),
    ("The Red Crescent said Saudi and Emirati forces must protect the aid convoys.",
     ("100", None, "AREMIL", "asserted")),
    # a threat against several victims threatens each
    ("Sudan threatened to cut diplomatic ties with Chad and Libya.", ("1313", "SDN", "TCD", "asserted")),
    ("Sudan threatened to cut diplomatic ties with Chad and Libya.", ("1313", "SDN", "LBY", "asserted")),
    # a consensus or understanding *to do* something commits to it (030); one *on* an issue
    # is accord only (019)
    ("Kenya and Somalia reached a consensus to share intelligence on border security.",
     ("030", "KEN", None, "asserted")),
    ("Kenya and Somalia reached a consensus on border security.", ("019", "KEN", None, "asserted")),
    # an attempt names its victim in its complement, also by name
    ("Militants said they attempted to assassinate Prime Minister Allawi.", ("185", "UAF", "IRQGOV", "asserted")),
    # withdrawing peacekeepers unless a condition is met threatens to (136)
    ("Nigeria said it will withdraw its peacekeeping force from Liberia unless the fighting stops.",
     ("136", "NGA", "LBR", "asserted")),
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


def test_no_intent_from_a_modal_of_another_clause(code_text):
    evs = code_text("At that point Russia will hold all the cards, and there will be little to negotiate over.",
                    "2016-10-20")
    assert not [e for e in evs if e.cameo_code.startswith("03")]


def test_an_intent_is_dated_when_it_is_said(code_text):
    evs = code_text("The Russian foreign ministry said on Monday that Russia would host talks in Sochi next month.",
                    "2018-01-10")
    when = {e.cameo_code: (str(e.event_date), e.factuality) for e in evs}
    assert when["043"] == ("2018-02-01", "future") and when["036"] == ("2018-01-08", "asserted")


# A hypothetical act of one's own on a condition of one's own is a threat (13x); a
# conditional promise, a bare possibility or a commentator's forecast is none.
CONDITIONAL_THREATS = [
    ("Moscow may halt gas deliveries to Ukraine if Kyiv does not pay.", ("1311", "RUSGOV", "UKR", "asserted")),
    ("The European Union could impose sanctions on Russia if Moscow does not withdraw.",
     ("1312", "IGOEUR", "RUS", "asserted")),
    ("Iran could attack Israeli ships unless Israel lifts the blockade.", ("1384", "IRN", "ISR", "asserted")),
]


@pytest.mark.parametrize("text,expected", CONDITIONAL_THREATS, ids=[c[0][:40] for c in CONDITIONAL_THREATS])
def test_conditional_threat(code_text, text, expected):
    evs = code_text(text, "2019-01-10")
    assert expected in triples(evs)
    assert any(e.cameo_code == expected[0] and e.rule.endswith("threat=" + e.trigger.text.split()[0])
               for e in evs)


def test_no_threat_without_condition_conflict_or_own_voice(code_text):
    for text in ("Iran could attack Israeli ships.",
                 "Germany may send aid to Greece if Athens accepts reforms.",
                 "Analysts say Russia may halt gas deliveries to Ukraine if Kyiv does not pay."):
        evs = code_text(text, "2019-01-10")
        assert not [e for e in evs if e.cameo_code.startswith(("13", "03"))], (text, triples(evs))


# Failing to reach an agreement is failed negotiations (164), one event per side; failing to
# reach a place, or possibly failing to reach a deal, is not.
def test_failed_agreement_is_failed_talks(code_text):
    got = triples(code_text("Serbia and Kosovo failed to reach an agreement on the border.", "2019-01-10"))
    assert {("164", "SRB", "KSV", "asserted"), ("164", "KSV", "SRB", "asserted")} <= got, got


def test_no_failed_talks_without_agreement_or_failure(code_text):
    for text in ("Syrian rebels failed to reach the town.",
                 "Iran and the United States could fail to reach a deal.",
                 "Iran failed to offer aid to Iraq."):
        evs = code_text(text, "2019-01-10")
        assert not [e for e in evs if e.cameo_code == "164"], (text, triples(evs))


# A threat with no object of its own is aimed at whoever its condition names, else at the one
# its threatened act is done to.
@pytest.mark.parametrize("text, pair", [
    ("Turkey threatened to close the border crossing unless Greece returned the refugees.", ("TUR", "GRC")),
    ("Moscow threatened to walk out of the arms talks if Washington deploys the new missiles.",
     ("RUSGOV", "USAGOV")),
    ("Islamic State has threatened to bring terror to France and Belgium.", ("IMGISI", "FRA")),
    # an adverbial between the verb and its infinitive: the parser hangs the infinitive loosely
    ("The Taliban threatened on Sunday to resume attacks in Pakistan.", ("AFGREB", "PAK")),
])
def test_threat_is_aimed_at_its_condition_or_its_victim(code_text, text, pair):
    got = {(e.source.actor.code, e.target.actor.code if e.target else None)
           for e in code_text(text, "2019-01-10") if e.cameo_code.startswith("13")}
    assert got == {pair}


def test_threat_is_aimed_at_the_country_its_act_is_done_in(code_text):
    got = {(e.source.actor.code, e.target.actor.code if e.target else None)
           for e in code_text("The PKK threatened on Friday to renew its operations in Turkey.", "2019-01-10")
           if e.cameo_code.startswith("13")}
    assert got == {("TURREB", "TUR")}


# An event noun in an "in" phrase on a verb event of the same root, by the same actor,
# names that act again: one event, the verb's.
RESTATED = [
    ("Ethiopia sent jets to bomb Mekelle in its heaviest assault of the year.", "19", ("195", "ETH", "ETH", "asserted")),
    ("Azerbaijani troops shelled Stepanakert in a new offensive.", "19", ("194", "AZEMIL", "ARM", "asserted")),
]


@pytest.mark.parametrize("text,root,expected", RESTATED, ids=[c[0][:40] for c in RESTATED])
def test_a_noun_restating_the_verbs_act_is_one_event(code_text, text, root, expected):
    evs = [e for e in code_text(text, "2021-05-20") if e.cameo_code.startswith(root) and e.factuality == "asserted"]
    assert len(evs) == 1, triples(evs)


def test_saying_what_one_will_do_is_the_intent_not_a_statement_beside_it(code_text):
    # "X said it would send aid": the statement is the intent (03x); no 010 of X beside it
    got = triples(code_text("The Danish government said on Monday that it would send tents to Lebanon.", "2021-05-20"))
    assert any(t[0].startswith("03") and t[1] == "DNKGOV" and t[3] == "asserted" for t in got), got
    assert not any(t[0] == "010" and t[1] == "DNKGOV" for t in got), got
    # a statement about what another actor will do stays a statement
    got = triples(code_text("The Danish government said on Monday that Sweden would send tents to Lebanon.", "2021-05-20"))
    assert ("010", "DNKGOV", None, "asserted") in got, got


@pytest.mark.parametrize("text,expected", [
    # a subject the parser reads as a gerund clause ("the aid group operating in Iraq said")
    ("The Red Cross operating in Yemen said Saudi forces must allow fuel into the port.",
     ("100", "NGOIRC", "SAUMIL", "asserted")),
    # a person the knowledge base lacks, addressed by title: the story's country's government
    ("Chadian rebels announced that President Mahamat Goukouni must step down before they disarm.",
     ("100", "TCDREB", "TCDGOV", "asserted")),
])
def test_what_a_speaker_says_another_must_do_is_a_demand_on_it(code_text, text, expected):
    assert expected in triples(code_text(text, "2005-06-14"))
