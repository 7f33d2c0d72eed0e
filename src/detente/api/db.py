"""Read-only access to a detente database for the API, safe next to a writer process.

DuckDB lets one process write a database file, or any number read it, not both:
a read-only connection held open blocks a coding run, and a coding run makes
opening fail. So the API

  * opens the file read-only on demand and shares one connection (a cursor per
    request) while requests keep coming;
  * closes it once no request has used it for ``linger_s``, and at the latest
    ``max_hold_s`` after opening (finishing the requests in flight, then leaving
    the file alone for ``yield_s``), so a writer waiting for the lock gets it;
  * when a writer holds the lock, retries opening for ``open_retry_s`` and then
    raises DatabaseUnavailable (the API answers 503);
  * interrupts a request's query after its timeout (QueryTimeout, answered 504).
"""
from __future__ import annotations

import atexit
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from detente.store.db import join_connect
from detente.store.schema import SCHEMA_VERSION


_OPEN: weakref.WeakSet[Database] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:  # close connections still open at exit (quiet interpreter shutdown)
    for db in list(_OPEN):
        db.close()


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened now (a writer holds it, or it is not a detente db)."""


class QueryTimeout(RuntimeError):
    pass


class Database:
    def __init__(
        self,
        path: str | Path,
        *,
        linger_s: float = 2.0,
        max_hold_s: float = 30.0,
        yield_s: float = 0.3,
        open_retry_s: float = 2.0,
        threads: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.linger_s, self.max_hold_s, self.yield_s = linger_s, max_hold_s, yield_s
        self.open_retry_s = open_retry_s
        self.threads = threads
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._opened_at = 0.0
        self._last_used = 0.0
        self._retiring = False
        self._reopen_after = 0.0
        self._failed_until = 0.0
        self._failure = ""
        self._stop = threading.Event()
        self._reaper: threading.Thread | None = None
        self.fingerprint: tuple = ()  # what the data looked like when last opened
        _OPEN.add(self)

    # -- opening and closing -------------------------------------------------------------
    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.path.exists():
            raise DatabaseUnavailable(f"database {self.path.name} does not exist")
        deadline = time.monotonic() + self.open_retry_s
        while True:
            try:
                con = join_connect(self.path, read_only=True)
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                    raise DatabaseUnavailable(
                        "the database is being written by another process (a coding run); "
                        "try again when it has finished"
                    ) from exc
                time.sleep(0.05)
        try:
            for stmt in ("SET enable_progress_bar = false", "SET python_enable_replacements = false"):
                con.execute(stmt)
            if self.threads:
                con.execute(f"SET threads = {int(self.threads)}")
            row = con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone() if self._has_meta(con) else None
            version = int(row[0]) if row else 0
            if version != SCHEMA_VERSION:
                raise DatabaseUnavailable(
                    f"database schema version {version}, this detente reads {SCHEMA_VERSION}: "
                    "run `detente migrate` (or upgrade detente)"
                )
            self.fingerprint = self._fingerprint(con)
        except Exception:
            con.close()
            raise
        return con

    @staticmethod
    def _fingerprint(con: duckdb.DuckDBPyConnection) -> tuple:
        """Changes whenever a writer changed the data (counts, last coding time, tables)."""
        row = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents), "
            "(SELECT CAST(max(coded_at) AS VARCHAR) FROM documents), "
            "(SELECT count(*) FROM ingest_issues), "
            "(SELECT string_agg(table_name || ':' || estimated_size, ',' ORDER BY table_name) "
            " FROM duckdb_tables() WHERE NOT temporary)"
        ).fetchone()
        return tuple(row)

    @staticmethod
    def _has_meta(con: duckdb.DuckDBPyConnection) -> bool:
        return bool(con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND NOT temporary"
        ).fetchone()[0])

    def _close_locked(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._retiring = False

    def close(self) -> None:
        self._stop.set()
        with self._cond:
            self._close_locked()
            self._cond.notify_all()

    def _reap(self) -> None:
        while not self._stop.wait(min(0.25, self.linger_s / 2)):
            with self._cond:
                idle = time.monotonic() - self._last_used
                if self._con is not None and self._users == 0 and idle >= self.linger_s:
                    self._close_locked()

    # -- per request -----------------------------------------------------------------------
    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._cond:
            if self._reaper is None:
                self._reaper = threading.Thread(target=self._reap, name="detente-db-reaper", daemon=True)
                self._reaper.start()
            give_up = time.monotonic() + self.open_retry_s + self.yield_s + 5.0
            while True:
                now = time.monotonic()
                if now > give_up:
                    raise DatabaseUnavailable("timed out waiting for the database")
                if self._con is not None and not self._retiring:
                    if now - self._opened_at <= self.max_hold_s:
                        self._users += 1
                        return self._con
                    self._retiring = True  # let a waiting writer in after the requests in flight
                if self._retiring:
                    if self._users:
                        self._cond.wait(0.05)
                        continue
                    self._close_locked()
                    self._reopen_after = now + self.yield_s
                if now < self._reopen_after:
                    self._cond.wait(self._reopen_after - now)
                    continue
                if now < self._failed_until:
                    raise DatabaseUnavailable(self._failure)
                try:
                    self._con = self._open()
                except DatabaseUnavailable as exc:
                    self._failed_until, self._failure = time.monotonic() + 0.5, str(exc)
                    raise
                self._opened_at = time.monotonic()
                self._users += 1
                return self._con

    def _release(self) -> None:
        with self._cond:
            self._users -= 1
            self._last_used = time.monotonic()
            self._cond.notify_all()

    @contextmanager
    def cursor(self, timeout_s: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request; its queries are interrupted after ``timeout_s``."""
        con = self._acquire()
        try:
            cur = con.cursor()
        except Exception:
            self._release()
            raise
        fired = threading.Event()

        def interrupt() -> None:
            fired.set()
            cur.interrupt()

        timer = threading.Timer(timeout_s, interrupt) if timeout_s else None
        if timer:
            timer.daemon = True
            timer.start()
        try:
            yield cur
        except (duckdb.InterruptException, duckdb.Error) as exc:
            if fired.is_set():
                raise QueryTimeout(f"the query took longer than {timeout_s:g} s") from exc
            raise
        finally:
            if timer:
                timer.cancel()
            cur.close()
            self._release()
