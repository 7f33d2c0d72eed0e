"""Fetching from the web, against a real HTTP server on loopback: a feed with pages that
robots.txt forbids and pages that are gone, redirects, slow, huge, compressed-bomb and
binary responses. Each bad URL is one line naming it and the reason; the good ones are
read; a second run fetches nothing it already has (requests counted at the server)."""
from __future__ import annotations

import gzip
import time
from datetime import date

import duckdb
import pytest
from website import PDF, PNG, Site, article, gzip_bomb, rss

from detente.ingest import IngestOptions, read_inputs
from detente.ingest.cache import DbCache, MemoryCache
from detente.ingest.fetch import FetchPolicy, Fetcher
from detente.model import Document, IngestIssue

LIMIT = 256 * 1024
FAST = FetchPolicy(delay=0, retries=0, backoff=0, connect_timeout=2, read_timeout=2, total_timeout=5,
                   max_bytes=LIMIT)

P1 = ("Negotiators from both delegations met in Geneva on Monday and agreed to extend the ceasefire for another "
      "month, officials said after the meeting.")
P2 = ("The foreign minister told reporters that the talks had been difficult but that both sides wanted to avoid "
      "a return to fighting along the border.")
P3 = ("Observers from the United Nations will monitor the line of contact, according to a statement released "
      "after the talks ended late in the evening.")


def split(records):
    records = list(records)
    assert all("\n" not in str(r) for r in records if isinstance(r, IngestIssue))  # one line each
    return ([r for r in records if isinstance(r, Document)], [r for r in records if isinstance(r, IngestIssue)])


def read(urls, policy: FetchPolicy = FAST, cache=None, new_only: bool = False, **kw):
    with Fetcher(policy, cache if cache is not None else MemoryCache(), **kw) as f:
        return split(read_inputs(urls, options=IngestOptions(fetcher=f, new_only=new_only)))


@pytest.fixture
def site():
    with Site() as s:
        s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
        yield s


def news_feed(s: Site) -> str:
    """Five items: a page with its own date, two without (the feed's date is theirs), one
    that robots.txt forbids, one that is gone (404)."""
    s.add("/news/talks.html", article("Ceasefire extended", [P1, P2, P3], published="2017-05-25"))
    s.add("/news/border.html", article("Border talks resume", [P2, P3, P1]))
    s.add("/news/observers.html", article("Observers to monitor the line", [P3, P1, P2]))
    s.add("/private/memo.html", article("Internal memo", [P1, P2]))
    return s.add("/feed.xml", rss([
        (s.url("/news/talks.html"), "Wed, 24 May 2017 08:00:00 GMT"),   # the page's own date wins
        (s.url("/news/border.html"), "Fri, 26 May 2017 10:00:00 +0200"),
        (s.url("/news/observers.html?utm_source=rss"), "Sat, 27 May 2017 23:30:00 -0500"),
        (s.url("/private/memo.html"), "Sat, 27 May 2017 12:00:00 GMT"),
        (s.url("/news/gone.html"), "Sun, 28 May 2017 12:00:00 GMT"),
    ]), "application/rss+xml", etag='"feed-1"')


def test_feed_of_five_codes_the_three_allowed_reports_two_and_a_rerun_fetches_nothing(site, tmp_path):
    feed = news_feed(site)
    db = tmp_path / "t.duckdb"
    docs, issues = read([feed], cache=DbCache(db))
    assert [(d.url, d.published, d.published_how, d.title) for d in docs] == [
        (site.url("/news/talks.html"), date(2017, 5, 25), "html", "Ceasefire extended"),
        (site.url("/news/border.html"), date(2017, 5, 26), "feed", "Border talks resume"),
        (site.url("/news/observers.html"), date(2017, 5, 27), "feed", "Observers to monitor the line"),
    ]
    assert all(d.path == d.url and P1 in d.text for d in docs)  # tracking parameter dropped from the URL
    assert [str(i) for i in issues] == [
        f"{site.url('/private/memo.html')}: forbidden by robots.txt (listed in {feed})",
        f"{site.url('/news/gone.html')}: HTTP 404 Not Found (listed in {feed})",
    ]
    assert site.hits() == [("/robots.txt", 200), ("/feed.xml", 200), ("/news/talks.html", 200),
                           ("/news/border.html", 200), ("/news/observers.html", 200), ("/news/gone.html", 404)]
    assert all(a.startswith("detente/") for a in site.agents)
    con = duckdb.connect(str(db), read_only=True)
    stored = dict(con.execute("SELECT url, error FROM fetch_cache").fetchall())
    con.close()
    assert stored[site.url("/news/gone.html")] == "HTTP 404 Not Found" and stored[site.url("/news/talks.html")] is None

    seen = len(site.log)
    again, again_issues = read([feed], cache=DbCache(db))
    assert site.hits(seen) == [("/feed.xml", 304)]  # the feed asked whether it changed; nothing else
    assert [(d.doc_id, d.url, d.published) for d in again] == [(d.doc_id, d.url, d.published) for d in docs]
    assert [str(i) for i in again_issues] == [str(i) for i in issues]


