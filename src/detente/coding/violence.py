"""Unconventional or conventional violence: 18x or 19x for the generic violence words.

"kill", "shoot", "attack", "wound" name violence without saying what kind. CAMEO codes
conventional military force as 19x and unconventional violence (shootings of
individuals, terrorist and criminal killings, police shootings) as 18x. The lexicon
gives such words their 19x code; `refine` keeps it only when the event is war:
  1. a military or armed-group source, or a state acting as a whole ("Israel killed
     ...") -> 19x;
  2. a word of unconventional violence in the sentence ("suicide bomber", "gunmen",
     "stabbing") -> 18x;
  3. a military or armed-group victim, or a word of war in the sentence ("troops",
     "shelling", "clashes", "offensive") -> 19x;
  4. otherwise (unknown, criminal, police or civilian perpetrators) -> 18x.
The word lists are in data/frames/wordlists.yaml (violence_recode, unconventional_cues,
conventional_cues, conventional_sectors).
"""
from __future__ import annotations

from spacy.tokens import Span

from detente.coding.wordlists import WORDS
from detente.model import Actor


def refine(code: str, sent: Span, source: Actor | None, target: Actor | None) -> str:
    """The event code for this source and target: ``code``, or its 18x counterpart."""
    unconventional = WORDS.violence_recode.get(code)
    if unconventional is None:
        return code
    if _armed(source, as_source=True):
        return code
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & WORDS.unconventional_cues:
        return unconventional
    if _armed(target, as_source=False) or lemmas & WORDS.conventional_cues:
        return code
    return unconventional


def _armed(actor: Actor | None, as_source: bool) -> bool:
    if actor is None or not actor.code:
        return False
    if as_source and actor.country is None:
        return False  # a role with no country ("bomber", "gunmen") says nothing of war
    if actor.sector in WORDS.conventional_sectors:
        return True
    # a state acting as a whole ("Israel killed three militants") wages war
    return as_source and actor.country is not None and actor.code == actor.country
