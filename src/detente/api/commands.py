"""CLI commands of the API and report: ``register(app)`` adds ``serve`` and ``report``
to the project's Typer app."""
from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Optional

import typer

from detente.cli_options import (Actor, Code, DocId, Dyad, Factuality, Place, Quad, Root, Since, Text, Undirected,
                                 Until, filters)


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Path = typer.Option(..., "--db", help="detente database file"),
        host: str = typer.Option("127.0.0.1", "--host", help="address to bind; non-loopback needs a token"),
        port: int = typer.Option(8000, "--port", min=1, max=65535),
        token: Optional[str] = typer.Option(None, "--token", envvar="DETENTE_TOKEN",
                                            help="bearer token required by /api (env DETENTE_TOKEN)"),
        cors_origin: list[str] = typer.Option([], "--cors-origin", help="allow this browser origin (repeatable)"),
        timeout: float = typer.Option(10.0, "--timeout", min=0.1, max=600, help="per-request query timeout, seconds"),
    ) -> None:
        """Serve the REST API and the dashboard (http://HOST:PORT/)."""
        from detente.api.app import create_app
        from detente.api.server import listen, run_server
        from detente.store import Store

        if token is not None and not token.strip():
            token = None
        if not is_loopback(host) and not token:
            typer.echo(f"detente: refusing to serve on {host} without a token: pass --token or set DETENTE_TOKEN "
                       "(or bind 127.0.0.1)", err=True)
            raise typer.Exit(2)
        Store(db, read_only=True).close()  # a missing or foreign file is one line now, not a 503 later
        sock = listen(host, port)  # a busy port is one line, before anything claims to serve
        application = create_app(db, token=token, cors_origins=tuple(cors_origin), timeout_s=timeout)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"detente: serving {db} on http://{shown}:{port}/ (API docs at /docs)"
                   + (" with a bearer token" if token else ""))
        run_server(application, sock, host, port)

    @app.command()
    def report(
        db: Path = typer.Option(..., "--db", help="detente database file"),
        out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write"),
        actor: Actor = None, dyad: Dyad = None, undirected: Undirected = False, code: Code = None,
        root: Root = None, quad: Quad = None, factuality: Factuality = "asserted", since: Since = None,
        until: Until = None, place: Place = None, q: Text = None, doc_id: DocId = None,
    ) -> None:
        """Write a self-contained HTML report (charts and data inline) for the filtered events."""
        from detente.analysis.report import write_report

        f = filters(actor, dyad, undirected, code, root, quad, factuality, since, until, place, q, doc_id)
        path = write_report(db, out, f)
        typer.echo(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
