"""A polite HTTP fetcher for web pages, feeds and sitemaps.

Politeness and safety, each a :class:`FetchPolicy` setting (docs/ingest.md):

- a User-Agent naming detente; robots.txt obeyed (``urllib.robotparser``, RFC 9309:
  a robots.txt that answers 4xx allows everything, one that answers 5xx forbids
  everything for now), its Crawl-delay honoured, kept for a day;
- one request at a time, and at least ``delay`` seconds between two requests to a host;
- connect, read and whole-response timeouts; retries with exponential backoff (and
  Retry-After) for transient errors only: timeouts, refused or broken connections,
  HTTP 408, 425, 429, 500, 502, 503, 504;
- at most ``max_bytes`` read, on the wire and once decompressed (gzip/deflate are
  decompressed here, bounded, so a decompression bomb stops at the limit);
- redirects followed by hand (robots.txt checked at every hop), loops and chains
  longer than ``max_redirects`` refused; only HTML, XML/feeds, JSON feeds and plain
  text are read (the body of a PDF or image is never downloaded).

With a :class:`detente.ingest.cache.FetchCache`, a page fetched once is never fetched
again (``refresh`` forces), a feed or sitemap is revalidated with a conditional
request (ETag / Last-Modified), and a permanent failure (HTTP 404, robots.txt, too
large, not HTML, redirect loop) is remembered for ``failure_ttl`` seconds.
"""
from __future__ import annotations

import http
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from detente.ingest.cache import CacheEntry, FetchCache


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("detente")
    except Exception:  # noqa: BLE001 - not installed as a package (a source checkout)
        return "0"


DEFAULT_USER_AGENT = f"detente/{_version()} (political event coder; obeys robots.txt)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})
# Content types read: web pages, feeds and sitemaps (XML, JSON feeds), plain text.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
READABLE_TYPES = HTML_TYPES | frozenset({
    "text/plain", "text/xml", "application/xml", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/feed+json", "application/json", "text/rss+xml", "text/atom+xml",
    "application/x-rss+xml", "application/x-atom+xml",
})
_CHUNK = 64 * 1024
UNREACHABLE_TTL = 600.0  # seconds a host whose robots.txt could not be fetched is left alone


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay if longer)
    max_delay: float = 60.0  # the longest Crawl-delay honoured
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two reads
    total_timeout: float = 60.0  # for a whole response
    retries: int = 2  # more tries after the first, for transient errors
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_backoff: float = 60.0  # the longest wait (also caps Retry-After)
    max_bytes: int = 10 * 1024 * 1024  # per response, compressed and decompressed
    max_redirects: int = 5
    robots_ttl: float = 24 * 3600.0  # seconds a robots.txt is kept
    failure_ttl: float = 24 * 3600.0  # seconds a permanent failure is remembered (0: never)


