"""detente on the PETRARCH unit-test records, with PETRARCH's validation dictionaries.

Runs `detente.eval.runner.evaluate` over ../shared/reference/petrarch2/PETR.UnitTest.records.xml
with PETR.Validate.actors.txt and PETR.Validate.agents.txt loaded as extra knowledge-base
files (the fictional actors: Arnor ARN, Gondor GON, Sam Gamgee HOB with dated codes, ...),
and prints, overall, in scope and per record category:

  exact     share of records coded exactly right: every expected event found with the
            same source code, target code and event root, and no other event predicted
            (a record expecting no event is right when nothing is predicted)
  actors    share of records whose predicted (source, target) pairs are exactly the
            expected ones, whatever the event codes (the actor side alone)
  loose     "root + dyad" recall: share of expected events matched by a predicted event
            with the same root and the same source and target country (first 3 letters)
  dyad      like loose, whatever the root: the actor side of the recall
  sources   share of expected events whose full source code is a predicted source

plus the standard evaluate() table. The records are written to a temporary detente JSONL
gold file first, because the XML holds duplicate record ids (AGENTS-18, AGENTS-19) that
the runner would merge into one document.

Out of scope (listed with a reason per record, scored separately): records that test
PETRARCH's own verb dictionary (categories VERB, PATTERN, SYNSET: irregular and
misspelt verb forms, &SYNSET sets, fictional event codes such as 345, 174K or 9xx),
its error handling (ERROR), and records whose expected output is a PETRARCH artefact
(quoted new-actor text, null actors "---", "###", "XYZ", codes outside CAMEO).

The records are run three times: with detente's own lexicon (`own`); with the records' own
verb dictionary PETR.Validate.verbs.txt beside it (`beside`: `--verbs` on `detente code`,
replacing detente's patterns for the verbs the dictionary defines; detente's other verbs,
its event nouns and the events it derives stay); and in PETRARCH-compatible mode
(`compatible`: `--verbs --verbs-only`, the dictionary is the whole event lexicon and every
event and code comes from its patterns), as PETRARCH runs them. The last two measure how
well detente reads and applies PETRARCH's dictionary, not detente's lexicon. The detailed
report is for the mode named by --mode (default compatible; --own-lexicon = --mode own);
the last line gives the in-scope exact figure in all three.

    python bench/petrarch_unittest.py [--mode own|beside|compatible] [--show-misses] [--show ID ...]
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from detente.eval.gold import GoldSentence, load_petrarch_records
from detente.eval.metrics import Report
from detente.eval.runner import evaluate
from detente.model import Event
from detente.ontology import load_ontology
from detente.pipeline import Pipeline, PipelineConfig

REF = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "petrarch2"
RECORDS = REF / "PETR.UnitTest.records.xml"
ACTORS = REF / "PETR.Validate.actors.txt"
AGENTS = REF / "PETR.Validate.agents.txt"
VERBS = REF / "PETR.Validate.verbs.txt"

OUT_OF_SCOPE_CATEGORIES = {
    "VERB": "tests PETRARCH's verb dictionary (irregular/misspelt verb forms, its own codes)",
    "PATTERN": "tests PETRARCH verb-pattern syntax in PETR.Validate.verbs (fictional codes 345, 174K)",
    "SYNSET": "tests PETRARCH &SYNSET sets in the verb dictionary (fictional codes 9xx, 802)",
    "ERROR": "tests PETRARCH error handling and discard lists (no codable output expected)",
}
# single records whose expected coding rests on a PETRARCH mechanism rather than on meaning
OUT_OF_SCOPE_RECORDS = {
    "ICC-01": "expects IGOCOPITP: PETRARCH's partial match of 'International Criminal Court' to Interpol",
}


class RecordingPipeline(Pipeline):
    """The pipeline, keeping each document's events for per-record scoring."""

    def __init__(self, config: PipelineConfig):
        super().__init__(config)
        self.events: dict[str, list[Event]] = {}

    def run(self, documents):
        for doc, events, n in super().run(documents):
            self.events[doc.doc_id] = events
            yield doc, events, n


def _artefact(code: str | None) -> bool:
    return code is not None and (code.startswith(('"', "---", "###", "XYZ")) or not code.isalnum())


NON_CAMEO = "event code outside CAMEO (PETR.Validate.verbs test codes)"
ARTEFACT = "expects a PETRARCH output artefact (null actor ---, ###, XYZ, quoted new-actor text)"
ERROR_RECORD = "expects an error record, not an event"


