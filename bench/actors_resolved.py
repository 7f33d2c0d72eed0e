"""How many actors the pipeline resolves on the seed articles, and whether any is wrong.

Codes the five seed articles in ../shared/corpus/seeds with the publication dates of
tests/conftest.py (SEED_PUBLISHED) and prints:

  events    share of asserted events whose source and target are both resolved, and
            the share with a resolved source. The coder only emits events with a resolved
            source (and drops unresolved targets), so the second is 100% by construction
            and the first is the share of asserted events that have a target at all;
  arguments the same question one step earlier: of the argument heads the coder found
            for its triggers, the share resolved (sources and targets apart), and the
            number of triggers dropped because no source was resolved;
  persons   checks that no event names a wrong country for a knowledge-base person:
            (a) an actor carrying a person's KB id has a code whose country part is not
                one of that person's roles on the event date (nor their own country for
                the ELI fallback), e.g. a surname coreference that copied another date's role;
            (b) a mention naming a KB person (full name or alias) is coded with a country
                that person never had;
            violations are printed, and so are persons coded ELI (no role on the event
            date) who held a role on the publication date: usually a wrong event date.

    python bench/actors_resolved.py [--events]
"""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from detente.actors.kb import Entry, KnowledgeBase
from detente.coding.coder import EventCoder
from detente.ingest import read_inputs
from detente.model import Actor, Document, Event, Mention
from detente.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def _seed_dates() -> tuple[Path, dict[str, str]]:
    spec = importlib.util.spec_from_file_location("detente_tests_conftest", ROOT / "tests" / "conftest.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod.SEEDS, mod.SEED_PUBLISHED


class ArgumentCounter:
    """Wraps EventCoder._resolve (called once for the sources, once for the targets of each
    trigger) to count argument heads resolved and unresolved."""

    def __init__(self) -> None:
        self.calls = 0
        self.counts: Counter[str] = Counter()
        self.dropped = 0  # triggers with source heads, none resolved
        self._orig = EventCoder._resolve

    def __enter__(self) -> ArgumentCounter:
        counter = self

        def _resolve(coder, heads, ctx):
            args = counter._orig(coder, heads, ctx)
            role = "source" if counter.calls % 2 == 0 else "target"
            counter.calls += 1
            for a in args:
                counter.counts[f"{role} {'resolved' if a.actor.resolved else 'unresolved'}"] += 1
            if role == "source" and args and not any(a.actor.resolved for a in args):
                counter.dropped += 1
            return args

        EventCoder._resolve = _resolve
        return self

    def __exit__(self, *exc) -> None:
        EventCoder._resolve = self._orig


def _country(code: str | None) -> str | None:
    if not code:
        return None
    return code[:6] if code.startswith(("IGO", "NGO", "IMG")) else code[:3]


def allowed_on(entry: Entry, day: date | None) -> set[str]:
    held = [r for r in entry.roles if day is None or r.holds_on(day)]
    if held:
        return {_country(r.code) for r in held}
    return {entry.country} if entry.country else set()


def allowed_ever(entry: Entry) -> set[str]:
    return {_country(r.code) for r in entry.roles} | ({entry.country} if entry.country else set())


def persons_named(text: str, kb: KnowledgeBase) -> list[Entry]:
    """KB persons whose full name or alias appears in the mention text (n-grams up to 5 words)."""
    words = text.replace("’s", "").replace("'s", "").split()
    found: dict[str, Entry] = {}
    for n in range(min(5, len(words)), 1, -1):  # at least two words: no bare surnames
        for i in range(len(words) - n + 1):
            for e in kb.lookup(" ".join(words[i:i + n]).strip(",.;:")):
                if e.kind == "person":
                    found[e.id] = e
    return list(found.values())


def check(events: list[Event], published: date | None, kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    violations: list[str] = []
    notes: list[str] = []
    for e in events:
        day = e.event_date or published
        for side, m in (("source", e.source), ("target", e.target)):
            if m is None or not m.actor.resolved:
                continue
            a: Actor = m.actor
            where = f"{e.cameo_code} {side} {m.text!r} -> {a.code} ({a.how}) on {day}: {e.sentence[:90]!r}"
            entry = kb.entries.get(a.kb_id or "")
            if entry is not None and entry.kind == "person":
                ok = allowed_on(entry, day)
                if _country(a.code) not in ok:
                    violations.append(f"(a) {entry.name}: expected {sorted(ok)}; {where}")
                if a.sector == "ELI" and published and entry.role_on(published) is not None:
                    notes.append(f"{entry.name} is ELI on {day} but {entry.role_on(published).title} on the "
                                 f"publication date {published}; {where}")
            for p in persons_named(m.text, kb):
                if p.id != a.kb_id and _country(a.code) not in allowed_ever(p):
                    violations.append(f"(b) names {p.name} ({sorted(allowed_ever(p))}); {where}")
    return violations, notes


def _show(m: Mention | None) -> str:
    return f"{m.text!r}={m.actor.code}" if m is not None else "-"


def main(argv: list[str]) -> int:
    seeds, published = _seed_dates()
    if not seeds.exists():
        print(f"{seeds} is absent: nothing to do")
        return 0
    docs = [d for d in read_inputs([seeds]) if isinstance(d, Document)]
    for d in docs:
        d.published = date.fromisoformat(published[Path(d.path).stem])
    pipe = Pipeline()
    kb = pipe.coder.kb
    total = Counter()
    violations: list[str] = []
    notes: list[str] = []
    print(f"{'seed':24} {'published':10} {'asserted':>8} {'src+tgt':>8} {'src':>5}")
    with ArgumentCounter() as args:
        results = list(pipe.run(docs))
    for d, events, _ in results:
        asserted = [e for e in events if e.factuality == "asserted"]
        both = sum(1 for e in asserted if e.source and e.source.actor.resolved and e.target
                   and e.target.actor.resolved)
        src = sum(1 for e in asserted if e.source and e.source.actor.resolved)
        total.update(asserted=len(asserted), both=both, src=src, events=len(events))
        print(f"{Path(d.path).stem:24} {d.published!s:10} {len(asserted):8} {both:8} {src:5}")
        v, n = check(events, d.published, kb)
        violations += [f"{Path(d.path).stem}: {x}" for x in v]
        notes += [f"{Path(d.path).stem}: {x}" for x in n]
        if "--events" in argv:
            for e in events:
                print(f"    {e.cameo_code:5} {e.factuality:12} {e.event_date!s:10} "
                      f"{_show(e.source)} -> {_show(e.target)}")
    n = max(total["asserted"], 1)
    print(f"\nall events: {total['events']}; asserted: {total['asserted']}")
    print(f"asserted events with source and target resolved: {total['both']}/{total['asserted']} = "
          f"{total['both'] / n:.1%}")
    print(f"asserted events with a resolved source:          {total['src']}/{total['asserted']} = "
          f"{total['src'] / n:.1%}  (the coder emits no event without one)")
    c = args.counts
    for role in ("source", "target"):
        r, u = c[f"{role} resolved"], c[f"{role} unresolved"]
        print(f"{role} argument heads resolved: {r}/{r + u} = {r / max(r + u, 1):.1%}")
    print(f"triggers dropped for want of a resolved source: {args.dropped}")
    print(f"\nwrong country for a knowledge-base person: {len(violations)}")
    for v in violations:
        print(f"  {v}")
    print(f"persons coded ELI on the event date but in office on the publication date: {len(notes)}")
    for x in notes:
        print(f"  {x}")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
