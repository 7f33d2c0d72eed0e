"""Actors and targets a sentence implies but does not name.

A role named without a country ("soldiers", "officials", "air defences") is placed in the
country its context gives: where the event happened, the story's country, the country of
the voice that reports it. An event with no target named takes the country where it took
place (``theatre_target``), an agentless arrest the state where it happened
(``state_author``). Every actor made here says how in its ``how``
("sector+inferred:place", "inferred:document-theatre" ...), so users can keep or drop them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from detente.actors.document import DocContext
from detente.actors.kb import KnowledgeBase, normalize
from detente.actors.resolver import STATE_NOUNS
from detente.coding.placement import PlaceFinder, Placement
from detente.coding.triggers import Trigger
from detente.coding.wordlists import WORDS
from detente.geo.words import GEO_WORDS
from detente.model import Actor, Event
from detente.nlp import children, named_place

# people and names the knowledge base does not know: kept as sources, with their text
UNKNOWN_NAMES = frozenset({"unresolved:person", "unresolved:name"})


@dataclass(slots=True)
class Argument:
    tokens: list[Token]
    actor: Actor


def role_in(arg: Argument, country: str, how: str) -> Argument:
    """A role named without a country ("soldiers", "air defences") placed in `country`."""
    a = arg.actor
    return Argument(arg.tokens, Actor(code=f"{country}{a.sector or ''}", country=country, sector=a.sector,
                                      name=a.name, how=how))


def place_crowd(placement: Placement) -> Argument | None:
    """The people of the place an event's own clause or sentence gives ("Protests erupted in
    Tehran": IRNCVL, how "inferred:place-crowd"), else None."""
    place = placement.place
    if placement.precision not in ("clause", "sentence") or place is None or not place.country:
        return None
    home = place.country
    return Argument([], Actor(code=f"{home}CVL", country=home, sector="CVL", how="inferred:place-crowd"))


def custodians_country(sources: list[Argument | None]) -> str | None:
    """The one country of sources that are a state or its agents (``custodian_sectors`` less
    armed groups: a state named as such, its police, courts, army), else None."""
    countries = {a.actor.country for a in sources if a is not None and a.actor.country
                 and (a.actor.sector is None or a.actor.sector in WORDS.state_custodian_sectors)}
    if len(countries) != 1 or any(a is None or a.actor.country not in countries for a in sources):
        return None
    return countries.pop()


def local_role(arg: Argument, country: str) -> Argument:
    """A role named without a country ("people", "students") in the country of the event's place;
    an ethnic group named by a nationality ("ethnic Albanians protested in Serbia") lives
    there, as its civilians."""
    resident = ethnic_resident(arg, country)
    if resident is not arg:
        return resident
    a = arg.actor
    if a.how not in ("sector-only", "sector+inferred:focus-country", "generic:focus-country") or not a.sector:
        return arg  # the place of the event beats the story's country (a guess, not a word of the text)
    return role_in(arg, country, "sector+inferred:place")


def ethnic_resident(arg: Argument, country: str) -> Argument:
    """An ethnic group named by a nationality ("three ethnic Albanians") in the country where
    the event took place is that country's civilians (how "ethnic:place")."""
    a = arg.actor
    if a.how != "kb:adjective" or a.country == country or not any(t.lower_ == "ethnic" for t in arg.tokens):
        return arg
    return Argument(arg.tokens, Actor(code=f"{country}CVL", country=country, sector="CVL", name=a.name,
                                      how="ethnic:place"))


def state_author(placement: Placement, ctx: DocContext) -> Argument | None:
    """The state behind an agentless arrest, charge or sentence (its government, GOV): of the
    country where it happened (how "inferred:place-clause"/"inferred:place-sentence"), else of
    the document's theatre, else of its focus."""
    found = _own_clause_or_theatre(placement, ctx)
    if found is None and ctx.focus_country:
        found = ctx.focus_country, "inferred:focus-country"
    if found is None:
        return None
    country, how = found
    return Argument([], Actor(code=f"{country}GOV", country=country, sector="GOV", how=how))


