"""Publication dates: datelines, bylines, URLs, file names, metadata files, and their order."""
from __future__ import annotations

import json
from datetime import date

import pytest

from detente.ingest import read_inputs, read_metadata
from detente.ingest.published import (
    complete_published,
    date_from_dateline,
    date_from_filename,
    date_from_url,
    outranks,
)
from detente.ingest.readers import InputError
from detente.model import Document, IngestIssue

BODY = "Russian and Turkish envoys met in Astana to discuss a ceasefire in Syria."


def split(records):
    return ([r for r in records if isinstance(r, Document)], [r for r in records if isinstance(r, IngestIssue)])


@pytest.mark.parametrize("line", [
    "May 25, 2017",
    "Thursday, May 25, 2017",
    "25 May 2017",
    "**May 25, 2017**",
    "By Eric Woods | May 25, 2017",
    "By Eric Woods, 25 May 2017",
    "Published: 25 May 2017 10:32 GMT",
    "Updated on 2017-05-25",
    "MOSCOW, May 25, 2017 (Reuters) - " + BODY,
])
def test_dateline_in_the_first_lines(line):
    assert date_from_dateline(f"Talks in Astana\n\n{line}\n\n{BODY}\n") == date(2017, 5, 25)


@pytest.mark.parametrize("text", [
    f"Talks in Astana\n\nEnvoys met on May 19, 2017 in Geneva.\n\n{BODY}",  # a date inside a sentence
    "Talks in Astana\n\nMay 2017\n\n" + BODY,  # no day
    "Talks in Astana\n\n" + "\n\n".join([BODY] * 12) + "\n\nMay 25, 2017\n",  # too deep in the body
    "Talks in Astana\n\nMay 25, 2099\n\n" + BODY,  # in the future
    "Talks in Astana\n\nFebruary 30, 2017\n\n" + BODY,  # no such day
])
def test_body_dates_are_not_publication_dates(text):
    assert date_from_dateline(text) is None


def test_url_and_file_name_dates():
    assert date_from_url("https://www.themoscowtimes.com/2017/05/25/russias-syrian-a58085") == date(2017, 5, 25)
    assert date_from_url("https://example.org/news/russia-syria") is None
    assert date_from_filename("corpus/2017-05-25-astana.txt") == date(2017, 5, 25)
    assert date_from_filename("20170525_astana.txt") == date(2017, 5, 25)
    assert date_from_filename("astana_2017_05_25.md") == date(2017, 5, 25)
    for name in ("000_cbb68106b8214e1b.txt", "report20170525.txt", "2017-13-01.txt", "astana.txt"):
        assert date_from_filename(name) is None, name


def test_text_files_record_where_their_date_came_from(tmp_path):
    (tmp_path / "dateline.txt").write_text(f"Talks in Astana\n\nBy A. Writer\n\nMay 25, 2017\n\n{BODY}\n")
    (tmp_path / "link.txt").write_text(
        f"Talks in Geneva\n\n{BODY}\n\nOriginal url:\n\n<https://news.example.com/2016/02/27/talks-a1>\n")
    (tmp_path / "2018-01-30-sochi.txt").write_text(f"Sochi congress\n\n{BODY}\n")
    (tmp_path / "plain.txt").write_text(f"No date here\n\n{BODY}\n")
    docs, issues = split(list(read_inputs([tmp_path])))
    got = {d.path.rsplit("/", 1)[-1]: (d.published, d.published_how) for d in docs}
    assert issues == []
    assert got == {
        "dateline.txt": (date(2017, 5, 25), "text-dateline"),
        "link.txt": (date(2016, 2, 27), "url"),
        "2018-01-30-sochi.txt": (date(2018, 1, 30), "filename"),
        "plain.txt": (None, "none"),
    }
    link = next(d for d in docs if d.path.endswith("link.txt"))
    assert link.url == "https://news.example.com/2016/02/27/talks-a1"
    # --published dates only what carries no date of its own
    docs, _ = split(list(read_inputs([tmp_path], published=date(2020, 1, 1))))
    got = {d.path.rsplit("/", 1)[-1]: (d.published, d.published_how) for d in docs}
    assert got["plain.txt"] == (date(2020, 1, 1), "cli")
    assert got["dateline.txt"] == (date(2017, 5, 25), "text-dateline")


def test_a_record_date_is_input_and_wins(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": f"May 25, 2017\n\n{BODY}", "published": "2017-05-24"},
        {"id": "b", "text": f"May 25, 2017\n\n{BODY}"},
        {"id": "c", "text": BODY, "url": "https://x.example/2016/10/20/kerry"},
    ]) + "\n")
    docs, _ = split(list(read_inputs([f], published=date(2020, 1, 1))))
    assert [(d.doc_id, d.published, d.published_how) for d in docs] == [
        ("a", date(2017, 5, 24), "input"), ("b", date(2017, 5, 25), "text-dateline"),
        ("c", date(2016, 10, 20), "url")]


