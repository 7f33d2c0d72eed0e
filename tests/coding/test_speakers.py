"""Who speaks and who acts in what is said (issue 11): a first-person pronoun in a quotation is
its speaker; a pronoun in the next sentence continues the subject before it.

Every sentence here is written by the detente authors to show one phenomenon; none comes
from a dev set. Events are compared as (CAMEO code, source code, target code, factuality).
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,expected", [
    ("“We condemn this cowardly attack in the strongest terms,” said the Egyptian foreign ministry.",
     ("111", "EGYGOV", None, "asserted")),
    ("“We have decided to recall our ambassador from Moscow,” the Lithuanian foreign minister told reporters.",
     ("161", "LTUGOV", "RUSGOV", "asserted")),
    ("“Our position has not changed: we reject the plan,” a Palestinian official said.",
     ("127", "PSEGOV", None, "asserted")),
])
def test_we_in_a_quotation_is_its_speaker(code_text, text, expected):
    events = code_text(text, "2018-03-01")
    assert expected in triples(events)
    assert all(e.source.actor.how == "coref:speaker" for e in events if e.cameo_code == expected[0])


@pytest.mark.parametrize("text,expected", [
    ("Macron met Trump at the White House on Tuesday. He later criticised the US tariffs.",
     ("111", "FRAGOV", "USA", "asserted")),
    ("Netanyahu met Putin in Moscow. He urged Putin to curb Iran's presence in Syria.",
     ("020", "ISRGOV", "RUSGOV", "asserted")),
])
def test_he_continues_the_last_subject(code_text, text, expected):
    assert expected in triples(code_text(text, "2018-05-10"))
