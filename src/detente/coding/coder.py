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
from detente.coding.arguments import Arguments, find_arguments
from detente.coding.context import Placement, WhenWhere
from detente.coding.factuality import Factuality, judge
from detente.coding.furniture import dateline_end, is_furniture
from detente.coding.lexicon import Lexicon
from detente.coding.triggers import Trigger, find_triggers
from detente.coding.wordlists import WORDS
from detente.geo import Gazetteer
from detente.coding.placement import PlaceFinder
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
        ww = WhenWhere.for_document(document.published, [doc for _, doc in chunks], self.kb, self.gazetteer,
                                    focus, theatre)
        sent_index = 0
        for offset, doc in chunks:
            ctx.offset = offset
            # a dateline opens the document ("SEOUL (AP) —"): a place of filing, never an actor
            dateline = dateline_end(doc_text(doc)) if offset == 0 else 0
            for sent in doc.sents:
                if any(not t.is_space for t in sent):
                    events.extend(self._code_sentence(document, offset, sent, sent_index, ctx, ww,
                                                      dateline if sent.start == 0 else 0))
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

    def _resolve(self, heads: list[Token], ctx: DocContext, skip_before: int,
                 places: PlaceFinder | None = None) -> list[Argument]:
        out = []
        for h in heads:
            if h.idx < skip_before:
                continue
            for toks, actor in resolve_all(h, self.kb, ctx):
                if places is not None and not actor.resolved:
                    actor = _place_actor(h, places) or actor
                out.append(Argument(toks, actor))
        return out

    def _code_sentence(
        self, document: Document, offset: int, sent: Span, index: int, ctx: DocContext, ww: WhenWhere,
        dateline: int = 0,
    ) -> list[Event]:
        if is_furniture(span_text(sent)):
            return []  # captions, credits, links: no event
        # named actors of the sentence first, so that pronouns find their antecedents
        ctx.event_date = document.published
        for ent in sent.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.start_char >= dateline:
                resolve_head(ent.root, self.kb, ctx)
        triggers = find_triggers(sent, self.lexicon)
        self._remember_group_subjects(sent, ctx, {t.token.i for t in triggers})
        para_start = offset
        if not triggers:
            ww.see(sent, para_start)  # a later "the next day" may point to its date
            return []
        coded: list[tuple[Trigger, list[Event]]] = []
        trigger_heads = {t.token.i for t in triggers}
        for trig in sorted(triggers, key=lambda t: t.token.i):
            # the event date first, so that people resolve to the role held on that date
            fact = judge(trig.token, sent)  # before the date: a scheduled event's date lies ahead
            day, precision, date_text = ww.event_time(trig.token, sent, para_start, fact.value, trigger_heads)
            ctx.event_date = day or document.published
            args = find_arguments(trig)
            # an event noun coordinated with an argument ("the resolution and the visit") is no actor
            sources = self._resolve([h for h in args.sources if not _coordinated_event(h, trigger_heads)],
                                    ctx, dateline)
            targets = self._resolve([_quantity_head(_author_of(h, trigger_heads)) for h in args.targets
                                     if not _coordinated_event(h, trigger_heads)], ctx, dateline, places=ww.places)
            # a source is kept when known, or when it is a person or role we can name but not code
            sources = [a for a in sources if a.actor.resolved or a.actor.how == "unresolved:person"]
            sources = [_person_country(a, ctx) for a in sources]
            # a target must be a coded actor with a country or organisation; a role with no
            # country ("civilians", "troops") waits for the country where the event happened
            victims = [a for a in targets if a.actor.how == "sector-only"] or (
                self._resolve([trig.object_token], ctx, dateline) if trig.object_token is not None
                and trig.object_token.lemma_.lower() in WORDS.people_nouns else [])  # "kill ~people"
            victims = [a for a in victims if a.actor.how == "sector-only"]
            targets = [a for a in targets if a.actor.resolved and a.actor.how != "sector-only"]
            for group in (sources, targets):  # "both sides" later refers to this pair
                if len({a.actor.code for a in group}) == 2:
                    ctx.last_set = [a.actor for a in group]
            source_frame, target_frame = args.source_frame, args.target_frame if targets else ""
            if not sources:
                if not _agentless(trig, args):
                    continue  # a nominal or active event needs someone who did it
                sources, source_frame = [None], "agentless-passive"
            pairs: list[tuple[Argument | None, Argument | None]]
            if not targets and args.target_frame in ("", "pattern-object") and len(sources) >= 2 \
                    and _reciprocal(trig.code):
                # "Russia and Turkey met / agreed a ceasefire": each with the other
                pairs = [(a, b) for a, b in product(sources, sources) if a is not b]
                target_frame = "reciprocal"
            else:
                pairs = list(product(sources, targets or [None]))
            actor_toks = {t.i for a in (*sources, *targets) if a is not None for t in a.tokens}
            placement = ww.event_place(trig.token, trig.code, actor_toks, trigger_heads)
            if not targets and target_frame != "reciprocal" and trig.code[:2] in WORDS.theatre_target_roots:
                inferred = _theatre_target(placement, ctx, sources, victims[0] if victims else None)
                if inferred is not None:
                    targets, target_frame = [inferred], inferred.actor.how or ""
                    pairs = list(product(sources, targets))
            attributed = None
            if fact.attributed_to is not None:
                _, speaker = resolve_head(fact.attributed_to, self.kb, ctx)
                attributed = speaker.code or fact.attributed_to.text
            info = self.ontology[trig.code]
            rule = _rule(trig, source_frame, target_frame, fact)
            out: list[Event] = []
            coded.append((trig, out))
            for src, tgt in pairs:
                if src is not None and tgt is not None and src.actor.code and src.actor.code == tgt.actor.code:
                    continue  # an actor acting on itself is a parse artefact here
                out.append(Event(
                    doc_id=document.doc_id, sentence_index=index, sentence=span_text(sent),
                    sentence_start=offset + sent.start_char,
                    cameo_code=info.code, cameo_root=info.root, quad_class=info.quad_class,
                    goldstein=info.goldstein, plover_type=info.plover_type,
                    trigger=_mention(trig.tokens if trig.pos == "NOUN" else (trig.token,), offset),
                    source=_arg_mention(src, offset), target=_arg_mention(tgt, offset),
                    factuality=fact.value, factuality_cue=fact.cue, attributed_to=attributed,
                    event_date=day, date_precision=precision, date_text=date_text,
                    location=placement.place, location_precision=placement.precision,
                    location_how=placement.how,
                    rule=rule, confidence=_confidence(trig, src, tgt),
                ))
        return _drop_participial_statements(coded)


