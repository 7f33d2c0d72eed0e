from __future__ import annotations

from datetime import date

import pytest

from detente.analysis.ceasefires import CeasefireSettings, ceasefires
from detente.analysis.events import geo, get_document, get_event, stats
from detente.analysis.filters import FilterError, Filters
from detente.analysis.network import network
from detente.analysis.processes import list_processes, load_processes
from detente.analysis.profiles import actor_profile
from detente.analysis.saydo import saydo
from detente.analysis.series import dyads, series


def test_series_fills_empty_periods_and_sums_goldstein(con):
    s = series(con, Filters(actor="RUS"), count="mentions")
    periods = [str(p["period"]) for p in s["points"]]
    assert periods[0] == "2016-02-01" and periods[-1] == "2017-04-01" and len(periods) == 15
    feb = s["points"][0]
    assert feb["q4"] == 4 and feb["goldstein_sum"] == -40.0 and feb["goldstein_mean"] == -10.0
    assert s["points"][2]["total"] == 0 and s["points"][2]["goldstein_mean"] is None
    weeks = series(con, Filters(actor="RUS"), interval="week")["points"]
    assert all(p["period"].weekday() == 0 for p in weeks)


def test_saydo_actor_and_dyad(con):
    pts = {str(p["period"]): p for p in saydo(con, Filters(), actor="RUS")["points"]}
    assert pts["2016-02-01"]["deeds"] == 2 and pts["2016-02-01"]["contradiction"] == 0.0
    assert pts["2017-02-01"]["words"] == 1 and pts["2017-02-01"]["contradiction"] == 0.0
    assert pts["2016-02-01"]["event_ids"]["deeds"] == ["E1", "E3", "E4", "E5"]
    d = saydo(con, Filters(dyad="RUS,USA"))
    assert d["dyad"] == ["RUS", "USA"]
    assert {str(p["period"]): p["words"] for p in d["points"]}["2017-02-01"] == 1
    with pytest.raises(FilterError):
        saydo(con, Filters())


def test_network_signed_edges(con):
    net = network(con, Filters())
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("RUS", "SYR")]["sign"] == -1 and edges[("RUS", "SYR")]["n"] == 3
    assert edges[("TUR", "RUS")]["sign"] == 1
    assert all(e["source"] != e["target"] for e in net["edges"])
    assert {n["id"] for n in net["nodes"]} >= {"RUS", "SYR", "USA", "TUR", "IGOUNO"}
    actor_level = network(con, Filters(), level="actor")
    assert ("RUSMIL", "SYRREB") in {(e["source"], e["target"]) for e in actor_level["edges"]}


def test_dyads_rank_and_quads(con):
    d = dyads(con, Filters(), count="mentions", limit=3)
    assert d[0]["source"] == "RUS" and d[0]["target"] == "SYR" and d[0]["q4"] == 5


def test_actor_profile(con):
    p = actor_profile(con, "RUS", Filters())
    assert p["as_source"] == 6 and p["as_target"] == 1
    partners = {x["partner"]: x for x in p["partners"]}
    assert partners["SYR"]["conflictual"] == 3 and partners["TUR"]["incoming"] == 1
    assert {"period": date(2017, 1, 1), "root": "04", "n": 2} in p["root_mix"]


def test_processes_match_aliases_and_venues(con):
    procs = {p["process_id"]: p for p in list_processes(con, Filters())}
    assert set(procs) == {"astana", "geneva"}
    assert procs["astana"]["mentions"] == 2  # venue "Astana" (talks, root 04) and alias "Astana talks"
    assert {x["actor"] for x in procs["geneva"]["participants"]} == {"RUSGOV", "USAGOV"}
    every = {p["process_id"]: p for p in list_processes(con, Filters(factuality=None))}
    assert every["geneva"]["mentions"] == 2  # + the future meeting in Geneva (E17)
    assert {p["id"] for p in load_processes()} >= {"geneva", "astana", "sochi", "vienna"}


def test_ceasefire_declared_violated_collapsed(con):
    (cf,) = ceasefires(con, Filters())["items"]
    assert cf["ceasefire_id"] == "E6" and cf["parties"] == ["SYR", "SYRREB"]
    assert cf["violation_ids"] == ["E7", "E8", "E9"]  # Russia's strike E10 is not a party's
    assert cf["status"] == "collapsed" and str(cf["collapsed_on"]) == "2016-03-09"
    assert [(h["status"], h["event_id"]) for h in cf["history"]] == [
        ("in_force", "E6"), ("violated", "E7"), ("collapsed", "E9")]
    (lenient,) = ceasefires(con, Filters(), CeasefireSettings(collapse_violations=10))["items"]
    assert lenient["status"] == "collapsed"  # E9's sentence says the ceasefire collapsed
    short = ceasefires(con, Filters(), CeasefireSettings(window_days=4))["items"]
    assert short[0]["violations"] == 1 and short[0]["status"] == "violated"
    assert ceasefires(con, Filters(until=date(2016, 1, 1)))["items"] == []


def test_event_evidence_and_document_spans(con):
    ev = get_event(con, "E5")
    sent = ev["evidence"]["sentence"]
    spans = {s["kind"]: sent[s["start"]:s["end"]] for s in ev["evidence"]["spans"]}
    assert spans == {"source": "Russian jets", "trigger": "struck", "target": "rebels"}
    assert ev["evidence"]["document"]["title"] == "More strikes"
    assert get_event(con, "nope") is None
    doc = get_document(con, "D3")
    text = doc["text"]
    assert {(s["event_id"], text[s["start"]:s["end"]]) for s in doc["spans"] if s["kind"] == "trigger"} == {
        ("E4", "hit"), ("E5", "struck")}
    assert get_document(con, "nope") is None


def test_stats_and_geo(con):
    s = stats(con)
    assert (s["documents"], s["events"], s["located_events"]) == (13, 19, 9)
    assert s["by_factuality"] == {"asserted": 16, "future": 2, "negated": 1}
    g = geo(con, Filters())
    places = {p["name"]: p for p in g["places"]}
    assert places["Aleppo"]["n"] == 3 and places["Idlib"]["q2"] == 1
    assert g["events"] == 9
