"""Inspect the knowledge base: resolve a name as of a date, search names."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from detente.actors.kb import Entry, load_kb, normalize
from detente.actors.document import DocContext
from detente.actors.resolver import resolve_head
from detente.model import Actor


@dataclass
class Resolution:
    text: str
    day: date | None
    actor: Actor
    alternatives: list[str] = field(default_factory=list)

    def render(self) -> str:
        a = self.actor
        lines = [f"{self.text!r} on {self.day or 'today'}: {a.code or 'UNRESOLVED'}"]
        lines.append(f"  country={a.country or '-'} sector={a.sector or '-'} rule={a.how or '-'}")
        if a.kb_id:
            lines.append(f"  entry={a.kb_id} ({a.name})")
        if self.alternatives:
            lines.append("  alternatives:")
            lines.extend(f"    {alt}" for alt in self.alternatives)
        return "\n".join(lines)


def _describe(e: Entry, day: date | None) -> str:
    """One line per entry; dated roles/periods with '*' on those in force on `day`."""
    roles = "; ".join(
        f"{r.code} {r.title + ' ' if r.title and r.title != 'period' else ''}{r.start or '?'}..{r.end or 'now'}"
        + (" *" if day and r.holds_on(day) else "")
        for r in e.roles
    )
    if e.kind == "person":
        return f"{e.id}: {e.name} [{roles}]"
    return f"{e.id}: {e.name} -> {e.code or '-'}" + (f" [{roles}]" if roles else "")


def resolve_text(text: str, day: date | None, kb_files: tuple[str, ...] = ()) -> Resolution:
    from detente.nlp import load_nlp

    kb = load_kb(kb_files)
    doc = load_nlp()(text)
    head = doc[:].root  # "Russian pilots": the head noun, not the entity "Russian"
    if head.pos_ not in ("NOUN", "PROPN", "PRON") and doc.ents:
        head = doc.ents[-1].root
    ctx = DocContext(event_date=day)
    _, actor = resolve_head(head, kb, ctx)
    seen: dict[str, Entry] = {}
    for key in (text, doc.ents[-1].text if doc.ents else ""):
        for e in kb.lookup(key) if key else ():
            seen.setdefault(e.id, e)
    for e in kb.surnames.get(normalize(head.text), []):  # "Putin", "Assad": persons by surname
        seen.setdefault(e.id, e)
    alts = [_describe(e, day) for e in seen.values()]
    return Resolution(text, day, actor, alts)


def search(text: str, limit: int = 20, kb_files: tuple[str, ...] = ()) -> list[str]:
    """Entries with a name containing `text` (case-, accent- and punctuation-insensitive)."""
    kb = load_kb(kb_files)
    key = normalize(text)
    seen: set[str] = set()
    out: list[str] = []
    for name, entries in kb.names.items():
        if key in name.lstrip("="):
            for e in entries:
                if e.id not in seen:
                    seen.add(e.id)
                    out.append(_describe(e, None))
        if len(out) >= limit:
            break
    return out
