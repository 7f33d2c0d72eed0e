"""Ceasefire status from evidence: one test per status, each step citing its event, and
never "in force" from a negated or hypothetical ceasefire.

The first tests write the events as a coder should give them; the last ones put the
sentences through the real coder and the tracker end to end."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest
from mini_db import Doc, Ev, build

from detente.analysis.ceasefires import CeasefireSettings, ceasefires, evidence_status
from detente.analysis.filters import Filters

D = date


def track(tmp_path, docs, settings=CeasefireSettings()):
    path = build(tmp_path / "cf.duckdb", docs)
    with duckdb.connect(str(path), read_only=True) as con:
        return ceasefires(con, Filters(), settings)


def steps(cf):
    return [(h["status"], h["event_id"]) for h in cf["history"]]


def test_proposed(tmp_path):
    text = "Russia proposed a ceasefire in Aleppo."
    (cf,) = track(tmp_path, [Doc("D1", D(2016, 10, 3), text,
                                 [Ev("P1", "proposed", ("Russia", "RUS"), None, "0256", D(2016, 10, 3), "Aleppo")])])["items"]
    assert (cf["status"], cf["parties"], steps(cf)) == ("proposed", ["RUS"], [("proposed", "P1")])
    assert cf["history"][0]["sentence"] == text and cf["history"][0]["doc_id"] == "D1"
    assert cf["declared"] is None and cf["violations"] == 0


def test_a_future_declaration_is_a_proposal(tmp_path):
    (cf,) = track(tmp_path, [Doc("D1", D(2016, 10, 3), "Russia will declare a ceasefire in Aleppo.",
                                 [Ev("F1", "ceasefire", ("Russia", "RUS"), None, "0871", D(2016, 10, 3), None,
                                     "future")])])["items"]
    assert cf["status"] == "proposed" and cf["history"][0]["factuality"] == "future"


def test_agreed(tmp_path):
    text = "Russia and Turkey agreed a ceasefire in Syria."
    (cf,) = track(tmp_path, [Doc("D1", D(2016, 12, 29), text, [
        Ev("A1", "agreed", ("Russia", "RUS"), None, "030", D(2016, 12, 29)),
        Ev("A2", "agreed", ("Turkey", "TUR"), None, "030", D(2016, 12, 29))])])["items"]
    assert (cf["status"], cf["parties"], steps(cf)) == ("agreed", ["RUS", "TUR"], [("agreed", "A1")])
    assert cf["declared"] == D(2016, 12, 29) and cf["evidence_ids"] == ["A1", "A2"]


def test_in_force(tmp_path):
    (cf,) = track(tmp_path, [Doc("D1", D(2016, 2, 27), "The Syrian government declared a ceasefire with rebel groups.",
                                 [Ev("C1", "ceasefire", ("The Syrian government", "SYRGOV"), ("rebel groups", "SYRREB"),
                                     "0871", D(2016, 2, 27))])])["items"]
    assert (cf["status"], cf["parties"], steps(cf)) == ("in_force", ["SYR", "SYRREB"], [("in_force", "C1")])


def test_proposed_then_agreed_then_in_force_is_one_ceasefire(tmp_path):
    (cf,) = track(tmp_path, [
        Doc("D1", D(2016, 12, 20), "Russia proposed a truce.",
            [Ev("P1", "proposed", ("Russia", "RUS"), None, "0256", D(2016, 12, 20))]),
        Doc("D2", D(2016, 12, 29), "Russia and Turkey agreed a ceasefire.",
            [Ev("A1", "agreed", ("Russia", "RUS"), ("Turkey", "TUR"), "030", D(2016, 12, 29))]),
        Doc("D3", D(2016, 12, 30), "The ceasefire between Russia and Turkey took effect.",
            [Ev("C1", "ceasefire", ("Russia", "RUS"), ("Turkey", "TUR"), "0871", D(2016, 12, 30))]),
    ])["items"]
    assert steps(cf) == [("proposed", "P1"), ("agreed", "A1"), ("in_force", "C1")]
    assert cf["status"] == "in_force" and cf["first_date"] == D(2016, 12, 20) and cf["declared"] == D(2016, 12, 29)


DECLARED = Doc("D1", D(2016, 2, 27), "The Syrian government declared a ceasefire with rebel groups.",
               [Ev("C1", "ceasefire", ("The Syrian government", "SYRGOV"), ("rebel groups", "SYRREB"), "0871",
                   D(2016, 2, 27))])


def test_violated(tmp_path):
    res = track(tmp_path, [DECLARED, Doc("D2", D(2016, 3, 2), "Syrian troops clashed with rebels near Idlib.",
                                         [Ev("V1", "clashed", ("Syrian troops", "SYRMIL"), ("rebels", "SYRREB"), "190",
                                             D(2016, 3, 2), "Idlib")])])
    (cf,) = res["items"]
    assert (cf["status"], steps(cf)) == ("violated", [("in_force", "C1"), ("violated", "V1")])
    assert cf["violation_ids"] == ["V1"] and cf["first_violation"] == D(2016, 3, 2) and cf["collapsed_on"] is None
    assert cf["history"][1]["sentence"] == "Syrian troops clashed with rebels near Idlib."


def test_a_reported_violation_is_evidence_by_itself(tmp_path):
    (cf,) = track(tmp_path, [Doc("D1", D(2016, 3, 5), "Rebels violated the ceasefire.",
                                 [Ev("V1", "violated", ("Rebels", "SYRREB"), None, "196", D(2016, 3, 5))])])["items"]
    assert (cf["status"], steps(cf), cf["violations"]) == ("violated", [("violated", "V1")], 1)


def test_collapsed_with_its_evidence(tmp_path):
    collapse = "The ceasefire collapsed after Syrian forces attacked rebel towns."
    (cf,) = track(tmp_path, [DECLARED, Doc("D2", D(2016, 3, 9), collapse,
                                           [Ev("X1", "attacked", ("Syrian forces", "SYRMIL"), ("rebel towns", "SYRREB"),
                                               "180", D(2016, 3, 9))])])["items"]
    assert (cf["status"], cf["collapsed_on"]) == ("collapsed", D(2016, 3, 9))
    assert steps(cf) == [("in_force", "C1"), ("violated", "X1"), ("collapsed", "X1")]
    assert cf["history"][-1]["sentence"] == collapse and cf["history"][-1]["reason"] == "collapse reported"


def test_collapsed_after_too_many_violations_says_why(tmp_path):
    strikes = [Doc(f"V{i}", D(2016, 3, i), f"Syrian jets bombed rebels in town {i}.",
                   [Ev(f"V{i}", "bombed", ("Syrian jets", "SYRMIL"), ("rebels", "SYRREB"), "195", D(2016, 3, i))])
               for i in (1, 10, 20)]
    (cf,) = track(tmp_path, [DECLARED, *strikes], CeasefireSettings(collapse_violations=3))["items"]
    assert steps(cf) == [("in_force", "C1"), ("violated", "V1"), ("collapsed", "V20")]
    assert cf["history"][-1]["reason"] == "violation number 3 (collapse_violations)"


@pytest.mark.parametrize("factuality, text", [
    ("negated", "No durable ceasefire was found between the government and the rebels."),
    ("negated", "The government did not declare a ceasefire with the rebels."),
    ("hypothetical", "The government would declare a ceasefire if the rebels left."),
    ("normative", "The government should declare a ceasefire with the rebels."),
    ("question", "Will the government declare a ceasefire with the rebels?"),
])
def test_a_negated_or_hypothetical_ceasefire_is_never_in_force(tmp_path, factuality, text):
    ev = Ev("N1", "ceasefire", ("government", "SYRGOV"), ("rebels", "SYRREB"), "0871", D(2016, 10, 20), None, factuality)
    assert track(tmp_path, [Doc("D1", D(2016, 10, 20), text, [ev])])["items"] == []
    assert evidence_status("declare", factuality, False) is None


def test_undated_evidence_is_counted(tmp_path):
    res = track(tmp_path, [Doc("D1", None, "Russia proposed a ceasefire.",
                               [Ev("P1", "proposed", ("Russia", "RUS"), None, "0256", None)])])
    assert res == {"undated": 1, "window_days": 30, "items": []}


# ---- through the coder -----------------------------------------------------------------------

def coded(tmp_path, text: str, published: str = "2016-12-31"):
    from detente.api_python import default_pipeline
    from detente.pipeline import as_documents
    from detente.store import Store

    path = tmp_path / "coded.duckdb"
    with Store(path) as store:
        store.write_batch(list(default_pipeline().run(as_documents([text], published))))
    with duckdb.connect(str(path), read_only=True) as con:
        return ceasefires(con, Filters())["items"]


@pytest.mark.parametrize("text, status", [
    ("Russia proposed a ceasefire in Aleppo on 3 October 2016.", "proposed"),
    ("Russia and Turkey signed a ceasefire agreement in Ankara on 29 December 2016.", "agreed"),
    # agreeing a ceasefire is declaring it (CAMEO 0871)
    ("Russia and Turkey agreed a ceasefire in Syria on 29 December 2016.", "in_force"),
    ("The Syrian government declared a ceasefire with rebel groups in Idlib on 27 February 2016.", "in_force"),
    ("The Syrian government declared a ceasefire with rebel groups in Idlib on 27 February 2016. "
     "Rebels violated the ceasefire on 2 March 2016.", "violated"),
    ("The Syrian government declared a ceasefire with rebel groups in Idlib on 27 February 2016. "
     "The ceasefire collapsed after Syrian forces attacked rebel towns on 9 March 2016.", "collapsed"),
])
@pytest.mark.slow
def test_coded_sentences_give_each_status(tmp_path, text, status):
    (cf,) = coded(tmp_path, text)
    assert cf["status"] == status
    assert cf["history"][-1]["sentence"] in text


@pytest.mark.parametrize("text", [
    "No durable ceasefire was found.",
    "Russia did not declare a ceasefire.",
    "Russia would declare a ceasefire if the rebels left Aleppo.",
])
@pytest.mark.slow
def test_coded_negations_and_hypotheses_are_never_in_force(tmp_path, text):
    assert [cf for cf in coded(tmp_path, text) if cf["status"] != "proposed"] == []


@pytest.mark.slow
def test_coded_collapse_without_an_attack(tmp_path):
    # "that truce" refers back to the last truce of the document, whose parties it keeps
    (cf,) = coded(tmp_path, "In March 2017, Iran and Turkey announced their own truce at the Sochi meeting. "
                            "That truce fell apart too.", "2017-05-25")
    assert cf["status"] == "collapsed" and sorted(cf["parties"]) == ["IRN", "TUR"]


@pytest.mark.slow
def test_coded_ceasefire_nobody_found_is_not_in_force(tmp_path):
    text = ("Diplomats in Geneva have not found a way to reach what every side says it wants: a lasting "
            "ceasefire between the government and the rebels.")
    assert [cf["status"] for cf in coded(tmp_path, text, "2016-10-20")] == []
