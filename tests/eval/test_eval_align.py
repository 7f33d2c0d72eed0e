"""Gold that covers only some sentences of a document: events go to the gold sentence they
come from, and events of other sentences are neither right nor wrong.

The fast tests build events by hand at known offsets; the slow ones code real text."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from detente.eval.align import assign, fold, place
from detente.eval.gold import GoldError, GoldEvent, GoldSentence, load_gold
from detente.eval.metrics import score
from detente.model import Actor, Event, Mention

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"

DOC = ("Russia vetoed the draft resolution on Tuesday. The weather was mild.\n\n"
       "France  condemned the “veto” on Wednesday. Britain expelled two Russian diplomats.")
S1 = "Russia vetoed the draft resolution on Tuesday."
S2 = "The weather was mild."
S3 = "France  condemned the “veto” on Wednesday."
S4 = "Britain expelled two Russian diplomats."


def event(text: str, sentence: str, trigger: str, code: str, source: str | None, target: str | None = None,
          nth: int = 0) -> Event:
    """An event of `sentence` (its nth occurrence in `text`), triggered by the word `trigger`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sentence, start + 1)
    t = start + sentence.index(trigger)
    return Event(doc_id="d", sentence_index=0, sentence=sentence, sentence_start=start, cameo_code=code,
                 cameo_root=code[:2], quad_class=3, goldstein=-2.0, plover_type=None,
                 trigger=Mention(trigger, t, t + len(trigger)),
                 source=Mention(source, None, None, Actor(code=source)) if source else None,
                 target=Mention(target, None, None, Actor(code=target)) if target else None)


EVENTS = [event(DOC, S1, "vetoed", "129", "RUS"), event(DOC, S3, "condemned", "111", "FRA"),
          event(DOC, S4, "expelled", "161", "GBR", "RUSGOV")]


def test_one_gold_sentence_gets_only_its_own_events():
    gold = [GoldSentence("d", 'France condemned the "veto" on Wednesday.', [GoldEvent(code="111", source="FRA")])]
    pairs, placed, outside = assign(gold, DOC, EVENTS)
    assert [(g.sentence, [e.cameo_code for e in evs]) for g, evs in pairs] == [(gold[0].sentence, ["111"])]
    assert [e.cameo_code for e in outside] == ["129", "161"]
    assert (placed[0].start, placed[0].end) == (DOC.index(S3), DOC.index(S3) + len(S3))
    rep = score(pairs)
    assert (rep.type.tp, rep.type.fp, rep.type.fn) == (1, 0, 0)
    assert (rep.dyad.tp, rep.dyad.fp, rep.dyad.fn) == (1, 0, 0)
    assert rep.predicted_events == 1 and rep.correct_sentences == 1


def test_a_no_event_gold_sentence_is_not_charged_with_its_neighbours_events():
    pairs, _, outside = assign([GoldSentence("d", S2, [])], DOC, EVENTS)
    assert pairs == [(pairs[0][0], [])] and len(outside) == 3
    rep = score(pairs)
    assert (rep.type.tp, rep.type.fp, rep.type.fn) == (0, 0, 0)
    assert rep.correct_sentences == 1 and (rep.no_event_fp, rep.no_event_sentences) == (0, 1)
    # the same sentence, if it held the veto, would be a no-event false positive
    rep = score(assign([GoldSentence("d", S1, [])], DOC, EVENTS)[0])
    assert (rep.type.fp, rep.no_event_fp, rep.no_event_sentences) == (1, 1, 1)


def test_sentences_are_found_despite_whitespace_quote_and_case_differences():
    gold = [GoldSentence("d", " russia VETOED the draft\nresolution on Tuesday. "),
            GoldSentence("d", "France condemned the ``veto'' on Wednesday.")]
    placed = place(gold, DOC)
    assert [DOC[p.start:p.end] for p in placed] == [S1, S3]
    assert all(p.confirmed for p in placed)
    assert fold("‘A’  «b»\u00a0C") == ("abc", [1, 6, 9])


def test_gold_offsets_choose_between_repeated_sentences():
    text = "Iran protested. Iran protested. Iraq protested."
    second = text.index("Iran protested.", 1)
    evs = [event(text, "Iran protested.", "protested", "114", "IRN", nth=0),
           event(text, "Iran protested.", "protested", "114", "IRN", nth=1),
           event(text, "Iraq protested.", "protested", "114", "IRQ")]
    by_offset = GoldSentence("d", "Iran protested.", [GoldEvent(code="114", source="IRN")], start=second,
                             end=second + 15)
    pairs, placed, outside = assign([by_offset], text, evs)
    assert [e.sentence_start for e in pairs[0][1]] == [second]
    assert [e.sentence_start for e in outside] == [0, 32]
    assert placed[0].confirmed


