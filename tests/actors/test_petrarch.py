"""PETRARCH/TABARI dictionary import: small dictionaries written here, and PETRARCH's own
validation dictionaries from ../shared/reference/petrarch2 (skipped when absent)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors.kb import KnowledgeBase, build_kb, normalize
from detente.actors.petrarch import (
    load_petrarch_actors,
    load_petrarch_agents,
    load_petrarch_file,
    parse_code_block,
)
from detente.actors.document import DocContext
from detente.actors.resolver import resolve_head

def _tests_conftest():
    """tests/conftest.py by path: `import conftest` may find another directory's conftest."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("detente_tests_conftest", Path(__file__).parents[1] / "conftest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_conftest = _tests_conftest()
REFERENCE, need_shared = _conftest.REFERENCE, _conftest.need_shared

ACTORS = """\
<!-- A TEST ACTOR DICTIONARY -->
<!-- comments can
     span lines -->
# a comment line
ARNOR_  [ARN]   # a trailing underscore is dropped
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN

DAGOLATH  [DAG]
THE_AU [IGOAFR]
WASHINGTON  [USAGOV]
AMNESTY_INTERNATIONAL [NGO]
BOROMIR  [---]
GOLLUM
+SMEAGOL
+SLINKER
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
#\t[HOBXXX 19950601 - 19990815]   a commented-out block
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[ORCHOB 20100109-20100112]
\t[HOBMIL 20080120-20121109]
PRINCE OF DOL AMROTH
\t[--- <950630]
\t[DOL]
UMBAR_CORSAIRS
\t[--- <950630]
\t[UMBREB]
THE_SHIRE  [FRO/BIL/SAM]
<! -- a malformed comment line is skipped -->
JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]
"""

AGENTS = """\
<!-- A TEST AGENT DICTIONARY -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINST! = MINISTER, MINISTRY
CLERIC  [~REL]
AUTHORITY [~GOV]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
FOREIGN_MINISTER [~GOV] # jap 4/14/01
HUMAN_RIGHTS_BODY  [NGO~]
OXFAM {}  [NGO~]
SECURITY_FORCE [ ~MIL]
"""


def _lines(text: str) -> list[str]:
    from detente.actors.petrarch import _strip_comments

    return _strip_comments(text)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    assert load_petrarch_actors(kb, _lines(ACTORS), "test") == 13
    load_petrarch_agents(kb, _lines(AGENTS))
    return kb


def only(kb: KnowledgeBase, name: str):
    hits = kb.lookup(name)
    assert len(hits) == 1, (name, hits)
    return hits[0]


# ------------------------------------------------------------------ code blocks
@pytest.mark.parametrize("block,expected", [
    ("ARN", ("ARN", None, None)),
    ("pse", ("PSE", None, None)),
    ("HOB <950601", ("HOB", None, date(1995, 5, 31))),  # before: the day before is the last
    ("HOB < 950601", ("HOB", None, date(1995, 5, 31))),
    ("HOBREB >990816", ("HOBREB", date(1999, 8, 16), None)),
    ("HOBGOV 19950601 - 19990815", ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15))),
    ("USAELI 640101-010120", ("USAELI", date(1964, 1, 1), date(2001, 1, 20))),  # YY 00-30 is 20YY
    ("---", (None, None, None)),
    ("--- <950630", (None, None, date(1995, 6, 29))),
    ("+++", (None, None, None)),
    ("FRO/BIL/SAM", ("FRO", None, None)),
])
def test_parse_code_block(block, expected):
    assert parse_code_block(block) == expected


# ------------------------------------------------------------------ actor dictionaries
def test_plain_names_and_synonyms(kb):
    arnor = only(kb, "Arnor")
    assert (arnor.kind, arnor.code, arnor.country) == ("country", "ARN", "ARN")
    assert arnor.name == "Arnor"
    for syn in ("Gondor", "Minas Tirith", "minas tirith", "Anorien"):
        assert only(kb, syn).code == "GON"
    assert kb.countries["GON"].name == "Gondor"


def test_derived_adjectives_of_places(kb):
    assert only(kb, "Arnorian").code == "ARN"
    assert only(kb, "Dagolathi").kind == "adjective"


def test_codes_and_kinds(kb):
    assert (only(kb, "Washington").kind, only(kb, "Washington").code) == ("group", "USAGOV")
    au = only(kb, "AU")  # THE_AU: the article dropped, matched in capitals only
    assert (au.code, au.country) == ("IGOAFR", None)
    assert kb.lookup("au") == []
    amnesty = only(kb, "Amnesty International")
    assert (amnesty.kind, amnesty.code) == ("org", "NGO")  # a CAMEO type code is no country
    assert only(kb, "The Shire").code == "FRO"  # several codes: the first


