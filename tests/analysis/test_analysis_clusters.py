from __future__ import annotations

import shutil

import duckdb
import pytest

import sample_db
from detente.analysis.clusters import ClusterSettings, list_clusters
from detente.analysis.filters import Filters
from detente.analysis.series import series
from detente.analysis.tables import build_analysis_tables, events_relation, parse_bytes, tables_fresh
from detente.model import Document
from detente.store import Store


def cluster_of(con, event_id: str, settings: ClusterSettings | None = None) -> str:
    rel = events_relation(con, settings)
    return con.execute(f"SELECT cluster_id FROM {rel} e WHERE event_id = ?", [event_id]).fetchone()[0]


def test_mentions_across_documents_form_one_cluster(con):
    res = list_clusters(con, Filters(actor="RUS"), limit=5)
    top = res["items"][0]
    assert top["cluster_id"] == "E1"
    assert (top["mentions"], top["documents"], top["sources"]) == (3, 3, 3)
    assert str(top["first_report"]) == "2016-02-10" and str(top["last_report"]) == "2016-02-11"
    assert [e["event_id"] for e in top["evidence"]] == ["E1", "E3", "E4"]
    assert top["location_name"] == "Aleppo"


def test_unknown_location_joins_and_other_location_splits(con):
    assert cluster_of(con, "E4") == "E1"  # no location: joins the chain's Aleppo cluster
    assert cluster_of(con, "E5") == "E5"  # Idlib, same days: its own cluster
    assert cluster_of(con, "E10") == "E10"  # Aleppo again but three weeks later


def test_thresholds_are_settings(sample_paths):
    with duckdb.connect(str(sample_paths["inline"]), read_only=True) as c:
        assert cluster_of(c, "E5", ClusterSettings(split_by_location=False)) == "E1"
        assert cluster_of(c, "E10", ClusterSettings(window_days=30)) == "E1"
        assert cluster_of(c, "E4", ClusterSettings(window_days=0)) == "E4"


def test_pagination_and_total(con):
    all_ = list_clusters(con, Filters(), limit=500)
    page = list_clusters(con, Filters(), limit=2, offset=2)
    assert all_["total"] == len(all_["items"]) == page["total"]
    assert [c["cluster_id"] for c in page["items"]] == [c["cluster_id"] for c in all_["items"][2:4]]
    assert list_clusters(con, Filters(), min_mentions=2)["total"] == 1


def test_series_counts_clusters_by_default_and_mentions_on_request(con):
    feb = lambda s: next(p for p in s["points"] if str(p["period"]) == "2016-02-01")  # noqa: E731
    f = Filters(dyad="RUS,SYR")
    assert feb(series(con, f))["q4"] == 2  # E1+E3+E4 cluster and E5
    assert feb(series(con, f, count="mentions"))["q4"] == 4


def test_tables_fresh_until_new_data(tmp_path):
    path = sample_db.build_sample_db_with_tables(tmp_path / "s.duckdb")
    with duckdb.connect(str(path), read_only=True) as c:
        assert tables_fresh(c) and events_relation(c) == "analysis_events"
    with Store(path) as store:
        store.write_batch([(Document(doc_id="D99", text="Nothing happened."), [], 1)])
    with duckdb.connect(str(path), read_only=True) as c:
        assert not tables_fresh(c)
        assert events_relation(c).startswith("(")  # falls back to computing on the fly
        assert list_clusters(c)["total"] == 14
    with duckdb.connect(str(path)) as c:
        info = build_analysis_tables(c)
        assert info["n_events"] == 19 and info["clusters"] == 17
        assert tables_fresh(c)


def test_different_settings_do_not_use_stale_table(tmp_path, sample_paths):
    p = tmp_path / "t.duckdb"
    shutil.copy(sample_paths["tables"], p)
    with duckdb.connect(str(p), read_only=True) as c:
        assert events_relation(c, ClusterSettings(window_days=30)) != "analysis_events"
        assert events_relation(c, ClusterSettings()) == "analysis_events"


def test_build_in_many_pieces_equals_the_relation_computed_at_once(tmp_path):
    """The build cuts the work into cluster-key parts and event-date slices to bound its
    memory; cut into pieces of a few events, it must give the very rows computed in one go,
    stored in date order (undated events last)."""
    path = sample_db.build_sample_db(tmp_path / "p.duckdb")
    cols = "event_id, cluster_id, cluster_no, src_key, tgt_key, published, cf_kind, cf_src"
    with duckdb.connect(str(path), config={"threads": 3, "memory_limit": "300MB"}) as c:
        at_once = c.execute(f"SELECT {cols} FROM {events_relation(c)} e ORDER BY event_id").fetchall()
        info = build_analysis_tables(c, part_events=2, slice_events=1)
        assert info["n_events"] == 19 and info["clusters"] == 17
        assert tables_fresh(c)
        assert c.execute(f"SELECT {cols} FROM analysis_events ORDER BY event_id").fetchall() == at_once
        dates = [r[0] for r in c.execute("SELECT event_date FROM analysis_events").fetchall()]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated) and dates[: len(dated)] == dated
        # the connection's own settings come back after the build
        threads, limit = c.execute("SELECT current_setting('threads'), current_setting('memory_limit')").fetchone()
        assert threads == 3 and 285 * 2**20 < parse_bytes(limit.replace(" ", "")) < 287 * 2**20


def test_build_memory_sizes():
    assert parse_bytes("64MB") == 64_000_000 and parse_bytes("1.5 GiB") == 3 * 2**29
    assert parse_bytes("61.0MiB") == 61 * 2**20
    with pytest.raises(ValueError, match="not a memory size"):
        parse_bytes("lots")
