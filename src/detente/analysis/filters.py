"""One set of event filters shared by every analysis, the REST API, the dashboard, the
report and the CLI's ``events`` command.

``parse_filters(...)`` reads them as a user types them (URL query values, CLI options:
``factuality=negated,future``, ``quad=1,4``, ``since=2016-01-01``) with the same names,
defaults (asserted events only) and one-line errors everywhere (``FilterError``: 422 in
the API, exit 2 in the CLI). ``Filters.where()`` turns them into a SQL predicate with
positional ``?`` parameters; no user-supplied value is ever formatted into SQL text.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from detente.errors import DetenteError
from detente.model import FACTUALITY_VALUES

ACTOR_RE = re.compile(r"^[A-Z0-9]{1,32}$")
CODE_RE = re.compile(r"^[0-9]{2,4}$")
INTERVALS = ("day", "week", "month", "quarter", "year")


MAX_LENGTH = {"place": 100, "q": 200, "doc_id": 256}

# What each filter means: the CLI's option help and the API's parameter descriptions.
FILTER_HELP = {
    "actor": "CAMEO actor code prefix on either side, e.g. RUS, RUSGOV, IGOUNO",
    "dyad": "SOURCE,TARGET actor code prefixes, e.g. RUS,USA (directed)",
    "undirected": "the dyad also matches TARGET -> SOURCE",
    "code": "CAMEO event code prefix, e.g. 19, 195, 0871",
    "root": "CAMEO root, 01 to 20",
    "quad": "QuadClasses, comma-separated: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict",
    "factuality": "asserted (the default: only asserted events happened), any, or a comma list of "
                  + ", ".join(FACTUALITY_VALUES),
    "since": "first event date, YYYY-MM-DD (inclusive)",
    "until": "last event date, YYYY-MM-DD (inclusive)",
    "place": "ISO-3 country of the event's place, or part of its name",
    "q": "text the evidence sentence contains (case-insensitive)",
    "doc_id": "events of one document",
}


class FilterError(DetenteError, ValueError):
    """A filter value that cannot be used (bad actor code, unknown factuality...)."""


def _actor(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    v = value.strip().upper()
    if not ACTOR_RE.match(v):
        raise FilterError(f"actor {value!r}: use an actor code of letters and digits (at most 32), e.g. RUS or RUSGOV")
    return v


def parse_dyad(value: str | tuple[str, str] | None) -> tuple[str, str] | None:
    """'RUS,USA' (or 'RUS-USA', or a pair) -> ('RUS', 'USA')."""
    if value is None or value == "":
        return None
    parts = re.split(r"[,\-\s>]+", value.strip()) if isinstance(value, str) else list(value)
    parts = [p for p in parts if p]
    if len(parts) != 2:
        raise FilterError(f"dyad {value!r}: give two actor codes, e.g. RUS,USA")
    return (_actor(parts[0]), _actor(parts[1]))  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events an analysis looks at. Every field is optional.

    actor       CAMEO actor code prefix on either side ("RUS" matches RUSGOV, RUSMIL)
    dyad        (source prefix, target prefix); ``undirected`` also matches target->source
    code        CAMEO event code prefix ("19", "195", "0871")
    root        CAMEO root ("04", "19")
    quad_class  QuadClasses to keep (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)
    factuality  factuality values to keep; default asserted only; None keeps all
    since/until event_date range, inclusive
    place       ISO-3 country of the location, or part of the location name
    q           case-insensitive text that the evidence sentence contains
    doc_id      events of one document
    """

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    undirected: bool = False
    code: str | None = None
    root: str | None = None
    quad_class: tuple[int, ...] = ()
    factuality: tuple[str, ...] | None = ("asserted",)
    since: date | None = None
    until: date | None = None
    place: str | None = None
    q: str | None = None
    doc_id: str | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "actor", _actor(self.actor))
        set_(self, "dyad", parse_dyad(self.dyad))
        if self.code is not None and self.code != "":
            if not CODE_RE.match(str(self.code)):
                raise FilterError(f"code {self.code!r}: use a CAMEO event code prefix of 2 to 4 digits, e.g. 19 or 0871")
        else:
            set_(self, "code", None)
        if self.root is not None and self.root != "":
            r = str(self.root).zfill(2)
            if not (r.isdigit() and len(r) == 2 and 1 <= int(r) <= 20):
                raise FilterError(f"root {self.root!r}: use a CAMEO root, 01 to 20")
            set_(self, "root", r)
        else:
            set_(self, "root", None)
        quads = tuple(sorted({int(x) for x in self.quad_class}))
        if any(x not in (1, 2, 3, 4) for x in quads):
            raise FilterError(f"quad {','.join(map(str, quads))!r}: use 1, 2, 3 or 4, comma-separated, e.g. 1,4")
        set_(self, "quad_class", quads)
        if self.factuality is not None:
            facts = (self.factuality,) if isinstance(self.factuality, str) else tuple(self.factuality)
            facts = tuple(f.strip().lower() if isinstance(f, str) else f for f in facts)
            if not facts:
                raise FilterError(f"factuality: give one of {', '.join(FACTUALITY_VALUES)} or any")
            if any(f in ("any", "all", "*") for f in facts):
                facts = None
            elif bad := [f for f in facts if f not in FACTUALITY_VALUES]:
                raise FilterError(f"factuality {bad[0]!r}: use one of {', '.join(FACTUALITY_VALUES)} or any")
            set_(self, "factuality", facts)
        for name in ("place", "q", "doc_id"):
            v = getattr(self, name)
            set_(self, name, v.strip() if isinstance(v, str) and v.strip() else None)
            if getattr(self, name) and len(getattr(self, name)) > MAX_LENGTH[name]:
                raise FilterError(f"{name}: at most {MAX_LENGTH[name]} characters")
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since {self.since} is after until {self.until}")

    def replace(self, **changes: Any) -> Filters:
        return dataclasses.replace(self, **changes)

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """SQL predicate (never empty: 'TRUE' when nothing is filtered) and its parameters."""
        a = f"{alias}." if alias else ""
        cl: list[str] = []
        p: list[Any] = []
        if self.actor:
            cl.append(f"(starts_with({a}source_code, ?) OR starts_with({a}target_code, ?))")
            p += [self.actor, self.actor]
        if self.dyad:
            s, t = self.dyad
            fwd = f"(starts_with({a}source_code, ?) AND starts_with({a}target_code, ?))"
            if self.undirected:
                cl.append(f"({fwd} OR {fwd})")
                p += [s, t, t, s]
            else:
                cl.append(fwd)
                p += [s, t]
        if self.code:
            cl.append(f"starts_with({a}cameo_code, ?)")
            p.append(self.code)
        if self.root:
            cl.append(f"{a}cameo_root = ?")
            p.append(self.root)
        if self.quad_class:
            cl.append(f"{a}quad_class IN ({', '.join('?' for _ in self.quad_class)})")
            p += list(self.quad_class)
        if self.factuality is not None:
            cl.append(f"{a}factuality IN ({', '.join('?' for _ in self.factuality)})")
            p += list(self.factuality)
        if self.since:
            cl.append(f"{a}event_date >= ?")
            p.append(self.since)
        if self.until:
            cl.append(f"{a}event_date <= ?")
            p.append(self.until)
        if self.place:
            cl.append(f"({a}location_country = upper(?) OR contains(lower({a}location_name), lower(?)))")
            p += [self.place, self.place]
        if self.q:
            cl.append(f"contains(lower({a}sentence), lower(?))")
            p.append(self.q)
        if self.doc_id:
            cl.append(f"{a}doc_id = ?")
            p.append(self.doc_id)
        return (" AND ".join(cl) if cl else "TRUE"), p

    def to_query(self) -> dict[str, str]:
        """The filters as URL query parameters (the dashboard's and API's names)."""
        out: dict[str, str] = {}
        if self.actor:
            out["actor"] = self.actor
        if self.dyad:
            out["dyad"] = ",".join(self.dyad)
        if self.undirected:
            out["undirected"] = "true"
        for k in ("code", "root", "place", "q", "doc_id"):
            if getattr(self, k):
                out[k] = getattr(self, k)
        if self.quad_class:
            out["quad"] = ",".join(map(str, self.quad_class))
        out["factuality"] = ",".join(self.factuality) if self.factuality is not None else "any"
        if self.since:
            out["since"] = self.since.isoformat()
        if self.until:
            out["until"] = self.until.isoformat()
        return out