def test_null_code_is_known_but_uncoded(kb):
    boromir = only(kb, "Boromir")
    assert boromir.code is None and not boromir.roles


def test_dated_codes(kb):
    gollum = only(kb, "Smeagol")
    assert gollum is only(kb, "Gollum") is only(kb, "Slinker")
    assert gollum.code is None  # no undated default
    assert [(r.code, r.start, r.end) for r in gollum.roles] == [
        ("HOB", None, date(1995, 5, 31)),
        ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15)),
        ("HOBREB", date(1999, 8, 16), None),
    ]
    on = {d: gollum.role_on(date.fromisoformat(d)) for d in ("1995-05-31", "1995-06-01", "1999-08-15",
                                                             "1999-08-16")}
    assert [r.code for r in on.values()] == ["HOB", "HOBGOV", "HOBGOV", "HOBREB"]
    assert not any(r.code == "HOBXXX" for r in gollum.roles)  # commented out


def test_dated_codes_with_a_default(kb):
    sam = only(kb, "Sam Gamgee")
    assert sam.code == "HOB"
    assert sam.role_on(date(2008, 1, 19)).code == "HOBCIV"
    assert sam.role_on(date(2010, 1, 10)).code == "ORCHOB"  # the latest-starting block in force
    assert sam.role_on(date(2010, 1, 13)).code == "HOBMIL"
    assert sam.role_on(date(2014, 1, 1)) is None  # -> the default, HOB


def test_null_period(kb):
    """[--- <950630] then [DOL]: uncoded before 1995-06-30, DOL from then on."""
    prince = only(kb, "Prince of Dol Amroth")
    assert prince.code is None  # no undated code left
    assert prince.role_on(date(1995, 6, 29)) is None
    assert prince.role_on(date(1995, 6, 30)).code == "DOL"


def test_several_blocks_on_the_name_line(kb):
    cuellar = only(kb, "Javier de Cuellar")
    assert cuellar.code == "ELI"
    assert cuellar.role_on(date(1990, 1, 1)).code == "IGOUNO"


def test_malformed_comment_line_is_no_entry(kb):
    assert not [e for e in kb.entries.values() if "<" in e.name or "comment" in e.name.lower()]


# ------------------------------------------------------------------ agent dictionaries
@pytest.mark.parametrize("word,code", [
    ("cleric", "REL"), ("clerics", "REL"),  # regular plural
    ("authority", "GOV"), ("authorities", "GOV"),  # Y -> IES
    ("police", "COP"),  # {}: no plural form
    ("attorney general", "JUD"), ("attorneys general", "JUD"),  # explicit plural
    ("congressman", "LEG"), ("congresswomen", "LEG"),  # !PERSON! substitution
    ("minister of silly walks", "GOV"), ("ministry of silly walks", "GOV"),
    ("foreign minister", "GOV"), ("foreign ministers", "GOV"),
    ("human rights body", "NGO~"),  # a prefix agent keeps its mark: its role goes before the country
    ("security force", "MIL"),
])
def test_agents(kb, word, code):
    assert kb.titles[normalize(word)] == code
    assert kb.sector_nouns[normalize(word)] == code


def test_agent_forms_not_generated(kb):
    assert "polices" not in kb.titles  # {} means no plural
    assert "congress!person!" not in kb.titles and "congresss" not in kb.titles
    assert not [k for k in kb.titles if "!" in k or "~" in k]


def test_file_kind_is_detected(tmp_path):
    actors, agents = tmp_path / "test.actors.txt", tmp_path / "my.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    kb = KnowledgeBase()
    assert load_petrarch_file(kb, actors) == 13
    assert load_petrarch_file(kb, agents) > 15
    assert kb.titles["cleric"] == "REL" and only(kb, "Gondor").code == "GON"


# ------------------------------------------------------------------ resolution (spaCy)
@pytest.fixture(scope="module")
def full_kb(tmp_path_factory):
    """The bundled knowledge base plus the test dictionaries, as `--kb` builds it."""
    d = tmp_path_factory.mktemp("petrarch")
    (d / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (d / "test.agents.txt").write_text(AGENTS, encoding="utf-8")
    return build_kb([d / "test.actors.txt", d / "test.agents.txt"])


def _resolve(pipeline, kb, text: str, head: str, on: str):
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.text == head)
    return resolve_head(tok, kb, DocContext(event_date=date.fromisoformat(on)))[1]


