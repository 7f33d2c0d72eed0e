"""Command-line interface (thin: every command calls the library)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from detente.api import commands as api_commands
from detente.engines.local import RunStats, batched, default_workers, run_local
from detente.eval import commands as eval_commands
from detente.ingest import InputError, IngestOptions, Metadata, parse_date, read_inputs, read_metadata
from detente.model import Document, IngestIssue
from detente.pipeline import PipelineConfig
from detente.store import Store, export_table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="detente: code news about conflict and diplomacy into CAMEO events with provenance.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)
out = Console()

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
# fetching URLs, feeds and sitemaps (docs/ingest.md)
DelayOpt = Annotated[Optional[float], typer.Option(
    "--delay", help="Seconds between two requests to one web host (default 1; robots.txt Crawl-delay if longer).")]
AgentOpt = Annotated[Optional[str], typer.Option(
    "--user-agent", help="User-Agent for fetching (default names detente; add a contact address).")]


def _columns(columns: Optional[Path], **given: Optional[str]):
    from detente.ingest.columns import columns_from

    try:
        return columns_from(columns, **given)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--columns") from exc


def _published(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def code_into_store(
    inputs: list[str], db: Path, *, published: Optional[date] = None, workers: int = 1,
    config: PipelineConfig | None = None, recode: bool = False, quiet: bool = False,
    metadata: Metadata | None = None, options: IngestOptions | None = None,
) -> tuple[RunStats, list[str]]:
    """Read, code and store; returns run statistics and the doc ids seen (for export).

    Documents already stored with the same text are not coded again, but take the
    metadata and publication date this run brings (``detente.store.update``)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from detente.store.update import update_documents

    config = config or PipelineConfig()
    stats = RunStats()
    seen_ids: list[str] = []
    # The database is opened per batch and closed again, so that readers (the API
    # server, `detente events`) can open it between writes: DuckDB lets one process
    # hold a file at a time. It is created by the first batch: a run that reads nothing
    # leaves no database behind.
    pending_issues: list[IngestIssue] = []

    def on_issue(iss: IngestIssue) -> None:
        pending_issues.append(iss)
        err.print(f"[yellow]{'warning' if iss.kept else 'skipped'}[/] {iss}", highlight=False, soft_wrap=True)

    def skip_known(batch: list[Document]) -> list[Document]:
        seen_ids.extend(d.doc_id for d in batch)
        if recode:
            return batch
        with Store(db) as store:
            known = store.known_documents([d.doc_id for d in batch])
            todo = [d for d in batch if known.get(d.doc_id) is None or known[d.doc_id] != d.content_id]
            again = [d for d in batch if known.get(d.doc_id) == d.content_id]
            given = {d.doc_id: row.given() for d in again if metadata and (row := metadata.lookup(d))}
            upd = update_documents(store, again, given)
        stats.documents_skipped += len(batch) - len(todo)
        stats.documents_updated += upd.documents_updated
        stats.events_redated += upd.events_redated
        stats.events_need_recode += upd.events_inexact + upd.events_kept
        return todo

    progress = Progress(TextColumn("[bold]coding"), BarColumn(), TextColumn("{task.completed} docs"),
                        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=False)
    with progress:
        task = progress.add_task("code", total=None, events=0)
        batches = batched(read_inputs(inputs, published, metadata, options), config.batch_size, stats, on_issue)
        for coded in run_local(batches, config, workers, skip=skip_known):
            with Store(db) as store:
                res = store.write_batch(coded, issues=pending_issues, recode=recode)
            pending_issues.clear()
            stats.documents_coded += res.documents_written
            stats.documents_skipped += res.documents_skipped
            stats.documents_conflicting += res.documents_conflicting
            stats.events += res.events_written
            stats.asserted += res.asserted_written
            progress.update(task, advance=len(coded), events=stats.events)
    if not db.exists():  # nothing read, and no database before: none is made for the issues
        return stats, seen_ids
    with Store(db) as store:
        if pending_issues:
            store.write_batch([], issues=pending_issues)
        if stats.documents_coded or stats.documents_updated or recode or not _tables_fresh(store):
            _after_run(store)
    return stats, seen_ids


def _tables_fresh(store: Store) -> bool:
    from detente.analysis.tables import tables_fresh

    return tables_fresh(store.con)


def _after_run(store: Store) -> None:
    """Refresh derived analysis tables (clusters, aggregates) after a coding run."""
    from detente.analysis.tables import build_analysis_tables

    build_analysis_tables(store.con)