def out_of_scope(g: GoldSentence, ontology) -> tuple[str, str] | None:
    """(reason, detail) when a record is out of scope, else None."""
    if g.category in OUT_OF_SCOPE_CATEGORIES:
        return f"{g.category}: {OUT_OF_SCOPE_CATEGORIES[g.category]}", ""
    if g.doc_id in OUT_OF_SCOPE_RECORDS:
        return OUT_OF_SCOPE_RECORDS[g.doc_id], ""
    for e in g.events:
        if e.code is None:
            return ERROR_RECORD, ""
        if e.code not in ontology:
            return NON_CAMEO, e.code
        if _artefact(e.source) or _artefact(e.target):
            return ARTEFACT, f"{e.source} -> {e.target}"
    return None


def _norm(code: str | None) -> str | None:
    return code.upper() if code else None


def _triples(g: GoldSentence) -> Counter:
    return Counter((_norm(e.source), _norm(e.target), (e.code or "")[:2]) for e in g.events)


def _pred(events: list[Event]) -> Counter:
    return Counter((e.source.actor.code if e.source else None, e.target.actor.code if e.target else None,
                    e.cameo_root) for e in events)


def _pairs(c: Counter) -> Counter:
    out: Counter = Counter()
    for (s, t, _), n in c.items():
        out[(s, t)] += n
    return out


def _source_hits(g: GoldSentence, events: list[Event]) -> int:
    pool = Counter(e.source.actor.code for e in events if e.source)
    hits = 0
    for ge in g.events:
        if pool[_norm(ge.source)] > 0:
            pool[_norm(ge.source)] -= 1
            hits += 1
    return hits


def _loose_hits(g: GoldSentence, events: list[Event], any_root: bool = False) -> int:
    pool = [(e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.cameo_root)
            for e in events]
    c3 = lambda c: c[:3].upper() if c else None  # noqa: E731
    hits = 0
    for ge in g.events:
        for i, (s, t, r) in enumerate(pool):
            if (any_root or r == (ge.code or "")[:2]) and c3(s) == c3(ge.source) and c3(t) == c3(ge.target):
                hits += 1
                pool.pop(i)
                break
    return hits


def write_gold(records: list[GoldSentence], path: Path) -> list[GoldSentence]:
    """Detente JSONL gold with unique doc ids (the XML repeats some record ids)."""
    seen: Counter = Counter()
    out = []
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            seen[r.doc_id] += 1
            doc_id = r.doc_id if seen[r.doc_id] == 1 else f"{r.doc_id}#{seen[r.doc_id]}"
            r = GoldSentence(doc_id, r.sentence, r.events, r.published, r.text, r.category)
            out.append(r)
            fh.write(json.dumps({
                "doc_id": doc_id, "sentence": r.sentence, "text": r.text, "category": r.category,
                "published": r.published.isoformat() if r.published else None,
                "events": [{"code": e.code, "source": e.source, "target": e.target} for e in r.events],
            }) + "\n")
    return out


MODES = {"own": (False, False), "beside": (True, False), "compatible": (True, True)}  # (verbs, verbs_only)


def measure(ref: Path = REF, verbs: bool = False, only: bool = False
            ) -> tuple[Report, list[GoldSentence], dict[str, list[Event]]]:
    """evaluate() over the records of `ref` with its validation actor and agent dictionaries
    (and, with `verbs`, its verb dictionary, which then replaces detente's patterns for the
    verbs it defines, or with `only` is the whole lexicon): the report, the records (unique
    ids) and each record's predicted events."""
    pipe = RecordingPipeline(PipelineConfig(kb_files=(str(ref / ACTORS.name), str(ref / AGENTS.name)),
                                            verb_files=(str(ref / VERBS.name),) if verbs else (),
                                            verbs_only=only))
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = Path(tmp) / "petr_unittest.jsonl"
        records = write_gold(load_petrarch_records(ref / RECORDS.name), gold_path)
        report = evaluate(gold_path, fmt="jsonl", pipeline=pipe)
    return report, records, pipe.events


def exact(g: GoldSentence, events: list[Event]) -> bool:
    """Every expected (source, target, root) predicted, and nothing else."""
    return _pred(events) == _triples(g)


MODAL_DERIVED = (" intent=", " threat=", " refusal=")


def asserted_only(events: list[Event]) -> list[Event]:
    """What detente says happened: the asserted events."""
    return [e for e in events if e.factuality == "asserted"]


