"""Validated request parameters (Pydantic) shared by the API endpoints."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, Field

from detente.analysis.filters import Filters

ACTOR = r"^[A-Za-z0-9]{1,32}$"
FACTS = r"^(any|all|(asserted|negated|hypothetical|normative|future|proposed|question)(,(asserted|negated|hypothetical|normative|future|proposed|question)){0,6})$"


class FilterParams(BaseModel):
    """Event filters; the same names as the dashboard's URL query string."""

    actor: str | None = Field(None, pattern=ACTOR, max_length=32,
                              description="CAMEO actor code prefix on either side: RUS, RUSGOV, IGOUNO")
    dyad: str | None = Field(None, max_length=65, pattern=r"^[A-Za-z0-9]{1,32}[,>\-][A-Za-z0-9]{1,32}$",
                             description="source,target actor prefixes: RUS,USA")
    undirected: bool = Field(False, description="dyad also matches target -> source")
    code: str | None = Field(None, pattern=r"^[0-9]{2,4}$", description="CAMEO event code prefix: 19, 195, 0871")
    root: str | None = Field(None, pattern=r"^(0?[1-9]|1[0-9]|20)$", description="CAMEO root 01-20")
    quad: str | None = Field(None, pattern=r"^[1-4](,[1-4]){0,3}$", description="QuadClasses, e.g. 1 or 1,4")
    factuality: str = Field("asserted", max_length=120, pattern=FACTS,
                            description="comma-separated factualities, or any")
    since: date | None = Field(None, description="first event date, YYYY-MM-DD")
    until: date | None = Field(None, description="last event date, YYYY-MM-DD")
    place: str | None = Field(None, max_length=100, description="ISO-3 country of the place, or part of its name")
    q: str | None = Field(None, max_length=200, description="text the evidence sentence contains")
    doc_id: str | None = Field(None, max_length=256)

    def to_filters(self, **override: object) -> Filters:
        values = dict(
            actor=self.actor, dyad=self.dyad, undirected=self.undirected, code=self.code, root=self.root,
            quad_class=tuple(int(x) for x in self.quad.split(",")) if self.quad else (),
            factuality=tuple(self.factuality.split(",")), since=self.since, until=self.until,
            place=self.place, q=self.q, doc_id=self.doc_id,
        )
        values.update(override)
        return Filters(**values)  # type: ignore[arg-type]


FilterQuery = Annotated[FilterParams, Query()]
Limit = Annotated[int, Query(ge=1, le=500, description="page size, at most 500")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Interval = Annotated[Literal["day", "week", "month", "quarter", "year"], Query()]
CountUnit = Annotated[Literal["clusters", "mentions"], Query(description="count event clusters or every mention")]
Level = Annotated[Literal["country", "actor"], Query(description="node key: country, or full actor code")]
Sort = Annotated[Literal["date_desc", "date_asc", "goldstein_asc", "goldstein_desc"], Query()]
