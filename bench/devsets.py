"""The per-set evaluation table that README.md ("How good is it?") keeps current.

Measures, from the project root, and prints one markdown table with precision, recall and
F1 and the no-event false positives of each set, and the date of measurement:

  guardian  ../shared/dev/guardian/score.py (real news, triples root + source + target)
  confli    ../shared/dev/confli/score.py   (real news, CAMEO roots)
  plover    the PLOVER GSR, through detente.eval.runner.evaluate (PLOVER types)
  petrarch  the PETRARCH unit-test records, through bench/petrarch_unittest.py (CAMEO roots)

The two real-news scorers run as subprocesses with `--cli` (they code the texts with the
detente CLI); their last output line holds the figures. A set whose files are absent is
skipped with a message; a set that fails is reported in one line and the others still run
(exit status 1).

    python bench/devsets.py [--cli .venv/bin/detente] [--shared ../shared] [--only guardian,confli,...]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = ("guardian", "confli", "plover", "petrarch")

_PRF = re.compile(r"\bP (\d+(?:\.\d+)?) R (\d+(?:\.\d+)?) F1 (\d+(?:\.\d+)?)")
_COUNTS = re.compile(r"\(tp (\d+) fp (\d+) fn (\d+)")
_NO_EVENT = re.compile(r"no-event sentences with asserted events (\d+)/(\d+)")


class Skip(Exception):
    """A set whose files are absent."""


class Failed(Exception):
    """A set that could not be measured: one line."""


@dataclass
class Row:
    name: str
    measure: str
    p: float
    r: float
    f1: float
    no_event: tuple[int, int] | None  # (sentences given an asserted event, no-event sentences)
    note: str = ""

    def markdown(self) -> str:
        ne = f"{self.no_event[0]}/{self.no_event[1]}" if self.no_event else "–"
        return f"| {self.name} | {self.measure} | {self.p:.2f} | {self.r:.2f} | {self.f1:.2f} | {ne} | {self.note} |"


def parse_score_line(line: str) -> tuple[tuple[float, float, float], tuple[int, int, int] | None,
                                         tuple[int, int] | None]:
    """(P, R, F1), (tp, fp, fn) and (no-event false positives, no-event sentences) of a
    dev-set scorer's summary line; ValueError when the line holds no P/R/F1."""
    prf = _PRF.search(line)
    if not prf:
        raise ValueError(f"no 'P .. R .. F1 ..' in {line[:120]!r}")
    counts, no_event = _COUNTS.search(line), _NO_EVENT.search(line)
    return (tuple(float(x) for x in prf.groups()),  # type: ignore[return-value]
            tuple(int(x) for x in counts.groups()) if counts else None,  # type: ignore[return-value]
            tuple(int(x) for x in no_event.groups()) if no_event else None)  # type: ignore[return-value]


def _need(path: Path) -> Path:
    if not path.exists():
        raise Skip(f"{path} is absent")
    return path


