"""``mskg serve``: a dataset over HTTP, read-only. This module only mounts the routes:

- ``/sparql``: the SPARQL 1.1 Protocol and the Service Description (:mod:`.protocol`);
- ``/``: the query page, its static files, ``/health`` (:mod:`.assets`);
- ``/queries``, ``/queries/ID``: the example catalogue (:mod:`.catalogue`);
- ``/documents``: the source documents, each read in the evidence viewer (:mod:`.viewer`);
- every other path: the dataset's IRI of that path, as a page or RDF (:mod:`.entities`).

Safety: the server never runs a user's query itself. Queries go to worker processes
(:mod:`.pool`) that are killed at the time limit, after a check of the query text (:mod:`.guard`)
that refuses updates and anything that would reach the network. Answers are cached
(:mod:`.cache`): the graph cannot change while the server runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from ..errors import MskgError
from ..query.catalogue import Catalogue
from ..store import open_store
from .assets import complete, health, home, read_only, static
from .catalogue import catalogue, catalogue_entry
from .config import ServerConfig
from .entities import documents, resource
from .http import handles_errors, http_protocol
from .protocol import sparql, void
from .service import Service

__all__ = ["create_app", "serve"]

_GET_OR_POST = ["GET", "HEAD", "POST"]
_WRITES = ["POST", "PUT", "DELETE", "PATCH"]


def create_app(config: ServerConfig) -> Any:
    """The ASGI application. Workers start when the application starts (its lifespan)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.routing import Route

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        app.state.service = Service(config)
        try:
            yield
        finally:
            app.state.service.close()

    routes = [
        Route("/", handles_errors(home), methods=_GET_OR_POST),
        Route("/sparql", sparql, methods=_GET_OR_POST),  # an ASGI app: it handles its errors itself
        Route("/.well-known/void", handles_errors(void), methods=_GET_OR_POST),
        Route("/queries", handles_errors(catalogue), methods=_GET_OR_POST),
        Route("/documents", handles_errors(documents), methods=_GET_OR_POST),
        Route("/queries/{id}", handles_errors(catalogue_entry), methods=_GET_OR_POST),
        Route("/static/{name:path}", handles_errors(static), methods=_GET_OR_POST),
        Route("/complete", handles_errors(complete), methods=_GET_OR_POST),
        Route("/health", handles_errors(health), methods=_GET_OR_POST),
        Route("/update", handles_errors(read_only, post=True), methods=["GET", "HEAD", *_WRITES]),
        Route("/store", handles_errors(read_only, post=True), methods=_WRITES),
        Route("/{path:path}", handles_errors(resource), methods=_GET_OR_POST),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(config: ServerConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the server until interrupted.

    :raises MskgError: the store or catalogue cannot be opened, or the port is taken.
    """
    import socket

    import uvicorn

    open_store(config.store, inferred=config.inferred).close()  # fail before starting anything
    if config.texts is not None and not Path(config.texts).is_dir():
        raise MskgError(f"--texts {config.texts}: no such folder")
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
        http=http_protocol(),  # each reply in one write
        timeout_keep_alive=30,
    )
