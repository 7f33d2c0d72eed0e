"""Which column of a record (JSONL key, CSV/TSV header, Parquet column) holds which field.

By default a record's text is ``text``, its id ``id`` (or ``doc_id``), its date ``published``
(or ``date``), and ``title``, ``url``, ``source``, ``author`` are read by those names.
Inputs as they come name them otherwise (``body``, ``headline``, ``pub_date``): give the
names with ``--text-column body`` and the like, or all at once in a mapping file::

    # columns.yaml (or the same object as JSON)
    text: body
    published: pub_date
    title: headline

Column names match case-insensitively. A column named by the user that a file does not
have is an error naming the file (``--text-column body``: no column 'body').
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from detente.ingest.readers import InputError, decode_bytes, where

FIELDS = ("text", "id", "published", "title", "url", "source", "author")
DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text",), "id": ("id", "doc_id"), "published": ("published", "date"),
    "title": ("title",), "url": ("url",), "source": ("source",), "author": ("author",),
}
# the command-line option that sets each field, for messages
OPTION = {"text": "--text-column", "id": "--id-column", "published": "--date-column",
          "title": "--title-column", "url": "--url-column", "source": "--columns", "author": "--columns"}
_ALIASES = {"date": "published", "doc_id": "id"}


@dataclass(frozen=True, slots=True)
class Columns:
    """Field -> the column names it may be read from (first present wins); ``given``
    lists the fields the user named (their columns must exist)."""

    names: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_NAMES))
    given: frozenset[str] = frozenset()

    @classmethod
    def of(cls, mapping: Mapping[str, str | None] | None = None) -> Columns:
        """Default names, with the fields in ``mapping`` (field -> column; None or ''
        leaves the default) renamed. Raises InputError for an unknown field."""
        names = dict(DEFAULT_NAMES)
        given = set()
        for key, column in (mapping or {}).items():
            fname = _ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
            if fname not in FIELDS:
                raise InputError(f"unknown field {key!r} (fields: {', '.join(FIELDS)}; 'date' = published)")
            if column is None or column == "":
                continue
            if not isinstance(column, str):
                raise InputError(f"column for {key!r} must be a name, got {type(column).__name__}")
            names[fname] = (column.strip(),)
            given.add(fname)
        return cls(names, frozenset(given))

    def merged(self, other: Columns) -> Columns:
        """These columns, with the fields ``other`` names replacing them."""
        names = dict(self.names)
        names.update({f: other.names[f] for f in other.given})
        return Columns(names, self.given | other.given)

    def resolve(self, keys: Iterable[str]) -> dict[str, str]:
        """field -> the key of ``keys`` to read it from (exact match first, then any case)."""
        keys = list(keys)
        lower: dict[str, str] = {}
        for k in keys:
            lower.setdefault(k.lower(), k)
        exact = set(keys)
        out = {}
        for fname, cands in self.names.items():
            for c in cands:
                if c in exact:
                    out[fname] = c
                    break
                if c.lower() in lower:
                    out[fname] = lower[c.lower()]
                    break
        return out

    def missing(self, keys: Iterable[str]) -> str | None:
        """"has no 'X' column" when a header lacks the text column or a column the user named."""
        found = self.resolve(keys)
        for fname in FIELDS:
            if fname not in found and (fname == "text" or fname in self.given):
                how = f" ({OPTION[fname]})" if fname in self.given else ""
                return f"has no {self.names[fname][0]!r} column{how}"
        return None


DEFAULT = Columns()


def read_columns(path: str | Path) -> Columns:
    """A mapping file (.yaml/.yml or .json): an object of field -> column name.
    Raises InputError naming the file when it cannot be used."""
    path = Path(path)
    loc = where(path)
    try:
        text, _ = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{loc}: cannot read: {exc.strerror or exc}") from None
    except InputError as exc:
        raise InputError(f"{loc}: {exc}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
        raise InputError(f"{loc}: not valid JSON: {exc}") from None
    except Exception as exc:  # yaml.YAMLError and its kin
        msg = " ".join(str(exc).split())[:200]
        raise InputError(f"{loc}: not valid YAML: {msg}") from None
    if not isinstance(data, dict):
        raise InputError(f"{loc}: expected a mapping of field: column, got {type(data).__name__}")
    try:
        return Columns.of({str(k): v for k, v in data.items()})
    except InputError as exc:
        raise InputError(f"{loc}: {exc}") from None


def columns_from(mapping_file: str | Path | None = None, **given: str | None) -> Columns:
    """The columns of a run: a mapping file's, then the fields named one by one
    (``text=``, ``id=``, ``published=``, ``title=``, ``url=``, ...) over them."""
    base = read_columns(mapping_file) if mapping_file is not None else DEFAULT
    return base.merged(Columns.of(given))
