"""`detente code URL` and `detente watch FEED` end to end, against a server on loopback;
wrong arguments leave no database and never mangle a URL."""
from __future__ import annotations

import socket
import subprocess
import sys
from datetime import date

import duckdb
import pytest
from website import Site, article, rss

pytestmark = pytest.mark.slow

P1 = "Russian warplanes bombed rebel positions near Aleppo on Tuesday, local officials said."
P2 = "Turkey condemned the strikes and called for an immediate ceasefire in northern Syria."
P3 = "Iran and Russia agreed to hold further talks in Astana next month, the foreign ministry said."


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, timeout=300)


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def site():
    with Site() as s:
        s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
        s.add("/news/strikes.html", article("Strikes near Aleppo", [P1, P2, P3], published="2016-10-04"))
        s.add("/news/talks.html", article("Talks in Astana", [P3, P2]))
        s.add("/private/memo.html", article("Memo", [P1, P2]))
        s.add("/feed.xml", rss([(s.url("/news/strikes.html"), "Tue, 04 Oct 2016 12:00:00 GMT"),
                                (s.url("/news/talks.html"), "Wed, 05 Oct 2016 09:00:00 GMT"),
                                (s.url("/private/memo.html"), None), (s.url("/news/gone.html"), None)]),
              "application/rss+xml", etag='"1"')
        yield s


def test_code_a_feed_stores_urls_dates_and_issues_and_a_rerun_fetches_nothing(site, tmp_path):
    db = tmp_path / "t.duckdb"
    feed = site.url("/feed.xml")
    r = cli("code", feed, "--db", str(db), "--delay", "0", "--workers", "1", "-q")
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT url, published, published_how FROM documents ORDER BY url") == [
        (site.url("/news/strikes.html"), date(2016, 10, 4), "html"),
        (site.url("/news/talks.html"), date(2016, 10, 5), "feed"),
    ]
    assert rows(db, "SELECT path, message FROM ingest_issues ORDER BY path") == [
        (site.url("/news/gone.html"), f"HTTP 404 Not Found (listed in {feed})"),
        (site.url("/private/memo.html"), f"forbidden by robots.txt (listed in {feed})"),
    ]
    assert f"skipped {site.url('/news/gone.html')}: HTTP 404 Not Found" in r.stderr
    assert rows(db, "SELECT count(*) FROM events")[0][0] > 0
    seen = len(site.log)
    again = cli("code", feed, "--db", str(db), "--delay", "0", "--workers", "1", "-q")
    assert again.returncode == 0 and "0 coded, 2 already stored" in again.stdout
    assert site.hits(seen) == [("/feed.xml", 304)]


def test_watch_polls_and_codes_only_new_items(site, tmp_path):
    db = tmp_path / "w.duckdb"
    r = cli("watch", site.url("/feed.xml"), "--db", str(db), "--every", "1s", "--max-polls", "2", "--delay", "0")
    assert r.returncode == 0, r.stderr
    assert "poll 1: 2 new documents" in r.stdout and "poll 2: 0 new documents" in r.stdout
    assert site.log.count("/news/strikes.html") == 1 and site.log.count("/feed.xml") == 2
    assert "2 documents coded" in r.stdout


@pytest.mark.parametrize("bad", ["closed-port", "missing-file", "no-scheme", "ftp"])
def test_a_wrong_argument_is_one_line_and_creates_no_database(tmp_path, bad):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    arg, line = {
        "closed-port": (f"https://127.0.0.1:{port}/news/a.html",
                        f"https://127.0.0.1:{port}/news/a.html: cannot connect"),
        "missing-file": (str(tmp_path / "nope.txt"), f"{tmp_path / 'nope.txt'}: no such file or folder"),
        "no-scheme": ("www.example.org/news", "www.example.org/news: no such file or folder (a web address?"),
        "ftp": ("ftp://example.org/a.html", "ftp://example.org/a.html: unsupported URL scheme 'ftp'"),
    }[bad]
    db = tmp_path / "t.duckdb"
    r = cli("code", arg, "--db", str(db), "-q", "--workers", "1")
    assert r.returncode == 1
    assert line in r.stderr and "Traceback" not in r.stderr and "https:/1" not in r.stderr
    assert not db.exists()


def test_columns_options_through_the_cli(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text(f'article_id,headline,body,pub_date\nn1,Strikes,"{P1}",2016-10-04\nn2,Talks,"{P3}",not a date\n')
    db = tmp_path / "t.duckdb"
    refused = cli("code", str(f), "--db", str(db), "-q", "--workers", "1")
    assert refused.returncode == 1 and "CSV has no 'text' column" in refused.stderr and not db.exists()
    r = cli("code", str(f), "--db", str(db), "-q", "--workers", "1", "--text-column", "body",
            "--id-column", "article_id", "--date-column", "pub_date", "--title-column", "headline")
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT doc_id, title, published FROM documents ORDER BY doc_id") == [
        ("n1", "Strikes", date(2016, 10, 4)), ("n2", "Talks", None)]
    assert f"warning {f}:3: unparseable date 'not a date' in field 'pub_date'; kept the record undated" in r.stderr
    assert "2 coded, 0 already stored, 0 skipped with errors, 1 kept with warnings" in " ".join(r.stdout.split())
    bad_map = tmp_path / "map.yaml"
    bad_map.write_text("body: text\n")
    r = cli("code", str(f), "--db", str(db), "-q", "--columns", str(bad_map))
    assert r.returncode == 2 and "unknown field 'body'" in r.stderr and "Traceback" not in r.stderr
