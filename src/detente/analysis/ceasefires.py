"""Ceasefire tracking from evidence: every status a ceasefire reaches cites the coded
event that says so, and only events whose factuality allows it count.

Statuses, in order: proposed < agreed < in_force < violated < collapsed. A ceasefire's
status is the furthest it reached; ``history`` lists each step with its event.

evidence     (the words are in ``data/processes/ceasefires.yaml``)
  proposed   an appeal, offer, talk or demand (CAMEO roots 02, 03, 04, 10) whose
             sentence names a ceasefire, asserted; or any ceasefire event (those, root
             05 with a ceasefire word, 0871) whose factuality is ``proposed`` or ``future``
  agreed     asserted: root 05 with a ceasefire word, or a 02/03/04 event with a
             ceasefire word whose trigger says agreement ("agreed", "signed", "brokered")
  in_force   asserted 0871 (declare truce, ceasefire)
  violated   asserted 196 (violate ceasefire); or, after the ceasefire was agreed or in
             force and inside its window, an asserted violent event (175, roots 18-20)
             whose source is a party and whose target is a party or unknown (with a
             single party: source or target is that party). Counted in clusters.
  collapsed  an asserted event above (evidence or violation) whose sentence names a
             ceasefire and says it collapsed / broke down / fell apart ...; or the
             ``collapse_violations``-th violation (``reason`` says which).

Negated, hypothetical, normative and question events are never evidence: "no durable
ceasefire was found" or "Russia would declare a ceasefire if ..." make nothing agreed or
in force, and no ceasefire is ever reported as holding for want of bad news.

parties      the actor keys of the evidence's source and target (the country for
             state actors, RUSGOV -> RUS; country + sector for non-state armed groups,
             SYRREB; the code when there is no country, IGOUNO), joined over the events
             of one sentence ("Russia and Turkey agreed a ceasefire" -> RUS, TUR).
ceasefire    evidence joins the latest ceasefire whose parties contain its parties or
             are contained in them, within ``window_days`` of that ceasefire's last
             evidence (a collapsed one only takes more violation or collapse reports);
             otherwise it starts a new one.
window       from the date it was agreed or in force to ``window_days`` after its last
             evidence, cut short by the next ceasefire of overlapping parties.

Filters restrict the actors, dates and places of evidence and violations; their
factuality, code, root, QuadClass and text filters are not applied (the rules above
choose). Events dated by neither their own date nor their document's are left out and
counted in ``undated``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

import duckdb
import yaml

from detente.analysis.filters import Filters

STATUSES = ("proposed", "agreed", "in_force", "violated", "collapsed")
RANK = {s: i for i, s in enumerate(STATUSES)}
NOT_EVIDENCE = ("negated", "hypothetical", "normative", "question")
NON_STATE = "('REB', 'INS', 'OPP', 'SEP', 'UAF')"
# party key: a state's actors collapse to the country; non-state armed groups stay distinct
KEY = ("CASE WHEN e.{s}_sector IN " + NON_STATE + " THEN coalesce(e.{s}_country, '') || e.{s}_sector "
       "ELSE coalesce(e.{s}_country, e.{s}_code) END")
VIOLENT = "(e.cameo_root IN ('18', '19', '20') OR starts_with(e.cameo_code, '175') OR starts_with(e.cameo_code, '196'))"


@functools.cache
def vocabulary() -> dict[str, list[str]]:
    path = resources.files("detente") / "data" / "processes" / "ceasefires.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _regex(words: list[str]) -> str:
    """A case-insensitive whole-word RE2 pattern, safe inside a SQL string literal."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return f"(?i)\\b({alts})\\b".replace("'", "''")


def derived_columns() -> str:
    """Per-event ceasefire flags and party keys, stored in the analysis tables so the
    tracking does not re-evaluate text predicates over every event."""
    v = vocabulary()
    terms, collapse = _regex(v["terms"]), _regex(v["collapse"])
    agree = ", ".join("'" + w.replace("'", "''") + "'" for w in v["agreement_triggers"])
    talk = (f"(e.cameo_root IN ('02', '03', '04', '05', '10') AND regexp_matches(e.sentence, '{terms}'))")
    kind = (f"CASE WHEN starts_with(e.cameo_code, '0871') THEN 'declare' "
            f"WHEN starts_with(e.cameo_code, '196') THEN 'violate' "
            f"WHEN {talk} AND (e.cameo_root = '05' OR lower(e.trigger_text) IN ({agree})) THEN 'agree' "
            f"WHEN {talk} THEN 'propose' END")
    return (f"{kind} AS cf_kind, {VIOLENT} AS cf_violate, "
            f"(regexp_matches(e.sentence, '{collapse}') AND (regexp_matches(e.sentence, '{terms}') "
            f"OR starts_with(e.cameo_code, '0871') OR starts_with(e.cameo_code, '196'))) AS cf_collapse, "
            f"{KEY.format(s='source')} AS cf_src, {KEY.format(s='target')} AS cf_tgt")


