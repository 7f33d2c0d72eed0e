"""Sources the knowledge base does not know but the text describes: a crowd named by its
size or its kind, a named group of a kind the text gives, a titled person, a name whose
appositive gives an organisation. Every sentence is our own."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _sources(evs, trigger):
    return [(e.cameo_code, e.source.actor.code if e.source else None) for e in evs if e.trigger.text == trigger]


def test_a_crowd_named_by_its_size_is_the_place_s_civilians(code_text):
    evs = code_text("Thousands marched in Lusaka on Saturday.", "2016-06-04")
    assert [c for _, c in _sources(evs, "marched")] == ["ZMBCVL"]


def test_people_in_custody_are_civilians_of_where_they_are_held(code_text):
    evs = code_text("Inmates rioted at a prison near Lusaka on Tuesday.", "2016-06-07")
    assert _sources(evs, "rioted") and _sources(evs, "rioted")[0][1] in ("CVL", "ZMBCVL")


def test_a_bare_kind_of_militant_keeps_its_sector(code_text):
    evs = code_text("Religious fundamentalists attacked a police post in Tunisia.", "2016-06-07")
    assert [c[:3] if c else c for _, c in _sources(evs, "attacked")] in (["RAD"], ["TUN"])
    evs = code_text("Computer hackers defaced dozens of Finnish government websites.", "2016-06-07")
    assert [c for _, c in _sources(evs, "defaced")] == ["CRM"]


def test_a_named_group_the_kb_lacks_takes_the_kind_its_modifier_gives(code_text):
    evs = code_text("The rebel Popular Liberation Front (PLF) announced on Sunday that it had freed the hostages.",
                    "2001-03-04")
    codes = [e.source.actor.code for e in evs if e.source is not None]
    assert codes and all(c.endswith("REB") for c in codes)


def test_an_unknown_name_takes_the_organisation_its_appositive_names(code_text):
    evs = code_text("Adel Mansouri, the United Nations refugee coordinator, demanded that the warring parties "
                    "open the roads to aid convoys.", "2004-05-03")
    assert ("100", "IGOUNO") in _sources(evs, "demanded")


def test_an_unknown_titled_person_keeps_the_role_of_the_title(code_text):
    text = ("Burundi closed its border on Monday. "
            "President Ndabaneze met Tanzanian officials in Bujumbura on Tuesday.")
    evs = code_text(text, "2001-03-06")
    assert [c for _, c in _sources(evs, "met")] == ["BDIGOV"]


def test_a_demonym_noun_tagged_as_a_person_is_one_of_that_people(pipeline):
    from datetime import date

    from detente.actors.document import DocContext
    from detente.actors.resolver import resolve_head
    doc = pipeline.nlp("Tom Reed, the first Briton killed fighting Isis in 2016, was buried.")
    head = next(t for t in doc if t.text == "Briton")
    ctx = DocContext(event_date=date(2017, 5, 1), focus_country="SYR")
    assert resolve_head(head, pipeline.coder.kb, ctx)[1].code == "GBR"


def test_a_named_group_takes_the_country_of_the_noun_it_stands_in_apposition_to(code_text):
    evs = code_text("Malian troops fought rebels near Kidal on Monday. The largest Tuareg rebel group, the Movement "
                    "for Azawad Justice (MAJ), renewed its demands that Mali's government withdraw its troops.",
                    "2012-02-01")
    assert {c[:3] for _, c in _sources(evs, "renewed") + _sources(evs, "demands") if c} == {"MLI"}


def test_radicals_in_a_story_about_one_country_are_that_country_s(code_text):
    evs = code_text("Religious radicals began a sit-in to demand the resignation of the Tunisian prime minister.",
                    "2013-02-01")
    codes = [e.source.actor.code for e in evs if e.source is not None and e.source.text.endswith("radicals")]
    assert codes and set(codes) == {"TUNRAD"}


def test_a_named_movement_the_kb_lacks_is_opposition_of_the_story_s_country(code_text):
    evs = code_text("Tunisian police dispersed a rally in Tunis. The Sawt al-Shaab movement called for a general strike.",
                    "2011-01-10")
    assert [c for _, c in _sources(evs, "called")] == ["TUNOPP"]


def test_a_grand_jury_is_the_judiciary(pipeline):
    from datetime import date

    from detente.actors.document import DocContext
    from detente.actors.resolver import resolve_head
    doc = pipeline.nlp("A Canadian grand jury indicted two executives on Friday.")
    head = next(t for t in doc if t.text == "jury")
    assert resolve_head(head, pipeline.coder.kb, DocContext(event_date=date(2015, 3, 6)))[1].code == "CANJUD"


def test_a_faith_without_a_state_is_of_the_story_s_country(pipeline):
    from datetime import date

    from detente.actors.document import DocContext
    from detente.actors.resolver import resolve_head
    doc = pipeline.nlp("Police were deployed after protests by Hindu groups.")
    head = next(t for t in doc if t.text == "groups")
    ctx = DocContext(event_date=date(2015, 3, 6), focus_country="BGD")
    assert resolve_head(head, pipeline.coder.kb, ctx)[1].code == "BGDCVL"


def test_a_surname_already_met_is_that_person_even_when_tagged_a_common_noun(pipeline):
    from datetime import date

    from detente.actors.document import DocContext
    from detente.actors.resolver import resolve_head
    kb, ctx = pipeline.coder.kb, DocContext(event_date=date(2018, 4, 10))
    first = pipeline.nlp("President Donald Trump spoke to reporters.")
    resolve_head(next(t for t in first if t.text == "Trump"), kb, ctx)
    ctx.cache.clear()
    later = pipeline.nlp("Trump usually starts tweeting early.")
    head = next(t for t in later if t.text == "Trump")
    assert head.pos_ != "NOUN" or resolve_head(head, kb, ctx)[1].code == "USAGOV"


def test_a_group_named_by_a_phrase_is_a_group_word(code_text):
    # "terror group", "armed group": the phrase, not the bare head, says what kind of group it is
    evs = code_text("Kenyan police raided a mosque in Mombasa. An armed group said it had freed two hostages.",
                    "2014-04-10")
    assert {c for _, c in _sources(evs, "said")} == {"KENUAF"}
