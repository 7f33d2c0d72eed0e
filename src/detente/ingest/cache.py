"""The fetch cache: what the fetcher got for a URL, so that a re-run fetches nothing it has.

:class:`DbCache` keeps it in the ``fetch_cache`` table of the detente database itself
(one file: documents, events and what they were fetched from; schema in
``detente.store.schema``); :class:`MemoryCache` keeps it for one process. The fetcher
(``detente.ingest.fetch``) decides what a stored entry is good for: a page for ever, a
feed until the server says it changed, robots.txt and failures for a day.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol


@dataclass(slots=True)
class CacheEntry:
    """A stored response (``error`` None) or a remembered permanent failure (``error``)."""

    url: str  # as requested
    final_url: str | None  # after redirects
    status: int | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes | None
    error: str | None
    fetched_at: datetime  # aware, UTC


class FetchCache(Protocol):
    def get(self, url: str) -> CacheEntry | None: ...

    def put(self, entry: CacheEntry, *, create: bool = True) -> None:
        """Store ``entry``; with ``create`` False, only where the cache already exists
        (a failure alone never creates a database)."""


class MemoryCache:
    """A cache for one process (tests, library use without a database)."""

    def __init__(self) -> None:
        self.entries: dict[str, CacheEntry] = {}

    def get(self, url: str) -> CacheEntry | None:
        return self.entries.get(url)

    def put(self, entry: CacheEntry, *, create: bool = True) -> None:
        self.entries[entry.url] = entry


_COLUMNS = "url, final_url, status, content_type, etag, last_modified, body, error, fetched_at"


class DbCache:
    """The ``fetch_cache`` table of a detente database. The file is opened for each call
    and closed again (as the coding run does), so other processes can read it between.

    Entries put with ``create=False`` before the file exists (robots.txt, failures) wait
    in memory, and are stored with the first entry that creates it."""

    def __init__(self, db: str | Path):
        self.db = Path(db)
        self._waiting: dict[str, CacheEntry] = {}

    def get(self, url: str) -> CacheEntry | None:
        if not self.db.exists():
            return self._waiting.get(url)
        from detente.store import Store

        with Store(self.db) as st:
            row = st.con.execute(f"SELECT {_COLUMNS} FROM fetch_cache WHERE url = ?", [url]).fetchone()
        if row is None:
            return None
        *head, body, error, at = row
        return CacheEntry(*head, zlib.decompress(body) if body is not None else None, error,
                          at.replace(tzinfo=timezone.utc))

    def put(self, entry: CacheEntry, *, create: bool = True) -> None:
        if not create and not self.db.exists():
            self._waiting[entry.url] = entry
            return
        from detente.store import Store

        entries = [*self._waiting.values(), entry]
        self._waiting.clear()
        rows = [[e.url, e.final_url, e.status, e.content_type, e.etag, e.last_modified,
                 zlib.compress(e.body, 6) if e.body is not None else None, e.error,
                 e.fetched_at.astimezone(timezone.utc).replace(tzinfo=None)] for e in entries]
        with Store(self.db) as st:
            st.con.executemany(f"INSERT OR REPLACE INTO fetch_cache ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               rows)
