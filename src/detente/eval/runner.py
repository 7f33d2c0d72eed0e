"""Run the pipeline over a gold standard and score it."""
from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from detente.eval.gold import GoldSentence, load_gold
from detente.eval.metrics import Report, score
from detente.ingest import read_inputs
from detente.model import Document, Event
from detente.pipeline import Pipeline


def _norm(s: str) -> str:
    return " ".join(s.split())


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


def assign(gold: list[GoldSentence], doc: Document, events: list[Event]) -> list[tuple[GoldSentence, list[Event]]]:
    """Predicted events of a document, split over its gold sentences by sentence text."""
    if len(gold) == 1:
        return [(gold[0], events)]
    out = []
    for g in gold:
        gs = _norm(g.sentence)
        out.append((g, [e for e in events if _norm(e.sentence) == gs or gs in _norm(e.sentence)
                        or _norm(e.sentence) in gs]))
    return out


def evaluate(gold_path: Path, *, fmt: str = "auto", corpus: list[str | Path] = (),
             pipeline: Pipeline | None = None) -> Report:
    gold = load_gold(gold_path, fmt)
    docs = documents_for(gold, corpus)
    pipe = pipeline or Pipeline()
    by_doc: dict[str, list[GoldSentence]] = {}
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    items: list[tuple[GoldSentence, list[Event]]] = []
    for doc, events, _ in pipe.run(docs.values()):
        items.extend(assign(by_doc[doc.doc_id], doc, events))
    return score(items)
