"""Datelines and headlines (coding/furniture.py): a dateline names where a story was filed,
never an actor, and counts among the story's places; a headline in title case codes nothing.

Every sentence here is written by the detente authors; none comes from a dev set.
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


def test_agentless_participle_and_dateline_subject(code_text):
    # a dateline is never the subject; "priests kidnapped last week" are victims of an agentless kidnapping
    evs = code_text("GUATEMALA CITY -- Gunmen released two priests kidnapped earlier this week.", "2018-01-01")
    assert ("0841", "GTMUAF", None, "asserted") in triples(evs)  # the dateline gives the story's country
    # the victims' country is the story's: the dateline places it in Guatemala
    assert ("181", None, "GTM", "asserted") in triples(evs)


def test_title_case_headline_codes_nothing(code_text):
    assert not code_text("Russia Won't Negotiate before Aleppo Falls to the Regime", "2016-10-20")
    assert code_text("Russia won't negotiate before Aleppo falls to the regime.", "2016-10-20")


def test_title_case_dateline_with_region_is_no_actor(code_text):
    # "Raipur, India - ": a place of filing; the subject the parser hangs on it as an apposition acts
    evs = code_text("Pune, India - Student unions in the state have called for a strike at the university.",
                    "2015-08-01")
    assert {(e.source.text, e.source.actor.country) for e in evs} == {("Student unions", "IND")}
    from detente.coding.furniture import dateline_end
    assert dateline_end("Moscow said - no talks") == 0 and dateline_end("Raipur: a quiet town") == 0


def test_a_dateline_counts_as_a_place_of_the_story(code_text):
    # with no place in the sentence, the strike's victims are of the country it was filed
    # from, not of the only country named (the attacker's)
    evs = code_text("QUETTA: An American drone killed four suspected militants near a border village on "
                    "Sunday, officials said.", "2018-06-04")
    kill = next(e for e in evs if e.cameo_code.startswith("19"))
    assert (kill.source.actor.code, kill.target.actor.code) == ("USAMIL", "PAKUAF")
    assert kill.location.country == "PAK"


def test_a_datelines_region_says_which_homonym_it_is(code_text):
    # Corofin is an Irish town; "Corofin, Iowa" is not
    evs = code_text("COROFIN, Iowa (AP) -- Two county officials were arrested on fraud charges.", "2018-06-04")
    # the state behind an agentless arrest acts on its own officials: not dropped as a self-target
    assert {(e.cameo_code[:2], e.source.actor.code, e.target.actor.code) for e in evs} == {("17", "USAGOV", "USAGOV")}
    from detente.coding.furniture import dateline_place
    assert dateline_place("COROFIN, Iowa (AP) -- Two") == ("Corofin", "Iowa")
    assert dateline_place("LANSING, Mich. (AP) -- A") == ("Lansing", "Mich.")
    assert dateline_place("WASHINGTON--A report") == ("Washington", None)


@pytest.mark.parametrize("text,expected", [
    # the parser used to take the dateline for the subject ("KIEV ... separatists" as an
    # apposition, "SEOUL, South Korea ... North Korea" as a list): no event came out
    ("KIEV, Ukraine -- Pro-Russian separatists shot down a Ukrainian military transport plane on Saturday.",
     ("190", "RUSSEP", "UKR", "asserted")),
    ("SEOUL, South Korea (AP) -- North Korea test-fired a new intercontinental ballistic missile on Wednesday.",
     ("150", "PRK", None, "asserted")),
])
def test_the_parser_reads_a_dateline_as_a_sentence_of_its_own(code_text, text, expected):
    assert expected in triples(code_text(text, "2014-07-20"))


def test_a_dateline_closed_as_a_sentence_keeps_every_offset():
    from detente.coding.furniture import parse_text
    for text in ("KIEV, Ukraine -- Separatists fired.", "PESHAWAR: A drone struck.", "(Reuters) - The FBI said.",
                 "NAIROBI—Troops left.", "Moscow said - no talks."):
        assert len(parse_text(text)) == len(text)
    assert parse_text("KIEV, Ukraine -- Separatists fired.") == "KIEV, Ukraine.   Separatists fired."
    assert parse_text("NAIROBI—Troops left.") == "NAIROBI—Troops left."  # no room for a sentence break
    assert parse_text("Moscow said - no talks.") == "Moscow said - no talks."  # no dateline
