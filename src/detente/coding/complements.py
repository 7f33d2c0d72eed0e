"""What an event's complement clause says about the event (CAMEO conventions).

A verb of demanding, threatening or promising names its addressee or its victim in the
clause it governs, not in its own object:
  - "China demanded that the US cancel the sale": the demand targets who must act, the
    complement's source (USA);
  - "Iran threatened to cut off electricity to Nakhichevan": the threat targets the
    complement's target (AZE), and a residual threat or promise takes the code of what it
    threatens or promises (130 -> 1311, threaten to reduce aid);
  - "Finland will give Tanzania a grant": an actor announcing what it will do expresses
    an intent (033, asserted) beside the future event itself (071, future); conflictual
    content is a threat ("Palestinian leaders said they would boycott ..." -> 1312);
  - "Syria says it will not accept more refugees": announcing that one will not do
    something cooperative is a refusal (12x);
  - "Moscow may halt gas deliveries if Kyiv does not pay": a hypothetical hostile act of
    one's own on a condition of one's own is a threat (1311, asserted);
  - "Serbia and Kosovo failed to reach an agreement": failed negotiations (164, asserted, for
    each side) beside the agreement that did not happen;
  - "Russians died in an American airstrike", "five soldiers were killed in a Turkish air
    strike": the victims are the targets of the strike, and an agentless "killed" is the
    same event as the strike (given to it, not coded twice);
  - "Damascus claimed that rebels shelled the town": a claim that another actor did something
    hostile is an accusation of it (112); so is a plain statement that another country's actor
    used force ("HRW said the government is using chemical weapons");
  - "Russia said that Sudan must return the helicopter": a statement that another actor
    must act is a demand on it (100 RUS->SDN), not a plain statement.
The tables (which role of the complement gives the target; the intent and threat code
for each content code) are in data/frames/wordlists.yaml.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from detente.coding.factuality import Factuality
from detente.coding.triggers import Trigger
from detente.coding.harm import detonates, harm_site, has_subject
from detente.coding.wordlists import WORDS
from detente.model import Actor, Event, Mention
from detente.ontology import Ontology

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
GUESSED = ("generic", "inferred", "sector", "unresolved")  # actor.how of a speaker the text does not name


@dataclass(slots=True)
class Coded:
    """One trigger of a sentence, its factuality and the events it gave."""

    trigger: Trigger
    fact: Factuality
    events: list[Event]
    speaker: Actor | None = None  # who reports it, resolved ("the defence minister said")


def recode(event: Event, code: str, ontology: Ontology, **changes) -> Event:
    info = ontology[code]
    return dataclasses.replace(event, cameo_code=info.code, cameo_root=info.root, quad_class=info.quad_class,
                               goldstein=info.goldstein, plover_type=info.plover_type, event_id="", **changes)


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The longest key of ``table`` that ``code`` starts with, its value."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _complements(tok: Token, by_token: dict[int, Coded]) -> list[Coded]:
    """Coded triggers in the clause ``tok`` governs ("threatened to cut", "demanded that X end")."""
    out = []
    for c in tok.children:
        if c.dep_ not in COMPLEMENT_DEPS and not (c.dep_ == "acl" and tok.pos_ == "NOUN") \
                and not _misattached_infinitive(tok, c):
            continue
        for t in [c, *(g for g in c.children if g.dep_ == "conj")]:
            if t.i in by_token:
                out.append(by_token[t.i])
            elif t.lemma_.lower() in WORDS.light_verbs:
                # "promised to continue aid to Haiti", "threatened to launch an offensive": the
                # event is the light verb's object noun
                out += [by_token[g.i] for g in t.children if g.dep_ == "dobj" and g.i in by_token]
    return out


def _misattached_infinitive(tok: Token, c: Token) -> bool:
    """A subjectless "to" infinitive the parser hung as an adverbial clause on a verb with no
    object, after an adverbial ("threatened on Monday to resume attacks"): its complement."""
    return c.dep_ == "advcl" and tok.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
        and not any(a.dep_ in ("nsubj", "nsubjpass", "mark") for a in c.children) \
        and not any(a.dep_ in ("dobj", "dative") for a in tok.children) and c.i > tok.i


def _commitment(gov: Coded, ontology: Ontology) -> None:
    """ "reached a consensus to share data": an accord whose noun governs a to-infinitive
    commits to act (019 -> 030, committed_accord) (in place)."""
    code, obj = WORDS.committed_accord.get(gov.trigger.code), gov.trigger.object_token
    if code is None or obj is None or not any(
            c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in obj.children):
        return
    gov.events[:] = [recode(e, code, ontology, rule=f"{e.rule} commitment=to-clause") for e in gov.events]


# a bare demand or appeal: the table of what it may ask for
ASKING = {"100": WORDS.demand_codes, "020": WORDS.appeal_codes}


def _asked_for(gov: Coded, content: Coded | None, ontology: Ontology) -> None:
    """A bare demand or appeal takes the code of the act it asks for, its coded complement
    ``content`` (in place): "demanded that Iran release the tanker" (100 -> 1053), "called on
    Russia to withdraw" (020 -> 0256)."""
    table = ASKING.get(gov.trigger.code)
    code = _by_prefix(table, content.events[0].cameo_code) if table is not None and content is not None else None
    if code is not None:
        gov.events[:] = [recode(e, code, ontology, rule=f"{e.rule} asked={content.events[0].cameo_code}")
                         for e in gov.events]


