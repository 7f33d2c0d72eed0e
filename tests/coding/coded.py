"""What the coding tests compare: an event as (CAMEO code, source code, target code, factuality)."""
from __future__ import annotations


def triples(events):
    return {(e.cameo_code, e.source.actor.code if e.source else None,
             e.target.actor.code if e.target else None, e.factuality) for e in events}
