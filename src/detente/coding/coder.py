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
from detente.actors.resolver import DocContext, focus_country, resolve_all, resolve_head
from detente.coding.arguments import find_arguments
from detente.coding.context import WhenWhere
from detente.coding.factuality import judge
from detente.coding.lexicon import Lexicon
from detente.coding.triggers import Trigger, find_triggers
from detente.geo import Gazetteer
from detente.model import Actor, Document, Event, Mention
from detente.nlp import dep_ids, doc_text, lemma_ids, span_text
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
        focus, theatre = focus_country([doc for _, doc in chunks], self.kb, self.gazetteer)
        ctx = DocContext(focus_country=focus, theatre_country=theatre, event_date=document.published)
        ww = WhenWhere(document.published, self.gazetteer, focus)
        sent_index = 0
        for offset, doc in chunks:
            ctx.offset = offset
            for sent in doc.sents:
                if any(not t.is_space for t in sent):
                    events.extend(self._code_sentence(document, offset, sent, sent_index, ctx, ww))
                sent_index += 1
        return events, sent_index

    # -----------------------------------------------------------------------------------
    def _remember_group_subjects(self, sent: Span, ctx: DocContext, trigger_heads: set[int]) -> None:
        """Resolve subjects that are group nouns ("the Assad regime is serious") even when
        they act in no event, so that a later "it" finds them rather than an older group.
        Subjects of a trigger are left to the trigger, which resolves them anyway."""
        doc = sent.doc
        strings = doc.vocab.strings
        subj = (strings["nsubj"], strings["nsubjpass"])
        deps, lemmas = dep_ids(doc), lemma_ids(doc)
        for i in range(sent.start, sent.end):
            if deps[i] in subj and strings[lemmas[i]].lower() in self.kb.sector_nouns:
                tok = doc[i]
                if tok.head.i not in trigger_heads:
                    resolve_head(tok, self.kb, ctx)

    def _resolve(self, heads: list[Token], ctx: DocContext) -> list[Argument]:
        return [Argument(toks, actor) for h in heads for toks, actor in resolve_all(h, self.kb, ctx)]

    def _code_sentence(
        self, document: Document, offset: int, sent: Span, index: int, ctx: DocContext, ww: WhenWhere
    ) -> list[Event]:
        # named actors of the sentence first, so that pronouns find their antecedents
        ctx.event_date = document.published
        for ent in sent.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                resolve_head(ent.root, self.kb, ctx)
        triggers = find_triggers(sent, self.lexicon)
        self._remember_group_subjects(sent, ctx, {t.token.i for t in triggers})
        if not triggers:
            return []
        para_start = offset
        coded: list[tuple[Trigger, list[Event]]] = []
        trigger_heads = {t.token.i for t in triggers}
        for trig in sorted(triggers, key=lambda t: t.token.i):
            # the event date first, so that people resolve to the role held on that date
            day, precision, date_text = ww.event_time(trig.token, sent, para_start)
            ctx.event_date = day or document.published
            args = find_arguments(trig)
            # an event noun coordinated with an argument ("the resolution and the visit") is no actor
            sources = self._resolve([h for h in args.sources if not _coordinated_event(h, trigger_heads)], ctx)
            targets = self._resolve([_author_of(h, trigger_heads) for h in args.targets
                                     if not _coordinated_event(h, trigger_heads)], ctx)
            sources = [a for a in sources if a.actor.resolved]
            targets = [a for a in targets if a.actor.resolved]
            for group in (sources, targets):  # "both sides" later refers to this pair
                if len({a.actor.code for a in group}) == 2:
                    ctx.last_set = [a.actor for a in group]
            if not sources:
                continue  # an event needs a known source: who did it is the point
            pairs: list[tuple[Argument, Argument | None]]
            if not targets and len(sources) >= 2 and _reciprocal(trig.code):
                # "Russia and Turkey met / agreed a ceasefire": each with the other
                pairs = [(a, b) for a, b in product(sources, sources) if a is not b]
            else:
                pairs = list(product(sources, targets or [None]))
            fact = judge(trig.token, sent)
            actor_toks = {t.i for a in (*sources, *targets) for t in a.tokens}
            placement = ww.event_place(trig.token, sent, actor_toks)
            attributed = None
            if fact.attributed_to is not None:
                _, speaker = resolve_head(fact.attributed_to, self.kb, ctx)
                attributed = speaker.code or fact.attributed_to.text
            info = self.ontology[trig.code]
            events: list[Event] = []
            coded.append((trig, events))
            for src, tgt in pairs:
                if tgt is not None and src.actor.code == tgt.actor.code:
                    continue  # an actor acting on itself is a parse artefact here
                events.append(Event(
                    doc_id=document.doc_id, sentence_index=index, sentence=span_text(sent),
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
        return [e for trig, evs in _drop_framing_statements(coded) for e in evs]


def _drop_framing_statements(coded: list[tuple[Trigger, list[Event]]]) -> list[tuple[Trigger, list[Event]]]:
    """'X said that Y happened': Y is the event (attributed to X); the bare statement (010)
    is kept only when what was said holds no coded event of its own (CAMEO's residual rule)."""
    with_events = [t for t, evs in coded if evs]
    out = []
    for t, evs in coded:
        if t.code == "010" and evs:
            inside = {tok.i for tok in t.token.subtree}
            if any(o is not t and o.token.i in inside for o in with_events):
                continue
            if t.token.dep_ in ("ccomp", "parataxis", "advcl") and any(
                    # "..., the envoy said."; "defended Damascus, saying ..."
                    o is not t and o.token.i == t.token.head.i for o in with_events):
                continue
        out.append((t, evs))
    return out


def _author_of(head: Token, trigger_heads: set[int]) -> Token:
    """A target that is itself an event ("criticised Lavrov's visit") stands for its author."""
    if head.i in trigger_heads:
        for c in head.children:
            if c.dep_ == "poss":
                return c
    return head


def _coordinated_event(head: Token, trigger_heads: set[int]) -> bool:
    return head.dep_ == "conj" and head.i in trigger_heads


RECIPROCAL_PREFIXES = ("03", "04", "057", "06", "0871", "190", "193")


def _reciprocal(code: str) -> bool:
    """Codes whose coordinated subjects act on each other (meet, negotiate, agree, clash)."""
    return code.startswith(RECIPROCAL_PREFIXES)


def _mention(tokens: Sequence[Token], offset: int) -> Mention:
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last.text)
    return Mention(doc_text(first.doc)[start:end], offset + start, offset + end)


def _arg_mention(arg: Argument | None, offset: int) -> Mention | None:
    if arg is None:
        return None
    m = _mention(arg.tokens, offset)
    m.actor = arg.actor
    return m


def _confidence(trig: Trigger, src: Argument, tgt: Argument | None) -> float:
    c = 0.4
    c += 0.25 if not (src.actor.how or "").startswith(("generic", "coref")) else 0.15
    if tgt is not None:
        c += 0.2 if not (tgt.actor.how or "").startswith(("generic", "coref")) else 0.1
    if trig.pattern.objects or trig.pattern.particles or trig.pattern.modifiers:
        c += 0.1
    return round(min(c, 0.95), 2)
