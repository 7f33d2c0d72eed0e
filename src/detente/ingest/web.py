"""Web inputs: URLs of pages, feeds and sitemaps, and files that list URLs one per line.

A page becomes one Document (trafilatura, as for an .html file; plain text as a .txt
file): ``path`` is the URL as requested, ``url`` the URL it was read from after
redirects. A feed or sitemap is read for the pages it lists, and each page takes the
item's date when its own metadata has none (``published_how`` 'feed'). A URL that cannot
be fetched is one IngestIssue naming it and the reason; the other URLs go on.

With ``new_only`` (``detente watch``), pages and failures already in the fetch cache are
passed over silently: only what a feed lists for the first time is read.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from detente.ingest.feeds import _url_lines, clean_url, kind_of, read_listing
from detente.ingest.fetch import Fetched, FetchFailure, Fetcher
from detente.ingest.readers import InputError, Record, decode_bytes, read_html, read_text, where
from detente.model import IngestIssue

MAX_SITEMAPS = 100  # sitemaps followed from one sitemap index (and its sub-indexes)
MAX_DEPTH = 3  # sitemap index -> sitemap index -> sitemap
PREFETCH = 32  # a listing's items looked up in the fetch cache together
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def url_scheme(arg: str) -> str | None:
    """The scheme of an argument written as a URL ('https', 'ftp'), else None."""
    m = _SCHEME.match(arg)
    return m.group(1).lower() if m else None


def url_list(data: bytes) -> list[tuple[int, str]] | None:
    """(line, URL) of a file that lists URLs one per line ('#' comments and blank lines
    allowed), or None when it is not such a file (every other line a single token with '://')."""
    try:
        text, _ = decode_bytes(data)
    except InputError:
        return None
    if _url_lines(text) is None:
        return None
    return [(n, ln.strip()) for n, ln in enumerate(text.splitlines(), start=1)
            if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass
class _Walk:
    fetcher: Fetcher
    published: date | None
    new_only: bool
    sitemaps_left: int = MAX_SITEMAPS


def read_url(arg: str, fetcher: Fetcher, published: date | None = None, *, new_only: bool = False) -> Iterator[Record]:
    """The documents of one URL argument: a page, or the pages of a feed or sitemap."""
    url = clean_url(arg)
    if url is None:
        yield IngestIssue(arg, None, "not a valid http(s) URL")
        return
    yield from _read(_Walk(fetcher, published, new_only), url)


def read_url_list(path: Path, lines: list[tuple[int, str]], fetcher: Fetcher, published: date | None = None, *,
                  new_only: bool = False) -> Iterator[Record]:
    """The documents of the URLs a file lists (:func:`url_list`), in order."""
    walk = _Walk(fetcher, published, new_only)
    loc = where(path)
    for start in range(0, len(lines), PREFETCH):
        chunk = [(n, raw, clean_url(raw)) for n, raw in lines[start:start + PREFETCH]]
        fetcher.prefetch([url for _, _, url in chunk if url is not None])
        for lineno, raw, url in chunk:
            if url is None:
                yield IngestIssue(loc, lineno, f"not an http(s) URL: {raw[:200]!r}")
            else:
                yield from _read(walk, url, listed_in=f"{loc}:{lineno}")


def _as_utf8(got: Fetched) -> bytes:
    """The body in UTF-8 when the server named its charset (else as sent: the readers guess)."""
    cs = got.charset
    if cs is None or cs.lower().replace("-", "") == "utf8":
        return got.body
    try:
        return got.body.decode(cs).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return got.body


def _read(walk: _Walk, url: str, *, listed_in: str | None = None, listed: date | None = None,
          depth: int = 0, in_index: bool = False) -> Iterator[Record]:
    where_from = f" (listed in {listed_in})" if listed_in else ""
    got = walk.fetcher.get(url)
    if isinstance(got, FetchFailure):
        if not (walk.new_only and got.from_cache):
            yield IngestIssue(url, None, got.reason + where_from)
        return
    kind = kind_of(got.media_type, got.body)
    if kind in ("feed", "sitemap"):
        if depth and not (kind == "sitemap" and in_index and depth <= MAX_DEPTH):
            yield IngestIssue(url, None, f"a {kind}{where_from}; not followed (give it as an argument)")
            return
        if got.from_cache:  # a feed changes: ask whether it did
            got = walk.fetcher.get(url, revalidate=True)
            if isinstance(got, FetchFailure):
                yield IngestIssue(url, None, got.reason + where_from)
                return
        yield from _listing(walk, url, got.body, got.final_url, kind, depth)
        return
    if walk.new_only and got.from_cache:
        return
    if kind == "html":
        yield from read_html(url, _as_utf8(got), walk.published, url=got.final_url, listed=listed)
    elif kind == "text":
        yield from read_text(url, _as_utf8(got), walk.published, url=got.final_url, listed=listed)
    else:
        what = got.media_type or "none given"
        yield IngestIssue(url, None, f"not HTML: content type {what}{where_from}")


def read_feed_file(path: Path, data: bytes, fetcher: Fetcher, published: date | None = None, *,
                   new_only: bool = False) -> Iterator[Record]:
    """The pages a feed or sitemap saved as a file lists (fetched from the web)."""
    loc = where(path)
    kind = kind_of("", data)
    if kind not in ("feed", "sitemap"):
        yield IngestIssue(loc, None, "not a feed or sitemap (RSS, Atom, RDF, urlset or sitemapindex)")
        return
    yield from _listing(_Walk(fetcher, published, new_only), loc, data, None, kind, 0)


def _listing(walk: _Walk, url: str, body: bytes, base: str | None, kind: str, depth: int) -> Iterator[Record]:
    listing = read_listing(kind, body, base)
    for bad in listing.bad:
        yield IngestIssue(url, None, f"{kind} entry without an http(s) link: {bad!r}")
    if not listing.items and not listing.sitemaps:
        yield IngestIssue(url, None, f"{kind} lists no pages")
    for sm in listing.sitemaps:
        if walk.sitemaps_left <= 0:
            yield IngestIssue(url, None, f"more than {MAX_SITEMAPS} sitemaps; the rest not followed")
            break
        walk.sitemaps_left -= 1
        yield from _read(walk, sm, listed_in=url, depth=depth + 1, in_index=True)
    for start in range(0, len(listing.items), PREFETCH):
        chunk = listing.items[start:start + PREFETCH]
        walk.fetcher.prefetch([item.url for item in chunk])
        for item in chunk:
            yield from _read(walk, item.url, listed_in=url, listed=item.published, depth=depth + 1)


def fetcher_for(db: str | Path, *, delay: float | None = None, user_agent: str | None = None,
                refresh: bool = False) -> Fetcher:
    """A fetcher whose cache is the ``fetch_cache`` table of database ``db`` (the default
    policy, with the delay between requests to a host and the User-Agent if given)."""
    from dataclasses import replace

    from detente.ingest.cache import DbCache
    from detente.ingest.fetch import FetchPolicy

    policy = FetchPolicy()
    if delay is not None:
        policy = replace(policy, delay=max(0.0, delay))
    if user_agent:
        policy = replace(policy, user_agent=user_agent)
    return Fetcher(policy, DbCache(db), refresh=refresh)
