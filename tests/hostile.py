"""The hostile-query suite: requests a public SPARQL endpoint must survive, what mskg must answer
to each, and a runner that also works against `oxigraph serve` (bench/hostile_queries.py runs both
side by side).

``{outbound}`` in a case stands for the URL of a local counting HTTP server: "the network".
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

#: a join that no engine finishes: 3,666 quads to the third power
CROSS = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i"
#: a path that walks the whole graph both ways, twice
DEEP_PATH = "(!<urn:x:none>|^!<urn:x:none>)*/(!<urn:x:none>|^!<urn:x:none>)*"


@dataclass(frozen=True)
class Case:
    name: str
    why: str
    expect: frozenset[int]  # statuses mskg may answer
    query: str | None = None  # sent to the query endpoint
    update: str | None = None  # sent to the update endpoint
    params: tuple[tuple[str, str], ...] = ()
    method: str = "POST"
    body: bytes | None = None  # raw body instead of a form
    content_type: str = "application/x-www-form-urlencoded"
    route: str = "query"  # query, update or store
    message: str | tuple[str, ...] = ""  # text mskg's reply must contain (one of them)


def _case(name: str, why: str, expect: int | tuple[int, ...], **kw: object) -> Case:
    statuses = frozenset(expect if isinstance(expect, tuple) else (expect,))
    return Case(name, why, statuses, **kw)  # type: ignore[arg-type]


CASES = [
    _case("service", "SERVICE makes the engine fetch a URL", 403,
          query="SELECT * WHERE { SERVICE <{outbound}sparql> { ?s ?p ?o } }", message="SERVICE"),
    _case("service-glued", "the keyword glued to the IRI, no spaces", 403,
          query="SELECT * WHERE{SERVICE<{outbound}glued>{?s ?p ?o}}"),
    _case("service-prefixed-glued", "SERVICE:x parses as SERVICE plus a prefixed name", 403,
          query="PREFIX : <{outbound}> SELECT * WHERE { SERVICE:x { ?s ?p ?o } }"),
    _case("service-silent-lowercase", "lower case, SILENT, behind a comment", 403,
          query="select * where { ?x ?y ?z .service # hidden?\n silent <{outbound}silent> { ?s ?p ?o } }"),
    _case("service-variable", "the endpoint bound at run time", 403,
          query="SELECT * WHERE { VALUES ?e { <{outbound}variable> } SERVICE ?e { ?s ?p ?o } }"),
    _case("service-in-exists", "inside FILTER EXISTS of an ASK", 403,
          query="ASK { FILTER EXISTS { SERVICE <{outbound}exists> { ?s ?p ?o } } }"),
    _case("from-remote", "FROM a remote document", 403,
          query="SELECT * FROM <{outbound}data.nt> WHERE { ?s ?p ?o }"),
    _case("from-named-remote", "FROM NAMED a remote document", 403,
          query="SELECT * FROM NAMED <{outbound}named.nt> WHERE { GRAPH ?g { ?s ?p ?o } }"),
    _case("default-graph-uri-remote", "the protocol's dataset parameters", 403,
          query="SELECT * WHERE { ?s ?p ?o } LIMIT 1", params=(("default-graph-uri", "{outbound}param.nt"),)),
    _case("load", "LOAD fetches and writes", 403, update="LOAD <{outbound}load.nt>", route="update"),
    _case("insert", "a write", 403, update="INSERT DATA { <urn:x:evil> <urn:x:p> <urn:x:o> }", route="update"),
    _case("drop-all", "wipes the dataset", 403, update="DROP ALL", route="update"),
    _case("update-as-query", "an update sent as a query", (400, 403), query="DELETE WHERE { ?s ?p ?o }"),
    _case("graph-store-put", "a Graph Store Protocol write", (403, 405), method="PUT", route="store",
          body=b"<urn:x:a> <urn:x:b> <urn:x:c> .\n", content_type="application/n-triples",
          params=(("default", ""),)),
    _case("count-cross-product", "COUNT over a cross product", 503,
          query=f"SELECT (COUNT(*) AS ?n) WHERE {{ {CROSS} }}", message="time limit"),
    # sorting holds every row: on a fast run the worker reaches its memory cap before the time limit
    _case("order-by-cross-product", "ORDER BY over a cross product", 503,
          query=f"SELECT ?c WHERE {{ {CROSS} }} ORDER BY ?c ?f ?i LIMIT 1", message=("time limit", "memory limit")),
    _case("deep-path", "a property path over the whole graph", 503,
          query=f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {DEEP_PATH} ?b }}", message="time limit"),
    _case("too-many-rows", "an answer with millions of rows", 400,
          query="SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", message="LIMIT"),
    _case("deep-nesting", "nested groups that overflow a parser's stack", (400, 503),
          query="SELECT * WHERE " + "{" * 20_000 + "}" * 20_000),
    _case("query-too-long", "a query longer than the server accepts", 413,
          query="SELECT * WHERE { ?s ?p ?o } #" + "x" * 60_000),
    _case("body-too-big", "a request body of 2 MB", 413, body=b"query=" + b"x" * (2 << 20)),
    _case("malformed", "a syntax error", 400, query="SELECT * WHERE { ?s ?p }", message="error at"),
    _case("unknown-format", "a format nobody has heard of", 406,
          query="SELECT * WHERE { ?s ?p ?o } LIMIT 1", params=(("format", "banana"),)),
    _case("wrong-method", "DELETE on the query endpoint", 405, method="DELETE"),
]  # fmt: skip


@dataclass
class Answer:
    status: int
    body: str
    seconds: float
    outbound: int = 0  # requests that reached the counting server
    healthy: bool = True  # a normal query answered right afterwards
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Target:
    """Where a server takes queries, updates and Graph Store requests."""

    query: str
    update: str
    store: str


def send(case: Case, target: Target, outbound: str, timeout: float = 120) -> tuple[int, str, float]:
    """Send one case; (status, body, seconds). A server that drops the connection counts as 0."""
    url = {"query": target.query, "update": target.update, "store": target.store}[case.route]
    params = [(k, v.replace("{outbound}", outbound)) for k, v in case.params]
    body = case.body
    if body is None and (case.query or case.update):
        text = (case.query or case.update or "").replace("{outbound}", outbound)
        body = urllib.parse.urlencode([("query" if case.query else "update", text), *params]).encode()
        params = []
    if params:
        url += "?" + urllib.parse.urlencode(params)
    request = urllib.request.Request(url, data=body, method=case.method)
    if body is not None:
        request.add_header("Content-Type", case.content_type)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace"), time.perf_counter() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace"), time.perf_counter() - started
    except OSError as exc:
        return 0, f"no answer: {exc}", time.perf_counter() - started


HEALTH_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count_triples(target: Target, nonce: str = "") -> str | None:
    """The server's answer to a count of all triples, or None when it does not answer. The nonce
    (a comment) makes each check a new query, so a cache cannot answer for the engine."""
    data = urllib.parse.urlencode({"query": f"{HEALTH_QUERY} # {nonce}"}).encode()
    request = urllib.request.Request(target.query, data=data, headers={"Accept": "text/csv"})
    for _ in range(50):  # a server replacing a killed worker may need a moment
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read().decode().split()[-1]
        except OSError:
            time.sleep(0.2)
    return None