def link_complements(coded: list[Coded], ontology: Ontology, codes: bool = True) -> None:
    """Targets and codes that governing events take from their complements (in place); with
    ``codes`` False (PETRARCH-compatible mode) the targets only, each event keeps its code."""
    by_token = {c.trigger.token.i: c for c in coded}
    for gov in coded:
        role = WORDS.complement_roles.get(gov.trigger.code[:2])
        # the first coded complement, looked up once for both uses below
        content = next((c for c in _complements(gov.trigger.token, by_token) if c.events), None) \
            if gov.events and (role is not None or gov.trigger.code in ASKING) else None
        if codes:
            _commitment(gov, ontology)
            _asked_for(gov, content, ontology)
        if not gov.events or any(e.target is not None for e in gov.events):
            continue
        if role is None or content is None:
            continue
        first = content.events[0]
        # each actor the content names in that role: "threatened to cut ties with Congo and
        # Costa Rica" threatens both
        mentions: list[Mention] = []
        for m in (x.source if role == "source" else x.target for x in content.events):
            if m is not None and m.actor.resolved and all(m.actor.code != y.actor.code for y in mentions):
                mentions.append(m)
        code = gov.events[0].cameo_code  # the pattern's, or what _asked_for made of it
        if codes and code in WORDS.residual_intents:  # "threatened to cut off aid": 130 -> 1311
            # a promise of conflict is a threat: "promised to retaliate against Washington": 1384
            hostile = code.startswith("13") or _by_prefix(WORDS.intent_codes, first.cameo_code) is None
            code = _by_prefix(WORDS.threat_codes if hostile else WORDS.intent_codes, first.cameo_code) or code
        new = []
        for e in gov.events:
            targets = [m for m in mentions if e.source is None or e.source.actor.code != m.actor.code]
            if not targets:
                new.append(e if code == e.cameo_code else recode(e, code, ontology, target=None, rule=e.rule))
                continue
            rule = e.rule.replace(" tgt=- ", f" tgt=complement-{role} ")
            new += [recode(e, code, ontology, target=m, rule=rule) for m in targets]
        gov.events[:] = new


def dual_codes(coded: list[Coded], ontology: Ontology) -> list[Event]:
    """PETRARCH dual codes (`MEET [031:031]`, coding/petrarch_verbs.py): each event of such a
    pattern also from its target back to its source, with the pattern's reverse code, unless
    that pair is coded already ("Peru and Chile met": each with the other)."""
    out = []
    for c in coded:
        back = c.trigger.pattern.reverse
        pairs = {(e.source and e.source.actor.code, e.target and e.target.actor.code) for e in c.events}
        for e in c.events if back else ():
            if e.source is not None and e.target is not None \
                    and (e.target.actor.code, e.source.actor.code) not in pairs:
                out.append(recode(e, back, ontology, source=e.target, target=e.source, rule=f"{e.rule} dual-code"))
    return out


