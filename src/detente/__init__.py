"""detente: offline political event coding (CAMEO/PLOVER) with provenance.

    >>> import detente
    >>> events = detente.code("Russia vetoed the resolution on Syria.", published="2012-02-04")
    >>> events.to_pandas()
"""
from detente.api_python import EventList, code
from detente.model import Actor, Document, Event, IngestIssue, Mention, Place, TimeExpr

__all__ = ["Actor", "Document", "Event", "EventList", "IngestIssue", "Mention", "Place", "TimeExpr", "code"]
__version__ = "0.1.0"