def _own_clause_or_theatre(placement: Placement, ctx: DocContext) -> tuple[str, str] | None:
    """(country, how) where an event took place: its own clause's or sentence's place
    ("inferred:place-clause"/"inferred:place-sentence"), else the document's theatre."""
    if placement.place is not None and placement.place.country and placement.precision in ("clause", "sentence"):
        return placement.place.country, f"inferred:place-{placement.precision}"
    if ctx.theatre_country:
        return ctx.theatre_country, "inferred:document-theatre"
    return None


def theatre_target(placement: Placement, ctx: DocContext, sources: list[Argument | None],
                    victim: Argument | None, code: str) -> Argument | None:
    """The country where a material event took place, as its target when the text names none:
    "Turkey's campaign in Syria" -> TUR->SYR (target how "inferred:place-clause"). From the event's
    own clause first, else the document's theatre; never the source's own country. A victim named
    only by its role ("killing dozens of civilians") keeps the role: SYRCVL."""
    found = _own_clause_or_theatre(placement, ctx)
    if found is None and placement.how == "document-theatre" and placement.place is not None \
            and placement.place.country and (code[:2] in GEO_WORDS.attack_roots or code in WORDS.visit_codes):
        # the country of the document's locatives: for fighting and visits only (arrests,
        # protests and bans are as often at home as where the story's places are)
        found = placement.place.country, "inferred:document-theatre"
    if found is None:
        return None
    country, how = found
    # a place named in the event's own clause stands even in the source's own country
    # ("Turkish police broke up a protest in Sivas": TUR); a document's theatre does not
    domestic = how.startswith("inferred:place-")
    if victim is not None:
        sector = victim.actor.sector or ""
        return Argument(victim.tokens, Actor(code=f"{country}{sector}", country=country, sector=sector or None,
                                             how=f"sector+{how}"))
    if not domestic and code[:2] not in WORDS.domestic_theatre_roots \
            and any(s is not None and s.actor.country == country for s in sources):
        return None  # but mass violence in the theatre is against its people ("is using chemical weapons")
    return Argument([], Actor(code=country, country=country, how=how))


def holder(head: Token, place: Actor, resolve: Callable[[Token], tuple[list[Token], Actor]]) -> Actor | None:
    """Who holds a place named as a target: "rebel-held eastern Aleppo" -> the rebels of the
    place's country (SYRREB), "the Isis-held town of Albu Kamal" -> IMGISI, "the
    Kurdish-controlled city of Afrin" -> the Kurds' armed groups (SYRREB); how "holder:<place>".
    ``resolve`` resolves the holding word (``actors.resolver.resolve_head``)."""
    word = next((w for t in (head, *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                       for g in c.children if g.dep_ == "pobj"))
                 for m in t.children if m.dep_ == "amod" and m.lower_ in GEO_WORDS.holding_suffixes
                 for w in m.children if w.dep_ in ("npadvmod", "compound", "nmod")), None)
    if word is None and place.country:
        armed = _stronghold_of(head, resolve)
        if armed is not None:  # "Raqqa, the capital of the self-proclaimed caliphate": Isis's
            return Actor(armed.code, armed.country, armed.sector, armed.name, armed.kb_id,
                         f"holder:{(place.how or '').removeprefix('place:')}")
    if word is None or not place.country:
        return None
    _, a = resolve(word)
    how = f"holder:{(place.how or '').removeprefix('place:')}"
    people = (a.how or "").startswith("ethnic")  # a people holds ground with its armed groups
    if not a.resolved and not people:
        return None  # a word that names no one
    if not people and a.how != "sector-only":
        return Actor(a.code, a.country, a.sector, a.name, a.kb_id, how)  # "Isis-held": Isis itself
    sector = "REB" if people or a.sector in (None, "CVL") else a.sector  # "rebel-held", "regime-held"
    return Actor(f"{place.country}{sector}", place.country, sector, None, None, how)


