"""Loading into real triple stores with `mskg push` (Graph Store Protocol): Oxigraph server and
Virtuoso, started on 127.0.0.1. After a push every catalogue query answers there as in rdflib and
pyoxigraph, except where the catalogue records a known engine difference, which must still show."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.iris import PREFIXES
from kg.query.api import Endpoint
from kg.query.catalogue import Catalogue
from kg.query.results import ASK, GRAPH, SELECT, Result
from tests.servers import empty_oxigraph, free_port, virtuoso_server

CATALOGUE = Catalogue()


def push(endpoint: str, store: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, ["push", "--endpoint", endpoint, "--store", str(store), *extra])


@pytest.fixture(scope="module")
def oxigraph_pushed(built: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty Oxigraph server, given an unrelated triple, then pushed to twice."""
    with empty_oxigraph(tmp_path_factory.mktemp("oxigraph-push")) as base:
        stale = "INSERT DATA { GRAPH <https://w3id.org/mskg/graph/facts> { <urn:x> <urn:y> <urn:z> } }"
        import urllib.request

        urllib.request.urlopen(
            urllib.request.Request(
                base + "/update", data=stale.encode(), headers={"Content-Type": "application/sparql-update"}
            )
        ).close()
        for _ in range(2):
            result = push(base + "/store", built[0])
            assert result.exit_code == 0, result.output
        yield base


@pytest.fixture(scope="module")
def virtuoso_pushed(built: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        result = push(base + "/sparql-graph-crud-auth", built[0], "--auth", "dba:dba")
        assert result.exit_code == 0, result.output
        yield base


def test_push_replaces_and_counts(oxigraph_pushed: str, built: tuple[Path, Any]) -> None:
    counts = (
        Endpoint(oxigraph_pushed + "/query")
        .query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        .values()
    )
    assert {row["g"]: row["n"] for row in counts} == built[1].triples_per_graph
    stale = Endpoint(oxigraph_pushed + "/query").query("ASK { <urn:x> ?p ?o }")
    assert stale.boolean is False


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
def test_oxigraph_after_push_answers_every_catalogue_query(oxigraph_pushed: str, query_id: str) -> None:
    entry = CATALOGUE.get(query_id)
    expected = entry.expected_result()
    assert expected is not None
    assert Endpoint(oxigraph_pushed + "/query").run(query_id).same_answer(expected, ordered=entry.ordered)


def rdflib_result(dataset: Any, text: str) -> Result:
    """An rdflib answer in the same form as the others (via the W3C JSON results or N-Triples)."""
    result = dataset.query(text, initNs=PREFIXES)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return Result(GRAPH, result.graph.serialize(format="nt", encoding="utf-8"))
    return Result(ASK if result.type == "ASK" else SELECT, result.serialize(format="json"))


@pytest.fixture(scope="module")
def rdflib_dataset(built: tuple[Path, Any]) -> Any:
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(built[0] / "dataset.nq", format="nquads")
    return dataset


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
def test_rdflib_answers_every_catalogue_query(rdflib_dataset: Any, query_id: str) -> None:
    entry = CATALOGUE.get(query_id)
    expected = entry.expected_result()
    assert expected is not None
    assert rdflib_result(rdflib_dataset, entry.text).same_answer(expected, ordered=entry.ordered)


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
def test_virtuoso_after_push_answers_as_documented(virtuoso_pushed: str, query_id: str) -> None:
    entry = CATALOGUE.get(query_id)
    expected = entry.expected_result()
    assert expected is not None
    same = Endpoint(virtuoso_pushed + "/sparql").run(query_id).same_answer(expected, ordered=entry.ordered)
    documented = dict(entry.engine_differences).get("virtuoso")
    if documented and not same:
        # Virtuoso 7.2 drops rows of some property-path shapes depending on how it was loaded, so a
        # documented difference may or may not show on a given run; an undocumented one fails
        pytest.xfail(f"documented Virtuoso difference: {documented}")
    assert same, f"Virtuoso answers {query_id} differently and no mskg:knownEngineDifference says so"


def test_virtuoso_refuses_wrong_credentials(virtuoso_pushed: str, built: tuple[Path, Any]) -> None:
    result = push(virtuoso_pushed + "/sparql-graph-crud-auth", built[0], "--auth", "dba:wrong")
    assert result.exit_code == 1
    assert "the server refused the credentials" in result.output
    assert "Replaced with this build's data: none" in result.output


class _FailsOnSecondGraph(http.server.BaseHTTPRequestHandler):
    """A Graph Store that accepts the first graph and answers 500 to the next ones."""

    seen: list[str] = []

    def do_PUT(self) -> None:  # noqa: N802 (the http.server naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        _FailsOnSecondGraph.seen.append(self.path)
        self.send_response(201 if len(_FailsOnSecondGraph.seen) == 1 else 500)
        self.end_headers()
        self.wfile.write(b"disk full" if len(_FailsOnSecondGraph.seen) > 1 else b"")

    def log_message(self, *args: Any) -> None:
        pass


def test_a_push_that_fails_halfway_says_what_the_server_holds(built: tuple[Path, Any]) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _FailsOnSecondGraph)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = push(f"http://127.0.0.1:{server.server_address[1]}/store", built[0])
    finally:
        server.shutdown()
    assert result.exit_code == 1
    assert "failed at graph <https://w3id.org/mskg/graph/facts>: HTTP 500" in result.output
    assert "disk full" in result.output
    assert "Replaced with this build's data: https://w3id.org/mskg/graph/ontology." in result.output
    assert (
        "Left as they were: https://w3id.org/mskg/graph/facts, https://w3id.org/mskg/graph/provenance" in result.output
    )


def test_push_to_nowhere(built: tuple[Path, Any]) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    result = push(url, built[0])
    assert result.exit_code == 1 and "cannot reach it" in result.output


def test_pushes_with_credentials_send_small_bodies() -> None:
    """urllib sends each request unauthenticated first and Virtuoso answers that 401 before
    reading the body: a body past the sockets' buffers broke the pipe. With credentials the parts
    are cut by size as well as by lines; without, by lines only."""
    from kg.store.sparql import _parts

    lines = [f"<urn:s{n}> <urn:p> \"{'x' * 80}\" .\n" for n in range(3000)]
    small = list(_parts(iter(lines), 5000, 4096))
    assert sum(map(len, small)) == 3000 and len(small) > 50
    assert all(sum(map(len, part)) < 4096 + 200 for part in small)
    assert [len(p) for p in _parts(iter(lines), 5000)] == [3000]
    assert list(_parts(iter([]), 5000, 4096)) == [[]]  # an empty graph is still a PUT
