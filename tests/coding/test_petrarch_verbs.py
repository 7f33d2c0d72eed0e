"""PETRARCH verb dictionaries read as detente verb patterns (coding/petrarch_verbs.py).

The dictionary below is invented for these tests (its verbs, synsets and patterns are the
detente authors'), written in the PETRARCH format: a dictionary given with `--verbs`
replaces detente's own patterns for the verbs it defines, codes outside CAMEO and patterns
detente's grammar cannot express are skipped and counted.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from coded import triples

from detente.coding.lexicon import BLOCK, load_lexicon
from detente.coding.petrarch_verbs import PetrarchVerbError, read_verb_dictionary, with_verb_dictionaries

PETRARCH = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "petrarch2"

DICTIONARY = """\
<!-- A small verb dictionary written for detente's tests -->
<!-- header lines
     across lines -->
&GRAIN_
+WHEAT
+BARLEY
+RYE

&ARMS
+ROCKET
+HEAVY MORTAR

--- SHIP  [070]  ---
SHIP     # shipping goods
FERRY {FERRIES FERRIED FERRYING}
- * &GRAIN  [073]   # food
- * &ARMS  [072]
- * LETTERS  [345]        # a code outside CAMEO
- * PARCELS  [031:345]    # a dual code with a half outside CAMEO
- SAID * GOODS  [070]     # words before the verb
- * ^ CRATES  [070]       # a skip marker

--- SHELL  [190]  ---
SHELL
- * {BORDER POST}  [194]

--- SCOLD  [---]  ---
SCOLD
+TELL_OFF  [111]
- * (FOR DELAY)  [112]

