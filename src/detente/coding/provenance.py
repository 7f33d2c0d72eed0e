"""What an event keeps of where it came from: the words of its trigger and arguments
(``Mention`` spans with document offsets), the rule that names the trigger pattern and the
frames that chose its source, target and factuality, and a confidence from how its actors
were found. The coder (coding/coder.py) builds every Event with these."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from detente.coding.factuality import Factuality
from detente.coding.inference import Argument
from detente.coding.triggers import Trigger
from detente.model import Mention
from detente.nlp import doc_text


def event_rule(trig: Trigger, source_frame: str, target_frame: str, fact: Factuality) -> str:
    """The trigger pattern and the frames that gave source, target and factuality (with the
    factuality cue): "root19:195:v:bomb src=subject tgt=object fact=asserted@main-clause",
    "root04:040:v:meet src=subject tgt=object fact=future@auxiliaries:will"."""
    frame = f"@{fact.frame}" if fact.frame else ""
    cue = f":{fact.cue.lower()}" if fact.cue else ""
    return (f"{trig.pattern.rule} src={source_frame or '-'} tgt={target_frame or '-'} "
            f"fact={fact.value}{frame}{cue}")


def span_mention(tokens: Sequence[Token], offset: int) -> Mention:
    """The words from the first token to the last, with their offsets in the document."""
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last.text)
    return Mention(doc_text(first.doc)[start:end], offset + start, offset + end)


def arg_mention(arg: Argument | None, offset: int) -> Mention | None:
    """An argument's words with its resolved actor."""
    if arg is None:
        return None
    if not arg.tokens:  # an inferred role has no words of its own
        return Mention("", None, None, arg.actor)
    m = span_mention(arg.tokens, offset)
    m.actor = arg.actor
    return m


def confidence(trig: Trigger, src: Argument | None, tgt: Argument | None) -> float:
    """Higher for named actors than for inferred or referred ones, and for patterns with
    particles, objects or modifiers than for a bare word."""
    c = 0.4
    if src is not None and src.actor.resolved:
        c += 0.25 if not (src.actor.how or "").startswith(("generic", "coref", "sector-only")) else 0.15
    if tgt is not None:
        c += 0.2 if not (tgt.actor.how or "").startswith(("generic", "coref")) else 0.1
    if trig.pattern.objects or trig.pattern.particles or trig.pattern.modifiers:
        c += 0.1
    return round(min(c, 0.95), 2)
