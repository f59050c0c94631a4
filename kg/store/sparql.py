"""Any SPARQL 1.1 endpoint as a store: ``sparql:URL`` (or just an ``http(s)://`` URL).

Queries go through the SPARQL 1.1 Protocol with SPARQLWrapper. The predeclared prefixes a query
uses are declared in the text sent. Catalogue queries expect the union of the dataset's graphs as
default graph: the store asks the endpoint once whether its default graph already holds the
dataset (Virtuoso's default, ``oxigraph serve --union-default-graph``); if not (Oxigraph's
default), every query names the dataset's graphs with ``default-graph-uri`` and
``named-graph-uri``. (Naming them always would be simpler, but Virtuoso 7.2 then drops the rows
of two more catalogue queries.) Loading goes through the Graph Store Protocol:
per named graph, an HTTP PUT of its first 5,000 N-Triples lines, which replaces that graph (so a
second load replaces the first), then a POST per further 5,000 lines, which adds to it; a load that
fails halfway says which graphs were replaced, which one is partly loaded and which were left as
they were. Tested against ``oxigraph serve`` and Virtuoso.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EndpointError, LoadError, QuerySyntaxError, QueryTimeout
from ..iris import prefix_declarations
from .base import ASK, DEFAULT_TIMEOUT, GRAPH, SELECT, Answer, Store

__all__ = ["SparqlStore", "graph_ntriples"]


class SparqlStore(Store):
    """A remote SPARQL endpoint.

    :param url: the query URL, for example ``http://127.0.0.1:7878/query``; may be empty for a
        store that is only loaded into.
    :param graph_store: the Graph Store Protocol URL for :meth:`load` (Oxigraph: ``…/store``,
        Virtuoso: ``…/sparql-graph-crud-auth``).
    :param auth: ``user:password`` for loading (basic or digest, as the server asks).
    :param name_graphs: name the dataset's graphs in every query (True), never (False), or if the
        endpoint's default graph does not hold the dataset (None: ask it once).
    :param create: accepted for symmetry with the other stores (an endpoint is always there).
    """

    local = False

    def __init__(
        self,
        url: str = "",
        *,
        graph_store: str | None = None,
        auth: str | None = None,
        inferred: bool = True,
        name_graphs: bool | None = None,
        create: bool = False,
    ) -> None:
        super().__init__(f"sparql:{url or graph_store}", inferred=inferred)
        self.url = url
        self.graph_store = graph_store
        self.auth = auth
        self.name_graphs = name_graphs

    # --- queries --------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
    ) -> Answer:
        """Send a query; ``timeout`` bounds the wait for the reply (whether the server's own work
        stops is the server's business).

        :raises QuerySyntaxError: the endpoint rejected the query as malformed.
        :raises QueryTimeout: no reply within ``timeout``.
        :raises EndpointError: unreachable, or it answered with another error.
        """
        import pyoxigraph as ox
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        if not self.url:
            raise EndpointError(f"{self.spec}: no query URL given")
        client = SPARQLWrapper(self.url)
        client.setMethod(POST)
        client.setQuery(prefix_declarations(sparql) + sparql)
        if default_graphs or named_graphs:
            defaults, named = default_graphs, named_graphs
        else:
            defaults = named = self.graphs if self._names_graphs(timeout) else ()
        for graph in defaults:
            client.addDefaultGraph(graph)
        for graph in named:
            client.addNamedGraph(graph)
        graph_result = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_result else JSON)
        if timeout:
            client.setTimeout(max(1, round(timeout)))
        try:
            body = client.query().response.read()
        except QueryBadFormed as exc:
            raise QuerySyntaxError(f"the endpoint rejected the query: {_server_message(exc)}") from None
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
            return Answer(ASK if client.queryType == "ASK" else SELECT, body)
        try:
            triples = ox.parse(body, ox.RdfFormat.TURTLE)
            return Answer(GRAPH, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        except SyntaxError as exc:
            raise EndpointError(f"{self.url}: unreadable Turtle in the reply: {exc}") from None

    def _names_graphs(self, timeout: float | None) -> bool:
        if self.name_graphs is None:
            self.name_graphs = False  # the probe itself asks the default graph
            try:
                answer = self.query("ASK { ?d a mskg:SourceDocument . mskg:Drug a owl:Class }", timeout=timeout)
            except BaseException:
                self.name_graphs = None
                raise
            self.name_graphs = b"true" not in answer.payload
        return self.name_graphs

    def execute(self, sparql: str, *, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Any:
        import pyoxigraph as ox

        answer = self.query(sparql, timeout=None, default_graphs=default_graphs, named_graphs=named_graphs)
        if answer.kind == GRAPH:
            return list(ox.parse(answer.payload, ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(answer.payload, ox.QueryResultsFormat.JSON)

    def quads(self, subject: Any = None, predicate: Any = None, obj: Any = None, graph: Any = None) -> Iterator[Any]:
        import pyoxigraph as ox

        if graph is not None and graph.value not in self.graphs:
            return
        pattern = [str(t) if t is not None else f"?{v}" for t, v in ((subject, "s"), (predicate, "p"), (obj, "o"))]
        graph_term = str(graph) if graph is not None else "?g"
        text = f"SELECT * WHERE {{ GRAPH {graph_term} {{ {' '.join(pattern)} }} }}"
        for row in self.execute(text):
            yield ox.Quad(
                subject if subject is not None else row["s"],
                predicate if predicate is not None else row["p"],
                obj if obj is not None else row["o"],
                graph if graph is not None else row["g"],
            )

    def graph_sizes(self) -> dict[str, int]:
        counts = self.execute("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"].value: int(row["n"].value) for row in counts}

    # --- loading --------------------------------------------------------------------------------

    def load(self, dataset: Path) -> dict[str, int]:
        """PUT every named graph of a dataset to the Graph Store Protocol URL.

        :raises LoadError: a refusal or an unreachable server, with what the server holds now.
        """
        if not self.graph_store:
            raise LoadError(f"{self.spec}: loading needs a Graph Store Protocol URL (graph_store=…)")
        opener = _opener(self.graph_store, self.auth)
        names = list(self.graphs)
        loaded: dict[str, int] = {}
        for done, graph in enumerate(names):
            separator = "&" if "?" in self.graph_store else "?"
            url = f"{self.graph_store}{separator}{urllib.parse.urlencode({'graph': graph})}"
            count = 0
            # the first part replaces the graph, the others are added to it: bodies stay small, which
            # servers with body limits need. With credentials they stay smaller still: urllib sends
            # each request unauthenticated first, and Virtuoso answers that 401 without reading the
            # body, so a body larger than the sockets' buffers breaks the pipe (seen with 1 MB parts)
            limit = AUTH_PART_BYTES if self.auth else None
            for part, lines in enumerate(_parts(graph_ntriples(Path(dataset), graph), LOAD_PART_LINES, limit)):
                body = "".join(lines).encode("utf-8")
                request = urllib.request.Request(
                    url, data=body, method="PUT" if part == 0 else "POST", headers={"Content-Type": "application/n-triples"}
                )
                try:
                    with opener.open(request, timeout=300) as response:
                        response.read()
                except urllib.error.HTTPError as exc:
                    detail = exc.read().decode("utf-8", "replace").strip()[:300]
                    refused = exc.code in (401, 403)
                    reason = "the server refused the credentials" if refused else f"HTTP {exc.code} {exc.reason}"
                    raise LoadError(
                        self._halfway(graph, f"{reason}: {detail}" if detail else reason, names, done, count)
                    ) from None
                except (urllib.error.URLError, OSError) as exc:
                    reason = f"cannot reach it: {getattr(exc, 'reason', exc)}"
                    raise LoadError(self._halfway(graph, reason, names, done, count)) from None
                count += len(lines)
            loaded[graph] = count
        return loaded

    def _halfway(self, graph: str, reason: str, names: list[str], done: int, sent: int = 0) -> str:
        replaced = ", ".join(names[:done]) or "none"
        untouched = ", ".join(names[done + 1 :] if sent else names[done:]) or "none"
        partly = f" Partly loaded: {graph} ({sent} triples of this build)." if sent else ""
        return (
            f"push to {self.graph_store} failed at graph <{graph}>: {reason}. "
            f"Replaced with this build's data: {replaced}.{partly} Left as they were: {untouched}. "
            "Push again to complete it."
        )


#: N-Triples lines per request when loading (about 1 MB)
LOAD_PART_LINES = 5000
#: the most characters per request when loading with credentials (under the sockets' buffers)
AUTH_PART_BYTES = 96 * 1024


def _parts(lines: Iterator[str], size: int, max_bytes: int | None = None) -> Iterator[list[str]]:
    """The lines in lists of ``size`` (and of at most about ``max_bytes``); at least one list, empty
    for an empty graph (so that a PUT still empties the graph on the server)."""
    part: list[str] = []
    sent = False
    length = 0
    for line in lines:
        part.append(line)
        length += len(line)
        if len(part) == size or max_bytes is not None and length >= max_bytes:
            yield part
            part, sent, length = [], True, 0
    if part or not sent:
        yield part


def graph_ntriples(dataset: Path, graph: str) -> Iterator[str]:
    """The N-Triples lines of one named graph, streamed from a dataset's N-Quads."""
    suffix = f" <{graph}> .\n"
    with dataset.open(encoding="utf-8") as lines:
        for line in lines:
            if line.endswith(suffix):
                yield line[: -len(suffix)] + " .\n"


def _opener(endpoint: str, auth: str | None) -> urllib.request.OpenerDirector:
    if not auth:
        return urllib.request.build_opener()
    user, _, password = auth.partition(":")
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, user, password)
    return urllib.request.build_opener(
        urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)
    )


def _server_message(exc: Exception) -> str:
    text = str(exc)
    # SPARQLWrapper wraps the server's body as "...Response:\nb'...'"; keep the server's words
    if "Response:" in text:
        text = text.split("Response:", 1)[1].strip()
        if text.startswith(("b'", 'b"')):
            text = text[2:-1].encode().decode("unicode_escape", "replace")
    return " ".join(text.split())[:500]
