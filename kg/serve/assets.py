"""The query page at ``/``, its script and stylesheet (served by mskg itself: no CDN, works
offline), a health check, and the read-only answers to writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..query.catalogue import UnknownQueryError
from .http import HttpError, plain, service_of
from .pages import home_page

__all__ = ["STATIC", "health", "home", "read_only", "static"]

STATIC = Path(__file__).parent / "static"
_FIRST_QUERY = "SELECT ?drug ?label WHERE {\n  ?drug a mskg:Drug ; rdfs:label ?label .\n}\nORDER BY ?label\n"


async def home(request: Any) -> Any:
    """The query page, with a query (``?query=``) or a catalogue example (``?example=ID``) loaded."""
    from starlette.responses import Response

    service = service_of(request)
    example = request.query_params.get("example")
    query = request.query_params.get("query")
    if example:
        try:
            query = service.catalogue.get(example).portable_text
        except UnknownQueryError as exc:
            raise HttpError(404, str(exc)) from None
    config = service.config
    page = home_page(
        service.entries, initial_query=query or _FIRST_QUERY, timeout=config.timeout, max_rows=config.max_rows
    )
    return Response(page, media_type="text/html; charset=utf-8")


async def static(request: Any) -> Any:
    from starlette.responses import FileResponse

    name = request.path_params["name"]
    if name not in {p.name for p in STATIC.iterdir()}:
        raise HttpError(404, f"no static file {name!r}")
    return FileResponse(STATIC / name, headers={"Cache-Control": "public, max-age=3600"})


async def health(request: Any) -> Any:
    service = service_of(request)
    quads = sum(service.resources.graphs.values())
    return plain(200, f"ok: {quads} quads, {service.config.workers} query workers")


async def read_only(request: Any) -> Any:
    raise HttpError(403, "this endpoint is read-only: no SPARQL Update and no Graph Store writes")
