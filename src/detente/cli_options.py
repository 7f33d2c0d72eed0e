"""What every CLI command shares: one-line errors, the database option and the filter options.

Every command runs inside ``OneLineErrors``: a usage error (bad option value, unknown
option) and every ``DetenteError`` (a missing or non-DuckDB database, a bad filter, an
unwritable output, an unreadable gold file) or ``InputError`` (an unusable metadata
file) is printed as one line on stderr, and the command exits 2. A traceback means a bug.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

try:  # Typer 0.2x runs on its own copy of click (typer._click): these are the classes it raises
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover - a Typer on the click package
    from click.exceptions import NoArgsIsHelpError, UsageError

from detente.analysis.filters import FILTER_HELP, Filters, parse_filters
from detente.errors import DetenteError
from detente.ingest import InputError

USER_ERRORS = (DetenteError, InputError)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``detente: MESSAGE`` (one line) on stderr; return the Exit to raise."""
    typer.echo(f"detente: {one_line(message)}", err=True)
    return typer.Exit(code)


class OneLineErrors(TyperGroup):
    """A Typer group whose commands report user errors in one line, exit status 2."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            raise fail(f"{exc.format_message()} (see `{ctx.command_path} --help`)", exc.exit_code) from None

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise  # `detente actors` alone prints its help
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            raise fail(f"{exc.format_message()} (see `{where} --help`)", exc.exit_code) from None
        except USER_ERRORS as exc:
            raise fail(str(exc)) from None


DbOpt = Annotated[Path, typer.Option("--db", help="The detente database (a DuckDB file written by `detente code`).")]


def _opt(name: str, *flags: str) -> Any:
    return typer.Option(*(flags or (f"--{name.replace('_', '-')}",)), help=FILTER_HELP[name],
                        rich_help_panel="Filters (as the API's; default: asserted events only)")


# The filter options, with the API's names and meanings (detente.analysis.filters).
Actor = Annotated[Optional[str], _opt("actor")]
Dyad = Annotated[Optional[str], _opt("dyad")]
Undirected = Annotated[bool, _opt("undirected")]
Code = Annotated[Optional[str], _opt("code")]
Root = Annotated[Optional[str], _opt("root")]
Quad = Annotated[Optional[str], _opt("quad")]
Factuality = Annotated[str, _opt("factuality")]
Since = Annotated[Optional[str], _opt("since")]
Until = Annotated[Optional[str], _opt("until")]
Place = Annotated[Optional[str], _opt("place")]
Text = Annotated[Optional[str], _opt("q", "--q", "--text")]
DocId = Annotated[Optional[str], _opt("doc_id", "--doc-id")]


def filters(actor: str | None = None, dyad: str | None = None, undirected: bool = False, code: str | None = None,
            root: str | None = None, quad: str | None = None, factuality: str = "asserted",
            since: str | None = None, until: str | None = None, place: str | None = None, q: str | None = None,
            doc_id: str | None = None) -> Filters:
    """The Filters of a command's filter options (raises FilterError)."""
    return parse_filters(actor=actor, dyad=dyad, undirected=undirected, code=code, root=root, quad=quad,
                         factuality=factuality, since=since, until=until, place=place, q=q, doc_id=doc_id)
