"""Find event triggers in a parsed sentence by matching the lexicon on lemmas."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.coding.lexicon import BLOCK, Lexicon, Pattern

PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dative", "agent", "acomp"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})
# Verbs whose direct object carries the event ("cast a veto", "carry out strikes"):
# the noun trigger wins and takes the verb's subject as its source.
LIGHT_VERBS = frozenset({
    "carry", "conduct", "stage", "make", "pay", "hold", "cast", "issue", "deliver", "mount",
    "take", "give", "lodge", "file", "launch", "perform", "undertake", "wage", "step", "use",
    "exercise", "announce", "declare", "order", "begin", "start", "continue", "resume", "intensify",
})


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


def _conj_closure(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conj_closure(c))
    return out


def _match_verb(tok: Token, p: Pattern) -> Trigger | None:
    used: list[Token] = [tok]
    preps: dict[str, Token] = {}
    children = list(tok.children)
    for part in p.particles:
        hit = next(
            (c for c in children if c.dep_ in PARTICLE_DEPS and c.lower_ == part and c not in used),
            None,
        )
        if hit is None:
            return None
        used.append(hit)
        preps[part] = hit
    obj = None
    if p.objects:
        if p.object_prep is not None:
            cands = [g for g in preps[p.object_prep].children if g.dep_ in ("pobj", "pcomp")]
        else:
            cands = [c for c in children if c.dep_ in OBJECT_DEPS]
            # "call for talks" written without the particle still needs its pobj
            cands += [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for cand in cands:
            for o in _conj_closure(cand):
                if _lemma(o) in p.objects or o.lower_ in p.objects:
                    obj = o
                    break
            if obj is not None:
                break
        if obj is None:
            return None
        used.append(obj)
    return Trigger(tok, p, tuple(sorted(used, key=lambda t: t.i)), obj)


def _match_noun(tok: Token, p: Pattern) -> Trigger | None:
    used: list[Token] = [tok]
    children = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
    for mod in p.modifiers:
        hit = next((c for c in children if (c.lower_ == mod or _lemma(c) == mod) and c not in used), None)
        if hit is None:
            return None
        used.append(hit)
    return Trigger(tok, p, tuple(sorted(used, key=lambda t: t.i)))


def match_token(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """The most specific lexicon pattern that matches at this token, or None."""
    lemma = _lemma(tok)
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        pats, matcher = lexicon.verbs.get(lemma), _match_verb
    elif tok.pos_ in ("NOUN", "PROPN"):
        pats, matcher = lexicon.nouns.get(lemma), _match_noun
        if pats is None and tok.tag_ in ("VBD", "VBN", "VB", "VBZ", "VBP"):
            pats, matcher = lexicon.verbs.get(lemma), _match_verb
    else:
        return None
    if not pats:
        return None
    for p in pats:  # sorted most specific first
        trig = matcher(tok, p)
        if trig is not None:
            return None if p.code == BLOCK else trig
    return None


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """Triggers of one sentence, with pattern-internal objects removed as triggers."""
    found = [t for t in (match_token(tok, lexicon) for tok in sent) if t is not None]
    consumed = {t.object_token.i for t in found if t.object_token is not None}
    out: list[Trigger] = []
    light_heads: set[int] = set()
    for t in found:
        if t.token.i in consumed:
            continue
        # "Russia cast a veto" / "carried out air strikes": keep the noun, drop a light verb
        if t.pos == "NOUN" and t.token.dep_ == "dobj" and _lemma(t.token.head) in LIGHT_VERBS:
            light_heads.add(t.token.head.i)
        out.append(t)
    return [t for t in out if not (t.pos == "VERB" and t.token.i in light_heads and t.object_token is None)]