def _stronghold_of(head: Token, resolve: Callable[[Token], tuple[list[Token], Actor]]) -> Actor | None:
    """The armed group whose capital or stronghold an apposition says a place is ("Mosul, the
    Islamic State's last stronghold", "Raqqa, the capital of the caliphate"), else None."""
    doc = head.doc
    # the apposition, or a second object the parser hangs on the verb after a comma ("retook
    # Mosul, the Islamic State's last stronghold")
    appos = [c for c in head.children if c.dep_ == "appos"] + [
        c for c in head.head.children if c.dep_ == head.dep_ == "dobj" and c.i > head.i
        and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]
    for ap in (c for c in appos if c.lemma_.lower() in GEO_WORDS.stronghold_nouns):
        owners = [c for c in ap.children if c.dep_ == "poss"] + [
            g for c in ap.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for owner in owners:
            _, a = resolve(owner)
            if a.resolved and armed_actor(a):
                return a
    return None


def official_complaint(code: str, trigger: Token, src: Argument | None, tgt: Argument | None,
                       note: str) -> tuple[str, Argument | None, str]:
    """A state, its government, an international body or a rights group that "protests"
    complains officially (``state_protest_recode``: 141 -> 114), it does not take to the
    streets; a legislator's protest may be a hunger strike, and stays. The complaint keeps no
    target inferred from where a protest would be. ``note`` is the rule's note so far; the
    change is added to it (" protest=official", "+no-inferred-target")."""
    source = src.actor if src is not None else None
    if code not in WORDS.state_protest_recode or source is None or trigger.lemma_.lower() not in \
            WORDS.state_protest_lemmas:
        return code, tgt, note
    state = source.country and source.code == source.country and not (source.how or "").startswith("kb:adjective")
    official = state or source.sector in ("GOV", "JUD", "IGO", "NGO", "HRI") or (source.code or "").startswith(
        ("IGO", "NGO"))  # but "Palestinians protested" are people, not their state
    if not official:
        return code, tgt, note
    if tgt is not None and (tgt.actor.how or "").startswith("inferred"):
        return WORDS.state_protest_recode[code], None, note + " protest=official+no-inferred-target"
    return WORDS.state_protest_recode[code], tgt, note + " protest=official"


def armed_support(code: str, trigger: Token, src: Argument | None, tgt: Argument | None, note: str) -> tuple[str, str]:
    """Backing or supporting an armed force, or a military that backs someone, gives material
    help (``armed_support_recode``: 051 -> 072): "the Kurds it had backed to oust Islamic
    State", "US troops supporting the SDF"; "Russia backs Assad" stays an endorsement."""
    if code not in WORDS.armed_support_recode or trigger.lemma_.lower() not in WORDS.armed_support_lemmas:
        return code, note
    armed = any(a is not None and (a.actor.sector or "") in WORDS.armed_sectors for a in (src, tgt))
    return (WORDS.armed_support_recode[code], note + " support=armed") if armed else (code, note)


def fought_alongside(code: str, trigger: Token, src: Argument | None, tgt: Argument | None,
                     note: str) -> tuple[str, str]:
    """One person who fought with an armed group fought in its ranks (``alongside_recode``:
    190 -> 062): "Letts fought with Islamic State", "a Briton who fought with the YPG"; not
    "government troops fought with rebels", a clash."""
    if code not in WORDS.alongside_recode or trigger.lemma_.lower() not in WORDS.alongside_lemmas \
            or src is None or tgt is None or not src.tokens or not tgt.tokens:
        return code, note
    named = _span_head(tgt)
    while named.dep_ in ("appos", "conj") and named.head.i != named.i:  # "with the Kurdish forces, the YPG"
        named = named.head
    prep = named.head
    if named.dep_ != "pobj" or prep.lower_ != "with" or prep.head.i != trigger.i:
        return code, note
    return (WORDS.alongside_recode[code], note + " with=alongside") if armed_actor(tgt.actor) and individual(src) \
        else (code, note)


def verbal_clash(code: str, trigger: Token, src: Argument | None, tgt: Argument | None, note: str) -> tuple[str, str]:
    """Politicians who clash argue (``verbal_clash_recode``: 190 -> 111): "Trump clashed with
    Merkel over trade"; not "troops clashed with protesters", nor "Russia clashed with Ukraine"
    (a state named as such may fight)."""
    if code not in WORDS.verbal_clash_recode or trigger.lemma_.lower() not in WORDS.verbal_clash_lemmas \
            or src is None or tgt is None:
        return code, note
    if all((a.actor.sector or "") in WORDS.political_sectors for a in (src, tgt)):
        return WORDS.verbal_clash_recode[code], note + " clash=verbal"
    return code, note


def armed_actor(a: Actor) -> bool:
    """An armed force or group: a sector of ``armed_sectors`` or a transnational militant group."""
    return (a.sector or "") in WORDS.armed_sectors or (a.code or "").startswith("IMG")


def _span_head(arg: Argument) -> Token:
    """The word of an argument's tokens that the others hang on."""
    return next((t for t in arg.tokens if t.head not in arg.tokens), arg.tokens[-1])


def individual(arg: Argument) -> bool:
    """The argument names one person: a person's name, "he"/"she", a singular nationality
    noun ("the Briton") or a singular noun of ``individual_nouns`` ("a British volunteer")."""
    if not arg.tokens:
        return False
    head = _span_head(arg)
    return head.ent_type_ == "PERSON" or head.lower_ in ("he", "she") or (
        head.tag_ in ("NN", "NNP") and (head.ent_type_ == "NORP" or head.lemma_.lower() in WORDS.individual_nouns))


# how an event is placed where its actor is a guest: a visit, a venue, a locative of its clause
HOST_PLACEMENTS = ("previous-visit", "venue", "previous-venue", "locative")


def host_target(heads: list[Token], placement: Placement) -> Argument | None:
    """ "Congratulating his hosts on counter-terrorism operations, Tillerson ...", after a
    sentence that brought him to Cairo: the hosts (``host_nouns``) are the government of the
    country the event is placed in by a visit or a venue (target how "inferred:host")."""
    place = placement.place
    if place is None or not place.country or not placement.how.startswith(HOST_PLACEMENTS):
        return None
    head = next((h for h in heads if h.lemma_.lower() in WORDS.host_nouns and h.tag_ == "NNS"), None)
    if head is None:
        return None
    return Argument([head], Actor(code=f"{place.country}GOV", country=place.country, sector="GOV", how="inferred:host"))


def visits_a_place(trig: Trigger) -> bool:
    """ "Human Rights Watch has visited the camps": a visit to a place named by a common noun
    is a visit to the country it is in."""
    obj = trig.token
    objs = [c for c in obj.children if c.dep_ == "dobj"] if obj.pos_ == "VERB" else []
    if obj.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in WORDS.relative_pronouns for c in obj.children):
        objs = [obj.head]  # "the camps, which HRW has visited"
    return any(o.lemma_.lower() in GEO_WORDS.place_nouns for o in objs)