def _date(name: str, value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(f"{name} {value!r}: use a date YYYY-MM-DD") from None


def _quads(value: str | tuple[int, ...] | None) -> tuple[int, ...]:
    if value is None or value == "":
        return ()
    if not isinstance(value, str):
        return tuple(value)
    try:
        return tuple(int(x) for x in value.split(","))
    except ValueError:
        raise FilterError(f"quad {value!r}: use 1, 2, 3 or 4, comma-separated, e.g. 1,4") from None


def parse_filters(
    *,
    actor: str | None = None,
    dyad: str | None = None,
    undirected: bool | str = False,
    code: str | None = None,
    root: str | None = None,
    quad: str | tuple[int, ...] | None = None,
    factuality: str | tuple[str, ...] | None = "asserted",
    since: str | date | None = None,
    until: str | date | None = None,
    place: str | None = None,
    q: str | None = None,
    doc_id: str | None = None,
) -> Filters:
    """Filters from the values a user types (CLI options, URL query parameters).

    ``factuality`` is a comma list (or a tuple) of values, or ``any``; None means the
    default (asserted). Python values (dates, tuples) are taken as they are."""
    if isinstance(undirected, str):
        if undirected.lower() not in ("true", "false", "1", "0", "yes", "no", ""):
            raise FilterError(f"undirected {undirected!r}: use true or false")
        undirected = undirected.lower() in ("true", "1", "yes")
    if factuality is None:
        facts: tuple[str, ...] = ("asserted",)
    else:
        facts = tuple(factuality.split(",")) if isinstance(factuality, str) else tuple(factuality)
    return Filters(actor=actor, dyad=dyad, undirected=undirected, code=code, root=root,  # type: ignore[arg-type]
                   quad_class=_quads(quad), factuality=facts, since=_date("since", since),
                   until=_date("until", until), place=place, q=q, doc_id=doc_id)


def interval_sql(interval: str, column: str = "e.event_date") -> str:
    """date_trunc expression for a whitelisted interval (the part name is never user text)."""
    if interval not in INTERVALS:
        raise FilterError(f"interval {interval!r}: use one of {', '.join(INTERVALS)}")
    return f"CAST(date_trunc('{interval}', {column}) AS DATE)"
