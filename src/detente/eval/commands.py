"""The `detente eval` command."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        gold: Annotated[Path, typer.Argument(help="Gold file: detente JSONL, PLOVER GSR JSON, or PETRARCH XML.")],
        fmt: Annotated[str, typer.Option("--format", help="auto, jsonl, plover or petrarch")] = "auto",
        corpus: Annotated[Optional[list[Path]], typer.Option(help="Documents the gold refers to.")] = None,
        kb: Annotated[Optional[list[Path]], typer.Option(help="Extra actor/agent dictionaries.")] = None,
        verbs: Annotated[Optional[list[Path]], typer.Option(
            exists=True, dir_okay=False,
            help="PETRARCH verb dictionary replacing detente's patterns for its verbs.")] = None,
        verbs_only: Annotated[bool, typer.Option(
            "--verbs-only", help="PETRARCH-compatible: the --verbs dictionaries are the whole event lexicon.")] = False,
        by_category: Annotated[bool, typer.Option(help="Also print dyad F1 per record category.")] = False,
    ) -> None:
        """Score detente against a gold standard: precision, recall and F1."""
        from detente.eval.gold import load_gold
        from detente.eval.runner import evaluate
        from detente.pipeline import Pipeline, PipelineConfig

        if verbs_only and not verbs:
            raise typer.BadParameter("give the verb dictionaries with --verbs", param_hint="--verbs-only")
        load_gold(gold, fmt)  # a bad gold file is one line (GoldError), before the model loads
        config = PipelineConfig(kb_files=tuple(map(str, kb or ())), verb_files=tuple(map(str, verbs or ())),
                                verbs_only=verbs_only)
        if config.verb_files:  # a bad line is one error, before the model loads
            from detente.coding.petrarch_verbs import load_verb_dictionaries

            load_verb_dictionaries(config.verb_files)
        pipe = Pipeline(config)
        rep = evaluate(gold, fmt=fmt, corpus=list(corpus or ()), pipeline=pipe)
        con = Console()
        con.print(f"{gold.name}: {rep.sentences} sentences, {rep.gold_events} gold events, "
                  f"{rep.predicted_events} predicted (measured {date.today().isoformat()})")
        t = Table("measure", "precision", "recall", "F1")
        for row in rep.rows():
            t.add_row(*row)
        con.print(t)
        if rep.no_event_sentences:
            con.print(f"no-event sentences given an event: {rep.no_event_fp}/{rep.no_event_sentences}")
        if rep.unscored_events:
            con.print(f"{rep.unscored_events} predicted events in sentences the gold does not cover: not scored")
        if rep.unplaced_sentences:
            con.print(f"{rep.unplaced_sentences} gold sentences not found in their document's text: "
                      f"matched by sentence text only")
        if rep.misplaced_sentences:
            con.print(f"{rep.misplaced_sentences} gold sentences whose sentence_start/sentence_end "
                      f"do not hold their text in the document")
        con.print(f"sentences coded exactly right (dyad + type, nothing extra): "
                  f"{rep.correct_sentences}/{rep.sentences} = {rep.correct_sentences / max(rep.sentences, 1):.1%}")
        if by_category:
            c = Table("category", "precision", "recall", "F1")
            for cat, counts in sorted(rep.by_category.items()):
                c.add_row(cat, *(f"{x:.3f}" for x in counts.prf()))
            con.print(c)
