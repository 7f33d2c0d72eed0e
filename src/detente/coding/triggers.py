"""Find event triggers in a parsed sentence by matching the lexicon on lemmas."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.coding.lexicon import BLOCK, PERSON_OBJECT, PLACE_OBJECT, QUALIFIER, Lexicon, Pattern
from detente.coding.wordlists import WORDS
from detente.nlp import conj_closure, lemma_forms, lemma_ids, lower_forms, named_place, reduced_passive

PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dative", "agent", "acomp", "npadvmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
NAME_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})
LIGHT_VERBS = WORDS.light_verbs  # data/frames/wordlists.yaml
AGREEMENT_VERBS = WORDS.agreement_verbs


@dataclass(slots=True)
class Trigger:
    token: Token  # head token of the trigger
    pattern: Pattern
    tokens: tuple[Token, ...]  # every token the pattern used
    object_token: Token | None = None

    @property
    def pos(self) -> str:
        return self.pattern.pos

    @property
    def code(self) -> str:
        return self.pattern.code


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _acts_on_name(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and (c.ent_type_ in NAME_ENTS or c.pos_ == "PROPN") for c in verb.children)


def _match_verb(tok: Token, p: Pattern, children: list[Token]) -> Trigger | None:
    if p.intransitive and any(c.dep_ == "dobj" for c in children):
        return None  # "fought Isis alongside the Kurds": Isis is fought, the Kurds are allies
    if not p.particles and not p.objects:
        return Trigger(tok, p, (tok,))
    used: list[Token] = [tok]
    preps: dict[str, Token] = {}
    objects = [c for c in children if c.dep_ in ("dobj", "dative")]
    for part in p.particles:
        # on the verb; under the previous particle ("walked out of"); under the object
        # ("accused Russia of", "blamed Iran for")
        pool = children + [g for t in used[1:] for g in t.children] + [g for o in objects for g in o.children]
        hit = next((c for c in pool if c.dep_ in PARTICLE_DEPS and c.lower_ == part and c not in used
                    and not _temporal(c)), None)
        if hit is None:
            return None
        used.append(hit)
        preps[part] = hit
    obj = None
    if p.objects:
        if any(c.dep_ == "oprd" for c in children) and any(c.dep_ == "dobj" for c in children):
            return None  # "called the strike illegal": the object is described, not acted on
        if p.object_prep is not None:
            part = preps[p.object_prep]
            cands = [g for g in part.children if g.dep_ in ("pobj", "pcomp")]
            if part.dep_ in ("prt", "advmod"):  # "laid down their arms": the verb's own object
                cands += [c for c in children if c.dep_ in OBJECT_DEPS]
        else:
            # "declined to comment", "resumed fighting": a verb complement can be the object,
            # unless it acts on a name of its own ("stop bombing Aleppo" keeps the bombing);
            # an attempt's complement is no event of its own ("tried to assassinate Allawi")
            attempt = _lemma(tok) in WORDS.attempt_verbs
            cands = [c for c in children if c.dep_ in OBJECT_DEPS
                     or (c.dep_ == "xcomp" and (attempt or not _acts_on_name(c)))]
            if reduced_passive(tok):
                cands.append(tok.head)  # "fighters held by Kurdish forces": the noun a passive participle modifies
            if object_gap(tok):
                cands.append(tok.head)  # "the weapons (that) Russia sent": the noun the clause is about
            # no preposition's object: "stopped work in a strike" is no stopping of a strike;
            # a pattern whose object follows a preposition names it ("call for ~talk")
        cands += [_measured(c) for c in cands if _measured(c) is not c]  # "700 kg of medicine"
        for cand in cands:
            for o in conj_closure(cand):
                if _lemma(o) in p.objects or o.lower_ in p.objects or _singular_name(o) in p.objects or (
                        PLACE_OBJECT in p.objects and named_place(o)
                        and o.dep_ in (("pobj", "conj") if p.object_prep else ("dobj", "conj"))) or (
                        PERSON_OBJECT in p.objects and _called_person(o, children)) \
                        or _qualified(o, p.objects):
                    obj = o
                    break
            if obj is not None:
                break
        if obj is None:
            return None
        used.append(obj)
    return Trigger(tok, p, tuple(sorted(used, key=lambda t: t.i)), obj)


def _singular_name(tok: Token) -> str:
    """A plural proper noun's singular ("Britons" -> "briton"): the tagger leaves the lemma of
    a proper noun as written, so "held two Britons" would miss ``hold ~briton``."""
    low = tok.lower_
    return low[:-1] if tok.tag_ == "NNPS" and low.endswith("s") else low


def object_gap(verb: Token, pronoun_object: bool = True) -> bool:
    """A relative clause on a noun whose object is that noun ("the Kurds it had backed", "the
    weapons (that) Russia sent"): a subject of its own, no object, no "where"/"when" clause.
    With ``pronoun_object`` a relative pronoun as its object ("that", "which") still counts."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(c.lower_ in WORDS.relative_pronouns for c in subjects):
        return False
    for c in verb.children:
        if c.dep_ in ("dative", "nsubjpass") or c.lower_ in ("where", "when", "why", "how") or (
                c.dep_ == "dobj" and not (pronoun_object and c.lower_ in WORDS.relative_pronouns)):
            return False
    return True


def _measured(obj: Token) -> Token:
    """What a count or measure noun measures: "part of its aid" -> aid, "700 kg of medicine"
    -> medicine; else the noun itself."""
    if _lemma(obj) in WORDS.quantity_nouns:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return pobj
    return obj


def _qualified(obj: Token, alternatives: frozenset[str]) -> bool:
    """An alternative "mod+head" matches an object with lemma head and a modifier mod
    ("used chemical weapons" for ``use ~chemical+weapon``); "mod+" any object with that
    modifier ("fired artillery shells" for ``fire ~artillery+``)."""
    lemma = _lemma(obj)
    for alt in alternatives:
        if QUALIFIER in alt:
            mod, _, head = alt.partition(QUALIFIER)
            if head in (lemma, "") and any(c.dep_ in MODIFIER_DEPS and (c.lower_ == mod or _lemma(c) == mod)
                                     for c in obj.children):
                return True
    return False


def _match_noun(tok: Token, p: Pattern, children: list[Token]) -> Trigger | None:
    if not p.modifiers:
        return Trigger(tok, p, (tok,))
    used: list[Token] = [tok]
    children = [c for c in children if c.dep_ in MODIFIER_DEPS]
    for mod in p.modifiers:
        hit = next((c for c in children if (c.lower_ == mod or _lemma(c) == mod) and c not in used), None)
        if hit is None:
            return None
        used.append(hit)
    return Trigger(tok, p, tuple(sorted(used, key=lambda t: t.i)))


def sentence_words(sent: Span) -> set[str]:
    """The lower-case forms and lemmas of every word of a sentence: a superset of the words a
    verb pattern on any of its tokens may use."""
    doc = sent.doc
    lowers = lower_forms(doc)[sent.start:sent.end]
    # plural names keep their -s in the lemma ("Britons"): their singulars may be objects too
    return {*lowers, *lemma_forms(doc)[sent.start:sent.end], *(w[:-1] for w in lowers if w.endswith("s"))}


def match_token(tok: Token, lexicon: Lexicon, words: set[str] | None = None) -> Trigger | None:
    """The most specific lexicon pattern that matches at this token, or None. ``words``: the
    sentence's ``sentence_words``, to skip verb patterns whose particles or objects are absent."""
    lemma = _lemma(tok)
    if lemma not in lexicon.verbs and lemma not in lexicon.nouns:
        return None
    if tok.dep_ == "amod" and tok.pos_ == "VERB":
        return None  # adjectival participles: "the negotiating track", "ruling party"
    if _gerund_subject(tok) and tok.lower_ in lexicon.nouns:
        pats, matcher = lexicon.nouns.get(tok.lower_), _match_noun  # "Shelling killed four civilians"
    elif tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):  # a clause's own "be"
        pats, matcher = lexicon.verbs.get(lemma), _match_verb
    elif tok.pos_ in ("NOUN", "PROPN"):
        pats, matcher = lexicon.nouns.get(lemma), _match_noun
        if pats is None and tok.tag_ in ("VBD", "VBN", "VB", "VBZ", "VBP"):
            pats, matcher = lexicon.verbs.get(lemma), _match_verb
    else:
        return None
    if not pats:
        return None
    children = list(tok.children)
    if matcher is not _match_verb:
        words = None
    for p in pats:  # sorted most specific first
        if words is not None and not p.may_match(words):
            continue  # a particle or the object it needs is nowhere near
        trig = matcher(tok, p, children)
        if trig is not None:
            if p.code != BLOCK and trig.object_token is not None and _blocked_noun(trig.object_token, lexicon):
                continue  # "escalated its trade war": the object is a noun the lexicon says is no war
            return None if p.code == BLOCK else trig
    return None


