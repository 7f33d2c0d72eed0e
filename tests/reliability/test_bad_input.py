"""Hostile input, generated into tmp_path: every bad record becomes one clear one-line
IngestIssue naming file (and line, where there is one), and every good record around it
is kept. No spaCy here (the CLI end-to-end runs are in test_cli_hostile.py)."""
from __future__ import annotations

import codecs
import contextlib
import json
import os
import signal
import time
from pathlib import Path

import pytest

from detente.ingest import read_inputs
from detente.ingest.readers import read_html, read_text, strip_markdown
from detente.ingest.tabular import read_csv
from detente.model import Document, IngestIssue
from detente.nlp import CHUNK_CHARS, chunk_text
from detente.store import Store


def split(records):
    records = list(records)
    assert all(isinstance(r, (Document, IngestIssue)) for r in records)
    return [r for r in records if isinstance(r, Document)], [r for r in records if isinstance(r, IngestIssue)]


def read(*paths):
    return split(read_inputs(list(paths)))


def one_line(issue: IngestIssue, path: Path, line: int | None) -> str:
    """The issue names file and line, in one line."""
    s = str(issue)
    assert "\n" not in s and "\r" not in s
    assert issue.path == str(path) and issue.line == line
    assert s.startswith(f"{path}:{line}: " if line is not None else f"{path}: ")
    return issue.message


