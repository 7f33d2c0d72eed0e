"""Bounded fuzzing of the HTML, JSONL, CSV (and text) readers: they never raise, yield only
Document/IngestIssue, and never lose a well-formed record placed between broken ones."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.ingest.readers import read_html, read_text
from detente.ingest.tabular import read_csv, read_jsonl
from detente.model import Document, IngestIssue

# DETENTE_FUZZ_EXAMPLES=5000 for a longer hunt; the default keeps the file well under a minute
FUZZ = settings(max_examples=int(os.environ.get("DETENTE_FUZZ_EXAMPLES", 200)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
P = Path("fuzz")


def records(it) -> tuple[list[Document], list[IngestIssue]]:
    out = list(it)  # must not raise
    docs, issues = [], []
    for r in out:
        assert isinstance(r, (Document, IngestIssue)), type(r)
        if isinstance(r, Document):
            assert isinstance(r.text, str) and r.text.strip(), "a document has text"
            assert isinstance(r.doc_id, str) and r.doc_id
            for v in (r.text, r.doc_id, r.title, r.path, r.source, r.url, r.author):
                if v is not None:
                    v.encode("utf-8")  # storable: no lone surrogates
            docs.append(r)
        else:
            assert "\n" not in str(r) and "\r" not in str(r), "an issue is one line"
            assert r.path == str(P)
            issues.append(r)
    return docs, issues


# ---- raw bytes ----------------------------------------------------------------------------------

chunks = st.sampled_from([b"<html>", b"<body>", b"<p>", b"</p>", b"<div>", b"<script>", b"<!--", b"-->",
                          b"<![CDATA[", b"&#0;", b"&#xD800;", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf",
                          b"\x00", b"\r\n", b"\n", b'"', b",", b"{", b"}", b"[", b"\\ud800", b"text",
                          b"Russia condemned Turkey. ", b'{"id": "a", "text": "x"}', b"id,text\n"])
fuzz_bytes = st.one_of(st.binary(max_size=3000), st.lists(st.one_of(chunks, st.binary(max_size=20)), max_size=60).map(b"".join))


@FUZZ
@given(data=fuzz_bytes)
def test_html_reader_on_arbitrary_bytes(data):
    docs, issues = records(read_html(P, data))
    assert len(docs) + len(issues) == 1


@FUZZ
@given(data=fuzz_bytes)
def test_jsonl_reader_on_arbitrary_bytes(data):
    records(read_jsonl(P, io.BytesIO(data)))


@FUZZ
@given(data=fuzz_bytes)
def test_csv_reader_on_arbitrary_bytes(data):
    records(read_csv(P, data))


@FUZZ
@given(data=fuzz_bytes)
def test_text_reader_on_arbitrary_bytes(data):
    docs, issues = records(read_text(P, data))
    assert len(docs) + len(issues) == 1


# ---- HTML tag soup ------------------------------------------------------------------------------

TAGS = ["div", "p", "span", "b", "i", "a", "table", "tr", "td", "ul", "li", "article", "section", "nav", "header",
        "footer", "script", "style", "br", "img", "h1", "title", "head", "body", "html", "iframe", "svg", "math"]
piece = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"), st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["<", ">", "&amp;", "&#0;", "&#xD800;", "<!--", "-->", "<!DOCTYPE html>", "<p class='x\">",
                     "Russian warplanes bombed rebel positions near Aleppo on Tuesday. "]),
    st.text(max_size=30),
)


@FUZZ
@given(soup=st.lists(piece, max_size=80).map("".join), depth=st.integers(0, 600))
def test_html_reader_on_tag_soup(soup, depth):
    html = "<html><body>" + "<div>" * depth + soup + "</div>" * (depth // 2)
    docs, issues = records(read_html(P, html.encode("utf-8", "surrogatepass")))
    assert len(docs) + len(issues) == 1


# ---- structured but broken records --------------------------------------------------------------

good_text = st.text(min_size=1, max_size=120).filter(lambda t: t.strip())

BROKEN_JSONL = [
    "{not json", '{"id": "b", "text": "cut', "[1, 2]", '"text"', "null", "42", '{"id": "b"}',
    '{"id": "b", "text": null}', '{"id": "b", "text": 7}', '{"id": "b", "text": ["x"]}', '{"id": "b", "text": ""}',
    '{"id": {"a": 1}, "text": "x"}', '{"id": true, "text": "x"}', "[" * 5000, '{"n": ' + "1" * 5000 + "}",
    '{"id": "b", "text": "x"', "\x00\x01garbage", "{'single': 'quotes'}", '{"id": "b", "text": NaN}',
]


@st.composite
def jsonl_file(draw):
    """(bytes, [(good id, text)]) with good records at random places among broken ones."""
    lines, good = [], []
    for i in range(draw(st.integers(1, 15))):
        if draw(st.booleans()):
            text = draw(good_text)
            rec = {"id": f"g{i}", "text": text}
            if draw(st.booleans()):  # a bad date keeps the record (undated) with a warning
                rec["published"] = draw(st.sampled_from(["2017-05-25", "", None, "25 May 2017", "not a date", 17]))
            lines.append(json.dumps(rec, ensure_ascii=draw(st.booleans())))
            good.append((f"g{i}", text, len(lines)))
        else:
            lines.append(draw(st.sampled_from(BROKEN_JSONL)))
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(["", "   ", "\t"])))  # blank lines are skipped
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return (eol.join(lines) + draw(st.sampled_from(["", eol]))).encode(), good


@FUZZ
@given(case=jsonl_file())
def test_jsonl_good_records_between_broken_ones_are_all_kept(case):
    data, good = case
    docs, issues = records(read_jsonl(P, io.BytesIO(data)))
    assert [(d.doc_id, d.text, d.line) for d in docs] == [(i, t.replace("\r\n", "\n"), n) for i, t, n in good]
    n_lines = data.count(b"\n") + 1
    assert all(i.line is None or 1 <= i.line <= n_lines for i in issues)
    assert not {i.line for i in issues if not i.kept} & {n for _, _, n in good}
    assert {i.line for i in issues if i.kept} <= {n for _, _, n in good}
    assert {d.line for d in docs if d.published is None and d.published_how == "none"} >= {
        i.line for i in issues if i.kept}


BROKEN_CSV = [
    "b{i},Title,too,many,fields,here",   # ragged: too many
    "b{i},Title",                        # ragged: too few
    "b{i},Title,,2017-01-01",            # empty text
    'b{i},Title,"closed"junk,2017-01-01',  # text after a closing quote
    'b{i},Title,"never closed,2017-01-01',  # unterminated quote
    'b{i},"Title,"Text.",2017-01-01',    # quote opened in the wrong place
]


@st.composite
def csv_file(draw):
    """(bytes, [(good id, text, line)], broken rows, bad-date rows): good rows written by
    csv.writer (embedded newlines,
    quotes, commas) among single-line broken ones."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "title", "text", "published"])
    good, line, broken, warned = [], 2, 0, 0
    for i in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            text = draw(st.one_of(
                st.text(st.one_of(st.characters(exclude_categories=("Cs", "Cc")),
                                  st.sampled_from(['"', ",", "\n", " ", "\t"])), min_size=1, max_size=80),
                st.just("A NUL \x00, an escape \x1b and a bell \x07 in a long enough line of text."),
            ).filter(lambda t: t.strip()))
            title = draw(st.sampled_from(["", "A title", 'He said "no"', "Comma, title"]))
            when = draw(st.sampled_from(["", "2017-05-25", "31/31/2017"]))
            warned += when == "31/31/2017"  # a bad date keeps the row (undated) with a warning
            w.writerow([f"g{i}", title, text, when])
            good.append((f"g{i}", text, line))
            line += 1 + text.count("\n")
        else:
            buf.write(draw(st.sampled_from(BROKEN_CSV)).format(i=i) + "\n")
            line += 1
            broken += 1
    return buf.getvalue().encode(), good, broken, warned


@FUZZ
@given(case=csv_file())
def test_csv_good_rows_between_broken_ones_are_all_kept(case):
    data, good, broken, warned = case
    docs, issues = records(read_csv(P, data))
    assert [(d.doc_id, d.text, d.line) for d in docs] == good
    assert len([i for i in issues if not i.kept]) == broken  # one issue per broken row, none for the good rows
    assert not {i.line for i in issues if not i.kept} & {n for _, _, n in good}
    kept = [i.line for i in issues if i.kept]
    assert len(kept) == warned and set(kept) <= {n for _, _, n in good}