def _size(path: Path, what: str) -> str:
    """', N sentences' from a dev set's gold file (a JSON list or JSON lines), '' if unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
        n = len(json.loads(text)) if path.suffix == ".json" else sum(1 for ln in text.splitlines() if ln.strip())
    except (OSError, ValueError):
        return ""
    return f", {n} {what}"


def run_scorer(script: Path, cli: str) -> str:
    """The last output line of a dev-set scorer run from the project root."""
    proc = subprocess.run([sys.executable, str(script), "--cli", cli], cwd=ROOT, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        why = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise Failed(f"{script} exited {proc.returncode}: {why}")
    return lines[-1]


def scorer_row(name: str, measure: str, script: Path, cli: str) -> Row:
    line = run_scorer(_need(script), cli)
    try:
        (p, r, f), counts, no_event = parse_score_line(line)
    except ValueError as exc:
        raise Failed(f"{script}: {exc}") from None
    note = f"tp {counts[0]} fp {counts[1]} fn {counts[2]}" if counts else ""
    return Row(name, measure, p, r, f, no_event, note)


def guardian(shared: Path, cli: str) -> Row:
    here = shared / "dev" / "guardian"
    return scorer_row(f"Guardian (real news{_size(here / 'gold.json', 'sentences')})",
                      "triple (root, source, target)", here / "score.py", cli)


def confli(shared: Path, cli: str) -> Row:
    here = shared / "dev" / "confli"
    return scorer_row(f"ConfliBERT raters (real news{_size(here / 'gold.jsonl', 'sentences')})",
                      "CAMEO root", here / "score.py", cli)


def plover(shared: Path, cli: str) -> Row:
    from detente.eval.runner import evaluate

    rep = evaluate(_need(shared / "reference" / "plover" / "PLOVER_GSR_CAMEO.txt"), fmt="plover")
    p, r, f = rep.type.prf()
    # every GSR record codes an event: its only records without gold events are two whose
    # source is their target (the loader drops those pairs), so no no-event column here
    return Row(f"PLOVER GSR (CAMEO-manual sentences, {rep.sentences})", "PLOVER type", p, r, f, None,
               f"dyad + type F1 {rep.dyad.prf()[2]:.2f}")


def _bench(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def petrarch(shared: Path, cli: str) -> Row:
    ref = _need(shared / "reference" / "petrarch2")
    _need(ref / "PETR.UnitTest.records.xml")
    bench = _bench("petrarch_unittest")
    rep, records, predicted = bench.measure(ref)
    p, r, f = rep.type.prf()
    empty = [g for g in records if not g.events]
    fp = sum(any(e.factuality == "asserted" for e in predicted.get(g.doc_id, [])) for g in empty)
    right = sum(bench.exact(g, predicted.get(g.doc_id, [])) for g in records)
    from detente.ontology import load_ontology

    ontology = load_ontology()
    scope = [g for g in records if not bench.out_of_scope(g, ontology)]
    in_right = sum(bench.exact(g, predicted.get(g.doc_id, [])) for g in scope)
    no_fact = sum(bench.exact(g, bench.factuality_ignored(predicted.get(g.doc_id, []))) for g in scope)
    actors = sum(bench._pairs(bench._pred(predicted.get(g.doc_id, []))) == bench._pairs(bench._triples(g))
                 for g in scope)
    return Row(f"PETRARCH unit-test records ({len(records)}, PETR.Validate dictionaries)", "CAMEO root", p, r, f,
               (fp, len(empty)), f"dyad + type F1 {rep.dyad.prf()[2]:.2f}; exactly right {right}/{len(records)} "
               f"(in scope {in_right}/{len(scope)}; {no_fact} with factuality ignored, {actors} with the right "
               f"actors whatever the event code)")


MEASURES = {"guardian": guardian, "confli": confli, "plover": plover, "petrarch": petrarch}


def _revision() -> str:
    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return f" at {out.stdout.strip()}" if out.returncode == 0 and out.stdout.strip() else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=".venv/bin/detente", help="the detente CLI the real-news scorers run")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default ../shared)")
    ap.add_argument("--only", default=",".join(SETS), help=f"comma-separated sets out of {', '.join(SETS)}")
    args = ap.parse_args(argv)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in MEASURES]
    if unknown:
        print(f"unknown set {unknown[0]!r}: choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    from detente.errors import DetenteError

    rows: list[Row] = []
    failed = False
    for name in wanted:
        try:
            rows.append(MEASURES[name](args.shared, args.cli))
        except Skip as exc:
            print(f"skipped {name}: {exc}", file=sys.stderr)
        except (Failed, DetenteError) as exc:
            print(f"{name} failed: {exc}", file=sys.stderr)
            failed = True
    if not rows:
        print("nothing measured", file=sys.stderr)
        return 1 if failed else 0
    print(f"measured {date.today().isoformat()}{_revision()}\n")
    print("| set | scored | P | R | F1 | no-event sentences given an asserted event | notes |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(row.markdown())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
