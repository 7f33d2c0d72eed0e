"""Factuality, one class at a time: only `asserted` means it happened; the cue is kept."""
from __future__ import annotations

import pytest
from coded import triples

pytestmark = pytest.mark.slow

CASES = [
    # sentence, code of the event under test, expected factuality, expected cue
    ("Russia did not veto the resolution.", "129", "negated", "not"),
    ("Russia never vetoed the resolution.", "129", "negated", "never"),
    ("Russia refused to withdraw its forces from Aleppo.", "0874", "negated", "refused"),
    ("Russia would veto any resolution on Syria.", "129", "hypothetical", "would"),
    ("Russian troops have likely seized grain from the farms of Kherson.", "1711", "hypothetical", "likely"),
    ("If Turkey attacks, Russia could impose sanctions on Ankara.", "163", "hypothetical", "could"),
    ("Russia should withdraw its forces from Aleppo.", "0874", "normative", "should"),
    ("Russia must stop bombing Aleppo.", "195", "normative", "must"),
    ("Russia will host talks in Sochi next month.", "043", "future", "will"),
    ("Russia is preparing to host talks in Sochi.", "043", "future", "preparing"),
    ("Russia plans to withdraw its forces from Aleppo.", "0874", "future", "plans"),
    ("Turkey urged Russia to withdraw its forces from Aleppo.", "0874", "proposed", "urged"),
    ("Will Russia veto the resolution?", "129", "question", "?"),
    ("Did Turkey shoot down the Russian jet?", "190", "question", "?"),
    ("Why did Turkey shoot down the Russian jet in 2015?", "190", "asserted", None),  # asks why: it did
    ("Russia vetoed the resolution.", "129", "asserted", None),
    # a planned or threatened event that is carried out has happened; announcing it has not
    ("Russia mounted its long-threatened offensive on the town.", "190", "asserted", None),
    ("The army began its planned withdrawal from Kabul.", "0874", "asserted", None),
    ("The Syrian army announced a planned offensive on Idlib.", "190", "future", "planned"),
    # what talks are about is under negotiation, however the topic attaches
    ("Armenia and Azerbaijan resumed talks today on an Azerbaijani withdrawal from the border.", "0874",
     "proposed", "talks"),
    ("The two sides met after the Syrian withdrawal from Lebanon.", "0874", "asserted", None),
    # a past "before" clause happened, whatever the clause it hangs on ("not forget")
    ("Nobody will forget what Isis did before it seized Mosul.", "192", "asserted", None),
    # what a claim says, or a report that a doubt word qualifies, is alleged; a plain report is the news
    ("There are allegations that Eritrean troops shelled the camp.", "194", "alleged", "allegations"),
    ("Unverified reports that Eritrean troops shelled the camp spread on Monday.", "194", "alleged", "reports"),
    ("There were reports that Eritrean troops shelled the camp.", "194", "asserted", None),
    # an adverb that reports the deed as a claim; "reportedly" is how news reports the news
    ("Islamic State militants allegedly executed 20 civilians in Raqqa.", "180", "alleged", "allegedly"),
    ("Syrian troops reportedly shelled the town of Douma.", "194", "asserted", None),
    # what someone believes or suspects was done, a doubted report, a claim the sentence says
    # was denied: alleged
    ("Ethiopian troops are believed to have killed dozens of civilians in Tigray.", "190", "alleged", "believed"),
    ("It is believed that militants killed the hostages.", "180", "alleged", "believed"),
    ("Unconfirmed reports said Egyptian warplanes had struck targets in eastern Libya.", "190", "alleged",
     "Unconfirmed"),
    ("Iran said Israeli jets had attacked its forces in Syria, a claim Israel denied.", "190", "alleged", "claim"),
    # the purpose of a trip is as real as the trip
    ("Mr Trump will travel to Singapore next month for a summit with Kim Jong Un.", "040", "future", "will"),
    ("Erdogan arrived in Moscow on Monday for talks with Putin.", "046", "asserted", None),
]


@pytest.mark.parametrize("text,code,fact,cue", CASES, ids=[c[0][:40] for c in CASES])
def test_factuality_class(code_text, text, code, fact, cue):
    evs = [e for e in code_text(text, "2016-10-10") if e.cameo_code == code]
    assert evs, f"no {code} event"
    assert {(e.factuality, e.factuality_cue) for e in evs} == {(fact, cue)}


