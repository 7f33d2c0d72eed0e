from __future__ import annotations

import pytest


def get(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_health_and_stats(client):
    h = get(client, "/api/health")
    assert h["status"] == "ok" and h["analysis_tables_fresh"] is True
    s = get(client, "/api/stats")
    assert s["events"] == 19 and s["documents"] == 13
    assert get(client, "/api/stats", actor="RUS")["events"] == 9  # asserted once filtered


def test_events_filters_and_pagination(client):
    first = get(client, "/api/events", limit=5)
    assert first["total"] == 16 and len(first["items"]) == 5 and first["offset"] == 0
    second = get(client, "/api/events", limit=5, offset=5)
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    last = get(client, "/api/events", limit=5, offset=15)
    assert len(last["items"]) == 1
    assert get(client, "/api/events", offset=100)["items"] == []
    assert get(client, "/api/events", actor="RUS", quad="4")["total"] == 5
    assert {e["event_id"] for e in get(client, "/api/events", dyad="RUS,USA")["items"]} == {"E13", "E16"}
    assert get(client, "/api/events", factuality="any")["total"] == 19
    assert get(client, "/api/events", factuality="future,negated")["total"] == 3
    assert {e["event_id"] for e in get(client, "/api/events", since="2016-03-01", until="2016-03-31")["items"]} == {
        "E7", "E8", "E9", "E10"}
    assert [e["event_id"] for e in get(client, "/api/events", code="0871")["items"]] == ["E6"]
    assert get(client, "/api/events", root="19", place="Aleppo")["total"] == 3
    assert get(client, "/api/events", q="ceasefire")["total"] == 3
    asc = get(client, "/api/events", sort="date_asc", limit=1)["items"][0]
    assert asc["event_id"] in ("E1", "E2", "E3")


def test_event_detail_with_evidence(client):
    ev = get(client, "/api/events/E13")
    ev_ = ev["evidence"]
    assert ev_["document"]["title"] == "Geneva" and ev_["document"]["url"] == "https://news.example/d10"
    hl = {s["kind"]: ev_["sentence"][s["start"]:s["end"]] for s in ev_["spans"]}
    assert hl == {"source": "Russia", "trigger": "held talks", "target": "the United States"}
    r = client.get("/api/events/NOPE")
    assert r.status_code == 404 and "NOPE" in r.json()["detail"]


def test_document_with_spans(client):
    doc = get(client, "/api/documents/D10")
    assert doc["text"].startswith("Russia and the United States")
    assert {e["event_id"] for e in doc["events"]} == {"E13", "E14"}
    for s in doc["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(doc["text"])
    assert client.get("/api/documents/nothing-here").status_code == 404


def test_analysis_endpoints(client):
    s = get(client, "/api/series", actor="RUS", interval="month")
    assert s["count"] == "clusters" and s["points"][0]["q4"] == 2
    assert get(client, "/api/series", actor="RUS", count="mentions")["points"][0]["q4"] == 4
    sd = get(client, "/api/saydo", actor="RUS")
    assert sd["points"][0]["event_ids"]["deeds"] == ["E1", "E3", "E4", "E5"] and sd["points"][0]["contradiction"] == 0
    assert get(client, "/api/saydo/pairs", actor="RUS")["items"] == []  # its words came a year after its strikes
    assert get(client, "/api/saydo", dyad="RUS,USA")["dyad"] == ["RUS", "USA"]
    net = get(client, "/api/network", level="country")
    assert {"RUS", "SYR"} <= {n["id"] for n in net["nodes"]}
    d = get(client, "/api/dyads", limit=2)
    assert len(d["items"]) == 2
    pr = get(client, "/api/processes")
    assert {p["process_id"] for p in pr["processes"]} == {"astana", "geneva"}
    assert pr["ceasefires"][0]["status"] == "collapsed" and pr["ceasefires_undated"] == 0
    cf = get(client, "/api/ceasefires")
    assert [h["status"] for h in cf["items"][0]["history"]] == ["in_force", "violated", "collapsed"]
    assert cf["items"][0]["history"][-1]["sentence"] == "The ceasefire collapsed after Syrian forces attacked rebel towns."
    cl = get(client, "/api/clusters", min_mentions=2)
    assert cl["total"] == 1 and cl["items"][0]["sources"] == 3
    undated = next(c for c in get(client, "/api/clusters", actor="IGOUNO")["items"] if c["first_date"] is None)
    assert (undated["cluster_id"], undated["source_code"], undated["cameo_code"]) == ("E19", "IGOUNO", "010")
    prof = get(client, "/api/profile", actor="TUR")
    assert prof["actor"] == "TUR" and prof["partners"][0]["partner"] == "RUS"
    g = get(client, "/api/geo", place="SYR")
    assert {p["name"] for p in g["places"]} == {"Aleppo", "Idlib", "Shayrat"}


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"limit": 501}),
    ("/api/events", {"limit": 0}),
    ("/api/events", {"offset": -1}),
    ("/api/events", {"q": "x" * 201}),
    ("/api/events", {"place": "p" * 101}),
    ("/api/events", {"actor": "RUS GOV"}),
    ("/api/events", {"dyad": "RUS"}),
    ("/api/events", {"root": "21"}),
    ("/api/events", {"quad": "5"}),
    ("/api/events", {"factuality": "maybe"}),
    ("/api/events", {"since": "not-a-date"}),
    ("/api/events", {"since": "2017-01-01", "until": "2016-01-01"}),
    ("/api/events", {"sort": "event_id; DROP TABLE events"}),
    ("/api/series", {"interval": "decade"}),
    ("/api/series", {"count": "words"}),
    ("/api/network", {"max_edges": 10_000}),
    ("/api/saydo", {}),
    ("/api/saydo/pairs", {}),
    ("/api/saydo/pairs", {"actor": "RUS", "window_days": -1}),
    ("/api/actors", {}),
    ("/api/actors", {"q": "x" * 101}),
    ("/api/profile", {}),
])
def test_invalid_parameters_are_422(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422, (path, params, r.text)
    assert "detail" in r.json()


def test_openapi_and_docs(client):
    spec = get(client, "/openapi.json")
    for p in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/dyads", "/api/series",
              "/api/saydo", "/api/saydo/pairs", "/api/ceasefires", "/api/actors", "/api/network", "/api/processes", "/api/clusters", "/api/stats", "/api/health", "/api/geo"):
        assert p in spec["paths"], p
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params["q"]["schema"]["maxLength"] == 200
    assert "asserted (the default" in params["factuality"]["description"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower()


def test_time_based_results_count_the_undated_events_they_leave_out(client):
    """E19 (the UN envoy welcomed the Astana talks) has no date: no period can show it,
    so each time-based answer says how many matching events it left out."""
    assert get(client, "/api/series", actor="RUS")["undated"] == 0
    assert get(client, "/api/series", actor="IGOUNO")["undated"] == 1
    assert get(client, "/api/series", actor="IGOUNO", since="2016-01-01")["undated"] == 1  # range aside
    assert get(client, "/api/series", actor="IGOUNO", factuality="negated")["undated"] == 0
    assert get(client, "/api/saydo", actor="IGOUNO")["undated"] == 1
    assert get(client, "/api/saydo", dyad="RUS,USA")["undated"] == 0
    assert get(client, "/api/saydo/pairs", actor="IGOUNO")["undated"] == 1
    assert get(client, "/api/ceasefires")["undated"] == 0
    assert get(client, "/api/profile", actor="IGOUNO")["undated"] == 1
    procs = {p["process_id"]: p["undated"] for p in get(client, "/api/processes")["processes"]}
    assert procs == {"astana": 1, "geneva": 0}


def test_actor_search_suggests_codes_for_names(client):
    found = get(client, "/api/actors", q="russ")["items"]
    assert found[0]["code"] == "RUS" and found[0]["name"] == "Russia" and found[0]["events"] == 11  # any factuality
    assert {"code", "name", "kind", "events"} <= set(found[0])
    assert get(client, "/api/actors", q="Russia")["items"][0]["code"] == "RUS"
    putin = get(client, "/api/actors", q="putin")["items"][0]
    assert putin["code"] == "RUSGOV" and putin["name"] == "Vladimir Putin" and putin["kind"] == "person"
    assert get(client, "/api/actors", q="SYRREB")["items"][0]["code"] == "SYRREB"  # a code as such
    assert get(client, "/api/actors", q="xyzzy")["items"] == []