@dataclass(slots=True)
class Fetched:
    """A response body (from the network, or from the cache)."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str  # the Content-Type header as sent ('' if none)
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    from_cache: bool = False
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            k, _, v = part.partition("=")
            if k.strip().lower() == "charset" and v.strip():
                return v.strip().strip("\"'")
        return None


@dataclass(slots=True)
class FetchFailure:
    """Why a URL could not be fetched, in a few words; ``permanent`` failures are remembered."""

    url: str
    reason: str
    permanent: bool = False
    from_cache: bool = False


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


class _Stop(Exception):
    """A failure inside the request machinery, carried out to ``get``."""

    def __init__(self, reason: str, permanent: bool = False, transient: bool = False, retry_after: float = 0.0,
                 status: int | None = None):
        super().__init__(reason)
        self.reason, self.permanent, self.transient = reason, permanent, transient
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)
        self.status = status  # the HTTP status, when the server answered


@dataclass(slots=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _origin(url: str) -> str:
    s = urlsplit(url)
    return f"{s.scheme.lower()}://{s.netloc.lower()}"


def _phrase(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _age(then: datetime) -> float:
    return (datetime.now(timezone.utc) - then).total_seconds()


class Fetcher:
    """Fetches URLs one at a time under a :class:`FetchPolicy`. Use as a context manager
    (or call :meth:`close`). ``clock`` and ``sleep`` are injectable for tests."""

    def __init__(self, policy: FetchPolicy | None = None, cache: FetchCache | None = None, *,
                 refresh: bool = False, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        import urllib3

        self.policy = policy or FetchPolicy()
        self.cache = cache
        self.refresh = refresh
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}  # host -> when its last request started
        # origin -> (its rules, or why there are none; when loaded)
        self._robots: dict[str, tuple[RobotFileParser | _Stop, float]] = {}
        self._crawl_delay: dict[str, float] = {}  # host -> robots.txt Crawl-delay
        self._pool = urllib3.PoolManager(
            num_pools=32, retries=False,
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"},
        )

    def close(self) -> None:
        self.flush()
        self._pool.clear()

    def flush(self) -> None:
        """Write what the cache holds back (the end of a run's reading)."""
        if self.cache is not None:
            self.cache.flush()

    def prefetch(self, urls: list[str]) -> None:
        """Tell the cache which URLs come next (one query for a feed's items)."""
        if self.cache is not None and not self.refresh:
            self.cache.prefetch(urls)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the one entry point ------------------------------------------------------------
    def get(self, url: str, *, revalidate: bool = False) -> Fetched | FetchFailure:
        """The body at ``url``: from the cache when stored (``revalidate`` asks the server
        whether it changed, as for a feed), else from the network."""
        entry = self.cache.get(url) if self.cache is not None else None
        if entry is not None and not self.refresh:
            if entry.error is not None and _age(entry.fetched_at) < self.policy.failure_ttl:
                return FetchFailure(url, entry.error, permanent=True, from_cache=True)
            if entry.error is None and not revalidate:
                return self._from_entry(entry)
        validators = entry if entry is not None and entry.error is None and revalidate else None
        try:
            final, ans = self._follow(url, validators)
        except _Stop as stop:
            failure = FetchFailure(url, stop.reason, permanent=stop.permanent)
            if stop.permanent and self.cache is not None and self.policy.failure_ttl > 0:
                self.cache.put(CacheEntry(url, None, None, None, None, None, None, stop.reason,
                                          datetime.now(timezone.utc)), create=False)
            return failure
        now = datetime.now(timezone.utc)
        if ans.status == 304 and validators is not None:
            validators.fetched_at = now
            if self.cache is not None:
                self.cache.put(validators, create=False)
            return self._from_entry(validators)
        got = Fetched(url, final, ans.status, ans.headers.get("content-type", ""), ans.body,
                      ans.headers.get("etag"), ans.headers.get("last-modified"), fetched_at=now)
        if self.cache is not None:
            self.cache.put(CacheEntry(url, final, got.status, got.content_type, got.etag, got.last_modified,
                                      got.body, None, now))
        return got

    @staticmethod
    def _from_entry(e: CacheEntry) -> Fetched:
        return Fetched(e.url, e.final_url or e.url, e.status or 200, e.content_type or "", e.body or b"",
                       e.etag, e.last_modified, from_cache=True, fetched_at=e.fetched_at)

    # -- redirects and robots.txt ---------------------------------------------------------
    def _follow(self, url: str, validators: CacheEntry | None) -> tuple[str, _Answer]:
        chain = [url]
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_robots(current, redirected=len(chain) > 1)
            headers = {}
            if validators is not None:
                if validators.etag:
                    headers["If-None-Match"] = validators.etag
                if validators.last_modified:
                    headers["If-Modified-Since"] = validators.last_modified
            ans = self._request(current, headers, accept=READABLE_TYPES)
            if ans.status not in REDIRECTS:
                return current, ans
            nxt = self._redirect_target(current, ans)
            if nxt in chain:
                raise _Stop("redirect loop: " + " -> ".join([*chain[chain.index(nxt):], nxt]), permanent=True)
            chain.append(nxt)
            current = nxt
        raise _Stop(f"too many redirects (more than {self.policy.max_redirects})", permanent=True)

    @staticmethod
    def _redirect_target(current: str, ans: _Answer) -> str:
        loc = ans.headers.get("location")
        if not loc:
            raise _Stop(f"{_phrase(ans.status)} without a Location", permanent=True)
        nxt = urljoin(current, loc.strip()).split("#")[0]
        if urlsplit(nxt).scheme not in ("http", "https"):
            raise _Stop(f"redirected to a URL that is not http(s): {nxt[:200]}", permanent=True)
        return nxt

    def _check_robots(self, url: str, redirected: bool = False) -> None:
        origin = _origin(url)
        rules, when = self._robots.get(origin, (None, 0.0))
        ttl = UNREACHABLE_TTL if isinstance(rules, _Stop) else self.policy.robots_ttl
        if rules is None or self._clock() - when > ttl:
            rules = self._load_robots(origin)
            self._robots[origin] = (rules, self._clock())
        if isinstance(rules, _Stop):
            raise rules
        if not rules.can_fetch(self.policy.user_agent, url):
            where = f" (redirected to {url})" if redirected else ""
            raise _Stop(f"forbidden by robots.txt{where}", permanent=True)

    def _load_robots(self, origin: str) -> RobotFileParser | _Stop:
        robots_url = origin + "/robots.txt"
        rules = RobotFileParser(robots_url)
        entry = self.cache.get(robots_url) if self.cache is not None else None
        if entry is not None and entry.error is None and _age(entry.fetched_at) < self.policy.robots_ttl:
            status, body = entry.status or 200, entry.body or b""
        else:
            try:
                status, body = self._robots_body(robots_url)
            except _Stop as stop:
                if stop.status is None:  # no answer at all
                    if stop.transient:  # unreachable: RFC 9309 says assume everything is forbidden
                        return stop
                    rules.allow_all = True  # unknown host, TLS error: the page's own fetch will say so
                    return rules
                status, body = stop.status, b""
            if self.cache is not None and status < 500:
                self.cache.put(CacheEntry(robots_url, robots_url, status, "text/plain", None, None, body, None,
                                          datetime.now(timezone.utc)), create=False)
        if status >= 500:  # RFC 9309: a server error means everything is forbidden, for now
            return _Stop(f"robots.txt answered {_phrase(status)}; nothing fetched from {origin} for now")
        if status >= 400:  # RFC 9309: no robots.txt (4xx) means everything is allowed
            rules.allow_all = True
        else:
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
        if (cd := rules.crawl_delay(self.policy.user_agent)) is not None:
            self._crawl_delay[_host(origin)] = min(float(cd), self.policy.max_delay)
        return rules

    def _robots_body(self, robots_url: str) -> tuple[int, bytes]:
        current = robots_url
        for _ in range(self.policy.max_redirects + 1):  # RFC 9309: follow at least five
            ans = self._request(current, {}, accept=None, limit=512 * 1024)
            if ans.status not in REDIRECTS:
                return ans.status, ans.body if ans.status < 300 else b""
            current = self._redirect_target(current, ans)
        return 404, b""

    # -- one request, with retries -------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        delay = max(self.policy.delay, self._crawl_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _request(self, url: str, headers: dict[str, str], accept: frozenset[str] | None,
                 limit: int | None = None) -> _Answer:
        """One GET (redirects not followed), retried on transient errors. Answers 2xx, 3xx
        and 304; raises _Stop for everything else."""
        p = self.policy
        last: _Stop | None = None
        for attempt in range(p.retries + 1):
            if attempt:
                wait = min(p.backoff * 2 ** (attempt - 1), p.max_backoff)
                self._sleep(max(wait, last.retry_after if last is not None else 0.0))
            try:
                return self._request_once(url, headers, accept, limit or p.max_bytes)
            except _Stop as stop:
                if not stop.transient:
                    raise
                last = stop
        assert last is not None
        tries = p.retries + 1
        raise _Stop(f"{last.reason} ({tries} tries)" if tries > 1 else last.reason, transient=True,
                    status=last.status)

    def _request_once(self, url: str, headers: dict[str, str], accept: frozenset[str] | None,
                      limit: int) -> _Answer:
        import urllib3
        from urllib3 import exceptions as ux

        p = self.policy
        self._wait_turn(_host(url))
        deadline = self._clock() + p.total_timeout
        try:
            resp = self._pool.request(
                "GET", url, headers=headers or None, redirect=False, preload_content=False, decode_content=False,
                timeout=urllib3.Timeout(connect=p.connect_timeout, read=p.read_timeout),
            )
        except ux.NameResolutionError:
            raise _Stop(f"unknown host {urlsplit(url).hostname!r}", permanent=False) from None
        except ux.NewConnectionError as exc:
            raise _Stop(f"cannot connect: {_why(exc)}", transient=True) from None
        except ux.ConnectTimeoutError:
            raise _Stop(f"timed out connecting (after {p.connect_timeout:g} s)", transient=True) from None
        except ux.TimeoutError:
            raise _Stop(f"timed out waiting for an answer (after {p.read_timeout:g} s)", transient=True) from None
        except ux.SSLError as exc:
            raise _Stop(f"TLS error: {_why(exc)}") from None
        except (ux.HTTPError, OSError) as exc:
            raise _Stop(f"connection failed: {_why(exc)}", transient=True) from None
        complete = False  # the body read to its end: the connection can serve the next request
        try:
            hdrs = {k.lower(): v for k, v in resp.headers.items()}
            status = resp.status
            if status in REDIRECTS or status == 304:
                return _Answer(status, hdrs, b"")
            if status in TRANSIENT:
                raise _Stop(_phrase(status), transient=True, status=status,
                            retry_after=_retry_after(hdrs.get("retry-after"), p.max_backoff))
            if not 200 <= status < 300:
                raise _Stop(_phrase(status), permanent=400 <= status < 500, status=status)
            ctype = media_type(hdrs.get("content-type", ""))
            if accept is not None and ctype and ctype not in accept:
                raise _Stop(f"not HTML: content type {ctype}", permanent=True)
            length = hdrs.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                raise _Stop(f"too large: {int(length)} bytes (Content-Length), limit {limit}", permanent=True)
            body = self._read_body(resp, hdrs.get("content-encoding", ""), limit, deadline)
            complete = True
            if accept is not None and not ctype and _binary(body):
                raise _Stop("not HTML: binary content without a content type", permanent=True)
            return _Answer(status, hdrs, body)
        except ux.TimeoutError:
            raise _Stop(f"timed out reading the response (nothing for {p.read_timeout:g} s)", transient=True) from None
        except (ux.HTTPError, OSError) as exc:
            raise _Stop(f"connection broken: {_why(exc)}", transient=True) from None
        finally:
            if not complete:  # a body left unread (refused, too large, an error page): never reuse
                resp.close()
            resp.release_conn()

    def _read_body(self, resp, encoding: str, limit: int, deadline: float) -> bytes:
        enc = encoding.strip().lower()
        if enc in ("gzip", "x-gzip"):
            dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            dec = zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib-wrapped (or gzip)
        elif enc in ("", "identity"):
            dec = None
        else:
            raise _Stop(f"unsupported Content-Encoding {enc!r}", permanent=True)
        out = bytearray()
        wire = 0
        while True:
            if self._clock() > deadline:
                raise _Stop(f"timed out: the response took more than {self.policy.total_timeout:g} s", transient=True)
            chunk = resp.read1(_CHUNK, decode_content=False)  # what has arrived, so the deadline is seen
            if not chunk:
                break
            wire += len(chunk)
            if wire > limit:
                raise _Stop(f"too large: more than {limit} bytes", permanent=True)
            if dec is None:
                out += chunk
                continue
            try:
                out += dec.decompress(chunk, limit - len(out) + 1)
            except zlib.error as exc:
                raise _Stop(f"corrupt {enc} body: {exc}", permanent=True) from None
            if len(out) > limit or dec.unconsumed_tail:
                raise _Stop(f"too large: more than {limit} bytes once decompressed "
                            f"({wire} bytes of {enc}; a decompression bomb?)", permanent=True)
        if dec is not None:
            out += dec.flush()
            if len(out) > limit:
                raise _Stop(f"too large: more than {limit} bytes once decompressed", permanent=True)
        return bytes(out)


def _why(exc: BaseException) -> str:
    """The innermost reason of a urllib3/socket error, in a few words."""
    reason = getattr(exc, "reason", None) or exc
    text = str(reason)
    if "]" in text and "Errno" in text:
        text = text.split("]", 1)[1]
    text = text.split(": ", 1)[1] if text.startswith("<") and ": " in text else text
    return " ".join(text.split())[:160].strip(" >") or type(exc).__name__


def _retry_after(value: str | None, cap: float) -> float:
    if value and value.strip().isdigit():
        return min(float(value.strip()), cap)
    return 0.0


def _binary(body: bytes) -> bool:
    head = body[:1024]
    return b"\x00" in head or head.startswith((b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04"))