def test_html_metadata_date(tmp_path):
    page = ("<html><head><title>Talks</title><meta property='article:published_time' content='2017-05-25'>"
            f"</head><body><article><p>{BODY} {BODY}</p><p>{BODY}</p></article></body></html>")
    (tmp_path / "p.html").write_text(page)
    docs, _ = split(list(read_inputs([tmp_path], published=date(2020, 1, 1))))
    assert (docs[0].published, docs[0].published_how) == (date(2017, 5, 25), "html")


def test_ranks_decide_what_a_later_run_replaces():
    d = date(2017, 5, 25)
    assert outranks("metadata", d, "text-dateline", d)
    assert outranks("cli", d, "none", None) and outranks("cli", d, "cli", date(2017, 1, 1))
    assert not outranks("cli", d, "metadata", date(2017, 1, 1))
    assert not outranks("none", None, "cli", d)
    assert not outranks("text-dateline", d, None, date(2017, 1, 1))  # stored before sources were kept
    assert outranks("metadata", d, None, date(2017, 1, 1))


def test_metadata_csv_by_file_with_a_bad_row(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "2017").mkdir(parents=True)
    (corpus / "2017" / "a.txt").write_text(f"Astana talks\n\nMay 24, 2017\n\n{BODY}\n")
    (corpus / "b.txt").write_text(f"Geneva talks\n\n{BODY}\n")
    (corpus / "c.txt").write_text(f"Sochi talks\n\n{BODY}\n")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published,title,source,url\n"
                    "2017/a.txt,2017-05-25,,The Moscow Times,\n"
                    "c.txt,not a date,,Wire,\n"
                    ",2017-01-01,,,\n"
                    "b.txt,,Geneva round,,https://news.example.com/2016/02/27/geneva\n"
                    "b.txt,2016-02-28,,,\n")
    m = read_metadata(meta)
    docs, issues = split(list(read_inputs([corpus], metadata=m)))
    assert [str(i) for i in issues] == [
        f"{meta}:3: unparseable date 'not a date'",
        f"{meta}:4: metadata row has no 'file' or 'id'",
        f"{meta}:6: file 'b.txt' already given on line 5; kept that row",
    ]
    by = {d.path.rsplit("/", 1)[-1]: d for d in docs}
    a, b, c = by["a.txt"], by["b.txt"], by["c.txt"]
    assert (a.published, a.published_how, a.source, a.title) == (date(2017, 5, 25), "metadata", "The Moscow Times",
                                                                 "Astana talks")
    assert (b.title, b.url, b.published, b.published_how) == (
        "Geneva round", "https://news.example.com/2016/02/27/geneva", date(2016, 2, 27), "url")
    assert (c.published, c.source) == (None, None)  # its row was bad: nothing of it applied
    assert m.unused() == 0


def test_metadata_jsonl_by_id(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": BODY, "published": "2017-05-24", "title": "Astana"},
        {"id": "b", "text": BODY + " Again."},
    ]) + "\n")
    meta = tmp_path / "meta.jsonl"
    meta.write_text("\n".join([
        json.dumps({"id": "a", "published": "2017-05-25", "source": "Wire"}),
        "{broken",
        json.dumps({"id": "b", "title": "Second", "published": "2016-10-20"}),
        json.dumps({"id": "zz", "published": "2016-10-20"}),
    ]) + "\n")
    m = read_metadata(meta)
    docs, issues = split(list(read_inputs([src], metadata=m)))
    assert len(issues) == 1 and str(issues[0]).startswith(f"{meta}:2: malformed JSON")
    assert [(d.doc_id, d.published, d.published_how, d.title, d.source) for d in docs] == [
        ("a", date(2017, 5, 25), "metadata", "Astana", "Wire"),
        ("b", date(2016, 10, 20), "metadata", "Second", None)]
    assert m.unused() == 1  # "zz" names no document


def test_unusable_metadata_file_is_one_error(tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("path,published\nx.txt,2017-01-01\n")
    with pytest.raises(InputError, match="needs a 'file' or 'id' column"):
        read_metadata(meta)
    with pytest.raises(InputError, match="cannot read metadata"):
        read_metadata(tmp_path / "missing.csv")


def test_complete_published_keeps_a_given_date():
    d = complete_published(Document("x", f"May 25, 2017\n\n{BODY}", published=date(2017, 5, 1)))
    assert (d.published, d.published_how) == (date(2017, 5, 1), "input")
