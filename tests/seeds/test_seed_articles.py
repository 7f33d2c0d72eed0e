"""The five seed op-eds in ../shared/corpus/seeds (skipped cleanly when ../shared is absent).

Publication dates come from conftest.SEED_PUBLISHED (the files carry no metadata).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

A2012, A2016, A2017 = "001_579f5b95223df5cf", "002_3d6d8e7a8cca74c3", "004_0da71fee4386b36a"


def find(seed_events, stem, *, root=None, code=None, src=None, tgt=None, fact=None, trigger=None):
    _, events = seed_events[stem]
    out = []
    for e in events:
        s = e.source.actor.code if e.source else None
        t = e.target.actor.code if e.target else None
        if root and e.cameo_root != root:
            continue
        if code and e.cameo_code != code:
            continue
        if src and not (s or "").startswith(src):
            continue
        if tgt and not (t or "").startswith(tgt):
            continue
        if fact and e.factuality != fact:
            continue
        if trigger and trigger not in e.trigger.text.lower():
            continue
        out.append(e)
    return out


def test_russian_veto_2012(seed_events):
    assert find(seed_events, A2012, root="12", src="RUS", fact="asserted", trigger="veto")


def test_lavrov_damascus_visit(seed_events):
    (e, *_) = find(seed_events, A2012, root="04", src="RUS", tgt="SYR", fact="asserted", trigger="visit")
    assert e.source.actor.code == "RUSGOV"  # Lavrov, foreign minister in 2012


def test_hague_condemns_russians_and_chinese(seed_events):
    assert find(seed_events, A2012, root="11", src="GBR", tgt="RUS", fact="asserted")
    assert find(seed_events, A2012, root="11", src="GBR", tgt="CHN", fact="asserted")


def test_us_withdraws_mission(seed_events):
    assert find(seed_events, A2012, root="16", src="USA", tgt="SYR", fact="asserted")


def test_beijing_dispatch_not_asserted(seed_events):
    _, events = seed_events[A2012]
    assert not [e for e in events if "dispatch" in e.sentence and e.factuality == "asserted"
                and (e.source and (e.source.actor.code or "").startswith("CHN"))]


def test_air_force_bombs_un_convoy(seed_events):
    (e, *_) = find(seed_events, A2017, root="19", src="SYR", tgt="IGO", fact="asserted")
    assert e.source.actor.code == "SYRMIL"  # the Russian-backed Syrian air force is Syrian
    assert e.event_date.isoformat().startswith("2016-09")


def test_russia_turkey_ceasefire_december_2016(seed_events):
    evs = find(seed_events, A2017, code="0871", src="RUS", tgt="TUR", fact="asserted")
    assert evs and all(e.event_date.isoformat().startswith("2016-12") for e in evs)
    assert evs[0].date_precision == "month"


def test_us_russia_ceasefire_september_2016(seed_events):
    evs = find(seed_events, A2017, src="USA", tgt="RUS", trigger="brokered")
    assert evs and all(e.event_date.isoformat().startswith("2016-09") for e in evs)


def test_bombing_of_government_position_in_september(seed_events):
    (e, *_) = find(seed_events, A2017, root="19", tgt="SYRGOV", fact="asserted")
    assert e.event_date.isoformat() == "2016-09-01" and e.date_precision == "month"


def test_de_mistura_statement_on_friday_may_19(seed_events):
    (e, *_) = find(seed_events, A2017, root="01", src="IGOUNO", trigger="said")
    assert e.event_date.isoformat() == "2017-05-19" and e.date_precision == "day"


@pytest.mark.parametrize("stem,needle", [
    ("002_3d6d8e7a8cca74c3", "If Russia was truly serious"),
    ("003_fed580d0c254e7e0", "the negotiators will not succeed"),
    ("001_579f5b95223df5cf", "Moscow would be enlisted"),
    ("004_0da71fee4386b36a", "The plan calls for the creation"),
])
def test_op_ed_arguments_are_not_events(seed_events, stem, needle):
    _, events = seed_events[stem]
    assert not [e for e in events if needle in e.sentence and e.factuality == "asserted"
                and e.sentence.index(needle) <= (e.trigger.start - e.sentence_start) < e.sentence.index(needle) + 120]


def test_events_in_aleppo_carry_its_coordinates(seed_events):
    located = [e for stem in seed_events for e in seed_events[stem][1]
               if e.location is not None and e.location.name.startswith("Aleppo")]
    assert located
    for e in located:
        assert abs(e.location.latitude - 36.2) < 0.3 and abs(e.location.longitude - 37.15) < 0.3


def test_no_knowledge_base_person_gets_a_wrong_country(seed_events, pipeline):
    kb = pipeline.coder.kb
    for stem, (_, events) in seed_events.items():
        for e in events:
            for m in (e.source, e.target):
                if m is None or not (m.actor.kb_id or "").startswith("person:"):
                    continue
                entry = kb.entries[m.actor.kb_id]
                role_codes = {r.code[:3] for r in entry.roles} | {entry.country}
                assert m.actor.code[:3] in role_codes, (stem, m.text, m.actor)