def evidence_status(kind: str, factuality: str, collapse: bool) -> str | None:
    """The status one event is evidence of, or None (see the module docstring)."""
    if factuality in NOT_EVIDENCE:
        return None
    if factuality != "asserted":  # proposed, future
        return "proposed" if kind in ("declare", "agree", "propose") else None
    if collapse:
        return "collapsed"
    return {"declare": "in_force", "agree": "agreed", "propose": "proposed", "violate": "violated"}[kind]


@dataclass(frozen=True, slots=True)
class CeasefireSettings:
    window_days: int = 30
    collapse_violations: int = 3


@dataclass
class _Ceasefire:
    parties: set[str]
    first: date
    last: date
    evidence: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    started: date | None = None  # when it was first agreed or in force
    window_end: date | None = None

    @property
    def status(self) -> str:
        return self.history[-1]["status"]

    def step(self, status: str, ev: dict[str, Any], reason: str | None = None) -> None:
        if self.history and RANK[status] <= RANK[self.status]:
            return
        self.history.append({"status": status, "date": ev["date"], "event_id": ev["event_id"],
                             "reason": reason or _REASON[status], **{k: ev[k] for k in _CITE}})


_CITE = ("sentence", "doc_id", "doc_title", "published", "factuality", "cameo_code", "trigger_text")
_REASON = {"proposed": "proposal, offer or talks", "agreed": "agreement reported", "in_force": "ceasefire declared",
           "violated": "violation reported", "collapsed": "collapse reported"}


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def ceasefires(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = Filters(),
    settings: CeasefireSettings = CeasefireSettings(),
    *,
    max_ids: int = 20,
) -> dict[str, Any]:
    """{'undated', 'window_days', 'items': [ceasefire]}, each ceasefire with its parties,
    status, history (one cited event per step), evidence and violations."""
    from detente.analysis.tables import events_relation

    rel = events_relation(con)
    f = filters.replace(code=None, root=None, quad_class=(), q=None, factuality=None)
    where, params = f.where("e")
    day = "coalesce(e.event_date, e.published)"
    facts = ", ".join(f"'{x}'" for x in NOT_EVIDENCE)
    cand = f"e.cf_kind IS NOT NULL AND e.factuality NOT IN ({facts}) AND {where}"
    rows = _rows(con.execute(
        f"""SELECT e.event_id, {day} AS date, e.doc_id, e.sentence_index, e.cluster_no, e.cf_kind AS kind,
                   e.cf_collapse AS collapse, e.factuality, e.cameo_code, e.trigger_text, e.sentence, e.doc_title,
                   e.published, list_filter([e.cf_src, e.cf_tgt], lambda x: x IS NOT NULL) AS parties
            FROM {rel} e WHERE {cand} AND {day} IS NOT NULL ORDER BY date, e.event_id""", params))
    undated = con.execute(f"SELECT count(*) FROM {rel} e WHERE {cand} AND {day} IS NULL", params).fetchone()[0]
    # one piece of evidence per sentence and status, its parties joined over the sentence's events
    stmts: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        status = evidence_status(r["kind"], r["factuality"], bool(r["collapse"]))
        if status is None:
            continue
        key = (r["doc_id"], r["sentence_index"], status)
        s = stmts.setdefault(key, {**r, "status": status, "parties": set(), "event_ids": [], "clusters": set()})
        s["parties"].update(r["parties"])
        s["event_ids"].append(r["event_id"])
        s["clusters"].add(r["cluster_no"])
    found: list[_Ceasefire] = []
    window = timedelta(days=settings.window_days)
    for s in sorted(stmts.values(), key=lambda s: (s["date"], RANK[s["status"]], s["event_id"])):
        if not s["parties"]:
            continue
        cf = _joinable(found, s, window)
        if cf is None:
            cf = _Ceasefire(parties=set(s["parties"]), first=s["date"], last=s["date"])
            found.append(cf)
        cf.parties |= s["parties"]
        cf.last = max(cf.last, s["date"])
        cf.evidence.append(s)
        cf.step(s["status"], s)
        if cf.started is None and RANK[s["status"]] >= RANK["agreed"]:
            cf.started = s["date"]
    if not found:
        return {"undated": undated, "window_days": settings.window_days, "items": []}
    violations = _violations(con, rel, where, params, found, window)
    return {"undated": undated, "window_days": settings.window_days,
            "items": [_report(i, cf, violations.get(i, []), settings, max_ids) for i, cf in enumerate(found)]}


