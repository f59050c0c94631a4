"""Every IRI of the dataset answers at its own path (``/id/…``, ``/ontology#…``, ``/graph/…``):
an HTML page with its facts and the quotes they came from for people, RDF (its triples and the
provenance of its facts) for machines, chosen by ``Accept`` or ``?format=``."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..iris import BASE
from .conneg import HTML, RDF_DOCUMENT_TYPES
from .http import HttpError, negotiate, rdf_response, service_of
from .pages import entity_page
from .protocol import void

__all__ = ["resource"]


async def resource(request: Any) -> Any:
    """The page or RDF description of the dataset IRI this path names; 404 for others."""
    from starlette.responses import Response

    service = service_of(request)
    path = request.url.path.lstrip("/")
    iri = BASE + path
    if path == "dataset":
        return await void(request)
    if not service.resources.exists(iri):
        raise HttpError(404, f"nothing in this dataset is called <{iri}>")
    media = negotiate(request, {HTML: ("html",), **RDF_DOCUMENT_TYPES})
    if media == HTML:
        alternates = [(m, f"/{quote(path)}?format={names[0]}") for m, names in RDF_DOCUMENT_TYPES.items()]
        page = entity_page(service.resources, iri, alternates)
        return Response(page, media_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    etag = f'"{service.version}"' if service.version else None
    return rdf_response(service.resources.description(iri), media, etag=etag)