--- CONDEMN  [---]  ---
CONDEMN
"""


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "test.verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


def _forms(d) -> set[tuple[str, str]]:
    return {(p.code, p.rule.split(":v:", 1)[1]) for p in d.patterns}


def test_verbs_patterns_and_synsets_become_detente_patterns(dictionary):
    d = read_verb_dictionary(dictionary)
    assert d.heads == {"ship", "ferry", "shell", "scold", "tell", "condemn"}
    assert _forms(d) == {
        ("070", "ship"), ("070", "ferry"),
        ("073", "ship ~barley|barley+|rye|rye+|wheat|wheat+"), ("073", "ferry ~barley|barley+|rye|rye+|wheat|wheat+"),
        ("072", "ship ~heavy+mortar|rocket|rocket+"), ("072", "ferry ~heavy+mortar|rocket|rocket+"),
        ("190", "shell"), ("194", "shell ~border+post"),
        ("111", "tell off"),  # no bare "scold": its code is --- (no event by itself)
        ("112", "scold for ~delay|delay+"), ("112", "tell off for ~delay|delay+"),
    }
    pat = next(p for p in d.patterns if p.code == "112" and p.head == "scold")
    assert (pat.particles, pat.object_prep, pat.objects) == (("for",), "for", frozenset({"delay", "delay+"}))


def test_what_cannot_be_coded_is_skipped_and_counted(dictionary):
    d = read_verb_dictionary(dictionary)
    assert d.skipped == {
        "code outside CAMEO (not in detente's ontology)": 1,
        "code outside CAMEO (dual code)": 1,
        "words before the verb": 1,
        "$, % or ^ marker after the verb": 1,
    }
    assert "skipped" in d.summary() and "dual code" in d.summary()


def test_a_null_code_pattern_is_a_blocker(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("--- SHELL [190] ---\nSHELL\n- * PEAS [---]\n", encoding="utf-8")
    d = read_verb_dictionary(path)
    assert ("-", "shell ~pea|pea+|peas|peas+") in _forms(d) and BLOCK == "-"


def test_a_target_preposition(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("--- LEND [---] ---\nLEND\n- * MONEY OVER +  [071]\n", encoding="utf-8")
    (p,) = read_verb_dictionary(path).patterns
    assert (p.code, p.particles, p.objects, p.target_preps) == ("071", ("over",), frozenset({"money", "money+"}), ("over",))


@pytest.mark.parametrize("text,where", [
    ("--- SHIP [070] ---\nSHIP\n- * GOODS\n", ":3: a pattern ends with its [code]"),
    ("--- SHIP [070] ---\nSHIP\n- GOODS [070]\n", ":3: a pattern has a * for its verb"),
    ("# no block yet\nSHIP [070]\n", ":2: a verb outside"),
    ("&FRUIT PIE\n", ":1: a synset label is one word"),
])
def test_a_bad_line_is_one_error_naming_file_and_line(tmp_path, text, where):
    path = tmp_path / "bad.verbs.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PetrarchVerbError) as exc:
        read_verb_dictionary(path)
    msg = str(exc.value)
    assert msg.startswith(f"{path}{where}") and "\n" not in msg


def test_the_cli_reports_a_bad_dictionary_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    bad = tmp_path / "bad.verbs.txt"
    bad.write_text("--- SHIP [070] ---\nSHIP\n- * GOODS\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Canada shipped wheat to Haiti.", encoding="utf-8")
    res = CliRunner().invoke(app, ["code", str(doc), "--db", str(tmp_path / "x.duckdb"), "--verbs", str(bad), "-q"])
    assert res.exit_code == 2
    assert f"{bad}:3: a pattern ends with its [code]" in " ".join(res.output.split())
    assert "Traceback" not in res.output


def test_a_dictionary_replaces_the_bundled_patterns_of_its_verbs_only(dictionary):
    bundled = load_lexicon()
    assert "condemn" in bundled.verbs
    lex = with_verb_dictionaries(bundled, [read_verb_dictionary(dictionary)])
    assert "condemn" not in lex.verbs  # defined with no code and no pattern: no event
    assert {p.rule.split(":")[0] for p in lex.verbs["ship"]} == {"test.verbs.txt#14", "test.verbs.txt#16",
                                                                 "test.verbs.txt#17"}
    assert lex.verbs["accuse"] == bundled.verbs["accuse"]  # other verbs keep detente's lexicon
    assert lex.nouns == bundled.nouns
    assert "condemn" in load_lexicon().verbs  # the bundled lexicon itself is untouched


@pytest.mark.slow
def test_coded_events_follow_the_dictionary(dictionary):
    import detente
    from detente.pipeline import Pipeline, PipelineConfig

    pipe = Pipeline(PipelineConfig(verb_files=(str(dictionary),)))

    def coded(text):
        return triples(detente.code(text, published="2020-05-04", pipeline=pipe))

    assert coded("Canada shipped wheat to Haiti.") == {("073", "CAN", "HTI", "asserted")}
    assert coded("Canada shipped rockets to Ukraine.") == {("072", "CAN", "UKR", "asserted")}
    assert coded("Canada shipped cars to Mexico.") == {("070", "CAN", "MEX", "asserted")}
    assert coded("Peru scolded Chile for the delay.") == {("112", "PER", "CHL", "asserted")}
    assert coded("Peru scolded Chile.") == set()
    assert coded("The French government condemned Algeria.") == set()  # condemn: replaced, no code


@pytest.mark.slow
def test_the_default_pipeline_keeps_its_own_verbs(code_text):
    assert ("111", "FRAGOV", "DZA", "asserted") in triples(code_text("The French government condemned Algeria."))


def test_petrarchs_validation_dictionary_loads():
    path = PETRARCH / "PETR.Validate.verbs.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    from detente.ontology import load_ontology

    d = read_verb_dictionary(path)
    onto = load_ontology()
    assert len(d.heads) > 100 and len(d.patterns) > 100
    assert all(p.code == BLOCK or p.code in onto for p in d.patterns)
    assert sum(d.skipped.values()) > 0  # its WEIS and test codes


# ---------------------------------------------------------------- PETRARCH-compatible mode


def test_a_one_word_pattern_noun_may_modify_the_object(dictionary):
    """The words of a TABARI/PETRARCH pattern need not be adjacent: `- * &ARMS` with the
    member ROCKET matches "shipped rocket launchers" as well as "shipped rockets"."""
    d = read_verb_dictionary(dictionary)
    pat = next(p for p in d.patterns if p.code == "072" and p.head == "ship")
    assert {"rocket", "rocket+", "heavy+mortar"} <= pat.objects
    assert pat.may_match({"ship", "rocket", "launcher"})


def test_verbs_only_the_dictionaries_are_the_whole_lexicon(dictionary):
    bundled = load_lexicon()
    d = read_verb_dictionary(dictionary)
    lex = with_verb_dictionaries(bundled, [d], only=True)
    assert set(lex.verbs) == {p.head for p in d.patterns}  # no bundled verb ("accuse")
    assert lex.nouns == {}  # no event noun: PETRARCH codes verbs only
    assert "accuse" in load_lexicon().verbs and load_lexicon().nouns  # the bundled lexicon is untouched


def test_verbs_only_needs_verb_files():
    from detente.pipeline import PipelineConfig

    with pytest.raises(ValueError, match="verbs_only needs verb_files"):
        PipelineConfig(verbs_only=True)


@pytest.mark.parametrize("command", [["code", "--db", "x.duckdb"], ["eval"]])
def test_the_cli_wants_verbs_with_verbs_only(tmp_path, command):
    from typer.testing import CliRunner

    from detente.cli import app

    doc = tmp_path / "a.txt"
    doc.write_text("Canada shipped wheat to Haiti.", encoding="utf-8")
    args = [command[0], str(doc), *[str(tmp_path / a) if a.endswith(".duckdb") else a for a in command[1:]],
            "--verbs-only"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2 and "give the verb dictionaries with --verbs" in " ".join(res.output.split())
    assert "Traceback" not in res.output


@pytest.mark.slow
def test_verbs_only_codes_from_the_dictionary_patterns_alone(dictionary, tmp_path):
    import detente
    from detente.pipeline import Pipeline, PipelineConfig

    shoot = tmp_path / "shoot.verbs.txt"
    shoot.write_text("--- SHOOT [190] ---\nSHOOT\n", encoding="utf-8")
    files = (str(dictionary), str(shoot))
    beside = Pipeline(PipelineConfig(verb_files=files))
    only = Pipeline(PipelineConfig(verb_files=files, verbs_only=True))

    def coded(text, pipe):
        return triples(detente.code(text, published="2020-05-04", pipeline=pipe))

    # detente's lexicon beside the dictionary: its statement (010), its event nouns, the
    # intents it derives from a modal verb and its 18x/19x refinement still code
    text = "Canada said it shipped rockets to Ukraine after the Russian invasion of Crimea."
    assert coded(text, beside) == {("010", "CAN", None, "asserted"), ("072", "CAN", "UKR", "asserted"),
                                   ("192", "RUS", "UKR", "asserted")}
    assert coded(text, only) == {("072", "CAN", "UKR", "asserted")}
    text = "Canada will ship wheat to Haiti."
    assert ("073", "CAN", "HTI", "future") in coded(text, beside) and len(coded(text, beside)) == 2
    assert coded(text, only) == {("073", "CAN", "HTI", "future")}  # no intent (033) beside it
    shot = "Gunmen shot two policemen in Karachi."
    assert {c for c, *_ in coded(shot, beside)} == {"180"}  # detente: unconventional violence
    assert {c for c, *_ in coded(shot, only)} == {"190"}  # the dictionary's code, as written
    assert coded("Canada shipped rocket launchers to Ukraine.", only) == {("072", "CAN", "UKR", "asserted")}


def test_a_dual_code_codes_the_event_both_ways(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("--- CONFER [031:031] ---\nCONFER\n- * (ON TRADE) [046:045]\n", encoding="utf-8")
    d = read_verb_dictionary(path)
    assert {(p.code, p.reverse) for p in d.patterns} == {("031", "031"), ("046", "045")} and not d.skipped


@pytest.mark.slow
def test_dual_coded_events_and_quantities(tmp_path):
    import detente
    from detente.pipeline import Pipeline, PipelineConfig

    path = tmp_path / "v.txt"
    path.write_text("--- CONFER [031:031] ---\nCONFER\n", encoding="utf-8")
    pipe = Pipeline(PipelineConfig(verb_files=(str(path),), verbs_only=True))

    def coded(text):
        return triples(detente.code(text, published="2020-05-04", pipeline=pipe))

    both = {("031", "PERGOV", "CHLGOV", "asserted"), ("031", "CHLGOV", "PERGOV", "asserted")}
    assert coded("The Peruvian president conferred with Chilean diplomats.") == both
    # "a bunch of" counts people as "a handful of" does: the diplomats are the target
    assert coded("The Peruvian president conferred with a bunch of Chilean diplomats.") == both
    # coordinated subjects with no object: each with the other once, not twice
    assert coded("Peru and Chile conferred on Monday.") == {("031", "PER", "CHL", "asserted"),
                                                              ("031", "CHL", "PER", "asserted")}
