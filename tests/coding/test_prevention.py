"""Prevention: in "X banned Y from holding rallies" Y would have held the rallies, and did not.

Sentences written by the detente authors. Each case: the events of the prevented act as
(CAMEO code, source code, target code, factuality), and that none of them is asserted.
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,trigger,expected", [
    ("Belarusian authorities banned opposition parties from holding rallies.", "rallies",
     {("141", "BLROPP", None, "negated")}),
    ("A Turkish court prohibited Kurdish activists from protesting in Istanbul.", "protesting",
     {("141", "TUROPP", "TUR", "negated")}),  # a protest in its own country targets it
    ("Georgian police prevented opposition protesters from holding a rally.", "rally",
     {("141", "GEOOPP", None, "negated")}),
])
def test_the_object_would_have_done_it_and_did_not(code_text, text, trigger, expected):
    evs = [e for e in code_text(text, "2021-03-01") if e.trigger.text == trigger]
    assert triples(evs) == expected


def test_the_preventer_keeps_its_own_act(code_text):
    evs = code_text("Belarusian authorities banned opposition parties from holding rallies.", "2021-03-01")
    assert ("1722", "BLRGOV", "BLROPP", "asserted") in triples(e for e in evs if e.trigger.text == "banned")