def test_watch_reads_only_what_the_feed_lists_for_the_first_time(site):
    feed = news_feed(site)
    cache = MemoryCache()
    docs, issues = read([feed], cache=cache, new_only=True)
    assert len(docs) == 3 and len(issues) == 2
    seen = len(site.log)
    docs, issues = read([feed], cache=cache, new_only=True)
    assert (docs, issues) == ([], []) and site.hits(seen) == [("/feed.xml", 304)]
    site.add("/news/new.html", article("A new round", [P3, P2]))
    site.add("/feed.xml", rss([(site.url("/news/new.html"), "Mon, 29 May 2017 09:00:00 GMT"),
                               (site.url("/news/talks.html"), None), (site.url("/news/gone.html"), None)]),
             "application/rss+xml", etag='"feed-2"')
    seen = len(site.log)
    docs, issues = read([feed], cache=cache, new_only=True)
    assert [(d.url, d.published) for d in docs] == [(site.url("/news/new.html"), date(2017, 5, 29))]
    assert issues == [] and site.hits(seen) == [("/feed.xml", 200), ("/news/new.html", 200)]


def test_redirect_is_followed_and_the_document_keeps_where_it_ended(site):
    site.add("/news/talks.html", article("Ceasefire extended", [P1, P2, P3]))
    old = site.add("/old", status=301, headers={"Location": "/news/talks.html"})
    docs, issues = read([old])
    assert issues == [] and [(d.path, d.url) for d in docs] == [(old, site.url("/news/talks.html"))]


def test_redirect_loop_too_many_redirects_and_a_redirect_into_a_forbidden_path(site):
    a = site.add("/loop/a", status=302, headers={"Location": "/loop/b"})
    site.add("/loop/b", status=302, headers={"Location": site.url("/loop/a")})
    for i in range(8):
        site.add(f"/chain/{i}", status=307, headers={"Location": f"/chain/{i + 1}"})
    private = site.add("/go", status=301, headers={"Location": "/private/memo.html"})
    docs, issues = read([a, site.url("/chain/0"), private])
    assert docs == []
    assert [str(i) for i in issues] == [
        f"{a}: redirect loop: {a} -> {site.url('/loop/b')} -> {a}",
        f"{site.url('/chain/0')}: too many redirects (more than 5)",
        f"{private}: forbidden by robots.txt (redirected to {site.url('/private/memo.html')})",
    ]
    assert "/private/memo.html" not in site.log


def test_a_page_that_does_not_answer_times_out_and_is_retried_once(site):
    def never(handler):
        site.release.wait(10)

    slow = site.add("/slow", handler=never)
    policy = FetchPolicy(delay=0, retries=1, backoff=0, read_timeout=0.3, total_timeout=5)
    t0 = time.monotonic()
    docs, issues = read([slow], policy)
    assert time.monotonic() - t0 < 3
    assert [str(i) for i in issues] == [f"{slow}: timed out waiting for an answer (after 0.3 s) (2 tries)"]
    assert site.log.count("/slow") == 2


def test_a_page_that_trickles_hits_the_whole_response_timeout(site):
    def trickle(handler):
        handler.entry[1] = 200
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        for _ in range(100):
            if site.release.wait(0.05):
                return
            try:
                handler.wfile.write(b"<p>" * 10)
                handler.wfile.flush()
            except OSError:
                return

    url = site.add("/trickle", handler=trickle)
    policy = FetchPolicy(delay=0, retries=0, read_timeout=1, total_timeout=0.5)
    docs, issues = read([url], policy)
    assert [str(i) for i in issues] == [f"{url}: timed out: the response took more than 0.5 s"]


