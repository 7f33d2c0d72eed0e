"""Import PETRARCH/TABARI actor and agent dictionaries into the knowledge base.

Actor dictionaries (PETR.Validate.actors.txt, Phoenix.*.actors.txt)::

    GONDOR [GON]                 a name and its code; `_` and ` ` both separate words
    +MINAS_TIRITH                synonyms of the entry above
    ARNOR_  [ARN]                a trailing `_` (TABARI: "whole word") is dropped
    GOLLUM                       dated codes on their own lines ([...] at line start):
        [HOB <950601]              before 1995-06-01 (exclusive)
        [HOBGOV 19950601-19990815] from .. to (both inclusive, as PETRARCH's unit tests expect)
        [HOBREB >990816]           from 1999-08-16 on
    JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]   several blocks on the name line
    BOROMIR [---]                known name, no code (it stays unresolved and blocks
                                 partial matches); `[--- <950630]` blanks the undated
                                 code for that period (not other dated codes)

YYMMDD years 00-30 are 20xx, otherwise 19xx (TABARI). A code without a date is the
default; among dated codes in force the latest-starting one wins. Several codes joined
by `/` (`[FRO/BIL/SAM]`) keep the first: an entry has one code. Codes that are not
letters and digits (`[+++]`, `[###]`) are null codes.

How entries map to the knowledge base:
- a 3-letter country-like code (`[ARN]`) makes a *country*: agents attach to it
  ("Arnor cleric" ARNREL, "Gondor's government" GONGOV), and single-word names get
  derived adjective forms ("Arnorian foreign minister" ARNGOV, "Dagolathi") unless the
  form is already a known name;
- a 3-letter CAMEO type/role code (`[NGO]`, `[IGO]`, `[ELI]`) makes an organisation;
- longer codes make a group (`[PSEREBHMS]`, `[USAGOV]` for WASHINGTON);
- dated codes make a group with `periods` (resolved on the event date, see kb.py).
Names are case-insensitive, except short all-capital ones (UN, KU, PLO), which match
only in capitals; a leading THE is dropped from those (THE_AU matches "the AU").

Agent dictionaries (PETR.Validate.agents.txt, Phoenix.agents.txt)::

    !PERSON! = MAN, MEN, WOMAN    substitution set
    CONGRESS!PERSON! [~LEG]       -> congressman, congressmen, ... (no plural added)
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   explicit plural
    POLICE {} [~COP]              no plural
    AUTHORITY [~GOV]              regular plural generated: authorities (Y->IES, S->ES, +S)
    MSF {} [NGO~]                 a prefix agent: its role goes before the country
                                  ("MSF Arnor" NGOARN)

Agents become role words (both `titles` and `sector_nouns`, overriding the bundled
vocabulary for the same words; a prefix agent also takes the word from a bundled name);
the role chain after `~` is kept whole ("FOREIGN MINISTER [~GOVFRM]" -> ARNGOVFRM).
Comments: `#` to the end of the line, `<!-- -->` (also across lines), and lines
starting with `<`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from detente.actors.kb import Entry, KnowledgeBase, Role, needs_strict, normalize, strict_key

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.+)$")
_VALID_CODE = re.compile(r"^[A-Z0-9]{2,}$")
# CAMEO actor types and roles: a 3-letter code of this kind is not a country
CAMEO_TYPES = frozenset("""
    IGO NGO IMG MNC UIS GOV MIL COP SPY JUD LEG OPP REB SEP UAF CVL REF MED BUS EDU ELI
    HLH HRI LAB AGR ENV DEV CRM SET PKO MOD RAD
