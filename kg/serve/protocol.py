"""The SPARQL 1.1 Protocol at ``/sparql`` (GET, POST form, POST ``application/sparql-query``,
``default-graph-uri``, ``named-graph-uri``), the Service Description it gives without a query,
and the dataset's VoID description at ``/.well-known/void``.

A query is checked by the guard (updates and anything reaching the network refused), its answer
format negotiated, and its answer taken from the cache or a query worker; failures map to HTTP
statuses, never to a cut-off 200.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any
from urllib.parse import urlsplit

from ..errors import FormatError
from ..iris import PREFIXES, QUERIES
from ..publish.void import DATASET_IRI, describe
from .conneg import GRAPH_TYPES, HTML, OX_GRAPH_FORMAT, OX_RESULT_FORMAT, RESULT_TYPES, choose, not_acceptable
from .http import (
    HttpError,
    negotiate,
    rdf_response,
    read_parameters,
    refuse_update,
    service_of,
    values,
    with_charset,
)
from .pool import Job
from .service import Service

__all__ = ["sparql", "void"]

_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_VOID = "http://rdfs.org/ns/void#"
#: HTTP status of each way a query can end
_STATUS = {
    "ok": 200,
    "syntax": 400,
    "failed": 400,
    "too-many-rows": 400,
    "not-acceptable": 406,
    # a worker that dies has, in practice, run past its memory cap (the allocator aborts): a limit
    # of the service, like the time limit, not a fault a client could fix
    "crashed": 503,
    "timeout": 503,
    "busy": 503,
}


class _Sparql:
    """``/sparql``: a query's answer, or the Service Description when there is no query.

    A bare ASGI application (mounted as the route's app, inside the middleware): every query takes
    this path, so it reads the request and writes the reply itself, without Starlette's request and
    response objects; a reply is the same as theirs, header for header.
    """

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await _sparql(scope, receive, send)


async def _sparql(scope: Any, receive: Any, send: Any) -> None:
    accept = content_type = if_none_match = None
    for name, value in scope["headers"]:  # the first of each, as Starlette's Headers.get gives
        if name == b"accept":
            accept = value.decode("latin-1") if accept is None else accept
        elif name == b"content-type":
            content_type = value.decode("latin-1") if content_type is None else content_type
        elif name == b"if-none-match":
            if_none_match = value.decode("latin-1") if if_none_match is None else if_none_match
    service: Service = scope["app"].state.service
    try:
        reply = await _query_reply(
            service,
            scope["method"],
            urlsplit("?" + scope["query_string"].decode()).query,  # as Starlette's request.url.query
            accept,
            content_type or "",
            if_none_match,
            functools.partial(_receive_body, receive),
        )
    except HttpError as exc:
        reply = _plain_reply(exc.status, exc.message, exc.headers)
    except _Disconnected:
        return
    if reply is None:
        from starlette.requests import Request

        await _describe_service(Request(scope, receive))(scope, receive, send)
        return
    status, headers, body = reply
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


sparql = _Sparql()

#: a reply: status, raw headers (as Starlette's Response makes them), body
_Reply = tuple[int, list[tuple[bytes, bytes]], bytes]


class _Disconnected(Exception):
    """The client went away while sending its request."""


async def _receive_body(receive: Any, limit: int) -> bytes:
    """The request body, as :func:`.http.parameters` reads it (413 past ``limit`` bytes)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Disconnected
        if message["type"] != "http.request":
            continue
        chunk = message.get("body", b"")
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
        elif size > 16 * limit:
            break
        if not message.get("more_body", False):
            break
    if size > limit:
        raise HttpError(413, f"the request body is over {limit} bytes, the most this server accepts")
    return b"".join(chunks)


def _raw_reply(status: int, body: bytes, media_type: str | None, headers: dict[str, str]) -> _Reply:
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    if status >= 200 and status not in (204, 304):
        raw.append((b"content-length", str(len(body)).encode("latin-1")))
    if media_type is not None:
        raw.append((b"content-type", media_type.encode("latin-1")))
    return status, raw, body


def _plain_reply(status: int, message: str, headers: dict[str, str] | None = None) -> _Reply:
    """What :func:`.http.plain` replies."""
    return _raw_reply(status, (message.rstrip() + "\n").encode(), "text/plain; charset=utf-8", headers or {})


async def _query_reply(
    service: Service,
    method: str,
    url_query: str,
    accept: str | None,
    content_type: str,
    if_none_match: str | None,
    body: Any,
) -> _Reply | None:
    """The reply to a request to ``/sparql``; None when it asks no query (GET and HEAD only).

    :raises HttpError: the request cannot be answered.
    """
    config = service.config
    params, body_query = await read_parameters(config, method, url_query, content_type, body)
    refuse_update(params)
    queries = values(params, "query") + ([body_query] if body_query is not None else [])
    if not queries:
        if method == "POST":
            raise HttpError(400, "no query: send it as the 'query' parameter or as an application/sparql-query body")
        return None
    if len(queries) > 1:
        raise HttpError(400, "send exactly one query")
    text = queries[0]
    if len(text) > config.max_query_length:
        raise HttpError(
            413, f"the query is {len(text)} characters long; this server accepts up to {config.max_query_length}"
        )
    default_graphs = tuple(values(params, "default-graph-uri"))
    named_graphs = tuple(values(params, "named-graph-uri"))
    plan = service.plan(text, default_graphs, named_graphs)
    if isinstance(plan, str):
        return _plain_reply(403, plan)
    job = Job(text, *_answer_formats(accept, params, plan.form), default_graphs, named_graphs, config.max_rows)
    etag = f'"{service.version}-{hashlib.sha256(repr(job).encode()).hexdigest()[:16]}"' if service.version else None
    if etag and if_none_match == etag:
        return _raw_reply(304, b"", None, {"ETag": etag})
    outcome = await service.answer(job)
    status = _STATUS[outcome.status]
    headers = {"Vary": "Accept"}
    if outcome.status == "ok":
        if etag:
            headers.update({"ETag": etag, "Cache-Control": "public, max-age=300"})
        return _raw_reply(status, outcome.body, with_charset(outcome.media_type), headers)
    if outcome.status == "busy":
        headers["Retry-After"] = "1"
    return _plain_reply(status, outcome.message, headers)


def _answer_formats(
    accept: str | None, params: list[tuple[str, str]], form: str | None
) -> tuple[str | None, str | None]:
    """pyoxigraph's names of the formats a table and a graph answer would take (None: not
    acceptable to the client); 406 when the query's form has no acceptable format."""
    formats = values(params, "format") + values(params, "output")
    result_media = graph_media = None
    try:
        if form in (None, "SELECT", "ASK"):
            result_media = choose(RESULT_TYPES, accept, formats)
        if form in (None, "CONSTRUCT", "DESCRIBE"):
            graph_media = choose(GRAPH_TYPES, accept, formats)
    except FormatError as exc:
        raise HttpError(406, str(exc)) from None
    if form is not None and result_media is None and graph_media is None:
        raise HttpError(406, not_acceptable(RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES))
    return OX_RESULT_FORMAT.get(result_media or ""), OX_GRAPH_FORMAT.get(graph_media or "")


def _describe_service(request: Any) -> Any:
    from starlette.responses import RedirectResponse

    media = negotiate(request, {HTML: ("html",), **GRAPH_TYPES}, "text/turtle")
    if media == HTML:
        return RedirectResponse("/", 303)
    endpoint = str(request.url.replace(query="", fragment=""))
    return rdf_response(service_description(service_of(request), endpoint), media)


def service_description(service: Service, endpoint: str) -> list[Any]:
    """The SPARQL 1.1 Service Description of this endpoint: formats, limits, the dataset's graphs."""
    import pyoxigraph as ox

    config = service.config
    node = ox.NamedNode(endpoint)
    out: list[Any] = []

    def add(s: Any, p: str, o: Any) -> None:
        out.append(ox.Triple(s, ox.NamedNode(p), o))

    rdf_type = PREFIXES["rdf"] + "type"
    add(node, rdf_type, ox.NamedNode(_SD + "Service"))
    add(node, _SD + "endpoint", node)
    add(node, _SD + "supportedLanguage", ox.NamedNode(_SD + "SPARQL11Query"))
    add(node, _SD + "feature", ox.NamedNode(_SD + "UnionDefaultGraph"))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):  # fmt: skip
        add(node, _SD + "resultFormat", ox.NamedNode(_FORMATS + name))
    limits = (
        f"Read-only. Each query runs for at most {config.timeout:g} s and returns at most "
        f"{config.max_rows} rows; queries may be {config.max_query_length} characters long. "
        "SERVICE and remote FROM are refused. The prefixes "
        + ", ".join(f"{p}:" for p in PREFIXES)
        + " are predeclared."
    )
    add(node, PREFIXES["rdfs"] + "comment", ox.Literal(limits, language="en"))
    dataset = ox.BlankNode()
    add(node, _SD + "defaultDataset", dataset)
    add(dataset, rdf_type, ox.NamedNode(_SD + "Dataset"))
    add(dataset, PREFIXES["dcterms"] + "source", ox.NamedNode(DATASET_IRI))
    default = ox.BlankNode()
    add(dataset, _SD + "defaultGraph", default)
    add(default, rdf_type, ox.NamedNode(_SD + "Graph"))
    add(default, PREFIXES["rdfs"] + "comment", ox.Literal("the union of the named graphs", language="en"))
    add(default, _VOID + "triples", ox.Literal(str(sum(service.resources.graphs.values()))))
    integer = ox.NamedNode(PREFIXES["xsd"] + "integer")
    for graph in sorted(service.resources.graphs):
        named, described = ox.BlankNode(), ox.BlankNode()
        add(dataset, _SD + "namedGraph", named)
        add(named, rdf_type, ox.NamedNode(_SD + "NamedGraph"))
        add(named, _SD + "name", ox.NamedNode(graph))
        add(named, _SD + "graph", described)
        add(described, rdf_type, ox.NamedNode(_SD + "Graph"))
        add(described, _VOID + "triples", ox.Literal(str(service.resources.graphs[graph]), datatype=integer))
    return out


@functools.lru_cache(maxsize=1)
def _dataset_description(service: Service) -> list[Any]:
    """VoID statistics of the served dataset and the catalogue's queries as example resources
    (computed once: the data cannot change while the server runs)."""
    import pyoxigraph as ox

    triples = describe(list(service.store.quads()))
    for entry in service.entries:
        triples.append(
            ox.Triple(
                ox.NamedNode(DATASET_IRI), ox.NamedNode(_VOID + "exampleResource"), ox.NamedNode(QUERIES + entry.id)
            )
        )
    return triples


async def void(request: Any) -> Any:
    """``/.well-known/void``: VoID and DCAT of the dataset, naming this endpoint."""
    import pyoxigraph as ox

    media = negotiate(request, GRAPH_TYPES)
    endpoint = str(request.url.replace(path="/sparql", query="", fragment=""))
    triples = [
        *_dataset_description(service_of(request)),
        ox.Triple(ox.NamedNode(DATASET_IRI), ox.NamedNode(_VOID + "sparqlEndpoint"), ox.NamedNode(endpoint)),
    ]
    return rdf_response(triples, media)
