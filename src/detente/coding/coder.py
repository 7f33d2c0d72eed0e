"""The event coder: parsed document in, Event records out.

For each sentence: find triggers (lexicon), find their arguments (parse),
resolve actors (knowledge base + document context), judge factuality, attach
time and place, and emit one Event per source x target pair.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from dataclasses import dataclass
from itertools import chain, product

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import KnowledgeBase
from detente.actors.document import DocContext, focus_country, located
from detente.actors.resolver import resolve_all, resolve_head
from detente.coding import violence
from detente.coding.arguments import Arguments, agentless, crowd_onset, find_arguments, harm_subject
from detente.coding.grievances import grievance_authors
from detente.coding.complements import (Coded, accusations, complement_subject, dual_codes, failed_talks,
                                        give_victims, intents, link_complements, normative_subject, protest_aims,
                                        purpose_target, restated_acts, retarget, same_act, same_means,
                                        threat_addressee, victim_clause)
from detente.coding.context import WhenWhere
from detente.coding.evaluation import descriptions, evaluated_subject, judgeable
from detente.coding.factuality import judge
from detente.coding.harm import told_by_its_verb
from detente.coding.furniture import dateline_end, dateline_place, is_furniture
from detente.coding.inference import (UNKNOWN_NAMES, Argument, armed_support, civil_war, conjoined, custodians_country,
                                      ethnic_resident, fought_alongside, holder, host_target, local_role,
                                      official_complaint, person_country, place_actor, place_crowd, role_country,
                                      role_in, speaker_self, speakers_own, state_author, theatre_target, verbal_clash,
                                      victim_country, visits_a_place)
from detente.coding.lexicon import Lexicon
from detente.coding.scope import drop_sourcing_tags, ordinary_justice, private_person
from detente.coding.triggers import Trigger, find_triggers
from detente.coding.wordlists import WORDS
from detente.geo import Gazetteer
from detente.geo.words import GEO_WORDS
from detente.coding.placement import PlaceFinder
from detente.coding.provenance import arg_mention, confidence, event_rule, span_mention
from detente.model import Actor, Document, Event, Place
from detente.nlp import dep_ids, doc_text, lemma_ids, sent_ents, span_text
from detente.ontology import Ontology


@dataclass
class EventCoder:
    lexicon: Lexicon
    ontology: Ontology
    kb: KnowledgeBase
    gazetteer: Gazetteer
    patterns_only: bool = False  # PETRARCH-compatible: codes from the patterns only, none derived (README)

    def code(self, document: Document, chunks: Sequence[tuple[int, Doc]]) -> tuple[list[Event], int]:
        """Events of one document parsed as (offset, Doc) chunks; also returns the sentence count."""
        events: list[Event] = []
        filed = self._filed_at(document.text) if chunks else None  # the parser read the dateline closed
        focus, theatre = focus_country([doc for _, doc in chunks], self.kb, self.gazetteer, filed)
        if focus is None and filed is not None:  # a short wire story: where it was filed says where it is
            focus = filed[1].country
        ctx = DocContext(focus_country=focus, theatre_country=theatre, event_date=document.published,
                         publication_country=self._outlet_country(document.source))
        ww = WhenWhere.for_document(document.published, [doc for _, doc in chunks], self.kb, self.gazetteer,
                                    focus, theatre)
        sent_index = 0
        for offset, doc in chunks:
            ctx.offset = offset
            ctx.add_quotes(doc_text(doc), offset)
            # a dateline opens the document ("SEOUL (AP) —"): a place of filing, never an actor
            dateline = dateline_end(document.text) if offset == 0 else 0
            for sent in doc.sents:
                if any(not t.is_space for t in sent):
                    events.extend(self._code_sentence(document, offset, sent, sent_index, ctx, ww,
                                                      dateline if sent.start == 0 else 0))
                sent_index += 1
        return events, sent_index

    # -----------------------------------------------------------------------------------
    def _outlet_country(self, source: str | None) -> str | None:
        """The country of the outlet that published the document ("Guardian" -> GBR), if known."""
        if not source:
            return None
        entry = next((e for e in self.kb.lookup(source) if e.kind == "org" and e.country), None)
        return entry.country if entry is not None else None

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
                # "Raipur, India - Rights activists have called": the parser hangs the subject on
                # the dateline as an apposition; the apposition is the actor
                h = next((c for c in h.children if c.dep_ == "appos" and c.idx >= skip_before), None)
                if h is None:
                    continue
            for toks, actor in resolve_all(h, self.kb, ctx):
                toks = [t for t in toks if t.idx >= skip_before] or toks
                if places is not None and (not actor.resolved or actor.how in ("metonym:capital", "kb:metonym")
                                           and located(h)):
                    actor = place_actor(h, places) or actor  # "five people in Kabul": a place, not its government
                    if (actor.how or "").startswith("place:"):  # "rebel-held eastern Aleppo": the rebels there
                        actor = holder(h, actor, partial(resolve_head, kb=self.kb, ctx=ctx)) or actor
                out.append(Argument(toks, actor))
        return out

    def _filed_at(self, text: str) -> tuple[int, Place] | None:
        """Where the story was filed, from its dateline, and where the dateline ends. A region
        after the place says which homonym it is ("TOWER, Minn." is in Minnesota, not Ireland);
        a place found elsewhere gives way to the region itself."""
        found = dateline_place(text)
        if found is None:
            return None
        name, region = found
        area = self.gazetteer.lookup(region) if region else None
        within = area.country if area is not None and area.feature in ("country", "admin1") else None
        place = self.gazetteer.lookup(name, focus_country=within)
        if within is not None and (place is None or place.country != within):
            place = area
        return (dateline_end(text), place) if place is not None and place.country else None

    def _code_sentence(
        self, document: Document, offset: int, sent: Span, index: int, ctx: DocContext, ww: WhenWhere,
        dateline: int = 0,
    ) -> list[Event]:
        if is_furniture(span_text(sent)):
            return []  # captions, credits, links: no event
        # named actors of the sentence first, so that pronouns find their antecedents
        ctx.event_date = document.published
        for ent in sent_ents(sent):
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.start_char >= dateline:
                resolve_head(ent.root, self.kb, ctx)
        triggers = find_triggers(sent, self.lexicon)
        self._remember_group_subjects(sent, ctx, {t.token.i for t in triggers})
        para_start = offset
        ww.places.see_visits(sent)  # "Lavrov arrived in Ankara": where he is in the next sentence
        if not triggers:
            ww.see(sent, para_start)  # a later "the next day" may point to its date
            return []
        coded: list[Coded] = []
        trigger_heads = {t.token.i for t in triggers}
        for trig in sorted(triggers, key=lambda t: t.token.i):
            if trig.pos == "NOUN" and (_resumptive(trig.token) or trig.code[:2] in WORDS.victim_roots
                                        and told_by_its_verb(trig.token, trigger_heads)):
                continue
            # the event date first, so that people resolve to the role held on that date
            fact = judge(trig.token, sent)  # before the date: a scheduled event's date lies ahead
            day, precision, date_text = ww.event_time(trig.token, sent, para_start, fact.value, trigger_heads)
            ctx.event_date = day or document.published
            args = find_arguments(trig)
            # an event noun coordinated with an argument ("the resolution and the visit") is no actor
            sources = self._resolve([_quantity_head(h) for h in args.sources
                                     if not _coordinated_event(h, trigger_heads)], ctx, dateline)
            targets = self._resolve([_quantity_head(_author_of(h, trigger_heads)) for h in args.targets
                                     if not _coordinated_event(h, trigger_heads)], ctx, dateline, places=ww.places)
            if not sources and trig.pos == "NOUN" and trig.code[:2] in WORDS.victim_roots and \
                    trig.token.lemma_.lower() not in WORDS.reciprocal_lemmas and _armed_of(args, targets):
                # "the attack of the Turkish army": an armed force in the 'of' phrase did it
                sources, targets, args.source_frame, args.target_frame = targets, [], "noun:of-agent", ""
            # the speaker after the arguments: "Israeli troops shot a man, the army said" (that army)
            speaker = resolve_head(fact.attributed_to, self.kb, ctx)[1] if fact.attributed_to is not None else None
            if speaker is not None and speaker.country:
                # "Syrian state media said air defences downed two missiles": the speaker's own;
                # "'We condemn the attack,' said the ministry": the speaker
                sources = [speakers_own(speaker_self(a, speaker), speaker, self.kb) for a in sources]
                targets = [speakers_own(a, speaker, self.kb) if a.tokens and a.tokens[-1].dep_ == "nsubjpass"
                           else a for a in targets]
            # a source is kept when known, or when it is a person or role we can name but not code
            sources = [a for a in sources if a.actor.resolved or a.actor.how in UNKNOWN_NAMES]
            sources = [role_country(person_country(a, ctx), ctx) for a in sources]
            # a target must be a coded actor with a country or organisation; a role with no
            # country ("civilians", "troops") waits for the country where the event happened
            victims = [a for a in targets if a.actor.how == "sector-only"] or (
                self._resolve([trig.object_token], ctx, dateline) if trig.object_token is not None
                and trig.object_token.lemma_.lower() in WORDS.people_nouns else [])  # "kill ~people"
            # force posture deploys its object ("sent in aircraft"): no victim
            victims = [a for a in victims if a.actor.how == "sector-only" and trig.code[:2] in WORDS.victim_roots]
            roles = [a for a in targets if a.actor.how in ("sector-only", "unresolved:sector-only")]
            targets = [a for a in targets if a.actor.resolved and a.actor.how != "sector-only"]
            # "killed 12 villagers in Mali": the villagers (Mali's own, below), not Mali; "Indian and
            # Pakistani troops exchanged fire in Kashmir": each other, not Kashmir
            place_gives_way = bool(victims) or (len(sources) >= 2 and _reciprocal(trig))
            if place_gives_way and targets and all(_in_place(a) for a in targets):
                targets = []
            if not targets:
                # the first target frame named no actor ("imposed sanctions on Russia over the
                # annexation"): the next frame's find, then the object's own recipient ("offered an
                # olive branch to the Sunnis")
                recipient = [g for h in args.targets for c in h.children
                             if c.dep_ in ("prep", "dative") and c.lower_ in trig.pattern.target_preps
                             for g in c.children if g.dep_ == "pobj"] if args.target_frame == "object" else []
                for frame_id, heads in chain(args.target_alternatives(), [("object-prep", recipient)]):
                    found = [a for a in self._resolve([_author_of(h, trigger_heads) for h in heads], ctx, dateline,
                                                      places=ww.places)
                             if a.actor.resolved and a.actor.how != "sector-only"
                             and not {t.i for t in a.tokens} & {t.i for s in sources for t in s.tokens}]  # "into Turkish custody"
                    if found and place_gives_way and all(_in_place(a) for a in found):
                        continue  # "executed 20 civilians in Raqqa": the victims, of the place's country
                    if found:
                        targets = found
                        args.set_targets(heads, frame_id)
                        break
            if not targets and trig.object_token is not None and sources \
                    and trig.object_token.lemma_.lower() in WORDS.allegation_nouns:
                # "Qatar denies the accusations": the accusers of the denier, from earlier on
                accusers = _accusers_of(ctx, sources)
                if accusers:
                    targets, args.target_frame = accusers, "event-anaphora"
            for group in (sources, targets):  # "both sides" later refers to this pair
                if len({a.actor.code for a in group}) == 2:
                    ctx.last_set = [a.actor for a in group]
            source_frame, target_frame = args.source_frame, args.target_frame if targets else ""
            if not sources and not args.targets and trig.pos == "NOUN" and trig.token.dep_ in ("nsubj", "nsubjpass") \
                    and (_definite(trig.token) or _the_harm(trig.token)) and trig.code[:3] in ctx.events:
                # "This third ceasefire collapsed": the ceasefire of the last such event, and its date
                # (a subject the clause says something about; "the two sides in this onslaught" only
                # refers to it); "Gunmen stormed a mosque. The attack killed 31 people": those gunmen
                known = ctx.events[trig.code[:3]]
                sources = _unique(Argument([], _refers_back(e.source.actor)) for e in known)
                if not harm_subject(trig.token):  # "The strikes killed four militants": its own victims
                    targets = targets or _unique(Argument([], _refers_back(e.target.actor)) for e in known if e.target)
                source_frame, target_frame = "event-anaphora", ("event-anaphora" if targets else target_frame)
                day, precision, date_text = known[0].event_date, known[0].date_precision, known[0].date_text
            if args.sources and all(private_person(h) for h in args.sources) and (not targets or trig.code[:2] == "01") \
                    or ordinary_justice(trig.token, trig.code, [a.actor for a in targets]):
                continue  # private life ("his mother told the BBC"), ordinary crime: coding/scope.py
            if not sources:
                if not agentless(trig, args):
                    continue  # a nominal or active event needs someone who did it
                if trig.pos == "NOUN" and args.target_frame == "noun:prep" and not targets and not roles \
                        and not any(t.ent_type_ or t.lemma_.lower() in GEO_WORDS.place_nouns
                                    for h in args.targets for t in h.subtree):
                    continue  # "restrictions on her movements": no one it was done to, and no one who did it
                sources, source_frame = [None], "agentless-passive"
            pairs: list[tuple[Argument | None, Argument | None]]
            if not targets and len(sources) >= 2 and _reciprocal(trig):
                # "Russia and Turkey met / agreed a ceasefire": each with the other
                pairs = [(a, b) for a, b in product(sources, sources) if a is not b]
                target_frame = "reciprocal"
            else:
                pairs = list(product(sources, targets or [None]))
            actor_toks = {t.i for a in (*sources, *targets) if a is not None for t in a.tokens}
            placement = ww.event_place(trig.token, trig.code, actor_toks, trigger_heads, trig.object_token,
                                        tuple(a.actor for a in sources if a is not None))
            if source_frame == "agentless-passive" and trig.code[:3] in WORDS.state_coercion_codes:
                # "two journalists were arrested in Istanbul": a state arrests, charges and jails
                author = state_author(placement, ctx)
                if author is not None:
                    sources, source_frame = [author], author.actor.how or ""
                    pairs = list(product(sources, targets or [None]))
            if crowd_onset(trig) and sources == [None]:
                # "Protests erupted in Tehran": the people of the place, if a place is given
                crowd = place_crowd(placement)
                if crowd is None:
                    continue
                sources, source_frame, pairs = [crowd], "crowd-place", list(product([crowd], targets or [None]))
            if trig.code[:2] in WORDS.local_source_roots and placement.precision in ("clause", "sentence") \
                    and placement.place is not None and placement.place.country:
                # "thousands of people protested in Tbilisi": protesters are where they protest
                local = [local_role(a, placement.place.country) if a is not None else None for a in sources]
                if local != sources:
                    sources = local
                    pairs = [(local_role(a, placement.place.country) if a is not None else None, b) for a, b in pairs]
            if placement.precision in ("clause", "sentence") and placement.place is not None \
                    and placement.place.country and targets:
                # "Serb forces killed three ethnic Albanians in Serbia": Serbia's own civilians
                home = placement.place.country
                targets = [ethnic_resident(a, home) for a in targets]
                pairs = [(a, ethnic_resident(b, home) if b is not None else None) for a, b in pairs]
            if not targets and (hosts := host_target(args.targets, placement)) is not None:
                targets, target_frame, pairs = [hosts], hosts.actor.how or "", list(product(sources, [hosts]))
            if not targets and target_frame != "reciprocal" and (trig.code[:2] in WORDS.theatre_target_roots or (
                    trig.code in WORDS.visit_codes and visits_a_place(trig))):
                inferred = theatre_target(placement, ctx, sources, victims[0] if victims else None, trig.code)
                if inferred is not None:
                    targets, target_frame = [inferred], inferred.actor.how or ""
                    pairs = list(product(sources, targets))
            if not targets and roles and trig.code[:3] in WORDS.state_coercion_codes \
                    and (home := custodians_country(sources)) is not None:
                # "Russian police detained 1,000 people": a state's agents hold their own people
                targets, target_frame = [role_in(a, home, "sector+custodian-country") for a in roles], "custodian-country"
                pairs = list(product(sources, targets))
            if targets and victims and target_frame != "reciprocal":
                # "besieged an army base and 100,000 local people": people named by their role
                # beside a named target are the theatre's own, a target each
                named = {t.i for a in targets for t in a.tokens}
                extra = [a for a in (theatre_target(placement, ctx, sources, v, trig.code) for v in victims
                                     if conjoined(v, named))
                         if a is not None and a.actor.code not in {t.actor.code for t in targets}]
                if extra:
                    targets = targets + extra
                    pairs = list(product(sources, targets))
            attributed = None
            if fact.attributed_to is not None and speaker is not None:
                attributed = speaker.code or fact.attributed_to.text
            rule = event_rule(trig, source_frame, target_frame, fact)
            out: list[Event] = []
            coded.append(Coded(trig, fact, out, speaker))
            for src, tgt in pairs:
                if src is not None and tgt is not None and src.actor.code and src.actor.code == tgt.actor.code \
                        and not civil_war(trig.code, tgt):
                    own = len(pairs) == 1 and all(t.dep_ == "poss" and t.pos_ == "PRON" for t in tgt.tokens)
                    if own:
                        # "Syrian Kurds protested in Qamishli": the place's country is the source's
                        # own; "Egypt renewed its demand": the demand is its own; no target, the
                        # event stands
                        tgt, target_frame, rule = None, "", event_rule(trig, source_frame, "", fact)
                    elif src.tokens or not tgt.tokens:
                        continue  # an actor acting on itself is a parse artefact here
                    # else a source the text does not name (the state behind an agentless arrest)
                    # acts on people it does name, its own ("two county officials were arrested")
                code, note = (trig.code, "") if self.patterns_only else violence.recoded(
                    trig.code, sent, arg_mention(src, offset), arg_mention(tgt, offset), list(args.targets),
                    placement.how == "place-object")
                if not self.patterns_only:  # "Russia protested": a complaint; "backed the rebels": aid
                    code, tgt, note = official_complaint(code, trig.token, src, tgt, note)
                    code, note = armed_support(code, trig.token, src, tgt, note)
                    code, note = fought_alongside(code, trig.token, src, tgt, note)
                    code, note = verbal_clash(code, trig.token, src, tgt, note)
                info = self.ontology[code]
                out.append(Event(
                    doc_id=document.doc_id, sentence_index=index, sentence=span_text(sent),
                    sentence_start=offset + sent.start_char,
                    cameo_code=info.code, cameo_root=info.root, quad_class=info.quad_class,
                    goldstein=info.goldstein, plover_type=info.plover_type,
                    trigger=span_mention(trig.tokens if trig.pos == "NOUN" else (trig.token,), offset),
                    source=arg_mention(src, offset), target=arg_mention(tgt, offset),
                    factuality=fact.value, factuality_cue=fact.cue, attributed_to=attributed,
                    event_date=day, date_precision=precision, date_text=date_text,
                    location=placement.place, location_precision=placement.precision,
                    location_how=placement.how,
                    rule=rule + note, confidence=confidence(trig, src, tgt),
                ))
        return self._finish_sentence(coded, ctx, ww, offset, dateline)

    def _finish_sentence(self, coded: list[Coded], ctx: DocContext, ww: WhenWhere, offset: int,
                         dateline: int) -> list[Event]:
        """The sentence-level steps once every trigger is coded (coding/complements.py)."""
        for c in coded:  # remembered for "this ceasefire", "that truce" later in the document
            known = [e for e in c.events if e.source is not None and e.source.actor.code and e.factuality == "asserted"]
            if known:
                ctx.events[c.trigger.code[:3]] = known
        link_complements(coded, self.ontology, codes=not self.patterns_only)
        if not self.patterns_only:  # codes the patterns did not give: 112, evaluative 111/121 ...
            grievance_authors(coded)  # "protested to Uganda over the detention of ...": Uganda detained
            accusations(coded, self.ontology)
            descriptions(coded, self.ontology)
        violence.result_participles(coded)
        violence.same_casualties(coded)
        same_means(coded)
        protest_aims(coded)
        mention = partial(span_mention, offset=offset)
        by_token = {x.trigger.token.i: x for x in coded}
        for c in coded:  # "five soldiers were killed in a Turkish air strike": one event, the strike's
            verb = victim_clause(c.trigger, by_token)
            subj = _victims_head(verb, c.trigger.token) if verb is not None else None
            if subj is None:
                if verb is not None and c.trigger.token.dep_ == "nsubj":
                    same_act(c, verb, coded)
                continue
            victims = [victim_country(a, c.events)
                       for a in self._resolve([_quantity_head(subj)], ctx, dateline, places=ww.places)]
            if any(a is not None for a in victims):
                give_victims(c, verb, [a for a in victims if a is not None], coded, self.ontology, mention)
            elif c.trigger.token.dep_ == "nsubj":
                same_act(c, verb, coded)
        restated_acts(coded)
        drop_sourcing_tags(coded)  # "..., police said" on a report of no event
        for c in coded:
            if c.events and not any(e.target is not None for e in c.events):
                self._complement_target(c, ctx, dateline, mention)
                purpose_target(c, by_token, self.ontology)
        events = _drop_participial_statements(coded) + dual_codes(coded, self.ontology)
        if self.patterns_only:  # no intent, threat, refusal, failed talks or implied attack beside them
            return events
        intended = intents(coded, self.ontology, mention)
        # "Macron said he would seek a revival": the statement is the intent (03), no 010 beside it
        voiced = {e.source.actor.code for e in intended if e.cameo_code.startswith("03") and e.source is not None}
        events = [e for e in events if not (
            e.cameo_code == "010" and e.factuality == "asserted" and e.source is not None
            and e.source.actor.code in voiced)] + intended + failed_talks(coded, self.ontology, mention)
        return events + violence.implied_attacks(events, self.ontology)

    def _complement_target(self, c: Coded, ctx: DocContext, dateline: int, mention) -> None:
        """A demand with no object targets who must act ("demanded that the US cancel the
        sale"); "X said that Y must ..." is a demand on Y."""
        tok, code, frame = c.trigger.token, None, "complement-subject"
        if WORDS.complement_roles.get(c.trigger.code[:2]) == "source":
            subj = complement_subject(tok)
        elif c.trigger.code == "010" and not self.patterns_only:
            subj, code, frame = normative_subject(tok), WORDS.normative_demand_code, "normative-complement"
            if subj is None:  # "said the Turkish offensive was unacceptable": a criticism of Turkey
                subj, code, frame = evaluated_subject(tok) or (None, None, "")
        elif c.trigger.code.startswith("13") and c.trigger.pos == "VERB":
            subj, frame = threat_addressee(tok) or (None, "")
        else:
            return
        addressees = [(a.actor, a.tokens) for a in (role_country(person_country(x, ctx), ctx)  # "President
                      for x in self._resolve([subj], ctx, dateline))  # Kagame", unknown: the story's
                      if a.actor.resolved and a.actor.how != "sector-only"] if subj is not None else []
        if frame.startswith("evaluative"):  # never the speaker judging itself
            addressees = [x for x in addressees if all(judgeable(e.source and e.source.actor, x[0]) for e in c.events)]
        if addressees:
            retarget(c, addressees, frame, self.ontology, mention, code)


DASHES = frozenset({"\u2013", "\u2014", "-", "--"})


def _resumptive(noun: Token) -> bool:
    """ "... he said – a statement that has since been quoted", "Russia vetoed it – a veto
    that ...": an indefinite event noun after a dash, with a relative clause of its own, sums
    up what the sentence has just said was done; it is no new event."""
    left = noun.left_edge
    prev = noun.doc[left.i - 1] if left.i > 0 else None
    return prev is not None and prev.text in DASHES and any(c.dep_ == "relcl" for c in noun.children) \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _accusers_of(ctx: DocContext, accused: list[Argument]) -> list[Argument]:
    """Who made the last accusations (112) that the document reported against one of ``accused``."""
    mine = {a.actor.country or a.actor.code for a in accused}
    return _unique(Argument([], _refers_back(e.source.actor)) for e in ctx.events.get("112", [])
                   if e.target is not None and (e.target.actor.country or e.target.actor.code) in mine
                   and e.source.actor.country not in mine)


def _armed_of(args: Arguments, targets: list[Argument]) -> bool:
    """The 'of' phrase of a violent event noun names an armed force or a state, its author; not
    people a nationality names ("the kidnapping of two Italian engineers": its victims), nor a
    place ("the 2014 annexation of Crimea": what was taken)."""
    return args.target_frame == "noun:prep" and bool(targets) and all(
        t.tokens and t.tokens[-1].head.lower_ == "of" and (
            t.actor.sector in WORDS.conventional_sectors or (t.actor.country and t.actor.code == t.actor.country
                                                             and t.actor.how != "kb:adjective"
                                                             and not (t.actor.how or "").startswith("place:")))
        for t in targets)


def _in_place(arg: Argument) -> bool:
    """The argument is a name in a locative phrase ("in Mali", "near Kandahar")."""
    return any(located(t) for t in arg.tokens)


def _definite(noun: Token) -> bool:
    """ "this ceasefire", "the talks", "that third truce": a noun that refers back."""
    return any((c.dep_ == "det" and c.lower_ in WORDS.anaphoric_determiners) or
               (c.dep_ == "amod" and c.ent_type_ == "ORDINAL") for c in noun.children)


def _the_harm(noun: Token) -> bool:
    """ "The attack killed 31 people", after a sentence that told of it: "the" refers back too."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and harm_subject(noun)


def _refers_back(a: Actor) -> Actor:
    return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:event")


def _unique(args) -> list[Argument]:
    out: dict[str | None, Argument] = {}
    for a in args:
        out.setdefault(a.actor.code, a)
    return list(out.values())


def _victims_head(verb: Token, noun: Token) -> Token | None:
    """Who ``verb`` hurt: its object when the event noun is its subject ("air strikes killed
    12 civilians"), else its subject ("five soldiers were killed in an air strike")."""
    if (noun.dep_ == "nsubj" and verb.i in (noun.head.i, *(c.i for c in noun.head.children))) or (
            verb.dep_ == "relcl" and verb.head.i == noun.i):  # "the bombing, which killed 14 people"
        return next((t for t in verb.children if t.dep_ == "dobj"), None)  # also "exploded, killing eight"
    return _clause_subject(verb)


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, raised through 'to' complements ("are said to have died")."""
    for _ in range(3):
        subj = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "xcomp":
            return subj
        verb = verb.head
    return None


def _drop_participial_statements(coded: list[Coded]) -> list[Event]:
    """ "ridiculed the call, saying ...": the participial statement elaborates the event it
    hangs on and gives way to it; a main-clause "X said" stays a statement (010) beside
    what was said."""
    with_events = {c.trigger.token.i for c in coded if c.events}
    out: list[Event] = []
    said: set[tuple[str | None, str | None, str]] = set()  # "In his speech, X said": one statement
    for c in coded:
        t, evs = c.trigger, c.events
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
    """A target that is itself an event ("criticised Lavrov's visit") or someone's words or
    plan ("rejected a U.S. request", "an appeal from President Gbagbo") stands for its
    author: the possessive, the by/from phrase, or the nationality or place modifier."""
    authored = head.lemma_.lower() in WORDS.authored_nouns
    if head.i not in trigger_heads and not authored:
        return head
    for c in head.children:
        if c.dep_ == "poss":
            return c
    if not authored:
        return head
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
    return head


def _coordinated_event(head: Token, trigger_heads: set[int]) -> bool:
    return head.dep_ == "conj" and head.i in trigger_heads


def _reciprocal(trig: Trigger) -> bool:
    """Events whose coordinated subjects act on each other: codes of meeting, negotiating,
    agreeing, cooperating ("Russia and Turkey met"), and the violence words that are mutual
    ("clashed", "fought"); "Russia and Syria attacked" are no each other's targets."""
    return trig.code.startswith(WORDS.reciprocal_codes) or trig.token.lemma_.lower() in WORDS.reciprocal_lemmas
