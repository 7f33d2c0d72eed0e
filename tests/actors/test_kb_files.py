"""User actor files (`--kb my.yaml`): adding and overriding knowledge-base entries."""
from __future__ import annotations

from datetime import date

import pytest

from detente.actors.kb import build_kb

USER_YAML = """\
people:
  - id: jeffrey-kupfer
    name: Jeffrey Kupfer
    surname: Kupfer
    country: USA
    gender: m
    roles:
      - {title: Deputy Secretary of Energy, code: USAGOV, start: 2006-03-01, end: 2009-01-20, approx: true}
groups:
  - id: hts                      # the bundled entry's id: replaces it
    code: SYRREB
    name: Hayat Tahrir al-Sham
    aliases: [HTS, Tahrir al-Sham]
    country: SYR
    sector: REB
    periods:
      - {start: "2025-01-29", code: SYRGOV}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "my.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    return build_kb([path])


def test_new_person(kb):
    (kupfer,) = kb.lookup("Jeffrey Kupfer")
    assert kupfer.id == "person:jeffrey-kupfer"
    assert kupfer.role_on(date(2008, 6, 1)).code == "USAGOV"
    assert kb.surnames["kupfer"] == [kupfer]


def test_same_id_overrides(kb):
    (hts,) = kb.lookup("HTS")
    assert hts.id == "group:hts" and kb.entries["group:hts"] is hts
    assert hts.role_on(date(2025, 1, 15)) is None  # the user's period starts 2025-01-29
    assert hts.role_on(date(2025, 2, 1)).code == "SYRGOV"


def test_bundled_entries_stay(kb):
    assert kb.lookup("Vladimir Putin")[0].id == "person:vladimir-putin"
    assert kb.lookup("Hezbollah")[0].code == "LBNUAF"


def test_override_leaves_no_stale_alias(kb):
    old_alias = kb.lookup("Levant Liberation Committee")
    assert all(e is kb.entries[e.id] for e in old_alias)