""".split())
PERIOD_TITLE = "period"  # as kb.py names group periods


def _petr_date(s: str) -> date:
    s = s.strip()
    if len(s) <= 7:  # YYMMDD, TABARI convention: 00-30 -> 20xx
        yy = int(s[:2])
        return date(2000 + yy if yy <= 30 else 1900 + yy, int(s[2:4]), int(s[4:6]))
    return date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def _clean_code(raw: str) -> str | None:
    code = raw.strip().split("/")[0].upper()
    if not code or code.startswith("---") or not _VALID_CODE.match(code):
        return None
    return code


def parse_code_block(block: str) -> tuple[str | None, date | None, date | None]:
    """'HOBGOV 19950601 - 19990815' -> (code, start, end), both inclusive.

    '<D' ends the day before D; '>D' starts on D (PETRARCH: date >= D); '---' is None.
    """
    block = block.strip()
    if not block:
        return None, None, None
    parts = block.split(None, 1)
    code = _clean_code(parts[0])
    start = end = None
    if len(parts) > 1:
        rng = parts[1].replace(" ", "")
        if rng.startswith("<"):
            end = _petr_date(rng[1:]) - timedelta(days=1)
        elif rng.startswith(">"):
            start = _petr_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = _petr_date(a), _petr_date(b)
        elif rng:
            start = _petr_date(rng)
    return code, start, end


def _name(raw: str) -> str:
    name = " ".join(raw.replace("_", " ").split())
    if name.upper().startswith("THE ") and len(name) > 4 and needs_strict(name[4:]):
        name = name[4:]  # THE_AU -> AU (matched in capitals)
    return name


def _display(name: str) -> str:
    return name if needs_strict(name) or not name.isupper() else name.title()


def _strip_comments(text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    lines = []
    for ln in text.splitlines():
        if ln.lstrip().startswith("<"):  # "<! -- ... -->" and other stray markup
            continue
        lines.append(ln.split("#", 1)[0].rstrip())
    return lines


def _adjective_forms(name: str) -> list[str]:
    """Derived demonyms of a single-word place name: Arnor -> Arnorian, Arnori, Arnoran."""
    n = name.lower()
    if n.endswith(("ian", "an", "ese", "ish", "i")):
        return []  # already an adjective (ERIADORIAN, DANISH, PAKISTANI)
    if n.endswith("a"):
        return [n + "n", n + "ns"]
    if n.endswith("y"):
        return [n[:-1] + "ian", n[:-1] + "ians"]
    return [n + "ian", n + "ians", n + "i", n + "is", n + "ese"]


class _Pending:
    def __init__(self, name: str) -> None:
        self.names = [name]
        self.default: str | None = None
        self.has_default = False  # an undated block was given (possibly [---])
        self.periods: list[Role] = []
        self.null_periods: list[tuple[date | None, date | None]] = []

    def block(self, raw: str) -> None:
        code, start, end = parse_code_block(raw)
        if start is None and end is None:
            self.default, self.has_default = code, True
        elif code is None:
            self.null_periods.append((start, end))
        else:
            self.periods.append(Role(PERIOD_TITLE, code, start, end))

    def dated(self) -> tuple[str | None, list[Role]]:
        """(undated code, dated codes). A null period blanks the default code: the default
        then becomes dated pieces around the null and the dated periods, and no undated code."""
        if not self.null_periods or self.default is None:
            return self.default, self.periods
        cuts = sorted(self.null_periods + [(r.start, r.end) for r in self.periods],
                      key=lambda se: se[0] or date.min)
        pieces: list[Role] = []
        cursor: date | None = None  # start of the current free stretch (None: open)
        for start, end in cuts:
            if start is not None and (cursor is None or start > cursor):
                pieces.append(Role(PERIOD_TITLE, self.default, cursor, start - timedelta(days=1)))
            if end is None:
                return None, self.periods + pieces
            if cursor is None or end >= cursor:
                cursor = end + timedelta(days=1)
        pieces.append(Role(PERIOD_TITLE, self.default, cursor, None))
        return None, self.periods + pieces


def _add_actor(kb: KnowledgeBase, p: _Pending, source: str) -> bool:
    name = p.names[0]
    if not name or (not p.has_default and not p.periods and not p.null_periods):
        return False  # a name without any code block is ignored (as by PETRARCH)
    eid = f"petrarch:{source}:{normalize(name) or name}"
    code, periods = p.dated()
    if periods:
        # dated codes: a group whose code changes with the event date (kb.py `periods`)
        first = code or periods[0].code
        country = first[:3] if first[:3] not in CAMEO_TYPES else None
        e = Entry("group", eid, _display(name), code, country=country,
                  sector=code[3:6] if code and len(code) >= 6 else None, roles=periods)
    elif code is None:
        e = Entry("group", eid, _display(name), None)  # [---]: known, not coded
    elif len(code) == 3 and code not in CAMEO_TYPES:
        e = Entry("country", eid, _display(name), code, country=code)
        kb.countries.setdefault(code, e)
    elif len(code) == 3:
        e = Entry("org", eid, _display(name), code, sector=code)
    else:
        is_type = code[:3] in CAMEO_TYPES
        e = Entry("group", eid, _display(name), code, country=None if is_type else code[:3],
                  sector=code[:3] if is_type else code[3:6])
    kb.add_entry(e, p.names[1:])
    if e.kind == "country":
        adj = Entry("adjective", f"adjective:{eid}", e.name, code, country=code)
        if " " not in name and len(name) > 3:
            for form in _adjective_forms(name):
                if not kb.lookup(form):
                    kb.add_name(form, adj)
    return True


def load_petrarch_actors(kb: KnowledgeBase, lines: list[str], source: str) -> int:
    """Add the entries of an actor dictionary (comment-stripped lines); returns their number."""
    n = 0
    current: _Pending | None = None
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if s.startswith("+"):
            if current is not None:
                syn = _name(_CODE.sub("", s[1:]))
                if syn:
                    current.names.append(syn)
            continue
        if s.startswith("["):
            if current is not None:
                for m in _CODE.finditer(s):
                    current.block(m.group(1))
            continue
        if current is not None:
            n += _add_actor(kb, current, source)
        m = _CODE.search(s)
        current = _Pending(_name(s[: m.start()] if m else s))
        for m in _CODE.finditer(s):
            current.block(m.group(1))
    if current is not None:
        n += _add_actor(kb, current, source)
    return n


def _plural(agent: str) -> str:
    """PETRARCH's regular plural of an agent phrase: last word Y -> IES, S -> ES, else + S."""
    if agent.endswith(("Y", "y")) and not agent.lower().endswith(("ay", "ey", "oy", "uy")):
        return agent[:-1] + ("IES" if agent.isupper() else "ies")
    if agent.endswith(("S", "s")):
        return agent + ("ES" if agent.isupper() else "es")
    return agent + ("S" if agent.isupper() else "s")