def civil_war(code: str, target: Argument) -> bool:
    """Fighting placed by its own clause in the fighter's own country is a civil war, not a
    parse artefact ("the Syrian civil war": SYR -> SYR, target inferred from the place)."""
    return code[:2] in GEO_WORDS.attack_roots and (target.actor.how or "").startswith("inferred:place-")


def victim_country(arg: Argument, events: list[Event]) -> Argument | None:
    """A victim as a target: a coded actor, or people named by their role ("soldiers") in the
    country where the event took place."""
    a = arg.actor
    if a.resolved and a.how != "sector-only":
        return arg
    place = next((e.location for e in events if e.location is not None and e.location.country), None)
    if a.how == "sector-only" and place is not None:
        return role_in(arg, place.country, "sector+inferred:place")
    return None


def speakers_own(arg: Argument, speaker: Actor, kb: KnowledgeBase) -> Argument:
    """A role with no country of its own ("air defences", "security forces") in what a
    state's voice reports is that state's (how "generic:speaker-country"); a people named by
    its ethnicity ("Kurdish militias") is not."""
    a = arg.actor
    if a.how not in ("sector-only", "unresolved:sector-only", "generic:focus-country") or not a.sector \
            or speaker.country is None or any(normalize(t.lower_) in kb.ethnic_groups for t in arg.tokens):
        return arg
    return role_in(arg, speaker.country, "generic:speaker-country")


