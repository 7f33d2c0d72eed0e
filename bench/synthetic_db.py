"""Synthetic detente databases for the benchmarks, generated inside DuckDB (no Python loops).

    python bench/synthetic_db.py OUT.duckdb [N_EVENTS]

Documents get one published date each; events draw actors, CAMEO codes (from the
package's CAMEO table, with their root, QuadClass and Goldstein), places and dates
from a fixed pseudo-random hash of the row number, so a run is reproducible.
"""
from __future__ import annotations

import csv
import sys
import time
from importlib import resources
from pathlib import Path

from detente.store import db as store_db

ACTORS = [  # code, country, sector, text
    ("RUSGOV", "RUS", "GOV", "Moscow"), ("RUSMIL", "RUS", "MIL", "Russian forces"),
    ("SYRGOV", "SYR", "GOV", "Damascus"), ("SYRREB", "SYR", "REB", "Syrian rebels"),
    ("TURGOV", "TUR", "GOV", "Ankara"), ("TURMIL", "TUR", "MIL", "Turkish troops"),
    ("USAGOV", "USA", "GOV", "Washington"), ("USAMIL", "USA", "MIL", "US forces"),
    ("IGOUNO", None, "IGO", "the United Nations"), ("IRNGOV", "IRN", "GOV", "Tehran"),
    ("ISRMIL", "ISR", "MIL", "Israeli army"), ("UKRGOV", "UKR", "GOV", "Kyiv"),
    ("UKRMIL", "UKR", "MIL", "Ukrainian forces"), ("FRAGOV", "FRA", "GOV", "Paris"),
    ("DEUGOV", "DEU", "GOV", "Berlin"), ("CHNGOV", "CHN", "GOV", "Beijing"),
    ("GBRGOV", "GBR", "GOV", "London"), ("SAUGOV", "SAU", "GOV", "Riyadh"),
    ("IRQGOV", "IRQ", "GOV", "Baghdad"), ("LBNREB", "LBN", "REB", "Hezbollah"),
]
PLACES = [  # name, lat, lon, country
    ("Aleppo", 36.2, 37.16, "SYR"), ("Idlib", 35.93, 36.63, "SYR"), ("Damascus", 33.51, 36.29, "SYR"),
    ("Geneva", 46.2, 6.15, "CHE"), ("Astana", 51.17, 71.45, "KAZ"), ("Sochi", 43.6, 39.73, "RUS"),
    ("Vienna", 48.21, 16.37, "AUT"), ("Kyiv", 50.45, 30.52, "UKR"), ("Donetsk", 48.0, 37.8, "UKR"),
    ("Baghdad", 33.31, 44.36, "IRQ"), ("Ankara", 39.93, 32.86, "TUR"), ("Moscow", 55.75, 37.62, "RUS"),
    ("New York", 40.71, -74.0, "USA"), ("Gaza", 31.5, 34.47, "PSE"), ("Beirut", 33.89, 35.5, "LBN"),
]


def cameo_codes() -> list[tuple[str, str, int, float]]:
    path = resources.files("detente") / "data" / "cameo" / "event_codes.tsv"
    lines = [ln for ln in path.read_text().splitlines() if not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [(r["code"], r["root"], int(r["quad_class"]), float(r["goldstein"])) for r in rows]


def make_synthetic_db(path: str | Path, n_events: int = 1_000_000, events_per_doc: int = 5) -> Path:
    path = Path(path)
    if path.exists():
        path.unlink()
    store = store_db.Store(path)  # creates the schema
    con = store.con
    n_docs = max(1, n_events // events_per_doc)
    con.execute("CREATE TEMP TABLE actors AS SELECT * FROM (VALUES " + ",".join(
        "(?, ?, ?, ?, ?)" for _ in ACTORS) + ") t(i, code, country, sector, txt)",
        [v for i, a in enumerate(ACTORS) for v in (i, *a)])
    con.execute("CREATE TEMP TABLE places AS SELECT * FROM (VALUES " + ",".join(
        "(?, ?, ?, ?, ?)" for _ in PLACES) + ") t(i, name, lat, lon, country)",
        [v for i, p in enumerate(PLACES) for v in (i, *p)])
    codes = cameo_codes()
    con.execute("CREATE TEMP TABLE codes AS SELECT * FROM (VALUES " + ",".join(
        "(?, ?, ?, ?, ?)" for _ in codes) + ") t(i, code, root, quad, gold)",
        [v for i, c in enumerate(codes) for v in (i, *c)])
    na, npl, nc = len(ACTORS), len(PLACES), len(codes)
    con.execute("BEGIN")
    con.execute(f"""
        INSERT INTO documents (doc_id, title, source, url, published, text, content_hash, n_sentences, n_events)
        SELECT 'd' || lpad(i::VARCHAR, 8, '0'), 'Synthetic report ' || i, 'src' || (i % 40),
               'https://example.org/' || i, DATE '2015-01-01' + CAST(hash(i, 'pub') % 3650 AS INTEGER),
               'Synthetic document ' || i || '. Moscow struck Aleppo near Geneva talks.', md5(i::VARCHAR),
               {events_per_doc}, {events_per_doc}
        FROM range({n_docs}) r(i)""")
    con.execute(f"""
        INSERT INTO events
        WITH base AS (
          SELECT i, i // {events_per_doc} AS d,
                 hash(i, 'a') % {na} AS sa, (hash(i, 'a') % {na} + 1 + hash(i, 'b') % {na - 1}) % {na} AS ta,
                 CAST(floor(pow((hash(i, 'c') % 1000) / 1000.0, 2) * {nc}) AS INTEGER) AS ci,
                 hash(i, 'p') % {npl * 2} AS pi, hash(i, 'f') % 20 AS fi
          FROM range({n_events}) r(i))
        SELECT 'e' || lpad(base.i::VARCHAR, 10, '0'), 'd' || lpad(d::VARCHAR, 8, '0'), 0,
               s.txt || ' acted on ' || t.txt || ' (' || c.code || ') near ' || coalesce(p.name, 'somewhere'), 0,
               DATE '2015-01-01' + CAST(hash(d, 'pub') % 3650 AS INTEGER) - CAST(hash(base.i, 'lag') % 3 AS INTEGER),
               'day', NULL, c.code, c.root, c.quad, c.gold, NULL, 'acted', 0, 5,
               s.txt, s.code, s.country, s.sector, NULL, 'synthetic', 0, 5,
               t.txt, t.code, t.country, t.sector, NULL, 'synthetic', 10, 15,
               CASE WHEN fi < 16 THEN 'asserted' WHEN fi < 18 THEN 'negated' ELSE 'future' END,
               NULL, NULL, p.name, p.lat, p.lon, p.country, NULL,
               CASE WHEN p.name IS NULL THEN 'none' ELSE 'sentence' END, 'synthetic', 0.8
        FROM base
        JOIN actors s ON s.i = base.sa JOIN actors t ON t.i = base.ta
        JOIN codes c ON c.i = base.ci LEFT JOIN places p ON p.i = base.pi""")
    con.execute("COMMIT")
    store.close()
    return path


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "synthetic.duckdb"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    t0 = time.perf_counter()
    make_synthetic_db(out, n)
    print(f"{out}: {n} events in {time.perf_counter() - t0:.1f}s")
