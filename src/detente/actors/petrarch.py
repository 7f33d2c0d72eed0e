"""Import PETRARCH/TABARI actor and agent dictionaries into the knowledge base.

Actor dictionaries:  `NAME_WITH_UNDERSCORES [CODE]`, `+SYNONYM` lines, and
date-restricted codes on indented lines: `[CODE <YYMMDD]`, `[CODE >YYMMDD]`,
`[CODE YYYYMMDD - YYYYMMDD]`. `[---]` is a null code (the name is known but not
coded). Agent dictionaries: `AGENT {PLURAL} [~GOV]` and `!MACRO! = A, B`
substitutions; agents become titles / sector nouns. Comments: `#` and `<!-- -->`.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from detente.actors.kb import Entry, KnowledgeBase, Role, normalize

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def _petr_date(s: str) -> date:
    s = s.strip()
    if len(s) == 6:  # YYMMDD, TABARI convention: 00-30 -> 20xx
        yy = int(s[:2])
        return date(2000 + yy if yy <= 30 else 1900 + yy, int(s[2:4]), int(s[4:6]))
    return date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def parse_code_block(block: str) -> tuple[str | None, date | None, date | None]:
    """'HOBGOV 19950601 - 19990815' -> (code, start, end); '[--- ...]' -> (None, ...)."""
    block = block.strip()
    if not block:
        return None, None, None
    parts = block.split(None, 1)
    code = parts[0].upper()
    code = None if code.startswith("---") else code
    start = end = None
    if len(parts) > 1:
        rng = parts[1].replace(" ", "")
        if rng.startswith("<"):
            end = _petr_date(rng[1:])
        elif rng.startswith(">"):
            start = _petr_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = _petr_date(a), _petr_date(b)
    return code, start, end


def _name(raw: str) -> str:
    return raw.strip().strip("_").replace("_", " ")


def _strip_comments(text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return [ln.split("#", 1)[0].rstrip() for ln in text.splitlines()]


def load_petrarch_actors(kb: KnowledgeBase, lines: list[str], source: str) -> int:
    current: Entry | None = None
    n = 0

    def finish(entry: Entry | None, names: list[str]) -> None:
        nonlocal n
        if entry is None:
            return
        if entry.roles and all(r.code is None for r in entry.roles):
            return
        entry.roles = [r for r in entry.roles if r.code]
        if len(entry.roles) == 1 and entry.roles[0].start is None and entry.roles[0].end is None:
            code = entry.roles[0].code
            entry.roles = []
            entry.code = code
            if len(code) == 3:
                entry.kind, entry.country = "country", code
                kb.countries.setdefault(code, entry)
            else:
                entry.kind, entry.country, entry.sector = "group", code[:3], code[3:6] or None
        kb.add_entry(entry, names[1:])
        n += 1

    names: list[str] = []
    for ln in lines:
        if not ln.strip():
            continue
        stripped = ln.strip()
        if stripped.startswith("+"):
            if current is not None:
                names.append(_name(stripped[1:]))
            continue
        if ln[0] in " \t" and stripped.startswith("["):
            if current is not None:
                code, start, end = parse_code_block(stripped.strip("[]"))
                current.roles.append(Role("", code, start, end))  # type: ignore[arg-type]
            continue
        finish(current, names)
        m = _CODE.search(stripped)
        head = stripped[: m.start()] if m else stripped
        name = _name(head)
        names = [name]
        current = Entry("person", f"petrarch:{source}:{normalize(name)}", name, None)
        if m:
            code, start, end = parse_code_block(m.group(1))
            current.roles.append(Role("", code, start, end))  # type: ignore[arg-type]
    finish(current, names)
    return n


def load_petrarch_agents(kb: KnowledgeBase, lines: list[str]) -> int:
    macros: dict[str, list[str]] = {}
    n = 0
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        m = _MACRO.match(s)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _CODE.search(s)
        if not cm:
            continue
        code = cm.group(1).strip().lstrip("~").rstrip("~").upper()[:3]
        head = s[: cm.start()]
        plural = re.search(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [head] + ([plural.group(1)] if plural and plural.group(1).strip() else [head + "S"])
        expanded: list[str] = []
        for f in forms:
            mm = re.search(r"![A-Z]+!", f)
            if mm and mm.group(0) in macros:
                expanded += [f.replace(mm.group(0), w) for w in macros[mm.group(0)]]
            else:
                expanded.append(f)
        for f in expanded:
            key = normalize(_name(f))
            if key and code:
                kb.titles[key] = code
                n += 1
    return n


def load_petrarch_file(kb: KnowledgeBase, path: Path) -> int:
    """Load a PETRARCH actor or agent dictionary; returns the number of entries added."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    lines = _strip_comments(text)
    if "agent" in Path(path).name.lower() or any("[~" in ln for ln in lines):
        return load_petrarch_agents(kb, lines)
    return load_petrarch_actors(kb, lines, Path(path).stem)
