"""``mskg serve``: the built dataset over HTTP, read-only.

- ``/sparql``: the SPARQL 1.1 Protocol (GET, POST form, POST ``application/sparql-query``) with
  content negotiation; without a query, a Service Description.
- ``/``: a query page; ``/queries``: the example catalogue; ``/.well-known/void``: VoID.
- every IRI of the dataset under ``https://w3id.org/mskg/`` answers at the same path here, as HTML
  for people and RDF for machines.

Safety: the server never runs a user's query itself. Queries go to worker processes
(:mod:`kg.pool`) that are killed at the time limit, after a check of the query text
(:mod:`kg.guard`) that refuses updates and anything that would reach the network. Answers are
cached: the graph cannot change while the server runs.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import os
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

from .catalogue import DEFAULT_CATALOGUE, Catalogue, CatalogueQuery, UnknownQueryError
from .conneg import (
    GRAPH_TYPES,
    HTML,
    OX_GRAPH_FORMAT,
    OX_RESULT_FORMAT,
    RDF_DOCUMENT_TYPES,
    RESULT_TYPES,
    choose,
    not_acceptable,
)
from .errors import FormatError, MskgError
from .guard import QueryPlan, RefusedQuery, check_query
from .iris import BASE, GRAPH_IRIS, PREFIXES, QUERIES
from .pages import catalogue_page, entity_page, home_page, query_page
from .pool import Job, Outcome, QueryPool
from .resources import Resources
from .store import DEFAULT_STORE, dataset_path, read_report
from .void import DESCRIPTION_PREFIXES

__all__ = ["ServerConfig", "create_app", "serve"]

STATIC = Path(__file__).parent / "static"
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_VOID = "http://rdfs.org/ns/void#"
_UPDATE_TYPE = "application/sparql-update"
_FORM_TYPE = "application/x-www-form-urlencoded"
_QUERY_TYPE = "application/sparql-query"
#: HTTP status of each way a query can fail
_STATUS = {
    "ok": 200,
    "syntax": 400,
    "failed": 400,
    "too-many-rows": 400,
    "not-acceptable": 406,
    "crashed": 500,
    "timeout": 503,
    "busy": 503,
}
#: outcomes that will be the same next time (the graph does not change)
_CACHEABLE = {"ok", "syntax", "failed", "too-many-rows"}


@dataclass
class ServerConfig:
    """What ``mskg serve`` is told; every limit has a default that suits a small public endpoint."""

    store: Path = DEFAULT_STORE
    catalogue: Path = DEFAULT_CATALOGUE
    timeout: float = 30.0
    max_rows: int = 10_000
    max_query_length: int = 50_000  # characters
    max_request_bytes: int = 1 << 20
    workers: int = max(2, os.cpu_count() or 2)
    worker_memory: int | None = 2 << 30  # bytes of address space per query worker
    allow_service: tuple[str, ...] = ()  # remote endpoints queries may call with SERVICE
    inferred: bool = True
    cache_bytes: int = 64 << 20
    isolate_network: bool = True
    access_log: bool = False


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class AnswerCache:
    """Least-recently-used answers, bounded by their total size in bytes."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self._entries: OrderedDict[Any, Outcome] = OrderedDict()

    def get(self, key: Any) -> Outcome | None:
        outcome = self._entries.get(key)
        if outcome is not None:
            self._entries.move_to_end(key)
        return outcome

    def put(self, key: Any, outcome: Outcome) -> None:
        if len(outcome.body) > self.budget // 4 or key in self._entries:
            return
        self._entries[key] = outcome
        self.size += len(outcome.body)
        while self.size > self.budget:
            _, dropped = self._entries.popitem(last=False)
            self.size -= len(dropped.body)


