"""Factuality: did the event happen, or is it negated, hypothetical, future, proposed ...?

The decision is made by the factuality frames of data/frames/factuality.yaml, tried stage
by stage as the walk climbs from the trigger up the dependency tree: the sentence, a noun
trigger's own phrase, then at each clause its auxiliaries, subordinators and hedges, and
the link to the clause that governs it (plans, calls, refusals, allegations; reported
speech, which does not change factuality but sets ``attributed_to``). The first frame
that fires decides; ``factuality_cue`` keeps its cue word and ``frame`` its id, which the
event's rule names (``fact=future@auxiliaries``). Each frame's test is a small function
in coding/factuality_cues.py, coding/claim_cues.py and coding/schedule_cues.py (``TESTS``); the
order, the word lists and the values are the data.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from detente.coding.claim_cues import CLAIM_TESTS
from detente.coding.factuality_cues import TESTS as CUE_TESTS
from detente.coding.factuality_cues import Factuality, Walk, speaker, speaker_of
from detente.coding.schedule_cues import SCHEDULE_TESTS
from detente.coding.wordlists import WORDS
from detente.nlp import span_text

__all__ = ["FactFrame", "Factuality", "FrameError", "all_frames", "judge", "parse_frames", "speaker_of"]

# ---- the frames (data/frames/factuality.yaml) ------------------------------------------

STAGES = ("sentence", "noun", "clause", "link")
TESTS = {**CUE_TESTS, **CLAIM_TESTS, **SCHEDULE_TESTS}
VALUES = frozenset({"asserted", "negated", "hypothetical", "future", "proposed", "normative", "question",
                    "alleged", "from-words", "presupposed", "attribute"})


class FrameError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class FactFrame:
    id: str
    stage: str
    test: str
    value: str
    words: tuple[str, ...] = ()
    node: str = "trigger"  # noun stage: "trigger", or "stand-in" (the noun an apposition stands for)
    example: dict[str, str] | None = None


def parse_frames(data: dict) -> dict[str, tuple[FactFrame, ...]]:
    """The frames of each stage, checked: known stages, tests, values and word lists."""
    out = {}
    seen: set[str] = set()
    for stage in STAGES:
        frames = []
        for i, raw in enumerate((data or {}).get(stage) or []):
            where = f"factuality.yaml: {stage}[{i}]"
            fid = raw.get("id")
            if not fid or fid in seen:
                raise FrameError(f"{where}: missing or repeated id {fid!r}")
            seen.add(fid)
            if raw.get("test") not in TESTS:
                raise FrameError(f"{where} ({fid}): unknown test {raw.get('test')!r}")
            if raw.get("value") not in VALUES:
                raise FrameError(f"{where} ({fid}): unknown value {raw.get('value')!r}")
            words = tuple(raw.get("words") or ())
            for name in words:
                if not hasattr(WORDS, name):
                    raise FrameError(f"{where} ({fid}): {name!r} is not a word list in wordlists.yaml")
            node = raw.get("node", "trigger")
            if node not in ("trigger", "stand-in") or (node == "stand-in" and stage != "noun"):
                raise FrameError(f"{where} ({fid}): bad node {node!r}")
            frames.append(FactFrame(fid, stage, raw["test"], raw["value"], words, node, raw.get("example")))
        out[stage] = tuple(frames)
    unknown = set(data or {}) - set(STAGES)
    if unknown:
        raise FrameError(f"factuality.yaml: unknown stages {sorted(unknown)}")
    return out


@lru_cache(maxsize=1)
def load_frames() -> dict[str, tuple[FactFrame, ...]]:
    path = resources.files("detente.data").joinpath("frames/factuality.yaml")
    return parse_frames(yaml.safe_load(path.read_text(encoding="utf-8")))


FRAMES = load_frames()


def all_frames() -> tuple[FactFrame, ...]:
    return tuple(f for stage in STAGES for f in FRAMES[stage])


# ---- the walk -----------------------------------------------------------------------------

def judge(trigger: Token, sent: Span) -> Factuality:
    """Factuality of the event whose head is ``trigger`` in sentence ``sent``."""
    result = _judge(trigger, sent)
    if result.value != "alleged" or result.attributed_to is None:
        result.attributed_to = speaker_of(trigger)  # _judge's own mark is the reporting verb, not the speaker
    if result.value in ("future", "hypothetical") and span_text(sent).rstrip().endswith("?") and result.cue_token \
            is not None and result.cue_token.tag_ == "MD" and _inverted(result.cue_token):
        result.value, result.cue = "question", "?"  # "Will Russia veto ...?"
    return result


def _inverted(modal: Token) -> bool:
    """The modal stands before its clause's subject: a yes/no question."""
    subj = next((c for c in modal.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and modal.i < subj.i


def _stand_in(tok: Token) -> Token:
    """ "an objective ...: a durable ceasefire": the apposition stands where its noun stands."""
    while tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _decide(frame: FactFrame, hit: tuple[str, Token], w: Walk) -> Factuality:
    """The factuality a frame gives; its id, after the reported speech the walk passed
    ("reported-speech/main-clause"), names it in the event's rule."""
    value, cue = hit
    fid = f"{w.result.frame}/{frame.id}" if w.result.frame else frame.id
    if value == "alleged":
        return Factuality("alleged", cue.text, cue, speaker(cue), fid)
    if frame.value == "presupposed":
        w.result.frame = fid
        return _sentence_question(w.result, w.sent, w.trigger)
    return Factuality(value, cue.text, cue, w.result.attributed_to, fid)


def _judge(trigger: Token, sent: Span) -> Factuality:
    w = Walk(trigger, sent, trigger)
    if len(sent):
        for frame in FRAMES["sentence"]:
            if (hit := TESTS[frame.test](w)) is not None:
                return _decide(frame, hit, w)
    if trigger.pos_ in ("NOUN", "PROPN"):
        stand_in = _stand_in(trigger)
        for frame in FRAMES["noun"]:
            w.tok = stand_in if frame.node == "stand-in" else trigger
            if (hit := TESTS[frame.test](w)) is not None:
                return _decide(frame, hit, w)
        w.tok = stand_in
    for _ in range(12):
        w.gov, w.dep = None, ""
        for frame in FRAMES["clause"]:
            if (hit := TESTS[frame.test](w)) is not None:
                return _decide(frame, hit, w)
        tok = w.tok
        if tok.dep_ != "ROOT" and tok.head.i != tok.i:
            w.gov = tok.head
            w.dep = tok.dep_
            if w.dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
                w.dep = "xcomp"  # "calls for Russia and Turkey to carry out patrols": a complement
            elif w.dep == "advcl" and _infinitive_complement(tok):
                w.dep = "xcomp"  # "have sworn to fight" parsed as a purpose clause
        for frame in FRAMES["link"]:
            if (hit := TESTS[frame.test](w)) is not None:
                if frame.value == "attribute" and hit[0] != "alleged":  # a doubted report is a claim
                    w.result.attributed_to = hit[1]  # marks "inside reported speech" for the walk
                    w.result.frame = frame.id
                    break
                return _decide(frame, hit, w)
        if w.gov is None:
            break
        w.tok = w.gov
    return _sentence_question(w.result, sent, trigger)


def _sentence_question(result: Factuality, sent: Span, trigger: Token) -> Factuality:
    """A trigger in the main clause of a sentence ending with '?' is a question, unless the
    question asks why or how it happened ("Why did Turkey shoot down the Russian jet?": it did)."""
    if result.value == "asserted" and span_text(sent).rstrip().endswith("?") and not any(
            c.dep_ == "advmod" and c.lower_ in WORDS.presupposing_wh for c in sent.root.children):
        result.value, result.cue = "question", "?"
    return result


def _infinitive_complement(tok: Token) -> bool:
    """A bare "to"-infinitive under a verb of intending or proposing that has no object of its
    own is its complement, whatever the parse says ("have sworn to fight" as a purpose clause);
    with an object it is a purpose ("prepared the ground to attack")."""
    gov = tok.head
    return gov.pos_ == "VERB" and WORDS.governor_classes.get(gov.lemma_.lower()) in ("future", "proposed") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children) \
        and not any(c.dep_ in ("dobj", "dative") for c in gov.children)
