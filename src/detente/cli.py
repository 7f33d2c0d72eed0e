"""Command-line interface (thin: every command calls the library)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from detente.api import commands as api_commands
from detente.engines.local import RunStats, default_workers
from detente.eval import commands as eval_commands
from detente.ingest import InputError, parse_date, read_metadata
from detente.pipeline import PipelineConfig
from detente.run import RunResult, code_into_store, summary
from detente.store import Store, export_table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="detente: code news about conflict and diplomacy into CAMEO events with provenance.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)
out = Console()

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]


def _published(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _run(inputs: list[str], db: Path, *, quiet: bool = False, **kw) -> RunResult:
    """The library's coding run, with a progress bar and skipped records on stderr."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("[bold]coding"), BarColumn(), TextColumn("{task.completed} docs"),
                        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=False)
    with progress:
        task = progress.add_task("code", total=None, events=0)
        return code_into_store(
            inputs, db, **kw,
            on_issue=lambda iss: err.print(f"[yellow]skipped[/] {iss}", highlight=False, soft_wrap=True),
            on_batch=lambda st: progress.update(task, completed=st.documents_coded + st.documents_skipped,
                                                events=st.events))


def _summary(stats: RunStats, db: Path) -> None:
    for line in summary(stats, db):
        out.print(line, highlight=False)


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for JSONL on stdin.")],
    db: DbOpt = Path("detente.duckdb"),
    out_file: Annotated[Optional[str], typer.Option(
        "--out", help="Also export events: .jsonl, .csv or .parquet (engine spark: an output folder or URL)")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs that carry none.")] = None,
    metadata: Annotated[Optional[Path], typer.Option(
        help="CSV or JSONL keyed by 'file' (relative to the input folder) or 'id', with any of "
             "published, title, source, url. Also updates documents already stored.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (default: all cores).")] = 0,
    engine: Annotated[str, typer.Option(help="local or spark")] = "local",
    master: Annotated[str, typer.Option(help="Spark master URL (engine spark).")] = "local[2]",
    kb: Annotated[Optional[list[Path]], typer.Option(help="Extra actor file(s): YAML or PETRARCH .txt")] = None,
    lexicon: Annotated[Optional[list[Path]], typer.Option(help="Extra lexicon YAML file(s).")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per batch (and per commit).")] = 32,
    recode: Annotated[bool, typer.Option(help="Re-code documents already in the database.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero on any input error.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Code INPUTs into CAMEO events stored in a DuckDB file."""
    config = PipelineConfig(kb_files=tuple(map(str, kb or ())), lexicon_files=tuple(map(str, lexicon or ())),
                            batch_size=batch_size)
    pub = _published(published)
    if engine == "spark":
        from detente.engines.spark import run_spark

        if out_file is None:
            raise typer.BadParameter("--engine spark writes Parquet: give --out DIR")
        if metadata is not None:
            raise typer.BadParameter("--metadata works with --engine local only")
        n = run_spark(inputs, out_file, master=master, config=config, published=pub)
        out.print(f"[bold]{n}[/] events -> {out_file} (Parquet, partitioned by event month)")
        return
    if engine != "local":
        raise typer.BadParameter("--engine must be local or spark")
    try:
        meta = read_metadata(metadata) if metadata is not None else None
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--metadata") from exc
    result = _run(inputs, db, quiet=quiet, published=pub, workers=workers or default_workers(),
                  config=config, recode=recode, metadata=meta)
    stats, ids = result.stats, result.doc_ids
    if result.metadata_unused:
        err.print(f"[yellow]note[/] {result.metadata_unused} rows of {meta.path} matched no document", highlight=False)
    _summary(stats, db)
    if out_file is not None:
        with Store(db, read_only=True) as st:
            table = st.con.sql(
                "SELECT * FROM events WHERE doc_id IN (SELECT unnest(?)) "
                "ORDER BY doc_id, sentence_index, trigger_start", params=[ids]
            ).to_arrow_table()
        export_table(table, Path(out_file))
        out.print(f"exported {table.num_rows} events -> {out_file}")
    if stats.documents_read == 0 or (strict and stats.issues):
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOpt = Path("detente.duckdb"),
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix, e.g. RUS or RUSGOV.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE,TARGET code prefixes, e.g. RUS,USA.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, e.g. 19.")] = None,
    since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    factuality: Annotated[Optional[str], typer.Option(help="asserted, negated, hypothetical, ...")] = None,
    limit: Annotated[int, typer.Option(help="Rows to print (export writes all).")] = 50,
    out_file: Annotated[Optional[Path], typer.Option("--out", help=".jsonl, .csv or .parquet")] = None,
) -> None:
    """Query stored events; print a table or export."""
    from rich.table import Table

    pair = None
    if dyad:
        parts = [p.strip().upper() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter("--dyad takes SOURCE,TARGET")
        pair = (parts[0], parts[1])
    for d in (since, until):
        _published(d)
    with Store(db, read_only=True) as st:
        table = st.query_events(actor=actor.upper() if actor else None, dyad=pair, root=root, since=since,
                                until=until, factuality=factuality, limit=None if out_file else limit)
    if out_file is not None:
        export_table(table, out_file)
        out.print(f"exported {table.num_rows} events -> {out_file}")
        return
    t = Table("date", "source", "code", "target", "fact.", "trigger", "sentence", show_lines=False)
    for r in table.to_pylist():
        t.add_row(str(r["event_date"] or ""), r["source_code"] or "-", r["cameo_code"], r["target_code"] or "-",
                  r["factuality"], r["trigger_text"], (r["sentence"] or "")[:90])
    out.print(t)
    out.print(f"{table.num_rows} events shown")


@app.command()
def demo(
    db: DbOpt = Path("demo.duckdb"),
    workers: Annotated[int, typer.Option(help="Worker processes (default: all cores).")] = 0,
) -> None:
    """Code the bundled demo corpus (fictional wire stories) and print a summary."""
    from importlib import resources

    corpus = Path(str(resources.files("detente.data").joinpath("demo/stories.jsonl")))
    result = _run([str(corpus)], db, quiet=True, workers=workers or default_workers())
    _summary(result.stats, db)
    with Store(db, read_only=True) as st:
        rows = st.con.execute(
            "SELECT cameo_root, count(*) FROM events WHERE factuality = 'asserted' GROUP BY 1 ORDER BY 1"
        ).fetchall()
        top = st.con.execute(
            "SELECT source_code, target_code, count(*) n FROM events WHERE factuality = 'asserted' "
            "AND source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC LIMIT 5"
        ).fetchall()
    out.print("asserted events by CAMEO root: " + ", ".join(f"{r}:{n}" for r, n in rows))
    out.print("top dyads: " + ", ".join(f"{s}->{t} ({n})" for s, t, n in top))
    out.print(f"\nOpen the dashboard:  .venv/bin/detente serve --db {db}   then visit http://127.0.0.1:8000/")
    out.print(f"Query from the shell: .venv/bin/detente events --db {db} --actor RUS")


@app.command()
def migrate(db: DbOpt = Path("detente.duckdb")) -> None:
    """Upgrade a database written by an older detente to the current schema."""
    if not db.exists():
        raise typer.BadParameter(f"{db}: no such database")
    with Store(db) as st:
        out.print(f"{db}: schema version {st.schema_version()}")


@actors_app.command("resolve")
def actors_resolve(
    text: str,
    on: Annotated[Optional[str], typer.Option("--date", help="Date of the event (YYYY-MM-DD).")] = None,
    kb: Annotated[Optional[list[Path]], typer.Option(help="Extra actor file(s).")] = None,
) -> None:
    """Resolve a name to an actor code as of a date, showing the rule and alternatives."""
    from detente.actors.inspect import resolve_text

    result = resolve_text(text, _published(on), tuple(map(str, kb or ())))
    out.print(result.render())
    if not result.actor.resolved:
        raise typer.Exit(1)


@actors_app.command("search")
def actors_search(text: str, limit: int = 20) -> None:
    """Search the knowledge base by (part of a) name."""
    from detente.actors.inspect import search

    for line in search(text, limit):
        out.print(line, highlight=False)


api_commands.register(app)  # serve, report
eval_commands.register(app)  # eval


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