def test_repeated_sentences_without_offsets_are_taken_in_document_order():
    text = "Iran protested. Iraq protested. Iran protested."
    evs = [event(text, "Iran protested.", "protested", "114", "IRN", nth=0),
           event(text, "Iraq protested.", "protested", "114", "IRQ"),
           event(text, "Iran protested.", "protested", "114", "IRN", nth=1)]
    gold = [GoldSentence("d", "Iran protested."), GoldSentence("d", "Iran protested.")]
    pairs, _, outside = assign(gold, text, evs)
    assert [[e.sentence_start for e in evs] for _, evs in pairs] == [[0], [32]]
    assert [e.source.actor.code for e in outside] == ["IRQ"]


def test_offsets_that_do_not_hold_the_sentence_are_used_but_flagged():
    gold = [GoldSentence("d", S4, start=0, end=len(S1))]
    pairs, placed, _ = assign(gold, DOC, EVENTS)
    assert [e.cameo_code for e in pairs[0][1]] == ["129"]
    assert not placed[0].confirmed


def test_a_sentence_missing_from_the_text_takes_events_of_its_parts_by_text():
    # a gold sentence the text does not hold (the document says "mild"), segmented differently
    gold = [GoldSentence("d", "Russia vetoed the draft resolution on Tuesday. The weather was very mild.")]
    evs = [event(DOC, S1, "vetoed", "129", "RUS"), event(DOC, S4, "expelled", "161", "GBR")]
    pairs, placed, outside = assign(gold, DOC, evs)
    assert placed[0].start is None
    assert [e.cameo_code for e in pairs[0][1]] == ["129"]
    assert [e.cameo_code for e in outside] == ["161"]


def test_each_event_counts_for_one_gold_sentence_only():
    gold = [GoldSentence("d", S3, start=DOC.index(S3), end=len(DOC)), GoldSentence("d", S4)]
    pairs, _, _ = assign(gold, DOC, EVENTS)
    assert [[e.cameo_code for e in evs] for _, evs in pairs] == [["111", "161"], []]


@pytest.mark.parametrize("fields, message", [
    ('"sentence_start": -1', "gold.jsonl:2: bad gold record: sentence_start must be a character offset"),
    ('"sentence_start": "12"', "gold.jsonl:2: bad gold record: sentence_start must be a character offset"),
    ('"sentence_end": 9', "gold.jsonl:2: bad gold record: sentence_end without sentence_start"),
    ('"sentence_start": 9, "sentence_end": 9', "gold.jsonl:2: bad gold record: sentence_end 9 is not after"),
])
def test_bad_offsets_are_one_line_errors_naming_file_and_line(tmp_path, fields, message):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "a", "sentence": "Iran protested.", "events": []}\n'
                    f'{{"doc_id": "a", "sentence": "Iraq protested.", "events": [], {fields}}}\n')
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert str(err.value).startswith(f"{path.parent}/{message}") and "\n" not in str(err.value)


def test_offsets_are_read_from_the_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": "Iran protested. Iraq protested.", "sentence": "Iraq protested.",
                                "sentence_start": 16, "sentence_end": 31, "events": []}) + "\n")
    [g] = load_gold(path)
    assert (g.start, g.end) == (16, 31) and g.text[g.start:g.end] == g.sentence


@pytest.mark.parametrize("name, fmt", [("plover/PLOVER_GSR_CAMEO.txt", "plover"),
                                       ("petrarch2/PETR.UnitTest.records.xml", "petrarch")])
def test_one_sentence_records_cover_their_whole_document(name, fmt):
    """PLOVER GSR and PETRARCH records are one sentence coded as its own document: every
    event of the document belongs to that sentence, as before partial gold was handled."""
    if not (REFERENCE / name).exists():
        pytest.skip(f"{REFERENCE / name} is absent (tests that read ../shared skip cleanly)")
    gold = load_gold(REFERENCE / name, fmt)
    for g in gold:
        [p] = place([g], g.text)
        # nothing but whitespace and quote marks outside the sentence's span
        assert p.confirmed and fold(g.text[:p.start])[0] == fold(g.text[p.end:])[0] == "", g.doc_id


