"""When an event happened, from its own clause (detente.coding.dating). One case per
phenomenon, on sentences written for these tests: the parse is real (spaCy); the trigger,
the event words of the sentence and the factuality are given, so the cases test dating
alone. The publication date is Wednesday 5 September 2018."""
from __future__ import annotations

from datetime import date

import pytest

from detente.coding.dating import DateFinder

pytestmark = pytest.mark.slow  # parses with the spaCy model

PUB = date(2018, 9, 5)


@pytest.fixture(scope="module")
def dated(pipeline):
    nlp = pipeline.nlp

    def run(text: str, trigger: str, factuality: str = "asserted", events: tuple[str, ...] = (),
            sentence: int = -1):
        doc = nlp(text)
        finder = DateFinder(PUB)
        sents = list(doc.sents)
        for s in sents[:sentence] if sentence != -1 else sents[:-1]:
            finder.see(s, 0)  # the sentences before, as the coder reads them
        sent = sents[sentence]
        tok = next(t for t in sent if t.text == trigger)
        d = finder.event_date(tok, sent, 0, factuality, {t.i for t in sent if t.text in (trigger, *events)})
        return d.value, d.precision, d.text

    return run


D = date
CASES = [
    # the expression on the trigger's own clause
    ("Russian jets bombed Idlib on Tuesday.", "bombed", "asserted", (), (D(2018, 9, 4), "day", "Tuesday")),
    # each date dates the verb it modifies: the asking was on Monday, the meeting is to be
    # on 10-11 September (read forward: it is proposed)
    ("Russia asked Turkey on Monday to meet on 10 and 11 September.", "asked", "asserted", (),
     (D(2018, 9, 3), "day", "Monday")),
    ("Russia asked Turkey on Monday to meet on 10 and 11 September.", "meet", "proposed", (),
     (D(2018, 9, 10), "day", "10 and 11 September")),
    ("Russia asked Turkey to meet on 10 September.", "asked", "asserted", (), (PUB, "publication", None)),
    # scheduled events read forward: the next Monday, not the last
    ("Russia will host talks on Monday.", "host", "future", (), (D(2018, 9, 10), "day", "Monday")),
    # a hedged verb in the past is still past: its day lies behind ("may have shelled",
    # "most likely struck"); a hedged verb in the present reads forward
    ("Iranian drones most likely struck the depot on Monday.", "struck", "hypothetical", (),
     (D(2018, 9, 3), "day", "Monday")),
    ("Iranian drones may have struck the depot on Monday.", "struck", "hypothetical", (),
     (D(2018, 9, 3), "day", "Monday")),
    ("Iranian drones may strike the depot on Monday.", "strike", "hypothetical", (),
     (D(2018, 9, 10), "day", "Monday")),
    ("The draft is due to be discussed on Monday.", "discussed", "asserted", (), (D(2018, 9, 10), "day", "Monday")),
    ("Ministers are to meet on Monday.", "meet", "asserted", (), (D(2018, 9, 10), "day", "Monday")),
    ("The UN said its convoys would enter Idlib on Friday.", "enter", "hypothetical", ("said",),
     (D(2018, 9, 7), "day", "Friday")),  # the future of the past
    ("The UN said its convoys would enter Idlib on Friday.", "said", "asserted", ("enter",),
     (PUB, "publication", None)),
    # ... unless the day is nearer behind than ahead: then it dates the report (the day
    # before publication, not six days on)
    ("Macron announced that France would quit the pact on Tuesday.", "announced", "asserted", ("quit",),
     (D(2018, 9, 4), "day", "Tuesday")),
    ("Macron announced that France would quit the pact on Tuesday.", "quit", "future", ("announced",),
     (PUB, "publication", None)),
    ("Russia hosted talks on Monday.", "hosted", "asserted", (), (D(2018, 9, 3), "day", "Monday")),
    # words that share the trigger's time: a participle, the verb carrying an event noun,
    # a clause that says when
    ("Russian jets bombed Idlib on Tuesday, killing 20 civilians.", "killing", "asserted", ("bombed",),
     (D(2018, 9, 4), "day", "Tuesday")),
    ("Russian jets carried out strikes on Idlib on Tuesday.", "strikes", "asserted", (),
     (D(2018, 9, 4), "day", "Tuesday")),
    ("He was killed on 23 August when a mine exploded.", "exploded", "asserted", ("killed",),
     (D(2018, 8, 23), "day", "23 August")),
    ("The army declared the city liberated last month.", "declared", "asserted", (),
     (D(2018, 8, 1), "month", "last month")),
    # the occasion a statement was made at dates it: a speech, a news conference
    ("In an interview on Monday, Lavrov said talks would resume.", "said", "asserted", ("interview",),
     (D(2018, 9, 3), "day", "Monday")),
    ("At a news conference on Monday, the envoy criticised the strikes.", "criticised", "asserted", (),
     (D(2018, 9, 3), "day", "Monday")),
    # a clause of time that says it happened right then shares its date; a bare "after" may
    # span weeks
    ("Shortly after the envoy landed in Cairo on Monday, Egypt recalled its ambassador.", "recalled",
     "asserted", ("landed",), (D(2018, 9, 3), "day", "Monday")),
    ("Rebels shelled the airport hours before the minister landed there on Friday.", "shelled",
     "asserted", ("landed",), (D(2018, 8, 31), "day", "Friday")),
    ("After the envoy landed in Cairo on Monday, Egypt recalled its ambassador.", "recalled",
     "asserted", ("landed",), (PUB, "publication", None)),
    ("Some 36 hours after the envoy landed in Cairo on Monday, Egypt recalled its ambassador.", "recalled",
     "asserted", ("landed",), (PUB, "publication", None)),
    # a possessive time dates its noun, not the verb above ("last week's call")
    ("Lavrov criticised last week's call by Pompeo.", "call", "asserted", ("criticised",),
     (D(2018, 8, 27), "week", "last week")),
    ("Lavrov criticised last week's call by Pompeo.", "criticised", "asserted", ("call",), (PUB, "publication", None)),
    # reported as earlier without a date: never the publication date
    ("Russia had previously vetoed the draft.", "vetoed", "asserted", (), (None, "before-publication", "previously")),
    ("Iran condemned the earlier attack.", "attack", "asserted", ("condemned",),
     (None, "before-publication", "earlier")),
    ("Russian jets had bombed Idlib.", "bombed", "asserted", (), (None, "before-publication", "had")),
    # ... but in reported speech a past perfect is only the past of the saying
    ("Russia said its jets had bombed Idlib.", "bombed", "asserted", ("said",), (PUB, "publication", None)),
    ("Iran condemned the earlier attack.", "condemned", "asserted", ("attack",), (PUB, "publication", None)),
    # a verb that governs the trigger does not date it
    ("Russia said on Monday that its jets bombed Idlib.", "bombed", "asserted", ("said",), (PUB, "publication", None)),
    # a programme's name is not a day
    ("Lavrov told the Today programme that talks would resume.", "told", "asserted", (), (PUB, "publication", None)),
    # another sentence's date carries only through an explicit link, with its offset
    ("Russian jets bombed Idlib on 3 September. Then Turkey condemned the strikes.", "condemned", "asserted", (),
     (D(2018, 9, 3), "day", "3 September")),
    ("Russian jets bombed Idlib on 3 September. The next day Turkey condemned the strikes.", "condemned",
     "asserted", (), (D(2018, 9, 4), "day", "3 September")),
    ("Russian jets bombed Idlib on 3 September. Turkey condemned the strikes.", "condemned", "asserted", (),
     (PUB, "publication", None)),
    # the link dates the clause it modifies, across a paragraph break too
    ("Jets hit the convoy on Monday.\n\nDamascus said it had not flown in the area that day.", "flown",
     "negated", ("said",), (D(2018, 9, 3), "day", "Monday")),
    ("Jets hit the convoy on Monday.\n\nDamascus said it had not flown in the area that day.", "said",
     "asserted", ("flown",), (PUB, "publication", None)),
    ("Jets bombed the base on Monday. The army responded to the attack by shelling the town.", "shelling",
     "asserted", (), (D(2018, 9, 3), "day", "Monday")),
    # ... and never from inside a quotation to outside it
    ("“Seven years ago they took everything from us.” Then Russia condemned the attack.", "condemned",
     "asserted", (), (PUB, "publication", None)),
    ("He said: “Seven years ago Assad attacked us.”", "said", "asserted", ("attacked",), (PUB, "publication", None)),
    ("He said: “Seven years ago Assad attacked us.”", "attacked", "asserted", ("said",),
     (D(2011, 1, 1), "year", "Seven years ago")),
]


