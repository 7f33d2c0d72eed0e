"""Where an event happened, from its own clause (detente.coding.placement). One case per
phenomenon, on sentences written for these tests: the parse is real (spaCy), the trigger
and its CAMEO code are given, so the cases test placement alone."""
from __future__ import annotations

import pytest

from detente.coding.placement import PlaceFinder, document_places

pytestmark = pytest.mark.slow  # parses with the spaCy model


@pytest.fixture(scope="module")
def place(pipeline):
    nlp, kb, gaz = pipeline.nlp, pipeline.coder.kb, pipeline.coder.gazetteer

    def run(text: str, trigger: str, code: str, focus: str | None = None, theatre: str | None = None,
            events: tuple[str, ...] = ()):
        doc = nlp(text)
        finder = PlaceFinder(gaz, kb, focus, theatre, document_places([doc], kb, gaz, first=(focus, theatre)))
        tok = next(t for t in doc if t.text == trigger)
        p = finder.event_place(tok, code, set(), {t.i for t in doc if t.text in events})
        return (p.place.name if p.place else None, p.place.country if p.place else None, p.precision, p.how)

    return run


CASES = [
    # the place object of an attack, its modifiers stripped
    ("Russian and Syrian warplanes bombed rebel-held eastern Aleppo, killing dozens of civilians.",
     "bombed", "195", ("Aleppo", "SYR", "clause", "place-object")),
    # a participle shares the place of the verb it hangs on
    ("Russian and Syrian warplanes bombed rebel-held eastern Aleppo, killing dozens of civilians.",
     "killing", "190", ("Aleppo", "SYR", "clause", "place-object")),
    # movement into a place; ASCII spelling of a GeoNames alternate name
    ("Turkish troops entered Afrin on Sunday.", "entered", "190", ("‘Afrīn", "SYR", "clause", "place-object")),
    # the passive subject of an attack verb, and the subject of "fall"
    ("Aleppo was shelled by government forces.", "shelled", "194", ("Aleppo", "SYR", "clause", "place-object")),
    ("Raqqa fell to Kurdish forces last week.", "fell", "192", ("Ar Raqqah", "SYR", "clause", "place-object")),
    # an event noun's place object; an event noun that is the subject shares it
    ("The US-led invasion of Iraq began in 2003.", "invasion", "192", ("Iraq", "IRQ", "clause", "place-object")),
    ("The Turkish offensive against Afrin killed 20 civilians.", "killed", "190",
     ("‘Afrīn", "SYR", "clause", "place-object"), ("offensive",)),
    # an attack noun carried by a light verb reaches its place through that verb; the object
    # that is part of a trigger names the place through its 'of' ("took control of Deraa")
    ("Turkey launched an offensive on Afrin.", "offensive", "190", ("‘Afrīn", "SYR", "clause", "place-object")),
    ("The regime took control of Deraa in July.", "took", "192", ("Dar‘ā", "SYR", "clause", "place-object")),
    # other event nouns are about their 'on' phrase: talks on Syria are held where they are held
    ("Russia and Turkey held talks on Syria in Sochi.", "talks", "046", ("Sochi", "RUS", "clause", "locative")),
    ("Russia and Turkey held talks on Syria.", "talks", "046", ("Turkey", "TUR", "document", "document-focus"),
     (), "TUR"),
    # a victim of an attack verb is no place, even when a town shares its name
    ("Hall was killed on Saturday.", "killed", "180", ("Syria", "SYR", "document", "document-focus"), (), "SYR"),
    # a relative clause on a noun is another scene than its governing clause, unless "where"
    # says it happened at that noun
    ("Parties involved in the Syrian civil war are meeting in Sochi.", "war", "190",
     ("Russia", "RUS", "document", "document-theatre")),  # the document's, not "in Sochi" of the meeting
    ("Russian forces guard Damascus, where the regime conducted its chemical weapons attack.", "attack", "190",
     ("Damascus", "SYR", "clause", "locative")),
    # movements through a particle, and away from a place
    ("The two fighters should be sent back to the UK.", "sent", "154",
     ("United Kingdom", "GBR", "clause", "place-object")),
    ("US troops withdrew from Manbij.", "withdrew", "0874", ("Manbij", "SYR", "clause", "place-object")),
    ("He said he was pulling America's 2,000 troops out of Syria.", "pulling", "0874",
     ("Syria", "SYR", "clause", "place-object")),
    ("She travelled to the Middle East.", "travelled", "042", ("Middle East", None, "clause", "place-object")),
    ("Jets shelled villages in southern Idlib.", "shelled", "194", ("Idlib", "SYR", "clause", "locative")),
    # a place noun: "the village of X"; a small Syrian village beats the Japanese town Tamana
    ("Government forces attacked the village of al-Tamanah in southern Idlib.", "attacked", "190",
     ("At Tamāni‘ah", "SYR", "clause", "place-object")),
    # a nationality's capital is that country's capital city
    ("Gunmen stormed a hotel in the Lebanese capital.", "stormed", "180", ("Beirut", "LBN", "clause", "locative")),
    # a place GeoNames lacks, from the curated table
    ("Kurdish-led forces captured Baghuz from Islamic State.", "captured", "192",
     ("Baghuz", "SYR", "clause", "place-object")),
    # locatives: "in", a sentence-initial one on the verb, "north of"
    ("Police arrested two men in Salisbury.", "arrested", "173", ("Salisbury", "GBR", "clause", "locative")),
    ("British police arrested him at Manchester airport when he returned.", "arrested", "173",
     ("Manchester", "GBR", "clause", "locative")),
    ("In Idlib, government forces shelled a school.", "shelled", "194", ("Idlib", "SYR", "clause", "locative")),
    ("Jets bombed a hospital 20km north of Hama.", "bombed", "195", ("Ḩamāh", "SYR", "clause", "locative")),
    # talks *over* a place are about it; where they ended is their place
    ("Talks between Russia and Turkey over Idlib ended in Sochi.", "Talks", "046",
     ("Sochi", "RUS", "clause", "locative")),
    # where what was shelled was (a material event only)
    ("Syrian jets shelled hospitals in Idlib.", "shelled", "194", ("Idlib", "SYR", "clause", "place-object")),
    ("Syrian jets shelled rebel positions in Idlib.", "shelled", "194", ("Idlib", "SYR", "clause", "object-locative")),
    # a meeting takes the place of the people it meets, or of the round it holds
    ("Lavrov met separately with both delegations in Geneva.", "met", "040",
     ("Geneva", "CHE", "clause", "object-locative")),
    ("Russia will host a second round in Sochi in April.", "host", "043", ("Sochi", "RUS", "clause", "venue")),
    # a meeting about a place is not in it: no place in the clause, the document's country
    ("Trump discussed developments in Syria with Erdogan on Sunday.", "discussed", "040",
     ("Syria", "SYR", "document", "document-theatre")),
    # a time clause says where: "killed when a mine exploded in Raqqa"
    ("He was killed when a mine exploded in Raqqa.", "killed", "190", ("Ar Raqqah", "SYR", "clause", "locative")),
    # "the country" is the country just named
    ("The US has 500 troops in Syria, supporting militias fighting Islamic State in the north of the country.",
     "fighting", "190", ("Syria", "SYR", "clause", "locative")),
    # a statement's place is its venue, when the text gives one
    ("Lavrov told a news conference in Moscow that the talks had failed.", "told", "010",
     ("Moscow", "RUS", "clause", "venue")),
    ("Speaking in Sochi, Putin said Russia would stay.", "said", "010", ("Sochi", "RUS", "clause", "venue")),
    # an occasion reached through "through" or "during" places the event; a city named before the
    # occasion's noun is where it was held, a country there is what it is about
    ("Iran and Iraq cooperated closely through the so-called Minsk process in Belarus.", "cooperated", "050",
     ("Minsk", "BLR", "clause", "venue")),
    ("Lavrov spoke at the Sochi summit.", "spoke", "010", ("Sochi", "RUS", "clause", "venue")),
    ("The ministers worked together through the Syria talks in Vienna.", "worked", "050",
     ("Vienna", "AUT", "clause", "venue")),
    # ... and never what it is about or the place of what it reports
    ("Russia said it had bombed Idlib.", "said", "010", ("Syria", "SYR", "document", "document-theatre"),
     (), None, "SYR"),
    ("Russia said it had bombed Idlib.", "bombed", "195", ("Idlib", "SYR", "clause", "place-object")),
    # buildings that stand for a government are placed in its capital
    ("Putin met Erdogan at the White House.", "met", "040", ("Washington", "USA", "clause", "locative+metonym")),
    ("Talks were held at Whitehall.", "Talks", "040", ("London", "GBR", "clause", "locative+metonym")),
    ("Ministers met in the Kremlin.", "met", "040", ("Moscow", "RUS", "clause", "locative+metonym")),
    # a place the action is about is not its place ("sanctions on oil from Iran")
    ("The United States exempted eight countries from its sanctions on oil from Iran.", "sanctions", "163",
     ("United States", "USA", "document", "document-focus"), (), "USA"),
    # a nationality word, or a capital standing for its government, is never a place
    ("Syrian forces attacked the town.", "attacked", "190", ("Syria", "SYR", "document", "document-focus"),
     (), "SYR"),
    ("Riyadh's war in Yemen has killed thousands of people.", "killed", "190",
     ("Yemen", "YEM", "sentence", "sentence-locative")),
    # never a locative inside a relative clause on someone else: not from the sentence, but
    # the document's own locatives (here all in Afghanistan) still make its theatre
    ("Their arrests came after Robinson, who served in Afghanistan, travelled to Syria.", "arrests", "173",
     ("Afghanistan", "AFG", "document", "document-theatre")),
    # the nearest locative of the sentence, for a material event
    ("Violence continues in other parts of Syria, with militants killing 80 people.", "killing", "190",
     ("Syria", "SYR", "sentence", "sentence-locative")),
    # ... never from inside a quotation to outside it (the document's places are in Syria)
    ("“We fought in Raqqa,” he said, as jets bombed villages.", "bombed", "195",
     ("Syria", "SYR", "document", "document-theatre")),
    # with no place in its sentence, the country of the document's locatives, else its focus
    ("Jets bombed the town. Later, officials met in Ankara and in Istanbul.", "bombed", "195",
     ("Turkey", "TUR", "document", "document-theatre")),
    ("Jets bombed the town.", "bombed", "195", ("Iraq", "IRQ", "document", "document-focus"), (), "IRQ"),
    # a place noun's state or nationality says where its name is: a homonym abroad (Corofin
    # and Glenties are Irish towns) gives way to the state or country the text names
    ("Police raided a farm in the Iowa town of Corofin.", "raided", "190",
     ("Iowa", "USA", "clause", "object-locative")),
    ("Militants shelled the Syrian village of Glenties on Monday.", "shelled", "190",
     ("Syria", "SYR", "clause", "place-object")),
    ("Militants shelled the Syrian town of Douma.", "shelled", "190",
     ("Dūmā", "SYR", "clause", "place-object")),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_place_of_event(place, case):
    text, trigger, code, expected, *rest = case
    events = rest[0] if rest else ()
    focus = rest[1] if len(rest) > 1 else None
    theatre = rest[2] if len(rest) > 2 else None
    assert place(text, trigger, code, focus, theatre, events) == expected


def test_bombed_eastern_aleppo_end_to_end(code_text):
    """The coder places the bombing and the killing at Aleppo, from their own clause."""
    evs = code_text("Russian and Syrian warplanes bombed rebel-held eastern Aleppo, killing dozens of civilians.",
                    "2016-10-10")
    assert evs and {(e.location.name, e.location.country, e.location_precision, e.location_how)
                    for e in evs} == {("Aleppo", "SYR", "clause", "place-object")}
    assert abs(evs[0].location.latitude - 36.2) < 0.1


def test_no_place_without_one_in_the_document(place):
    assert place("The ministers agreed.", "agreed", "030") == (None, None, "none", "none")


def test_fighting_goes_on_where_the_sentence_before_put_it(code_text):
    text = ("Syria has been at war since 2011. Kurdish fighters stormed Raqqa on Saturday. "
            "Islamic State militants surrendered to the Kurdish fighters.")
    evs = [e for e in code_text(text, "2017-10-20") if e.trigger.text == "surrendered"]
    assert [(e.location.name, e.location_precision, e.location_how) for e in evs] == [
        ("Ar Raqqah", "document", "previous-sentence")]
    # a statement is not placed by the fighting before it
    text = "Kurdish fighters stormed Raqqa on Saturday. The Kremlin criticised Washington."
    evs = [e for e in code_text(text, "2017-10-20") if e.trigger.text == "criticised"]
    assert [e.location_how for e in evs] != ["previous-sentence"]


def test_a_state_arrests_where_it_rules(code_text):
    """An arrest or detention by a state's own agent, with no place in its sentence, is in that
    state, not where the fighting of the sentence before was; a place in the sentence still wins."""
    text = "Syrian rebels shelled Idlib on Monday. Two Syrian smugglers were detained by the Lebanese army."
    evs = [e for e in code_text(text, "2018-03-05") if e.trigger.text == "detained"]
    assert [(e.location.name, e.location_precision, e.location_how) for e in evs] == [
        ("Lebanon", "document", "jurisdiction")]
    text = "Syrian rebels shelled Idlib on Monday. Two Syrian smugglers were detained in Beirut by the Lebanese army."
    evs = [e for e in code_text(text, "2018-03-05") if e.trigger.text == "detained"]
    assert [(e.location.name, e.location_how) for e in evs] == [("Beirut", "locative")]


def test_an_armed_group_holds_people_where_it_holds_ground(code_text):
    """A detention by an armed group of a country, with no place of its own, is in that country;
    a country named only as a backer ("the US-backed ...") is not "the country" of a later phrase."""
    text = ("Britain wants its nationals home. The US-backed Libyan rebels, who are holding the two "
            "Britons in the south of the country, have not answered.")
    evs = [e for e in code_text(text, "2019-03-05") if e.trigger.text == "holding"]
    assert [(e.cameo_code, e.target.actor.code, e.location.country, e.location_how) for e in evs] == [
        ("173", "GBR", "LBY", "jurisdiction")]


def test_a_visitor_acts_where_the_sentence_before_brought_him(code_text):
    """What a person does with no place in its sentence, right after a sentence that has him
    arrive somewhere or visit it, is there; someone else's act is not."""
    evs = code_text("Lavrov arrived in Ankara on Monday. He praised his hosts. Putin criticised Washington.",
                    "2018-03-05")
    assert {(e.trigger.text, e.location.name, e.location_how) for e in evs if e.trigger.text != "arrived"} == {
        ("praised", "Ankara", "previous-visit"), ("criticised", "Turkey", "document-theatre")}
    evs = code_text("Lavrov's first stop, a visit to Egypt on Monday, drew criticism. "
                    "Praising his hosts for their cooperation, Lavrov said nothing about the election.", "2018-03-05")
    assert {(e.trigger.text, e.location.name, e.location_how) for e in evs} >= {
        ("Praising", "Egypt", "previous-visit")}


def test_a_speaker_goes_on_speaking_where_the_document_put_him(code_text):
    """A building named as a venue is placed by its own locative ("at the thinktank Chatham
    House in London"); the same person's later statements with no place of their own are made
    there, someone else's are not, and a country named on the verb (often the parser's
    misattachment) is no venue to carry on."""
    evs = code_text("Erdoğan was speaking at the thinktank Chatham House in London on Tuesday. "
                    "Lavrov criticised Washington. He said the United States had lost its role as a mediator. "
                    "Erdoğan criticised the European Union.", "2018-05-15")
    assert [(e.trigger.text, e.source.actor.code, e.location.name, e.location_how) for e in evs] == [
        ("speaking", "TURGOV", "London", "venue"), ("criticised", "RUSGOV", "United Kingdom", "document-theatre"),
        ("said", "RUSGOV", "United Kingdom", "document-theatre"), ("criticised", "TURGOV", "London", "previous-venue")]
    evs = code_text("Erdoğan spoke in Turkey on Monday. Erdoğan criticised the European Union.", "2018-05-15")
    assert all(e.location_how != "previous-venue" for e in evs)


def test_another_actors_clause_is_another_scene(code_text):
    # "as foreign ministers gathered in Brussels": the ministers' scene, not the aircraft's
    text = "Russia sent in aircraft to bomb Idlib, as foreign ministers gathered in Brussels to pledge aid."
    evs = [e for e in code_text(text, "2019-03-14") if e.trigger.text == "sent"]
    assert evs and all(e.location_how not in ("locative", "sentence-locative") for e in evs)
    assert all(e.target is None or e.target.actor.code != "BEL" or e.target.actor.how == "inferred:document-theatre"
               for e in evs)
    # a "when" clause still places what happened then
    evs = code_text("Five Syrian soldiers were killed on Monday when a mine exploded in Raqqa.", "2017-10-30")
    assert {(e.location.country, e.location_how) for e in evs} == {("SYR", "locative")}


@pytest.mark.parametrize("text,place,how", [
    # where the act's own object was made: a signing's venue, not its topic
    ("Russia, Iran and Turkey signed a memorandum in Astana to set up safe zones in Syria.", "Astana",
     "object-locative"),
    ("Qatar and the Taliban signed an agreement in Doha.", "Doha", "object-locative"),
    # "outskirts" keeps its -s (lemma fix), so the town behind it is the place
    ("Boko Haram fighters attacked the outskirts of Maiduguri on Wednesday.", "Maiduguri", "place-object"),
])
def test_places_of_objects_and_outskirts(code_text, text, place, how):
    events = code_text(text, "2019-03-14")
    assert events and all((e.location.name if e.location else None) == place for e in events)
    assert all(e.location_how.startswith(how) for e in events)


def test_a_building_named_by_a_nationality_is_where_it_stands(code_text):
    # the embassy is in Kiev, and the police who arrest beside it are Ukraine's
    events = code_text("Police arrested a man near the Russian embassy in Kiev.", "2019-03-14")
    assert [(e.source.actor.code, e.location.name) for e in events] == [("UKRCOP", "Kyiv")]
