"""Evaluative reported speech (coding/evaluation.py): a statement whose content plainly faults
another actor is a criticism of it (111), one that plainly commends it is praise (051), in the
speaker's own voice; hedged, negated or unjudging content stays a plain statement (010).

Every sentence here is written by the detente authors; none comes from a dev set.
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


JUDGEMENTS = [
    # a judging adjective of an actor or of its deed: the deed's owner is criticised
    ("Germany said the Syrian regime was barbaric.", ("111", "DEU", "SYRGOV", "asserted")),
    ("The Dutch foreign minister said Moscow's annexation was illegal.", ("111", "NLDGOV", "RUSGOV", "asserted")),
    # a judging noun, the possessor of the subject is the one judged
    ("Beijing said Tokyo's decision to buy the islands was a grave mistake.", ("111", "CHNGOV", "JPNGOV", "asserted")),
    # a quote before the speaker, the author of the judged measure named by "by"
    ("\u201cThe tariffs imposed by Washington are a violation of trade rules,\u201d the Chinese commerce ministry said.",
     ("111", "CHNGOV", "USAGOV", "asserted")),
    # through a raising or choice verb, and "part of" the judging noun
    ("Iran said Saudi Arabia had chosen to be part of the problem in Yemen.", ("111", "IRN", "SAU", "asserted")),
    # "to blame", and "responsible for" a harm
    ("\u201cIsrael is to blame for the escalation,\u201d the Jordanian king said.", ("111", "JORGOV", "ISR", "asserted")),
    ("The Ukrainian president said Russia was responsible for the shelling of Mariupol and the deaths of civilians.",
     ("111", "UKRGOV", "RUS", "asserted")),
    # an expletive "it" stands for a clause whose doer is judged
    ("The Greek minister said it was a mistake for Britain to leave the deal.", ("111", "GRCGOV", "GBR", "asserted")),
    ("Pakistan said it was unacceptable that India had closed the border crossing.", ("111", "PAK", "IND", "asserted")),
    # describing an actor's deed as something judging
    ("The Cypriot president described Turkey's drilling as a violation of international law.",
     ("111", "CYPGOV", "TUR", "asserted")),
    ("Lavrov described Turkey's role as constructive.", ("051", "RUSGOV", "TUR", "asserted")),
    # praise
    ("Lavrov said China's mediation had been constructive and helpful.", ("051", "RUSGOV", "CHN", "asserted")),
    ("The Kenyan president said Ethiopia's help was welcome.", ("051", "KENGOV", "ETH", "asserted")),
]


def test_who_is_to_blame_blames_nobody(code_text):
    got = triples(code_text("\u201cIsrael is to blame for the escalation,\u201d the Jordanian king said."))
    assert not any(t[1] == "ISR" for t in got)
    assert not triples(code_text("The rebels are to blame for the famine."))


@pytest.mark.parametrize("text,expected", JUDGEMENTS)
def test_a_statement_that_judges_an_actor_is_a_criticism_or_praise_of_it(code_text, text, expected):
    got = triples(code_text(text))
    assert expected in got
    assert not any(t[0] == "010" and t[1] == expected[1] for t in got)  # not a plain statement beside it


PLAIN = [
    # hedged: a modal, a negation, a condition
    "Beijing said Tokyo's purchase of the islands would be a mistake.",
    "The German chancellor said the Turkish operation was not illegal.",
    "Merkel said Germany was not to blame for the crisis.",
    "The minister asked whether the Russian annexation was illegal.",
    # "responsible for" something that is no harm
    "The French president said Russia was responsible for security in the region.",
    # the judged thing is no actor and has no owner; a national adjective may only say where it is
    "The British minister said the Afghan war was a mistake.",
    "The French minister said the Libyan intervention was a disgrace.",
    # weak judging words judge only a named actor
    "The German minister said Russian gas was a problem.",
    "The Swedish minister said the Syrian refugees were welcome.",
    "The Egyptian foreign minister said the situation in Gaza was unacceptable.",
    # a clause where people only suffer, or a description of a thing that is no actor's
    "The UN envoy said it was unacceptable that civilians were dying in Idlib.",
    "Lavrov described the talks with Turkey as constructive.",
    # judging words that do not judge the subject ("the problem is that ...")
    "The Indian minister said the problem was that Pakistan had not replied.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_content_that_judges_no_actor_stays_a_statement(code_text, text):
    assert not any(e.cameo_code in ("111", "051") for e in code_text(text))


def test_the_speaker_judging_itself_is_no_criticism_or_praise(code_text):
    assert not any(e.cameo_code == "111" for e in code_text("Germany said Germany's response had been a mistake."))
    # a government speaks for its country
    assert not any(e.cameo_code == "051" for e in code_text(
        "Erdogan said Turkey's operation in Syria was a success."))


def test_a_speaker_guessed_to_be_of_the_judged_country_is_no_critic_of_it(code_text):
    # whose minister it is the text does not say: perhaps Iraq's own, so no criticism of Iraq
    assert not any(e.cameo_code == "111" for e in code_text(
        "The minister said it was unacceptable that Iraq had delayed the elections."))


def test_a_reported_judgement_keeps_the_speakers_factuality(code_text):
    # a statement that was not made, or is yet to be made, is a criticism not made or yet to come
    assert ("111", "GRC", "TUR", "negated") in triples(code_text("Greece did not say Turkey's drilling was illegal."))
    assert ("111", "GRC", "TUR", "future") in triples(
        code_text("Greece will say on Monday that Turkey's drilling is illegal."))
