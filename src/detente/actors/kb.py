"""The actor knowledge base: states, organisations, armed groups, people with
date-bounded roles, and the role vocabulary (sector nouns, titles, metonyms).

Data files live in data/actors/ (format: data/actors/README.md). A user adds or
overrides entries with extra YAML files of the same formats (`--kb FILE`), or
PETRARCH dictionaries (see actors/petrarch.py). The compiled index maps a
normalised name to its candidate entries.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[.\u2019'`]")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Case-, accent-, period- and 'the'-insensitive key for a name (a pure function,
    memoised: the coder asks for the same few thousand phrases again and again)."""
    if name.isascii():  # NFKD leaves ASCII as it is, and no ASCII character combines
        s = name
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _PUNCT.sub("", s.replace("\u2019s", "").lower())
    s = s.replace("-", " ")
    s = _WS.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def strict_key(name: str) -> str:
    """Short all-caps aliases (US, UK, UN) only match in capitals: 'us' is a pronoun."""
    return "=" + name.replace(".", "").strip()


def needs_strict(alias: str) -> bool:
    bare = alias.replace(".", "").strip()
    return len(bare) <= 3 and bare.isupper()


@dataclass(slots=True)
class Role:
    title: str
    code: str
    start: date | None
    end: date | None
    approx: bool = False

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Entry:
    kind: str  # country | capital | adjective | org | group | person | metonym
    id: str
    name: str
    code: str | None  # full CAMEO actor code (None for persons: date-dependent)
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    surname: str | None = None
    gender: str | None = None
    parent: str | None = None

    def role_on(self, day: date | None) -> Role | None:
        if not self.roles:
            return None
        if day is None:
            current = [r for r in self.roles if r.end is None]
            return current[0] if current else None
        held = [r for r in self.roles if r.holds_on(day)]
        # most specific: the latest-starting role in force
        held.sort(key=lambda r: r.start or date.min, reverse=True)
        return held[0] if held else None


@dataclass(slots=True)
class KnowledgeBase:
    names: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)  # code -> country entry
    country_coords: dict[str, tuple[float, float]] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    generic_groups: dict[str, str] = field(default_factory=dict)
    title_modifiers: dict[str, str | None] = field(default_factory=dict)  # "former" -> ELI
    led_groups: dict[str, str] = field(default_factory=dict)  # "coalition" -> MIL: "US-led coalition" is USAMIL
    ethnic_groups: dict[str, str] = field(default_factory=dict)  # "kurdish" -> CVL: the document's country
    named_kinds: dict[str, str | None] = field(default_factory=dict)  # "party" -> None: "the Umma party"
    # "the small, rich nation": nouns that stand for a state named before, and the modifiers
    # that point at another one ("the neighbouring country")
    state_epithets: frozenset[str] = frozenset()
    other_state_modifiers: frozenset[str] = frozenset()
    other_party_nouns: frozenset[str] = frozenset()  # "his counterpart": not his country's
    honorifics: frozenset[str] = frozenset()  # "Mrs Merkel": Merkel
    armed_group_sectors: frozenset[str] = frozenset()  # "its fighters" after an armed group: the group
    surnames: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    entries: dict[str, Entry] = field(default_factory=dict)
    keys_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # id -> name keys

    # -- building ---------------------------------------------------------------------
    def add_name(self, alias: str, entry: Entry, case_sensitive: bool = False) -> None:
        if not alias or not alias.strip():
            return
        if case_sensitive and alias.lower().startswith("the "):
            alias = alias[4:]
        key = strict_key(alias) if case_sensitive or needs_strict(alias) else normalize(alias)
        self.keys_of[entry.id].add(key)
        bucket = self.names[key]
        # a later file overrides an earlier entry with the same id
        bucket[:] = [e for e in bucket if e.id != entry.id]
        bucket.insert(0, entry)

    def add_entry(self, entry: Entry, aliases: Iterable[str], case_sensitive: bool = False) -> None:
        old = self.entries.get(entry.id)
        if old is not None:  # an override: the old entry leaves all its names, listed again or not
            for key in self.keys_of.pop(entry.id, ()):
                self.names[key] = [e for e in self.names[key] if e.id != entry.id]
        if old is not None and old.surname:
            self.surnames[normalize(old.surname)] = [
                e for e in self.surnames[normalize(old.surname)] if e.id != entry.id
            ]
        self.entries[entry.id] = entry
        for a in (entry.name, *aliases):
            self.add_name(a, entry, case_sensitive)
        if entry.surname:
            self.surnames[normalize(entry.surname)].append(entry)

    # -- lookup -----------------------------------------------------------------------
    def lookup(self, text: str) -> list[Entry]:
        # capitals-only names (acronyms, metonyms, regions): strict_key and needs_strict, inlined
        # (the coder looks up every window of every mention)
        bare = text.replace(".", "").strip()
        hit = self.names.get("=" + bare)
        if hit or (len(bare) <= 3 and bare.isupper()):
            return hit or []
        return self.names.get(normalize(text), [])

    def country_name(self, code: str) -> str | None:
        e = self.countries.get(code)
        return e.name if e else None


