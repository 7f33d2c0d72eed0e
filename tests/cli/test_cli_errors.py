"""Every command, given bad input, says what is wrong in one line and exits 2: no traceback,
nothing claimed that did not happen (serve on a busy port never says it serves)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from detente.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
import sample_db  # noqa: E402


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    d = tmp_path_factory.mktemp("bad")
    (d / "notdb.duckdb").write_text("this is not a database\n")
    (d / "a_file").write_text("x")
    (d / "in.jsonl").write_text(json.dumps({"id": "a", "text": "Russia vetoed the resolution."}) + "\n")
    (d / "gold.jsonl").write_text('{"doc_id": "x", "sentence": "Russia vetoed it."}\n{"doc_id": \n')
    (d / "meta.csv").write_text("name,published\nx.txt,2017-01-01\n")
    return {"db": str(sample_db.build_sample_db(d / "s.duckdb")), "notdb": str(d / "notdb.duckdb"),
            "missing": str(d / "missing.duckdb"), "nodir": str(d / "no" / "such" / "x.duckdb"),
            "under_file": str(d / "a_file" / "out"), "in": str(d / "in.jsonl"), "gold": str(d / "gold.jsonl"),
            "meta": str(d / "meta.csv"), "dir": str(d)}


@pytest.fixture(scope="module")
def busy_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        yield s.getsockname()[1]


BAD = [  # (arguments, what the one line must say)
    ("events --db {missing}", "missing.duckdb: no such database"),
    ("events --db {notdb}", "notdb.duckdb: not a DuckDB database"),
    ("events --db {dir}", "is a folder"),
    ("events --db {db} --factuality bogus", "factuality 'bogus': use one of asserted"),
    ("events --db {db} --factuality asserted,maybe", "factuality 'maybe'"),
    ("events --db {db} --root abc", "root 'abc': use a CAMEO root, 01 to 20"),
    ("events --db {db} --root 21", "root '21'"),
    ("events --db {db} --quad 5", "quad '5'"),
    ("events --db {db} --dyad RUS", "dyad 'RUS': give two actor codes"),
    ("events --db {db} --actor RUS;DROP", "actor 'RUS;DROP'"),
    ("events --db {db} --since 2016-13-01", "since '2016-13-01': use a date YYYY-MM-DD"),
    ("events --db {db} --since 2017-01-01 --until 2016-01-01", "since 2017-01-01 is after until 2016-01-01"),
    ("events --db {db} --limit -5", "'--limit'"),
    ("events --db {db} --sort up", "--sort"),
    ("events --db {db} --out {dir}/e.xlsx", "e.xlsx: cannot export .xlsx"),
    ("events --db {db} --out {dir}/e.txt", "name it .csv, .tsv, .jsonl, .parquet or .gdelt.tsv"),
    ("events --db {db} --out {under_file}/e.csv", "cannot write the export"),
    ("events --db {db} --out {dir}/e.csv --format xml", "unknown export format 'xml'"),
    ("events --db {db} --format csv", "give --out FILE with --format"),
    ("events --db {db} --bogus", "No such option: --bogus"),
    ("code {in} --db {notdb}", "notdb.duckdb: not a DuckDB database"),
    ("code {in} --db {nodir}", "cannot create the database"),
    ("code {in} --db {db} --out {dir}/e.xlsx", "cannot export .xlsx"),
    ("code {in} --db {db} --out {under_file}/e.csv", "cannot write the export"),
    ("code {in} --db {db} --metadata {meta}", "meta.csv: metadata needs a 'file' or 'id' column"),
    ("code {in} --db {db} --metadata {dir}/none.csv", "--metadata"),
    ("code {in} --db {db} --published someday", "unparseable date 'someday'"),
    ("code {in} --db {db} --engine quantum", "--engine"),
    ("code {in} --db {db} --kb {dir}/none.yaml", "--kb"),
    ("code {in} --db {db} --batch-size 0", "--batch-size"),
    ("code", "Missing argument"),
    ("code {in} --db {db} --columns {dir}/none.yaml", "--columns"),
    ("watch https://example.invalid/feed.xml --db {notdb}", "notdb.duckdb: not a DuckDB database"),
    ("watch https://example.invalid/feed.xml --db {db} --every soon", "--every"),
    ("demo --db {notdb}", "notdb.duckdb: not a DuckDB database"),
    ("demo --db {nodir}", "cannot create the database"),
    ("migrate --db {missing}", "missing.duckdb: no such database"),
    ("migrate --db {notdb}", "notdb.duckdb: not a DuckDB database"),
    ("actors resolve Lavrov --date someday", "unparseable date 'someday'"),
    ("actors resolve Lavrov --kb {dir}/none.yaml", "--kb"),
    ("actors search un --limit 0", "--limit"),
    ("eval {dir}/none.jsonl", "none.jsonl: no such gold file"),
    ("eval {gold}", "gold.jsonl:2: bad gold record"),
    ("eval {gold} --format csv", "unknown gold format 'csv'"),
    ("eval {notdb} --format plover", "notdb.duckdb: not a readable plover gold file"),
    ("serve --db {missing}", "missing.duckdb: no such database"),
    ("serve --db {notdb}", "notdb.duckdb: not a DuckDB database"),
    ("serve --db {db} --port {port}", "is already in use"),
    ("serve --db {db} --port 0", "--port"),
    ("serve --db {db} --host 0.0.0.0", "refusing to serve on 0.0.0.0 without a token"),
    ("report --db {missing}", "missing.duckdb: no such database"),
    ("report --db {notdb} --out {dir}/r.html", "notdb.duckdb: not a DuckDB database"),
    ("report --db {db} --out {under_file}/r.html", "cannot write the report"),
    ("report --db {db} --out {dir}/r.html --factuality bogus", "factuality 'bogus'"),
    ("bogus", "No such command 'bogus'"),
]


def invoke(args: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        app(args, prog_name="detente")
    cap = capsys.readouterr()
    return exc.value.code, cap.out + cap.err


@pytest.mark.parametrize("line, says", BAD, ids=[b[0].split(" {")[0] + ": " + b[1][:30] for b in BAD])
def test_bad_invocation_is_one_line_and_exit_2(line, says, files, busy_port, capsys, monkeypatch):
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    args = [a.format(**files, port=busy_port) for a in line.split()]
    code, output = invoke(args, capsys)
    lines = [x for x in output.splitlines() if x.strip()]
    assert code == 2, output
    assert len(lines) == 1 and lines[0].startswith("detente: "), output
    assert says in lines[0], output
    assert "Traceback" not in output and "serving" not in output


def test_the_installed_entry_point_reports_the_same_way(files):
    r = subprocess.run([sys.executable, "-m", "detente.cli", "events", "--db", files["notdb"]],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip() == (f"detente: {files['notdb']}: not a DuckDB database (give the file "
                                "`detente code` wrote, or a new name to create one)")


def test_a_bad_database_is_left_as_it_was(files, capsys):
    before = Path(files["notdb"]).read_bytes()
    for cmd in (["migrate"], ["events"], ["demo"]):
        assert invoke([*cmd, "--db", files["notdb"]], capsys)[0] == 2
    assert Path(files["notdb"]).read_bytes() == before
    assert not Path(files["missing"]).exists()
