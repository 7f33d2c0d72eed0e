"""Resolve an argument's head token to an actor code.

Order of evidence (the first that applies decides; `Actor.how` says which):
  1. pronoun        -> the most recent compatible actor in the document (coref)
  2. knowledge base -> the longest name in the mention: person (role on the event
                       date), state, capital metonym, building metonym, IGO, group
  3. surname/title coreference to a person introduced earlier in the document
  4. in-text roles  -> titles, appositions ("X, the Russian foreign minister"),
                       "X of <organisation>", sector nouns ("Russian pilots")
  5. generic groups ("government forces", "the regime") -> the document's focus country
The head noun decides over modifiers: in "the Russian-backed Syrian air force"
the backer is ignored and the air force is Syrian.
Persons outside any known role fall back to <country>ELI (elite).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.actors.kb import Entry, KnowledgeBase, normalize
from detente.model import Actor

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"it", "they", "them"})
BACKING = ("backed", "supported", "sponsored", "funded", "armed", "allied", "led", "aligned", "trained")
SPAN_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod", "case", "punct", "det", "quantmod"})
PLURAL_DESCRIPTIONS = frozenset({"both", "two", "sides", "parties", "countries", "powers", "nations", "governments"})


@dataclass(slots=True)
class DocContext:
    """Per-document resolution state (coreference memory); created per document."""

    focus_country: str | None = None
    event_date: date | None = None
    persons: dict[str, tuple[Entry | None, Actor]] = field(default_factory=dict)  # surname -> actor
    last_person: Actor | None = None
    last_group: Actor | None = None
    last_set: list[Actor] = field(default_factory=list)


def focus_country(doc: Doc, kb: KnowledgeBase) -> str | None:
    """The country the document is mostly about (most mentioned state or adjective)."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        for e in kb.lookup(ent.text):
            if e.kind in ("country", "adjective", "capital") and e.country:
                counts[e.country] += 1
                break
    return counts.most_common(1)[0][0] if counts else None


def mention_tokens(head: Token) -> list[Token]:
    """The mention around a head: its entity, or its left modifiers, without leading determiners."""
    if head.ent_iob_ != "O" and head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            toks = list(ent)
            # "the Russian foreign minister Sergei Lavrov": include compound titles to the left
            left = [t for t in head.lefts if t.i < ent.start and t.dep_ in SPAN_DEPS]
            start = min([t.left_edge.i for t in left] + [ent.start])
            toks = list(head.doc[start:max(ent.end, head.i + 1)])
            while toks and toks[0].dep_ in ("det", "punct", "case"):
                toks = toks[1:]
            return toks or [head]
    start = head.i
    for t in head.lefts:
        if t.dep_ in SPAN_DEPS:
            start = min(start, t.left_edge.i)
    toks = list(head.doc[start: head.i + 1])
    while toks and (toks[0].dep_ in ("det", "punct", "case", "predet") or toks[0].pos_ == "PUNCT"):
        toks = toks[1:]
    return toks or [head]


def _make(code: str | None, country: str | None, sector: str | None, entry: Entry | None, how: str) -> Actor:
    # sector keeps the first role ("GOVMIL" -> GOV); the code keeps the whole chain
    return Actor(code=code, country=country, sector=sector[:3] if sector else None, name=entry.name if entry else None,
                 kb_id=entry.id if entry else None, how=how)


def _person_actor(entry: Entry, day: date | None, how: str) -> Actor:
    role = entry.role_on(day)
    if role is not None:
        code = role.code
        country = code[:3] if not code.startswith(("IGO", "NGO", "IMG")) else None
        sector = code[3:6] if country else code[:3]
        a = _make(code, country, sector, entry, how)
        a.name = f"{entry.name} ({role.title})"
        return a
    if entry.country:  # documented fallback: outside any role, an elite of their country
        return _make(f"{entry.country}ELI", entry.country, "ELI", entry, how + ":no-role-on-date")
    return _make(None, None, None, entry, how + ":no-role-on-date")


