"""Which words of a text stand inside a quotation.

A quotation opens with “ or " and closes with ” or the next " (typographic marks pair
up; straight ones alternate). A quotation still open at the end of a paragraph (a line
break) closes there: news style reopens a long quotation on each paragraph. Single quotes are not
read (they are apostrophes far more often).

    >>> q = QuoteMap('He said: “We will stay.” Then he left.')
    >>> q.quote_at(12), q.quote_at(30)
    (9, None)
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from detente.nlp import doc_text

OPEN, CLOSE, STRAIGHT = "“", "”", '"'
_MARKS = re.compile('[“”"\n]')


class QuoteMap:
    """Quotation spans of one text (character offsets)."""

    def __init__(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        start: int | None = None
        for m in _MARKS.finditer(text):
            i, ch = m.start(), m[0]
            if ch == "\n":
                if start is not None:
                    spans.append((start, i))
                    start = None
            elif ch == OPEN or (ch == STRAIGHT and start is None):
                if start is None:
                    start = i
            elif start is not None:  # a closing mark, or the second straight one
                spans.append((start, i + 1))
                start = None
        if start is not None:
            spans.append((start, len(text)))
        self._starts = [s for s, _ in spans]
        self._spans = spans

    def quote_at(self, offset: int) -> int | None:
        """The start of the quotation that contains ``offset``, or None outside quotations."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self._spans[i][0] < offset < self._spans[i][1]:
            return self._spans[i][0]
        return None

    def __len__(self) -> int:
        return len(self._spans)


def quotes_of(doc: Doc) -> QuoteMap:
    """The QuoteMap of a parsed text, built once per Doc (like ``detente.nlp.doc_text``)."""
    qm = doc.user_data.get("detente.quotes")
    if qm is None:
        qm = doc.user_data["detente.quotes"] = QuoteMap(doc_text(doc))
    return qm


def quote_of(tok: Token) -> int | None:
    """The start of the quotation around a token, or None."""
    return quotes_of(tok.doc).quote_at(tok.idx)
