"""Ingest: each format, metadata, and bad input that names file and line and loses nothing."""
from __future__ import annotations

import json
from datetime import date

from detente.ingest import read_inputs
from detente.model import Document, IngestIssue


def split(records):
    docs = [r for r in records if isinstance(r, Document)]
    issues = [r for r in records if isinstance(r, IngestIssue)]
    return docs, issues


def test_text_file_title_is_first_non_empty_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("\n\nTalks resume in Geneva\n\nRussia and Turkey met on Monday.\n")
    docs, issues = split(list(read_inputs([f], published=date(2017, 5, 2))))
    assert issues == []
    assert docs[0].title == "Talks resume in Geneva"
    assert docs[0].published == date(2017, 5, 2)
    assert "Russia and Turkey met" in docs[0].text


def test_folder_is_recursive_and_skips_unsupported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Title\n\nBody text here.")
    (tmp_path / "c.txt").write_text("Another\n\nText.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    docs, issues = split(list(read_inputs([tmp_path])))
    assert sorted(d.title for d in docs) == ["Another", "Title"]
    assert issues == []


def test_jsonl_fields_and_malformed_lines_keep_good_records(tmp_path):
    f = tmp_path / "x.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Russia vetoed the draft.", "title": "Veto", "published": "2012-02-04",
                    "source": "Wire", "url": "https://example.org/a1"}),
        "{not json",
        json.dumps({"id": "a2", "text": 42}),
        json.dumps({"id": "a3"}),
        json.dumps(["a list"]),
        json.dumps({"id": "a4", "text": "Turkey protested.", "published": "not a date"}),
        json.dumps({"id": "a5", "text": "Iran denied it."}),
    ]
    f.write_text("\n".join(lines) + "\n")
    docs, issues = split(list(read_inputs([f])))
    assert [d.doc_id for d in docs] == ["a1", "a4", "a5"]  # a4's bad date: kept, undated
    assert docs[0].published == date(2012, 2, 4) and docs[0].source == "Wire"
    assert docs[0].url == "https://example.org/a1" and docs[0].line == 1
    assert [(i.line) for i in issues] == [2, 3, 4, 5, 6]
    assert all(i.path == str(f) for i in issues)
    assert "malformed JSON" in issues[0].message
    assert "'text' must be a string" in issues[1].message
    assert "missing field 'text'" in issues[2].message
    assert issues[4].message == "unparseable date 'not a date' in field 'published'; kept the record undated"
    assert issues[4].kept and not any(i.kept for i in issues[:4]) and docs[1].published is None
    assert str(issues[0]).startswith(f"{f}:2: ")


def test_csv_embedded_newlines_and_ragged_rows(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text('id,title,text,published\n'
                 'c1,One,"Russia vetoed\nthe draft.",2012-02-04\n'
                 'c2,Two,too,many,fields\n'
                 'c3,Three,"Turkey protested.",2016-12-01\n')
    docs, issues = split(list(read_inputs([f])))
    assert [d.doc_id for d in docs] == ["c1", "c3"]
    assert docs[0].text == "Russia vetoed\nthe draft."
    assert len(issues) == 1 and issues[0].line == 4 and "ragged" in issues[0].message


def test_html_via_trafilatura(tmp_path):
    f = tmp_path / "p.html"
    body = " ".join(["Russian warplanes bombed rebel positions near Aleppo on Tuesday."] * 4)
    f.write_text(f"<html><head><title>Strikes near Aleppo</title></head><body><nav>menu</nav>"
                 f"<article><h1>Strikes near Aleppo</h1><p>{body}</p><p>{body}</p></article></body></html>")
    docs, issues = split(list(read_inputs([f])))
    assert issues == []
    assert docs[0].title == "Strikes near Aleppo"
    assert "Russian warplanes bombed" in docs[0].text and "menu" not in docs[0].text


def test_bad_files_are_reported_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (tmp_path / "nobody.html").write_text("<html><head></head><body></body></html>")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks\n\nFrance's minister met Syria's envoy.".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Good\n\nRussia met Turkey.")
    docs, issues = split(list(read_inputs([tmp_path, tmp_path / "missing.txt"])))
    assert sorted(d.title for d in docs) == ["Café talks", "Good"]
    msgs = {i.path.rsplit("/", 1)[-1]: i.message for i in issues}
    assert msgs["empty.txt"] == "empty file"
    assert "binary" in msgs["bin.txt"]
    assert "no extractable body" in msgs["nobody.html"]
    assert msgs["missing.txt"] == "no such file or folder"


def test_content_hash_id_is_stable():
    a = Document.make_id("same text")
    assert a == Document.make_id("same text") and a != Document.make_id("other text")
