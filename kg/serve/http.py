"""What every route shares: reading a request's parameters within the server's limits, errors as
plain-text replies with their status, content negotiation and RDF replies."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from ..errors import FormatError
from ..formats import DATASET_FORMATS
from ..publish.void import DESCRIPTION_PREFIXES
from .conneg import choose, not_acceptable

if TYPE_CHECKING:
    from .config import ServerConfig
    from .service import Service

__all__ = [
    "HttpError",
    "handles_errors",
    "http_protocol",
    "negotiate",
    "parameters",
    "plain",
    "rdf_response",
    "read_parameters",
    "refuse_update",
    "service_of",
    "values",
    "with_charset",
]

UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"

Handler = Callable[[Any], Awaitable[Any]]


class HttpError(Exception):
    """A request the server answers with an error status and a one-line message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def service_of(request: Any) -> Service:
    """The running server's shared state (set when the application starts)."""
    return request.app.state.service  # type: ignore[no-any-return]


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


async def parameters(request: Any) -> tuple[list[tuple[str, str]], str | None]:
    """The request's parameters (URL and form body) and a query sent as the body, if any."""
    return await read_parameters(
        service_of(request).config,
        request.method,
        request.url.query,
        request.headers.get("content-type", ""),
        functools.partial(_body, request),
    )


async def read_parameters(
    config: ServerConfig, method: str, query: str, content_type: str, body: Callable[[int], Awaitable[bytes]]
) -> tuple[list[tuple[str, str]], str | None]:
    """:func:`parameters` from the parts of a request: its URL's query string, its Content-Type
    and a reader of its body (given the most bytes it may have)."""
    if len(query) > 3 * config.max_query_length + 4096:
        raise HttpError(414, "the URL is too long; send long queries with POST")
    params = parse_qsl(query, keep_blank_values=True)
    if method != "POST":
        return params, None
    media = content_type.split(";")[0].strip().lower()
    if media == UPDATE_TYPE:
        raise HttpError(403, "SPARQL Update is not accepted: this endpoint is read-only")
    data = await body(config.max_request_bytes)
    if media == QUERY_TYPE:
        try:
            return params, data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HttpError(400, f"the query is not UTF-8: {exc}") from None
    if media == FORM_TYPE or (not media and not data):
        try:
            return params + parse_qsl(data.decode("utf-8"), keep_blank_values=True, strict_parsing=False), None
        except UnicodeDecodeError as exc:
            raise HttpError(400, f"the form is not UTF-8: {exc}") from None
    raise HttpError(415, f"POST a query as {FORM_TYPE} or {QUERY_TYPE}, not {media or 'an untyped body'}")


def values(params: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in params if key == name]


def refuse_update(params: list[tuple[str, str]]) -> None:
    if values(params, "update"):
        raise HttpError(403, "SPARQL Update is not accepted: this endpoint is read-only")


def plain(status: int, message: str, headers: dict[str, str] | None = None) -> Any:
    from starlette.responses import Response

    return Response(message.rstrip() + "\n", status, headers=headers, media_type="text/plain; charset=utf-8")


def with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "+xml", "/json", "/n-triples"))
    return f"{media_type}; charset=utf-8" if textual and "charset" not in media_type else media_type


def handles_errors(handler: Handler, *, post: bool = False) -> Handler:
    """Turn HttpError into its reply. Routes that take no POST still read one, to answer an update
    with 403 (read-only) and anything else with 405."""

    @functools.wraps(handler)
    async def wrapped(request: Any) -> Any:
        try:
            if request.method == "POST" and not post:
                params, _ = await parameters(request)
                refuse_update(params)
                raise HttpError(405, "this resource is read-only: use GET", {"Allow": "GET, HEAD"})
            return await handler(request)
        except HttpError as exc:
            return plain(exc.status, exc.message, exc.headers)

    return wrapped


def negotiate(request: Any, offered: dict[str, tuple[str, ...]], default: str | None = None) -> str:
    """The media type to answer with, from ``?format=`` or ``Accept``; 406 when none fits."""
    formats = values(list(request.query_params.multi_items()), "format")
    try:
        media = choose(offered, request.headers.get("accept"), formats, default)
    except FormatError as exc:
        raise HttpError(406, str(exc)) from None
    if media is None:
        raise HttpError(406, not_acceptable(offered))
    return media


def rdf_response(triples_or_quads: list[Any], media: str, *, etag: str | None = None) -> Any:
    """Triples or quads in an RDF format (quads become their triples in formats without graphs)."""
    import pyoxigraph as ox
    from starlette.responses import Response

    fmt = next(f for f in DATASET_FORMATS if f.media_type == media)
    rdf_format = getattr(ox.RdfFormat, fmt.oxigraph)
    items = triples_or_quads
    if not rdf_format.supports_datasets:
        items = list(dict.fromkeys(getattr(q, "triple", q) for q in items))
    prefixes = DESCRIPTION_PREFIXES if fmt.readable else None
    body = ox.serialize(items, format=rdf_format, prefixes=prefixes) or b""
    headers = {"Vary": "Accept"}
    if etag:
        headers["ETag"] = etag
    return Response(body, 200, media_type=with_charset(media), headers=headers)


class _CoalescingTransport:
    """A connection's transport that sends a reply's head together with its body: uvicorn writes
    them separately, which costs a system call and a TCP segment more. A head is held until the
    next write (the body, written straight after it) or the end of the event loop's turn (a reply
    without a body)."""

    def __init__(self, transport: Any, loop: Any) -> None:
        self._transport, self._loop = transport, loop
        self._head: bytes | None = None

    def write(self, data: bytes) -> None:
        if self._head is not None:
            data, self._head = self._head + data, None
        elif data.startswith(b"HTTP/1.") and data.endswith(b"\r\n\r\n"):
            self._head = data
            self._loop.call_soon(self._flush)
            return
        self._transport.write(data)

    def _flush(self) -> None:
        if self._head is not None:
            head, self._head = self._head, None
            if not self._transport.is_closing():
                self._transport.write(head)

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def http_protocol() -> Any:
    """What ``uvicorn.run`` takes as ``http``: its httptools protocol, each reply's head sent with
    its body (or "auto" where httptools is missing)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return "auto"

    class Protocol(HttpToolsProtocol):  # type: ignore[misc]
        def connection_made(self, transport: Any) -> None:  # type: ignore[override]
            super().connection_made(_CoalescingTransport(transport, self.loop))  # type: ignore[arg-type]

    return Protocol
