"""Throughput of `detente code` against bare spaCy on the same texts, in the same run.

Prints words/second and documents/second for: bare spaCy (nlp.pipe on the model as
spacy.load gives it, without detente's lemma corrections), the full pipeline in-process
(NLP with the lemma corrections + coding), and the coding overhead ratio. Target:
coding adds at most 25% to spaCy's own time (pipeline >= 0.8x spaCy).

    python bench/throughput.py [N_DOCS] [--seeds] [--rounds=3]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate  # noqa: E402

from detente.actors.kb import normalize  # noqa: E402
from detente.model import Document  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402


def docs(n: int, seeds: bool) -> list[Document]:
    if seeds:
        from detente.ingest import read_inputs

        folder = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
        base = [d for d in read_inputs([folder]) if isinstance(d, Document)]
        return [Document(f"{d.doc_id}-{i}", d.text) for i in range(max(1, n // len(base))) for d in base]
    return [Document(a["id"], a["text"]) for a in generate(n)]


def main() -> None:
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 300))
    rounds = int(next((a.split("=")[1] for a in sys.argv[1:] if a.startswith("--rounds=")), 3))
    corpus = docs(n, "--seeds" in sys.argv)
    words = sum(len(d.text.split()) for d in corpus)
    pipe = Pipeline()
    nlp = spacy.load(pipe.config.model)  # bare: no component of detente's own
    _ = pipe.coder  # load lexicon, KB, gazetteer outside the timings
    list(nlp.pipe([d.text for d in corpus[:20]]))  # warm up
    # alternate the two, several rounds, and keep each one's fastest round: single timings
    # on a shared machine move by +-5%, as much as the difference being measured
    t_spacy = t_full = float("inf")
    n_events = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in nlp.pipe((d.text for d in corpus), batch_size=pipe.config.batch_size):
            pass
        t_spacy = min(t_spacy, time.perf_counter() - t0)
        normalize.cache_clear()  # no round may profit from names memoised in an earlier one
        t0 = time.perf_counter()
        n_events = sum(len(evs) for _, evs, _ in pipe.run(corpus))
        t_full = min(t_full, time.perf_counter() - t0)
    print(f"documents={len(corpus)} words={words} events={n_events}")
    print(f"{'stage':<22}{'seconds':>9}{'words/s':>11}{'docs/s':>9}")
    print(f"{'bare spaCy':<22}{t_spacy:>9.2f}{words / t_spacy:>11.0f}{len(corpus) / t_spacy:>9.1f}")
    print(f"{'detente code':<22}{t_full:>9.2f}{words / t_full:>11.0f}{len(corpus) / t_full:>9.1f}")
    print(f"throughput ratio detente/spaCy = {t_spacy / t_full:.2f}  (coding adds {100 * (t_full / t_spacy - 1):.0f}%)")


if __name__ == "__main__":
    main()
