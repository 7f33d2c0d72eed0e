"""CLI commands of the API and report: ``register(app)`` adds ``serve`` and ``report``
to the project's Typer app."""
from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Optional

import typer


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
        db: Path = typer.Option(..., "--db", help="detente database file", exists=True, dir_okay=False),
        host: str = typer.Option("127.0.0.1", "--host", help="address to bind; non-loopback needs a token"),
        port: int = typer.Option(8000, "--port", min=1, max=65535),
        token: Optional[str] = typer.Option(None, "--token", envvar="DETENTE_TOKEN",
                                            help="bearer token required by /api (env DETENTE_TOKEN)"),
        cors_origin: list[str] = typer.Option([], "--cors-origin", help="allow this browser origin (repeatable)"),
        timeout: float = typer.Option(10.0, "--timeout", min=0.1, max=600, help="per-request query timeout, seconds"),
    ) -> None:
        """Serve the REST API and the dashboard (http://HOST:PORT/)."""
        import uvicorn

        from detente.api.app import create_app

        if token is not None and not token.strip():
            token = None
        if not is_loopback(host) and not token:
            typer.echo(f"refusing to serve on {host} without a token: pass --token or set DETENTE_TOKEN "
                       "(or bind 127.0.0.1)", err=True)
            raise typer.Exit(2)
        application = create_app(db, token=token, cors_origins=tuple(cors_origin), timeout_s=timeout)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"detente: serving {db} on http://{shown}:{port}/ (API docs at /docs)"
                   + (" with a bearer token" if token else ""))
        uvicorn.run(application, host=host, port=port, log_level=os.environ.get("DETENTE_LOG_LEVEL", "warning"),
                    access_log=False)

    @app.command()
    def report(
        db: Path = typer.Option(..., "--db", help="detente database file", exists=True, dir_okay=False),
        out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write"),
        actor: Optional[str] = typer.Option(None, "--actor", help="actor code prefix, e.g. RUS"),
        dyad: Optional[str] = typer.Option(None, "--dyad", help="source,target, e.g. RUS,USA"),
        since: Optional[str] = typer.Option(None, "--since", help="first event date YYYY-MM-DD"),
        until: Optional[str] = typer.Option(None, "--until", help="last event date YYYY-MM-DD"),
    ) -> None:
        """Write a self-contained HTML report (charts and data inline) for the filtered events."""
        from datetime import date

        from detente.analysis.filters import FilterError
        from detente.analysis.report import write_report

        try:
            d_since = date.fromisoformat(since) if since else None
            d_until = date.fromisoformat(until) if until else None
            path = write_report(db, out, actor=actor, dyad=dyad, since=d_since, until=d_until)
        except (ValueError, FilterError) as exc:
            typer.echo(f"report: {exc}", err=True)
            raise typer.Exit(2) from exc
        typer.echo(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
