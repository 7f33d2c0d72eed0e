"""Cost of reading a feed from the web, without the network's own time: a feed of N pages
served on loopback, read into Documents with the fetch cache in a DuckDB file (no coding).

Prints, for the first run (every page fetched and stored) and the second (the feed
revalidated, 304, every page from the cache): seconds, pages/second, requests the server
got; and the time to refuse a gzip bomb that decompresses to 1 GiB.

    python bench/fetch.py [N_PAGES]
"""
from __future__ import annotations

import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from detente.ingest import IngestOptions, read_inputs
from detente.ingest.cache import DbCache
from detente.ingest.fetch import FetchPolicy, Fetcher
from detente.model import Document

PARA = ("Negotiators from both delegations met in Geneva on Monday and agreed to extend the ceasefire for "
        "another month, officials said after a meeting that lasted well into the evening. ")


def serve(n: int):
    pages = {f"/news/{i}.html": (f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>"
                                 + "".join(f"<p>{PARA * 3} ({i}.{k})</p>" for k in range(6))
                                 + "</article></body></html>").encode() for i in range(n)}
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else headers and body wait on delayed ACKs (40 ms a page)

        def log_message(self, *a):
            pass

        def handle(self):
            try:
                super().handle()
            except ConnectionError:  # the fetcher hangs up on the bomb: as it should
                pass

        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"1"':
                    return self._send(304, b"", "application/rss+xml")
                items = "".join(f"<item><link>{base}{p}</link><pubDate>Mon, 29 May 2017 09:00:00 GMT</pubDate></item>"
                                for p in pages)
                return self._send(200, f"<?xml version='1.0'?><rss><channel>{items}</channel></rss>".encode(),
                                  "application/rss+xml")
            if self.path == "/bomb.html":
                return self._send(200, BOMB, "text/html", gz=True)
            self._send(200, pages.get(self.path, b"no"), "text/html" if self.path in pages else "text/plain")

        def _send(self, status, body, ctype, gz=False):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", '"1"')
            if gz:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}", hits


def gzip_bomb(size: int) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip, built without 1 GiB in memory
    block = b"\0" * (1 << 20)
    return b"".join(z.compress(block) for _ in range(size >> 20)) + z.flush()


BOMB = gzip_bomb(1 << 30)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    srv, base, hits = serve(n)
    policy = FetchPolicy(delay=0)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        for run in ("first", "second"):
            before = len(hits)
            t0 = time.perf_counter()
            with Fetcher(policy, DbCache(db)) as f:
                docs = [d for d in read_inputs([base + "/feed.xml"], options=IngestOptions(fetcher=f))
                        if isinstance(d, Document)]
            dt = time.perf_counter() - t0
            print(f"{run} run: {len(docs)} pages in {dt:.2f} s ({len(docs) / dt:.0f} pages/s), "
                  f"{len(hits) - before} requests to the server")
        print(f"database: {db.stat().st_size / 1e6:.1f} MB for {n} cached pages")
        t0 = time.perf_counter()
        with Fetcher(policy) as f:
            got = f.get(base + "/bomb.html")
        print(f"gzip bomb ({len(BOMB) / 1e6:.1f} MB on the wire, 1 GiB inflated): refused in "
              f"{time.perf_counter() - t0:.2f} s: {got.reason}")
    srv.shutdown()


if __name__ == "__main__":
    main()
