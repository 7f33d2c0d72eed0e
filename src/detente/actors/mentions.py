"""Mentions: the tokens that name an actor around an argument's head."""
from __future__ import annotations

from spacy.tokens import Token

from detente.nlp import IOB_INSIDE, children, ent_iobs, lower_forms

BACKING = ("backed", "supported", "sponsored", "funded", "armed", "allied", "led", "aligned", "trained",
           "drafted", "proposed", "authored", "brokered", "mediated", "made", "built", "supplied", "owned")
OPPOSING = frozenset({"anti", "counter", "non"})  # "anti-Syria", "counter-Kurdish", "non-Syrian"
SPAN_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod", "case", "punct", "det", "quantmod"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
PRONOUNS_GROUP = frozenset({"it", "they", "them", "its", "their"})
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})  # plain object forms of the two


def entity_bounds(tok: Token) -> tuple[int, int] | None:
    """(start, end) token indices of the named entity around tok, from the IOB tags."""
    if tok.ent_iob_ == "O" or not tok.ent_type_:
        return None
    iobs = ent_iobs(tok.doc)  # read from the Doc's array: no Token per step
    start = tok.i
    while start > 0 and iobs[start] == IOB_INSIDE:
        start -= 1
    end = tok.i + 1
    while end < len(iobs) and iobs[end] == IOB_INSIDE:
        end += 1
    return start, end


def mention_tokens(head: Token) -> list[Token]:
    """The mention around a head: its entity, or its left modifiers, without leading determiners."""
    bounds = entity_bounds(head)
    if bounds is not None:
        ent_start, ent_end = bounds
        # "the Russian foreign minister Sergei Lavrov": include compound titles to the left
        left = [t for t in children(head, SPAN_DEPS) if t.i < ent_start]  # before the entity: left of the head
        start = min([t.left_edge.i for t in left] + [ent_start])
        toks = list(head.doc[start:max(ent_end, head.i + 1)])
        while toks and toks[0].dep_ in ("det", "punct", "case"):
            toks = toks[1:]
        return toks or [head]
    start = head.i
    for t in children(head, SPAN_DEPS):
        if t.i < head.i:
            start = min(start, t.left_edge.i)
    toks = list(head.doc[start: head.i + 1])
    while toks and (toks[0].dep_ in ("det", "punct", "case", "predet") or toks[0].pos_ == "PUNCT"):
        toks = toks[1:]
    return toks or [head]


def is_backer(tok: Token) -> bool:
    """'Russian' in 'Russian-backed' / 'US-led' / 'anti-Russian': a modifier naming a backer or
    an opponent, not the actor."""
    lows, i = lower_forms(tok.doc), tok.i
    if i + 2 < len(lows) and lows[i + 1] == "-" and lows[i + 2] in BACKING:
        return True
    if i >= 2 and lows[i - 1] == "-" and lows[i - 2] in OPPOSING:
        return True  # "an anti-Syria journalist" is no Syrian
    return tok.dep_ in ("npadvmod", "compound", "amod", "nmod") and tok.head.lower_ in BACKING \
        and tok.head.i > tok.i


def other_conjunct(tok: Token, head: Token) -> bool:
    """tok hangs off the head through a conj/cc arc ('Gondor' for the head 'Arnor' in 'Gondor and Arnor')."""
    # spaCy makes a new Token object per access: compare positions, never identity
    t = tok
    while t.i != head.i:
        if t.dep_ in ("conj", "cc"):
            return True
        if t.head.i == t.i:  # reached the root without meeting the head
            return head.dep_ == "conj" and not head.is_ancestor(tok)
        t = t.head
    return False


def appositive_tokens(head: Token) -> list[Token]:
    """'X, the Russian foreign minister': the appositive head and its own modifiers only."""
    out: list[Token] = []
    for c in head.children:
        if c.dep_ == "appos":
            out.extend(t for t in c.lefts if t.dep_ in SPAN_DEPS)
            out.append(c)
    return out


def of_phrase(head: Token, preps: tuple[str, ...] = ("of", "for", "from")) -> Token | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def own_subject_span(pron: Token, offset: int) -> tuple[int, int] | None:
    """The text span a pronoun never refers into, skipped when looking for its antecedent: for
    a plain (non-reflexive) object pronoun, its own clause's subject ("Egypt and Bahrain
    imposed a boycott, accusing it of ...": 'it' is not Egypt); for a subject pronoun, a
    participle clause fronted before it (``_fronted_adjunct_span``)."""
    if pron.dep_ in ("nsubj", "nsubjpass"):
        return _fronted_adjunct_span(pron, offset)
    if pron.lower_ not in OBJECT_PRONOUNS:
        return None
    return clause_subject_span(pron, offset)


def _fronted_adjunct_span(pron: Token, offset: int) -> tuple[int, int] | None:
    """A subject pronoun is the understood subject of a participle clause fronted before it, so
    never a name inside that clause ("Sitting in front of pictures of Scurfield, he says":
    not Scurfield)."""
    first = pron.sent[0]  # the parser may hang the participle on a clause inside the sentence
    if first.tag_ not in ("VBG", "VBN") or first.dep_ != "advcl" or any(
            g.dep_ in ("nsubj", "nsubjpass") for g in first.children):
        return None
    sub = list(first.subtree)
    if sub[-1].i >= pron.i:
        return None
    return offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1])


def subjects_above(tok: Token, offset: int) -> list[tuple[int, int]]:
    """The text spans of the subjects of every clause ``tok`` stands in, up to the sentence's
    root: a description ("the country") never names a state that is the subject of a clause
    around it ("Tehran pushed back fighters who seized the country")."""
    spans: list[tuple[int, int]] = []
    for up in tok.ancestors:
        for c in up.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not c.is_ancestor(tok) and c.i != tok.i:
                sub = list(c.subtree)
                spans.append((offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1])))
    return spans


def clause_subject_span(tok: Token, offset: int) -> tuple[int, int] | None:
    """The text span of the subject of the clause an object or prepositional object is in
    (None for subjects and other roles); a participle's subject is its clause's."""
    if tok.dep_ not in ("dobj", "dative", "pobj"):
        return None
    verb = tok.head
    for _ in range(4):  # "imposed a boycott on the nation": up to the verb the phrase hangs on
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(4):  # "..., accusing it": the participle's subject is its clause's
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            sub = list(subj.subtree)
            return offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1])
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
