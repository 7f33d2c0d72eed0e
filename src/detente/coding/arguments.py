"""Find the source and target arguments of a trigger in the dependency parse.

Where an argument is comes from the frames in data/frames/arguments.yaml (subject,
passive agent, object, prepositional targets, possessive and `by` authors of event
nouns, ...), tried in file order. What stays in code are the steps the frames call:
subjects inherited through coordination, control ("Russia agreed to withdraw"),
object control ("urged Iran to stop") and accusations ("accused B of shelling":
B shelled); relative pronouns; possessive pronouns bound to their clause's subject.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.coding.factuality_cues import noun_behind
from detente.coding.frames import Frame, FrameSet, load_frames, match_path
from detente.coding.harm import detonates, harm_site
from detente.coding.triggers import LIGHT_VERBS, Trigger, object_gap
from detente.coding.wordlists import WORDS
from detente.nlp import children, conj_closure, dependency_tree, has_child, reduced_passive

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
PASSIVE_DEPS = PASS_SUBJ_DEPS | {"auxpass"}
OBJECT_CONTROL = WORDS.object_control
AGREEMENT_VERBS = WORDS.agreement_verbs  # verbs whose subject authors their object event ("enacted a ceasefire")
RELATIVE_PRONOUNS = WORDS.relative_pronouns


@dataclass(slots=True)
class Arguments:
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    source_frame: str = ""  # which frame gave the sources ("subj", "passive-agent", ...)
    target_frame: str = ""
    # the later target frames that hold, each with the sources bound when it was reached:
    # bound only when the first target names no actor (``target_alternatives``)
    pending_targets: list[tuple[Frame, Trigger, frozenset[int], frozenset[int]]] = field(default_factory=list)

    def set_sources(self, heads: list[Token], frame: str) -> None:
        self.sources, self.source_frame = heads, (frame if heads else "")

    def set_targets(self, heads: list[Token], frame: str) -> None:
        self.targets, self.target_frame = heads, (frame if heads else "")

    def target_alternatives(self) -> Iterator[tuple[str, list[Token]]]:
        """What the later target frames find, in order, for when the first names no actor
        ("imposed sanctions on Russia over the annexation": 'annexation' first, then Russia).
        Bound on demand: most first targets are actors, and then none is needed."""
        for frame, trig, used, sources in self.pending_targets:
            heads = named_heads(_bind(frame, trig, used, sources))
            if heads and all(h not in self.targets for h in heads):
                yield frame.id, heads


def _is_passive(verb: Token) -> bool:
    """A passive verb; a past participle on a noun too ("a journalist held by Isis")."""
    return has_child(verb, PASSIVE_DEPS) or (
        reduced_passive(verb) and not has_child(verb, SUBJ_DEPS))


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
        for c in children(verb, ("agent",)):
            objs = children(c, ("pobj",))
            if objs:
                return conj_closure(objs[0])
        return []
    subs = children(verb, SUBJ_DEPS)
    subs = [c for c in subs if c.dep_ != "csubj"] or subs  # a clause is a subject only when no noun is
    fronted = _fronted_list_subject(verb)
    if fronted and all(s.i < fronted[0].i for s in subs):
        return fronted
    if subs:
        # two subjects is a misparse ("BEIRUT -- Gunmen released ..."): the nearer one acts,
        # unless it is the object of the other's dangling preposition ("the family of X have ...")
        subs = [c for c in subs if not any(_dangling_object(o, c) for o in subs if o.i != c.i)] or subs
        subj = _resolve_relative(min(subs, key=lambda c: abs(verb.i - c.i)))
        if subj.tag_ == "VBG" and subj.dep_ == "nsubj":  # "The Red Cross operating in Iraq said": a
            subj = next((c for c in subj.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), subj)
        return conj_closure(_document_author(subj) or subj)
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "conj":
        return subject_of(head, depth + 1)
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:  # "the rebels that Turkey trained to fight": the rebels fight
                return conj_closure(_resolve_relative(objs[0]))
            if head.dep_ == "relcl" and any(c.dep_ in SUBJ_DEPS for c in head.children):
                return conj_closure(head.head)  # "Kurds it had backed to oust IS": the Kurds oust
            for c in head.children:  # "called on Russia to ..."
                if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return conj_closure(objs[0])
        if _is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
            # raising: "Russia is expected to veto", "rebels were said to have shelled"
            subs = [c for c in head.children if c.dep_ in PASS_SUBJ_DEPS]
            if subs:
                return conj_closure(_resolve_relative(subs[0]))
        return subject_of(head, depth + 1)
    if dep == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        # "responded by bombing", "was withering in condemning": the governing clause's subject
        gov = head.head
        accused = _accused(gov, head)
        if accused is not None:  # "A accused B of shelling C": B is who shelled (allegedly)
            return conj_closure(accused)
        if head.lower_ == "from" and gov.lemma_.lower() in WORDS.prevention_verbs:
            objs = [c for c in gov.children if c.dep_ == "dobj"]
            if objs:  # "banned the opposition from holding rallies": the opposition would
                return conj_closure(_resolve_relative(objs[0]))
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            return subject_of(gov, depth + 1)
        return []
    if dep in ("acomp", "oprd") or (dep == "advcl" and verb.tag_ == "VBG") or _fronted_participle(verb):
        return subject_of(head, depth + 1)
    if dep == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)  # purpose: "sent in aircraft to attack Idlib"
    if dep == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in WORDS.document_nouns:
        # "issued a statement demanding ...", "adopted a resolution calling for ...": the
        # document's author demands (its possessive, else the subject of the verb issuing it)
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            return conj_closure(poss[0])
        if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head, depth + 1)
        return []
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and (verb.tag_ in ("VBG", "VBD") or (
            dep == "acl" and verb.tag_ == "VBN" and not reduced_passive(verb))):
        # "forces shelling the town"; VBD, or VBN with an object: a misparsed main verb ("The
        # envoy called for", "Last April, the mechanism attributed the atrocity to the regime")
        return [head]
    return []


def _dangling_object(noun: Token, other: Token) -> bool:
    """``other`` is the object spaCy failed to give ``noun``'s last preposition ("the family
    of | the suspect have ...": "of" has no object, and the suspect comes right after it)."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and not any(
        g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    return prep is not None and other.left_edge.i == prep.i + 1


def _document_author(noun: Token) -> Token | None:
    """ "A statement from the Kremlin said ...", "a report by Amnesty found ...": a document
    speaks for whoever it is from or by."""
    if noun.lemma_.lower() not in WORDS.document_nouns:
        return None
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                 for g in c.children if g.dep_ == "pobj"), None)


