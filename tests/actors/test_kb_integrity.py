"""The bundled actor files hold together: every person has a unique id across the files (a
repeated id would silently replace the first entry), a known country, role codes made of
known country or organisation codes, and role dates in order; and no name is shared by two
people holding different roles at the same time (it would resolve to either)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from detente.actors.kb import _date, build_kb, normalize

FOLDER = Path(str(resources.files("detente.data").joinpath("actors")))
PEOPLE_FILES = sorted(FOLDER.glob("people_*.yaml"))
ORG_TYPES = ("IGO", "NGO", "IMG")


def _people() -> list[tuple[str, dict]]:
    out = []
    for path in PEOPLE_FILES:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or ():
            out.append((path.name, item))
    return out


PEOPLE = _people()


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    kb = build_kb()
    return {e.country for e in kb.entries.values() if e.kind == "country" and e.country}


def test_there_are_people_files():
    assert len(PEOPLE_FILES) >= 3 and len(PEOPLE) > 1000


def test_every_person_id_is_unique_across_files():
    seen: dict[str, str] = {}
    dupes = []
    for name, item in PEOPLE:
        pid = str(item.get("id") or normalize(item["name"]).replace(" ", "-"))
        if pid in seen:
            dupes.append(f"{pid} in {seen[pid]} and {name}")
        seen[pid] = name
    assert not dupes, dupes


def test_countries_codes_and_dates_are_valid(country_codes):
    bad = []
    for name, item in PEOPLE:
        who = f"{name}: {item.get('id')}"
        if item.get("country") not in country_codes:
            bad.append(f"{who}: country {item.get('country')!r}")
        for r in item.get("roles") or ():
            code = str(r.get("code", ""))
            if not (code[:3] in country_codes or code.startswith(ORG_TYPES)) or len(code) % 3:
                bad.append(f"{who}: role code {code!r}")
            start, end = _date(r.get("start")), _date(r.get("end"))
            if start is None or (end is not None and end < start):
                bad.append(f"{who}: dates {r.get('start')} .. {r.get('end')}")
    assert not bad, bad[:20]


def _spans(item: dict) -> list[tuple[date, date, str]]:
    return [(_date(r.get("start")), _date(r.get("end")) or date(9999, 1, 1), str(r["code"]))
            for r in item.get("roles") or ()]


def test_no_name_is_two_people_holding_different_roles_at_once():
    by_name: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for name, item in PEOPLE:
        for alias in {item["name"], *map(str, item.get("aliases") or ())}:
            by_name[normalize(alias)].append((name, item))
    clashes = []
    for alias, holders in by_name.items():
        for i, (_, a) in enumerate(holders):
            for _, b in holders[i + 1:]:
                if a.get("id") == b.get("id"):
                    continue
                if any(s1 <= e2 and s2 <= e1 and c1 != c2
                       for s1, e1, c1 in _spans(a) for s2, e2, c2 in _spans(b)):
                    clashes.append(f"{alias!r}: {a.get('id')} / {b.get('id')}")
    assert not clashes, clashes[:20]