# ---------------------------------------------------------------------------------------
def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _date(v: object) -> date | None:
    if v in (None, "", "null"):
        return None
    if isinstance(v, date):
        return v
    s = str(v)
    if len(s) == 4:
        s += "-01-01"
    elif len(s) == 7:
        s += "-01"
    return date.fromisoformat(s)


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        for r in rows:
            code = r["code"].strip()
            e = Entry("country", f"country:{code}", r["name"].strip(), code, country=code)
            kb.countries[code] = e
            kb.add_entry(e, _split(r.get("aliases")))
            adj = Entry("adjective", f"adjective:{code}", r["name"].strip(), code, country=code)
            for a in _split(r.get("adjectives")):
                kb.add_name(a, adj)
            cap = Entry("capital", f"capital:{code}", (r.get("capital") or "").strip(), f"{code}GOV",
                        country=code, sector="GOV")
            for a in [r.get("capital") or "", *_split(r.get("capital_aliases"))]:
                if a.strip():
                    kb.add_name(a.strip(), cap)
            try:
                kb.country_coords[code] = (float(r["lat"]), float(r["lon"]))
            except (KeyError, TypeError, ValueError):
                pass


def _code_parts(code: str | None, country: str | None, sector: str | None) -> tuple[str | None, str | None]:
    if code and not country and len(code) >= 6 and not code.startswith(("IGO", "NGO", "IMG", "MNC")):
        country = code[:3]
    if code and not sector:
        sector = code[3:6] if len(code) >= 6 else None
    return country, sector


def load_entities(kb: KnowledgeBase, items: Iterable[dict], kind: str, source: str) -> None:
    for it in items or ():
        if not isinstance(it, dict) or "name" not in it:
            raise ValueError(f"{source}: entry without a name: {it!r}")
        eid = str(it.get("id") or normalize(it["name"]).replace(" ", "-"))
        item_kind = it.get("kind", kind)
        if item_kind == "person" or "roles" in it:
            roles = [
                Role(str(r.get("title", "")), str(r["code"]), _date(r.get("start")), _date(r.get("end")),
                     bool(r.get("approx", False)))
                for r in it.get("roles") or ()
            ]
            e = Entry("person", f"person:{eid}", it["name"], it.get("code"), country=it.get("country"),
                      roles=roles, surname=it.get("surname"), gender=it.get("gender"))
        else:
            code = it.get("code")
            country, sector = _code_parts(code, it.get("country"), it.get("sector"))
            # dated code changes ("HTS is SYRGOV from 2024-12-08"): resolved per event date
            periods = [Role("period", str(p["code"]), _date(p.get("start")), _date(p.get("end")))
                       for p in it.get("periods") or ()]
            e = Entry(item_kind, f"{item_kind}:{eid}", it["name"], code, country=country, sector=sector,
                      parent=it.get("parent"), roles=periods)
        # names that are also common words ("The Times", "Dawn") match only as written
        kb.add_entry(e, [str(a) for a in it.get("aliases") or ()], bool(it.get("case_sensitive", False)))


