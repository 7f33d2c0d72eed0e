"""A web site on loopback for the fetcher tests: a real ThreadingHTTPServer whose pages,
feeds and misbehaving routes the tests declare, and which logs every request it gets."""
from __future__ import annotations

import gzip
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answers If-None-Match with 304
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None  # does everything itself


class Site:
    """``site.url('/a')``; ``site.add('/a', body)``; ``site.log`` lists the paths requested,
    ``site.hits()`` them with the status answered, ``site.agents`` the User-Agents sent.
    A route's ``handler`` answers with ``handler._send(status, body, content_type, headers)``
    (or writes the response itself, setting ``handler.entry[1]`` to the status)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.entries: list[list] = []  # [path, status answered (None: none yet), User-Agent]
        self.release = threading.Event()  # set at teardown: slow handlers stop waiting
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (ConnectionResetError, BrokenPipeError):  # the client hung up: fine
                    pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = urlsplit(self.path).path
                self.entry = [path, None, self.headers.get("User-Agent", "")]
                site.entries.append(self.entry)
                route = site.routes.get(path)
                if route is None:
                    return self._send(404, b"<html><body>not found</body></html>", "text/html")
                if route.handler is not None:
                    return route.handler(self)
                if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, b"", None, {"ETag": route.etag})
                headers = dict(route.headers)
                if route.etag is not None:
                    headers["ETag"] = route.etag
                self._send(route.status, route.body, route.content_type, headers)

            def _send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str] | None = None) -> None:
                self.entry[1] = status
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                if "Content-Length" not in (headers or {}):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body and status != 304:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):  # the client gave up: as it should
                        pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", content_type: str = "text/html; charset=utf-8", **kw) -> str:
        self.routes[path] = Route(body.encode() if isinstance(body, str) else body, content_type, **kw)
        return self.url(path)

    @property
    def log(self) -> list[str]:
        return [e[0] for e in self.entries]

    @property
    def agents(self) -> list[str]:
        return [e[2] for e in self.entries]

    def hits(self, since: int = 0) -> list[tuple[str, int | None]]:
        """(path, status) of the requests since the ``since``-th."""
        return [(e[0], e[1]) for e in self.entries[since:]]


# ---- content --------------------------------------------------------------------------------
def article(title: str, paragraphs: list[str], published: str | None = None) -> str:
    """A news page as sites serve them: navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright the test site</footer></body></html>")


def rss(items: list[tuple[str, str | None]], title: str = "Test feed") -> str:
    """An RSS 2.0 feed of (link, pubDate or None) items."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
           "<link>http://example.invalid/</link><description>test</description>"]
    for i, (link, when) in enumerate(items):
        out.append(f"<item><title>Item {i}</title><link>{link}</link>"
                   + (f"<pubDate>{when}</pubDate>" if when else "") + "</item>")
    out.append("</channel></rss>")
    return "".join(out)


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (about a thousandth of that on the wire)."""
    return gzip.compress(b"\0" * size, compresslevel=9)


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
