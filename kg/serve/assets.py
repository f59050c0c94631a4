"""The query page at ``/``, its script and stylesheet (served by mskg itself: no CDN, works
offline), a health check, and the read-only answers to writes."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..query.catalogue import UnknownQueryError
from .http import HttpError, plain, service_of
from .markup import html_response
from .pages import home_page

__all__ = ["STATIC", "complete", "health", "home", "read_only", "static"]

STATIC = Path(__file__).parent / "static"
_SERVED = {".js", ".css", ".png", ".svg"}
_FIRST_QUERY = "SELECT ?drug ?label WHERE {\n  ?drug a mskg:Drug ; rdfs:label ?label .\n}\nORDER BY ?label\n"


async def home(request: Any) -> Any:
    """The query page, with a query (``?query=``) or a catalogue example (``?example=ID``) loaded."""

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
    return html_response(page)


async def static(request: Any) -> Any:
    """A file of the page (``/static/NAME``, ``/static/vendor/NAME``): only files that ship with mskg."""
    from starlette.responses import FileResponse

    name = request.path_params["name"]
    if name not in _static_files():
        raise HttpError(404, f"no static file {name!r}")
    return FileResponse(STATIC / name, headers={"Cache-Control": "public, max-age=3600"})


@functools.lru_cache(maxsize=1)
def _static_files() -> frozenset[str]:
    """The static files by their path under ``static/``: a request can name nothing else."""
    return frozenset(
        path.relative_to(STATIC).as_posix() for path in STATIC.rglob("*") if path.is_file() and path.suffix in _SERVED
    )


async def complete(request: Any) -> Any:
    """``/complete?q=TEXT``: names for the query editor to suggest (JSON)."""
    from starlette.responses import JSONResponse

    typed = request.query_params.get("q", "")
    if len(typed) > 200:
        raise HttpError(400, "q: at most 200 characters")
    found = service_of(request).completions.complete(typed)
    return JSONResponse({"completions": found}, headers={"Cache-Control": "public, max-age=300"})


async def health(request: Any) -> Any:
    service = service_of(request)
    quads = sum(service.resources.graphs.values())
    return plain(200, f"ok: {quads} quads, {service.config.workers} query workers")


async def read_only(request: Any) -> Any:
    raise HttpError(403, "this endpoint is read-only: no SPARQL Update and no Graph Store writes")