def intents(coded: list[Coded], ontology: Ontology, mention: Callable[[list[Token]], Mention]) -> list[Event]:
    """Asserted intents, threats and refusals behind announced future actions (or
    non-actions) of their own actor."""
    triggers = {c.trigger.token.i for c in coded}
    by_token = {c.trigger.token.i: c for c in coded}
    out: list[Event] = []
    for c in coded:
        cue = c.fact.cue_token
        if cue is None or cue.i in triggers:
            continue  # a governing trigger ("threatened to", "promised to") is coded already
        ruled_out = c.fact.value == "negated" and _last_frame(c.fact) in WORDS.refusal_frames
        refusal = ruled_out or c.fact.value == "negated" and any(
            a.dep_ == "aux" and a.lower_ in WORDS.refusal_modals for a in cue.head.children)
        conditional = c.fact.value == "hypothetical" and cue.dep_ == "aux" and cue.lower_ in WORDS.hypothetical_modals
        if c.fact.value != "future" and not refusal and not conditional:
            continue
        if not (refusal or conditional) and cue.lemma_.lower() not in WORDS.intent_cues \
                and cue.lower_ not in WORDS.intent_cues:
            continue  # "is expected to", "is due to": a forecast, not an intent
        tok = c.trigger.token
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
            if tok.head.lemma_.lower() not in WORDS.object_verbs:
                continue  # "will no longer tolerate protests": the protesters announce nothing
            tok = tok.head  # the verb that does a noun event: "is prepared to impose martial law"
        if not ruled_out and not (cue.head.i == tok.i or tok.head.i == cue.i):
            continue  # the modal is the event's own ("will give"), not a clause's around it ("there will be")
        if conditional and not _on_condition(tok, cue):
            continue  # "Iran could send troops": a possibility, not a threat
        for e in c.events:
            if e.source is None or not e.source.actor.code or not _own_voice(e, c.speaker):
                continue
            if ruled_out and e.attributed_to is None:
                continue  # "a withdrawal is off the table": ruled out, but by nobody named
            if refusal:  # "said it would not meet the demands"
                table = WORDS.refusal_codes if e.quad_class in (1, 2) else {}
            elif conditional:  # "may halt gas deliveries if Kyiv does not pay": never a promise
                table = WORDS.threat_codes if e.quad_class in (3, 4) else {}
            else:
                table = WORDS.intent_codes if e.quad_class in (1, 2) else WORDS.threat_codes
            code = _by_prefix(table, e.cameo_code)
            if code is None:
                continue
            toks = sorted((cue, c.trigger.token), key=lambda t: t.i)
            said = _saying(c, by_token)  # the intent is expressed when it is said, not when it is due
            when = {} if said is None else {"event_date": said.event_date, "date_precision": said.date_precision,
                                            "date_text": said.date_text}
            out.append(recode(e, code, ontology, trigger=mention(toks), factuality="asserted",
                               factuality_cue=None, **when,
                               rule=f"{e.rule} {'refusal' if refusal else 'threat' if conditional else 'intent'}={cue.lower_}"))
    return out


def _last_frame(fact: Factuality) -> str:
    """The factuality frame that decided ("governing-verb" of "reported-speech/governing-verb")."""
    return (fact.frame or "").rsplit("/", 1)[-1]


def _on_condition(verb: Token, modal: Token) -> bool:
    """A hypothetical act of the verb's own subject on a condition of the same verb ("Moscow
    may halt gas deliveries if Kyiv does not pay"): the modal is the verb's, the verb is active
    and an adverbial clause on it opens with a conditional mark."""
    return modal.head.i == verb.i and any(ch.dep_ == "nsubj" for ch in verb.children) and any(
        ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in WORDS.conditional_marks for m in ch.children)
        for ch in verb.children)


