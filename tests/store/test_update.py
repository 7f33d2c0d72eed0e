"""A later run's metadata updates stored documents and re-dates their events in place."""
from __future__ import annotations

from datetime import date

from detente.model import Actor, Document, Event, Mention
from detente.store import Store
from detente.store.update import update_documents
from detente.temporal.redate import redate, redate_document

TEXT = ("Talks in Astana\n\nRussia vetoed the resolution on Friday. Turkey then protested.\n\n"
        "Iran condemned the strike.")


def doc(published=None, how="none", **kw):
    return Document("d1", TEXT, published=published, published_how=how, path="a.txt", **kw)


def event(sentence, start, trigger, when=None, precision="unknown", date_text=None):
    return Event(doc_id="d1", sentence_index=start, sentence=sentence, sentence_start=start, cameo_code="111",
                 cameo_root="11", quad_class=3, goldstein=-2.0, plover_type=None,
                 trigger=Mention(trigger, start, start + len(trigger)), source=Mention("Russia", start, start + 6,
                                                                                        Actor("RUS", "RUS")),
                 target=None, event_date=when, date_precision=precision, date_text=date_text, rule="t")


def stored_events():
    s1 = "Russia vetoed the resolution on Friday."
    return [event(s1, 17, "vetoed"),  # "on Friday" did not resolve without a publication date
            event("Turkey then protested.", 57, "protested"),  # points back: the date carries
            event("Iran condemned the strike.", 82, "condemned")]


def test_redate_resolves_the_sentence_again():
    friday = redate("Russia vetoed the resolution on Friday.", None, None, date(2017, 5, 25))
    # flagged: whether "on Friday" dates the veto is the parse's to say (re-coding would)
    assert (friday.event_date, friday.date_precision, friday.date_text, friday.exact) == (
        date(2017, 5, 19), "day", "Friday", False)
    moved = redate("Russia vetoed the resolution on Friday.", "Friday", date(2017, 5, 25), date(2017, 6, 8))
    assert moved.event_date == date(2017, 6, 2)
    plain = redate("Iran condemned the strike.", None, date(2017, 5, 25), date(2018, 1, 1))
    assert (plain.event_date, plain.date_precision) == (date(2018, 1, 1), "publication")
    assert redate("Iran condemned the strike.", None, date(2017, 5, 25), None).date_precision == "unknown"
    out = redate_document([(17, "Russia vetoed the resolution on Friday.", None),
                           (57, "Turkey then protested.", None),
                           (82, "Iran condemned the strike.", None)], None, date(2017, 5, 25))
    assert [(r.event_date, r.date_precision) for r in out] == [
        (date(2017, 5, 19), "day"), (date(2017, 5, 19), "day"), (date(2017, 5, 25), "publication")]
    assert [r.exact for r in out] == [False, False, True]  # a newly resolved and a carried date are flagged


def test_metadata_on_a_later_run_updates_and_redates(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        st.write_batch([(doc(), stored_events(), 3)])
        again = doc(date(2017, 5, 25), "metadata", source="Wire")
        res = update_documents(st, [again], {"d1": {"source": "Wire"}})
        assert (res.documents_updated, res.events_redated, res.events_inexact) == (1, 3, 2)
        assert st.con.execute("SELECT published, published_how, source FROM documents").fetchone() == (
            date(2017, 5, 25), "metadata", "Wire")
        rows = st.con.execute("SELECT event_date, date_precision, date_text FROM events "
                              "ORDER BY sentence_start").fetchall()
        assert rows == [(date(2017, 5, 19), "day", "Friday"), (date(2017, 5, 19), "day", "Friday"),
                        (date(2017, 5, 25), "publication", None)]
        assert st.counts()["events"] == 3
        # the same again changes nothing; a weaker source (--published) does not replace metadata
        assert update_documents(st, [again], {"d1": {"source": "Wire"}}).documents_updated == 0
        assert update_documents(st, [doc(date(2020, 1, 1), "cli")]).documents_updated == 0
        # newer metadata wins, and moves the relative dates with it
        res = update_documents(st, [doc(date(2017, 6, 8), "metadata")])
        assert res.documents_updated == 1
        assert st.con.execute("SELECT min(event_date), max(event_date) FROM events").fetchone() == (
            date(2017, 6, 2), date(2017, 6, 8))
        assert st.con.execute("SELECT source FROM documents").fetchone()[0] == "Wire"  # not given: kept


def test_redate_keeps_what_the_coder_decided():
    """A scheduled event reads its expression forward again; an event reported as earlier
    stays undated; a carried date keeps its link's day offset."""
    will = redate("Russia will veto the draft on Friday.", "Friday", date(2017, 5, 25), date(2017, 6, 7), "future")
    assert (will.event_date, will.exact) == (date(2017, 6, 9), True)  # not the Friday before
    earlier = redate("Russia had vetoed the draft.", "had", date(2017, 5, 25), date(2017, 6, 7),
                     precision="before-publication")
    assert (earlier.event_date, earlier.date_precision, earlier.date_text) == (None, "before-publication", "had")
    next_day = redate("The next day Turkey protested.", "Friday", date(2017, 5, 25), date(2017, 6, 7))
    assert (next_day.event_date, next_day.date_precision) == (date(2017, 6, 3), "day")  # Friday 2 June + 1