def _joinable(found: list[_Ceasefire], s: dict[str, Any], window: timedelta) -> _Ceasefire | None:
    for cf in reversed(found):
        if not (s["parties"] <= cf.parties or cf.parties <= s["parties"]):
            continue
        if s["date"] - cf.last > window:
            continue
        if cf.status == "collapsed" and s["status"] not in ("violated", "collapsed"):
            continue
        return cf
    return None


def _violations(con: duckdb.DuckDBPyConnection, rel: str, where: str, params: list[Any],
                found: list[_Ceasefire], window: timedelta) -> dict[int, list[dict[str, Any]]]:
    """Violent events by the parties inside each started ceasefire's window, one per cluster."""
    spec = []
    for i, cf in enumerate(found):
        if cf.started is None:
            continue
        stop = cf.last + window
        for later in found[i + 1:]:  # cut short by the next ceasefire of overlapping parties
            if later.parties & cf.parties and later.first > cf.started:
                stop = min(stop, later.first - timedelta(days=1))
                break
        cf.window_end = stop
        spec.append({"cid": i, "parties": sorted(cf.parties), "start": cf.started, "stop": stop})
    if not spec:
        return {}
    facts = ", ".join(f"'{x}'" for x in NOT_EVIDENCE)
    rows = _rows(con.execute(
        f"""WITH c AS (SELECT unnest(CAST(? AS STRUCT(cid INTEGER, parties VARCHAR[], start DATE, stop DATE)[]),
                                     recursive := true)),
        ev AS (SELECT e.event_id, e.event_date AS date, e.cluster_no, e.cf_src, e.cf_tgt, e.cf_collapse AS collapse,
                      e.sentence, e.doc_id, e.doc_title, e.published, e.factuality, e.cameo_code, e.trigger_text
               FROM {rel} e WHERE e.cf_violate AND e.factuality = 'asserted' AND e.event_date IS NOT NULL
                                  AND e.factuality NOT IN ({facts}) AND {where})
        SELECT c.cid, ev.* FROM ev JOIN c ON ev.date > c.start AND ev.date <= c.stop
        WHERE (list_contains(c.parties, ev.cf_src) AND (len(c.parties) = 1 OR ev.cf_tgt IS NULL
                                                     OR list_contains(c.parties, ev.cf_tgt)))
           OR (len(c.parties) = 1 AND list_contains(c.parties, ev.cf_tgt))
        ORDER BY c.cid, ev.date, ev.event_id""", [spec, *params]))
    out: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.pop("cid"), []).append(r)
    return out


def _report(i: int, cf: _Ceasefire, window_violations: list[dict[str, Any]], settings: CeasefireSettings,
            max_ids: int) -> dict[str, Any]:
    # violations: reported ones (196 evidence) and those found in the window, one per cluster
    seen: set[Any] = set()
    viol: list[dict[str, Any]] = []
    for v in sorted([*(e for e in cf.evidence if e["kind"] == "violate"), *window_violations],
                    key=lambda v: (v["date"], v["event_id"])):
        if v["cluster_no"] not in seen:
            seen.add(v["cluster_no"])
            viol.append(v)
    # the history again, in date order, with the violations' steps among the evidence's
    k = settings.collapse_violations
    steps = [(e["date"], RANK[e["status"]], e["event_id"], e["status"], e, None) for e in cf.evidence]
    for n, v in enumerate(viol, 1):
        steps.append((v["date"], RANK["violated"], v["event_id"], "violated", v, None))
        if v["collapse"]:
            steps.append((v["date"], RANK["collapsed"], v["event_id"], "collapsed", v, None))
        elif n == k:
            steps.append((v["date"], RANK["collapsed"], v["event_id"], "collapsed", v,
                          f"violation number {k} (collapse_violations)"))
    cf.history = []
    for _, _, _, status, ev, reason in sorted(steps, key=lambda x: x[:3]):
        cf.step(status, ev, reason)
    collapsed = next((h["date"] for h in cf.history if h["status"] == "collapsed"), None)
    first = cf.evidence[0]
    return {
        "ceasefire_id": first["event_id"], "parties": sorted(cf.parties), "status": cf.status,
        "first_date": cf.first, "last_evidence": cf.last, "declared": cf.started,
        "declarations": [e["event_id"] for e in cf.evidence if e["status"] in ("agreed", "in_force")][:max_ids],
        "evidence_ids": [x for e in cf.evidence for x in e["event_ids"]][:max_ids],
        "sentence": first["sentence"], "history": cf.history,
        "violations": len(viol), "violation_ids": [v["event_id"] for v in viol][:max_ids],
        "first_violation": viol[0]["date"] if viol else None, "collapsed_on": collapsed, "window_end": cf.window_end,
    }