def failed_talks(coded: list[Coded], ontology: Ontology, mention: Callable[[list[Token]], Mention]) -> list[Event]:
    """Failed negotiations (164) behind an agreement its parties failed to reach ("Russia and
    Ukraine failed to reach an agreement"), asserted, with the agreement's source and target."""
    out: list[Event] = []
    for c in coded:
        cue = c.fact.cue_token
        if c.fact.value != "negated" or cue is None or _last_frame(c.fact) != "governing-verb" \
                or cue.lemma_.lower() not in WORDS.failure_verbs:
            continue
        tok, obj = c.trigger.token, c.trigger.object_token
        if tok.lemma_.lower() not in WORDS.agreement_words and (
                obj is None or obj.lemma_.lower() not in WORDS.agreement_words):
            continue  # "failed to offer aid": no agreement, no talks
        toks = sorted({t.i: t for t in (cue, *c.trigger.tokens)}.values(), key=lambda t: t.i)
        for e in c.events:
            code = _by_prefix(WORDS.failed_agreement_codes, e.cameo_code)
            if code is None or e.source is None:
                continue
            out.append(recode(e, code, ontology, trigger=mention(toks), factuality="asserted", factuality_cue=None,
                               rule=f"{e.rule} failed-agreement={cue.lower_}"))
    return out


def _saying(content: Coded, by_token: dict[int, Coded]) -> Event | None:
    """The statement event that reports ``content`` ("Macron said [he would seek ...]")."""
    speaker = content.fact.attributed_to
    said = by_token.get(speaker.head.i) if speaker is not None else None
    return next(iter(said.events), None) if said is not None else None


def _own_voice(e: Event, speaker: Actor | None) -> bool:
    """The intent is the actor's own: not reported by someone else ("analysts say Iran will
    ..."). A speaker of the actor's own country speaks for it; so does, for cooperation, one
    of the partner's ("the Albanian embassy said the German minister will visit"); a speaker
    of no country is an organ of the actor ("the defence minister said", "a statement said")
    unless it is a commentator ("analysts", "experts")."""
    if e.attributed_to is None:
        return True
    code = e.source.actor.code if e.source else None
    if not code:
        return False
    if e.attributed_to[:3] == code[:3]:
        return True
    if speaker is None or not speaker.code:
        return True  # "a statement issued by the ministry said"
    if speaker.country is None and speaker.sector not in WORDS.commentator_sectors:
        return True
    return e.quad_class in (1, 2) and e.target is not None and speaker.country is not None \
        and speaker.country == e.target.actor.country


def retarget(coded: Coded, addressees: list[tuple[Actor, list[Token]]], frame: str, ontology: Ontology,
             mention: Callable[[list[Token]], Mention], code: str | None = None) -> None:
    """Give the events of ``coded`` that have no target each addressee (an actor and the
    tokens that name it) as target, one event each ("said the US and Britain must ...": a
    demand on each), with frame ``frame`` in the rule and optionally a new code; not an
    addressee that is the event's own source (in place)."""
    new = []
    for e in coded.events:
        others = [(a, t) for a, t in addressees if e.source is None or e.source.actor.code != a.code]
        if e.target is not None or not others:
            new.append(e)
            continue
        for actor, tokens in others:
            target = mention(tokens)
            target.actor = actor
            new.append(recode(e, code or e.cameo_code, ontology, target=target,
                               rule=e.rule.replace(" tgt=- ", f" tgt={frame} ")))
    coded.events[:] = new


def purpose_target(coded: Coded, by_token: dict[int, Coded], ontology: Ontology) -> None:
    """Force sent or aid given for a purpose is aimed where the purpose is: "deployed troops
    to fight the YPG" (154 TUR->SYRREB), "sent weapons to help the Houthis" (the roots of
    ``purpose_roots``); an act of force done with an attack is aimed where the attack is:
    "retaliated with air strikes on Gaza" (in place; events with no target of their own)."""
    root = coded.trigger.code[:2]
    if root not in WORDS.purpose_roots | WORDS.victim_roots or not coded.events \
            or any(e.target is not None for e in coded.events):
        return
    for c in coded.trigger.token.children:
        frame = "purpose-target"
        if c.dep_ == "prep" and c.lower_ == "with":  # "retaliated with air strikes on Gaza"
            c, frame = next((g for g in c.children if g.dep_ == "pobj"), c), "instrument-target"
        elif root not in WORDS.purpose_roots or c.dep_ != "advcl" or not any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or any(
                a.dep_ in ("nsubj", "nsubjpass") for a in c.children):
            continue
        purpose = by_token.get(c.i)
        aim = next((e.target for e in purpose.events if e.target is not None and (
            e.target.start is not None or (e.target.actor.how or "").startswith("inferred:place"))),
                   None) if purpose is not None else None  # named, or the place of its own clause
        if aim is None:
            continue
        coded.events[:] = [e if e.source is not None and e.source.actor.code == aim.actor.code else recode(
            e, e.cameo_code, ontology, target=dataclasses.replace(aim),
            rule=e.rule.replace(" tgt=- ", f" tgt={frame} ")) for e in coded.events]
        return