def test_oversized_responses_are_refused_with_or_without_a_length(site):
    body = b"<html><body>" + b"x" * LIMIT + b"</body></html>"
    big = site.add("/big.html", body)

    def unsized(handler):
        handler.entry[1] = 200
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(40):
                handler.wfile.write(b"y" * 10_000)
        except OSError:
            pass
        handler.close_connection = True

    streamed = site.add("/stream.html", handler=unsized)
    docs, issues = read([big, streamed])
    assert [str(i) for i in issues] == [
        f"{big}: too large: {len(body)} bytes (Content-Length), limit {LIMIT}",
        f"{streamed}: too large: more than {LIMIT} bytes",
    ]


def test_a_gzip_bomb_stops_at_the_limit_and_a_gzip_page_is_read(site):
    bomb = gzip_bomb(20 * 1024 * 1024)
    assert len(bomb) < LIMIT
    url = site.add("/bomb.html", bomb, headers={"Content-Encoding": "gzip"})
    page = site.add("/zipped.html", gzip.compress(article("Ceasefire extended", [P1, P2, P3]).encode()),
                    headers={"Content-Encoding": "gzip"})
    docs, issues = read([url, page])
    assert [d.url for d in docs] == [page] and P2 in docs[0].text
    assert [str(i) for i in issues] == [
        f"{url}: too large: more than {LIMIT} bytes once decompressed ({len(bomb)} bytes of gzip; "
        "a decompression bomb?)"]


def test_files_that_are_not_html_are_refused(site):
    png = site.add("/chart.png", PNG, "image/png")
    pdf = site.add("/report.pdf", PDF, "application/pdf")
    bare = site.add("/blob", PNG, "")
    docs, issues = read([png, pdf, bare])
    assert docs == []
    assert [str(i) for i in issues] == [
        f"{png}: not HTML: content type image/png",
        f"{pdf}: not HTML: content type application/pdf",
        f"{bare}: not HTML: binary content without a content type",
    ]


def test_a_list_of_urls_codes_the_good_ones_and_gives_one_line_per_bad_one(site, tmp_path):
    site.add("/news/talks.html", article("Ceasefire extended", [P1, P2, P3]))
    site.add("/notes.txt", f"{P1}\n\n{P2}\n", "text/plain; charset=utf-8")
    site.add("/latin.html", article("Café talks in Genève", [P1, P2]).encode("latin-1"),
             "text/html; charset=iso-8859-1")
    site.add("/old", status=301, headers={"Location": "/news/talks.html"})
    site.add("/loop", status=302, headers={"Location": "/loop"})
    site.add("/chart.png", PNG, "image/png")
    site.add("/big.html", b"x" * (LIMIT + 1))
    lst = tmp_path / "urls.txt"
    lst.write_text("# what to read\n"
                   f"{site.url('/news/talks.html')}\n"
                   f"{site.url('/notes.txt')}\n\n"
                   f"{site.url('/latin.html')}\n"
                   f"{site.url('/old')}\n"
                   f"{site.url('/loop')}\n"
                   f"{site.url('/chart.png')}\n"
                   f"{site.url('/big.html')}\n"
                   f"{site.url('/private/x.html')}\n"
                   f"{site.url('/missing.html')}\n"
                   "htps://typo.example.org/a\n")
    docs, issues = read([lst])
    assert [d.path for d in docs] == [site.url(p) for p in ("/news/talks.html", "/notes.txt", "/latin.html", "/old")]
    assert docs[1].text == f"{P1}\n\n{P2}\n" and docs[2].title == "Café talks in Genève"
    assert docs[3].doc_id == docs[0].doc_id  # the same page by another URL: the same document
    assert [str(i) for i in issues] == [
        f"{site.url('/loop')}: redirect loop: {site.url('/loop')} -> {site.url('/loop')} (listed in {lst}:7)",
        f"{site.url('/chart.png')}: not HTML: content type image/png (listed in {lst}:8)",
        f"{site.url('/big.html')}: too large: {LIMIT + 1} bytes (Content-Length), limit {LIMIT} (listed in {lst}:9)",
        f"{site.url('/private/x.html')}: forbidden by robots.txt (listed in {lst}:10)",
        f"{site.url('/missing.html')}: HTTP 404 Not Found (listed in {lst}:11)",
        f"{lst}:12: not an http(s) URL: 'htps://typo.example.org/a'",
    ]


