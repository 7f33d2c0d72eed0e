"""Whose arrest a grievance is about (issue 11, coding/grievances.py): a complaint, protest or
summons "over" an arrest or detention is addressed to the state that made it.

Every sentence here is written by the detente authors to show one phenomenon; none comes
from a dev set. Events are compared as (CAMEO code, source code, target code, factuality).
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,expected", [
    ("Kenya's government lodged a formal protest with Uganda over the detention of Kenyan fishermen.",
     ("173", "UGA", "KEN", "asserted")),
    ("Beijing summoned the Canadian ambassador over the arrest of a Huawei executive.",
     ("173", "CANGOV", None, "asserted")),
])
def test_the_arrest_a_grievance_is_over_was_made_by_its_addressee(code_text, text, expected):
    events = code_text(text, "2018-12-10")
    assert expected in triples(events)
    assert all("src=grievance-target" in e.rule for e in events if e.cameo_code == "173")


def test_an_arrest_with_an_author_keeps_it(code_text):
    events = code_text("Kenya protested to Uganda over the arrest of Kenyan fishermen by Tanzanian police.",
                       "2018-12-10")
    assert {e.source.actor.code for e in events if e.cameo_code == "173"} == {"TZACOP"}