def load_sectors(kb: KnowledgeBase, data: dict) -> None:
    for k, v in (data.get("sector_nouns") or {}).items():
        kb.sector_nouns[normalize(k)] = str(v)
    for k, v in (data.get("titles") or {}).items():
        kb.titles[normalize(k)] = str(v)
    for k, v in (data.get("generic_groups") or {}).items():
        kb.generic_groups[normalize(k)] = str(v)
    for k, v in (data.get("title_modifiers") or {}).items():
        kb.title_modifiers[normalize(k)] = None if v is None else str(v)
    for k, v in (data.get("led_groups") or {}).items():
        kb.led_groups[normalize(k)] = str(v)
    for k, v in (data.get("ethnic_groups") or {}).items():
        kb.ethnic_groups[normalize(k)] = str(v)
    for k, v in (data.get("named_kinds") or {}).items():
        kb.named_kinds[normalize(k)] = None if v is None else str(v)
    epithets = data.get("state_epithets") or {}
    kb.state_epithets |= {normalize(str(w)) for w in epithets.get("nouns") or ()}
    kb.other_state_modifiers |= {normalize(str(w)) for w in epithets.get("other_modifiers") or ()}
    kb.other_party_nouns |= {normalize(str(w)) for w in epithets.get("other_party_nouns") or ()}
    kb.honorifics |= {normalize(str(w)) for w in data.get("honorifics") or ()}
    kb.armed_group_sectors |= {str(w) for w in data.get("armed_group_sectors") or ()}
    for k, v in (data.get("metonyms") or {}).items():
        code = str(v)
        is_igo = code.startswith(("IGO", "NGO", "IMG"))
        e = Entry("metonym", f"metonym:{normalize(k)}", k, code, country=None if is_igo else code[:3],
                  sector=code[:3] if is_igo else (code[3:6] or None))
        kb.add_name(k, e, case_sensitive=True)
    for r in data.get("regions") or ():
        code = str(r["code"])
        names = [str(n) for n in r.get("names") or ()]
        e = Entry("country", f"region:{code}", names[0] if names else code, code, country=code)
        adj = Entry("adjective", f"region-adjective:{code}", e.name, code, country=code)
        for n in names:
            kb.add_name(n, e, case_sensitive=True)
        for a in r.get("adjectives") or ():
            kb.add_name(str(a), adj, case_sensitive=True)


def load_yaml_file(kb: KnowledgeBase, path: Path) -> None:
    """A user or bundled YAML file: a list of entities, or a mapping of sections."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    name = path.name
    if data is None:
        return
    if isinstance(data, list):
        kind = "person" if name.startswith("people") else ("org" if name.startswith("organ") else "group")
        load_entities(kb, data, kind, str(path))
        return
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a list or a mapping")
    if any(k in data for k in ("sector_nouns", "titles", "metonyms", "generic_groups", "title_modifiers",
                               "regions", "led_groups", "ethnic_groups", "named_kinds", "state_epithets",
                               "honorifics", "armed_group_sectors")):
        load_sectors(kb, data)
    for section, kind in (("people", "person"), ("organizations", "org"), ("groups", "group")):
        load_entities(kb, data.get(section) or (), kind, str(path))


def build_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    kb = KnowledgeBase()
    folder = Path(str(resources.files("detente.data").joinpath("actors")))
    if (folder / "countries.tsv").exists():
        load_countries(kb, folder / "countries.tsv")
    for path in sorted(folder.glob("*.yaml")):
        load_yaml_file(kb, path)
    for path in extra:
        p = Path(path)
        if p.suffix.lower() in (".yaml", ".yml"):
            load_yaml_file(kb, p)
        else:
            from detente.actors.petrarch import load_petrarch_file

            load_petrarch_file(kb, p)
    return kb


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus user files, built once per process."""
    return build_kb(extra)