def _entry_actor(entry: Entry, day: date | None, how: str) -> Actor:
    if entry.kind == "person":
        return _person_actor(entry, day, how)
    if entry.kind in ("country", "adjective"):
        return _make(entry.country, entry.country, None, entry, how)
    period = entry.role_on(day) if entry.roles and day is not None else None
    if period is not None:
        code = period.code
        return _make(code, code[:3], code[3:6] or None, entry, how + ":dated")
    return _make(entry.code, entry.country, entry.sector, entry, how)


def _is_backer(tok: Token) -> bool:
    """'Russian' in 'Russian-backed': a modifier naming a backer, not the actor."""
    nxt = tok.doc[tok.i + 1: tok.i + 3]
    words = [t.lower_ for t in nxt]
    if words and words[0] == "-" and len(words) > 1:
        return words[1] in BACKING
    return bool(words) and words[0] in BACKING or tok.head.lower_ in BACKING


def _kb_in_tokens(toks: list[Token], kb: KnowledgeBase, kinds: tuple[str, ...]) -> Entry | None:
    """Longest KB name inside the token list (n-grams, longest first)."""
    n = len(toks)
    for size in range(min(n, 7), 0, -1):
        for i in range(0, n - size + 1):
            window = toks[i:i + size]
            if any(_is_backer(t) for t in window):
                continue
            text = window[0].doc[window[0].i: window[-1].i + 1].text
            for e in kb.lookup(text):
                if e.kind in kinds:
                    return e
    return None


def _sector_of(head: Token, toks: list[Token], kb: KnowledgeBase) -> str | None:
    """Sector from the head noun phrase ('air force' -> MIL), longest match ending at the head."""
    words = [t for t in toks if t.i <= head.i]
    for i in range(len(words)):
        phrase = " ".join(t.lemma_.lower() if t is head else t.lower_ for t in words[i:])
        raw = " ".join(t.lower_ for t in words[i:])
        for key in (normalize(raw), normalize(phrase)):
            if key in kb.sector_nouns:
                return kb.sector_nouns[key]
            if key in kb.titles:
                return kb.titles[key]
    return None


def _title_sector(toks: list[Token], kb: KnowledgeBase) -> str | None:
    words = [t.lower_ for t in toks]
    for size in range(min(len(words), 5), 0, -1):
        for i in range(0, len(words) - size + 1):
            key = normalize(" ".join(words[i:i + size]))
            if key in kb.titles:
                return kb.titles[key]
    return None


def _country_in(toks: list[Token], kb: KnowledgeBase) -> Entry | None:
    return _kb_in_tokens(toks, kb, ("country", "adjective", "capital"))


def _appositive_tokens(head: Token) -> list[Token]:
    out: list[Token] = []
    for c in head.children:
        if c.dep_ == "appos":
            out.extend(t for t in c.subtree)
    return out


def _of_organisation(head: Token, kb: KnowledgeBase) -> Entry | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "from"):
            for g in c.children:
                if g.dep_ == "pobj":
                    e = _kb_in_tokens(mention_tokens(g), kb, ("org", "group", "country"))
                    if e is not None:
                        return e
    return None


def resolve_head(head: Token, kb: KnowledgeBase, ctx: DocContext) -> tuple[list[Token], Actor]:
    """Mention tokens and actor for an argument head. Unresolved actors have code None."""
    low = head.lower_
    if head.pos_ == "PRON":
        if low in PRONOUNS_PERSON and ctx.last_person is not None:
            a = ctx.last_person
            return [head], Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:pronoun")
        if low in PRONOUNS_GROUP and ctx.last_group is not None:
            a = ctx.last_group
            return [head], Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:pronoun")
        return [head], Actor(how="unresolved:pronoun")
    toks = mention_tokens(head)
    day = ctx.event_date
    actor = _resolve_tokens(head, toks, kb, ctx, day)
    if actor.resolved:
        if actor.how and (actor.how.startswith("kb:person") or actor.how.startswith("title:person")):
            ctx.last_person = actor
        elif actor.sector != "ELI":
            ctx.last_group = actor
    return toks, actor