def load_petrarch_agents(kb: KnowledgeBase, lines: list[str]) -> int:
    """Add the agents of an agent dictionary as role words; returns the number of forms."""
    macros: dict[str, list[str]] = {}
    n = 0
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        m = _MACRO.match(s)
        if m:
            macros[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _CODE.search(s)
        if not cm:
            continue
        raw = cm.group(1).replace(" ", "").upper()
        code = raw.replace("~", "")
        if not _VALID_CODE.match(code):
            continue
        if raw.endswith("~") and not raw.startswith("~"):
            code += "~"  # a prefix agent: its role goes before the country (persons.prefix_roles_first)
        head = s[: cm.start()]
        forms: list[str]
        marker = re.search(r"!([A-Za-z0-9_]+)!", head)
        if marker:
            subs = macros.get(marker.group(1).upper())
            if not subs:
                continue  # undefined marker: PETRARCH skips the line
            forms = [head.replace(marker.group(0), w) for w in subs]
        else:
            plural = re.search(r"\{([^}]*)\}", head)
            base = re.sub(r"\{[^}]*\}", "", head).strip()
            if plural is None:
                forms = [base, _plural(_name(base))]
            else:
                forms = [base] + ([plural.group(1)] if plural.group(1).strip() else [])
        for f in forms:
            key = normalize(_name(f))
            if key:
                kb.titles[key] = code
                kb.sector_nouns[key] = code
                if code.endswith("~"):  # "MSF Arnor" NGOARN: a bundled name spelt the same gives way
                    for name_key in (key, strict_key(_name(f).strip())):
                        kb.names.pop(name_key, None)
                n += 1
    return n


def is_agent_dictionary(path: Path, lines: list[str]) -> bool:
    return "agent" in path.name.lower() or any("[~" in ln or "~]" in ln for ln in lines)


def load_petrarch_file(kb: KnowledgeBase, path: Path) -> int:
    """Load a PETRARCH actor or agent dictionary; returns the number of entries added."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = _strip_comments(text)
    if is_agent_dictionary(path, lines):
        return load_petrarch_agents(kb, lines)
    return load_petrarch_actors(kb, lines, path.stem)