def test_plan_contents_are_proposals_not_events(code_text):
    evs = code_text("The plan calls for Russia and Turkey to carry out joint patrols in Idlib.", "2017-05-25")
    assert evs and all(e.factuality != "asserted" for e in evs if e.cameo_root == "06")


def test_voting_for_a_resolution_is_asserted_but_its_content_is_not(code_text):
    evs = code_text("India voted for the resolution condemning Syria.", "2012-02-05")
    assert [(e.source.actor.code, e.factuality) for e in evs if e.trigger.text == "voted"] == [("IND", "asserted")]
    assert not [e for e in evs if e.cameo_root == "11" and e.factuality == "asserted"]


def test_noun_events_are_presupposed(code_text):
    evs = code_text("The Russian veto should have convinced Washington.", "2016-10-10")
    assert [(e.cameo_code, e.source.actor.code, e.factuality) for e in evs if e.cameo_code == "129"] == [
        ("129", "RUS", "asserted")]


# An existential "there be" says the event exists: the "be" clause's modality is the event's.
EXISTENTIAL = [
    ("There will be a Turkish offensive against Kurdish militias in Afrin.", "190", "TUR", "future"),
    ("There could be Israeli air strikes on Gaza.", "195", "ISR", "hypothetical"),
    ("There is going to be a Russian offensive in Idlib.", "190", "RUS", "future"),
    ("There will be no Turkish offensive in Afrin.", "190", "TUR", "negated"),
    ("There were Israeli air strikes on Gaza.", "195", "ISR", "asserted"),
]


@pytest.mark.parametrize("text,code,source,fact", EXISTENTIAL, ids=[c[0][:40] for c in EXISTENTIAL])
def test_existential_there_takes_the_modality_of_be(code_text, text, code, source, fact):
    evs = [e for e in code_text(text, "2018-01-10") if e.cameo_code == code]
    assert [(e.source.actor.code, e.factuality) for e in evs] == [(source, fact)]


def test_progressive_going_to_is_future(code_text):
    evs = [e for e in code_text("Russia is going to veto the resolution.", "2018-01-10") if e.cameo_code == "129"]
    assert [(e.source.actor.code, e.factuality) for e in evs] == [("RUS", "future")]


def test_about_to_is_imminent_not_done(code_text):
    # "is about to" says what is imminent, not what happened; a forecast, so no intent
    evs = code_text("Peru is about to restore diplomatic relations with Chile.", "2018-01-10")
    assert [(e.cameo_code, e.source.actor.code, e.target.actor.code, e.factuality) for e in evs] == [
        ("050", "PER", "CHL", "future")]


# An end point ("until ...") is still to come under a clause still to come, or in the
# present tense; under a past clause it happened.
UNTIL = [
    ("Somali rebels have vowed to continue fighting until they gain control of the port.", "192", "future"),
    ("Yemeni rebels said they would not stop until they seize Aden.", "192", "future"),
    ("Hamas will continue firing rockets until Israel lifts the blockade.", "0872", "future"),
    ("Kurdish fighters are fighting until they take the town.", "192", "future"),
    ("The Syrian army did not stop until it captured the town.", "192", "asserted"),
    ("The Syrian army fought until it captured the town.", "192", "asserted"),
]


@pytest.mark.parametrize("text,code,fact", UNTIL, ids=[c[0][:40] for c in UNTIL])
def test_until_clause(code_text, text, code, fact):
    evs = [e for e in code_text(text, "2018-01-10") if e.cameo_code == code]
    assert evs and {e.factuality for e in evs} == {fact}


# A noun event as object of a verb under a modal has not thereby happened ("will no longer
# tolerate protests"), unless the verb judges or answers a deed ("will condemn the bombing").
MODAL_OBJECT = [
    ("Iran warned that its police will no longer tolerate protests by students.", "141", "IRNEDU", "future"),
    ("The government warned that it will not tolerate demonstrations by opposition supporters.", "141", "OPP",
     "negated"),
    ("Ankara will condemn the Russian bombing of the hospital.", "195", "RUS", "asserted"),
    ("Moscow will not condemn the Turkish bombing of Afrin.", "195", "TUR", "asserted"),
    ("Ankara condemned the Russian bombing of the hospital.", "195", "RUS", "asserted"),
]