def factuality_ignored(events: list[Event]) -> list[Event]:
    """The events as a coder without factuality would give them: future, hypothetical,
    negated ... events count as happened, and the intents, threats and refusals that
    detente derives from such modal verbs ("will restore" -> 050 future + 032 intent) go."""
    return [e for e in events if not any(m in e.rule for m in MODAL_DERIVED)]


def causes(g: GoldSentence, events: list[Event]) -> tuple[set[str], list[tuple[str, str]], list[str]]:
    """Why a record is not exact, with factuality ignored: `root` (an expected source and
    target coded with another root), `no target` (an expected event found without its
    target), `actor` (an expected event whose source or target code differs), `missing` (no event for an expected one), `extra` (an event the record
    does not expect); plus the (expected, predicted) roots of `root` and the triggers of `extra`."""
    want = [(_norm(e.source), _norm(e.target), (e.code or "")[:2]) for e in g.events]
    got = [((e.source.actor.code if e.source else None), (e.target.actor.code if e.target else None),
            e.cameo_root, e.trigger.text.lower()) for e in events]
    found: set[str] = set()
    roots: list[tuple[str, str]] = []
    for same in (lambda w, p: w == p[:3], lambda w, p: w[:2] == p[:2],
                 lambda w, p: w[0] == p[0] or (w[1] is not None and w[1] == p[1])):
        for w in list(want):
            hit = next((p for p in got if same(w, p)), None)
            if hit is not None:
                want.remove(w)
                got.remove(hit)
                if hit[2] != w[2] and w[:2] == hit[:2]:
                    found.add("root")
                    roots.append((w[2], hit[2]))
                elif w[1] is not None and hit[1] is None and w[0] == hit[0]:
                    found.add("no target")
                elif w != hit[:3]:
                    found.add("actor")
    if want:
        found.add("missing")
    if got:
        found.add("extra")
    return found, roots, [p[3] for p in got]