def _blocked_noun(obj: Token, lexicon: Lexicon) -> bool:
    """The object, with its modifiers, is a noun blocker ("trade war", "charm offensive")."""
    kids = list(obj.children)
    return any(bp.code == BLOCK and bp.modifiers and _match_noun(obj, bp, kids) is not None
               for bp in lexicon.nouns.get(_lemma(obj), ()))


def _called_person(o: Token, children: list[Token]) -> bool:
    """A person's name as the verb's one complement ("May called Trump"; the parser may read
    it as a predicate, "called President Trump"), not one of two ("called Macron a liar")."""
    return o.ent_type_ == "PERSON" and o.dep_ in ("dobj", "oprd", "conj") \
        and sum(c.dep_ in ("dobj", "oprd") for c in children) == 1


def _temporal(prep: Token) -> bool:
    """A preposition whose object is a date or a time: "called Trump on Sunday" is no "call on"."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _gerund_subject(tok: Token) -> bool:
    """An -ing form the tagger took for a verb, standing alone as a clause's subject: the event
    noun ("Shelling killed four civilians", "Heavy fighting has displaced thousands")."""
    return tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ in ("dobj", "nsubj", "aux", "prt", "ccomp", "xcomp") for c in tok.children)


def _candidates(sent: Span, lexicon: Lexicon) -> list[int]:
    """Positions in the sentence whose lemma heads some lexicon pattern.

    Reads lemma ids instead of making a Token object per word: most words are no trigger."""
    doc = sent.doc
    lemmas = lemma_ids(doc)
    known = lexicon.lemma_known
    strings = doc.vocab.strings
    out: list[int] = []
    for i in range(sent.start, sent.end):
        h = lemmas[i]
        hit = known.get(h)
        if hit is None:
            lemma = strings[h].lower()
            hit = known[h] = lemma in lexicon.verbs or lemma in lexicon.nouns
        if hit:
            out.append(i)
    return out


def _authored(noun: Token) -> bool:
    """An event noun that names who did it: a possessive, a nationality ("the Russian air
    strikes") or a "by" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by"):
            return True
        if c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or (c.pos_ == "ADJ" and c.is_title)):
            return True
    return False


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """Triggers of one sentence.

    A noun used as a verb pattern's object is part of that trigger ("hold talks"),
    except after a light verb, where the noun is the event ("carried out air
    strikes" is 195 by the noun, not 190 by "carry out ~strike"); the noun then
    takes the light verb's subject as its source.
    """
    doc = sent.doc
    cands = _candidates(sent, lexicon)
    words = sentence_words(sent) if cands else None
    found = [t for t in (match_token(doc[i], lexicon, words) for i in cands)
             if t is not None and not (t.pos == "NOUN" and t.token.dep_ == "compound")]  # "veto power"
    nouns = {t.token.i: t for t in found if t.pos == "NOUN"}
    drop: set[int] = set()
    for t in found:
        if t.pos != "VERB" or t.object_token is None or t.object_token.i not in nouns:
            continue
        noun = nouns[t.object_token.i]
        if _lemma(t.token) in LIGHT_VERBS and (noun.pattern.modifiers or noun.code[:2] == t.code[:2]):
            drop.add(t.token.i)  # the noun event wins: "carried out air strikes" is 195
        else:
            drop.add(t.object_token.i)  # the verb phrase wins
    for t in found:  # "Russia cast a veto": a light verb without a pattern of its own
        if t.pos == "NOUN" and t.token.dep_ == "dobj" and _lemma(t.token.head) in LIGHT_VERBS \
                and t.token.head.i not in drop and not any(
                    v.token.i == t.token.head.i and v.object_token is not None for v in found):
            drop.add(t.token.head.i)
    # an event noun that is only the object of another event ("bombed a UN aid convoy")
    # is an argument, unless it has an author of its own ("criticised Lavrov's visit",
    # "condemned the Russian air strikes", "the veto by Russia")
    heads = {t.token.i: t for t in found}
    for t in found:
        if t.pos != "NOUN" or _authored(t.token):
            continue
        gov = t.token.head
        if t.token.dep_ == "pobj" and gov.lower_ in ("of", "on", "against") and gov.head.i in heads:
            drop.add(t.token.i)
        elif t.token.dep_ in ("dobj", "nsubjpass") and gov.i in heads and gov.i not in drop:
            verb = heads[gov.i]
            if _lemma(gov) in AGREEMENT_VERBS and verb.code.endswith("0") and len(verb.code) == 3:
                drop.add(gov.i)  # "agreed a ceasefire" is the ceasefire (0871), not a bare 030
            else:
                drop.add(t.token.i)
    for t in found:  # "declined to comment" is one event (011), not also a comment
        if t.pos == "VERB" and t.object_token is not None and t.object_token.dep_ == "xcomp" \
                and t.object_token.i in heads and t.token.i not in drop:
            drop.add(t.object_token.i)
    return [t for t in found if t.token.i not in drop]
