"""Say-do: cooperative words next to conflictual deeds, per period and as sentence pairs."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest
from mini_db import Doc, Ev, build

from detente.analysis.filters import FilterError, Filters
from detente.analysis.saydo import contradiction, saydo, saydo_pairs
from detente.analysis.tables import build_analysis_tables

ANNOUNCE = "Russia announced a pause in air strikes on Aleppo."
DOCS = [
    Doc("D1", date(2016, 10, 18), ANNOUNCE,
        [Ev("W1", "announced", ("Russia", "RUSGOV"), None, "010", date(2016, 10, 18), "Aleppo")]),
    Doc("D2", date(2016, 10, 20), "Russian jets bombed eastern Aleppo.",
        [Ev("D1a", "bombed", ("Russian jets", "RUSMIL"), ("eastern Aleppo", "SYR"), "195", date(2016, 10, 20), "Aleppo")]),
    Doc("D3", date(2016, 10, 21), "Russian warplanes bombed eastern Aleppo again.",  # the same strike, another report
        [Ev("D1b", "bombed", ("Russian warplanes", "RUSMIL"), ("eastern Aleppo", "SYR"), "195", date(2016, 10, 20), "Aleppo")]),
    Doc("D4", date(2016, 10, 10), "Russian jets struck rebels in Idlib.",  # before the statement: no pair
        [Ev("D0", "struck", ("Russian jets", "RUSMIL"), ("rebels", "SYRREB"), "195", date(2016, 10, 10), "Idlib")]),
    Doc("D5", date(2016, 12, 1), "Russian jets struck rebels near Aleppo.",  # 44 days later: outside the window
        [Ev("D9", "struck", ("Russian jets", "RUSMIL"), ("rebels", "SYRREB"), "195", date(2016, 12, 1), "Aleppo")]),
    Doc("D6", date(2016, 10, 25), "Russian troops shelled Kyiv.",  # another theatre: no pair
        [Ev("DU", "shelled", ("Russian troops", "RUSMIL"), None, "195", date(2016, 10, 25), "Kyiv")]),
    Doc("D7", date(2016, 10, 22), "Russia did not bomb the convoy.",  # negated: not a deed
        [Ev("DN", "bomb", ("Russia", "RUS"), None, "195", date(2016, 10, 22), "Aleppo", "negated")]),
    Doc("D8", date(2016, 11, 2), "Russia would offer talks to the rebels.",  # hypothetical: not a word
        [Ev("WH", "offer", ("Russia", "RUS"), ("the rebels", "SYRREB"), "036", date(2016, 11, 2), None, "hypothetical")]),
    Doc("D9", None, "Moscow called for talks.",  # undated word
        [Ev("WU", "called", ("Moscow", "RUSGOV"), None, "026", None)]),
    Doc("D10", date(2016, 10, 5), "The United States called for talks with Russia.",  # another actor's words
        [Ev("WX", "called", ("The United States", "USA"), ("Russia", "RUS"), "026", date(2016, 10, 5))]),
]


@pytest.fixture(scope="module", params=["inline", "tables"])
def con(request, tmp_path_factory):
    path = build(tmp_path_factory.mktemp("saydo") / f"{request.param}.duckdb", DOCS)
    if request.param == "tables":
        with duckdb.connect(str(path)) as w:
            build_analysis_tables(w)
    c = duckdb.connect(str(path), read_only=True)
    yield c
    c.close()


def test_contradiction_is_high_when_words_and_deeds_meet():
    assert contradiction(3, 0) == 0.0 and contradiction(0, 2) == 0.0
    assert contradiction(2, 2) == 1.0 and contradiction(1, 3) == 0.5
    assert contradiction(0, 0) is None


def test_saydo_points_count_words_and_deeds_per_period(con):
    res = saydo(con, Filters(), actor="RUS")
    pts = {str(p["period"]): p for p in res["points"]}
    # October: one statement; deeds D0, the Aleppo strike (one cluster of two reports), Kyiv
    assert (pts["2016-10-01"]["words"], pts["2016-10-01"]["deeds"]) == (1, 3)
    assert pts["2016-10-01"]["contradiction"] == 0.5
    assert pts["2016-10-01"]["event_ids"] == {"words": ["W1"], "deeds": ["D0", "D1a", "D1b", "DU"]}
    assert (pts["2016-11-01"]["words"], pts["2016-11-01"]["deeds"], pts["2016-11-01"]["contradiction"]) == (0, 0, None)
    assert (pts["2016-12-01"]["deeds"], pts["2016-12-01"]["contradiction"]) == (1, 0.0)
    assert res["undated"] == 1  # WU
    mentions = saydo(con, Filters(), actor="RUS", count="mentions")["points"][0]
    assert (mentions["words"], mentions["deeds"]) == (1, 4)
    # the factuality filter does not apply: words and deeds are asserted by definition
    assert saydo(con, Filters(factuality=("negated",)), actor="RUS")["points"] == res["points"]
    with pytest.raises(FilterError):
        saydo(con, Filters())


def test_pairs_link_each_statement_to_the_deeds_that_follow_it(con):
    res = saydo_pairs(con, Filters(), actor="RUS")
    assert (res["statements"], res["pairs"], res["window_days"], res["undated"]) == (1, 1, 30, 1)
    assert (res["words"], res["examined"], res["complete"]) == (1, 1, True)
    (item,) = res["items"]
    said, (did,) = item["statement"], item["deeds"]
    assert said["event_id"] == "W1" and said["sentence"] == ANNOUNCE and said["event_date"] == date(2016, 10, 18)
    assert said["doc_id"] == "D1" and said["doc_url"] == "https://news.example/d1"
    assert did["event_id"] == "D1a" and did["sentence"] == "Russian jets bombed eastern Aleppo."
    assert (did["days"], did["link"], did["theatre"], did["mentions"]) == (2, "place", "SYR", 2)
    assert did["doc_title"] and did["published"] == date(2016, 10, 20)
    # a longer window reaches the December strike; every mention counts on request
    wide = saydo_pairs(con, Filters(), actor="RUS", window_days=60)
    assert [d["event_id"] for d in wide["items"][0]["deeds"]] == ["D1a", "D9"]
    capped = saydo_pairs(con, Filters(), actor="RUS", window_days=60, max_deeds=1)
    assert [d["event_id"] for d in capped["items"][0]["deeds"]] == ["D1a"] and capped["pairs"] == 2
    mentions = saydo_pairs(con, Filters(), actor="RUS", count="mentions")
    assert [d["event_id"] for d in mentions["items"][0]["deeds"]] == ["D1a", "D1b"]
    assert saydo_pairs(con, Filters(), actor="USA")["items"] == []
    with pytest.raises(FilterError):
        saydo_pairs(con, Filters(), actor="RUS", window_days=-1)


def test_dyad_pairs_need_the_dyad_target(con):
    syr = saydo_pairs(con, Filters(), dyad="RUS,SYR")
    assert syr["items"] == []  # the statement named no target, so it is not toward SYR
    res = saydo(con, Filters(), dyad="RUS,SYR")
    assert res["dyad"] == ["RUS", "SYR"] and sum(p["deeds"] for p in res["points"]) == 3


def test_a_busy_actor_is_examined_a_batch_at_a_time(tmp_path):
    """300 statements and one strike: the first statements that the strike contradicts are
    found without pairing every statement there is; the answer says how far it looked."""
    from datetime import timedelta

    day0 = date(2016, 1, 1)
    docs = [Doc(f"S{i}", day0 + timedelta(days=i), "Russia called for talks.",
                [Ev(f"S{i:03d}", "called", ("Russia", "RUS"), ("talks", "SYR"), "026", day0 + timedelta(days=i))])
            for i in range(300)]
    early = [Doc("X", day0 + timedelta(days=10), "Russian jets bombed Aleppo.",
                 [Ev("X1", "bombed", ("Russian jets", "RUSMIL"), ("Aleppo", "SYR"), "195", day0 + timedelta(days=10))])]
    late = [Doc("X", day0 + timedelta(days=290), "Russian jets bombed Aleppo.",
                [Ev("X1", "bombed", ("Russian jets", "RUSMIL"), ("Aleppo", "SYR"), "195", day0 + timedelta(days=290))])]
    for name, strike, examined, found in (("early", early, 200, 11), ("late", late, 300, 31)):
        path = build(tmp_path / f"{name}.duckdb", docs + strike)
        with duckdb.connect(str(path), read_only=True) as c:
            res = saydo_pairs(c, Filters(), actor="RUS", count="mentions", limit=2)
        assert (res["words"], res["examined"], res["complete"]) == (300, examined, examined == 300)
        assert res["statements"] == found and res["pairs"] == found
        assert [i["statement"]["event_id"] for i in res["items"]] == (["S000", "S001"] if name == "early"
                                                                        else ["S260", "S261"])
        assert [d["link"] for i in res["items"] for d in i["deeds"]] == ["target", "target"]