def _summary(stats: RunStats, db: Path) -> None:
    warned = sum(1 for i in stats.issues if i.kept)
    out.print(
        f"[bold]{stats.documents_read}[/] documents read, [bold]{stats.documents_coded}[/] coded, "
        f"{stats.documents_skipped} already stored, {len(stats.issues) - warned} skipped with errors"
        + (f", {warned} kept with warnings" if warned else "")
        + (f", {stats.documents_conflicting} id conflicts kept" if stats.documents_conflicting else "")
    )
    out.print(f"[bold]{stats.events}[/] events ({stats.asserted} asserted) -> {db}")
    if stats.documents_updated:
        out.print(
            f"{stats.documents_updated} stored documents updated (metadata, publication date), "
            f"{stats.events_redated} events re-dated without re-coding"
            + (f"; {stats.events_need_recode} of their dates may differ from a full re-coding (--recode)"
               if stats.events_need_recode else "")
        )


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders (recursive), '-' for JSONL on stdin, http(s) URLs of pages, RSS/Atom feeds or "
             "sitemaps, or a text file listing such URLs one per line.")],
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
    columns: Annotated[Optional[Path], typer.Option(
        help="YAML or JSON mapping of field to column for JSONL/CSV/TSV/Parquet inputs, e.g. {text: body}.")] = None,
    text_column: Annotated[Optional[str], typer.Option(help="Column holding the text (default 'text').")] = None,
    id_column: Annotated[Optional[str], typer.Option(help="Column holding the document id (default 'id').")] = None,
    date_column: Annotated[Optional[str], typer.Option(
        help="Column holding the publication date (default 'published' or 'date').")] = None,
    title_column: Annotated[Optional[str], typer.Option(help="Column holding the title (default 'title').")] = None,
    url_column: Annotated[Optional[str], typer.Option(help="Column holding the URL (default 'url').")] = None,
    delay: DelayOpt = None,
    user_agent: AgentOpt = None,
    refetch: Annotated[bool, typer.Option(help="Fetch URLs again even when the database has them.")] = False,
) -> None:
    """Code INPUTs into CAMEO events stored in a DuckDB file."""
    from detente.ingest.web import fetcher_for, url_scheme

    cols = _columns(columns, text=text_column, id=id_column, published=date_column, title=title_column,
                    url=url_column)
    config = PipelineConfig(kb_files=tuple(map(str, kb or ())), lexicon_files=tuple(map(str, lexicon or ())),
                            batch_size=batch_size)
    pub = _published(published)
    if engine == "spark":
        from detente.engines.spark import run_spark

        if out_file is None:
            raise typer.BadParameter("--engine spark writes Parquet: give --out DIR")
        if metadata is not None:
            raise typer.BadParameter("--metadata works with --engine local only")
        if cols.given:
            raise typer.BadParameter("--columns and --*-column work with --engine local only")
        if any(url_scheme(i) in ("http", "https") for i in inputs):  # s3a://, hdfs:// are Spark's
            raise typer.BadParameter("web pages, feeds and sitemaps work with --engine local only")
        n = run_spark(inputs, out_file, master=master, config=config, published=pub)
        out.print(f"[bold]{n}[/] events -> {out_file} (Parquet, partitioned by event month)")
        return
    if engine != "local":
        raise typer.BadParameter("--engine must be local or spark")
    try:
        meta = read_metadata(metadata) if metadata is not None else None
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--metadata") from exc
    with fetcher_for(db, delay=delay, user_agent=user_agent, refresh=refetch) as fetcher:
        stats, ids = code_into_store(inputs, db, published=pub, workers=workers or default_workers(),
                                     config=config, recode=recode, quiet=quiet, metadata=meta,
                                     options=IngestOptions(columns=cols, fetcher=fetcher))
    if meta is not None and meta.unused():
        err.print(f"[yellow]note[/] {meta.unused()} rows of {meta.path} matched no document", highlight=False)
    _summary(stats, db)
    if out_file is not None and db.exists():
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
def watch(
    feeds: Annotated[list[str], typer.Argument(
        help="URLs of RSS/Atom feeds or sitemaps (or a file listing them) to poll.")],
    db: DbOpt = Path("detente.duckdb"),
    every: Annotated[str, typer.Option(help="Time between polls: 15m, 90s, 1h.")] = "15m",
    max_polls: Annotated[int, typer.Option(help="Stop after N polls (0: until interrupted).")] = 0,
    once: Annotated[bool, typer.Option(help="Poll once and stop (--max-polls 1).")] = False,
    published: Annotated[Optional[str], typer.Option(help="Publication date for pages that carry none.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    delay: DelayOpt = None,
    user_agent: AgentOpt = None,
) -> None:
    """Poll FEEDs and code the pages they list for the first time (GDELT-style, on one machine)."""
    from datetime import datetime

    from detente.ingest.watch import parse_interval, polls
    from detente.ingest.web import fetcher_for

    try:
        interval = parse_interval(every)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    pub = _published(published)
    total = 0
    with fetcher_for(db, delay=delay, user_agent=user_agent) as fetcher:
        options = IngestOptions(fetcher=fetcher, new_only=True)
        try:
            for n in polls(interval, 1 if once else max_polls):
                stats, _ = code_into_store(feeds, db, published=pub, workers=workers, quiet=True, options=options)
                total += stats.documents_coded
                out.print(f"{datetime.now():%Y-%m-%d %H:%M:%S} poll {n}: {stats.documents_coded} new documents, "
                          f"{stats.events} events, {len(stats.issues)} issues", highlight=False)
        except KeyboardInterrupt:
            out.print("stopped")
    out.print(f"[bold]{total}[/] documents coded -> {db}")


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
    stats, _ = code_into_store([str(corpus)], db, workers=workers or default_workers(), quiet=True)
    _summary(stats, db)
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
