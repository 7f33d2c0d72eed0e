"""The event coder: parsed document in, Event records out.

For each sentence: find triggers (lexicon), find their arguments (parse),
resolve actors (knowledge base + document context), judge factuality, attach
time and place, and emit one Event per source x target pair.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import KnowledgeBase
from detente.actors.resolver import DocContext, focus_country, resolve_head
from detente.coding.arguments import find_arguments
from detente.coding.context import WhenWhere
from detente.coding.factuality import judge
from detente.coding.lexicon import Lexicon
from detente.coding.triggers import Trigger, find_triggers
from detente.geo import Gazetteer
from detente.model import Actor, Document, Event, Mention
from detente.ontology import Ontology


@dataclass(slots=True)
class Argument:
    tokens: list[Token]
    actor: Actor


@dataclass
class EventCoder:
    lexicon: Lexicon
    ontology: Ontology
    kb: KnowledgeBase
    gazetteer: Gazetteer

    def code(self, document: Document, chunks: Sequence[tuple[int, Doc]]) -> tuple[list[Event], int]:
        """Events of one document parsed as (offset, Doc) chunks; also returns the sentence count."""
        events: list[Event] = []
        focus = None
        for _, doc in chunks:
            focus = focus or focus_country(doc, self.kb)
        ctx = DocContext(focus_country=focus, event_date=document.published)
        ww = WhenWhere(document.published, self.gazetteer, focus)
        sent_index = 0
        for offset, doc in chunks:
            for sent in doc.sents:
                if any(not t.is_space for t in sent):
                    events.extend(self._code_sentence(document, offset, sent, sent_index, ctx, ww))
                sent_index += 1
        return events, sent_index

    # -----------------------------------------------------------------------------------
    def _resolve(self, heads: list[Token], ctx: DocContext) -> list[Argument]:
        out = []
        for h in heads:
            toks, actor = resolve_head(h, self.kb, ctx)
            out.append(Argument(toks, actor))
        return out

    def _code_sentence(
        self, document: Document, offset: int, sent: Span, index: int, ctx: DocContext, ww: WhenWhere
    ) -> list[Event]:
        triggers = find_triggers(sent, self.lexicon)
        if not triggers:
            # still let actors in this sentence feed coreference
            for ent in sent.ents:
                if ent.label_ == "PERSON":
                    resolve_head(ent.root, self.kb, ctx)
            return []
        para_start = _paragraph_start(document.text, offset + sent.start_char)
        events: list[Event] = []
        for trig in sorted(triggers, key=lambda t: t.token.i):
            # the event date first, so that people resolve to the role held on that date
            day, precision, date_text = ww.event_time(trig.token, sent, para_start)
            ctx.event_date = day or document.published
            args = find_arguments(trig)
            sources = self._resolve(args.sources, ctx)
            targets = self._resolve(args.targets, ctx)
            sources = [a for a in sources if a.actor.resolved]
            targets = [a for a in targets if a.actor.resolved]
            if not sources and not targets:
                continue
            pairs: list[tuple[Argument | None, Argument | None]]
            if args.reciprocal and not targets and len(sources) >= 2:
                pairs = [(a, b) for a, b in product(sources, sources) if a is not b]
            else:
                pairs = list(product(sources or [None], targets or [None]))
            fact = judge(trig.token, sent)
            actor_toks = {t.i for a in (*sources, *targets) for t in a.tokens}
            placement = ww.event_place(trig.token, sent, actor_toks)
            attributed = None
            if fact.attributed_to is not None:
                _, speaker = resolve_head(fact.attributed_to, self.kb, ctx)
                attributed = speaker.code or fact.attributed_to.text
            info = self.ontology[trig.code]
            for src, tgt in pairs:
                if src is not None and tgt is not None and src.actor.code == tgt.actor.code:
                    continue  # an actor acting on itself is a parse artefact here
                events.append(Event(
                    doc_id=document.doc_id, sentence_index=index, sentence=sent.text,
                    sentence_start=offset + sent.start_char,
                    cameo_code=info.code, cameo_root=info.root, quad_class=info.quad_class,
                    goldstein=info.goldstein, plover_type=info.plover_type,
                    trigger=_mention(trig.tokens if trig.pos == "NOUN" else (trig.token,), offset),
                    source=_arg_mention(src, offset), target=_arg_mention(tgt, offset),
                    factuality=fact.value, factuality_cue=fact.cue, attributed_to=attributed,
                    event_date=day, date_precision=precision, date_text=date_text,
                    location=placement.place, location_precision=placement.precision,
                    rule=trig.pattern.rule, confidence=_confidence(trig, src, tgt),
                ))
            if len(sources) >= 2:
                ctx.last_set = [a.actor for a in sources]
        return events


def _paragraph_start(text: str, pos: int) -> int:
    cut = text.rfind("\n\n", 0, pos)
    return 0 if cut == -1 else cut + 2


def _mention(tokens: Sequence[Token], offset: int) -> Mention:
    first, last = tokens[0], tokens[-1]
    doc = first.doc
    start, end = first.idx, last.idx + len(last.text)
    return Mention(doc.text[start:end], offset + start, offset + end)


def _arg_mention(arg: Argument | None, offset: int) -> Mention | None:
    if arg is None:
        return None
    m = _mention(arg.tokens, offset)
    m.actor = arg.actor
    return m


def _confidence(trig: Trigger, src: Argument | None, tgt: Argument | None) -> float:
    c = 0.4
    if src is not None:
        c += 0.25 if not (src.actor.how or "").startswith(("generic", "coref")) else 0.15
    if tgt is not None:
        c += 0.2 if not (tgt.actor.how or "").startswith(("generic", "coref")) else 0.1
    if trig.pattern.objects or trig.pattern.particles or trig.pattern.modifiers:
        c += 0.1
    return round(min(c, 0.95), 2)
