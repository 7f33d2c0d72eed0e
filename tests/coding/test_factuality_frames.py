"""Every factuality frame (data/frames/factuality.yaml) with its example: the example, coded
as written, gives the event at its trigger the frame's factuality, and the event's rule names
the frame. The file itself is checked: known tests, values and word lists, unique ids."""
from __future__ import annotations

import pytest

from detente.coding.factuality import FrameError, all_frames, judge, parse_frames

FRAMES = all_frames()
EXAMPLES = [f for f in FRAMES if f.example]


@pytest.mark.slow
@pytest.mark.parametrize("frame", EXAMPLES, ids=[f.id for f in EXAMPLES])
def test_frame_example(pipeline, frame):
    # the factuality of the example's trigger word, judged on the real parse
    ex = frame.example
    doc = pipeline.nlp(ex["text"])
    tok = next(t for t in doc if t.text == ex["trigger"])
    fact = judge(tok, tok.sent)
    assert (fact.value, frame.id in (fact.frame or "").split("/")) == (ex["factuality"], True), fact


@pytest.mark.slow
def test_the_rule_names_the_factuality_frame(code_text):
    evs = code_text("Russia said it would not veto the resolution.", "2018-05-09")
    assert [e.rule.split(" fact=")[1] for e in evs if e.trigger.text == "veto"] == ["negated@auxiliaries:not"]
    # what the walk passed on its way up is named too: the report, then the main clause
    evs = code_text("Russia said its jets had bombed Idlib.", "2018-05-09")
    assert [e.rule.split(" fact=")[1] for e in evs if e.trigger.text == "bombed"] == [
        "asserted@reported-speech/main-clause"]


def test_every_frame_has_an_example():
    assert [f.id for f in FRAMES if not f.example] == []


@pytest.mark.parametrize("data,message", [
    ({"noun": [{"id": "x", "test": "nope", "value": "negated"}]}, "unknown test"),
    ({"noun": [{"id": "x", "test": "no_determiner", "value": "maybe"}]}, "unknown value"),
    ({"noun": [{"id": "x", "test": "no_determiner", "value": "negated", "words": ["no_such_list"]}]},
     "not a word list"),
    ({"noun": [{"id": "x", "test": "no_determiner", "value": "negated"},
               {"id": "x", "test": "no_determiner", "value": "negated"}]}, "repeated id"),
    ({"verbs": []}, "unknown stages"),
])
def test_bad_frames_file_is_one_clear_error(data, message):
    with pytest.raises(FrameError, match=message):
        parse_frames(data)
