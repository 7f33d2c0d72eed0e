"""Spark engine on local[2]: the same events as the local engine on the same input.

Both engines code the same small corpora: the local engine through the CLI into
DuckDB, the Spark engine through the CLI and through the Python API into Parquet.
Every column of every event must match, and the Parquet output must be
partitioned by event_month=YYYY-MM. Skips cleanly without Java.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.spark, pytest.mark.slow]

if shutil.which("java") is None:
    pytest.skip("the Spark engine needs Java: `java` is not on PATH (make sysdeps installs "
                "openjdk-17-jre-headless)", allow_module_level=True)
pytest.importorskip("pyspark", reason="pyspark is not installed")

from detente.model import EVENT_COLUMNS  # noqa: E402

# (id, published, text): ids that look like numbers, written as JSON numbers and strings
STORIES = [
    (101, "2016-10-18", "Russian warplanes bombed rebel positions near Aleppo on Tuesday, a monitoring group said."),
    ("00042", "2016-10-20", "Turkey condemned the strikes and summoned the Russian ambassador in Ankara."),
    ("wire-3", "2016-11-02", "The UN envoy met Iranian officials in Geneva on Monday to discuss a ceasefire."),
    (7, "2016-11-15", "Russia vetoed a Security Council resolution on Syria on Saturday."),
    ("wire-5", "2016-12-01", "Syrian government forces shelled the town of Douma, killing at least 12 people."),
    ("wire-6", "2017-01-09", "The United States imposed sanctions on Syria's central bank."),
    ("wire-7", "2017-01-24", "Russia, Turkey and Iran agreed in Astana to monitor the ceasefire in Syria."),
    ("2017", "2017-02-23", "Syrian opposition leaders met the UN special envoy in Geneva on Thursday."),
    ("wire-9", "2017-03-14", "Israel denied that its jets had struck Syrian army positions near Damascus."),
    ("wire-10", "2017-04-07", "The United States fired cruise missiles at a Syrian air base on Friday."),
    ("wire-11", "2017-05-04", "Russia and Iran praised the agreement reached with Turkey in Astana.\r\n"
                              "Rebel groups rejected the deal, their spokesman said."),
    ("wire-12", "2017-05-25", "French diplomats accused Syrian government forces of violating the truce near Homs."),
]


def write_jsonl(path: Path) -> Path:
    lines = [json.dumps({"id": i, "published": d, "title": t.split(",")[0], "text": t}) for i, d, t in STORIES]
    # the same id again with different text: both engines keep the first one
    lines.append(json.dumps({"id": "wire-7", "published": "2017-06-01",
                             "text": "Hezbollah fighters attacked Israeli troops near the border."}))
    # a record with no id (hash id) dated by "date", a blank line, and records the readers refuse
    lines.append(json.dumps({"date": "June 12, 2017", "text": "Saudi Arabia sent humanitarian aid to Idlib."}))
    lines += ["", '{"id": "broken", "text": ', json.dumps({"id": "no-text", "published": "2017-01-01"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_csv_and_folder(tmp: Path) -> tuple[Path, Path]:
    csv_path = tmp / "wires.csv"
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ID", "Date", "Title", "Text"])  # header case is normalised by the reader
        w.writerow(["3001", "May 25, 2017", "Talks", "The UN envoy met Russian Foreign Minister Sergei Lavrov "
                    "in Moscow on Wednesday.\nThey discussed a new round of negotiations."])
        w.writerow(["3002", "2017-08-30", "", "Turkish troops shelled Kurdish positions near Afrin, "
                    "officials said."])
        w.writerow(["", "2017-09-15", "Aid", "An aid convoy bound for Aleppo was attacked on Monday, "
                    "the United Nations said."])
    folder = tmp / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Iran threatened to cut ties with Saudi Arabia over the executions.\n",
                                  encoding="utf-8")
    (folder / "b.md").write_text("**Geneva talks**\n\nThe [Syrian opposition](http://x.example/opp) "
                                 "refused to meet government negotiators in Geneva on Tuesday.\r\n",
                                 encoding="utf-8")
    (folder / "sub" / "c.txt").write_bytes("Russia\u2019s defence ministry said its jets bombed "
                                           "positions held by rebel groups near Hama on Sunday.\n"
                                           .encode("cp1252"))
    (folder / "sub" / "d.TXT").write_text("The European Union called for talks between Israel and "
                                          "the Palestinians.\n", encoding="utf-8")
    (folder / "sub" / "e.tsv").write_text("id\ttext\tpublished\n4001\tIsrael struck Hamas positions in Gaza, "
                                          "the army said.\t2017-07-02\n", encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["5001"], "text": ["Saudi Arabia condemned the missile attack on Riyadh."],
                             "published": ["2017-11-05"]}), folder / "sub" / "f.parquet")
    (folder / ".hidden.txt").write_text("Russia bombed Aleppo.\n", encoding="utf-8")  # skipped by both
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a news story")  # unsupported: skipped by both
    return csv_path, folder


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYSPARK_PYTHON"}  # the engine must pick the venv python
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300, **kw)


COLS = ", ".join(EVENT_COLUMNS)


def local_events(tmp: Path, *inputs: str) -> list[tuple]:
    db = tmp / "local.duckdb"
    r = cli("code", *inputs, "--db", str(db), "--workers", "1", "-q")
    assert r.returncode == 0, r.stdout + r.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT {COLS} FROM events ORDER BY event_id").fetchall()
    finally:
        con.close()


def parquet_events(out: Path) -> list[tuple]:
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT {COLS} FROM read_parquet(?, hive_partitioning = true) ORDER BY event_id",
                           [str(out / "**" / "*.parquet")]).fetchall()
    finally:
        con.close()


def check_layout(out: Path, events: list[tuple]) -> None:
    dirs = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert dirs and all(re.fullmatch(r"event_month=(\d{4}-\d{2}|unknown)", d) for d in dirs), dirs
    i = EVENT_COLUMNS.index("event_date")
    # undated events (reported as earlier, with no date) sit in event_month=unknown
    assert dirs == sorted({f"event_month={e[i]:%Y-%m}" if e[i] else "event_month=unknown" for e in events})
    for d in dirs:  # every event sits in the folder of its month
        month = d.split("=")[1]
        con = duckdb.connect()
        dates = con.execute("SELECT DISTINCT strftime(event_date, '%Y-%m') FROM read_parquet(?)",
                            [str(out / d / "*.parquet")]).fetchall()
        con.close()
        assert dates == [(None if month == "unknown" else month,)]


def assert_same(spark_rows: list[tuple], local_rows: list[tuple]) -> None:
    assert local_rows, "the local engine found no events: the corpus is not a test"
    ids = [r[0] for r in spark_rows]
    assert len(ids) == len(set(ids)), "duplicate event_id in the Spark output"
    assert spark_rows == local_rows


@pytest.fixture(scope="module")
def spark():
    """One local[2] session (JVM and Python workers with their models) for the module's API runs."""
    from detente.engines.spark import spark_session

    saved = os.environ.pop("PYSPARK_PYTHON", None)
    session = spark_session("local[2]", app_name="detente-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if saved is not None:
        os.environ["PYSPARK_PYTHON"] = saved


def test_jsonl_cli_and_api_equal_local_engine(tmp_path, spark):
    from detente.engines.spark import run_spark

    src = write_jsonl(tmp_path / "stories.jsonl")
    local = local_events(tmp_path, str(src))

    out_cli = tmp_path / "out_cli"
    r = cli("code", "--engine", "spark", "--master", "local[2]", str(src), "--out", str(out_cli))
    assert r.returncode == 0, r.stdout + r.stderr[-4000:]
    via_cli = parquet_events(out_cli)
    assert f"{len(via_cli)} events" in r.stdout
    assert "2 input record(s) skipped" in r.stderr  # the malformed line and the record without text

    out_api = tmp_path / "out_api"
    n = run_spark([str(src)], str(out_api), spark=spark)
    via_api = parquet_events(out_api)
    assert n == len(via_api)

    assert_same(via_cli, local)
    assert_same(via_api, local)
    check_layout(out_cli, via_cli)
    check_layout(out_api, via_api)

    # ids that look like numbers stay the reader's strings; dates are the records' own
    doc, day = EVENT_COLUMNS.index("doc_id"), EVENT_COLUMNS.index("event_date")
    docs = {r[doc] for r in via_api}
    assert {"101", "00042", "7", "2017"} <= docs, docs
    assert {r[day] for r in via_api if r[doc] == "101"} == {date(2016, 10, 18)}
    # first of two records with one id wins (as in the local store): no Hezbollah event under wire-7
    sent = EVENT_COLUMNS.index("sentence")
    assert not any("Hezbollah" in r[sent] for r in via_api)


def test_csv_and_text_folder_equal_local_engine(tmp_path, spark):
    from detente.engines.spark import run_spark

    csv_path, folder = write_csv_and_folder(tmp_path)
    pub = "2017-10-02"  # for the text files, which carry no date
    local = local_events(tmp_path, str(csv_path), str(folder), "--published", pub)
    out = tmp_path / "out"
    n = run_spark([str(csv_path), str(folder)], str(out), spark=spark, published=date.fromisoformat(pub))
    rows = parquet_events(out)
    assert n == len(rows)
    assert_same(rows, local)
    check_layout(out, rows)
    # one document per CSV/TSV/Parquet row and per text file (wholetext), the hidden file skipped by both
    doc = EVENT_COLUMNS.index("doc_id")
    sent = EVENT_COLUMNS.index("sentence")
    docs = {r[doc] for r in rows}
    assert {"3001", "3002", "4001", "5001"} <= docs and len(docs) == 9, docs
    assert any("Russia\u2019s defence ministry" in r[sent] for r in rows)  # the cp1252 file, decoded
    assert not any("Russia bombed Aleppo" in r[sent] for r in rows)
