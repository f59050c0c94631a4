"""Running the same queries against any SPARQL 1.1 endpoint, with SPARQLWrapper.

The predeclared prefixes a query uses are declared in the text sent, since a remote engine does
not know them. The endpoint should treat its default graph as the union of its named graphs
(``oxigraph serve --union-default-graph``; Virtuoso does by default) for catalogue queries to
find the data.
"""

from __future__ import annotations

import socket
import urllib.error
from pathlib import Path

from .catalogue import Catalogue
from .errors import MskgError, QueryError
from .iris import prefix_declarations
from .query import DEFAULT_TIMEOUT, QueryTimeout, SparqlSource
from .results import ASK, GRAPH, SELECT, Result

__all__ = ["Endpoint", "EndpointError"]


class EndpointError(MskgError):
    """The endpoint cannot be reached or answered with an error."""


class Endpoint(SparqlSource):
    """A remote SPARQL endpoint.

    :param url: the query URL, for example ``http://127.0.0.1:7878/query``.
    :param catalogue: the query catalogue (folder or :class:`Catalogue`) for :meth:`run`.
    """

    def __init__(self, url: str, *, catalogue: Catalogue | Path | str | None = None) -> None:
        super().__init__(catalogue)
        self.url = url

    def query(self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
        """Send a query; ``timeout`` bounds the wait for the reply (the server decides whether its
        own work stops).

        :raises QueryError: the endpoint rejected the query as malformed.
        :raises QueryTimeout: no reply within ``timeout``.
        :raises EndpointError: unreachable, or it answered with another error.
        """
        import pyoxigraph as ox
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        client = SPARQLWrapper(self.url)
        client.setMethod(POST)
        client.setQuery(prefix_declarations(sparql) + sparql)
        graph_result = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_result else JSON)
        if timeout:
            client.setTimeout(max(1, round(timeout)))
        try:
            response = client.query().response
            body = response.read()
        except QueryBadFormed as exc:
            raise QueryError(f"the endpoint rejected the query: {_server_message(exc)}") from None
        except SPARQLWrapperException as exc:
            raise EndpointError(f"{self.url}: {_server_message(exc)}") from None
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{self.url}: HTTP {exc.code} {exc.reason}") from None
        except TimeoutError:
            raise QueryTimeout(timeout or 0) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise QueryTimeout(timeout or 0) from None
            raise EndpointError(f"cannot reach the endpoint {self.url}: {reason}") from None
        if not graph_result:
            kind = ASK if client.queryType == "ASK" else SELECT
            return Result(kind, body)
        try:
            triples = ox.parse(body, ox.RdfFormat.TURTLE)
            return Result(GRAPH, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        except SyntaxError as exc:
            raise EndpointError(f"{self.url}: unreadable Turtle in the reply: {exc}") from None


def _server_message(exc: Exception) -> str:
    text = str(exc)
    # SPARQLWrapper wraps the server's body as "...Response:\nb'...'"; keep the server's words
    if "Response:" in text:
        text = text.split("Response:", 1)[1].strip()
        if text.startswith(("b'", 'b"')):
            text = text[2:-1].encode().decode("unicode_escape", "replace")
    return " ".join(text.split())[:500]
