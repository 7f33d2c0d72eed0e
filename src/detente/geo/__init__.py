"""Place names -> ``detente.model.Place`` (offline; see ``gazetteer`` for the rules).
The place of an event, from its clause, is ``detente.coding.placement``.

    >>> from detente.geo import Gazetteer
    >>> Gazetteer().lookup("Damascus").country
    'SYR'
"""
from __future__ import annotations

from detente.geo.gazetteer import (
    BIG_POPULATION,
    FAMOUS_POPULATION,
    FOCUS_MIN_POPULATION,
    Gazetteer,
    country_code_iso3,
)
from detente.geo.geonames import STATE_POPULATION
from detente.geo.names import normalize_name

__all__ = [
    "BIG_POPULATION",
    "FAMOUS_POPULATION",
    "FOCUS_MIN_POPULATION",
    "STATE_POPULATION",
    "Gazetteer",
    "country_code_iso3",
    "normalize_name",
]
