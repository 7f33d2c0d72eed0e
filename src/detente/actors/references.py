"""References back to an actor named before, by a description or a pronoun: "the small, rich
nation" (the last state named), "the plan it had proposed" (the subject of the clause the
relative clause hangs on). The resolver (actors/resolver.py) asks these first."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from detente.actors.document import DocContext
from detente.actors.kb import KnowledgeBase, normalize
from detente.actors.mentions import PRONOUNS_GROUP, PRONOUNS_PERSON, own_subject_span, subjects_above
from detente.model import Actor

# the resolver's resolve_head, passed in (it calls these functions itself)
Resolve = Callable[[Token, KnowledgeBase, DocContext], tuple[list[Token], Actor]]


def state_epithet(head: Token, kb: KnowledgeBase, ctx: DocContext) -> Actor | None:
    """ "the small, rich nation", "the country", "the kingdom" (kb.state_epithets): the last
    state named before it, as an actor or a place, never the subject of a clause it stands in
    ("Saudi Arabia imposed a boycott on the nation", "Tehran pushed back fighters who seized
    the country"). Only a plain definite singular: no name, no 'of' or relative clause, no
    modifier that points at another state ("the neighbouring country")."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or normalize(head.lemma_.lower()) not in kb.state_epithets:
        return None
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.dep_ == "poss" or (nxt is not None and nxt.tag_ == "POS") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None  # "the country's last enclave": as often the story's country as the last named
    if nxt is not None and nxt.lemma_.lower() == "state":
        return None  # "the nation states that ...", whatever the tagger makes of "states"
    for c in head.children:
        if c.dep_ in ("prep", "relcl", "acl", "appos", "poss", "nummod") or c.pos_ == "PROPN" or (
                c.dep_ in ("amod", "compound", "nmod", "advmod") and normalize(c.lower_) in kb.other_state_modifiers):
            return None
    pos = ctx.offset + head.idx
    found = ctx.last_states(pos, not_in=subjects_above(head, ctx.offset), by_name=True)
    if not found:
        return None
    a = found[0]
    return Actor(a.country, a.country, None, None, None, "coref:state-epithet")


def relative_host(pron: Token, kb: KnowledgeBase, ctx: DocContext, resolve: Resolve) -> Actor | None:
    """The subject pronoun of a relative clause on an object refers to the subject of the
    clause that object is in: "the Turkish army consolidated positions they had taken" (the
    army took them), "Putin praised the deal he signed". A person pronoun needs a person, "it"
    one group, "they" a group or several people (how "coref:clause-subject")."""
    low = pron.lower_
    if pron.dep_ != "nsubj" or pron.head.dep_ != "relcl" or low not in ("he", "she", "it", "they"):
        return None
    noun = pron.head.head
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _subject_for(low, subj, kb, ctx, resolve, "coref:clause-subject")


# a subject pronoun or its possessive -> the subject form ``_subject_for`` checks
SUBJECT_FORM = {"it": "it", "its": "it", "they": "they", "their": "they", "he": "he", "his": "he", "she": "she",
                "her": "she"}


def reporter(pron: Token, kb: KnowledgeBase, ctx: DocContext, resolve: Resolve) -> Actor | None:
    """The subject pronoun (or its possessive) of what a reporting verb reports refers to
    the reporter: "Hezbollah, which has clashed with Israeli forces, said it fired rockets"
    (Hezbollah, not the nearer forces), "Russia said its jets bombed Idlib" (how
    "coref:reporter")."""
    low = pron.lower_
    subj_of = pron.head if pron.dep_ == "poss" else pron
    if low not in SUBJECT_FORM or (pron.dep_ != "poss" and pron.dep_ not in ("nsubj", "nsubjpass")) \
            or subj_of.dep_ not in ("nsubj", "nsubjpass"):
        return None
    from detente.coding.wordlists import WORDS  # (the coding package imports the resolver: not at module load)

    clause = subj_of.head
    report = clause.head
    if clause.dep_ != "ccomp" or report.lemma_.lower() not in WORDS.reporting_verbs:
        return None
    subj = next((c for c in report.children if c.dep_ == "nsubj"), None)
    return _subject_for(SUBJECT_FORM[low], subj, kb, ctx, resolve, "coref:reporter")


def _subject_for(low: str, subj: Token | None, kb: KnowledgeBase, ctx: DocContext, resolve: Resolve,
                 how: str) -> Actor | None:
    """The actor a clause subject names, when the pronoun ``low`` (he, she, it, they) fits it."""
    if subj is None or subj.pos_ == "PRON":
        return None
    _, actor = resolve(subj, kb, ctx)
    if not actor.resolved or actor.how == "sector-only":
        return None
    person = (actor.how or "").startswith(("kb:person", "title:person", "coref:name")) or subj.ent_type_ == "PERSON"
    several = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if (low in ("he", "she")) != person or (low == "it" and several) or (low == "they" and person and not several):
        return None
    return Actor(actor.code, actor.country, actor.sector, actor.name, actor.kb_id, how)


def pronoun_actor(head: Token, kb: KnowledgeBase, ctx: DocContext, resolve: Resolve) -> Actor:
    """The actor a pronoun refers to: the host of a relative clause's pronoun, else the
    antecedent the document context finds (``DocContext.antecedent``: the subject of the
    sentence before first); "unresolved:pronoun" when none."""
    low = head.lower_
    host = relative_host(head, kb, ctx, resolve) or reporter(head, kb, ctx, resolve)
    if host is not None:  # "X consolidated positions they had taken": X took them; "X said it fired"
        return host
    if low in PRONOUNS_PERSON or low in PRONOUNS_GROUP:
        gender = "f" if low in ("she", "her", "hers") else "m" if low in ("he", "him", "his") else None
        a = ctx.antecedent(ctx.offset + head.idx, person=low in PRONOUNS_PERSON, gender=gender, kb=kb,
                           singular=low in ("it", "its", "itself"), not_in=own_subject_span(head, ctx.offset),
                           sentence=ctx.offset + head.sent.start_char,
                           plural=low in ("they", "them", "their", "theirs", "themselves"))
        if a is not None and a.resolved:
            return Actor(a.code, a.country, a.sector, a.name, a.kb_id, "coref:pronoun")
        if a is not None and low in PRONOUNS_PERSON:
            # "he" after a person we could name but not code: that person, still uncoded
            return Actor(name=a.name, how="unresolved:person")
    return Actor(how="unresolved:pronoun")
