"""Every IRI of the dataset answers at its own path (``/id/…``, ``/ontology#…``, ``/graph/…``):
an HTML page with its facts and the quotes they came from for people, RDF (its triples and the
provenance of its facts) for machines, chosen by ``Accept`` or ``?format=``.

Source documents and statements get the evidence viewer's pages (:mod:`.viewer`); an evidence
IRI sends people to its document, scrolled to the quote (303 See Other)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..iris import BASE
from .conneg import HTML, RDF_DOCUMENT_TYPES
from .http import HttpError, negotiate, rdf_response, service_of
from .markup import html_response
from .pages import description_table, entity_page
from .protocol import void
from .viewer import document_page, documents_page, quote_href, statement_page

__all__ = ["documents", "resource"]

_SOURCE_DOCUMENT = BASE + "ontology#SourceDocument"
_STATEMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
_EVIDENCE = BASE + "id/evidence/"


async def resource(request: Any) -> Any:
    """The page or RDF description of the dataset IRI this path names; 404 for others."""
    from starlette.concurrency import run_in_threadpool

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
        # a page takes many store lookups (one HTTP request each on a remote store): off the event loop
        return await run_in_threadpool(_page, service, iri, alternates)
    etag = f'"{service.version}"' if service.version else None
    quads = await run_in_threadpool(service.resources.description, iri)
    return rdf_response(quads, media, etag=etag)


def _page(service: Any, iri: str, alternates: list[tuple[str, str]]) -> Any:
    """The HTML page for a dataset IRI: the evidence viewer for documents, statements and
    evidence, an entity page for everything else."""
    from starlette.responses import RedirectResponse

    sources, resources = service.sources, service.resources
    headers = {"Vary": "Accept"}
    if iri.startswith(_EVIDENCE):
        span = sources.span(sources.node(iri))
        document = sources.source_of(iri)
        if span is not None and document is not None:
            return RedirectResponse(quote_href(document, span), status_code=303, headers=headers)
    if sources.is_a(iri, _SOURCE_DOCUMENT):
        page = document_page(resources, sources.document(iri), description_table(resources, iri), alternates)
    elif sources.is_a(iri, _STATEMENT) and (fact := sources.statement(iri)) is not None:
        page = statement_page(sources, fact, alternates)
    else:
        page = entity_page(resources, iri, alternates)
    return html_response(page, headers)


async def documents(request: Any) -> Any:
    """The list of source documents, each linking to its evidence viewer."""
    from starlette.concurrency import run_in_threadpool

    service = service_of(request)
    found = await run_in_threadpool(service.sources.documents)
    return html_response(documents_page(service.resources, found))
