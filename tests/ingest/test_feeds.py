"""What a fetched body is, and the pages (with dates) a feed or sitemap lists."""
from __future__ import annotations

from datetime import date

import pytest

from detente.ingest.feeds import Item, clean_url, item_date, kind_of, read_listing
from detente.ingest.readers import InputError
from detente.ingest.watch import parse_interval, polls


@pytest.mark.parametrize("ctype, body, kind", [
    ("application/rss+xml", b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "feed"),
    ("text/xml", b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x"/>', "feed"),
    ("", b'<feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
    ("application/xml", b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
     "sitemap"),
    ("text/html", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "html"),
    ("application/xhtml+xml", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("text/plain", b"https://a.example.org/1\nhttps://a.example.org/2\n", "sitemap"),
    ("text/plain", b"Russia vetoed the draft.\n", "text"),
    ("application/feed+json", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "feed"),
    ("application/json", b'{"data": [1, 2]}', "other"),
    ("application/xml", b'<?xml version="1.0"?><catalog/>', "other"),
])
def test_kind_of(ctype, body, kind):
    assert kind_of(ctype, body) == kind


@pytest.mark.parametrize("value, expected", [
    ("Thu, 25 May 2017 23:30:00 -0500", date(2017, 5, 25)),  # the publisher's own day, not UTC's
    ("2017-05-25T10:00:00Z", date(2017, 5, 25)),
    ("2017-05-25", date(2017, 5, 25)),
    ("yesterday", None), ("", None), (None, None),
])
def test_item_date(value, expected):
    assert item_date(value) == expected


def test_rss_items_guid_links_and_relative_links():
    body = b"""<?xml version="1.0"?><rss><channel><link>https://news.example.org/</link>
      <item><guid>https://news.example.org/a?utm_source=rss#top</guid>
            <pubDate>Thu, 25 May 2017 10:00:00 GMT</pubDate></item>
      <item><guid isPermaLink="false">tag:1</guid></item>
      <item><link>/b.html</link><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2017-05-26</dc:date></item>
    </channel></rss>"""
    listing = read_listing("feed", body, "https://news.example.org/feed.xml")
    assert listing.items == [Item("https://news.example.org/a", date(2017, 5, 25)),
                             Item("https://news.example.org/b.html", date(2017, 5, 26))]
    assert listing.bad == ["(no link)"]


def test_a_feed_too_broken_for_xml_is_read_by_trafilatura():
    body = b"\x00\x00 <rss><channel><item><link>https://news.example.org/a.html</link></item></channel></rss>"
    assert kind_of("", body) == "feed"  # no root element at the start: trafilatura's feed test
    listing = read_listing("feed", body, "https://news.example.org/feed.xml")
    assert [i.url for i in listing.items] == ["https://news.example.org/a.html"]


def test_clean_url():
    assert clean_url("HTTPS://News.Example.org:443/a?utm_medium=x&id=3#frag") == "https://news.example.org/a?id=3"
    assert clean_url("/a", "http://127.0.0.1:8000/feed") == "http://127.0.0.1:8000/a"
    assert clean_url("ftp://example.org/a") is None and clean_url("https://") is None


def test_intervals_and_the_polling_schedule():
    assert [parse_interval(t) for t in ("15m", "90s", "1h", "2d", "30")] == [900, 90, 3600, 172800, 30]
    for bad in ("soon", "0s", "-5m"):
        with pytest.raises(InputError):
            parse_interval(bad)
    now, slept = [0.0], []

    def sleep(s):
        slept.append(s)
        now[0] += s

    for n in polls(60, 3, clock=lambda: now[0], sleep=sleep):
        now[0] += 70 if n == 1 else 10  # the first poll takes longer than the interval
    assert slept == [0.0, 50.0]