@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail (instead of hanging the suite) if the block runs longer than `seconds`."""
    def boom(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    t0 = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert time.monotonic() - t0 < seconds


GOOD = "Russian warplanes bombed rebel positions near Aleppo on Tuesday."


# ---- binary and empty files ----------------------------------------------------------------------

@pytest.mark.parametrize("ext", [".txt", ".md", ".html", ".csv", ".jsonl"])
def test_binary_file_is_one_issue_and_neighbours_are_kept(tmp_path, ext):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    (tmp_path / f"image{ext}").write_bytes(png)
    (tmp_path / "z_good.txt").write_text(f"Good\n\n{GOOD}\n")
    docs, issues = read(tmp_path)
    assert [Path(d.path).name for d in docs] == ["z_good.txt"]
    assert len(issues) == 1
    assert "binary" in one_line(issues[0], tmp_path / f"image{ext}", None)


def test_binary_without_nul_bytes_is_rejected(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 50)  # control bytes, no NUL
    docs, issues = read(f)
    assert docs == [] and "binary" in one_line(issues[0], f, None)


@pytest.mark.parametrize("ext", [".txt", ".md", ".html", ".csv", ".jsonl"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 + b"\n \n"],
                         ids=["zero-byte", "whitespace", "utf8-bom-only", "utf16-bom-only", "bom-and-blank"])
def test_empty_file_is_one_issue(tmp_path, ext, content):
    f = tmp_path / f"empty{ext}"
    f.write_bytes(content)
    docs, issues = read(f)
    assert docs == []
    assert [one_line(i, f, None) for i in issues] == ["empty file"]


def test_csv_with_header_only_is_reported(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("id,title,text\n\n")
    docs, issues = read(f)
    assert docs == [] and [one_line(i, f, None) for i in issues] == ["CSV has a header but no rows"]


def test_fifo_and_missing_paths_are_reported(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    docs, issues = read(fifo, tmp_path / "nope.txt")
    assert docs == []
    assert one_line(issues[0], fifo, None) == "not a regular file or folder"
    assert one_line(issues[1], tmp_path / "nope.txt", None) == "no such file or folder"


# ---- a 50 MB text file --------------------------------------------------------------------------

def test_50mb_text_is_one_document_and_chunks_map_back_exactly(tmp_path):
    para = " ".join([GOOD, "Turkey condemned the strikes and summoned the Russian ambassador."] * 20)
    blocks = [para] * 20 + [
        "x" * 1_500_000,  # one token longer than any chunk: cut hard
        ("A line without sentence ends " * 40 + "\n") * 2_000,  # one paragraph, many lines
        "word " * 300_000,  # one paragraph, spaces only
    ]
    body = "\n\n".join(blocks)
    text = "Fifty megabytes\n\n" + "\n\n".join([body] * (50_000_000 // len(body) + 1))
    f = tmp_path / "big.txt"
    f.write_text(text)
    assert f.stat().st_size >= 50_000_000
    with time_limit(30):
        docs, issues = read(f)
    assert issues == [] and len(docs) == 1
    doc = docs[0]
    assert doc.text == text and doc.title == "Fifty megabytes"
    with time_limit(30):
        chunks = chunk_text(doc.text)
    pos = 0
    for off, chunk in chunks:
        assert 0 < len(chunk) <= CHUNK_CHARS
        assert off >= pos, "chunks overlap or go backwards"
        assert doc.text[pos:off].strip() == "", "non-blank text fell between chunks"
        assert doc.text[off:off + len(chunk)] == chunk
        pos = off + len(chunk)
    assert doc.text[pos:].strip() == ""
    assert len(chunks) >= 50_000_000 // CHUNK_CHARS


def test_markdown_clean_up_is_linear_on_hostile_lines(tmp_path):
    hostile = ["**a " * 250_000, "[" * 1_000_000, "[a](" * 250_000, "__x " * 250_000, "![" * 500_000]
    for i, line in enumerate(hostile):
        f = tmp_path / f"h{i}.md"
        f.write_text(f"Title\n\n{line}\n")
        with time_limit(5):
            docs, issues = read(f)
        assert issues == [] and len(docs) == 1 and len(docs[0].text) >= len(line)


def test_markdown_clean_up_still_strips_links_and_emphasis():
    assert strip_markdown("See [the report](http://x.org/a?b=1) and ![map](m.png).") == "See the report and map."
    assert strip_markdown("[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) said") == "Foo said"
    assert strip_markdown("**Russia** and __Turkey__ met; a ** b ** c stays") == "Russia and Turkey met; a ** b ** c stays"


# ---- encodings ----------------------------------------------------------------------------------

def test_encodings(tmp_path):
    (tmp_path / "a_utf8_stray_byte.txt").write_bytes("Talks in Genève\n\nErdoğan met Lavrov. ".encode() + b"\xff" + b" Done.")
    (tmp_path / "b_latin1.txt").write_bytes("Café talks\n\nThe minister's envoy met señor Ruiz.".encode("latin-1"))
    (tmp_path / "c_cp1252.txt").write_bytes("\u201cTalks\u201d \u2013 \u20ac5bn\n\nAid was pledged.".encode("cp1252"))
    (tmp_path / "d_latin1_c1.txt").write_bytes(b"Odd \x81 byte\n\nText.")  # 0x81 is undefined in cp1252
    (tmp_path / "e_utf16le.txt").write_bytes(codecs.BOM_UTF16_LE + "Talks in Genève\n\nRussia met Turkey.".encode("utf-16-le"))
    (tmp_path / "f_utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + "Talks\n\nRussia met Turkey.".encode("utf-16-be"))
    (tmp_path / "g_utf16_cjk.txt").write_bytes(codecs.BOM_UTF16_LE + "中文新闻\n\n俄罗斯".encode("utf-16-le"))  # no NUL bytes
    (tmp_path / "h_utf16_odd.txt").write_bytes(codecs.BOM_UTF16_LE + "Cut short".encode("utf-16-le") + b"x")
    (tmp_path / "i_utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + "Title\n\nBody.".encode())
    docs, issues = read(tmp_path)
    assert issues == []
    text = {Path(d.path).stem: d.text for d in docs}
    assert text["a_utf8_stray_byte"] == "Talks in Genève\n\nErdoğan met Lavrov. \ufffd Done."  # no mojibake
    assert text["b_latin1"].startswith("Café talks") and "señor" in text["b_latin1"]
    assert text["c_cp1252"].startswith("\u201cTalks\u201d \u2013 \u20ac5bn")
    assert text["d_latin1_c1"] == "Odd \x81 byte\n\nText."
    assert text["e_utf16le"] == "Talks in Genève\n\nRussia met Turkey."
    assert text["f_utf16be"] == "Talks\n\nRussia met Turkey."
    assert text["g_utf16_cjk"] == "中文新闻\n\n俄罗斯"
    assert text["h_utf16_odd"] == "Cut short\ufffd"
    assert text["i_utf8_bom"] == "Title\n\nBody."


def test_utf16_jsonl_and_csv(tmp_path):
    j = tmp_path / "u.jsonl"
    j.write_bytes(codecs.BOM_UTF16_LE + ('{"id": "j1", "text": "Genève talks."}\r\n{bad\r\n'
                                         '{"id": "j2", "text": "More."}\r\n').encode("utf-16-le"))
    c = tmp_path / "u.csv"
    c.write_bytes("id,text\nc1,Genève talks.\n".encode("utf-16"))
    docs, issues = read(j, c)
    assert [(d.doc_id, d.text, d.line) for d in docs] == [("j1", "Genève talks.", 1), ("j2", "More.", 3),
                                                          ("c1", "Genève talks.", 2)]
    assert [(i.line, i.message.split(":")[0]) for i in issues] == [(2, "malformed JSON")]


def test_undecodable_file_name_is_readable_and_storable(tmp_path):
    d = os.fsencode(tmp_path)
    with open(os.path.join(d, b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"Title\n\nRussia met Turkey.")
    with open(os.path.join(d, b"bad\xff.jsonl"), "wb") as fh:
        fh.write(b'{"id": "n1", "text": "Iran denied it."}\n{oops\n')
    odd = os.fsdecode(os.path.join(d, b"x\xfe.pdf"))
    open(odd, "wb").close()
    docs, issues = split(read_inputs([tmp_path, odd]))
    assert sorted(Path(x.path).name for x in docs) == ["bad\\xff.jsonl", "caf\\xe9.txt"]
    assert sorted((Path(i.path).name, i.line) for i in issues) == [("bad\\xff.jsonl", 2), ("x\\xfe.pdf", None)]
    with Store(tmp_path / "t.duckdb") as st:  # would raise UnicodeEncodeError on surrogates
        st.write_batch([(x, [], 0) for x in docs], issues=issues)
        assert st.counts()["documents"] == 2 and st.counts()["ingest_issues"] == 2


# ---- HTML ---------------------------------------------------------------------------------------

BODY = " ".join([GOOD] * 4)


@pytest.mark.parametrize("html", [
    "<html><head><title>T</title></head></html>",
    "<html><head></head><body></body></html>",
    "<html><body><script>var a = '<p>x</p>';</script><style>p {}</style></body></html>",
    "<!DOCTYPE html>",
    "<html><body>" + "<div>" * 5000 + "</body></html>",
], ids=["head-only", "empty-body", "script-and-style", "doctype-only", "deep-but-empty"])
def test_html_without_body_text_is_one_issue(tmp_path, html):
    f = tmp_path / "p.html"
    f.write_text(html)
    docs, issues = read(f)
    assert docs == [] and [one_line(i, f, None) for i in issues] == ["HTML has no extractable body text"]


@pytest.mark.parametrize("html", [
    "<<<>>><!-- <![CDATA[ <? ?> &#0; &bogus; <p a=\"",
    "<html><body><nav>Home | About</nav></body></html>",
    "</p></div></body></html>" * 1000,
    "<html" * 5000,
    "<?xml version='1.0' encoding='bogus'?><html><body><p>x</p></body></html>",
], ids=["garbage", "nav-only", "only-end-tags", "unclosed-open-tags", "bogus-xml-encoding"])
def test_html_oddities_give_a_document_or_one_issue(tmp_path, html):
    f = tmp_path / "p.html"
    f.write_text(html)
    with time_limit(10):
        docs, issues = read(f)
    assert len(docs) + len(issues) == 1
    for i in issues:
        one_line(i, f, None)


def test_html_fragment_without_html_tag_is_read(tmp_path):
    f = tmp_path / "frag.html"
    f.write_text(f"<p>{BODY}</p>")
    docs, issues = read(f)
    assert issues == [] and docs[0].text == BODY


@pytest.mark.parametrize("shape", ["div", "div-unclosed", "b-in-p", "table", "span-siblings-open"])
def test_html_with_10000_nested_tags_neither_crashes_nor_hangs(tmp_path, shape):
    n = 10_000
    html = {
        "div": "<html><head><title>Deep</title></head><body>" + "<div>" * n + f"<p>{BODY}</p>" + "</div>" * n + "</body></html>",
        "div-unclosed": "<html><body>" + "<div>" * n + f"<p>{BODY}</p>",
        "b-in-p": "<html><body><p>" + "<b>" * n + BODY + "</b>" * n + "</p></body></html>",
        "table": "<html><body>" + "<table><tr><td>" * (n // 3) + BODY + "</td></tr></table>" * (n // 3) + "</body></html>",
        "span-siblings-open": "<html><body>" + f"<span>{GOOD} " * n + "</body></html>",
    }[shape]
    f = tmp_path / "deep.html"
    f.write_text(html)
    with time_limit(20):
        docs, issues = read(f)
    assert issues == [] and len(docs) == 1
    assert GOOD in docs[0].text  # the body is recovered, not lost to the parser's depth limit
    if shape == "div":
        assert docs[0].title == "Deep"


def test_html_readers_survive_hostile_entities(tmp_path):
    f = tmp_path / "e.html"
    f.write_text(f"<html><body><article><p>{BODY} &#0; &#xD800; &#1114112; &#xFFFFFFFFFF;</p>"
                 f"<p>{BODY}</p></article></body></html>")
    docs, issues = read(f)
    assert issues == [] and GOOD in docs[0].text
    docs[0].text.encode("utf-8")  # no lone surrogates from &#xD800;


# ---- JSONL --------------------------------------------------------------------------------------

def test_jsonl_bad_lines_name_their_line_and_good_ones_are_kept(tmp_path):
    f = tmp_path / "x.jsonl"
    lines = [
        json.dumps({"id": "g1", "text": GOOD}),                     # 1 good
        "{not json",                                                # 2 malformed
        json.dumps({"id": "b3"}),                                   # 3 missing text
        json.dumps({"id": "b4", "text": None}),                     # 4 null text
        json.dumps({"id": "b5", "text": 42}),                       # 5 non-string text
        json.dumps({"id": "b6", "text": ["a", "b"]}),               # 6 non-string text
        json.dumps({"id": "b7", "text": {"t": "x"}}),               # 7 non-string text
        json.dumps(["a", "list"]),                                  # 8 non-object
        '"a string"',                                               # 9 non-object
        "null",                                                     # 10 non-object
        "",                                                         # 11 blank: skipped
        json.dumps({"id": "g2", "text": "Turkey protested.", "published": "2016-12-01"}),  # 12 good
        json.dumps({"id": "b13", "text": "x", "published": "the day after tomorrow-ish"}),  # 13 bad date
        json.dumps({"id": "b14", "text": "   "}),                   # 14 blank text
        "[" * 100_000,                                              # 15 nested too deeply
        '{"id": "b16", "text": "x", "n": ' + "9" * 5000 + "}",      # 16 integer too long
        json.dumps({"id": 1.5, "text": "x"}),                       # 17 float id
        json.dumps({"id": True, "text": "x"}),                      # 18 bool id
        '{"id": "g3", "text": "Lone \\ud800 surrogate", "title": "T\\udfff"}',  # 19 good, cleaned
        json.dumps({"id": 7, "text": "Integer id is fine."}),       # 20 good
        json.dumps({"id": "b21", "text": "x", "published": "9" * 500}),  # 21 bad date (long)
        json.dumps({"id": "g4", "text": "Iran denied it."})[:-5],   # 22 truncated last line, no newline
    ]
    f.write_text("\n".join(lines))
    docs, issues = read(f)
    # a bad date (lines 13, 21) keeps the record, undated, with a warning on its line
    assert [(d.doc_id, d.line) for d in docs] == [("g1", 1), ("g2", 12), ("b13", 13), ("g3", 19), ("7", 20),
                                                  ("b21", 21)]
    assert docs[2].published is None and docs[2].published_how == "none"
    assert docs[3].text == "Lone \ufffd surrogate" and docs[3].title == "T\ufffd"
    assert {i.line for i in issues if i.kept} == {13, 21}
    msgs = {i.line: one_line(i, f, i.line) for i in issues}
    assert sorted(msgs) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 21, 22]
    assert msgs[2].startswith("malformed JSON")
    assert msgs[3] == msgs[4] == "missing field 'text'"
    assert [msgs[k] for k in (5, 6, 7)] == [f"field 'text' must be a string, got {t}" for t in ("int", "list", "dict")]
    assert [msgs[k] for k in (8, 9, 10)] == [f"expected a JSON object, got {t}" for t in ("list", "str", "NoneType")]
    assert msgs[13] == ("unparseable date 'the day after tomorrow-ish' in field 'published'; "
                        "kept the record undated") and msgs[14] == "field 'text' is empty"
    assert msgs[15] == "malformed JSON: nested too deeply" and msgs[16].startswith("malformed JSON")
    assert msgs[17] == "field 'id' must be a string, got float" and msgs[18] == "field 'id' must be a string, got bool"
    assert msgs[21].startswith("unparseable date '999") and len(msgs[21]) < 160  # the bad value is shortened
    assert msgs[22].startswith("malformed JSON")
    with Store(tmp_path / "t.duckdb") as st:  # every kept record is storable
        st.write_batch([(d, [], 0) for d in docs], issues=issues)


def test_jsonl_crlf_and_bom_and_invalid_utf8_line(tmp_path):
    f = tmp_path / "w.jsonl"
    f.write_bytes(codecs.BOM_UTF8 + b'{"id": "a", "text": "One."}\r\n\r\n'
                  + b'{"id": "b", "text": "Caf\xe9 talks."}\r\n'      # cp1252 line in a UTF-8 file
                  + b'{"id": "c", "text": "Three."}\r\n')
    docs, issues = read(f)
    assert issues == []
    assert [(d.doc_id, d.text, d.line) for d in docs] == [("a", "One.", 1), ("b", "Café talks.", 3), ("c", "Three.", 4)]


# ---- CSV ----------------------------------------------------------------------------------------

def test_csv_bad_rows_name_their_line_and_good_ones_are_kept(tmp_path):
    f = tmp_path / "x.csv"
    f.write_bytes((
        "id,title,text,published\r\n"                                   # 1
        'g1,One,"Russia vetoed\nthe ""draft"", again.",2012-02-04\r\n'  # 2-3 good: newline, quotes
        "b4,Two,too,many,fields\r\n"                                    # 4 ragged (5)
        "b5,Two,too few\r\n"                                            # 5 ragged (3)
        "\r\n"                                                          # 6 blank: skipped
        "g7,Three,Turkey protested.,2016-12-01\r\n"                     # 7 good
        "b8,Four,Bad date.,31/31/2017\r\n"                              # 8 unparseable date
        'b9,Five,"closed"then more,2017-01-01\r\n'                      # 9 stray text after a closing quote
        "g10,Six,He said \"no\" twice.,\r\n"                            # 10 good: quote inside a bare field
        "b11,Seven,,2017-01-01\r\n"                                     # 11 empty text
        'b12,Eight,"never closed,2017-01-01\r\n'                        # 12 unterminated quote ...
        "g13,Nine,Iran denied it.,2017-01-02\r\n"                       # 13 ... must not swallow this
        "g14,Ten,Israel struck.,2017-01-03\r\n"                         # 14
    ).encode())
    docs, issues = read(f)
    assert [(d.doc_id, d.line) for d in docs] == [("g1", 2), ("g7", 7), ("b8", 8), ("g10", 10), ("g13", 13),
                                                  ("g14", 14)]
    assert docs[0].text == 'Russia vetoed\nthe "draft", again.'
    assert docs[2].published is None  # b8: its bad date is left out, the record kept
    assert docs[3].text == 'He said "no" twice.' and docs[3].published is None
    msgs = {i.line: one_line(i, f, i.line) for i in issues}
    assert sorted(msgs) == [4, 5, 8, 9, 11, 12]
    assert msgs[4] == "ragged row: 5 fields, header has 4" and msgs[5] == "ragged row: 3 fields, header has 4"
    assert msgs[8] == "unparseable date '31/31/2017' in field 'published'; kept the record undated"
    assert msgs[11] == "field 'text' is empty"
    assert msgs[9].startswith("malformed CSV row") and msgs[12].startswith("malformed CSV row")


def test_csv_quote_running_over_lines_into_a_ragged_row_does_not_swallow_records(tmp_path):
    f = tmp_path / "q.csv"
    f.write_text('id,text,published\nb2,"opens here\ng3,Kept one,2017-01-01\ng4,Kept two,2017-01-02\n'
                 'g5,"closes"",",2017-01-03\n')
    docs, issues = read(f)
    assert "g3" in [d.doc_id for d in docs] and "g4" in [d.doc_id for d in docs]
    assert issues and issues[0].line == 2


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "n.csv"
    f.write_text("id,body\n1,Russia met Turkey.\n")
    docs, issues = read(f)
    assert docs == []
    assert one_line(issues[0], f, 1) == "CSV has no 'text' column (columns: id, body)"


def test_csv_header_is_case_and_space_insensitive_and_bom_stripped(tmp_path):
    f = tmp_path / "h.csv"
    f.write_bytes(codecs.BOM_UTF8 + b" ID , Text ,Published\nk1,Kept.,2017-05-02\n")
    docs, issues = read(f)
    assert issues == [] and [(d.doc_id, d.text, str(d.published)) for d in docs] == [("k1", "Kept.", "2017-05-02")]


# ---- readers called directly never raise ---------------------------------------------------------

@pytest.mark.parametrize("reader", [read_text, read_html, read_csv])
@pytest.mark.parametrize("data", [b"\xff\xfe\x00", b"\xfe\xff\xd8", b"\x00" * 10, b"\xef\xbb\xbf\xff", b"\r", b"\x1a" * 100],
                         ids=["utf16-odd", "utf16be-lone-surrogate", "nul", "bom-then-invalid", "cr", "ctrl"])
def test_readers_never_raise_on_odd_bytes(reader, data):
    docs, issues = split(reader(Path("odd"), data))
    for d in docs:
        d.text.encode("utf-8")
        assert d.text.strip()


# ---- the store's id rule, without spaCy ---------------------------------------------------------

def test_store_reports_same_batch_duplicate_id_with_different_text(tmp_path):
    first = Document("x", "Russia condemned Turkey.", path="a.jsonl", line=1)
    second = Document("x", "Turkey accused Russia.", path="a.jsonl", line=3)
    with Store(tmp_path / "t.duckdb") as st:
        res = st.write_batch([(first, [], 1), (second, [], 1)])
        assert res.documents_conflicting == 1
        assert st.con.execute("SELECT text FROM documents").fetchall() == [(first.text,)]
        assert st.con.execute("SELECT path, line FROM ingest_issues").fetchall() == [("a.jsonl", 3)]


@pytest.mark.parametrize("line", ["[" * 100_000, '{"id": "a", "text": "t", "n": ' + "1" * 5000 + "}"],
                         ids=["deep", "bigint"])
def test_spark_line_reader_reports_hostile_json_lines(line):
    from detente.engines.spark import _line_document

    assert isinstance(_line_document("x.jsonl", line, None), IngestIssue)
