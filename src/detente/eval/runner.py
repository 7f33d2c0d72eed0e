"""Run the pipeline over a gold standard and score it: the gold's documents are coded
whole, and only the events of gold sentences are scored (detente.eval.align)."""
from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from detente.eval.align import assign
from detente.eval.gold import GoldSentence, load_gold
from detente.eval.metrics import Report, score
from detente.ingest import read_inputs
from detente.model import Document, Event
from detente.pipeline import Pipeline


def documents_for(gold: list[GoldSentence], corpus: list[str | Path] = ()) -> dict[str, Document]:
    """The document behind each gold doc_id: from the corpus, the gold text, or the sentences."""
    known = {d.doc_id: d for d in read_inputs(corpus) if isinstance(d, Document)} if corpus else {}
    by_doc: OrderedDict[str, list[GoldSentence]] = OrderedDict()
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    docs: dict[str, Document] = {}
    for doc_id, items in by_doc.items():
        if doc_id in known:
            docs[doc_id] = known[doc_id]
            continue
        text = items[0].text or " ".join(i.sentence for i in items)
        docs[doc_id] = Document(doc_id, text, published=items[0].published)
    return docs


def evaluate(gold_path: Path, *, fmt: str = "auto", corpus: list[str | Path] = (),
             pipeline: Pipeline | None = None) -> Report:
    gold = load_gold(gold_path, fmt)
    docs = documents_for(gold, corpus)
    pipe = pipeline or Pipeline()
    by_doc: dict[str, list[GoldSentence]] = {}
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    items: list[tuple[GoldSentence, list[Event]]] = []
    unscored = unplaced = misplaced = 0
    for doc, events, _ in pipe.run(docs.values()):
        pairs, placed, outside = assign(by_doc[doc.doc_id], doc.text, events)
        items.extend(pairs)
        unscored += len(outside)
        unplaced += sum(p.start is None for p in placed)
        misplaced += sum(p.start is not None and not p.confirmed for p in placed)
    rep = score(items)
    rep.unscored_events, rep.unplaced_sentences, rep.misplaced_sentences = unscored, unplaced, misplaced
    return rep
