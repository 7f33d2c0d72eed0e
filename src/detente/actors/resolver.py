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
Persons outside any known role fall back to <country>ELI (elite), unless the text gives
them a title they held at some time ("President Obama" after his term: USAGOV; "former
President Obama": USAELI).
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from detente.actors.document import DocContext
from detente.actors.kb import Entry, KnowledgeBase, normalize
from detente.actors.mentions import appositive_tokens, is_backer, mention_tokens, of_phrase, other_conjunct
from detente.actors.references import pronoun_actor, state_epithet
from detente.actors.persons import (by_surname, entry_actor, make_actor, person_in,
                                    titled_namesakes, titled_person)
from detente.geo.words import GEO_WORDS
from detente.model import Actor
from detente.nlp import conj_closure, doc_text, span_text

# "the head of X", "a spokesman for X", "representatives of X": the actor is X
PART_OF_HEADS = frozenset({"head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson", "member",
                           "representative", "delegation", "delegate", "official", "envoy", "commander",
                           "part", "wing", "branch", "unit", "faction", "source"})
STATE_NOUNS = frozenset({"country", "nation", "state", "government"})
PLURAL_DESCRIPTIONS = frozenset({"side", "party", "country", "power", "nation", "government", "delegation",
                                 "camp", "belligerent", "adversary", "rival", "neighbour", "neighbor", "ally"})


def _leader(head: Token, toks: list[Token], kb: KnowledgeBase) -> Entry | None:
    """The state leading a group named after it: 'US' in 'the US-led coalition' (kb.led_groups)."""
    if normalize(head.lemma_.lower()) not in kb.led_groups:
        return None
    doc = head.doc
    if head.dep_ == "compound":  # "Saudi-led coalition air strikes": "Saudi-led" hangs on "strikes"
        toks = [*doc[head.head.left_edge.i:head.i], *toks]
    for t in toks:
        led = (t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "led") or (
            t.head.lower_ == "led" and t.head.i > t.i and t.head.i < max(head.i, t.head.i + 1))
        if led:
            hit = next((e for e in kb.lookup(t.text) if e.kind in ("country", "adjective", "capital") and e.country),
                       None)
            if hit is not None:
                return hit
    return None


ARMED_ROLES = ("MIL", "REB", "UAF", "INS")


def _ethnic(toks: list[Token], head: Token, kb: KnowledgeBase, ctx: DocContext, sector: str | None) -> Actor | None:
    """A people or faith without a state ("Kurdish fighters", "the Kurds") in the country the
    document is about: its theatre, else its focus (kb.ethnic_groups)."""
    home = ctx.theatre_country or ctx.focus_country
    if home is None or head.lemma_.lower() in STATE_NOUNS or normalize(head.lemma_.lower()) in kb.state_epithets:
        return None  # "Arab states", "Muslim countries": other states, not a people at home
    role = next((kb.ethnic_groups[k] for t in toks if (k := normalize(t.lower_)) in kb.ethnic_groups), None)
    if role is None:
        return None
    if sector:
        role = "REB" if sector[:3] in ARMED_ROLES else sector
    return make_actor(f"{home}{role}", home, role, None, "ethnic:focus-country")


def _named_kind(head: Token, toks: list[Token], entry: Entry | None, kb: KnowledgeBase, ctx: DocContext,
                sector: str | None) -> Actor | None:
    """An organisation of a known kind under a name the knowledge base does not know ("the
    Umma party"): of the country the text gives, else of the document's focus country;
    its role from the text ("the opposition Umma party") or the kind (kb.named_kinds)."""
    kind = normalize(head.lemma_.lower())
    if kind not in kb.named_kinds:
        kind = normalize(head.lower_)
        if kind not in kb.named_kinds:
            return None
    if head.tag_ in ("NNS", "NNPS") or not any(
            t.i < head.i and (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP")) for t in toks):
        return None  # "the party", "parties": no name, no actor
    # "the ruling Justice and Development Party": a modifier of the kind ("ruling party")
    marked = next((kb.sector_nouns[k] for t in toks if t.i < head.i
                   and (k := normalize(f"{t.lower_} {kind}")) in kb.sector_nouns), None)
    role = marked or sector or kb.named_kinds[kind]
    if entry is not None and entry.kind in ("country", "adjective", "capital") and entry.country:
        country, how = entry.country, "named:country"
    elif (where := _located_in(head, kb)) is not None:  # "the Umma party of Sudan"
        country, how = where.country, "named:located"
    elif ctx.focus_country:
        country, how = ctx.focus_country, "named:focus-country"
    else:
        return None
    return make_actor(f"{country}{role or ''}", country, role, None, how)


def _group_of(head: Token, kb: KnowledgeBase, ctx: DocContext) -> Actor | None:
    """The group a sector noun is from (or a part of) when the text gives that group's
    country ("doctors from two American aid groups", "leaders of the Umma party"), or None.
    Only parts are 'of' a group: "critics of", "victims of" are no members."""
    preps = ("of", "from") if head.lemma_.lower() in PART_OF_HEADS else ("from",)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                    _, a = resolve_head(g, kb, ctx)
                    if a.resolved and a.country and (a.how or "").startswith(
                            ("sector+country", "kb:country+sector", "named:")):
                        return a
    return None


def _kb_in_tokens(toks: list[Token], kb: KnowledgeBase, kinds: tuple[str, ...],
                  head: Token | None = None, day: date | None = None) -> Entry | None:
    """Longest KB name inside the token list (n-grams, longest first). A name that several
    people bear ("George Bush") is the one holding a role on the date, if one does."""
    n = len(toks)
    if not n:
        return None
    backer: list[bool] | None = None  # read only once some window names something
    text = doc_text(toks[0].doc)
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t) for t in toks]
    for size in range(min(n, 7), 0, -1):
        for i in range(0, n - size + 1):
            # the text from the window's first to its last token, as the document spells it;
            # a state's name before a local unit names the unit ("Nassau County" is no Bahamas)
            found = kb.lookup(text[starts[i]:ends[i + size - 1]])
            if not found:  # most windows name nothing
                continue
            if backer is None:
                backer = [is_backer(t) or (head is not None and other_conjunct(t, head)) for t in toks]
            if any(backer[i:i + size]):
                continue
            unit = i + size < n and toks[i + size].lower_ in GEO_WORDS.local_unit_nouns
            # a region word that begins a longer name is part of it: "Western Cambodia", "the West Bank"
            named_on = i + size < n and toks[i + size].pos_ == "PROPN"
            hits = [e for e in found if e.kind in kinds and not (unit and e.kind in ("capital", "country"))
                    and not (named_on and e.id.startswith("region"))]
            if len(hits) > 1 and hits[0].kind == "person":
                return next((e for e in hits if e.kind == "person" and e.role_on(day) is not None), hits[0])
            if hits:
                return hits[0]
    return None


def _names_head(toks: list[Token], head: Token, entry: Entry, kb: KnowledgeBase) -> bool:
    """The entry's name ends at the head: the head word is part of the name ('Union' in
    'the Soviet Union'), not a role noun after it."""
    text = doc_text(head.doc)
    end = head.idx + len(head)
    return any(entry in kb.lookup(text[t.idx:end]) for t in toks if t.i <= head.i)


def _sector_of(head: Token, toks: list[Token], kb: KnowledgeBase) -> str | None:
    """Sector from the head noun phrase ('air force' -> MIL), longest match ending at the head."""
    words = [t for t in toks if t.i <= head.i]
    lows = [t.lower_ for t in words]  # each word's forms read once, not once per window
    forms = [t.lemma_.lower() if t.i == head.i else low for t, low in zip(words, lows)]
    for i in range(len(words)):
        phrase = " ".join(forms[i:])
        raw = " ".join(lows[i:])
        for key in (normalize(raw), normalize(phrase)):
            role = kb.sector_nouns.get(key) or kb.titles.get(key)
            if role is None:
                continue
            if i == len(words) - 1:  # the bare head: "opposition negotiators" is OPP, not GOV
                for m in reversed(words[:-1]):
                    marked = kb.sector_nouns.get(normalize(m.lower_))
                    if marked and marked[:3] in ("OPP", "REB", "SEP"):
                        return marked
                    if marked and marked.endswith("~"):  # "an MSF Arnor diplomat": NGO~ + GOV
                        return marked + role
            return role
    for c in head.children:  # "a government position", "regime warplanes"
        if c.dep_ in ("compound", "amod", "nmod") and normalize(c.lower_) in kb.sector_nouns:
            return kb.sector_nouns[normalize(c.lower_)]
    return None


def _modified_role(toks: list[Token], role: str | None, kb: KnowledgeBase) -> str | None:
    """'former minister' -> ELI: a title modifier before the title replaces its role."""
    if role is None:
        return None
    for t in toks:
        new = kb.title_modifiers.get(normalize(t.lower_))
        if new:
            return new
    return role


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


def _entry_in_prep(head: Token, kb: KnowledgeBase, preps: tuple[str, ...], kinds: tuple[str, ...]) -> Entry | None:
    """The first knowledge-base entry of ``kinds`` named in one of the head's ``preps`` phrases."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    e = _kb_in_tokens(mention_tokens(g), kb, kinds)
                    if e is not None:
                        return e
    return None


def _of_organisation(head: Token, kb: KnowledgeBase) -> Entry | None:
    """ "a spokesman of the Foreign Ministry", "an analyst at Chatham House" """
    return _entry_in_prep(head, kb, ("of", "at", "from"), ("org", "group", "country"))


def _residence(head: Token, entry: Entry, kb: KnowledgeBase) -> str | None:
    """The country a people named by its nationality lives in, when the text says it is
    another's: "ethnic Albanians in Serbia", "the Albanians of southern Serbia" (SRB)."""
    if entry.kind != "adjective" or head.ent_type_ != "NORP" or head.tag_ not in ("NNS", "NNPS"):
        return None
    ethnic = any(c.lower_ == "ethnic" and c.dep_ in ("amod", "compound") for c in head.children)
    where = _entry_in_prep(head, kb, ("in", "of") if ethnic else ("of",), ("country",))
    return where.country if where is not None and where.country and where.country != entry.country else None


def _appositive_actor(head: Token, kb: KnowledgeBase, ctx: DocContext) -> Actor | None:
    """The actor an unknown name's appositive describes, when it names one by an organisation
    or a country ("Amara Diallo, the UN relief coordinator"), or the noun the name is in apposition
    to ("the largest rebel group, the X Front"); not a bare role ("an official")."""
    described = [ap for ap in head.children if ap.dep_ == "appos"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.ent_type_ != "PERSON":
        described.append(head.head)  # (a person's name looks down only: no cycle)
    for ap in described:
        if ap.pos_ in ("NOUN", "PROPN"):
            _, a = resolve_head(ap, kb, ctx)
            if a.resolved and a.country is not None or a.resolved and (a.how or "").startswith("kb:"):
                return Actor(a.code, a.country, a.sector, a.name, a.kb_id, f"appos:{a.how}")
    return None


def _located_in(head: Token, kb: KnowledgeBase) -> Entry | None:
    """The capital, country or seat of government a role is in or of."""
    e = _entry_in_prep(head, kb, ("in", "of", "from", "throughout", "across"), ("country", "capital", "metonym"))
    return e if e is not None and e.country else None


def resolve_head(head: Token, kb: KnowledgeBase, ctx: DocContext) -> tuple[list[Token], Actor]:
    """Mention tokens and actor for an argument head. Unresolved actors have code None."""
    pos = ctx.offset + head.idx
    if head.pos_ == "PRON":
        return [head], pronoun_actor(head, kb, ctx, resolve_head)
    day = ctx.event_date
    key = (pos, day)
    if key in ctx.cache:  # the same head seen again for another trigger of the sentence
        return ctx.cache[key]
    toks = mention_tokens(head)
    named = _name_with_of(head, toks, kb)
    if named is not None:  # "the Prince of Dol Amroth": the whole phrase is a known name
        toks = named[0]
    actor = _resolve_tokens(head, toks, kb, ctx, day, named[1] if named else None)
    if actor.how == "sector-only":
        actor = _shared_modifier(head, actor, kb) or actor
    if not actor.resolved and head.lemma_.lower() in PART_OF_HEADS:
        inner = of_phrase(head)
        if inner is not None:
            _, inner_actor = resolve_head(inner, kb, ctx)
            if inner_actor.resolved:
                actor = Actor(inner_actor.code, inner_actor.country, inner_actor.sector, inner_actor.name,
                              inner_actor.kb_id, (inner_actor.how or "") + ":part-of")
    lemma = head.lemma_.lower()
    if actor.resolved and normalize(lemma) in kb.titles and not (actor.how or "").startswith("coref"):
        ctx.titles[lemma] = actor
    how = actor.how or ""
    is_person = how.startswith(("kb:person", "title:person", "coref:name")) or (
        # a name the NER calls a person, unknown or coded through its apposition ("Hisham
        # al-Hashimi, an Iraqi-based scholar")
        head.ent_type_ == "PERSON" and (not actor.resolved or how.startswith("appos:"))) or (
        # "the French president ... he": a singular title names a person
        head.tag_ == "NN" and normalize(lemma) in kb.titles and actor.resolved)
    if actor.resolved or is_person:
        # an unresolved person is remembered too: "he" after an unknown name stays unknown
        ctx.remember(pos, actor, is_person, plural=head.tag_ in ("NNS", "NNPS"),
                     located=head.dep_ == "pobj" and head.head.lower_ in GEO_WORDS.locative_preps,
                     sentence=ctx.offset + head.sent.start_char, subject=head.dep_ in ("nsubj", "nsubjpass"),
                     singular_noun=head.tag_ == "NN")
    ctx.cache[key] = (toks, actor)
    return toks, actor


def _shared_modifier(head: Token, actor: Actor, kb: KnowledgeBase) -> Actor | None:
    """A bare conjunct shares the nationality that modifies the first: "Israeli helicopters
    and tanks" are Israeli tanks too."""
    if head.dep_ != "conj" or any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.children):
        return None
    first = head
    while first.dep_ == "conj":
        first = first.head
    mods = [c for c in first.children if c.dep_ in ("amod", "compound") and c.i < first.i]
    entry = _kb_in_tokens(mods, kb, ("adjective", "country")) if mods else None
    if entry is None or not entry.country:
        return None
    return make_actor(f"{entry.country}{actor.sector}", entry.country, actor.sector, None, "sector+country:shared")


def resolve_all(head: Token, kb: KnowledgeBase, ctx: DocContext) -> list[tuple[list[Token], Actor]]:
    """Like resolve_head, but "Turkish and Russian officials" gives two actors (TURGOV, RUSGOV)."""
    if head.lemma_.lower() in PLURAL_DESCRIPTIONS and any(
            c.lower_ in ("both", "two") for c in head.children):
        # "both sides", "the two delegations": the pair just mentioned, if there is exactly one
        toks = mention_tokens(head)
        pair = ctx.last_states(ctx.offset + head.idx) if head.lemma_.lower() in STATE_NOUNS else []
        if len(pair) == 2:  # "the two countries": the last two states named before
            return [(toks, Actor(a.country, a.country, None, None, None, "coref:plural-states")) for a in pair]
        if len(ctx.last_set) == 2:
            return [(toks, Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:plural"))
                    for a in ctx.last_set]
        return [(toks, Actor(how="unresolved:plural"))]
    toks, actor = resolve_head(head, kb, ctx)
    out = [(toks, actor)]
    if not actor.resolved or not actor.country or head.pos_ not in ("NOUN", "PROPN"):
        return out
    inner = (of_phrase(head) if actor.how == "sector+country"
             else of_phrase(head, ("in", "of", "from")) if actor.how == "sector+located" else None)
    if inner is not None:  # "diplomats from Russia, Turkey and Iran", "officials in Kenya and Uganda"
        for conj in inner.children:
            if conj.dep_ != "conj":
                continue
            for c2 in conj_closure(conj):
                hits = [e for e in kb.lookup(c2.text) if e.kind in ("country", "adjective") and e.country]
                if hits and hits[0].country != actor.country:
                    c = hits[0].country
                    out.append(([c2], Actor(f"{c}{actor.code[3:]}", c, actor.sector, None, None,
                                            "sector+country:coordinated")))
    for mod in head.children:
        if mod.dep_ not in ("amod", "compound", "nmod"):
            continue
        for conj in mod.children:
            if conj.dep_ != "conj":
                continue
            hits = [e for e in kb.lookup(conj.text) if e.kind in ("adjective", "country") and e.country]
            if hits and hits[0].country != actor.country:
                c = hits[0].country
                sector = actor.sector
                code = f"{c}{actor.code[3:]}" if actor.code and len(actor.code) > 3 else c
                out.append(([conj], Actor(code, c, sector, None, None, (actor.how or "") + ":coordinated")))
    return out



def _name_with_of(head: Token, toks: list[Token], kb: KnowledgeBase) -> tuple[list[Token], Entry] | None:
    """The mention extended over the head's 'of' phrase, when that whole phrase is a name in
    the knowledge base ('Prince' + 'of Dol Amroth'), with its entry; else None."""
    if head.pos_ not in ("NOUN", "PROPN") or not toks:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if not objs:
                return None
            end = objs[0].right_edge.i + 1
            if end - toks[0].i > 8:
                return None
            span = head.doc[toks[0].i:end]
            hits = [e for e in kb.lookup(span_text(span))
                    if e.kind in ("person", "org", "group", "metonym", "country")]
            return (list(span), hits[0]) if hits else None
    return None


def _resolve_tokens(head: Token, toks: list[Token], kb: KnowledgeBase, ctx: DocContext, day: date | None,
                    entry: Entry | None = None) -> Actor:
    # 2. knowledge base: whole mention first, then the longest known name in it
    is_person = head.ent_type_ == "PERSON"
    if is_person and any(e.kind == "country" for e in kb.lookup(span_text(head.doc[toks[0].i:head.i + 1]))):
        is_person = False  # "aid to Mali", "Sri Lanka said" tagged PERSON: a country's bare name is the country
    if is_person and any(e.kind == "adjective" and e.country for e in kb.lookup(head.text)):
        is_person = False  # "the first Briton" tagged PERSON: a demonym noun is one of that people
    leader = _leader(head, toks, kb) if entry is None and not is_person else None
    if leader is not None:  # "the US-led coalition" acts as the US
        sector = kb.led_groups[normalize(head.lemma_.lower())]
        return make_actor(f"{leader.country}{sector}", leader.country, sector, leader, "led-by")
    if entry is None:
        entry = _kb_in_tokens([t for t in toks if t.i <= head.i or t.ent_type_ == head.ent_type_], kb,
                              ("person", "org", "group", "metonym", "capital", "country", "adjective"), head, day)
    if entry is not None and entry.kind == "person":
        actor = titled_person(entry, day, toks + appositive_tokens(head), kb, "kb:person")
        if entry.surname:
            ctx.persons[normalize(entry.surname)] = (entry, actor)
        ctx.persons[normalize(entry.name)] = (entry, actor)
        return actor
    sector = _modified_role(toks, _sector_of(head, toks, kb), kb) if not is_person else None
    if entry is not None and entry.kind in ("org", "group", "metonym"):
        # "Hezbollah fighters" stays Hezbollah; "UN envoy" is the UN
        return entry_actor(entry, day, f"kb:{entry.kind}")
    if entry is not None and entry.kind == "capital" and sector is None:
        return entry_actor(entry, day, "metonym:capital")
    if entry is not None and entry.kind in ("country", "adjective") and (
        head.ent_type_ in ("GPE", "NORP") or head.pos_ == "PROPN" and sector is None
    ) and not is_person:
        # "Soviet Union" is no labour union; a prefix agent before the name is ("MSF Arnor")
        if sector and ("~" in sector or not _names_head(toks, head, entry, kb)):
            return make_actor(f"{entry.country}{sector}", entry.country, sector, entry, "kb:country+sector")
        home = _residence(head, entry, kb)
        if home is not None:
            return make_actor(f"{home}CVL", home, "CVL", None, "ethnic:residence")
        return entry_actor(entry, day, f"kb:{entry.kind}")
    # 3. person coreference by surname / full name seen earlier
    if is_person:
        name = normalize(" ".join(t.text for t in toks if t.ent_type_ == "PERSON"
                                  and normalize(t.text) not in kb.honorifics))  # "Mrs Merkel": Merkel
        last = normalize(head.text)
        for key in (name, last):
            if key in ctx.persons:
                _, a = ctx.persons[key]
                return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:name")
        earlier = ctx.named_before(ctx.offset + head.idx, last) if name == last else None
        if earlier is not None:  # "Bassam Abu Abdullah ... Abdullah said": him, not a namesake
            return Actor(name=earlier.name, how="unresolved:person")
        cands = by_surname(kb, last, day)
        if len(cands) == 1 and name == last:
            cand = cands[0]
            a = titled_person(cand, day, toks, kb, "kb:person:surname")
            if a.code and (cand.role_on(day) is not None or a.how.endswith((":titled", ":former"))):
                if cand.surname:
                    ctx.persons[normalize(cand.surname)] = (cand, a)
                return a
        elif name == last:  # several namesakes, or none holding a role on the date
            a = titled_namesakes(kb.surnames.get(last, []), day, toks, kb)
            if a is not None:
                return a
        # 4. in-text role: titles and appositions, "X of the Middle East Institute"
        extra = appositive_tokens(head)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":  # "Iran's religious leader, X": the noun X describes
            extra += [t for t in mention_tokens(head.head) if t.i < head.head.i] + [head.head]
        title_sector = _modified_role(toks + extra, _title_sector(toks + extra, kb), kb)
        org = _of_organisation(head, kb) or next(
            (o for a in head.children if a.dep_ == "appos" for o in [_of_organisation(a, kb)] if o is not None), None)
        country = _country_in([t for t in toks + extra if t.ent_type_ != "PERSON"], kb)
        # "President Kagame", unknown: a person still uncoded, with the role the title gives
        actor = Actor(name=" ".join(t.text for t in toks if t.ent_type_ == "PERSON") or head.text,
                      sector=title_sector, how="unresolved:person")
        # "X, the United Nations relief coordinator": the organisation the appositive names
        org = org or _kb_in_tokens(extra, kb, ("org", "group"))
        if org is not None and org.kind in ("org", "group"):
            actor = entry_actor(org, day, "title:person:of-org")
        elif country is not None and title_sector:
            actor = make_actor(f"{country.country}{title_sector}", country.country, title_sector, None, "title:person")
        elif org is not None and org.kind == "country" and title_sector:
            actor = make_actor(f"{org.country}{title_sector}", org.country, title_sector, None, "title:person")
        if not actor.resolved:  # "X, the first Briton to ...", "X, a Syrian doctor": what the appositive says
            actor = _appositive_actor(head, kb, ctx) or actor
        if actor.resolved:
            ctx.persons[name] = (None, actor)
            ctx.persons[last] = (None, actor)
        return actor
    if not is_person and kb.named_kinds:
        named = _named_kind(head, toks, entry, kb, ctx, sector)
        if named is not None:
            return named
    # 4. sector nouns with a country modifier: "Russian pilots", "Syria's army", "the army of Syria"
    if sector:
        country = entry if entry is not None and entry.kind in ("country", "adjective", "capital") else None
        if country is None:
            person = person_in(toks, head, kb, ctx, day)
            if person is not None and person.country:
                return make_actor(f"{person.country}{sector}", person.country, sector, None, "sector+person")
            owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"
                          and c.lower_ in ("its", "their", "his", "her")), None) \
                if normalize(head.lemma_) not in kb.other_party_nouns else None
            if owner is not None:  # "their forces" after "Isis members": the antecedent's forces
                _, a = resolve_head(owner, kb, ctx)
                if a.resolved and (a.sector or "") in kb.armed_group_sectors and sector in kb.armed_group_sectors | {"MIL"}:
                    # "Al-Shabab said its fighters killed ...": an armed group's fighters are the group
                    return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:possessive")
                if a.resolved and a.country:
                    return make_actor(f"{a.country}{sector}", a.country, sector, None, "sector+coref")
                if a.resolved:
                    return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:possessive")
        if country is None:
            country = _of_organisation(head, kb)
            if country is not None and country.kind not in ("country",):
                return entry_actor(country, day, "kb:of-org")
        if country is None:
            group = _group_of(head, kb, ctx)
            if group is not None:
                if head.lemma_.lower() in PART_OF_HEADS:  # "leaders of the Umma party": the party
                    return Actor(group.code, group.country, group.sector, group.name, group.kb_id,
                                 (group.how or "") + ":part-of")
                # "doctors from American aid groups": the group's country, the head's role
                return make_actor(f"{group.country}{sector}", group.country, sector, None, "sector+group-country")
        if country is None:
            where = _located_in(head, kb)  # "officials in Whitehall", "residents of Damascus"
            if where is not None:
                return make_actor(f"{where.country}{sector}", where.country, sector, None, "sector+located")
        if country is not None and country.country:
            return make_actor(f"{country.country}{sector}", country.country, sector, country, "sector+country")
        people = _ethnic(toks, head, kb, ctx, sector)
        if people is not None:
            return people
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
        in_title = head.dep_ == "pobj" and normalize(f"{head.head.head.lower_} of {head.lower_}") in kb.titles
        if in_title:
            generic = None  # "Secretary of State": part of a title, not "the state"
        lemma = head.lemma_.lower()
        if lemma in ctx.titles and len(toks) <= 2:  # "the envoy" after "the UN special envoy"
            a = ctx.titles[lemma]
            return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:title")
        sec = generic or sector
        if sec and len(toks) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            # "Israeli troops shot a man, the army said": the army just named, not a guess
            named = ctx.last_of_sector(ctx.offset + head.idx, sec[:3])
            if named is not None:
                return Actor(named.code, named.country, named.sector, named.name, named.kb_id, "coref:sector")
        home = ctx.theatre_country or ctx.focus_country
        # only group words ("rebels", "the regime", "government forces") take the focus country;
        # titles and officials without a country ("the envoy", "diplomats") stay unknown
        words = [t.lower_ for t in toks if t.i <= head.i]  # "armed group", "terror group": a phrase
        group_word = any(normalize(" ".join(words[i:])) in kb.sector_nouns for i in range(len(words))) or any(
            c.dep_ in ("compound", "amod") and normalize(c.lower_) in kb.sector_nouns for c in head.children)
        if home and (generic or (sector[:3] in ("REB", "OPP", "INS", "UAF", "SEP", "RAD") and group_word)):
            return make_actor(f"{home}{sec}", home, sec, None, "generic:focus-country")
        if group_word and not in_title and (
                head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "NORP", "")):
            # a named group the knowledge base lacks, of a kind the text gives ("the rebel
            # Revolutionary Front", "the Foreign Affairs Ministry"): its sector alone, or what
            # the noun it stands in apposition to says ("the main rebel group, the X Forces")
            described = _appositive_actor(head, kb, ctx) if head.pos_ == "PROPN" else None
            if described is not None:
                return described
            # "police said", "officials confirmed" with no country in sight: keep what is
            # known, the sector alone ("COP", "GOV"); a guessed country would be wrong as often
            return make_actor(sec, None, sec, None, "sector-only")
        return Actor(sector=sec[:3] if sec else None, how="unresolved:sector-only")
    if entry is not None and entry.kind in ("country", "adjective", "capital"):
        return entry_actor(entry, day, f"kb:{entry.kind}")
    state = state_epithet(head, kb, ctx) if entry is None else None
    if state is not None:  # "the small, rich nation", "the kingdom": the state named before
        return state
    people = _ethnic(toks, head, kb, ctx, None)
    if people is not None:  # "the Kurds", "Sunnis"
        return people
    if head.pos_ == "NOUN" and head.text[:1].isupper() and normalize(head.text) in ctx.persons:
        # a surname already met that the tagger takes for a common noun ("Trump usually tweets")
        _, a = ctx.persons[normalize(head.text)]
        return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:name")
    if head.pos_ == "PROPN":  # a surname the tagger did not call PERSON ("Lavrov's visit")
        key = normalize(head.text)
        if key in ctx.persons:
            _, a = ctx.persons[key]
            return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:name")
        cands = by_surname(kb, key, day)
        if len(cands) == 1:
            a = titled_person(cands[0], day, toks, kb, "kb:person:surname")
            if cands[0].role_on(day) is not None or a.how.endswith((":titled", ":former")):
                return a
        else:
            a = titled_namesakes(kb.surnames.get(key, []), day, toks, kb)
            if a is not None:
                return a
        appos = _appositive_actor(head, kb, ctx)
        if appos is not None:  # "X, the United Nations relief coordinator": the role's organisation
            return appos
        if head.ent_type_ in ("ORG", "PERSON"):
            # a name the knowledge base does not know (often a person the tagger calls ORG):
            # kept with its text, uncoded, like an unknown person
            return Actor(name=span_text(head.doc[toks[0].i:head.i + 1]), how="unresolved:name")
    return Actor(how="unresolved")
