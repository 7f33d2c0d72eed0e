"""Score coded events against gold sentences.

Per sentence, predicted events are matched one-to-one to gold events, greedily,
by the best agreement. Scores:
  event type  root code agrees (or PLOVER type, for PLOVER gold)      -> P/R/F1
  dyad        type + source and target country agree (first 3 letters, CAMEO and ISO
              spellings as one; a reciprocal pair's partner as good as no target) -> P/R/F1
  factuality  accuracy over type-matched pairs
  date        accuracy over type-matched pairs whose gold has a date (at gold precision)
  location    accuracy over type-matched pairs whose gold names a place
  no-event    gold sentences with no event that were given a predicted event
Predicted events count whatever their factuality (gold lists non-asserted events too),
except against gold that codes only what happened (PLOVER GSR, PETRARCH records): there
only asserted predictions count.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from detente.actors.kb import normalize
from detente.eval.gold import GoldEvent, GoldSentence
from detente.model import Event


# Where the GSR's PLOVER draft (0.6, coded 2016) files a CAMEO code elsewhere than the 2021
# crosswalk our event table follows; the GSR's own `mode` fields show it: destroying property
# is COERCE/destroy, a blockade COERCE/restrict, easing a curfew or an emergency is CONCEDE
# beside "eased emergency measures", and a resignation is RETREAT.
GSR_DRAFT = {"1712": "COERCE", "191": "COERCE", "0813": "CONCEDE", "0814": "CONCEDE", "0831": "RETREAT"}


def gsr_type(code: str, plover_type: str | None) -> str | None:
    """Our CAMEO code -> the PLOVER gold standard's event types."""
    root = code[:2]
    if root == "01":
        return None
    if code in GSR_DRAFT:
        return GSR_DRAFT[code]
    if root in ("02", "10"):
        return "DEMAND"
    if root == "09":
        return "INVESTIGATE"
    if root in ("11",):
        return "DISAPPROVE"
    if root == "16":
        return "SANCTION"
    if root == "19":
        return "FIGHT"
    if root in ("18", "20"):
        return "ASSAULT"
    if code.startswith("087"):
        return "RETREAT"
    return plover_type


# CAMEO's country codes that ISO 3166 alpha-3 (the PLOVER GSR's codes) spells differently:
# the same country under two names, so the two are compared as one
_ISO_OF_CAMEO = {"ROM": "ROU", "MTN": "MNE", "TMP": "TLS"}


def _country(code: str | None) -> str | None:
    if not code:
        return None
    head = code[:3].upper()
    return _ISO_OF_CAMEO.get(head, head)


def _type_ok(g: GoldEvent, e: Event) -> bool:
    if g.code:
        return e.cameo_code[:2] == g.code[:2]
    return g.plover is not None and gsr_type(e.cameo_code, e.plover_type) == g.plover


def _dyad_ok(g: GoldEvent, e: Event) -> bool:
    src = e.source.actor.code if e.source else None
    tgt = e.target.actor.code if e.target else None
    if _country(g.source) != _country(src):
        return False
    return _country(g.target) == _country(tgt) or (
        g.target is None and _country(tgt) in {_country(p) for p in g.partners})


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Report:
    sentences: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    type: Counts = field(default_factory=Counts)
    full_code: Counts = field(default_factory=Counts)
    dyad: Counts = field(default_factory=Counts)
    factuality: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    location: Accuracy = field(default_factory=Accuracy)
    by_category: dict[str, Counts] = field(default_factory=dict)
    correct_sentences: int = 0  # every gold event found with its dyad, nothing extra
    no_event_sentences: int = 0  # gold sentences with no event ...
    no_event_fp: int = 0  # ... of which given a (counted) predicted event
    # set by the runner: events of sentences the gold does not cover (not scored), gold
    # sentences not found in their document's text, gold offsets that do not hold the sentence
    unscored_events: int = 0
    unplaced_sentences: int = 0
    misplaced_sentences: int = 0

    def rows(self) -> list[tuple[str, str, str, str]]:
        def fmt(c: Counts) -> tuple[str, str, str]:
            return tuple(f"{x:.3f}" for x in c.prf())  # type: ignore[return-value]

        return [
            ("event type (root)", *fmt(self.type)),
            ("event code (full)", *fmt(self.full_code)),
            ("dyad + type", *fmt(self.dyad)),
            ("factuality (acc.)", f"{self.factuality.value:.3f}", f"n={self.factuality.total}", ""),
            ("date (acc.)", f"{self.date.value:.3f}", f"n={self.date.total}", ""),
            ("location (acc.)", f"{self.location.value:.3f}", f"n={self.location.total}", ""),
        ]


