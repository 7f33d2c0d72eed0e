"""The detente REST API and dashboard: ``create_app(db_path, token=..., cors_origins=..., timeout_s=...)``.

Every /api endpoint but /api/health needs ``Authorization: Bearer <token>`` when a
token is set. The dashboard (/) and its assets are static files of the package.
"""
from __future__ import annotations

import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from detente.analysis import ceasefires, clusters, events, network, processes, profiles, saydo, series
from detente.analysis.filters import FilterError
from detente.analysis.tables import tables_fresh
from detente.api import actor_search
from detente.api.db import Database, DatabaseUnavailable, QueryTimeout
from detente.api.docs import install_docs
from detente.api.params import CountUnit, FilterQuery, Interval, Level, Limit, Offset, Sort

STATIC = Path(str(resources.files("detente") / "web" / "static"))
ID_PATTERN = r"^[^\x00-\x1f/]{1,256}$"
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'")


def _default(o: Any) -> Any:
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if isinstance(o, Decimal):
        return float(o)
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, default=_default, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json")


class ResultCache:
    """Results of analysis calls, valid while the database is unchanged: it only changes
    when a writer had the file, and then the fingerprint taken at reopening differs."""

    MISS = object()

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._data: OrderedDict[Any, Any] = OrderedDict()
        self._fingerprint: tuple = ()

    def get(self, fingerprint: tuple, key: Any) -> Any:
        if not self.size:
            return self.MISS
        with self._lock:
            if fingerprint != self._fingerprint:
                self._data.clear()
                self._fingerprint = fingerprint
                return self.MISS
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return self.MISS

    def put(self, fingerprint: tuple, key: Any, value: Any) -> None:
        if not self.size:
            return
        with self._lock:
            if fingerprint != self._fingerprint:
                return
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    timeout_s: float = 10,
    linger_s: float = 2.0,
    cache_size: int = 256,
) -> FastAPI:
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no such database (run `detente code` first)")
    database = Database(db_path, linger_s=linger_s)
    cache = ResultCache(cache_size)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="detente API",
        version="1",
        description="Political events coded into CAMEO with provenance. Filters are shared by all endpoints.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.database = database
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"],
                           allow_headers=["Authorization"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable) -> Response:
        resp = await call_next(request)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/docs"):
            resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        return resp

    @app.exception_handler(DatabaseUnavailable)
    async def unavailable(_: Request, exc: DatabaseUnavailable) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(QueryTimeout)
    async def timeout(_: Request, exc: QueryTimeout) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=504)

    @app.exception_handler(FilterError)
    async def bad_filter(_: Request, exc: FilterError) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    def auth(request: Request) -> None:
        if token is None:
            return
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    def run(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kw.items())))
        with database.cursor(timeout_s) as cur:
            hit = cache.get(database.fingerprint, key)
            if hit is not ResultCache.MISS:
                return hit
            result = fn(cur, *args, **kw)
        cache.put(database.fingerprint, key, result)
        return result

    async def query(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        return await run_in_threadpool(run, fn, *args, **kw)

    api = APIRouter(prefix="/api", dependencies=[Depends(auth)])

    @app.get("/api/health", tags=["meta"])
    async def health() -> Response:
        """Liveness and whether the database can be read now (no token needed, no data)."""
        try:
            fresh = await query(tables_fresh)
        except DatabaseUnavailable as exc:
            return json_response({"status": "unavailable", "detail": str(exc)}, 503)
        return json_response({"status": "ok", "database": db_path.name, "analysis_tables_fresh": fresh})

    @api.get("/stats", tags=["meta"])
    async def stats(f: FilterQuery) -> Response:
        """Counts of documents and events (all factualities unless filtered), date range, tables state."""
        filt = f.to_filters() if f.model_fields_set else None
        return json_response(await query(events.stats, filt))

    @api.get("/events", tags=["events"])
    async def list_events(f: FilterQuery, limit: Limit = 50, offset: Offset = 0,
                          sort: Sort = "date_desc") -> Response:
        """Filtered events, one page (limit <= 500) and the total."""
        return json_response(await query(events.list_events, f.to_filters(), limit=limit, offset=offset, sort=sort))

    @api.get("/events/{event_id}", tags=["events"])
    async def get_event(event_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> Response:
        """One event with its evidence: sentence, highlighted spans, document title and url."""
        ev = await query(events.get_event, event_id)
        return json_response(ev) if ev else json_response({"detail": f"no event {event_id!r}"}, 404)

    @api.get("/documents/{doc_id}", tags=["events"])
    async def get_document(doc_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> Response:
        """A document's text and the character spans of its events."""
        doc = await query(events.get_document, doc_id)
        return json_response(doc) if doc else json_response({"detail": f"no document {doc_id!r}"}, 404)

    @api.get("/dyads", tags=["analysis"])
    async def dyads(f: FilterQuery, count: CountUnit = "clusters", level: Level = "country",
                    limit: Limit = 50) -> Response:
        """Directed actor pairs with counts per QuadClass and Goldstein."""
        items = await query(series.dyads, f.to_filters(), count=count, level=level, limit=limit)
        return json_response({"level": level, "count": count, "items": items})

    @api.get("/series", tags=["analysis"])
    async def get_series(f: FilterQuery, interval: Interval = "month", count: CountUnit = "clusters") -> Response:
        """Counts per QuadClass and Goldstein mean/sum per period."""
        return json_response(await query(series.series, f.to_filters(), interval=interval, count=count))

    @api.get("/saydo", tags=["analysis"])
    async def get_saydo(f: FilterQuery, interval: Interval = "month", count: CountUnit = "clusters") -> Response:
        """Say-do of the filters' actor (as source) or dyad, per period: cooperative words (asserted
        QuadClass 1 and 0871), conflictual deeds (asserted QuadClass 4), contradiction = 2*min/(sum)."""
        return json_response(await query(saydo.saydo, f.to_filters(), interval=interval, count=count))

    @api.get("/saydo/pairs", tags=["analysis"])
    async def get_saydo_pairs(f: FilterQuery, count: CountUnit = "clusters", limit: Limit = 50,
                              window_days: Annotated[int, Query(ge=0, le=3650)] = 30,
                              max_deeds: Annotated[int, Query(ge=1, le=100)] = 10) -> Response:
        """Each statement of the actor (or dyad) with the contradicting deeds that follow it within
        window_days, toward the same target or theatre; both sentences with their documents."""
        return json_response(await query(saydo.saydo_pairs, f.to_filters(), window_days=window_days, count=count,
                                         limit=limit, max_deeds=max_deeds))

    @api.get("/network", tags=["analysis"])
    async def get_network(f: FilterQuery, level: Level = "country", count: CountUnit = "clusters",
                          max_edges: Annotated[int, Query(ge=1, le=500)] = 150,
                          min_count: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
        """Actor network: nodes and signed weighted edges."""
        return json_response(await query(network.network, f.to_filters(), level=level, count=count,
                                         max_edges=max_edges, min_count=min_count))

    @api.get("/processes", tags=["analysis"])
    async def get_processes(f: FilterQuery, interval: Interval = "month", count: CountUnit = "clusters",
                            window_days: Annotated[int, Query(ge=1, le=365)] = 30,
                            collapse_violations: Annotated[int, Query(ge=1, le=100)] = 3) -> Response:
        """Named negotiation processes (Geneva, Astana, ...) and ceasefires with their status evidence."""
        settings = ceasefires.CeasefireSettings(window_days=window_days, collapse_violations=collapse_violations)
        filt = f.to_filters()
        cf = await query(ceasefires.ceasefires, filt, settings)
        return json_response({
            "processes": await query(processes.list_processes, filt, interval=interval, count=count),
            "ceasefires": cf["items"], "ceasefires_undated": cf["undated"],
        })

    @api.get("/ceasefires", tags=["analysis"])
    async def get_ceasefires(f: FilterQuery, window_days: Annotated[int, Query(ge=1, le=365)] = 30,
                             collapse_violations: Annotated[int, Query(ge=1, le=100)] = 3) -> Response:
        """Ceasefires: status (proposed, agreed, in_force, violated, collapsed) with the event behind each
        step, violations and the undated evidence left out. The factuality filter does not apply."""
        settings = ceasefires.CeasefireSettings(window_days=window_days, collapse_violations=collapse_violations)
        return json_response(await query(ceasefires.ceasefires, f.to_filters(), settings))

    @api.get("/actors", tags=["meta"])
    async def find_actors(q: Annotated[str, Query(min_length=1, max_length=100, description="name or code")],
                          limit: Annotated[int, Query(ge=1, le=50)] = 10) -> Response:
        """Actors whose name (in the knowledge base) or code (in the data) matches q, with their
        CAMEO code and the number of events with that code prefix: for the actor box."""
        return json_response({"q": q, "items": await query(actor_search.search_actors, q, limit=limit)})

    @api.get("/clusters", tags=["analysis"])
    async def get_clusters(f: FilterQuery, limit: Limit = 50, offset: Offset = 0,
                           min_mentions: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
        """Event clusters (one real-world event reported in several documents), largest first."""
        return json_response(await query(clusters.list_clusters, f.to_filters(), limit=limit, offset=offset,
                                         min_mentions=min_mentions))

    @api.get("/profile", tags=["analysis"])
    async def get_profile(f: FilterQuery, interval: Interval = "year", count: CountUnit = "clusters") -> Response:
        """Actor profile (the `actor` filter is required): partners and root mix over time."""
        filt = f.to_filters()
        if not filt.actor:
            return json_response({"detail": "the actor parameter is required"}, 422)
        return json_response(await query(profiles.actor_profile, filt.actor, filt.replace(actor=None),
                                         interval=interval, count=count))

    @api.get("/geo", tags=["analysis"])
    async def get_geo(f: FilterQuery, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> Response:
        """Located events grouped by place, for the map."""
        return json_response(await query(events.geo, f.to_filters(), limit=limit))

    app.include_router(api)
    install_docs(app)

    @app.get("/", include_in_schema=False)
    async def index() -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    return app
