"""bench/devsets.py: the README's per-set table, from scorers run as subprocesses; sets
whose files are absent are skipped with a message. The scorers here are small stand-ins
written by the tests, so nothing is coded and no dev-set text is read."""
from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("devsets", ROOT / "bench" / "devsets.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["devsets"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


devsets = _load()

GUARDIAN_LINE = ("guardian-dev: triple P 0.50 R 0.25 F1 0.33 (tp 2 fp 2 fn 6; annotator agreement F1 0.72) | "
                 "no-event sentences with asserted events 1/4 | place 0/0 country 0/0 date 0/0")
CONFLI_LINE = ("confli-dev: root P 0.60 R 0.75 F1 0.67 (tp 3 fp 2 fn 1; raters vs consensus F1 0.69) | "
               "no-event sentences with asserted events 0/2")


def scorer(shared: Path, name: str, last_line: str, rc: int = 0, gold: object = None) -> Path:
    """A stand-in scorer that records its arguments and working folder, then prints a line."""
    here = shared / "dev" / name
    here.mkdir(parents=True)
    (here / "score.py").write_text(
        "import json, os, sys\n"
        f"open({str(here / 'args.json')!r}, 'w').write(json.dumps([sys.argv[1:], os.getcwd()]))\n"
        "print('coding ...')\n"
        f"print({last_line!r})\n"
        f"sys.exit({rc})\n")
    if gold is not None:
        (here / ("gold.json" if name == "guardian" else "gold.jsonl")).write_text(
            json.dumps(gold) if name == "guardian" else "".join(json.dumps(g) + "\n" for g in gold))
    return here


def test_parse_score_line_reads_figures_counts_and_no_event_false_positives():
    assert devsets.parse_score_line(GUARDIAN_LINE) == ((0.5, 0.25, 0.33), (2, 2, 6), (1, 4))
    assert devsets.parse_score_line("x: root P 1 R 0.5 F1 0.67") == ((1.0, 0.5, 0.67), None, None)
    with pytest.raises(ValueError, match="no 'P .. R .. F1 ..' in 'detente code failed'"):
        devsets.parse_score_line("detente code failed")


def test_every_set_is_skipped_with_a_message_when_shared_is_absent(tmp_path, capsys):
    assert devsets.main(["--shared", str(tmp_path / "none")]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    none = tmp_path / "none"
    assert err.splitlines() == [
        f"skipped guardian: {none}/dev/guardian/score.py is absent",
        f"skipped confli: {none}/dev/confli/score.py is absent",
        f"skipped plover: {none}/reference/plover/PLOVER_GSR_CAMEO.txt is absent",
        f"skipped petrarch: {none}/reference/petrarch2 is absent",
        "nothing measured",
    ]


def test_the_table_holds_each_scorers_last_line_and_the_date(tmp_path, capsys):
    g = scorer(tmp_path, "guardian", GUARDIAN_LINE, gold=[{"n": i} for i in range(3)])
    c = scorer(tmp_path, "confli", CONFLI_LINE, gold=[{"id": i} for i in range(5)])
    assert devsets.main(["--shared", str(tmp_path), "--cli", "/opt/x/detente"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith(f"measured {date.today().isoformat()}")
    assert lines[2:] == [
        "| set | scored | P | R | F1 | no-event sentences given an asserted event | notes |",
        "|---|---|---|---|---|---|---|",
        "| Guardian (real news, 3 sentences) | triple (root, source, target) | 0.50 | 0.25 | 0.33 | 1/4 "
        "| tp 2 fp 2 fn 6 |",
        "| ConfliBERT raters (real news, 5 sentences) | CAMEO root | 0.60 | 0.75 | 0.67 | 0/2 | tp 3 fp 2 fn 1 |",
    ]
    assert "skipped plover" in err and "skipped petrarch" in err
    # run from the project root with the CLI given
    for here in (g, c):
        assert json.loads((here / "args.json").read_text()) == [["--cli", "/opt/x/detente"], str(ROOT)]


def test_a_failing_scorer_is_one_line_and_the_other_sets_still_run(tmp_path, capsys):
    scorer(tmp_path, "guardian", "", rc=3)
    (tmp_path / "dev" / "guardian" / "score.py").write_text(
        "import sys\nsys.exit('detente code failed (2): no such CLI')\n")
    scorer(tmp_path, "confli", CONFLI_LINE)
    assert devsets.main(["--shared", str(tmp_path), "--only", "guardian,confli"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"guardian failed: {tmp_path}/dev/guardian/score.py exited 1: "
                                "detente code failed (2): no such CLI"]
    assert out.splitlines()[-1] == ("| ConfliBERT raters (real news) | CAMEO root | 0.60 | 0.75 | 0.67 | 0/2 "
                                    "| tp 3 fp 2 fn 1 |")


def test_a_scorer_line_without_figures_fails_that_set(tmp_path, capsys):
    scorer(tmp_path, "confli", "nothing to report")
    assert devsets.main(["--shared", str(tmp_path), "--only", "confli"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines() == [
        f"confli failed: {tmp_path}/dev/confli/score.py: no 'P .. R .. F1 ..' in 'nothing to report'",
        "nothing measured"]


def test_an_unknown_set_is_refused(capsys):
    assert devsets.main(["--only", "guardian,gdelt"]) == 2
    assert capsys.readouterr().err.strip() == "unknown set 'gdelt': choose from guardian, confli, plover, petrarch"


def test_scorers_run_with_this_python(tmp_path):
    here = scorer(tmp_path, "confli", "import-free")
    (here / "score.py").write_text("import sys\nprint('P 1 R 1 F1 1', sys.executable)\n")
    assert devsets.run_scorer(here / "score.py", "x").endswith(sys.executable)
