"""Place names -> ``detente.model.Place`` (offline; see ``gazetteer`` for the rules).

    >>> from detente.geo import Gazetteer
    >>> Gazetteer().lookup("Damascus").country
    'SYR'
"""
from __future__ import annotations

from detente.geo.gazetteer import (
    FOCUS_MIN_POPULATION,
    STATE_POPULATION,
    Gazetteer,
    country_code_iso3,
    normalize_name,
)

__all__ = [
    "FOCUS_MIN_POPULATION",
    "STATE_POPULATION",
    "Gazetteer",
    "country_code_iso3",
    "normalize_name",
]
