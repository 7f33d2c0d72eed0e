"""Command-line interface (thin: every command parses options, calls the library, prints).

User errors are one line on stderr and exit status 2 (``detente.cli_options``).
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from detente.api import commands as api_commands
from detente.cli_options import (Actor, Code, DbOpt, DocId, Dyad, Factuality, OneLineErrors, Place, Quad, Root,
                                 Since, Text, Undirected, Until, filters)
from detente.engines.local import RunStats, default_workers
from detente.eval import commands as eval_commands
from detente.ingest import InputError, IngestOptions, parse_date
from detente.pipeline import PipelineConfig
from detente.run import RunResult, code_into_store, summary
from detente.store import Store, StoreError

app = typer.Typer(cls=OneLineErrors, add_completion=False, no_args_is_help=True,
                  help="detente: code news about conflict and diplomacy into CAMEO events with provenance.")
actors_app = typer.Typer(cls=OneLineErrors, no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)
out = Console()

OutFormat = Annotated[Optional[str], typer.Option(
    "--format", help="csv, tsv, jsonl, parquet or gdelt (GDELT 2.0 event table); default: from the --out name")]
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


def _published(value: Optional[str], option: str = "--published") -> Optional[date]:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from exc


def _run(inputs: list[str], db: Path, *, quiet: bool = False, **kw) -> RunResult:
    """The library's coding run, with a progress bar and skipped records on stderr."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("[bold]coding"), BarColumn(), TextColumn("{task.completed} docs"),
                        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=False)
    task = progress.add_task("code", total=None, events=0)
    try:
        return code_into_store(
            inputs, db, **kw, on_start=progress.start,
            on_issue=lambda iss: err.print(f"[yellow]{'warning' if iss.kept else 'skipped'}[/] {iss}",
                                           highlight=False, soft_wrap=True),
            on_batch=lambda st: progress.update(task, completed=st.documents_coded + st.documents_skipped,
                                                events=st.events))
    finally:
        progress.stop()


