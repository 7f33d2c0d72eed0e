"""Generate realistic synthetic wire articles (JSONL) for benchmarks.

Sentences are assembled from templates over real actors, places and CAMEO-typed
actions, with dates, quotes, negations and conditionals in the proportions of
wire copy, so that the coder does the same work per word as on real news.

    python bench/synthetic.py 20000 > /tmp/synth.jsonl
"""
from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta

ACTORS = ["Russia", "Turkey", "Iran", "the United States", "Syrian government forces", "rebel groups",
          "the UN Security Council", "Russian Foreign Minister Sergei Lavrov", "the Kremlin",
          "Turkish troops", "Iranian officials", "the Syrian opposition", "Israel", "Saudi Arabia",
          "French diplomats", "the European Union", "Hezbollah fighters", "the UN special envoy"]
PLACES = ["Aleppo", "Idlib", "Damascus", "Geneva", "Astana", "Sochi", "Homs", "Raqqa", "Ankara", "Moscow"]
ACTIONS = [
    "{a} accused {b} of violating the ceasefire near {p}.",
    "{a} met {b} in {p} on {d} to discuss a political settlement.",
    "{a} called for talks with {b}, officials said.",
    "Warplanes bombed positions held by {b} near {p} on {d}, killing at least {n} people.",
    "{a} vetoed a draft resolution that would have condemned {b}.",
    "{a} agreed to withdraw heavy weapons from {p}.",
    "{a} did not attend the meeting in {p}.",
    "If {a} continues its offensive, {b} will impose new sanctions.",
    "{a} denied that its forces had shelled {p}.",
    "{a} praised the agreement reached with {b} in {p}.",
    "{a} threatened to cut ties with {b} over the strikes.",
    "An aid convoy bound for {p} was attacked on {d}, the United Nations said.",
    "{a} said it was ready to host a new round of negotiations with {b}.",
    "Residents of {p} said shelling continued overnight despite the truce.",
    "{a} sent humanitarian aid to {p} on {d}.",
    "Analysts said the talks were unlikely to produce a breakthrough soon.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, i: int, base: date) -> dict:
    pub = base + timedelta(days=rng.randrange(0, 3 * 365))
    paras = []
    for _ in range(rng.randint(3, 7)):
        sents = []
        for _ in range(rng.randint(2, 4)):
            a, b = rng.sample(ACTORS, 2)
            s = rng.choice(ACTIONS).format(a=a, b=b, p=rng.choice(PLACES), d=rng.choice(DAYS), n=rng.randint(2, 60))
            sents.append(s[0].upper() + s[1:])
        paras.append(" ".join(sents))
    title = f"{rng.choice(ACTORS).replace('the ', '').title()} and the war in {rng.choice(PLACES)}"
    return {"id": f"synth-{i:07d}", "title": title, "published": pub.isoformat(), "source": "Synthetic Wire",
            "text": "\n\n".join(paras)}


def generate(n: int, seed: int = 7):
    rng = random.Random(seed)
    base = date(2015, 1, 1)
    for i in range(n):
        yield article(rng, i, base)


def write(path: str, n: int, seed: int = 7) -> None:
    with open(path, "w") as fh:
        for a in generate(n, seed):
            fh.write(json.dumps(a) + "\n")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for a in generate(n):
        sys.stdout.write(json.dumps(a) + "\n")