def _resolve_tokens(head: Token, toks: list[Token], kb: KnowledgeBase, ctx: DocContext, day: date | None) -> Actor:
    # 2. knowledge base: whole mention first, then the longest known name in it
    is_person = head.ent_type_ == "PERSON"
    entry = _kb_in_tokens([t for t in toks if t.i <= head.i or t.ent_type_ == head.ent_type_], kb,
                          ("person", "org", "group", "metonym", "capital", "country", "adjective"))
    if entry is not None and entry.kind == "person":
        actor = _person_actor(entry, day, "kb:person")
        if entry.surname:
            ctx.persons[normalize(entry.surname)] = (entry, actor)
        ctx.persons[normalize(entry.name)] = (entry, actor)
        return actor
    sector = _sector_of(head, toks, kb) if not is_person else None
    if entry is not None and entry.kind in ("org", "group", "metonym"):
        # "Hezbollah fighters" stays Hezbollah; "UN envoy" is the UN
        return _entry_actor(entry, day, f"kb:{entry.kind}")
    if entry is not None and entry.kind == "capital" and sector is None:
        return _entry_actor(entry, day, "metonym:capital")
    if entry is not None and entry.kind in ("country", "adjective") and (
        head.ent_type_ in ("GPE", "NORP") or head.pos_ == "PROPN" and sector is None
    ) and not is_person:
        if sector:
            return _make(f"{entry.country}{sector}", entry.country, sector, entry, "kb:country+sector")
        return _entry_actor(entry, day, f"kb:{entry.kind}")
    # 3. person coreference by surname / full name seen earlier
    if is_person:
        name = normalize(" ".join(t.text for t in toks if t.ent_type_ == "PERSON"))
        last = normalize(head.text)
        for key in (name, last):
            if key in ctx.persons:
                _, a = ctx.persons[key]
                return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:name")
        cands = kb.surnames.get(last, [])
        if len(cands) == 1 and name == last:
            cand = cands[0]
            a = _person_actor(cand, day, "kb:person:surname")
            if a.code and cand.role_on(day) is not None:
                return a
        # 4. in-text role: titles and appositions, "X of the Middle East Institute"
        extra = _appositive_tokens(head)
        title_sector = _title_sector(toks + extra, kb)
        org = _of_organisation(head, kb)
        country = _country_in([t for t in toks + extra if t.ent_type_ != "PERSON"], kb)
        actor = Actor(how="unresolved:person")
        if org is not None and org.kind in ("org", "group"):
            actor = _entry_actor(org, day, "title:person:of-org")
        elif country is not None and title_sector:
            actor = _make(f"{country.country}{title_sector}", country.country, title_sector, None, "title:person")
        elif org is not None and org.kind == "country" and title_sector:
            actor = _make(f"{org.country}{title_sector}", org.country, title_sector, None, "title:person")
        if actor.resolved:
            ctx.persons[name] = (None, actor)
            ctx.persons[last] = (None, actor)
        return actor
    # 4. sector nouns with a country modifier: "Russian pilots", "Syria's army", "the army of Syria"
    if sector:
        country = entry if entry is not None and entry.kind in ("country", "adjective", "capital") else None
        if country is None:
            country = _of_organisation(head, kb)
            if country is not None and country.kind not in ("country",):
                return _entry_actor(country, day, "kb:of-org")
        if country is not None and country.country:
            return _make(f"{country.country}{sector}", country.country, sector, country, "sector+country")
        # title-only heads: "the foreign minister" -> a person of the document with that title
        title_key = normalize(" ".join(t.lower_ for t in toks))
        for ent, act in reversed(list(ctx.persons.values())):
            if ent is not None and title_key and any(title_key in normalize(r.title) for r in ent.roles
                                                     if day is None or r.holds_on(day)):
                return Actor(act.code, act.country, act.sector, act.name, act.kb_id, "coref:title")
        # 5. generic groups need the document's focus country
        key = normalize(" ".join(t.lower_ for t in toks))
        lemma_key = normalize(" ".join(t.lemma_.lower() for t in toks))
        generic = kb.generic_groups.get(key) or kb.generic_groups.get(lemma_key)
        if (generic or sector in ("REB", "OPP", "GOV", "MIL", "INS")) and ctx.focus_country:
            sec = generic or sector
            return _make(f"{ctx.focus_country}{sec}", ctx.focus_country, sec, None, "generic:focus-country")
        return Actor(how="unresolved:sector-only")
    if entry is not None and entry.kind in ("country", "adjective", "capital"):
        return _entry_actor(entry, day, f"kb:{entry.kind}")
    return Actor(how="unresolved")
