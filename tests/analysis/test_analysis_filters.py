from __future__ import annotations

from datetime import date

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.analysis.events import list_events
from detente.analysis.filters import FilterError, Filters, interval_sql, parse_dyad


def ids(con, f: Filters) -> set[str]:
    return {r["event_id"] for r in list_events(con, f, limit=500)["items"]}


def test_default_is_asserted_only(con):
    assert "E14" not in ids(con, Filters())  # negated
    assert "E17" not in ids(con, Filters())  # future
    assert {"E14", "E17", "E18"} <= ids(con, Filters(factuality=None))
    assert ids(con, Filters(factuality="negated")) == {"E14"}
    assert ids(con, Filters(factuality=("any",))) == ids(con, Filters(factuality=None))


def test_actor_prefix_matches_either_side(con):
    rus = ids(con, Filters(actor="rus"))
    assert {"E1", "E11", "E12", "E13", "E16"} <= rus  # E12: Russia is the target
    assert "E6" not in rus
    assert ids(con, Filters(actor="RUSGOV")) == {"E11", "E12", "E13", "E16"}


def test_dyad_directed_and_undirected(con):
    assert ids(con, Filters(dyad="RUS,USA")) == {"E13", "E16"}
    assert ids(con, Filters(dyad=("USA", "RUS"))) == set()
    assert ids(con, Filters(dyad="USA,RUS", undirected=True)) == {"E13", "E16"}


def test_code_root_quad_dates_place_text(con):
    assert ids(con, Filters(code="0871")) == {"E6"}
    assert ids(con, Filters(root="4")) == {"E12", "E13"}
    assert ids(con, Filters(quad_class=(3,))) == {"E11", "E16"}
    assert ids(con, Filters(since=date(2016, 3, 1), until=date(2016, 3, 31))) == {"E7", "E8", "E9", "E10"}
    assert ids(con, Filters(place="Aleppo")) == {"E1", "E3", "E10"}
    assert ids(con, Filters(place="che")) == {"E13"}  # ISO-3 country of the place
    assert ids(con, Filters(q="CEASEFIRE")) == {"E6", "E8", "E9"}
    assert ids(con, Filters(doc_id="D3")) == {"E4", "E5"}


@pytest.mark.parametrize("bad", [
    dict(actor="RUS'; DROP TABLE events; --"), dict(dyad="RUS"), dict(code="19a"), dict(root="21"),
    dict(quad_class=(5,)), dict(factuality="maybe"), dict(since=date(2017, 1, 1), until=date(2016, 1, 1)),
])
def test_invalid_filters_are_rejected(bad):
    with pytest.raises(FilterError):
        Filters(**bad)


def test_interval_is_whitelisted():
    assert "month" in interval_sql("month")
    with pytest.raises(FilterError):
        interval_sql("month'); DROP TABLE events; --")


def test_parse_dyad_forms():
    assert parse_dyad("rus,usa") == ("RUS", "USA")
    assert parse_dyad("RUS-USA") == ("RUS", "USA")
    assert parse_dyad(None) is None


def test_to_query_round_trip():
    f = Filters(actor="RUS", dyad="RUS,USA", quad_class=(4, 1), since=date(2016, 1, 1), q="talks")
    q = f.to_query()
    assert q == {"actor": "RUS", "dyad": "RUS,USA", "q": "talks", "quad": "1,4", "factuality": "asserted",
                 "since": "2016-01-01"}


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=40), place=st.text(max_size=20))
def test_free_text_is_data_not_sql(sample_paths, text, place):
    """Any q/place string is bound as a parameter: the query runs and the tables survive."""
    with duckdb.connect(str(sample_paths["inline"]), read_only=True) as c:
        f = Filters(q=text, place=place, factuality=None)
        res = list_events(c, f, limit=5)
        assert res["total"] >= 0
        assert c.execute("SELECT count(*) FROM events").fetchone()[0] == 19


def test_injection_text_is_found_literally(con):
    assert ids(con, Filters(q="'; DROP TABLE events; --")) == {"E19"}
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 19


def test_parse_filters_reads_what_users_type(con):
    from detente.analysis.filters import parse_filters

    assert parse_filters() == Filters()  # asserted only
    assert parse_filters(factuality="any").factuality is None
    assert parse_filters(factuality=" Negated , future").factuality == ("negated", "future")
    assert parse_filters(factuality=("negated",)) == Filters(factuality=("negated",))
    assert parse_filters(quad="4,1", since="2016-03-01", undirected="true", dyad="usa-rus") == Filters(
        quad_class=(1, 4), since=date(2016, 3, 1), undirected=True, dyad=("USA", "RUS"))
    assert ids(con, parse_filters(factuality="negated,future")) == {"E14", "E17", "E18"}


@pytest.mark.parametrize("bad, message", [
    (dict(factuality=""), "factuality '': use one of"),
    (dict(quad="1,x"), "quad '1,x': use 1, 2, 3 or 4"),
    (dict(since="2016-02-30"), "since '2016-02-30': use a date YYYY-MM-DD"),
    (dict(undirected="maybe"), "undirected 'maybe': use true or false"),
    (dict(place="p" * 101), "place: at most 100 characters"),
])
def test_parse_filters_errors_are_one_line(bad, message):
    from detente.analysis.filters import parse_filters

    with pytest.raises(FilterError) as exc:
        parse_filters(**bad)
    assert str(exc.value).startswith(message) and "\n" not in str(exc.value)