@pytest.mark.slow
@pytest.mark.parametrize("text,head,on,code", [
    ("Arnor criticised Gondor.", "Arnor", "1995-01-01", "ARN"),
    ("The Arnor cleric criticised Gondor.", "cleric", "1995-01-01", "ARNREL"),
    ("The Arnorian foreign minister criticised Gondor.", "minister", "1995-01-01", "ARNGOV"),
    ("Gondor's government criticised Arnor.", "government", "1995-01-01", "GONGOV"),
    ("Smeagol criticised Gondor.", "Smeagol", "1995-01-01", "HOB"),
    ("Smeagol criticised Gondor.", "Smeagol", "1995-11-01", "HOBGOV"),
    ("Smeagol criticised Gondor.", "Smeagol", "2001-01-01", "HOBREB"),
    ("Sam Gamgee criticised Gondor.", "Gamgee", "2010-01-10", "ORCHOB"),
    ("Sam Gamgee criticised Gondor.", "Gamgee", "2014-01-01", "HOB"),
    ("The AU criticised Gondor.", "AU", "1995-01-01", "IGOAFR"),
    ("The Umbar corsairs attacked Gondor.", "corsairs", "1999-01-01", "UMBREB"),
    ("The Umbar corsairs attacked Gondor.", "corsairs", "1995-01-01", None),  # a null period
    ("Boromir criticised Gondor.", "Boromir", "1995-01-01", None),
])
def test_resolve_with_imported_dictionaries(pipeline, full_kb, text, head, on, code):
    assert _resolve(pipeline, full_kb, text, head, on).code == code


@pytest.mark.slow
def test_name_with_of(pipeline, full_kb):
    """A KB name containing 'of' whose head is a common noun: the mention grows over the
    'of' phrase only when the whole phrase is a known name."""
    assert _resolve(pipeline, full_kb, "The Prince of Dol Amroth criticised Gondor.", "Prince", "1999-01-01").code \
        == "DOL"
    doc = pipeline.nlp("The Prince of Dol Amroth criticised Gondor.")
    toks, _ = resolve_head(next(t for t in doc if t.text == "Prince"), full_kb,
                           DocContext(event_date=date(1999, 1, 1)))
    assert " ".join(t.text for t in toks) == "Prince of Dol Amroth"
    # an 'of' phrase that does not make a known name changes nothing: the army of Gondor
    assert _resolve(pipeline, full_kb, "The army of Gondor criticised Arnor.", "army", "1999-01-01").code == "GONMIL"


@pytest.mark.slow
def test_user_dictionary_overrides_bundled_vocabulary(pipeline, full_kb):
    # bundled: "cleric" is ELI; the loaded agent dictionary says REL
    assert pipeline.coder.kb.sector_nouns["cleric"] != "REL"
    assert _resolve(pipeline, full_kb, "Russian clerics criticised Gondor.", "clerics", "1995-01-01").code == "RUSREL"


@pytest.mark.slow
@pytest.mark.parametrize("text,head,code", [
    ("Oxfam Arnor criticised Gondor.", "Arnor", "NGOARN"),  # the prefix agent before the country
    ("An Oxfam Arnor cleric criticised Gondor.", "cleric", "NGOARNREL"),  # and before the role
    ("The Dagolath human rights body criticised Gondor.", "body", "NGODAG"),
])
def test_prefix_agents_go_before_the_country(pipeline, full_kb, text, head, code):
    # "Oxfam" is a bundled organisation; the agent dictionary makes the word an agent
    assert _resolve(pipeline, full_kb, text, head, "1995-01-01").code == code


