"""People on a date: the actor a person is, from the roles the knowledge base dates and the
title the text gives them.

A person holding a role on the event date is that role's code ("Lavrov" in 2018: RUSGOV);
outside any role, an elite of their country (``:no-role-on-date``), unless the text gives a
title they held at some time ("President Obama" after his term is still USAGOV,
``:titled``; "former President Obama" is USAELI, ``:former``). A surname several people
bear is the one in office on the date, or the one the title names ("Secretary Clinton").
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from detente.actors.document import DocContext
from detente.actors.kb import Entry, KnowledgeBase, normalize
from detente.model import Actor


PREFIX_ROLE = re.compile(r"([A-Z0-9]{3})~")  # a role written before the country: "NGO~"


def prefix_roles_first(code: str | None) -> str | None:
    """Roles marked as prefixes (PETRARCH's "MSF [NGO~]") go before the country code:
    "ARNNGO~" -> NGOARN, "ARNNGO~GOV" -> NGOARNGOV; other codes are returned unchanged."""
    if not code or "~" not in code:
        return code
    return "".join(PREFIX_ROLE.findall(code)) + PREFIX_ROLE.sub("", code)


def make_actor(code: str | None, country: str | None, sector: str | None, entry: Entry | None, how: str) -> Actor:
    # sector keeps the first role ("GOVMIL" -> GOV); the code keeps the whole chain
    return Actor(code=prefix_roles_first(code), country=country, sector=sector[:3] if sector else None,
                 name=entry.name if entry else None, kb_id=entry.id if entry else None, how=how)


def person_actor(entry: Entry, day: date | None, how: str) -> Actor:
    role = entry.role_on(day)
    if role is not None:
        code = role.code
        country = code[:3] if not code.startswith(("IGO", "NGO", "IMG")) else None
        sector = code[3:6] if country else code[:3]
        a = make_actor(code, country, sector, entry, how)
        a.name = f"{entry.name} ({role.title})"
        return a
    if entry.country:  # documented fallback: outside any role, an elite of their country
        return make_actor(f"{entry.country}ELI", entry.country, "ELI", entry, how + ":no-role-on-date")
    return make_actor(None, None, None, entry, how + ":no-role-on-date")


def title_words(toks: list[Token], kb: KnowledgeBase) -> tuple[frozenset[str], bool] | None:
    """The longest title in a person's mention ('Foreign Minister' in 'Russian Foreign Minister
    Sergei Lavrov') as a set of words, and whether a modifier marks it past ('former President')."""
    words = [t.lower_ for t in toks if t.ent_type_ != "PERSON" or normalize(t.lower_) in kb.titles]
    for size in range(min(len(words), 5), 0, -1):
        for i in range(0, len(words) - size + 1):
            key = normalize(" ".join(words[i:i + size]))
            if key in kb.titles:
                former = any(kb.title_modifiers.get(normalize(w)) == "ELI" for w in words[:i])
                return frozenset(key.split()), former
    return None


def titled_role(entry: Entry, title: frozenset[str]):
    """The person's role the title names: all its words in the role's title, fewest others
    ('President' names President before Vice President); the latest such role."""
    best, best_key = None, None
    for r in entry.roles:
        rw = set(normalize(r.title).split())
        if not title <= rw:
            continue
        key = (len(rw - title), -(r.start or date.min).toordinal())
        if best_key is None or key < best_key:
            best, best_key = r, key
    return best


def titled_person(entry: Entry, day: date | None, toks: list[Token], kb: KnowledgeBase, how: str) -> Actor:
    """A person named with a title. The title is evidence of the role at the time the text
    describes: 'President Obama' in a text dated after his term (or undated) is still USAGOV,
    'former President Obama' is an elite (USAELI) unless he holds another role on the date."""
    title = title_words(toks, kb)
    if title is None or not entry.roles:
        return person_actor(entry, day, how)
    words, former = title
    named = titled_role(entry, words)
    if named is None:
        return person_actor(entry, day, how)
    held = entry.role_on(day)
    if former:
        if held is not None and not words <= set(normalize(held.title).split()):
            return person_actor(entry, day, how)  # a former minister now holding another office
        country = named.code[:3] if not named.code.startswith(("IGO", "NGO", "IMG")) else entry.country
        if country is None:
            return make_actor(None, None, None, entry, how + ":former")
        a = make_actor(f"{country}ELI", country, "ELI", entry, how + ":former")
        a.name = f"{entry.name} (former {named.title})"
        return a
    if held is not None:
        return person_actor(entry, day, how)
    code = named.code
    country = code[:3] if not code.startswith(("IGO", "NGO", "IMG")) else None
    a = make_actor(code, country, code[3:6] if country else code[:3], entry, how + ":titled")
    a.name = f"{entry.name} ({named.title})"
    return a


def entry_actor(entry: Entry, day: date | None, how: str) -> Actor:
    if entry.kind == "person":
        return person_actor(entry, day, how)
    if entry.kind in ("country", "adjective"):
        return make_actor(entry.country, entry.country, None, entry, how)
    period = entry.role_on(day) if entry.roles and day is not None else None
    if period is not None:
        code = period.code
        return make_actor(code, code[:3], code[3:6] or None, entry, how + ":dated")
    return make_actor(entry.code, entry.country, entry.sector, entry, how)


def titled_namesakes(cands: list[Entry], day: date | None, toks: list[Token], kb: KnowledgeBase) -> Actor | None:
    """'President Bush' with two Presidents Bush: the title names one role code for all of
    those who held it (USAGOV), and the one of 'Secretary Clinton' for Hillary, not Bill; a
    single namesake keeps their name. None when the codes differ or no one held the title."""
    title = title_words(toks, kb)
    if title is None or not cands:
        return None
    actors = []
    for c in cands:
        if titled_role(c, title[0]) is None:
            continue
        a = titled_person(c, day, toks, kb, "kb:person:surname")
        if not a.how.endswith((":titled", ":former")) and c.role_on(day) is None:
            return None
        actors.append(a)
    if not actors or len({a.code for a in actors}) != 1 or actors[0].code is None:
        return None
    a = actors[0]
    if len(actors) == 1:
        return a
    return Actor(a.code, a.country, a.sector, " ".join(t.text for t in toks), None, a.how + ":namesakes")


def by_surname(kb: KnowledgeBase, key: str, day: date | None) -> list[Entry]:
    """Persons with this surname; when several, only those holding a role on the date (for
    an undated document: now)."""
    cands = kb.surnames.get(key, [])
    if len(cands) > 1:
        cands = [c for c in cands if c.role_on(day) is not None]
    return cands


def person_in(toks: list[Token], head: Token, kb: KnowledgeBase, ctx: DocContext, day: date | None) -> Actor | None:
    """A person named inside a group mention ("the Obama administration", "Assad's forces")."""
    for t in toks:
        if t.i == head.i or t.ent_type_ != "PERSON":
            continue
        key = normalize(t.text)
        if key in ctx.persons:
            return ctx.persons[key][1]
        cands = by_surname(kb, key, day)
        if len(cands) == 1:
            return person_actor(cands[0], day, "kb:person:surname")
        for e in kb.lookup(t.text):
            if e.kind == "person":
                return person_actor(e, day, "kb:person")
        # namesakes of one country ("the Bush administration"): the country is known
        countries = {c.country for c in kb.surnames.get(key, [])}
        if len(countries) == 1 and None not in countries:
            c = countries.pop()
            return make_actor(c, c, None, None, "kb:person:surname:namesakes")
    return None