def test_a_list_of_urls_inside_a_folder_is_not_fetched(site, tmp_path):
    (tmp_path / "urls.txt").write_text(site.url("/news/talks.html") + "\n")
    docs, issues = split(read_inputs([tmp_path]))
    assert docs == [] and site.log == []
    assert [str(i) for i in issues] == [
        f"{tmp_path / 'urls.txt'}: a list of URLs: name this file as an argument to fetch them"]


def test_transient_errors_are_retried_with_backoff_permanent_ones_are_not(site):
    tries = {"n": 0}

    def flaky(handler):
        tries["n"] += 1
        if tries["n"] < 3:
            return handler._send(503, b"busy", "text/plain", {"Retry-After": "2"})
        handler._send(200, article("Ceasefire extended", [P1, P2, P3]).encode(), "text/html")

    url = site.add("/flaky.html", handler=flaky)
    slept: list[float] = []
    policy = FetchPolicy(delay=0, retries=2, backoff=0.5)
    docs, issues = read([url, site.url("/gone.html")], policy, sleep=slept.append)
    assert issues[0].message == "HTTP 404 Not Found" and len(docs) == 1
    assert site.log.count("/flaky.html") == 3 and site.log.count("/gone.html") == 1
    assert slept == [2.0, 2.0]  # Retry-After (2 s) over the backoff (0.5 s, then 1 s)

    tries["n"] = -10
    docs, issues = read([url], policy, sleep=slept.append)
    assert [str(i) for i in issues] == [f"{url}: HTTP 503 Service Unavailable (3 tries)"]


def test_the_delay_between_requests_to_a_host_and_robots_crawl_delay(site):
    for name in "abc":
        site.add(f"/{name}.html", article(f"Page {name}", [P1, P2, P3]))
    now = [1000.0]

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    slept: list[float] = []
    urls = [site.url(f"/{n}.html") for n in "abc"]
    read(urls, FetchPolicy(delay=2.0, retries=0), clock=lambda: now[0], sleep=sleep)
    assert slept == [2.0, 2.0, 2.0]  # robots.txt, then a, b, c: a wait before each but the first
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 5\nDisallow: /private/\n", "text/plain")
    slept.clear()
    read(urls, FetchPolicy(delay=2.0, retries=0), clock=lambda: now[0], sleep=sleep)
    assert slept == [5.0, 5.0, 5.0]  # robots.txt first (no wait), then its Crawl-delay


def test_robots_txt_server_error_forbids_the_host_and_missing_robots_allows_it(site):
    site.add("/robots.txt", "oops", "text/plain", status=500)
    site.add("/news/talks.html", article("Ceasefire extended", [P1, P2, P3]))
    docs, issues = read([site.url("/news/talks.html")])
    origin = site.url("")
    assert [str(i) for i in issues] == [f"{site.url('/news/talks.html')}: robots.txt answered HTTP 500 Internal "
                                        f"Server Error; nothing fetched from {origin} for now"]
    del site.routes["/robots.txt"]
    docs, issues = read([site.url("/news/talks.html")])
    assert issues == [] and len(docs) == 1


def test_unreachable_host_and_bad_urls_never_become_paths(tmp_path):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news/a.html"
    docs, issues = read([url, "ftp://example.org/x", "https://", "www.example.org/news"], FAST)
    assert docs == []
    msgs = [str(i) for i in issues]
    assert msgs[0].startswith(f"{url}: cannot connect: ") and "refused" in msgs[0].lower()
    assert msgs[1:] == [
        "ftp://example.org/x: unsupported URL scheme 'ftp': give http(s) URLs, files or folders",
        "https://: not a valid http(s) URL",
        "www.example.org/news: no such file or folder (a web address? give it with https://)",
    ]
    assert not list(tmp_path.iterdir())