@pytest.mark.parametrize("text,code,source,fact", MODAL_OBJECT, ids=[c[0][:40] for c in MODAL_OBJECT])
def test_object_of_a_modal_verb(code_text, text, code, source, fact):
    evs = code_text(text, "2018-01-10")
    assert [(e.source.actor.code, e.factuality) for e in evs if e.cameo_code == code] == [(source, fact)]
    assert not [e for e in evs if e.cameo_root == "13"]  # the protesters threaten nobody


# A copular predicate says what its event-noun subject is: ruled out, possible, on the table.
SUBJECT_PREDICATE = [
    ("A Turkish withdrawal is out of the question, the minister said.", "0874", "TUR", "negated"),
    ("The Greek foreign minister said a Turkish withdrawal is impossible.", "0874", "TUR", "negated"),
    ("Erdogan said a Turkish withdrawal from Syria is not an option.", "0874", "TUR", "negated"),
    ("A Russian ceasefire in Idlib remains off the table.", "0871", "RUS", "negated"),
    ("A Russian withdrawal from Syria is possible.", "0874", "RUS", "hypothetical"),
    ("A Russian withdrawal from Syria is not impossible.", "0874", "RUS", "hypothetical"),
    ("The Russian withdrawal from Syria was a surprise.", "0874", "RUS", "asserted"),
]


@pytest.mark.parametrize("text,code,source,fact", SUBJECT_PREDICATE, ids=[c[0][:40] for c in SUBJECT_PREDICATE])
def test_subject_predicate(code_text, text, code, source, fact):
    evs = [e for e in code_text(text, "2018-01-10") if e.cameo_code == code]
    assert [(e.source.actor.code, e.factuality) for e in evs] == [(source, fact)]


# Saying one's own side's act is out of the question refuses it; another side's, or nobody's
# saying, refuses nothing.
RULED_OUT = [
    ("The Turkish defence minister said a Turkish withdrawal is out of the question.", [("1246", "TUR")]),
    ("Erdogan said a Turkish withdrawal from Syria is not an option.", [("1246", "TUR")]),
    ("The Greek foreign minister said a Turkish withdrawal is impossible.", []),
    ("A Russian ceasefire in Idlib remains off the table.", []),
]


@pytest.mark.parametrize("text,expected", RULED_OUT, ids=[c[0][:40] for c in RULED_OUT])
def test_ruling_out_ones_own_act_refuses_it(code_text, text, expected):
    evs = code_text(text, "2018-01-10")
    assert [(e.cameo_code, e.source.actor.code) for e in evs
            if e.cameo_root == "12" and e.factuality == "asserted"] == expected


def test_whether_before_a_trailing_report_belongs_to_the_reported_words(code_text):
    # "..., an official said": the "whether" opens the reported words, the report is asserted
    evs = code_text("The Kenyan cabinet has opened talks with the unions about whether a new tax is the right answer "
                    "to the budget gap, a senior official said on Monday.", "2021-05-20")
    said = [e for e in evs if e.cameo_code == "010" and e.trigger.text == "said"]
    assert said and {e.factuality for e in said} == {"asserted"}


@pytest.mark.parametrize("text,expected", [
    # a subject opened by "neither" or "no" negates its own clause ...
    ("Neither Russia nor China supported the resolution.",
     {("051", "RUS", None, "negated"), ("051", "CHN", None, "negated")}),
    # ... not a clause beside it with a subject of its own
    ("No proposal has emerged and British officials have stressed they will not send troops.",
     {("010", "GBRGOV", None, "asserted"), ("154", "GBRGOV", None, "negated")}),
    # an indefinite event noun under "would" is supposed; a possessed one is real
    ("A Chinese blockade of Taiwan would disrupt global supply chains.", {("191", "CHN", "TWN", "hypothetical")}),
    ("France's refusal to repatriate children would be in breach of the law.", {("120", "FRA", None, "asserted")}),
])
def test_negated_subjects_and_supposed_events(code_text, text, expected):
    assert triples(code_text(text, "2019-03-14")) == expected