@pytest.mark.slow
def test_evaluate_scores_only_the_gold_sentence_of_a_coded_document(tmp_path, pipeline):
    from detente.eval.runner import evaluate

    text = ("Russia vetoed the draft resolution on Syria on Tuesday. The weather in New York was mild. "
            "France condemned the veto on Wednesday. Britain expelled two Russian diplomats.")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in [
        {"doc_id": "a", "text": text, "published": "2027-03-02", "sentence": "France condemned the veto on Wednesday.",
         "events": [{"code": "111", "source": "FRA", "target": None}]},
        {"doc_id": "b", "text": text, "published": "2027-03-02", "sentence": "The weather in New York was mild.",
         "events": []},
    ]))
    rep = evaluate(gold, pipeline=pipeline)
    assert rep.sentences == 2 and rep.gold_events == 1
    # the coder codes the veto, the condemnation and the expulsion: in "a" two of them are
    # outside the gold sentence, in "b" all three
    assert rep.predicted_events == 1 and rep.unscored_events == 5
    assert (rep.type.tp, rep.type.fp, rep.type.fn) == (1, 0, 0)
    assert rep.correct_sentences == 2 and rep.unplaced_sentences == rep.misplaced_sentences == 0


def test_records_with_a_repeated_id_stay_separate_documents(tmp_path):
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps([
        {"id": "GSR-1", "event": "PROTEST", "text": "Iran protested.", "source": [{"code": "IRN"}], "target": ""},
        {"id": "GSR-1", "event": "PROTEST", "text": "Iraq protested.", "source": [{"code": "IRQ"}], "target": ""},
        {"id": "GSR-1", "event": "PROTEST", "text": "Oman protested.", "source": [{"code": "OMN"}], "target": ""},
    ]))
    gold = load_gold(path)
    assert [(g.doc_id, g.text, g.events[0].source) for g in gold] == [
        ("GSR-1", "Iran protested.", "IRN"), ("GSR-1#2", "Iraq protested.", "IRQ"), ("GSR-1#3", "Oman protested.", "OMN")]


def typed(e: Event, plover: str) -> Event:
    return dataclasses.replace(e, plover_type=plover)


def test_a_reciprocal_compound_source_accepts_each_other_as_target(tmp_path):
    """PLOVER GSR marks a reciprocal pair "SRC/TAR" and lists both as sources with no target;
    CAMEO codes them as each other's targets: either coding is right, a third country is not."""
    path = tmp_path / "gsr.txt"
    text = "Peru and Chile signed a border treaty."
    path.write_text(json.dumps([{
        "id": "GSR-2", "event": "SUPPORT", "text": text, "target": "",
        "source": [{"code": "PER"}, {"code": "CHL"}],
        "textInfo": {"markup": "(SRC/TAR: Peru) and (SRC/TAR: Chile) (EVT: signed) a border treaty."}}]))
    [g] = load_gold(path)
    assert [(e.source, e.target, e.partners) for e in g.events] == [("PER", None, ("CHL",)), ("CHL", None, ("PER",))]
    right = [typed(event(text, text, "signed", "057", "PER", "CHL"), "SUPPORT"),
             typed(event(text, text, "signed", "057", "CHLGOV"), "SUPPORT")]
    assert score([(g, right)]).dyad.tp == 2
    wrong = [typed(event(text, text, "signed", "057", "PER", "BOL"), "SUPPORT")]
    assert score([(g, wrong)]).dyad.tp == 0


def test_cameo_and_iso_spellings_of_a_country_are_one_country(tmp_path):
    path = tmp_path / "gsr.txt"
    text = "Hungary criticised Romania."
    path.write_text(json.dumps([{"id": "GSR-3", "event": "DISAPPROVE", "text": text,
                                 "source": [{"code": "HUN"}], "target": [{"code": "ROU"}]}]))
    [g] = load_gold(path)
    assert score([(g, [typed(event(text, text, "criticised", "111", "HUN", "ROMGOV"), "DISAPPROVE")])]).dyad.tp == 1


@pytest.mark.parametrize("code, crosswalk, gsr", [
    ("1712", "ASSAULT", "COERCE"),   # destroying property: the GSR's COERCE/destroy
    ("191", "COERCE", "COERCE"),     # a blockade: COERCE/restrict, not the FIGHT of root 19
    ("0813", "RETREAT", "CONCEDE"),  # lifting a curfew: CONCEDE, like easing other measures
    ("0831", "CONCEDE", "RETREAT"),  # a resignation
    ("194", "ASSAULT", "FIGHT"),     # the rest of root 19 stays FIGHT
    ("0871", "RETREAT", "RETREAT"),
])
def test_the_gsr_draft_files_some_codes_elsewhere_than_the_2021_crosswalk(code, crosswalk, gsr):
    from detente.eval.metrics import gsr_type
    assert gsr_type(code, crosswalk) == gsr