def _place_actor(head: Token, places: PlaceFinder) -> Actor | None:
    """A place as a target stands for its country: "bombed eastern Aleppo" -> SYR,
    "attacked the province of Idlib" -> SYR (how "place:<name>")."""
    cands = [head] + [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for tok in cands:
        if tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP") or tok.pos_ != "PROPN":  # NORP: "eastern Aleppo"
            continue
        found = places.place_of(tok)
        if found is not None and found[0].country:
            place = found[0]
            return Actor(code=place.country, country=place.country, how=f"place:{place.name}")
    return None


def _rule(trig: Trigger, source_frame: str, target_frame: str, fact: Factuality) -> str:
    """The trigger pattern and the frames that gave source, target and factuality:
    "root19:195:v:bomb src=subject tgt=object fact=asserted"."""
    cue = f":{fact.cue.lower()}" if fact.cue else ""
    return (f"{trig.pattern.rule} src={source_frame or '-'} tgt={target_frame or '-'} "
            f"fact={fact.value}{cue}")


def _theatre_target(placement: Placement, ctx: DocContext, sources: list[Argument | None],
                    victim: Argument | None) -> Argument | None:
    """The country where a material event took place, as its target when the text names none:
    "Turkey's campaign in Syria" -> TUR->SYR (target how "inferred:place-clause"). From the event's
    own clause first, else the document's theatre; never the source's own country. A victim named
    only by its role ("killing dozens of civilians") keeps the role: SYRCVL."""
    if placement.place is not None and placement.place.country and placement.precision == "clause":
        country, how = placement.place.country, f"inferred:place-{placement.precision}"
    elif ctx.theatre_country:
        country, how = ctx.theatre_country, "inferred:document-theatre"
    else:
        return None
    if victim is not None:
        sector = victim.actor.sector or ""
        return Argument(victim.tokens, Actor(code=f"{country}{sector}", country=country, sector=sector or None,
                                             how=f"sector+{how}"))
    if any(s is not None and s.actor.country == country for s in sources):
        return None
    return Argument([], Actor(code=country, country=country, how=how))


def _person_country(arg: Argument, ctx: DocContext) -> Argument:
    """A person the knowledge base does not know, in a story about one country, is most
    often of that country: the code is the focus country (how "inferred:focus-country")."""
    if arg.actor.how != "unresolved:person" or not ctx.focus_country:
        return arg
    a = arg.actor
    return Argument(arg.tokens, Actor(code=ctx.focus_country, country=ctx.focus_country, name=a.name,
                                      how="inferred:focus-country"))


def _agentless(trig: Trigger, args: Arguments) -> bool:
    """A passive verb with no known agent ("eight people were killed in an air strike"), or an
    event noun with a victim and no author ("the arrest of five people"): the event stands with
    an unknown source when its victim is an actor or a word for people."""
    if trig.pos == "VERB":
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.token.children):
            return False
    elif args.sources or args.target_frame != "noun:prep" or trig.code[:2] not in WORDS.theatre_target_roots:
        return False  # nominal: only material events ("the arrest of", "the killing of")
    victims = list(args.targets) + ([trig.object_token] if trig.object_token is not None else [])
    return any(h.lemma_.lower() in WORDS.people_nouns or h.lower_ in WORDS.people_nouns or h.ent_type_ in (
        "GPE", "NORP", "ORG", "PERSON") or any(c.dep_ == "nummod" for c in h.children) for h in victims
               if h.pos_ in ("NOUN", "PROPN"))