def complement_subject(tok: Token) -> Token | None:
    """The subject of the clause a demand governs: "demanded that the US cancel ..." -> US."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None


def threat_addressee(tok: Token) -> tuple[Token, str] | None:
    """Who a threat with no object of its own is aimed at: the subject of its condition ("Iran
    threatened to launch an offensive unless Baghdad accepted": Baghdad), else the one its
    threatened act is done to ("threatened to deliver blows to the United States"), else the
    country it is done in ("threatened to resume its operations in Turkey"); with the frame
    that found it."""
    acts = [c for c in tok.children if c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    acts += [g for a in acts for g in a.children if g.dep_ == "conj" and g.pos_ == "VERB"]
    for verb in (tok, *acts):
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in WORDS.conditional_marks for m in c.children):
                subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                    return subj, "condition-subject"
    for verb in acts:
        for c in verb.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "against"):
                obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
                if obj is not None:
                    return obj, "complement-prep"
    for verb in acts:  # "threatened to resume its operations in Israel": the country it is done in
        for h in (verb, *(o for o in verb.children if o.dep_ == "dobj")):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    obj = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)
                    if obj is not None:
                        return obj, "complement-place"
    return None


def normative_subject(tok: Token) -> Token | None:
    """The subject of a 'must / should / has to / needs to' clause that ``tok`` (a speech
    verb) governs, or None."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        modal = any(a.dep_ == "aux" and a.lower_ in WORDS.normative_modals for a in c.children)
        if not modal and c.lemma_.lower() in ("have", "need") and any(x.dep_ == "xcomp" for x in c.children):
            modal = True  # "Sudan has to return", "the US needs to act"
        passive = any(a.dep_ == "auxpass" for x in (c, *c.children) for a in x.children) or any(
            a.dep_ == "auxpass" for a in c.children)
        if modal and not passive:  # "these people need to be brought back" demands nothing of them
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None




def victim_clause(trigger: Trigger, by_token: dict[int, Coded]) -> Token | None:
    """The verb whose victims a violent event noun hurt: "died in an airstrike", "were killed
    in a Turkish air strike" (a death verb, or an agentless passive violence trigger), "air
    strikes killed 12 civilians" (a violence trigger whose subject is the noun)."""
    site = harm_site(trigger.token) if trigger.pos == "NOUN" and trigger.code[:2] in WORDS.victim_roots else None
    if site is None:
        return None
    how, verb = site
    if how == "subject":  # "coalition air strikes killed 12 civilians"
        if detonates(verb):  # "a car bomb exploded near a police station, killing eight people"
            return next((c for c in verb.children if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG"
                         and c.lemma_.lower() in WORDS.harm_verbs and not has_subject(c)), None)
        return verb if verb.lemma_.lower() in WORDS.harm_verbs else None  # an nsubj: active
    if verb.lemma_.lower() in WORDS.death_verbs:
        return verb
    gov = by_token.get(verb.i)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if gov is not None and passive and gov.trigger.code[:2] in WORDS.victim_roots and not any(
            c.dep_ == "agent" for c in verb.children):
        return verb
    return None






def give_victims(noun: Coded, verb: Token, victims: list, coded: list[Coded], ontology: Ontology,
                 mention: Callable[[list[Token]], Mention]) -> None:
    """The victims of ``verb`` become the targets of the event noun; the verb's own agentless
    events (the same deaths) are dropped (in place). ``victims`` are coder Arguments. The noun
    names the verb's act, so it takes the verb's factuality when the verb's is not plain
    ("Russia claimed he had been killed in an airstrike": the airstrike is alleged too)."""
    if not noun.events:
        return
    if any(e.target is not None and e.target.actor.code and not (e.target.actor.how or "").startswith(
            ("inferred", "place:", "metonym:capital")) for e in noun.events):
        same_act(noun, verb, coded)  # a named target stays; the verb's events are still the noun's act
        return
    fact = next((c.fact for c in coded if c.trigger.token.i == verb.i), None)
    changes = {"factuality": fact.value, "factuality_cue": fact.cue} if fact is not None \
        and fact.value != "asserted" and all(e.factuality == "asserted" for e in noun.events) else {}
    new = []
    for e in noun.events:
        for v in victims:
            if e.source is not None and e.source.actor.code == v.actor.code:
                continue
            target = mention(v.tokens)
            target.actor = v.actor
            rule = re.sub(r" tgt=\S+ ", " tgt=victim-clause ", e.rule)
            new.append(recode(e, e.cameo_code, ontology, target=target, rule=rule, **changes))
    if not new:
        return
    noun.events[:] = new
    same_act(noun, verb, coded)


def same_act(noun: Coded, verb: Token, coded: list[Coded]) -> None:
    """The verb's own events are the noun's act: agentless ("were killed in an air strike"), or
    done by the noun itself ("Nato air strikes hit the town": the strikes, not a second
    attack by "Nato air strikes"); they are dropped (in place)."""
    if not noun.events:
        return
    at = noun.events[0].trigger.start  # the noun's offset in the document
    for c in coded:
        if c.trigger.token.i == verb.i:
            c.events[:] = [e for e in c.events if e.source is not None and not (
                e.source.start is not None and e.source.end is not None and e.source.start <= at < e.source.end)]


def restated_acts(coded: list[Coded]) -> None:
    """ "Israel sent jets to bomb Gaza in its heaviest assault for years": an event noun in an
    'in' phrase on a verb event of the same CAMEO root, done by no one else, names the verb's own
    act again; its events are dropped (in place), the verb's stay."""
    by_token = {c.trigger.token.i: c for c in coded}
    for c in coded:
        tok = c.trigger.token
        if c.trigger.pos != "NOUN" or not c.events or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        verb = by_token.get(tok.head.head.i)
        if verb is None or verb is c or verb.trigger.pos != "VERB" or verb.trigger.code[:2] != c.trigger.code[:2]:
            continue
        doers = {e.source.actor.code for e in verb.events if e.source is not None and e.source.actor.code}
        if doers and all(e.source is not None and e.source.actor.code in doers for e in c.events):
            c.events[:] = []


def _purpose_host(c: Coded, by_token: dict[int, Coded], accept: Callable[[Coded], bool]) -> Coded | None:
    """The coded act that the purpose clause or participle ``c`` hangs on, when ``accept``
    takes it: the governing verb, or that verb's object noun ("staged demonstrations to
    demand reforms", "used tear gas to disperse the crowd")."""
    gov = c.trigger.token.head
    return next((h for t in (gov, *(g for g in gov.children if g.dep_ == "dobj"))
                 if (h := by_token.get(t.i)) is not None and h is not c and accept(h)), None)


def protest_aims(coded: list[Coded]) -> None:
    """ "staged demonstrations to demand reforms", "began a hunger strike to protest the
    verdict", "demonstrated, calling for independence": what a protest is held for (a verb of
    ``protest_aim_roots`` in its purpose clause or participle) is the protest's aim, not a
    second event of the protesters; its events are dropped when the protest has events, and
    whom the aim targets is the protest's target where it has none (in place)."""
    by_token = {c.trigger.token.i: c for c in coded}
    for c in coded:
        tok = c.trigger.token
        if c.trigger.pos != "VERB" or tok.dep_ not in ("advcl", "xcomp") or tok.i == tok.head.i \
                or c.trigger.code[:2] not in WORDS.protest_aim_roots:
            continue
        protest = _purpose_host(c, by_token, lambda p: bool(p.events) and p.trigger.code[:2] == "14")
        if protest is None:
            continue
        aimed = next((e.target for e in c.events if e.target is not None), None)
        if aimed is not None:
            protest.events[:] = [dataclasses.replace(e, target=aimed, rule=e.rule.replace(" tgt=- ", " tgt=protest-aim "))
                                 if e.target is None and (e.source is None or e.source.actor.code != aimed.actor.code)
                                 else e for e in protest.events]
        c.events[:] = []


def same_means(coded: list[Coded]) -> None:
    """ "used tear gas to disperse the crowd": an act whose purpose clause has the very same
    code, by the same actors, is one act told twice (the means, then the aim); the aim's events
    go, and their target goes to the means where it has none (in place)."""
    by_token = {c.trigger.token.i: c for c in coded}
    for c in coded:
        tok = c.trigger.token
        if c.trigger.pos != "VERB" or tok.dep_ not in ("advcl", "xcomp") or not c.events \
                or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            continue
        sources = {e.source.actor.code for e in c.events if e.source is not None}
        means = _purpose_host(c, by_token, lambda m: m.trigger.code == c.trigger.code and sources <= {
            e.source.actor.code for e in m.events if e.source is not None})
        if means is None:
            continue
        aimed = next((e.target for e in c.events if e.target is not None), None)
        if aimed is not None:
            means.events[:] = [dataclasses.replace(e, target=aimed) if e.target is None else e for e in means.events]
        c.events[:] = []


def _reported_violence(gov: Coded, by_token: dict[int, Coded]) -> list[Event]:
    """ "HRW said the government is using chemical weapons": a speaker reporting that another
    country's actor used force (QuadClass 4, roots 17-20) accuses it; a report of one's own side's deeds
    ("Russia said its jets struck") accuses nobody."""
    speaker = next((e.source for e in gov.events if e.source is not None), None)
    if speaker is None or (speaker.actor.how or "").startswith(GUESSED):
        return []  # "the army said": whose army is a guess, and an accusation needs an accuser
    mine = speaker.actor.country
    if mine is None and not (speaker.actor.code or "").startswith(("IGO", "NGO")):
        return []  # "a port official said": whose official is unknown, so is whose side he is on
    out = []
    for c in (c for c in gov.trigger.token.children if c.dep_ in ("ccomp", "parataxis")):
        for t in [c, *(g for g in c.children if g.dep_ == "conj")]:
            content = by_token.get(t.i)
            if content is None or content.fact.value not in ("asserted", "alleged"):  # done, or claimed
                continue
            out += [e for e in content.events if e.quad_class == 4 and e.cameo_root in WORDS.victim_roots
                    and e.source is not None  # force, not a protest ("Albanians demonstrated, the radio said")
                    and e.target is not None  # someone was harmed ("fired missiles into the sea": nobody)
                    and e.source.start is not None  # named in the text, not inferred
                    and e.source.actor.resolved and e.source.actor.country
                    and e.source.actor.country != mine]
    return out


def accusations(coded: list[Coded], ontology: Ontology) -> None:
    """ "Damascus claimed that rebels shelled the town": a claim or allegation that another
    actor did something hostile accuses it (112), with that actor as target (in place)."""
    by_token = {c.trigger.token.i: c for c in coded}
    for gov in coded:
        if not gov.events or not gov.trigger.code.startswith("01"):
            continue
        lemma = gov.trigger.token.lemma_.lower()
        if lemma in WORDS.claim_verbs:
            content = next((c for c in _complements(gov.trigger.token, by_token)
                            if c.events and c.fact.value == "alleged"), None)
            hostile = [e for e in content.events if e.quad_class in (3, 4) and e.source is not None
                       and e.source.actor.resolved] if content is not None else []
        elif lemma in WORDS.speech_verbs:
            hostile = _reported_violence(gov, by_token)
        else:
            continue
        if not hostile:
            continue
        accused = hostile[0].source
        new = []
        for e in gov.events:
            if e.target is not None or (e.source is not None and e.source.actor.code == accused.actor.code):
                new.append(e)
                continue
            new.append(recode(e, WORDS.accusation_code, ontology, target=accused,
                               rule=e.rule.replace(" tgt=- ", " tgt=alleged-author ")))
        gov.events[:] = new