def test_sitemap_index_and_news_sitemap_dates(site):
    site.add("/news/talks.html", article("Ceasefire extended", [P1, P2, P3]))
    site.add("/news/border.html", article("Border talks resume", [P2, P3, P1]))
    site.add("/sitemap-news.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{site.url('/news/talks.html')}</loc><lastmod>2020-01-01</lastmod>
    <news:news><news:publication_date>2017-05-25T10:00:00+02:00</news:publication_date></news:news></url>
  <url><loc>/news/border.html</loc><lastmod>2020-01-01</lastmod></url>
</urlset>""", "application/xml")
    index = site.add("/sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{site.url('/sitemap-news.xml')}</loc></sitemap>
</sitemapindex>""", "application/xml")
    docs, issues = read([index])
    assert issues == []
    # lastmod is when a page changed, not when it was published: not taken
    assert [(d.url, d.published, d.published_how) for d in docs] == [
        (site.url("/news/talks.html"), date(2017, 5, 25), "feed"), (site.url("/news/border.html"), None, "none")]


def test_atom_feed_and_json_feed(site):
    site.add("/a.html", article("Ceasefire extended", [P1, P2, P3]))
    site.add("/b.html", article("Border talks resume", [P2, P3, P1]))
    atom = site.add("/atom.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link rel="self" href="{site.url('/atom.xml')}"/>
<entry><title>A</title><link href="/a.html"/><updated>2017-05-26T00:00:00Z</updated>
  <published>2017-05-25T09:00:00Z</published></entry>
<entry><title>B</title><link rel="alternate" href="{site.url('/b.html')}"/>
  <updated>2017-05-27T00:00:00Z</updated></entry>
</feed>""", "application/atom+xml")
    jf = site.add("/feed.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": ['
                  f'{{"id": "1", "url": "{site.url("/b.html")}", "date_published": "2017-06-01T10:00:00Z"}}, '
                  '{"id": "2"}]}', "application/feed+json")
    docs, issues = read([atom, jf])
    assert [(d.url, d.published) for d in docs] == [
        (site.url("/a.html"), date(2017, 5, 25)), (site.url("/b.html"), date(2017, 5, 27)),
        (site.url("/b.html"), date(2017, 6, 1))]
    assert [str(i) for i in issues] == [f"{jf}: feed entry without an http(s) link: '(no link)'"]


def test_a_failure_alone_creates_no_database_and_refetch_fetches_again(site, tmp_path):
    db = tmp_path / "t.duckdb"
    docs, issues = read([site.url("/missing.html")], cache=DbCache(db))
    assert len(issues) == 1 and not db.exists()
    site.add("/a.html", article("Ceasefire extended", [P1, P2, P3]))
    read([site.url("/a.html")], cache=DbCache(db))
    seen = len(site.log)
    read([site.url("/a.html")], cache=DbCache(db))
    assert site.log[seen:] == []
    read([site.url("/a.html")], cache=DbCache(db), refresh=True)
    assert site.log[seen:] == ["/robots.txt", "/a.html"] or site.log[seen:] == ["/a.html"]


def test_a_page_is_one_document_by_its_url_even_when_it_changes(site):
    url = site.add("/live.html", article("Talks go on", [P1, P2, P3]))
    cache = MemoryCache()
    (first,), _ = read([url], cache=cache)
    site.add("/live.html", article("Talks go on", [P1, P2, P3, "Update: the talks ended at midnight without a deal."]))
    (cached,), _ = read([url], cache=cache)
    (fresh,), _ = read([url], cache=cache, refresh=True)
    assert first.text == cached.text != fresh.text and "midnight" in fresh.text
    assert first.doc_id == cached.doc_id == fresh.doc_id  # the store reports the change as an id conflict


def test_a_feed_saved_as_a_file_fetches_what_it_lists(site, tmp_path):
    site.add("/news/talks.html", article("Ceasefire extended", [P1, P2, P3]))
    saved = tmp_path / "feed.rss"
    saved.write_text(rss([(site.url("/news/talks.html"), "Thu, 25 May 2017 08:00:00 GMT"), ("/relative.html", None)]))
    other = tmp_path / "data.xml"
    other.write_text('<?xml version="1.0"?><catalog><book>x</book></catalog>')
    docs, issues = read([saved, other])
    assert [(d.url, d.published, d.published_how) for d in docs] == [
        (site.url("/news/talks.html"), date(2017, 5, 25), "feed")]
    assert [str(i) for i in issues] == [
        f"{saved}: feed entry without an http(s) link: '/relative.html'",
        f"{other}: not a feed or sitemap (RSS, Atom, RDF, urlset or sitemapindex)",
    ]