def _fronted_list_subject(verb: Token) -> list[Token]:
    """ "Following a meeting in Ufa, Pakistan and India decided ...": spaCy reads the subject as
    more items of a list that starts with the opening phrase's last noun (Ufa, Pakistan and India)
    and leaves the verb without a subject (or with a noun of that phrase). Names conjoined after
    the comma that closes an opening prepositional phrase, right before the verb, are its subject."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("advmod", "aux", "auxpass", "neg"):
        i -= 1
    if i < 0 or doc[i].dep_ != "conj":
        return []
    first = doc[i]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    opener = verb.left_edge
    if first.dep_ != "pobj" or opener.pos_ not in ("ADP", "VERB") or opener.i >= first.i or first.i - opener.i > 12:
        return []
    items = conj_closure(first)[1:]
    if not items or doc[items[0].i - 1].text != "," or any(t.pos_ != "PROPN" for t in items):
        return []
    return items


def _fronted_participle(verb: Token) -> bool:
    """ "Congratulating his hosts on X, Tillerson made ...": a fronted participle clause that
    the parser took for the main verb's clausal subject. It is an adverbial clause when a comma
    closes it and the main verb has a subject of its own."""
    head = verb.head
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or verb.i > head.i:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    return any(t.lower_ == "," for t in verb.doc[verb.right_edge.i:head.i])


def _accused(gov: Token, prep: Token) -> Token | None:
    """B in "accused B of V", "B was accused of V", "blamed B for V", "thanked B for V-ing" (the
    'of' or 'for' on the verb or on B), else None."""
    if prep.lower_ not in ("of", "for"):
        return None
    verbs = WORDS.allegation_verbs | WORDS.credit_verbs if prep.lower_ == "for" else WORDS.allegation_verbs
    if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in verbs:
        # "B was accused (by A) of V": the passive subject is the accused
        return next((c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if gov.dep_ == "dobj" and gov.head.lemma_.lower() in verbs:
        return gov
    return None


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
    # "its"/"their" for a named group or a common noun ("the Isis media outlet ... its statement")
    group = head.ent_type_ in ("GPE", "ORG", "NORP") or (head.pos_ == "NOUN" and not person)
    if (low in PERSON_POSSESSIVES and (group or head.pos_ != "PROPN" and not person)) or (
            low in GROUP_POSSESSIVES and not group):
        return []
    return subj


def _first_conjunct(tok: Token) -> Token:
    """The first of the nouns coordinated with ``tok`` ("artillery" in "artillery and rocket
    fire"): the one that bears the coordination's grammatical role."""
    while tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _conditions(trig: Trigger) -> set[str]:
    """The frame conditions (data/frames/arguments.yaml) that hold for this trigger."""
    tok, p = trig.token, trig.pattern
    out = {"swap" if p.swap else "not_swap"}
    if trig.pos == "VERB" and p.stative and _is_passive(tok):
        out |= {"active", "stative"}  # "Turkey is opposed to the plan": Turkey opposes it
    elif trig.pos == "VERB":
        out.add("passive" if _is_passive(tok) else "active")
    if trig.object_token is not None:
        out.add("object")
        if trig.object_token.lemma_.lower() in WORDS.people_nouns or trig.object_token.lower_ in WORDS.people_nouns:
            out.add("people_object")  # "killed 12 villagers in Mali": the villagers are the target
        if trig.object_token.dep_ == "pobj":
            out.add("prep_object")  # "held in Kurdish custody": a state the object's modifier imposes
    if reduced_passive(tok) and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add("reduced_passive")  # "the army, backed by French jets": the army is backed
    if trig.pos == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
        out.add("subject_noun")  # "Clashes broke out between A and B": the verb's "between" names the sides
    obj = _first_conjunct(tok)  # "launched artillery and rocket fire": each is the verb's object
    head_lemma = obj.head.lemma_.lower()
    if obj.dep_ in ("dobj", "attr", "nsubjpass") and head_lemma in LIGHT_VERBS | AGREEMENT_VERBS:
        # "Russia cast a veto", "Russia and Turkey enacted a ceasefire", "an embargo was announced
        # by Germany" (the passive's agent)
        out.add("light_head")
    if obj.dep_ == "dobj" and head_lemma in LIGHT_VERBS:
        out.add("light_object")
    patient = trig.pos == "NOUN" and tok.lemma_.lower() in WORDS.patient_nouns and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    if not has_child(tok, ("poss",)) or patient:
        out.add("no_possessive")  # "his arrest by Turkish police": the possessor underwent it
    out.add("patient_possessive" if patient else "agent_possessive")
    if trig.code[:2] in WORDS.victim_roots:
        out.add("violent")  # "coalition air strikes", "Nato air strikes": the compound attacks
    if trig.code.startswith(WORDS.retreat_codes):
        out.add("retreat")  # "evacuated its settlements in Gaza": the territory left
    if trig.pos == "VERB" and any(c.lemma_.lower() in WORDS.relation_nouns for c in children(tok, ("dobj",))):
        out.add("relation_object")  # "closed its border with Iran" (the 'with' hung on the verb)
    if object_gap(tok, pronoun_object=False):  # "which"/"that" as object: the object frame reads it
        out.add("object_gap")  # "the Kurds it had backed": the noun is the verb's object
    return out


def _bind(frame: Frame, trig: Trigger, used: frozenset[int], sources: frozenset[int]) -> list[Token]:
    start = trig.token if frame.start == "trigger" else trig.object_token if frame.start == "object" \
        else _first_conjunct(trig.token).head
    if start is None:
        return []
    if frame.call == "inherited_subject":
        return subject_of(start)
    if frame.call == "bound_possessive":
        poss = next((c for c in trig.token.children if c.dep_ == "poss" and c.i not in used), None)
        return _bound_possessive(poss, trig.token) if poss is not None else []
    if frame.call == "instrument_subject":
        # "Israel retaliated with air strikes on Gaza": the strikes are the retaliating Israel's
        prep = trig.token.head
        # ("charged the activist with murder" names the charge, not the charger's weapon)
        if trig.token.dep_ == "pobj" and prep.lower_ in ("with", "by") and prep.head.pos_ == "VERB" \
                and prep.head.lemma_.lower() not in WORDS.allegation_verbs:
            return subject_of(prep.head)
        return []
    if frame.call == "claimant":
        # "Al-Shabab claimed responsibility for the bombing": by its own word, the claimant's
        claim = claimed_for(trig.token)
        return subject_of(claim) if claim is not None else []
    if frame.call == "purpose_subject":
        # "negotiators returned to Geneva for talks", "thousands gathered for a rally": those who
        # came for the event hold it
        # (a visit one travels for is the journey the verb already codes)
        prep = trig.token.head
        if trig.token.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "VERB" \
                and prep.head.lemma_.lower() in WORDS.arrival_verbs and trig.code not in WORDS.visit_codes:
            return subject_of(prep.head)
        return []
    p = trig.pattern
    pattern_words = {"pattern:target_preps": p.target_preps, "pattern:source_preps": p.source_preps or ("from",)}
    hit = match_path(start, frame.path, pattern_words, used, sources)
    if hit is None:
        return []
    if frame.relative:
        hit = _resolve_relative(hit)
    heads = conj_closure(hit) if frame.closure else [hit]
    if frame.drop_used:
        heads = [t for t in heads if t.i not in used]  # the first match only, less the trigger's words
    return heads if len(heads) >= frame.min_count else []


NAME_ENTS = frozenset({"GPE", "ORG", "PERSON", "NORP"})


def named_heads(heads: list[Token]) -> list[Token]:
    """A descriptor with the names it describes stands for those names: "regime allies Iran
    and Russia and rebel backer Turkey" -> Iran, Russia, Turkey (appositive names)."""
    out: list[Token] = []
    for h in heads:
        if h.pos_ == "NOUN":
            names = [c for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in NAME_ENTS]
            nxt = h.doc[h.i + 1] if h.i + 1 < len(h.doc) else None
            if not names and nxt is not None and nxt.dep_ == "appos" and nxt.pos_ == "PROPN" \
                    and nxt.ent_type_ in NAME_ENTS:
                names = [nxt]  # "rebel backer Turkey" with the name hung on a neighbour
            if names:
                for n in names:
                    out.extend(t for t in named_heads(conj_closure(n)) if t not in out)
                continue
        if h not in out:
            out.append(h)
    return out


def find_arguments(trig: Trigger, frames: FrameSet | None = None) -> Arguments:
    """Source and target heads of a trigger: the frames of its kind, tried in file order;
    each binds its role while that role is empty and its conditions hold."""
    frames = frames or load_frames()
    conds = _conditions(trig)
    used = frozenset(t.i for t in trig.tokens)
    args = Arguments()
    live, sources = _live(conds, args), frozenset()  # both change only when a frame binds
    below = _labels_below(trig)
    for frame in frames.verb if trig.pos == "VERB" else frames.noun:
        if frame.role == "source" and args.sources:
            continue
        if not frame.when <= live:
            continue
        if frame.path and frame.path[0].deps.isdisjoint(below[frame.start]):
            continue  # no word where its path starts: the frame binds nothing, now or as an alternative
        if frame.role == "target" and args.targets:  # a later target frame: an alternative, bound only if needed
            args.pending_targets.append((frame, trig, used, sources))
            continue
        heads = named_heads(_bind(frame, trig, used, sources))
        if heads:
            if frame.role == "source":
                args.set_sources(heads, frame.id)
            else:
                args.set_targets(heads, frame.id)
            live, sources = _live(conds, args), frozenset(t.i for t in args.sources)
    return args


def _labels_below(trig: Trigger) -> dict[str, set[str]]:
    """The dependency labels of the children of each word a frame's path may start from."""
    kids, labels = dependency_tree(trig.token.doc)
    starts = {"trigger": trig.token, "object": trig.object_token, "head": _first_conjunct(trig.token).head}
    return {k: {labels[c] for c in kids[t.i]} if t is not None else set() for k, t in starts.items()}


def _live(conds: set[str], args: Arguments) -> set[str]:
    """The trigger's conditions with those of what is bound so far."""
    return conds | ({"no_targets"} if not args.targets else set()) | (
        {"one_source"} if len(args.sources) < 2 else set())


def agentless(trig: Trigger, args: Arguments) -> bool:
    """A passive verb with no known agent ("eight people were killed in an air strike"), or an
    event noun with a victim and no author ("the arrest of five people"): the event stands with
    an unknown source when its victim is an actor or a word for people."""
    if crowd_onset(trig):
        return True  # "Protests erupted in Tehran": whose, the place says (coder)
    if trig.code[:2] not in WORDS.agentless_roots:
        return False  # "are said to have died": a report with no speaker is no statement
    if trig.pos == "VERB":
        tok = trig.token
        if reduced_passive(tok) and tok.head.pos_ in ("NOUN", "PROPN"):
            return people_word(tok.head, ("GPE", "NORP", "ORG", "PERSON"))  # "two priests kidnapped last week"
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and not _undergone(trig):
            return False
    elif trig.code[:2] in WORDS.victim_roots and not (trig.code in GENERIC_ASSAULT and len(trig.tokens) == 1
                                                      and not harm_subject(trig.token)) \
            and trig.token.lemma_.lower() not in WORDS.reciprocal_lemmas and _hurt_by(trig.token):
        # "a roadside bomb killed three soldiers", "died in an explosion", "the attack killed 31
        # people at a mosque": it happened (a generic word only as the subject of the harm)
        return True
    elif args.sources or args.target_frame not in ("noun:prep", "noun:possessive-patient") \
            or trig.code[:2] not in WORDS.theatre_target_roots:
        return False  # nominal: only material events ("the arrest of", "the killing of")
    victims = list(args.targets) + ([trig.object_token] if trig.object_token is not None else [])
    # a noun event with no author needs people as its victims ("the killing of five people",
    # "the arrest of tycoons"); "the war against Islamic State" names no event of anyone's
    if trig.pos != "VERB":
        return any(h.dep_ == "poss" or h.pos_ in ("NOUN", "PROPN") and h.ent_type_ not in ("GPE", "ORG", "LOC", "FAC")
                   and h.head.lower_ in ("of", "on", "against") for h in victims) \
            and trig.code[:2] in WORDS.victim_roots and trig.token.lemma_.lower() not in WORDS.reciprocal_lemmas
    if _undergone(trig):
        return bool(args.targets)  # "Kharkiv came under attack": whatever came under it
    return any(people_word(h, ("GPE", "NORP", "ORG", "PERSON")) or h.lemma_.lower() in WORDS.facility_nouns
               for h in victims)  # "A school was bombed in Aleppo": those it serves


def crowd_onset(trig: Trigger) -> bool:
    """A protest, strike or riot noun as the subject of a verb of its onset or spread
    ("Protests erupted in Tehran", "A general strike paralysed Nepal")."""
    tok = trig.token
    return trig.pos == "NOUN" and trig.code[:2] in WORDS.crowd_roots and tok.dep_ in ("nsubj", "nsubjpass") \
        and tok.head.lemma_.lower() in WORDS.onset_verbs


def _undergone(trig: Trigger) -> bool:
    """A swapped pattern whose subject undergoes the act its prepositional object names
    ("came under attack", "came under fire"), as a passive's subject does; not "fell to" or
    "lost territory", where the subject is a side."""
    return trig.pos == "VERB" and trig.pattern.swap and trig.pattern.object_prep is not None


# a shooting, a stabbing, an attack, a strike: a single word whose kind of violence only its
# author says (WORDS.violence_recode) is as often crime as politics, and needs an author
GENERIC_ASSAULT = frozenset({"180", "182", *WORDS.violence_recode})


def claimed_for(noun: Token) -> Token | None:
    """The verb of a claim of responsibility the noun is the object of ("claimed responsibility
    for the bombing": claimed), else None."""
    claimed = noun_behind(noun, "for", WORDS.responsibility_nouns)
    return claimed.head if claimed is not None and claimed.dep_ == "dobj" and claimed.head.pos_ == "VERB" else None


def harm_subject(noun: Token) -> bool:
    """The attack noun is the subject of a verb of harm ("The attack killed 31 people"); not of
    a relative clause ("a shooting at a home that also killed a woman" may be a crime)."""
    site = harm_site(noun)
    return site is not None and site[0] == "subject" and site[1].lemma_.lower() in WORDS.harm_verbs \
        and site[1].dep_ != "relcl"


def _hurt_by(noun: Token) -> bool:
    """An attack noun that is the subject of a verb of harm or of a device going off, or the
    cause a death or an agentless harm is "in" ("were killed in an explosion"). The caller
    leaves out a generic word of violence (``GENERIC_ASSAULT``: "died in a shooting at a
    home") and a war or clashes, which name both sides' fighting ("300,000 people have died in
    the war").""" 
    site = harm_site(noun)
    if site is None or site[0] == "by":  # "killed by a bomb": the verb's agent, coded with it
        return False
    how, verb = site
    if how == "subject":
        return verb.lemma_.lower() in WORDS.harm_verbs or detonates(verb)
    return verb.lemma_.lower() in WORDS.death_verbs or (
        verb.lemma_.lower() in WORDS.harm_verbs and any(c.dep_ == "auxpass" for c in verb.children))


def people_word(h: Token, kinds: tuple[str, ...]) -> bool:
    """A word for people (or a named actor of one of ``kinds``) that can suffer an event."""
    return h.pos_ in ("NOUN", "PROPN") and (
        h.lemma_.lower() in WORDS.people_nouns or h.lower_ in WORDS.people_nouns or h.ent_type_ in kinds
        or any(c.dep_ == "nummod" for c in h.children))