def _summary(stats: RunStats, db: Path) -> None:
    for line in summary(stats, db):
        out.print(line, highlight=False)


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders (recursive), '-' for JSONL on stdin, http(s) URLs of pages, RSS/Atom feeds or "
             "sitemaps, or a text file listing such URLs one per line.")],
    db: DbOpt = Path("detente.duckdb"),
    out_file: Annotated[Optional[str], typer.Option(
        "--out", help="Also export the run's events (all factualities): .csv, .tsv, .jsonl, .parquet or .gdelt.tsv "
                      "(engine spark: an output folder or URL for Parquet)")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs that carry none.")] = None,
    metadata: Annotated[Optional[Path], typer.Option(
        exists=True, dir_okay=False, help="CSV or JSONL keyed by 'file' (relative to the input folder) or 'id', with any of "
             "published, title, source, url. Also updates documents already stored.")] = None,
    workers: Annotated[int, typer.Option(min=0, help="Worker processes (default: all cores).")] = 0,
    engine: Annotated[str, typer.Option(help="local or spark")] = "local",
    master: Annotated[str, typer.Option(help="Spark master URL (engine spark).")] = "local[2]",
    kb: Annotated[Optional[list[Path]], typer.Option(
        exists=True, dir_okay=False, help="Extra actor file(s): YAML or PETRARCH .txt")] = None,
    lexicon: Annotated[Optional[list[Path]], typer.Option(
        exists=True, dir_okay=False, help="Extra lexicon YAML file(s).")] = None,
    verbs: Annotated[Optional[list[Path]], typer.Option(
        exists=True, dir_okay=False, help="PETRARCH verb dictionary (CAMEO.2.0.txt format): replaces detente's "
                                          "patterns for the verbs it defines.")] = None,
    verbs_only: Annotated[bool, typer.Option(
        "--verbs-only", help="PETRARCH-compatible: the --verbs dictionaries are the whole event lexicon.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch (and per commit).")] = 32,
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
    if verbs_only and not verbs:
        raise typer.BadParameter("give the verb dictionaries with --verbs", param_hint="--verbs-only")
    config = PipelineConfig(kb_files=tuple(map(str, kb or ())), lexicon_files=tuple(map(str, lexicon or ())),
                            verb_files=tuple(map(str, verbs or ())), verbs_only=verbs_only, batch_size=batch_size)
    if config.verb_files:  # read up front: a bad line is one error here, not one per worker
        from detente.coding.petrarch_verbs import load_verb_dictionaries

        for d in load_verb_dictionaries(config.verb_files):
            if not quiet:
                err.print(d.summary(), highlight=False, soft_wrap=True)
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
        raise typer.BadParameter("use local or spark", param_hint="--engine")
    from detente.export import check_export, export_events

    fmt = check_export(out_file) if out_file is not None else None  # before coding, not after
    with fetcher_for(db, delay=delay, user_agent=user_agent, refresh=refetch) as fetcher:
        result = _run(inputs, db, quiet=quiet, published=pub, workers=workers or default_workers(),
                      config=config, recode=recode, metadata=metadata,
                      options=IngestOptions(columns=cols, fetcher=fetcher))
    stats = result.stats
    if result.metadata_unused:
        err.print(f"[yellow]note[/] {result.metadata_unused} rows of {metadata} matched no document", highlight=False)
    _summary(stats, db)
    if out_file is not None and db.exists():
        from detente.analysis.filters import Filters

        with Store(db, read_only=True) as st:
            n = export_events(st.con, out_file, Filters(factuality=None), fmt=fmt, doc_ids=result.doc_ids)
        out.print(f"exported {n} events -> {out_file}", highlight=False)
    if stats.documents_read == 0 or (strict and stats.issues):
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(
        help="URLs of RSS/Atom feeds or sitemaps (or a file listing them) to poll.")],
    db: DbOpt = Path("detente.duckdb"),
    every: Annotated[str, typer.Option(help="Time between polls: 15m, 90s, 1h.")] = "15m",
    max_polls: Annotated[int, typer.Option(min=0, help="Stop after N polls (0: until interrupted).")] = 0,
    once: Annotated[bool, typer.Option(help="Poll once and stop (--max-polls 1).")] = False,
    published: Annotated[Optional[str], typer.Option(help="Publication date for pages that carry none.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
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
                stats = _run(feeds, db, quiet=True, published=pub, workers=workers, options=options).stats
                total += stats.documents_coded
                out.print(f"{datetime.now():%Y-%m-%d %H:%M:%S} poll {n}: {stats.documents_coded} new documents, "
                          f"{stats.events} events, {len(stats.issues)} issues", highlight=False)
        except KeyboardInterrupt:
            out.print("stopped")
    out.print(f"[bold]{total}[/] documents coded -> {db}")


@app.command()
def events(
    db: DbOpt = Path("detente.duckdb"),
    actor: Actor = None, dyad: Dyad = None, undirected: Undirected = False, code: Code = None, root: Root = None,
    quad: Quad = None, factuality: Factuality = "asserted", since: Since = None, until: Until = None,
    place: Place = None, q: Text = None, doc_id: DocId = None,
    sort: Annotated[str, typer.Option(help="date_asc, date_desc, goldstein_asc or goldstein_desc")] = "date_asc",
    limit: Annotated[int, typer.Option(min=1, help="Rows to print (an export writes every match).")] = 50,
    out_file: Annotated[Optional[Path], typer.Option(
        "--out", help="Export to a file: .csv, .tsv, .jsonl, .parquet or .gdelt.tsv (docs/exports.md)")] = None,
    fmt: OutFormat = None,
) -> None:
    """Query stored events (asserted only unless --factuality says otherwise); print a table or export."""
    from detente.analysis.events import SORTS, count_events, select_sql
    from detente.export import check_export, export_events

    f = filters(actor, dyad, undirected, code, root, quad, factuality, since, until, place, q, doc_id)
    if sort not in SORTS:
        raise typer.BadParameter(f"{sort!r}: use one of {', '.join(SORTS)}", param_hint="--sort")
    if out_file is None and fmt is not None:
        raise typer.BadParameter("give --out FILE with --format", param_hint="--format")
    if out_file is not None:
        fmt = check_export(out_file, fmt)
    with Store(db, read_only=True) as st:
        if out_file is not None:
            n = export_events(st.con, out_file, f, fmt=fmt, sort=sort)
            out.print(f"exported {n} events -> {out_file}", highlight=False)
            return
        total = count_events(st.con, f)
        sql, params = select_sql(f, sort=sort, limit=limit)
        cur = st.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
    _print_events(rows)
    shown = "asserted events" if f.factuality == ("asserted",) else "events"
    out.print(f"{len(rows)} of {total} {shown} shown"
              + (" (--factuality any for every factuality)" if f.factuality == ("asserted",) else ""),
              highlight=False)


def _print_events(rows: list[dict]) -> None:
    from rich.table import Table

    t = Table("event", "date", "source", "code", "target", "fact.", "document", "published", "title / url",
              "sentence", show_lines=False)
    for r in rows:
        where = " ".join(x for x in (r["doc_title"], r["doc_url"]) if x)
        t.add_row(r["event_id"], str(r["event_date"] or ""), r["source_code"] or "-", r["cameo_code"],
                  r["target_code"] or "-", r["factuality"], r["doc_id"], str(r["published"] or ""), where,
                  (r["sentence"] or "")[:120])
    out.print(t)


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
        raise StoreError(f"{db}: no such database (give the file to upgrade)")
    with Store(db) as st:
        out.print(f"{db}: schema version {st.schema_version()}")


@actors_app.command("resolve")
def actors_resolve(
    text: str,
    on: Annotated[Optional[str], typer.Option("--date", help="Date of the event (YYYY-MM-DD).")] = None,
    kb: Annotated[Optional[list[Path]], typer.Option(exists=True, dir_okay=False, help="Extra actor file(s).")] = None,
) -> None:
    """Resolve a name to an actor code as of a date, showing the rule and alternatives."""
    from detente.actors.inspect import resolve_text

    result = resolve_text(text, _published(on, "--date"), tuple(map(str, kb or ())))
    out.print(result.render())
    if not result.actor.resolved:
        raise typer.Exit(1)


@actors_app.command("search")
def actors_search(text: str, limit: Annotated[int, typer.Option(min=1)] = 20) -> None:
    """Search the knowledge base by (part of a) name."""
    from detente.actors.inspect import search

    for line in search(text, limit):
        out.print(line, highlight=False)


api_commands.register(app)  # serve, report
eval_commands.register(app)  # eval


def main() -> None:  # pragma: no cover
    app(prog_name="detente")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
