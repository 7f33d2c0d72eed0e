"""Unconventional or conventional violence: 18x or 19x for the generic violence words.

"kill", "shoot", "attack", "wound" name violence without saying what kind. CAMEO codes
conventional military force as 19x and unconventional violence (shootings of
individuals, terrorist and criminal killings, police shootings) as 18x. The lexicon
gives such words their 19x code; `refine` keeps it only when the event is war:
  1. the perpetrator is named by a word of unconventional violence ("suicide bombers",
     "gunmen") -> 18x;
  2. a state's military or government, or a state acting as a whole ("Israel killed ...")
     -> 19x;
  3. a word of unconventional violence in the sentence ("stabbing", "a bomb attack",
     "kidnappers") -> 18x;
  4. an armed group as perpetrator or victim, or a word of war in the sentence ("troops",
     "shelling", "clashes", "offensive") -> 19x;
  5. otherwise (unknown, criminal, police or civilian perpetrators) -> 18x.
The word lists are in data/frames/wordlists.yaml (violence_recode, unconventional_cues,
conventional_cues, conventional_sectors).
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from detente.coding.wordlists import WORDS
from detente.model import Actor, Event, Mention
from detente.ontology import Ontology

IMPLIED_ATTACK = "190"
OWN_PLACE = frozenset({"locative", "place-object", "object-locative", "sentence-locative"})


def refine(code: str, sent: Span, source: Mention | None, target: Mention | None) -> str:
    """The event code for this source and target: ``code``, or its 18x counterpart (its 19x
    counterpart for a state's bombing)."""
    src = source.actor if source is not None else None
    state = src is not None and src.country is not None and (src.sector in ("MIL", "GOV") or src.code == src.country)
    if code in WORDS.conventional_recode:
        return WORDS.conventional_recode[code] if state else code
    unconventional = WORDS.violence_recode.get(code)
    if unconventional is None:
        return code
    if source is not None and _cues(source.text.lower().replace("-", " ").split()):
        return unconventional
    if state:
        return code
    words = [t.lemma_.lower() for t in sent] + [t.lower_ for t in sent]
    if _cues(words) or any(t.pos_ == "NOUN" and t.lemma_.lower() in WORDS.unconventional_noun_cues for t in sent):
        return unconventional
    if _armed(src, as_source=True) or _armed(target.actor if target is not None else None, as_source=False):
        return code
    if set(words) & WORDS.conventional_cues:
        return code
    return unconventional


def recoded(code: str, sent: Span, source: Mention | None, target: Mention | None, seized: list[Token],
            place_object: bool) -> tuple[str, str]:
    """The code after `refine` and `captive` (not for a named place as object, whatever the
    tagger calls it: "recaptured Palmyra"), and the note the rule gets for the change."""
    new = refine(code, sent, source, target)
    note = "" if new == code else " violence=unconventional" if new.startswith("18") else " violence=conventional"
    if not place_object and (held := captive(new, seized)) != new:
        new, note = held, " object=people"
    return new, note


def _cues(words: list[str]) -> bool:
    return not WORDS.unconventional_cues.isdisjoint(words)


def _armed(actor: Actor | None, as_source: bool) -> bool:
    if actor is None or not actor.code:
        return False
    if as_source and actor.country is None:
        return False  # a role with no country ("bomber", "gunmen") says nothing of war
    return actor.sector in WORDS.conventional_sectors


def captive(code: str, target: list[Token]) -> str:
    """Seizing people is arresting them, not occupying territory: "captured two Britons",
    "seized the journalists" -> 173 (WORDS.people_object_recode). ``target``: the heads the
    argument frames found as target, resolved or not."""
    new = WORDS.people_object_recode.get(code)
    target = [t for t in target if t.dep_ in ("dobj", "nsubjpass", "conj")]  # the seized, not "from X"
    if new is None or not target:
        return code
    head = target[0]
    if head.ent_type_ in ("PERSON", "NORP") or head.lemma_.lower() in WORDS.people_nouns or \
            head.lower_ in WORDS.people_nouns:
        return new
    return code


def result_participles(coded: list) -> None:
    """ "shelled the city, killing 20 people", "attacked the camp, killing or wounding 50": a
    participle of harm (``harm_verbs``) hung on an attack reports what the attack did, not a
    second attack; its events are dropped when the attack has events of its own, unless they
    name victims the attack's events do not ("bombed Aleppo, killing dozens of civilians"
    keeps the killing of the civilians) (in place). ``coded``: the sentence's coded triggers
    (coding/complements.py Coded)."""
    by_token = {c.trigger.token.i: c for c in coded}
    for c in coded:
        tok = c.trigger.token
        while tok.dep_ == "conj":  # "killing or wounding": the first of the pair hangs on the attack
            tok = tok.head
        if c.trigger.pos != "VERB" or c.trigger.token.tag_ != "VBG" or tok.dep_ != "advcl" \
                or c.trigger.token.lemma_.lower() not in WORDS.harm_verbs:
            continue
        attack = by_token.get(tok.head.i)
        if attack is not None and attack.events and attack.trigger.code[:2] in WORDS.victim_roots:
            hit = {e.target.actor.code for e in attack.events if e.target is not None}
            c.events[:] = [e for e in c.events if e.target is not None and e.target.actor.code not in hit]


def same_casualties(coded: list) -> None:
    """ "At least 41 people were killed and 90 others were injured": agentless harm verbs
    coordinated in one sentence count the casualties of one act, so only the first keeps its
    events; one placed elsewhere than the first is another act and stays (in place)."""
    by_token = {c.trigger.token.i: c for c in coded}
    for c in coded:
        tok = c.trigger.token
        first = by_token.get(tok.head.i) if tok.dep_ == "conj" else None
        if first is None or c.trigger.pos != "VERB" or tok.lemma_.lower() not in WORDS.harm_verbs \
                or first.trigger.token.lemma_.lower() not in WORDS.harm_verbs or not first.events:
            continue
        places = [e.location for e in first.events if e.source is None]
        if places:
            c.events[:] = [e for e in c.events if e.source is not None or e.location not in places]


def implied_attacks(events: list[Event], ontology: Ontology) -> list[Event]:
    """ "Syrian air defences downed two Israeli missiles": the missiles' side attacked the
    interceptor's country. For each interception of a projectile (``interception_verbs``,
    ``projectile_nouns``) whose target is another country's weapon, the attack it implies:
    190 from that country to the interceptor's, with the interception's factuality, date and
    place, and the rule marked "implied-attack"."""
    out = []
    info = ontology[IMPLIED_ATTACK]
    for e in events:
        if e.cameo_root != "19" or e.target is None or e.source is None:
            continue
        pattern = e.rule.split(" ", 1)[0].split(":", 3)  # root19:190:v:down ~plane|...
        if len(pattern) < 4 or pattern[2] != "v" or pattern[3].split()[0] not in WORDS.interception_verbs:
            continue
        weapon = e.target.text.lower().split()[-1].rstrip("s") if e.target.text else ""
        attacker, defender = e.target.actor, e.source.actor
        if weapon not in WORDS.projectile_nouns or not attacker.country or not defender.country \
                or attacker.country == defender.country:
            continue
        # where it was intercepted, when the text says so ("over Riyadh"), else the interceptor's country
        here = e.location.country if e.location is not None and e.location_how in OWN_PLACE else None
        country = here or defender.country
        if country == attacker.country:
            continue
        victim = Mention("", None, None, Actor(code=country, country=country, how="implied:interceptor-country"))
        out.append(dataclasses.replace(
            e, source=e.target, target=victim, cameo_code=info.code, cameo_root=info.root,
            quad_class=info.quad_class, goldstein=info.goldstein, plover_type=info.plover_type,
            rule=e.rule.split(" src=")[0] + " src=intercepted-weapon tgt=implied:interceptor-country "
            + " ".join(w for w in e.rule.split(" ") if w.startswith("fact=")) + " implied-attack",
            event_id=""))
    return out
