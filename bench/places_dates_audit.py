"""Audit where and when: how asserted events are placed and dated on real news, and a
random sample of them with their sentences, for a person to read.

Codes the Guardian dev articles (../shared/dev/guardian/articles.jsonl) and the seed
op-eds (../shared/corpus/seeds, dated by ../shared/corpus/seeds-metadata.csv) in-process,
then prints, over the asserted events:

* how their places were chosen (``location_how``) and the share located from their own
  clause or sentence (``location_precision`` clause/sentence), overall and for events that
  are not statements;
* how they were dated (``date_precision``), and how many dates came from a time expression
  outside the event's own sentence (carried);
* a random sample of located events and of dated events: sentence, trigger, place, date.

    python bench/places_dates_audit.py [--sample N] [--seed S] [--corpus guardian|seeds|both]

The dev set is for measuring: read this output, never copy its sentences into the project.
"""
from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

from detente.geo.words import GEO_WORDS
from detente.ingest import read_inputs
from detente.ingest.metadata import read_metadata
from detente.model import Document, Event
from detente.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GUARDIAN = SHARED / "dev" / "guardian" / "articles.jsonl"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_METADATA = SHARED / "corpus" / "seeds-metadata.csv"


def documents(which: str) -> list[Document]:
    docs: list[Document] = []
    if which in ("guardian", "both"):
        if not GUARDIAN.exists():
            sys.exit(f"{GUARDIAN} is absent")
        docs += [d for d in read_inputs([GUARDIAN]) if isinstance(d, Document)]
    if which in ("seeds", "both"):
        if not SEEDS.exists():
            sys.exit(f"{SEEDS} is absent")
        meta = read_metadata(SEEDS_METADATA) if SEEDS_METADATA.exists() else None
        docs += [d for d in read_inputs([SEEDS], metadata=meta) if isinstance(d, Document)]
    return docs


def share(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.0f}%)" if total else "0/0"


def located(e: Event) -> bool:
    return e.location_precision in ("clause", "sentence")


def carried(e: Event) -> bool:
    return e.date_text is not None and e.date_text not in e.sentence


def show(e: Event, title: str) -> None:
    loc = e.location
    src = e.source.actor.code if e.source else None
    tgt = e.target.actor.code if e.target else None
    print(f"[{e.doc_id}] {e.cameo_code} {src}->{tgt} trigger={e.trigger.text!r}")
    print(f"    place: {loc.name if loc else None} ({loc.country if loc else None}) "
          f"{e.location_precision}/{e.location_how}")
    print(f"    date:  {e.event_date} {e.date_precision} {e.date_text!r}{' (carried)' if carried(e) else ''}")
    print(textwrap.indent(textwrap.fill(e.sentence, 100), "    | "))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=20, help="events shown per sample (default 20)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--corpus", choices=("guardian", "seeds", "both"), default="both")
    args = ap.parse_args()
    docs = documents(args.corpus)
    pipe = Pipeline()
    events = [e for _, evs, _ in pipe.run(docs) for e in evs]
    asserted = [e for e in events if e.factuality == "asserted"]
    material = [e for e in asserted if e.cameo_root not in GEO_WORDS.statement_roots]
    print(f"{len(docs)} documents, {len(events)} events, {len(asserted)} asserted "
          f"({len(material)} not statements)\n")
    print("located from the event's own clause or sentence:")
    print(f"    asserted events        {share(sum(map(located, asserted)), len(asserted))}")
    print(f"    not statements         {share(sum(map(located, material)), len(material))}")
    print("location_how (asserted):")
    for how, n in Counter(e.location_how for e in asserted).most_common():
        print(f"    {how or '-':<28}{n:>5}")
    print("date_precision (asserted):")
    for p, n in Counter(e.date_precision for e in asserted).most_common():
        print(f"    {p:<28}{n:>5}")
    dated = [e for e in asserted if e.date_text is not None]
    print(f"dates from a time expression outside the event's sentence: {share(sum(map(carried, dated)), len(dated))}")
    rng = random.Random(args.seed)
    for title, pool in (("located events", [e for e in asserted if located(e)]),
                        ("events dated by a time expression", dated),
                        ("events placed or dated from the document", [
                            e for e in asserted if not located(e) or e.date_text is None])):
        print(f"\n==== a sample of {title} ({min(args.sample, len(pool))} of {len(pool)})")
        for e in rng.sample(pool, min(args.sample, len(pool))):
            show(e, title)


if __name__ == "__main__":
    main()
