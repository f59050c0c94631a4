"""The query catalogue over HTTP: ``/queries`` (every example) and ``/queries/ID`` (one), as
pages for people and as ``sh:SPARQLExecutable`` RDF for machines."""

from __future__ import annotations

from typing import Any

from ..query.catalogue import CatalogueQuery, UnknownQueryError
from .conneg import GRAPH_TYPES, HTML
from .http import HttpError, negotiate, rdf_response, service_of
from .markup import html_response
from .pages import catalogue_page, query_page

__all__ = ["catalogue", "catalogue_entry"]


def _as_rdf(entries: list[CatalogueQuery], media: str) -> Any:
    import pyoxigraph as ox

    triples = [t for entry in entries for t in ox.parse(path=str(entry.path), format=ox.RdfFormat.TURTLE)]
    return rdf_response(triples, media)


async def catalogue(request: Any) -> Any:
    """``/queries``: the catalogue."""
    entries = service_of(request).entries
    media = negotiate(request, {HTML: ("html",), **GRAPH_TYPES})
    if media == HTML:
        return html_response(catalogue_page(entries))
    return _as_rdf(entries, media)


async def catalogue_entry(request: Any) -> Any:
    """``/queries/ID``: one catalogue query."""
    try:
        entry = service_of(request).catalogue.get(request.path_params["id"])
    except UnknownQueryError as exc:
        raise HttpError(404, str(exc)) from None
    media = negotiate(request, {HTML: ("html",), **GRAPH_TYPES})
    if media == HTML:
        return html_response(query_page(entry))
    return _as_rdf([entry], media)