@pytest.mark.parametrize("text,trigger,factuality,events,expected", CASES,
                         ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_date_of_event(dated, text, trigger, factuality, events, expected):
    assert dated(text, trigger, factuality, events) == expected


def test_no_publication_date_leaves_events_undated(pipeline):
    doc = pipeline.nlp("Iran condemned the strike.")
    sent = next(doc.sents)
    d = DateFinder(None).event_date(doc[1], sent, 0)
    assert (d.value, d.precision, d.text) == (None, "unknown", None)


def test_dates_end_to_end(code_text):
    """The coder dates each event of a paragraph by its own clause or an explicit link."""
    text = ("Russia asked Turkey on Monday to hold talks on 10 and 11 September. "
            "The next day Turkey rejected the proposal. Iran condemned the earlier strikes.")
    got = {(e.trigger.text, e.event_date, e.date_precision) for e in code_text(text, "2018-09-05")}
    assert ("asked", date(2018, 9, 3), "day") in got
    assert ("rejected", date(2018, 9, 4), "day") in got
    assert ("condemned", date(2018, 9, 5), "publication") in got


def test_an_opening_date_the_parser_made_the_root_dates_the_sentence():
    # "Last April, the panel | attributed the attack to the regime": a hand-built misparse in
    # which the opening date is the root and the verb hangs below it
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Last", "April", ",", "the", "panel", "attributed", "the", "attack", "to", "the", "regime", "."]
    heads = [1, 1, 1, 4, 1, 4, 7, 5, 7, 10, 8, 1]
    deps = ["amod", "ROOT", "punct", "det", "appos", "acl", "det", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["ADJ", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["JJ", "NNP", ",", "DT", "NN", "VBN", "DT", "NN", "IN", "DT", "NN", "."]
    ents = ["B-DATE", "I-DATE"] + ["O"] * 10
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents,
              sent_starts=[True] + [False] * 11)
    sent = next(iter(doc.sents))
    got = DateFinder(PUB).event_date(doc[5], sent, 0, "asserted", {5})
    assert (got.value, got.precision) == (date(2018, 4, 1), "month")
