"""Exports other tools read: CSV, TSV, JSONL, Parquet and GDELT 2.0's event table."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from detente.analysis.events import ROW_COLUMNS
from detente.analysis.filters import Filters
from detente.errors import OutputError
from detente.export import GDELT_COLUMNS, export_events, write_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
import sample_db  # noqa: E402


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = sample_db.build_sample_db(tmp_path_factory.mktemp("export") / "s.duckdb")
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


ALL = Filters(factuality=None)


@pytest.mark.parametrize("name", ["e.csv", "e.tsv", "e.jsonl", "e.ndjson", "e.parquet"])
def test_tabular_exports_carry_every_column_and_the_document(con, tmp_path, name):
    out = tmp_path / name
    assert export_events(con, out, ALL) == 19
    if name.endswith(".parquet"):
        df = pq.read_table(out).to_pandas()
    elif name.endswith((".jsonl", ".ndjson")):
        df = pd.DataFrame([json.loads(x) for x in out.read_text().splitlines()])
    else:
        df = pd.read_csv(out, sep="\t" if name.endswith(".tsv") else ",", dtype=str, keep_default_na=False)
    assert list(df.columns) == list(ROW_COLUMNS)
    e1 = df[df.event_id == "E1"].iloc[0]
    assert (e1.doc_id, e1.doc_title, e1.doc_url) == ("D1", "Russian jets strike Aleppo", "https://news.example/d1")
    assert str(e1.published)[:10] == "2016-02-10" and str(e1.cameo_code) == "195"
    assert df[df.event_id == "E2"].iloc[0].cameo_code == "0233"  # codes stay strings


def test_export_follows_the_filters_and_their_default(con, tmp_path):
    assert export_events(con, tmp_path / "a.csv") == 16  # asserted only, as everywhere
    assert export_events(con, tmp_path / "n.csv", Filters(factuality=("negated", "future"))) == 3
    assert export_events(con, tmp_path / "r.csv", Filters(actor="RUS", root="19")) == 5


def test_gdelt_export_has_gdelts_61_columns_without_header(con, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    assert export_events(con, out, ALL) == 19
    df = pd.read_csv(out, sep="\t", header=None)
    assert df.shape == (19, 61) == (19, len(GDELT_COLUMNS))
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False)
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert (df.SOURCEURL != "").all() and df.SOURCEURL.str.startswith("https://news.example/d").all()
    assert df.GLOBALEVENTID.str.fullmatch(r"\d+").all() and df.GLOBALEVENTID.is_unique
    veto = df[df.Actor2Code == "IGOUNO"].iloc[0]  # E11: Russia vetoed a UN Security Council resolution
    assert (veto.SQLDATE, veto.MonthYear, veto.Year, veto.FractionDate) == ("20161008", "201610", "2016", "2016.8438")
    assert (veto.Actor1Code, veto.Actor1Name, veto.Actor1CountryCode, veto.Actor1Type1Code) == (
        "RUSGOV", "RUSSIA", "RUS", "GOV")
    assert (veto.EventCode, veto.EventBaseCode, veto.EventRootCode, veto.QuadClass, veto.GoldsteinScale) == (
        "129", "129", "12", "3", "-5")
    appeal = df[df.EventCode == "0233"].iloc[0]
    assert (appeal.EventBaseCode, appeal.EventRootCode, appeal.Actor1Type1Code) == ("023", "02", "IGO")
    aleppo = df[df.ActionGeo_FullName == "Aleppo, Syria"].iloc[0]
    assert (aleppo.ActionGeo_Type, aleppo.ActionGeo_CountryCode, aleppo.ActionGeo_Lat, aleppo.ActionGeo_Long) == (
        "4", "SY", "36.2", "37.16")  # a world city; FIPS 10-4 country code
    undated = df[df.SQLDATE == ""]
    assert len(undated) == 1 and undated.iloc[0].Actor1Code == "IGOUNO"  # E19 has no date: left empty
    assert (df.DATEADDED.str.fullmatch(r"\d{14}")).all()
    empty = [c for c in GDELT_COLUMNS if "Ethnic" in c or "Religion" in c or c.startswith("Actor1Geo")]
    assert (df[empty] == "").all().all()


def test_bad_names_and_paths_are_one_line_errors_that_leave_nothing(con, tmp_path):
    for name in ("e.xlsx", "e.json", "e"):
        with pytest.raises(OutputError, match=r"name it \.csv, \.tsv, \.jsonl, \.parquet or \.gdelt\.tsv"):
            export_events(con, tmp_path / name)
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is not a folder"):
        export_events(con, tmp_path / "file" / "e.csv")
    with pytest.raises(OutputError, match="is a folder"):
        export_events(con, tmp_path, fmt="csv")
    with pytest.raises(OutputError, match="unknown export format 'xml'"):
        export_events(con, tmp_path / "e.csv", fmt="xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_arrow_tables_export_too(tmp_path):
    import detente
    from detente.model import Actor, Event, Mention

    ev = Event(doc_id="d", sentence_index=0, sentence="Russia vetoed it.", sentence_start=0, cameo_code="129",
               cameo_root="12", quad_class=3, goldstein=-5.0, plover_type=None, trigger=Mention("vetoed", 7, 13),
               source=Mention("Russia", 0, 6, Actor("RUS", "RUS")), target=None)
    table = detente.EventList([ev]).to_arrow()
    assert write_table(table, tmp_path / "e.parquet") == 1
    assert pq.read_table(tmp_path / "e.parquet").column("cameo_code").to_pylist() == ["129"]
    with pytest.raises(OutputError, match="exported from a database"):
        write_table(table, tmp_path / "e.gdelt.tsv")
