"""Feeds and sitemaps: what a fetched body is, and the pages (with dates) it lists.

Kinds of body (:func:`kind_of`): ``html`` (a page), ``text`` (plain text), ``feed``
(RSS 0.9x/1.0/2.0, Atom, JSON Feed), ``sitemap`` (an XML ``urlset`` or ``sitemapindex``,
or a plain-text list of URLs), or ``other``, from the root element and the content type;
trafilatura's feed test (``trafilatura.feeds``: feed content types, feed opening) decides
the odd cases, and its link finder reads a feed too broken for an XML parser.

Items are read here, with their dates, which trafilatura does not return (and its
sitemap reader drops links to hosts without a domain name, such as a server on
127.0.0.1): RSS ``pubDate``/``dc:date``, Atom ``published`` (else ``updated``), JSON
Feed ``date_published``, news-sitemap ``news:publication_date`` (a sitemap's
``lastmod`` is when a page changed, not when it was published, and is not taken).
Links are made absolute and cleaned with courlan (tracking parameters and fragments
dropped).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

MAX_ITEMS = 50_000  # the most URLs one sitemap may list (sitemaps.org)
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<([A-Za-z_][\w.:-]*)", re.S)


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    published: date | None = None


@dataclass(slots=True)
class Listing:
    kind: str  # "feed" or "sitemap"
    items: list[Item] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # a sitemap index's sitemaps
    bad: list[str] = field(default_factory=list)  # entries without a usable http(s) link


def clean_url(url: str, base: str | None = None) -> str | None:
    """An absolute http(s) URL, cleaned (courlan: host lowercased, default port and
    tracking parameters dropped; fragment dropped); None when it is not one."""
    from courlan import clean_url as courlan_clean
    from courlan import is_valid_url

    url = url.strip()
    if base is not None:
        url = urljoin(base, url)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    cleaned = courlan_clean(url) or url
    cleaned = cleaned.split("#", 1)[0]
    return cleaned if is_valid_url(cleaned) else None


def _url_lines(text: str) -> list[str] | None:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if lines and all(len(ln.split()) == 1 and "://" in ln for ln in lines):
        return lines
    return None


def kind_of(media_type: str, body: bytes) -> str:
    """What a fetched body is: html, text, feed, sitemap or other."""
    from trafilatura.feeds import FEED_TYPES, is_potential_feed

    head = body[:2048]
    m = _XML_START.match(head)
    root = m.group(1).decode("ascii", "replace").split(":")[-1].lower() if m else ""
    if root in ("rss", "rdf", "feed"):
        return "feed"
    if root in ("urlset", "sitemapindex"):
        return "sitemap"
    if root == "html" or media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if media_type in ("application/feed+json", "application/json") and text.startswith("{"):
        return "feed" if "jsonfeed.org" in text[:300] else "other"
    if not root and (media_type in FEED_TYPES or not media_type) and is_potential_feed(text):
        return "feed"  # no root element found at the start (junk before it): trafilatura's test
    if media_type in ("text/plain", ""):
        if _url_lines(body[:1_000_000].decode("utf-8", "replace")) is not None:
            return "sitemap"
        return "text" if media_type == "text/plain" else "other"
    return "other"


def item_date(value: str | None) -> date | None:
    """A feed date: RFC 822 (RSS), ISO 8601 (Atom, sitemaps, JSON Feed); None if neither."""
    if not value or not value.strip():
        return None
    s = value.strip()
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el, *names: str) -> str | None:
    for name in names:
        for c in el:
            if _local(c.tag) == name and (c.text or "").strip():
                return c.text.strip()
    return None


def _xml_root(body: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None


def _add(listing: Listing, raw: str | None, base: str | None, published: date | None = None) -> None:
    url = clean_url(raw, base) if raw else None
    if url is None:
        listing.bad.append((raw or "").strip()[:200] or "(no link)")
    elif len(listing.items) < MAX_ITEMS:
        listing.items.append(Item(url, published))


def _feed_items(root, base: str | None) -> Listing:
    out = Listing("feed")
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":  # RSS 0.9x/2.0, RSS 1.0 (RDF)
            link = _child_text(el, "link")
            if link is None:
                guid = next((c for c in el if _local(c.tag) == "guid"), None)
                if guid is not None and (guid.get("isPermaLink") or "true").lower() != "false":
                    link = (guid.text or "").strip() or None
            link = link or el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            _add(out, link, base, item_date(_child_text(el, "pubdate", "date", "published")))
        elif name == "entry":  # Atom
            links = [c for c in el if _local(c.tag) == "link" and c.get("href")]
            best = next((c for c in links if (c.get("rel") or "alternate") == "alternate"), None)
            _add(out, best.get("href") if best is not None else None, base,
                 item_date(_child_text(el, "published") or _child_text(el, "updated")))
    return out


def _json_feed(body: bytes, base: str | None) -> Listing:
    out = Listing("feed")
    try:
        data = json.loads(body.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return out
    items = data.get("items") if isinstance(data, dict) else None
    for it in items if isinstance(items, list) else []:
        if isinstance(it, dict):
            link = it.get("url") if isinstance(it.get("url"), str) else None
            when = it.get("date_published") if isinstance(it.get("date_published"), str) else None
            _add(out, link, base, item_date(when))
    return out


def _sitemap(root, base: str | None) -> Listing:
    out = Listing("sitemap")
    for el in root:
        name = _local(el.tag)
        loc = _child_text(el, "loc")
        if name == "sitemap":
            url = clean_url(loc, base) if loc else None
            if url is None:
                out.bad.append((loc or "(no loc)")[:200])
            else:
                out.sitemaps.append(url)
        elif name == "url":
            news = next((c for c in el if _local(c.tag) == "news"), None)
            pub = item_date(_child_text(news, "publication_date")) if news is not None else None
            _add(out, loc, base, pub)
    return out


def read_listing(kind: str, body: bytes, base: str | None) -> Listing:
    """The pages a feed or sitemap lists (``base``: its URL, for relative links; None for
    a file, whose relative links lead nowhere)."""
    if kind == "sitemap" and _XML_START.match(body[:2048]) is None:  # a plain-text sitemap
        out = Listing("sitemap")
        for line in _url_lines(body.decode("utf-8", "replace")) or []:
            _add(out, line, base)
        return out
    if body.lstrip()[:1] == b"{":
        return _json_feed(body, base)
    root = _xml_root(body)
    if root is None:
        if kind == "feed":  # trafilatura's regular-expression link finder reads what lxml cannot
            from trafilatura.feeds import FeedParameters, find_links

            out = Listing("feed")
            params = FeedParameters(base or "", urlsplit(base or "").netloc, base or "", external=True)
            for link in find_links(body.decode("utf-8", "replace"), params):
                if base is None or link.rstrip("/") != base.rstrip("/"):
                    _add(out, link, base)
            return out
        return Listing(kind)
    if _local(root.tag) in ("urlset", "sitemapindex"):
        return _sitemap(root, base)
    return _feed_items(root, base)
