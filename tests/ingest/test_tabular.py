"""Records as they come: columns named otherwise, TSV and Parquet, bad dates kept undated,
and every error naming the right file, line and column."""
from __future__ import annotations

import json
from datetime import date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from detente.ingest import Columns, IngestOptions, InputError, read_columns, read_inputs
from detente.ingest.columns import columns_from
from detente.model import Document, IngestIssue


def run(paths, columns: Columns | None = None):
    out = list(read_inputs(paths, options=IngestOptions(columns=columns or Columns())))
    return [r for r in out if isinstance(r, Document)], [r for r in out if isinstance(r, IngestIssue)]


BODY_CSV = ("article_id,headline,body,pub_date,link\n"
            "n1,Veto,Russia vetoed the draft resolution.,2012-02-04,https://news.example.org/n1\n"
            "n2,Talks,Turkey and Iran met in Astana.,32/13/2017,https://news.example.org/n2\n")
MAPPING = {"text": "body", "id": "article_id", "published": "pub_date", "title": "headline", "url": "link"}


def test_csv_with_a_body_column_is_refused_by_default_naming_the_columns(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text(BODY_CSV)
    docs, issues = run([f])
    assert docs == []
    assert [str(i) for i in issues] == [f"{f}:1: CSV has no 'text' column (columns: article_id, headline, body, "
                                        "pub_date, link)"]


def test_csv_columns_named_by_options_and_a_bad_date_keeps_the_record_undated(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text(BODY_CSV)
    docs, issues = run([f], Columns.of(MAPPING))
    assert [(d.doc_id, d.title, d.url, d.published, d.line) for d in docs] == [
        ("n1", "Veto", "https://news.example.org/n1", date(2012, 2, 4), 2),
        ("n2", "Talks", "https://news.example.org/n2", None, 3),
    ]
    assert docs[1].published_how == "none"
    assert [(str(i), i.kept) for i in issues] == [
        (f"{f}:3: unparseable date '32/13/2017' in field 'pub_date'; kept the record undated", True)]


def test_a_column_the_user_named_that_the_file_lacks_is_a_file_error(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("id,text\n1,Russia met Turkey.\n")
    docs, issues = run([f], Columns.of({"published": "pub_date"}))
    assert docs == []
    assert [str(i) for i in issues] == [f"{f}:1: CSV has no 'pub_date' column (--date-column) (columns: id, text)"]


def test_tsv(tmp_path):
    f = tmp_path / "x.tsv"
    f.write_text("id\ttext\tpublished\n"
                 "t1\tRussia vetoed the draft, again.\t2012-02-04\n"
                 "t2\ttoo\tmany\tfields\n"
                 "t3\tIran denied it.\t\n")
    docs, issues = run([f])
    assert [(d.doc_id, d.text, d.published) for d in docs] == [
        ("t1", "Russia vetoed the draft, again.", date(2012, 2, 4)), ("t3", "Iran denied it.", None)]
    assert [str(i) for i in issues] == [f"{f}:3: ragged row: 4 fields, header has 3"]


def test_tsv_named_column_missing(tmp_path):
    f = tmp_path / "x.tsv"
    f.write_text("id\tbody\n1\tx\n")
    docs, issues = run([f])
    assert [str(i) for i in issues] == [f"{f}:1: TSV has no 'text' column (columns: id, body)"]


def test_parquet_rows_with_typed_dates_and_mapped_columns(tmp_path):
    f = tmp_path / "x.parquet"
    pq.write_table(pa.table({
        "Body": ["Russia vetoed the draft.", "Turkey protested.", None, "Iran denied it.", "Israel struck."],
        "ArticleId": ["p1", "p2", "p3", "p4", "p5"],
        "when": ["2012-02-04", "not a date", "2017-01-01", None, "2018-01-22T10:00:00Z"],
        "ignored": [1, 2, 3, 4, 5],
    }), f)
    docs, issues = run([f], Columns.of({"text": "body", "id": "articleid", "published": "when"}))
    assert [(d.doc_id, d.published, d.line) for d in docs] == [
        ("p1", date(2012, 2, 4), 1), ("p2", None, 2), ("p4", None, 4), ("p5", date(2018, 1, 22), 5)]
    assert [(str(i), i.kept) for i in issues] == [
        (f"{f}:2: unparseable date 'not a date' in field 'when'; kept the record undated", True),
        (f"{f}:3: missing field 'Body'", False),
    ]


def test_parquet_date_and_timestamp_columns(tmp_path):
    f = tmp_path / "d.parquet"
    pq.write_table(pa.table({
        "text": ["Russia vetoed the draft.", "Turkey protested."],
        "published": pa.array([datetime(2012, 2, 4, 9, 30), datetime(2016, 12, 1)], pa.timestamp("s")),
        "d": pa.array([date(2011, 1, 1), date(2012, 1, 1)], pa.date32()),
    }), f)
    docs, issues = run([f])
    assert issues == [] and [d.published for d in docs] == [date(2012, 2, 4), date(2016, 12, 1)]
    docs, _ = run([f], Columns.of({"published": "d"}))
    assert [d.published for d in docs] == [date(2011, 1, 1), date(2012, 1, 1)]


def test_parquet_without_text_column_and_not_parquet(tmp_path):
    f = tmp_path / "n.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), f)
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not a parquet file")
    docs, issues = run([f, bad])
    assert docs == []
    assert str(issues[0]) == f"{f}: Parquet file has no 'text' column (columns: id, body)"
    assert str(issues[1]).startswith(f"{bad}: not a readable Parquet file: ")


def test_jsonl_errors_name_the_column_that_was_read(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text("\n".join([
        json.dumps({"doc_id": [1], "text": "Iran denied it."}),
        json.dumps({"id": "d2", "text": "Turkey protested.", "date": "32/13/2017"}),
        json.dumps({"id": "d3", "text": "Russia met Turkey.", "url": {"a": 1}, "title": 5}),
        json.dumps({"id": "d4", "body": "Not read: the text column is 'text'."}),
    ]) + "\n")
    docs, issues = run([f])
    assert [(d.doc_id, d.published, d.url, d.title) for d in docs] == [("d2", None, None, "Turkey protested."),
                                                                           ("d3", None, None, "5")]
    assert [str(i) for i in issues] == [
        f"{f}:1: field 'doc_id' must be a string, got list",
        f"{f}:2: unparseable date '32/13/2017' in field 'date'; kept the record undated",
        f"{f}:3: field 'url' must be a string, got dict; kept the record without it",
        f"{f}:4: missing field 'text'",
    ]


def test_jsonl_with_mapped_text_column(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"id": "d4", "Body": "Russia vetoed the draft."}) + "\n"
                 + json.dumps({"id": "d5"}) + "\n")
    docs, issues = run([f], Columns.of({"text": "body"}))
    assert [(d.doc_id, d.text) for d in docs] == [("d4", "Russia vetoed the draft.")]
    assert [str(i) for i in issues] == [f"{f}:2: missing field 'body'"]


def test_mapping_file_yaml_and_json_and_options_over_it(tmp_path):
    y = tmp_path / "map.yaml"
    y.write_text("text: body\ndate: pub_date\ntitle: headline\n")
    j = tmp_path / "map.json"
    j.write_text(json.dumps(MAPPING))
    assert read_columns(y).names["published"] == ("pub_date",)
    assert read_columns(j).given == frozenset(MAPPING)
    cols = columns_from(y, text="content", id=None)
    assert cols.names["text"] == ("content",) and cols.names["title"] == ("headline",)
    assert cols.names["id"] == ("id", "doc_id")  # not named: the default names


@pytest.mark.parametrize("content, message", [
    ("text: [a, b]\n", "column for 'text' must be a name, got list"),
    ("body: text\n", "unknown field 'body' (fields: text, id, published, title, url, source, author; "
                     "'date' = published)"),
    ("- text\n", "expected a mapping of field: column, got list"),
    ("text: body\n  bad indent: [\n", "not valid YAML: "),
])
def test_bad_mapping_file_is_one_line_naming_it(tmp_path, content, message):
    f = tmp_path / "map.yaml"
    f.write_text(content)
    with pytest.raises(InputError) as exc:
        read_columns(f)
    assert str(exc.value).startswith(f"{f}: {message}") and "\n" not in str(exc.value)


def test_missing_mapping_file(tmp_path):
    with pytest.raises(InputError, match=r"map\.json: cannot read: No such file"):
        read_columns(tmp_path / "map.json")