def main(argv: list[str]) -> int:
    if not RECORDS.exists():
        print(f"{RECORDS} is absent: nothing to do")
        return 0
    ontology = load_ontology()
    mode = "own" if "--own-lexicon" in argv else argv[argv.index("--mode") + 1] if "--mode" in argv else "compatible"
    if mode not in MODES:
        print(f"--mode {mode}: use one of {', '.join(MODES)}")
        return 2
    runs = {m: measure(verbs=v, only=o) for m, (v, o) in MODES.items()}
    report, records, predicted = runs[mode]

    # records, exact, actors exact, gold events, loose hits, dyad hits, source hits
    rows: dict[str, list] = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])
    misses: list[str] = []
    root_only = restore = 0  # in scope: actors right, event root wrong
    excluded: list[tuple[str, str]] = []
    variants: Counter = Counter()  # in scope: exact counting asserted events only / factuality ignored
    why_not: Counter = Counter()  # in scope, not exact with factuality ignored: the set of causes
    cause_n: Counter = Counter()
    root_pairs: Counter = Counter()
    extra_triggers: Counter = Counter()
    for g in records:
        evs = predicted.get(g.doc_id, [])
        right = exact(g, evs)
        if not out_of_scope(g, ontology):
            variants["asserted"] += exact(g, asserted_only(evs))
            plain = factuality_ignored(evs)
            variants["ignored"] += exact(g, plain)
            if not exact(g, plain):
                found, roots, extra = causes(g, plain)
                why_not[" + ".join(sorted(found))] += 1
                cause_n.update(found)
                root_pairs.update(roots)
                extra_triggers.update(extra)
        actors = _pairs(_pred(evs)) == _pairs(_triples(g))
        why = out_of_scope(g, ontology)
        keys = ["all", f"cat:{g.category}", "out of scope" if why else "in scope"]
        for k in keys:
            row = rows[k]
            for i, v in enumerate((1, right, actors, len(g.events), _loose_hits(g, evs),
                                   _loose_hits(g, evs, any_root=True), _source_hits(g, evs))):
                row[i] += v
        if why:
            excluded.append((g.doc_id, why))
        elif actors and not right:
            root_only += 1
            restore += any(e.code == "064" for e in g.events) and "restore" in g.sentence
        elif not right:
            got = sorted((s or "-", t or "-", r) for (s, t, r), n in _pred(evs).items() for _ in range(n))
            want = sorted((s or "-", t or "-", r) for (s, t, r), n in _triples(g).items() for _ in range(n))
            misses.append(f"  {g.doc_id:16} want {want}\n  {'':16} got  {got}\n  {'':16} {g.sentence[:110]}")

    print(f"{RECORDS.name}: {len(records)} records, dictionaries {ACTORS.name} + {AGENTS.name}"
          + {"own": "", "beside": f" + {VERBS.name} (replacing detente's patterns for its verbs)",
             "compatible": f" + {VERBS.name} as the whole event lexicon (PETRARCH-compatible mode)"}[mode])
    print(f"evaluate(): {report.gold_events} gold events, {report.predicted_events} predicted")
    for name, p, r, f in report.rows()[:3]:
        print(f"  {name:20} P={p} R={r} F1={f}")
    print()
    print(f"{'':16} {'records':>7} {'exact':>13} {'actors':>13} {'root+dyad recall':>17} {'dyad recall':>17}"
          f" {'source recall':>17}")

    def line(k: str) -> None:
        n, ex, act, ge, *hits = rows[k]
        rec = [f"{h}/{ge} = {h / ge:.0%}" if ge else "-" for h in hits]
        print(f"{k:16} {n:7} {ex:4}/{n:<3} {ex / n:5.1%} {act:4}/{n:<3} {act / n:5.1%}"
              + "".join(f" {r:>17}" for r in rec))

    for k in ("all", "in scope", "out of scope"):
        line(k)
    print("per category:")
    for k in sorted(k for k in rows if k.startswith("cat:")):
        line(k)
    n_in = rows["in scope"][0]
    print(f"\nin scope, exact: {rows['in scope'][1]}/{n_in} counting every event whatever its factuality; "
          f"{variants['asserted']}/{n_in} counting only what detente says happened (asserted); "
          f"{variants['ignored']}/{n_in} if factuality were ignored (future, hypothetical, negated events "
          f"count as happened and no intent/threat/refusal is derived from a modal verb)")
    print(f"in scope, not exact even with factuality ignored: {sum(why_not.values())} records; causes "
          f"(a record may have several): " + ", ".join(f"{k} {v}" for k, v in cause_n.most_common()))
    print("  root   = an expected source->target pair coded with another root: expected<-predicted "
          + ", ".join(f"{w}<-{p} {n}" for (w, p), n in root_pairs.most_common(8)))
    print("  extra  = events the record does not code, by trigger: "
          + ", ".join(f"{t} {n}" for t, n in extra_triggers.most_common(10)))
    print("  no target = an expected event found with its source but no target; actor = found with "
          "another source or target code; missing = no event for an expected one")
    print("  records by their set of causes: " + ", ".join(f"{k} {v}" for k, v in why_not.most_common()))
    print(f"\nin scope, actors right but event root wrong: {root_only} records, {restore} of them "
          f"'restore ... ties', which PETR.Validate.verbs codes 064 and CAMEO.2.0.txt codes 050 (detente: 05)")
    print(f"\nout of scope ({len(excluded)} records):")
    reasons: Counter = Counter(why for _, (why, _) in excluded)
    details: dict[str, set] = defaultdict(set)
    for _, (why, detail) in excluded:
        if detail:
            details[why].add(detail)
    for why, n in reasons.most_common():
        extra = f" [{', '.join(sorted(details[why]))}]" if details[why] else ""
        print(f"  {n:3}  {why}{extra}")
    if "--show-misses" in argv:
        print(f"\nin-scope records not coded exactly ({len(misses)}):")
        print("\n".join(misses))
    if "--show" in argv:
        wanted = set(argv[argv.index("--show") + 1:])
        for g in records:
            if g.doc_id in wanted:
                print(g.doc_id, g.sentence)
                for e in predicted.get(g.doc_id, []):
                    print("   ", e.cameo_code, e.source and (e.source.text, e.source.actor.code, e.source.actor.how),
                          e.target and (e.target.text, e.target.actor.code, e.target.actor.how), e.factuality,
                          e.rule.split(" ")[0])
    scope = [g for g in records if not out_of_scope(g, ontology)]
    own, beside, compatible = (sum(exact(g, runs[m][2].get(g.doc_id, [])) for g in scope) for m in MODES)
    print(f"\nin scope, exact: {own}/{len(scope)} with detente's own lexicon; {beside}/{len(scope)} with "
          f"{VERBS.name} beside it; {compatible}/{len(scope)} with {VERBS.name} as the whole lexicon "
          f"(PETRARCH-compatible; the last two measure PETRARCH's dictionary read by detente)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
