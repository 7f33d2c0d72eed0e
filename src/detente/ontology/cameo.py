"""CAMEO event codes with root, QuadClass, Goldstein value and PLOVER type.

Loaded from the project's own table ``data/cameo/event_codes.tsv``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


class Ontology:
    """Lookup of CAMEO codes. Unknown codes raise KeyError."""

    def __init__(self, codes: dict[str, CameoCode]):
        self._codes = codes

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())

    def roots(self) -> list[str]:
        return sorted({c.root for c in self._codes.values()})


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    path = resources.files("detente.data").joinpath("cameo/event_codes.tsv")
    codes: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        for r in rows:
            codes[r["code"]] = CameoCode(
                code=r["code"], root=r["root"], name=r["name"], quad_class=int(r["quad_class"]),
                goldstein=float(r["goldstein"]), plover_type=r["plover_type"] or None,
                plover_mode=r["plover_mode"] or None,
            )
    return Ontology(codes)
