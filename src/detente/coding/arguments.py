"""Find the source and target arguments of a trigger in the dependency parse.

Verbs: subject (or passive agent) -> source; object / prepositional object /
passive subject -> target. Subjects are inherited through coordination,
control ("Russia agreed to withdraw") and object control ("urged Iran to
stop"). Nouns: possessive or `by` phrase -> source; `of`/`against`/... phrase
or an actor compound ("Lavrov's Damascus visit") -> target; a light verb's
subject ("Russia cast a veto") -> source.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.coding.triggers import LIGHT_VERBS, Trigger
from detente.coding.wordlists import WORDS
from detente.nlp import conj_closure

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_CONTROL = WORDS.object_control
AGREEMENT_VERBS = WORDS.agreement_verbs  # verbs whose subject authors their object event ("enacted a ceasefire")
NOUN_TARGET_PREPS = WORDS.noun_target_preps
RELATIVE_PRONOUNS = WORDS.relative_pronouns


@dataclass(slots=True)
class Arguments:
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _resolve_relative(tok: Token) -> Token:
    """'the country that vetoed' -> the noun the relative clause modifies."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """Source heads of a verb, inherited through conj, control and clause links."""
    if depth > 6:
        return []
    passive = _is_passive(verb)
    if passive:
        for c in verb.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return conj_closure(objs[0])
        return []
    subs = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subs:
        return conj_closure(_resolve_relative(subs[0]))
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "conj":
        return subject_of(head, depth + 1)
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return conj_closure(objs[0])
            for c in head.children:  # "called on Russia to ..."
                if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return conj_closure(objs[0])
        return subject_of(head, depth + 1)
    if dep == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        # "responded by bombing", "was withering in condemning": the governing clause's subject
        gov = head.head
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            return subject_of(gov, depth + 1)
        return []
    if dep in ("acomp", "oprd") or (dep == "advcl" and verb.tag_ == "VBG"):
        return subject_of(head, depth + 1)
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBG", "VBD"):
        return [head]  # "forces shelling the town"; VBD: a misparsed main verb ("The envoy called for")
    return []


def _pobj_of_preps(tok: Token, preps: tuple[str, ...], skip: set[int]) -> list[Token]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i not in skip:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return conj_closure(objs[0])
    return []


def _between(tok: Token) -> list[Token]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return conj_closure(objs[0])
    return []


def verb_arguments(trig: Trigger) -> Arguments:
    v, p = trig.token, trig.pattern
    used = {t.i for t in trig.tokens}
    args = Arguments()
    passive = _is_passive(v)
    if p.swap:
        args.sources = _pobj_of_preps(v, p.source_preps or ("from",), set())
        args.targets = subject_of(v)
        return args
    args.sources = subject_of(v)
    if passive:
        pas = [c for c in v.children if c.dep_ in PASS_SUBJ_DEPS and c.i not in used]
        if pas:
            args.targets = conj_closure(_resolve_relative(pas[0]))
    if not args.targets:
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i not in used]
        if objs:
            args.targets = conj_closure(objs[0])
    if not args.targets:
        # a pattern's own preposition still introduces the target ("called on Russia to ...")
        args.targets = [t for t in _pobj_of_preps(v, p.target_preps, set()) if t.i not in used]
    if not args.targets and trig.object_token is not None:
        # "held talks with Iran": the target hangs off the pattern's object
        args.targets = _pobj_of_preps(trig.object_token, p.target_preps, used)
    if not args.targets and trig.object_token is not None:
        # "attack ~troop": an object the pattern names can still be an actor ("Syrian troops")
        args.targets = conj_closure(trig.object_token)
    if not args.sources or not args.targets:
        pair = _between(v) or (_between(trig.object_token) if trig.object_token is not None else [])
        if len(pair) >= 2 and not args.sources:
            args.sources = pair  # "brokered between X and Y": each with the other
        elif len(pair) >= 2 and not args.targets and len(args.sources) < 2:
            args.targets = pair
    return args


def noun_arguments(trig: Trigger) -> Arguments:
    n = trig.token
    used = {t.i for t in trig.tokens}
    args = Arguments()
    for c in n.children:
        if c.dep_ == "poss" and c.i not in used:
            args.sources = conj_closure(c)
            break
    if not args.sources:
        by = _pobj_of_preps(n, ("by",), set())
        if by:
            args.sources = by
    if n.dep_ in ("dobj", "attr") and n.head.lemma_.lower() in LIGHT_VERBS | AGREEMENT_VERBS and (
        not args.sources or all(t.pos_ == "PRON" for t in args.sources)
    ):
        # "Russia cast a veto", "Russia and Turkey enacted their own ceasefire"
        args.sources = subject_of(n.head) or args.sources
    if not args.sources:
        # "the Russian veto", "Turkish strikes": a nationality adjective is the author
        for c in n.children:
            if c.dep_ in ("amod", "compound") and c.i not in used and c.ent_type_ == "NORP":
                args.sources = conj_closure(c)
                break
    args.targets = _pobj_of_preps(n, NOUN_TARGET_PREPS, used)
    if not args.targets:
        for c in n.children:
            if c.dep_ == "compound" and c.i not in used and c.ent_type_ in ("GPE", "ORG", "PERSON") \
                    and c not in args.sources:
                args.targets = [c]
                break
    if not args.sources and not args.targets:
        pair = _between(n)
        if len(pair) >= 2:
            args.sources = pair  # "brokered between X and Y": each with the other
    if not args.targets and n.dep_ in ("dobj",) and n.head.lemma_.lower() in LIGHT_VERBS:
        args.targets = _pobj_of_preps(n.head, NOUN_TARGET_PREPS, used)
    return args


def find_arguments(trig: Trigger) -> Arguments:
    return verb_arguments(trig) if trig.pos == "VERB" else noun_arguments(trig)