class Service:
    """Everything the routes share: the worker pool, the in-memory dataset for entity pages, the
    catalogue, the answer cache and the descriptions."""

    def __init__(self, config: ServerConfig) -> None:
        import pyoxigraph as ox

        self.config = config
        self.dataset = dataset_path(Path(config.store))
        self.resources = Resources(self.dataset, inferred=config.inferred)
        self.catalogue = Catalogue(config.catalogue)
        self.entries: list[CatalogueQuery] = list(self.catalogue)
        self.version = read_report(Path(config.store))["dataset_sha256"][:16]  # for ETags
        self.pool = QueryPool(
            self.dataset,
            size=config.workers,
            timeout=config.timeout,
            memory=config.worker_memory,
            isolate_network=config.isolate_network and not config.allow_service,
            inferred=config.inferred,
            inferred_graph=GRAPH_IRIS["inferred"],
        )
        self.cache = AnswerCache(config.cache_bytes)
        self._running: dict[Any, asyncio.Future[Outcome]] = {}
        self._ox = ox

    def close(self) -> None:
        self.pool.close()

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Service per process, lives as long as it
    def plan(self, text: str, default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> QueryPlan | str:
        """The checked plan of a query, or the reason it is refused."""
        try:
            return check_query(
                text,
                graphs=self.resources.graphs,
                allowed=self.config.allow_service,
                dataset=default_graphs + named_graphs,
            )
        except RefusedQuery as exc:
            return str(exc)

    async def answer(self, job: Job) -> Outcome:
        """The outcome of a job: from the cache, from an identical job already running, or from a worker."""
        cached = self.cache.get(job)
        if cached is not None:
            return cached
        running = self._running.get(job)
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._running[job] = future
        try:
            outcome = await asyncio.to_thread(self.pool.run, job)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # marked as retrieved: waiters, if any, get it raised
            raise
        finally:
            del self._running[job]
        if outcome.status in _CACHEABLE:
            self.cache.put(job, outcome)
        future.set_result(outcome)
        return outcome

    # --- descriptions -------------------------------------------------------------------------

    @functools.cached_property
    def void_triples(self) -> list[Any]:
        from .void import DATASET_IRI, describe

        quads = list(self.resources.store)
        triples = describe(quads)
        ox = self._ox
        for entry in self.entries:
            triples.append(
                ox.Triple(
                    ox.NamedNode(DATASET_IRI), ox.NamedNode(_VOID + "exampleResource"), ox.NamedNode(QUERIES + entry.id)
                )
            )
        return triples

    def service_description(self, endpoint: str) -> list[Any]:
        from .void import DATASET_IRI

        ox = self._ox
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
            f"Read-only. Each query runs for at most {self.config.timeout:g} s and returns at most "
            f"{self.config.max_rows} rows; queries may be {self.config.max_query_length} characters long. "
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
        add(default, _VOID + "triples", ox.Literal(str(len(self.resources.store))))
        integer = ox.NamedNode(PREFIXES["xsd"] + "integer")
        for graph in sorted(self.resources.graphs):
            named, described = ox.BlankNode(), ox.BlankNode()
            add(dataset, _SD + "namedGraph", named)
            add(named, rdf_type, ox.NamedNode(_SD + "NamedGraph"))
            add(named, _SD + "name", ox.NamedNode(graph))
            add(named, _SD + "graph", described)
            add(described, rdf_type, ox.NamedNode(_SD + "Graph"))
            add(described, _VOID + "triples", ox.Literal(str(self.resources.graphs[graph]), datatype=integer))
        return out


# --- requests ---------------------------------------------------------------------------------


async def _body(request: Any, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes. An oversized body is still read
    (and dropped) up to a bound, so the client gets the 413 instead of a reset connection."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
        elif size > 16 * limit:
            break
    if size > limit:
        raise HttpError(413, f"the request body is over {limit} bytes, the most this server accepts")
    return b"".join(chunks)


async def _parameters(request: Any, config: ServerConfig) -> tuple[list[tuple[str, str]], str | None]:
    """The request's parameters (URL and form body) and a query sent as the body, if any."""
    if len(request.url.query) > 3 * config.max_query_length + 4096:
        raise HttpError(414, "the URL is too long; send long queries with POST")
    params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method != "POST":
        return params, None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == _UPDATE_TYPE:
        raise HttpError(403, "SPARQL Update is not accepted: this endpoint is read-only")
    body = await _body(request, config.max_request_bytes)
    if media == _QUERY_TYPE:
        try:
            return params, body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HttpError(400, f"the query is not UTF-8: {exc}") from None
    if media == _FORM_TYPE or (not media and not body):
        try:
            return params + parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False), None
        except UnicodeDecodeError as exc:
            raise HttpError(400, f"the form is not UTF-8: {exc}") from None
    raise HttpError(415, f"POST a query as {_FORM_TYPE} or {_QUERY_TYPE}, not {media or 'an untyped body'}")


def _values(params: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in params if key == name]


def _refuse_update(params: list[tuple[str, str]]) -> None:
    if _values(params, "update"):
        raise HttpError(403, "SPARQL Update is not accepted: this endpoint is read-only")


def _plain(status: int, message: str, headers: dict[str, str] | None = None) -> Any:
    from starlette.responses import Response

    return Response(message.rstrip() + "\n", status, headers=headers, media_type="text/plain; charset=utf-8")


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "+xml", "/json", "/n-triples"))
    return f"{media_type}; charset=utf-8" if textual and "charset" not in media_type else media_type


