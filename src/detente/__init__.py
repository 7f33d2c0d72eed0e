"""detente: offline political event coding (CAMEO/PLOVER) with provenance.

    >>> import detente
    >>> events = detente.code("Russia vetoed the resolution on Syria.", published="2012-02-04")
    >>> events.to_pandas()
    >>> detente.code_into_store(["corpus/"], "corpus.duckdb").stats   # as `detente code`
    >>> detente.events("corpus.duckdb", actor="RUS", factuality="any")  # as `detente events`
"""
from detente.api_python import EventList, code, code_into_store, events, export_events
from detente.model import Actor, Document, Event, IngestIssue, Mention, Place, TimeExpr

__all__ = ["Actor", "Document", "Event", "EventList", "IngestIssue", "Mention", "Place", "TimeExpr", "code",
           "code_into_store", "events", "export_events"]
__version__ = "0.1.0"