def speaker_self(arg: Argument, speaker: Actor) -> Argument:
    """ "'We condemn this cowardly attack,' said the Egyptian foreign ministry": a first-person
    pronoun in what a speaker says is the speaker (how "coref:speaker")."""
    pron = arg.tokens[0] if len(arg.tokens) == 1 else None
    if pron is None or pron.pos_ != "PRON" or pron.lower_ not in WORDS.first_person or not speaker.resolved:
        return arg
    return Argument(arg.tokens, Actor(code=speaker.code, country=speaker.country, sector=speaker.sector,
                                      name=speaker.name, kb_id=speaker.kb_id, how="coref:speaker"))


def person_country(arg: Argument, ctx: DocContext) -> Argument:
    """A person the knowledge base does not know, in a story about one country, is most
    often of that country: the code is the focus country (how "inferred:focus-country");
    in a story about no one country, of the publishing outlet's ("inferred:publication-country":
    the local press quotes locals)."""
    if arg.actor.how not in UNKNOWN_NAMES:
        return arg
    country, how = ctx.focus_country, "inferred:focus-country"
    if country is None:
        country, how = ctx.publication_country, "inferred:publication-country"
    if country is None:
        return arg
    a = arg.actor  # "President Kagame" keeps the role of his title: RWAGOV
    return Argument(arg.tokens, Actor(code=f"{country}{a.sector or ''}", country=country, sector=a.sector,
                                      name=a.name, how=how))


def role_country(arg: Argument, ctx: DocContext) -> Argument:
    """A local role named without a country ("officials said", "administrators", "police",
    "residents") in a story about one country is of that country (how
    "sector+inferred:focus-country"); "foreign ministers", "aid officials" and roles that
    travel (troops, experts, journalists) are not."""
    a = arg.actor
    if a.how != "sector-only" or a.sector not in WORDS.local_role_sectors or ctx.focus_country is None or any(
            normalize(t.lower_) in WORDS.foreign_modifiers for t in arg.tokens) or (
            arg.tokens and arg.tokens[-1].tag_ == "NNS" and arg.tokens[-1].lemma_.lower() in STATE_NOUNS):
        return arg  # "most governments balk": other countries
    return role_in(arg, ctx.focus_country, "sector+inferred:focus-country")


def conjoined(arg: Argument, tokens: set[int]) -> bool:
    """The argument is a conjunct of one of ``tokens`` ("an army post and hundreds of villagers"),
    also when spaCy hangs it on the verb whose object they are (``nlp.conj_closure``)."""
    for t in arg.tokens:
        for up in (t, *list(t.ancestors)[:2]):  # "hundreds of villagers": the count is the conjunct
            if (up.dep_ == "conj" and any(n.i in tokens for n in (up.head, *children(up.head, ("dobj",))))) \
                    or any(c.dep_ == "conj" and c.i in tokens for c in up.children):
                return True
    return False


def place_actor(head: Token, places: PlaceFinder) -> Actor | None:
    """A place as a target stands for its country: "bombed eastern Aleppo" -> SYR,
    "attacked the province of Idlib" -> SYR (how "place:<name>")."""
    cands = [head] + [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for tok in cands:
        if tok.pos_ != "PROPN" or not (tok.ent_type_ == "NORP" or named_place(tok) or any(
                c.dep_ == "amod" and GEO_WORDS.is_modifier(c.text) for c in tok.lefts)):  # "eastern Ghouta" (PERSON)
            continue
        found = places.place_of(tok)
        if found is not None and found[0].country:
            place = found[0]
            return Actor(code=place.country, country=place.country, how=f"place:{place.name}")
    return None
