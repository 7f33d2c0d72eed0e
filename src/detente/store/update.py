"""Update stored documents' metadata on a later run, and re-date their events in place.

A document read again with the same text is not re-coded. When this run brings a
publication date that outranks the stored one (``detente.ingest.published.outranks``:
metadata > input > html > feed > text-dateline > url > filename > --published > none; a
later run wins ties), or metadata that names its title, source or url, the stored
document takes them, and the events of a re-dated document get dates resolved against
the new publication date (``detente.temporal.redate``). Event ids do not depend on dates,
so nothing is duplicated. The caller rebuilds the analysis tables afterwards.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from detente.ingest.published import outranks
from detente.model import Document
from detente.store.db import Store
from detente.temporal.redate import redate_document

DOC_FIELDS = ("published", "published_how", "title", "source", "url")


@dataclass(slots=True)
class UpdateResult:
    documents_updated: int = 0
    events_redated: int = 0  # events whose date, precision or date text changed
    events_inexact: int = 0  # re-dated events that re-coding (--recode) might date differently
    events_kept: int = 0  # events whose date could not be redone (kept as stored)


def document_changes(doc: Document, stored: Mapping[str, object], given: Iterable[str] = ()) -> dict[str, object]:
    """The fields of a stored document that ``doc`` (read again) changes. ``given``:
    the fields its metadata row sets (title, source, url), applied as they are."""
    changes: dict[str, object] = {}
    old_pub, old_how = stored["published"], stored["published_how"]
    if (doc.published, doc.published_how) != (old_pub, old_how) and outranks(
            doc.published_how, doc.published, old_how, old_pub):  # type: ignore[arg-type]
        changes["published"], changes["published_how"] = doc.published, doc.published_how
    for name in given:
        if name in ("title", "source", "url") and getattr(doc, name) != stored[name]:
            changes[name] = getattr(doc, name)
    return changes


def update_documents(store: Store, docs: Sequence[Document],
                     given: Mapping[str, Iterable[str]] | None = None) -> UpdateResult:
    """Apply what ``docs`` (already stored, same text) bring; one transaction."""
    res = UpdateResult()
    given = given or {}
    if not docs:
        return res
    ids = [d.doc_id for d in docs]
    cur = store.con.execute(
        f"SELECT doc_id, {', '.join(DOC_FIELDS)} FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])
    stored = {r[0]: dict(zip(DOC_FIELDS, r[1:])) for r in cur.fetchall()}
    updates: list[tuple[str, dict[str, object]]] = []
    anchors: dict[str, tuple[date | None, date | None]] = {}  # doc_id -> (old, new) publication date
    for doc in docs:
        if doc.doc_id not in stored:
            continue
        changes = document_changes(doc, stored[doc.doc_id], given.get(doc.doc_id, ()))
        if changes:
            updates.append((doc.doc_id, changes))
        if "published" in changes:
            anchors[doc.doc_id] = (stored[doc.doc_id]["published"], doc.published)  # type: ignore[assignment]
    if not updates:
        return res
    rows: list[dict[str, object]] = []
    if anchors:
        events = store.con.execute(
            "SELECT event_id, doc_id, sentence, event_date, date_precision, date_text, sentence_start, factuality "
            "FROM events "
            "WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, sentence_start, trigger_start",
            [list(anchors)]).fetchall()
        by_doc: dict[str, list[tuple]] = {}
        for ev in events:
            by_doc.setdefault(ev[1], []).append(ev)
        redated = []
        for doc_id, evs in by_doc.items():
            old_anchor, new_anchor = anchors[doc_id]
            found = redate_document([(e[6], e[2], e[5], e[7], e[4]) for e in evs], old_anchor, new_anchor)
            redated.extend(zip(evs, found))
        for (event_id, doc_id, _, old_date, old_precision, date_text, _, _), r in redated:
            if r is None:
                res.events_kept += 1
                continue
            if (r.event_date, r.date_precision, r.date_text) == (old_date, old_precision, date_text):
                continue
            res.events_redated += 1
            res.events_inexact += not r.exact
            rows.append({"event_id": event_id, "doc_id": doc_id, "event_date": r.event_date,
                         "date_precision": r.date_precision, "date_text": r.date_text})
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for doc_id, changes in updates:
            sets = ", ".join(f"{k} = ?" for k in changes)
            con.execute(f"UPDATE documents SET {sets} WHERE doc_id = ?", [*changes.values(), doc_id])
        if rows:
            table = pa.Table.from_pylist(rows, schema=pa.schema([
                ("event_id", pa.string()), ("doc_id", pa.string()), ("event_date", pa.date32()),
                ("date_precision", pa.string()), ("date_text", pa.string())]))
            con.register("_detente_redate", table)
            try:
                con.execute(
                    "UPDATE events SET event_date = u.event_date, date_precision = u.date_precision, "
                    "date_text = u.date_text FROM _detente_redate u "
                    "WHERE events.event_id = u.event_id AND events.doc_id = u.doc_id")
            finally:
                con.unregister("_detente_redate")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    res.documents_updated = len(updates)
    return res
