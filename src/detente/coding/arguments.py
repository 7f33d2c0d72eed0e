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
    source_frame: str = ""  # which frame gave the sources ("subj", "passive-agent", ...)
    target_frame: str = ""

    def set_sources(self, heads: list[Token], frame: str) -> None:
        self.sources, self.source_frame = heads, (frame if heads else "")

    def set_targets(self, heads: list[Token], frame: str) -> None:
        self.targets, self.target_frame = heads, (frame if heads else "")


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
        accused = _accused(gov, head)
        if accused is not None:  # "A accused B of shelling C": B is who shelled (allegedly)
            return conj_closure(accused)
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            return subject_of(gov, depth + 1)
        return []
    if dep in ("acomp", "oprd") or (dep == "advcl" and verb.tag_ == "VBG"):
        return subject_of(head, depth + 1)
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBG", "VBD"):
        return [head]  # "forces shelling the town"; VBD: a misparsed main verb ("The envoy called for")
    return []


def _accused(gov: Token, prep: Token) -> Token | None:
    """B in "accused B of V", "blamed B for V" (the 'of' on the verb or on B), else None."""
    if prep.lower_ not in ("of", "for"):
        return None
    if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in WORDS.allegation_verbs:
        return next((c for c in gov.children if c.dep_ == "dobj"), None)
    if gov.dep_ == "dobj" and gov.head.lemma_.lower() in WORDS.allegation_verbs:
        return gov
    return None


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
        args.set_sources(_pobj_of_preps(v, p.source_preps or ("from",), set()), "swap:source-prep")
        args.set_targets(subject_of(v), "swap:subject")
        return args
    args.set_sources(subject_of(v), "passive-agent" if passive else "subject")
    if passive:
        pas = [c for c in v.children if c.dep_ in PASS_SUBJ_DEPS and c.i not in used]
        if pas:
            args.set_targets(conj_closure(_resolve_relative(pas[0])), "passive-subject")
    if not args.targets:
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i not in used]
        if objs:
            args.set_targets(conj_closure(objs[0]), "object")
    if not args.targets:
        # a pattern's own preposition still introduces the target ("called on Russia to ...")
        args.set_targets([t for t in _pobj_of_preps(v, p.target_preps, set()) if t.i not in used], "verb-prep")
    if not args.targets and trig.object_token is not None:
        # "held talks with Iran": the target hangs off the pattern's object
        args.set_targets(_pobj_of_preps(trig.object_token, p.target_preps, used), "object-prep")
    if not args.targets and trig.object_token is not None:
        # "attack ~troop": an object the pattern names can still be an actor ("Syrian troops")
        args.set_targets(conj_closure(trig.object_token), "pattern-object")
    if not args.sources or not args.targets:
        pair = _between(v) or (_between(trig.object_token) if trig.object_token is not None else [])
        if len(pair) >= 2 and not args.sources:
            args.set_sources(pair, "between")  # "brokered between X and Y": each with the other
        elif len(pair) >= 2 and not args.targets and len(args.sources) < 2:
            args.set_targets(pair, "between")
    return args


PERSON_POSSESSIVES = frozenset({"his", "her"})
GROUP_POSSESSIVES = frozenset({"its", "their"})


def _bound_possessive(pron: Token, noun: Token) -> list[Token]:
    """A possessive pronoun on an event noun refers to the subject of the clause the noun is
    in ("Russia sent aircraft ... in its first major assault"; "In his talks with May,
    Erdogan ..."), when that subject is a name of the right kind (person for his/her)."""
    low = pron.lower_
    if pron.pos_ != "PRON" or low not in PERSON_POSSESSIVES | GROUP_POSSESSIVES:
        return []
    verb = noun.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subj = subject_of(verb)
    if not subj or subj[0].pos_ == "PRON" or subj[0].i == noun.i:
        return []
    head = subj[0]
    person = head.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)
    group = head.ent_type_ in ("GPE", "ORG", "NORP")
    if (low in PERSON_POSSESSIVES and (group or head.pos_ != "PROPN" and not person)) or (
            low in GROUP_POSSESSIVES and not group):
        return []
    return subj


def noun_arguments(trig: Trigger) -> Arguments:
    n = trig.token
    used = {t.i for t in trig.tokens}
    args = Arguments()
    for c in n.children:
        if c.dep_ == "poss" and c.i not in used:
            bound = _bound_possessive(c, n)
            if bound:  # "In his speech, Macron said": the clause's subject, not an older "he"
                args.set_sources(bound, "noun:possessive-bound")
            else:
                args.set_sources(conj_closure(c), "noun:possessive")
            break
    if not args.sources:
        args.set_sources(_pobj_of_preps(n, ("by",), set()), "noun:by")
    if n.dep_ in ("dobj", "attr") and n.head.lemma_.lower() in LIGHT_VERBS | AGREEMENT_VERBS and (
        not args.sources or all(t.pos_ == "PRON" for t in args.sources)
    ):
        # "Russia cast a veto", "Russia and Turkey enacted their own ceasefire"
        light_subject = subject_of(n.head)
        if light_subject:
            args.set_sources(light_subject, "noun:light-verb-subject")
    if not args.sources:
        # "the Russian veto", "Turkish strikes": a nationality adjective is the author
        for c in n.children:
            if c.dep_ in ("amod", "compound") and c.i not in used and c.ent_type_ == "NORP":
                args.set_sources(conj_closure(c), "noun:nationality")
                break
    args.set_targets(_pobj_of_preps(n, NOUN_TARGET_PREPS, used), "noun:prep")
    if not args.targets:
        for c in n.children:
            if c.dep_ == "compound" and c.i not in used and c.ent_type_ in ("GPE", "ORG", "PERSON") \
                    and c not in args.sources:
                args.set_targets([c], "noun:compound")
                break
    if not args.sources and not args.targets:
        pair = _between(n)
        if len(pair) >= 2:
            args.set_sources(pair, "noun:between")  # "brokered between X and Y": each with the other
    if not args.targets and n.dep_ in ("dobj",) and n.head.lemma_.lower() in LIGHT_VERBS:
        args.set_targets(_pobj_of_preps(n.head, NOUN_TARGET_PREPS, used), "noun:light-verb-prep")
    return args


def find_arguments(trig: Trigger) -> Arguments:
    return verb_arguments(trig) if trig.pos == "VERB" else noun_arguments(trig)