@pytest.mark.slow
def test_code_with_kb_files(tmp_path):
    """`detente code --kb` / PipelineConfig(kb_files=...) with PETRARCH dictionaries."""
    import detente
    from detente.pipeline import Pipeline, PipelineConfig

    (tmp_path / "t.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "t.agents.txt").write_text(AGENTS, encoding="utf-8")
    pipe = Pipeline(PipelineConfig(kb_files=(str(tmp_path / "t.actors.txt"), str(tmp_path / "t.agents.txt"))))
    evs = detente.code("Arnor condemned Gondor.", published="1995-01-01", pipeline=pipe)
    assert [(e.cameo_root, e.source.actor.code, e.target.actor.code) for e in evs] == [("11", "ARN", "GON")]


@pytest.mark.slow
def test_coordinated_names_in_one_entity(pipeline, full_kb):
    doc = pipeline.nlp("White House security officials are about to restore full diplomatic ties with Gondor "
                       "and Arnor.")
    ents = [e.text for e in doc.ents]
    assert "Gondor and Arnor" in ents  # the parse this test is about
    arnor = next(t for t in doc if t.text == "Arnor")
    assert resolve_head(arnor, full_kb, DocContext(event_date=date(1995, 1, 1)))[1].code == "ARN"


# ------------------------------------------------------------------ PETRARCH's validation dictionaries
@pytest.fixture(scope="module")
def validate_kb():
    folder = need_shared(REFERENCE / "petrarch2")
    actors, agents = folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"
    if not actors.exists() or not agents.exists():
        pytest.skip("PETR.Validate dictionaries are absent")
    kb = KnowledgeBase()
    n_actors = load_petrarch_file(kb, actors)
    n_agents = load_petrarch_file(kb, agents)
    return kb, n_actors, n_agents, build_kb([actors, agents])


def test_validation_dictionaries_load(validate_kb):
    kb, n_actors, n_agents, _ = validate_kb
    assert n_actors > 100 and n_agents > 100
    assert only(kb, "Arnor").code == "ARN"
    assert only(kb, "Eriadorian").code == "ERI"  # a synonym
    assert only(kb, "Hermit Kingdom").code == "PRK"
    assert only(kb, "KU").code == only(kb, "K.U.").code == "USAEDU"
    assert kb.titles["foreign minister"] == "GOVFRM" and kb.titles["congressmen"] == "LEG"
    assert kb.titles["golden geese"] == "GGS" and "polices" not in kb.titles
    assert not [e for e in kb.entries.values() if "<" in e.name]


def test_validation_dated_codes(validate_kb):
    kb, *_ = validate_kb
    sam, hamfast = only(kb, "Sam Gamgee"), only(kb, "Hamfast Gamgee")
    # the dates of PETR.UnitTest.records.xml (DATE-01 ... DATE-13) and the codes it expects
    for who, day, code in [(sam, "2008-01-19", "HOBCIV"), (sam, "2010-01-06", "HOBMIL"),
                           (sam, "2010-01-09", "ORCHOB"), (sam, "2010-01-12", "ORCHOB"),
                           (sam, "2010-01-13", "HOBMIL"), (sam, "2012-12-31", "HOBGOV"),
                           (hamfast, "2012-11-09", "HOBGOV"), (hamfast, "2014-01-04", "HOB"),
                           (hamfast, "1995-01-04", "HOB")]:
        role = who.role_on(date.fromisoformat(day))
        assert (role.code if role else who.code) == code, (who.name, day)
    zimbabwe = only(kb, "Zimbabwe")
    assert zimbabwe.role_on(date(1978, 12, 23)).code == "RHO" and zimbabwe.role_on(date(2001, 1, 1)) is None


@pytest.mark.slow
@pytest.mark.parametrize("text,head,on,code", [
    ("Arnor is about to restore full diplomatic ties with Gondor.", "Arnor", "1995-01-01", "ARN"),
    ("Arnor's foreign minister urged Eriador to respond.", "minister", "1995-01-19", "ARNGOVFRM"),
    ("Arnor cleric met Gondor.", "cleric", "1995-01-01", "ARNREL"),
    ("The Calenardhon government condemned an attack.", "government", "1995-01-06", "CALGOV"),
    ("Arnor is about to restore full diplomatic ties with the Gondor main opposition group.", "group",
     "1995-01-01", "GONMOP"),
    ("Smeagol is about to restore full diplomatic ties with Gondor.", "Smeagol", "1995-11-01", "HOBGOV"),
    ("Arnor is about to restore full diplomatic ties with Slinker.", "Slinker", "2001-01-01", "HOBREB"),
    ("Zimbabwe is about to restore full diplomatic ties with Gondor.", "Zimbabwe", "1978-12-23", "RHO"),
    ("Sam Gamgee met a bunch of Morgul Orcs.", "Gamgee", "2010-01-09", "ORCHOB"),
    ("The Hermit Kingdom fired two artillery shells at New Zealand.", "Kingdom", "1995-01-03", "PRK"),
])
def test_validation_names_resolve(pipeline, validate_kb, text, head, on, code):
    *_, full = validate_kb  # bundled knowledge base + the validation dictionaries, as `--kb` loads them
    assert _resolve(pipeline, full, text, head, on).code == code
