"""Validated request parameters (Pydantic) shared by the API endpoints."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel, Field

from detente.analysis.filters import FILTER_HELP, MAX_LENGTH, Filters, parse_filters


def _opt(name: str, default: str | None = None) -> Any:
    """A filter parameter, described (and its length limit shown) in the OpenAPI schema;
    the limit is enforced by the Filters, with their message."""
    extra = {"maxLength": MAX_LENGTH[name]} if name in MAX_LENGTH else None
    return Field(default, description=FILTER_HELP[name], json_schema_extra=extra)


class FilterParams(BaseModel):
    """Event filters: the names, defaults, forms and errors of ``detente.analysis.filters``
    (shared with the CLI and the dashboard's URL). They are read as text and validated by
    ``parse_filters``, so a bad value is a 422 with the same one-line message as the CLI's."""

    actor: str | None = _opt("actor")
    dyad: str | None = _opt("dyad")
    undirected: str | None = _opt("undirected", "false")
    code: str | None = _opt("code")
    root: str | None = _opt("root")
    quad: str | None = _opt("quad")
    factuality: str = _opt("factuality", "asserted")
    since: str | None = _opt("since")
    until: str | None = _opt("until")
    place: str | None = _opt("place")
    q: str | None = _opt("q")
    doc_id: str | None = _opt("doc_id")

    def to_filters(self, **override: object) -> Filters:
        """The Filters (raises FilterError); ``override`` replaces parsed fields."""
        f = parse_filters(**self.model_dump())
        return f.replace(**override) if override else f


FilterQuery = Annotated[FilterParams, Query()]
Limit = Annotated[int, Query(ge=1, le=500, description="page size, at most 500")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Interval = Annotated[Literal["day", "week", "month", "quarter", "year"], Query()]
CountUnit = Annotated[Literal["clusters", "mentions"], Query(description="count event clusters or every mention")]
Level = Annotated[Literal["country", "actor"], Query(description="node key: country, or full actor code")]
Sort = Annotated[Literal["date_desc", "date_asc", "goldstein_asc", "goldstein_desc"], Query()]