def _pair(golds: list[GoldEvent], preds: list[Event], key) -> list[tuple[GoldEvent, Event]]:
    used: set[int] = set()
    pairs = []
    for g in golds:
        for j, e in enumerate(preds):
            if j not in used and key(g, e):
                used.add(j)
                pairs.append((g, e))
                break
    return pairs


def _date_ok(g: GoldEvent, e: Event) -> bool:
    """Agreement at the gold's precision: YYYY, YYYY-MM, YYYY-MM-DD or an ISO week YYYY-Www."""
    if e.event_date is None or not g.date:
        return False
    if "-W" in g.date:
        year, week = g.date.split("-W")
        iso = e.event_date.isocalendar()
        return (iso[0], iso[1]) == (int(year), int(week))
    return e.event_date.isoformat().startswith(g.date)


def _place_ok(g: GoldEvent, e: Event) -> bool:
    """The event's place contains the gold name, or is the place the gold name resolves to
    in the event's country: "Jisr al-Shughur" is GeoNames' "Jisr ash Shughūr"."""
    if e.location is None or not g.location:
        return False
    if normalize(g.location) in normalize(e.location.name):
        return True
    from detente.geo import Gazetteer

    same = Gazetteer().lookup(g.location, focus_country=e.location.country)
    return same is not None and (same.name, same.country, same.geonames_id) == (
        e.location.name, e.location.country, e.location.geonames_id)


def score(items: Iterable[tuple[GoldSentence, list[Event]]]) -> Report:
    rep = Report()
    for gs, preds in items:
        if gs.asserted_only:  # "X threatened to Y": the threat, not the threatened Y
            preds = [e for e in preds if e.factuality == "asserted"]
        if gs.events and all(g.plover and not g.code for g in gs.events):
            # PLOVER gold codes no plain statements (CAMEO 01): they are neither right nor wrong
            preds = [e for e in preds if gsr_type(e.cameo_code, e.plover_type) is not None]
        rep.sentences += 1
        if not gs.events:
            rep.no_event_sentences += 1
            rep.no_event_fp += bool(preds)
        rep.gold_events += len(gs.events)
        rep.predicted_events += len(preds)
        typed = _pair(gs.events, preds, _type_ok)
        dyad = _pair(gs.events, preds, lambda g, e: _type_ok(g, e) and _dyad_ok(g, e))
        full = _pair([g for g in gs.events if g.code], preds, lambda g, e: e.cameo_code == g.code)
        for counts, pairs, n_gold in ((rep.type, typed, len(gs.events)), (rep.dyad, dyad, len(gs.events)),
                                      (rep.full_code, full, sum(1 for g in gs.events if g.code))):
            counts.tp += len(pairs)
            counts.fp += len(preds) - len(pairs)
            counts.fn += n_gold - len(pairs)
        cat = rep.by_category.setdefault(gs.category or "all", Counts())
        cat.tp += len(dyad)
        cat.fp += len(preds) - len(dyad)
        cat.fn += len(gs.events) - len(dyad)
        if len(dyad) == len(gs.events) == len(preds):
            rep.correct_sentences += 1
        for g, e in typed:
            if g.factuality:
                rep.factuality.total += 1
                rep.factuality.right += e.factuality == g.factuality
            if g.date:
                rep.date.total += 1
                rep.date.right += _date_ok(g, e)
            if g.location:
                rep.location.total += 1
                rep.location.right += _place_ok(g, e)
    return rep
