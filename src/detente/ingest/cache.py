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

    def prefetch(self, urls: list[str]) -> None:
        """A hint: these URLs are about to be asked for."""

    def flush(self) -> None:
        """Write what is held back."""


class MemoryCache:
    """A cache for one process (tests, library use without a database)."""

    def __init__(self) -> None:
        self.entries: dict[str, CacheEntry] = {}

    def get(self, url: str) -> CacheEntry | None:
        return self.entries.get(url)

    def put(self, entry: CacheEntry, *, create: bool = True) -> None:
        self.entries[entry.url] = entry

    def prefetch(self, urls: list[str]) -> None:
        pass

    def flush(self) -> None:
        pass


_COLUMNS = "url, final_url, status, content_type, etag, last_modified, body, error, fetched_at"
FLUSH_ENTRIES = 32  # entries held back before they are written
FLUSH_BYTES = 8 * 1024 * 1024  # or bytes of bodies


class DbCache:
    """The ``fetch_cache`` table of a detente database.

    Opening the file costs tens of milliseconds, so the cache does not open it per URL:
    :meth:`prefetch` reads a listing's URLs in one query, and writes are held back and
    written together (every ``FLUSH_ENTRIES`` entries, and on :meth:`flush`, which the
    fetcher calls when a run's reading ends). Between those moments the file is closed,
    so other processes can open it. Entries put with ``create=False`` (robots.txt,
    failures) never create the file: they are written once it exists."""

    def __init__(self, db: str | Path):
        self.db = Path(db)
        self._held: dict[str, CacheEntry] = {}  # written on the next flush
        self._held_bytes = 0
        self._create = False  # whether a held entry may create the file
        self._read: dict[str, CacheEntry | None] = {}  # the last prefetch

    def get(self, url: str) -> CacheEntry | None:
        if url in self._held:
            return self._held[url]
        if url in self._read:
            return self._read[url]
        if not self.db.exists():
            return None
        return self._select([url]).get(url)

    def prefetch(self, urls: list[str]) -> None:
        want = [u for u in dict.fromkeys(urls) if u not in self._held]
        found = self._select(want) if want and self.db.exists() else {}
        self._read = {u: found.get(u) for u in want}

    def put(self, entry: CacheEntry, *, create: bool = True) -> None:
        self._held[entry.url] = entry
        self._read.pop(entry.url, None)
        self._held_bytes += len(entry.body or b"")
        self._create = self._create or create
        if len(self._held) >= FLUSH_ENTRIES or self._held_bytes >= FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self._held or not (self._create or self.db.exists()):
            return
        from detente.store import Store

        import pyarrow as pa

        held = list(self._held.values())

        def col(name: str, typ: pa.DataType, conv=lambda v: v) -> pa.Array:
            return pa.array([None if (v := getattr(e, name)) is None else conv(v) for e in held], typ)

        batch = pa.table({
            "url": col("url", pa.string()), "final_url": col("final_url", pa.string()),
            "status": col("status", pa.int32()), "content_type": col("content_type", pa.string()),
            "etag": col("etag", pa.string()), "last_modified": col("last_modified", pa.string()),
            "body": col("body", pa.binary(), lambda b: zlib.compress(b, 6)), "error": col("error", pa.string()),
            "fetched_at": col("fetched_at", pa.timestamp("us"),
                              lambda t: t.astimezone(timezone.utc).replace(tzinfo=None)),
        })
        with Store(self.db) as st:
            st.con.register("_detente_fetched", batch)
            try:
                st.con.execute(f"INSERT OR REPLACE INTO fetch_cache ({_COLUMNS}) "
                               f"SELECT {_COLUMNS} FROM _detente_fetched")
            finally:
                st.con.unregister("_detente_fetched")
        self._held.clear()
        self._held_bytes = 0
        self._create = False

    def _select(self, urls: list[str]) -> dict[str, CacheEntry]:
        from detente.store import Store

        with Store(self.db) as st:
            rows = st.con.execute(f"SELECT {_COLUMNS} FROM fetch_cache WHERE url IN (SELECT unnest(?))",
                                  [urls]).fetchall()
        out = {}
        for *head, body, error, at in rows:
            out[head[0]] = CacheEntry(*head, zlib.decompress(body) if body is not None else None, error,
                                      at.replace(tzinfo=timezone.utc))
        return out