def create_app(config: ServerConfig) -> Any:
    """The ASGI application. Workers start when the application starts (its lifespan)."""
    import contextlib

    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import FileResponse, RedirectResponse, Response
    from starlette.routing import Route

    state: dict[str, Service] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        state["service"] = Service(config)
        try:
            yield
        finally:
            state.pop("service").close()

    def handles_errors(
        handler: Callable[[Any], Awaitable[Any]], *, post: bool = False
    ) -> Callable[[Any], Awaitable[Any]]:
        """Turn HttpError into its reply. Routes that take no POST still read one, to answer an
        update with 403 (read-only) and anything else with 405."""

        @functools.wraps(handler)
        async def wrapped(request: Any) -> Any:
            try:
                if request.method == "POST" and not post:
                    params, _ = await _parameters(request, config)
                    _refuse_update(params)
                    raise HttpError(405, "this resource is read-only: use GET", {"Allow": "GET, HEAD"})
                return await handler(request)
            except HttpError as exc:
                return _plain(exc.status, exc.message, exc.headers)

        return wrapped

    def rdf_response(triples_or_quads: list[Any], media: str, *, etag: str | None = None) -> Any:
        import pyoxigraph as ox

        rdf_format = getattr(ox.RdfFormat, OX_GRAPH_FORMAT[media])
        items = triples_or_quads
        if not rdf_format.supports_datasets:
            items = list(dict.fromkeys(getattr(q, "triple", q) for q in items))
        readable = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
        prefixes = DESCRIPTION_PREFIXES if rdf_format in readable else None
        body = ox.serialize(items, format=rdf_format, prefixes=prefixes) or b""
        headers = {"Vary": "Accept"}
        if etag:
            headers["ETag"] = etag
        return Response(body, 200, media_type=_with_charset(media), headers=headers)

    def negotiate(request: Any, offered: dict[str, tuple[str, ...]], default: str | None = None) -> str:
        formats = _values(list(request.query_params.multi_items()), "format")
        try:
            media = choose(offered, request.headers.get("accept"), formats, default)
        except FormatError as exc:
            raise HttpError(406, str(exc)) from None
        if media is None:
            raise HttpError(406, not_acceptable(offered))
        return media

    async def sparql(request: Any) -> Any:
        service = state["service"]
        params, body_query = await _parameters(request, config)
        _refuse_update(params)
        queries = _values(params, "query") + ([body_query] if body_query is not None else [])
        if not queries:
            if request.method == "POST":
                raise HttpError(
                    400, "no query: send it as the 'query' parameter or as an application/sparql-query body"
                )
            return describe_service(request)
        if len(queries) > 1:
            raise HttpError(400, "send exactly one query")
        text = queries[0]
        if len(text) > config.max_query_length:
            raise HttpError(
                413, f"the query is {len(text)} characters long; this server accepts up to {config.max_query_length}"
            )
        default_graphs = tuple(_values(params, "default-graph-uri"))
        named_graphs = tuple(_values(params, "named-graph-uri"))
        plan = service.plan(text, default_graphs, named_graphs)
        if isinstance(plan, str):
            return _plain(403, plan)
        formats = _values(params, "format") + _values(params, "output")
        accept = request.headers.get("accept")
        result_media = graph_media = None
        try:
            if plan.form in (None, "SELECT", "ASK"):
                result_media = choose(RESULT_TYPES, accept, formats)
            if plan.form in (None, "CONSTRUCT", "DESCRIBE"):
                graph_media = choose(GRAPH_TYPES, accept, formats)
        except FormatError as exc:
            raise HttpError(406, str(exc)) from None
        if plan.form is not None and result_media is None and graph_media is None:
            offered = RESULT_TYPES if plan.form in ("SELECT", "ASK") else GRAPH_TYPES
            raise HttpError(406, not_acceptable(offered))
        job = Job(
            text,
            OX_RESULT_FORMAT.get(result_media or ""),
            OX_GRAPH_FORMAT.get(graph_media or ""),
            default_graphs,
            named_graphs,
            config.max_rows,
        )
        etag = f'"{service.version}-{hashlib.sha256(repr(job).encode()).hexdigest()[:16]}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        outcome = await service.answer(job)
        status = _STATUS[outcome.status]
        headers = {"Vary": "Accept"}
        if outcome.status == "ok":
            headers.update({"ETag": etag, "Cache-Control": "public, max-age=300"})
            return Response(outcome.body, status, media_type=_with_charset(outcome.media_type), headers=headers)
        if outcome.status == "busy":
            headers["Retry-After"] = "1"
        return _plain(status, outcome.message, headers)

    def describe_service(request: Any) -> Any:
        media = negotiate(request, {HTML: ("html",), **GRAPH_TYPES}, "text/turtle")
        if media == HTML:
            return RedirectResponse("/", 303)
        endpoint = str(request.url.replace(query="", fragment=""))
        return rdf_response(state["service"].service_description(endpoint), media)

    async def void(request: Any) -> Any:
        from .void import DATASET_IRI

        service = state["service"]
        media = negotiate(request, GRAPH_TYPES)
        import pyoxigraph as ox

        endpoint = str(request.url.replace(path="/sparql", query="", fragment=""))
        triples = [
            *service.void_triples,
            ox.Triple(ox.NamedNode(DATASET_IRI), ox.NamedNode(_VOID + "sparqlEndpoint"), ox.NamedNode(endpoint)),
        ]
        return rdf_response(triples, media)

    async def home(request: Any) -> Any:
        service = state["service"]
        example = request.query_params.get("example")
        query = request.query_params.get("query")
        if example:
            try:
                entry = service.catalogue.get(example)
            except UnknownQueryError as exc:
                raise HttpError(404, str(exc)) from None
            query = entry.portable_text
        initial = (
            query or "SELECT ?drug ?label WHERE {\n  ?drug a mskg:Drug ; rdfs:label ?label .\n}\nORDER BY ?label\n"
        )
        page = home_page(service.entries, initial_query=initial, timeout=config.timeout, max_rows=config.max_rows)
        return Response(page, media_type="text/html; charset=utf-8")

    def catalogue_rdf(entries: list[CatalogueQuery], media: str) -> Any:
        import pyoxigraph as ox

        triples = [t for entry in entries for t in ox.parse(path=str(entry.path), format=ox.RdfFormat.TURTLE)]
        return rdf_response(triples, media)

    async def catalogue(request: Any) -> Any:
        service = state["service"]
        media = negotiate(request, {HTML: ("html",), **GRAPH_TYPES})
        if media == HTML:
            return Response(catalogue_page(service.entries), media_type="text/html; charset=utf-8")
        return catalogue_rdf(service.entries, media)

    async def catalogue_entry(request: Any) -> Any:
        service = state["service"]
        try:
            entry = service.catalogue.get(request.path_params["id"])
        except UnknownQueryError as exc:
            raise HttpError(404, str(exc)) from None
        media = negotiate(request, {HTML: ("html",), **GRAPH_TYPES})
        if media == HTML:
            return Response(query_page(entry), media_type="text/html; charset=utf-8")
        return catalogue_rdf([entry], media)

    async def resource(request: Any) -> Any:
        service = state["service"]
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
        return rdf_response(service.resources.description(iri), media, etag=f'"{service.version}"')

    async def static(request: Any) -> Any:
        name = request.path_params["name"]
        if name not in {p.name for p in STATIC.iterdir()}:
            raise HttpError(404, f"no static file {name!r}")
        return FileResponse(STATIC / name, headers={"Cache-Control": "public, max-age=3600"})

    async def health(request: Any) -> Any:
        service = state["service"]
        return _plain(200, f"ok: {len(service.resources.store)} quads, {config.workers} query workers")

    async def read_only(request: Any) -> Any:
        raise HttpError(403, "this endpoint is read-only: no SPARQL Update and no Graph Store writes")

    get_or_post = ["GET", "HEAD", "POST"]
    routes = [
        Route("/", handles_errors(home), methods=get_or_post),
        Route("/sparql", handles_errors(sparql, post=True), methods=get_or_post),
        Route("/.well-known/void", handles_errors(void), methods=get_or_post),
        Route("/queries", handles_errors(catalogue), methods=get_or_post),
        Route("/queries/{id}", handles_errors(catalogue_entry), methods=get_or_post),
        Route("/static/{name}", handles_errors(static), methods=get_or_post),
        Route("/health", handles_errors(health), methods=get_or_post),
        Route(
            "/update", handles_errors(read_only, post=True), methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
        ),
        Route("/store", handles_errors(read_only, post=True), methods=["POST", "PUT", "DELETE", "PATCH"]),
        Route("/{path:path}", handles_errors(resource), methods=get_or_post),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(config: ServerConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the server until interrupted."""
    import socket

    import uvicorn

    dataset_path(Path(config.store))  # fail before starting anything if nothing was built
    Catalogue(config.catalogue)
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise MskgError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    print(
        f"mskg: serving {config.store} on http://{host}:{port}/ (SPARQL at /sparql; "
        f"{config.workers} query workers, {config.timeout:g} s per query, {config.max_rows} rows at most)",
        flush=True,
    )
    uvicorn.run(
        create_app(config),
        host=host,
        port=port,
        log_level="warning",
        access_log=config.access_log,
        server_header=False,
        timeout_keep_alive=30,
    )