def _drop_participial_statements(coded: list[tuple[Trigger, list[Event]]]) -> list[Event]:
    """ "ridiculed the call, saying ...": the participial statement elaborates the event it
    hangs on and gives way to it; a main-clause "X said" stays a statement (010) beside
    what was said."""
    with_events = {t.token.i for t, evs in coded if evs}
    out: list[Event] = []
    said: set[tuple[str | None, str | None, str]] = set()  # "In his speech, X said": one statement
    for t, evs in coded:
        tok = t.token
        if t.code == "010" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") \
                and tok.head.i in with_events and tok.head.i != tok.i:
            continue
        for e in evs:
            if e.cameo_code == "010":
                key = (e.source.actor.code if e.source else None, e.target.actor.code if e.target else None,
                       e.factuality)
                if key in said:
                    continue
                said.add(key)
            out.append(e)
    return out


def _quantity_head(head: Token) -> Token:
    """ "dozens of civilians", "hundreds of troops": the people counted, not the count."""
    if head.lemma_.lower() in WORDS.quantity_nouns:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return head


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
    if not arg.tokens:  # an inferred role has no words of its own
        return Mention("", None, None, arg.actor)
    m = _mention(arg.tokens, offset)
    m.actor = arg.actor
    return m


def _confidence(trig: Trigger, src: Argument | None, tgt: Argument | None) -> float:
    c = 0.4
    if src is not None and src.actor.resolved:
        c += 0.25 if not (src.actor.how or "").startswith(("generic", "coref", "sector-only")) else 0.15
    if tgt is not None:
        c += 0.2 if not (tgt.actor.how or "").startswith(("generic", "coref")) else 0.1
    if trig.pattern.objects or trig.pattern.particles or trig.pattern.modifiers:
        c += 0.1
    return round(min(c, 0.95), 2)
