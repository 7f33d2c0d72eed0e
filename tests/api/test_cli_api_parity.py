"""One filter language: the CLI's `events`, the Python API and the REST API read the same
filters with the same defaults, count the same events and refuse bad values with the same
one-line message (exit 2 in the CLI, 422 in the API).

The API server runs in this process and holds its file open, and DuckDB lets one
process open a file with one configuration only; the CLI therefore reads a byte-for-byte
copy of the served database, as a second process would read the file itself."""
from __future__ import annotations

import re
import shutil

import pytest
from typer.testing import CliRunner

import detente
from detente.cli import app

@pytest.fixture(scope="module")
def cli_db(api_db, tmp_path_factory):
    return shutil.copy(api_db, tmp_path_factory.mktemp("cli") / "copy.duckdb")


CASES = [
    {},  # the default: asserted only, everywhere
    {"factuality": "any"},
    {"factuality": "negated,future"},
    {"factuality": "alleged"},
    {"actor": "rus", "factuality": "any"},
    {"dyad": "USA,RUS", "undirected": "true"},
    {"root": "19", "since": "2016-03-01"},
    {"quad": "1,4", "until": "2016-12-31"},
    {"code": "04", "place": "CHE"},
    {"q": "ceasefire", "factuality": "asserted,negated"},
    {"doc_id": "D10", "factuality": "any"},
]


def cli_args(params: dict[str, str]) -> list[str]:
    args = []
    for k, v in params.items():
        flag = "--" + k.replace("_", "-")
        if k == "undirected":
            args.append(flag) if v == "true" else None
        else:
            args += [flag, v]
    return args


@pytest.mark.parametrize("params", CASES, ids=[",".join(f"{k}={v}" for k, v in c.items()) or "default" for c in CASES])
def test_cli_python_and_api_count_the_same_events(params, cli_db, client, tmp_path):
    api_total = client.get("/api/events", params=params).json()["total"]
    res = CliRunner().invoke(app, ["events", "--db", str(cli_db), "--limit", "500", *cli_args(params)])
    assert res.exit_code == 0, res.output
    shown, total = map(int, re.search(r"(\d+) of (\d+) (?:asserted )?events shown", res.output).groups())
    assert shown == total == api_total
    assert detente.events(cli_db, **params).num_rows == api_total
    out = tmp_path / "e.csv"
    res = CliRunner().invoke(app, ["events", "--db", str(cli_db), "--out", str(out), *cli_args(params)])
    assert f"exported {api_total} events" in res.output


def test_factuality_any_is_every_event(cli_db, client):
    assert client.get("/api/events", params={"factuality": "any"}).json()["total"] == 19
    res = CliRunner().invoke(app, ["events", "--db", str(cli_db), "--factuality", "any"])
    assert "19 of 19 events shown" in res.output
    res = CliRunner().invoke(app, ["events", "--db", str(cli_db)])
    assert "of 16 asserted events shown (--factuality any for every factuality)" in res.output


@pytest.mark.parametrize("params", [
    {"factuality": "bogus"}, {"factuality": "negated,maybe"}, {"root": "abc"}, {"quad": "5"}, {"dyad": "RUS"},
    {"actor": "RUS GOV"}, {"since": "2016-13-01"}, {"since": "2017-01-01", "until": "2016-01-01"},
    {"code": "1x"}, {"q": "x" * 201},
])
def test_bad_values_get_the_same_one_line_message(params, cli_db, client):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    res = CliRunner().invoke(app, ["events", "--db", str(cli_db), *cli_args(params)])
    assert res.exit_code == 2
    assert res.output.strip() == f"detente: {detail}"
    with pytest.raises(detente.analysis.filters.FilterError, match=re.escape(detail)):
        detente.events(cli_db, **params)


def test_help_says_the_default_is_asserted():
    res = CliRunner().invoke(app, ["events", "--help"], env={"COLUMNS": "200"})
    assert "asserted (the default: only asserted events happened), any, or a comma list" in " ".join(res.output.split())
