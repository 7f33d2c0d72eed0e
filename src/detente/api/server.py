"""Serving the API: listen first, then say so, then serve.

``listen(host, port)`` binds the socket and raises ``ServeError`` (one line) when it
cannot: a port already in use, an address that is not this machine's, a port below
1024 without the right. The server then runs on that very socket, so nothing else can
take the port between the check and the start.
"""
from __future__ import annotations

import errno
import os
import socket
from typing import Any

from detente.errors import DetenteError


class ServeError(DetenteError):
    """The server cannot listen where it was asked to."""


def listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServeError(f"cannot serve on {host}: unknown host ({exc.strerror})") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(addr)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use (another server?): "
                             "choose another --port or stop that server") from None
        raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def run_server(application: Any, sock: socket.socket, host: str, port: int) -> None:
    """Run uvicorn on an already bound socket until interrupted."""
    import uvicorn

    config = uvicorn.Config(application, host=host, port=port, access_log=False,
                            log_level=os.environ.get("DETENTE_LOG_LEVEL", "warning"))
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
