"""Common news expressions the event lexicon was missing or coded wrongly.

Every sentence is written by the detente authors to show one expression; none comes from a
dev set or gold standard. Each case gives an event expected among the coded events as
(CAMEO code, source code, target code, factuality).
"""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow


CASES = [
    # fighting alongside someone is military cooperation with them (062); with an enemy named
    # ("against", or the verb's object) it is fighting that enemy (190)
    ("Two Danish volunteers fought alongside Kurdish militias in Syria.", ("062", "DNK", "SYRUAF", "asserted")),
    ("Two Danish volunteers fought alongside Kurdish militias against Isis.", ("190", "DNK", "IMGISI", "asserted")),
    ("Danish volunteers went to Syria to fight Isis alongside Kurdish militias.", ("190", "DNK", "IMGISI", "asserted")),
    # attributing an attack to someone accuses them of it (112)
    ("Britain attributed the poisoning to Russia.", ("112", "GBR", "RUS", "asserted")),
    # pressuring someone (to do something) presses a demand on them (100)
    ("Beijing pressured Manila to drop its arbitration case.", ("100", "CHNGOV", "PHLGOV", "asserted")),
    ("The Chinese government has been pressuring Taiwan to accept the deal.", ("100", "CHNGOV", "TWN", "asserted")),
    ("The European Union put pressure on Belarus over the crackdown.", ("100", "IGOEUR", "BLR", "asserted")),
    # calling off or ending a labour or hunger strike eases dissent (082), not a military de-escalation
    ("Kenyan nurses called off a five-day strike on Friday.", ("082", "KENHLH", None, "asserted")),
    ("Argentine unions suspended their general strike after talks with the government.",
     ("082", "ARGLAB", None, "asserted")),
    ("The jailed Bahraini activist ended his hunger strike.", ("082", "BHROPP", None, "asserted")),
    # ... while calling off air strikes stays military de-escalation
    ("The Pentagon called off air strikes on Syrian targets.", ("087", "USAMIL", "SYR", "asserted")),
    # a rally against the government is a protest (141), not rallying others against it (113)
    ("Georgian opposition supporters rallied in Tbilisi against the government.",
     ("141", "GEOOPP", "GEOGOV", "asserted")),
    # forcing, ordering, throwing or kicking a foreign presence out (166x, 161)
    ("Eritrea ordered the aid agency out of the country.", ("1663", "ERI", None, "asserted")),
    ("Burundi forced the African Union peacekeepers out of the country.", ("1661", "BDI", "IGOAFR", "asserted")),
    ("North Korea threw the nuclear inspectors out in 2009.", ("1662", "PRK", None, "asserted")),
    ("Chad kicked the French ambassador out.", ("161", "TCD", "FRAGOV", "asserted")),
    # putting someone under investigation (090): the person is the target
    ("Italian prosecutors put the Turkish businessman under investigation.", ("090", "ITAJUD", "TURBUS", "asserted")),
    ("French police placed the Algerian diplomat under investigation.", ("090", "FRACOP", "DZAGOV", "asserted")),
    # handing over relief goods is delivered aid (073)
    ("German volunteers handed over blankets and tents to flood victims in Pakistan.",
     ("073", "DEU", None, "asserted")),
    # sums of money given or provided are economic aid (071)
    ("Japan gave Kenya 20 million dollars for road projects.", ("071", "JPN", "KEN", "asserted")),
    ("Norway provided Malawi with 5 million dollars for schools.", ("071", "NOR", "MWI", "asserted")),
    # ending one's mediation efforts halts mediation (165)
    ("Qatar ended its mediation efforts between Sudan and Chad.", ("165", "QAT", "SDN", "asserted")),
    # the side that begins, completes or speeds up a withdrawal is its source (0874)
    ("The United States accelerated the withdrawal of its troops from Iraq.", ("0874", "USA", "IRQ", "asserted")),
    ("Russia completed the withdrawal of its forces from Georgia.", ("0874", "RUS", "GEO", "asserted")),
    # organizing a strike or boycott is conducting one (143)
    ("Nepalese opposition parties organized a general strike on Monday.", ("143", "NPLOPP", None, "asserted")),
    # cancelling a ban or restrictions eases administrative sanctions (081)
    ("The Latvian government cancelled restrictions on foreign journalists.", ("081", "LVAGOV", None, "asserted")),
    # returning seized weapons returns property (0842)
    ("Liberian rebels returned the weapons they had captured from the army.", ("0842", "LBRREB", None, "asserted")),
    # being opposed to something is opposing it (110): the subject holds the stance, no passive
    ("Turkey is opposed to a Russian deployment in Syria.", ("110", "TUR", "RUS", "asserted")),
    ("Egypt was opposed to the Ethiopian dam project.", ("110", "EGY", "ETH", "asserted")),
    # ... and opposing what one may reject is rejecting it (12x), in either form
    ("Egypt is opposed to Turkish mediation between Israel and Hamas.", ("126", "EGY", "TUR", "asserted")),
    ("Russia opposes Turkish mediation.", ("126", "RUS", "TUR", "asserted")),
    ("Turkey is opposed to the Russian plan.", ("127", "TUR", "RUS", "asserted")),
    # attributing a deed to someone accuses them of it (112): the accused follows "to"
    ("Ukrainian investigators attributed the pipeline blast to Russian saboteurs.", ("112", "UKR", "RUS", "asserted")),
    # attending or joining a rally is protesting (141)
    ("Hundreds of Kenyan teachers attended a rally against the education ministry.", ("141", "KENEDU", None, "asserted")),
    # a tweet is a public statement (010), as a verb or a noun
    ("The Brazilian president tweeted that the vote had been fair.", ("010", "BRAGOV", None, "asserted")),
    ("Macron's angry tweet drew a sharp reply.", ("010", "FRAGOV", None, "asserted")),


    # renewing negotiations negotiates (046), each side with the other
    ("Greece and Turkey renewed negotiations on the disputed islands.", ("046", "GRC", "TUR", "asserted")),
    # giving or extending a (warm) welcome to a visitor hosts him (043)
    ("Chancellor Merkel gave a warm welcome to the Chinese premier.", ("043", "DEUGOV", "CHNGOV", "asserted")),
    ("The Kenyan president extended a warm welcome to the Ugandan foreign minister.",
     ("043", "KENGOV", "UGAGOV", "asserted")),
    # reducing food supplies reduces humanitarian aid (1623)
    ("The World Food Programme reduced food supplies to a refugee camp in Kenya.",
     ("1623", "IGOWFP", "KENREF", "asserted")),
    # denying a request, an approval or an allocation refuses it (120)
    ("The Egyptian government denied approval for the new port.", ("120", "EGYGOV", None, "asserted")),
    # blocking transport obstructs, like blocking roads (144)
    ("Striking farmers in France blocked transport into Paris.", ("144", "FRAAGR", "FRA", "asserted")),
    # withdrawing a peacekeeping force withdraws peacekeepers (1661), not troops in retreat (0874)
    ("Nigeria withdrew its peacekeeping force from Liberia.", ("1661", "NGA", "LBR", "asserted")),
    # an attempt to assassinate that was made is an attempted assassination (185), of the
    # complement's object
    ("Gunmen tried to assassinate the governor of Kano on Sunday.", ("185", "NGAUAF", "NGA", "asserted")),
    ("The rebels said they attempted to assassinate the Chadian defence minister.",
     ("185", "TCDREB", "TCDGOVMIL", "asserted")),
    # a count or measure is not what the verb acts on: the thing measured is the object
    ("Japanese doctors handed over 500 kg of medicine to the Red Cross in Nepal.",
     ("073", "JPNHLH", "NGOIRC", "asserted")),
    ("The European Union suspended part of its budget aid for Mali.", ("162", "IGOEUR", "MLI", "asserted")),
    # those who come somewhere for talks or a rally hold them
    ("Indian and Chinese diplomats return to Beijing this week for talks on the border.",
     ("046", "INDGOV", "CHNGOV", "asserted")),
    ("Thousands of Chileans gathered in Santiago for a rally against the new tax law.",
     ("141", "CHL", None, "asserted")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_lexicon_gap(code_text, text, expected):
    got = triples(code_text(text, "2018-03-01"))
    assert expected in got, got


# A pattern's object is the verb's direct object (or the object of a preposition the pattern
# names): the object of any other preposition is no object of the pattern.
PREPOSITIONAL_NOT_OBJECT = [
    # "stop ~strike": the strike is where the work stopped, not what was stopped
    ("Polish dockworkers stopped work in a strike over wages.", "087"),
    # "take ~town": "took refuge in the town" takes no town
    ("Chadian rebel leaders took refuge in the Libyan town of Kufra.", "192"),
]

NAMED_PREPOSITION = [
    # ... so a pattern names the preposition its object follows
    ("Jordan and Singapore agreed upon a free-trade pact.", ("057", "JOR", "SGP", "asserted")),
]


@pytest.mark.parametrize("text,code", PREPOSITIONAL_NOT_OBJECT, ids=[c[0][:45] for c in PREPOSITIONAL_NOT_OBJECT])
def test_prepositional_object_is_no_pattern_object(code_text, text, code):
    got = triples(code_text(text, "2018-03-01"))
    assert not any(t[0] == code for t in got), got


@pytest.mark.parametrize("text,expected", NAMED_PREPOSITION, ids=[c[0][:45] for c in NAMED_PREPOSITION])
def test_pattern_names_the_preposition_of_its_object(code_text, text, expected):
    got = triples(code_text(text, "2018-03-01"))
    assert expected in got, got
