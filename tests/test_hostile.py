"""The hostile-query suite against a real `mskg serve`: each case gets the answer it must get, no
request reaches the network, and the server answers normal queries right afterwards; while a
runaway query runs, other clients are still served."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.hostile import CASES, Case, Target, count_triples, send
from tests.servers import CountingServer, mskg_serve

TIMEOUT = "2"


@pytest.fixture(scope="module")
def outbound() -> Iterator[CountingServer]:
    with CountingServer() as server:
        yield server


@pytest.fixture(scope="module")
def server(built: tuple[Path, Any]) -> Iterator[str]:
    with mskg_serve(built[0], "--timeout", TIMEOUT, "--max-rows", "1000", "--workers", "2") as base:
        yield base


def _target(base: str) -> Target:
    return Target(base + "/sparql", base + "/sparql", base + "/store")


@pytest.fixture(scope="module")
def baseline(server: str) -> str:
    count = count_triples(_target(server), "baseline")
    assert count is not None and int(count) > 1000
    return count


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, server: str, outbound: CountingServer, baseline: str) -> None:
    target = _target(server)
    status, body, _ = send(case, target, outbound.url)
    assert status in case.expect, f"{case.name}: {status} {body[:300]}"
    messages = case.message if isinstance(case.message, tuple) else (case.message,)
    assert any(message in body for message in messages), body[:300]
    if status >= 400:
        assert body.strip(), "an error must say what went wrong"
    assert outbound.requests == [], "a query reached the network"
    assert count_triples(target, case.name) == baseline, "the server must stay healthy and unchanged"


def _post(base: str, query: str, accept: str = "text/csv") -> tuple[int, str]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(base + "/sparql", data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_other_clients_are_served_while_a_query_runs_away(server: str) -> None:
    runaway: dict[str, Any] = {}

    def run() -> None:
        runaway["answer"] = _post(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } # parallel")

    thread = threading.Thread(target=run)
    thread.start()
    try:
        # a new query (the other worker), an entity page (no worker) and the query page
        status, body = _post(server, "SELECT ?d WHERE { ?d a mskg:Immunosuppressant } ORDER BY ?d # fresh")
        assert status == 200 and "id/mitoxantrone" in body
        with urllib.request.urlopen(server + "/id/novantrone", timeout=30) as page:
            assert "EMD Serono" in page.read().decode()
        with urllib.request.urlopen(server + "/", timeout=30) as page:
            assert page.status == 200
        assert thread.is_alive(), "the runaway query should still be running"
    finally:
        thread.join()
    status, body = runaway["answer"]
    assert status == 503 and "time limit" in body


def test_the_allow_list_lets_a_named_endpoint_through(built: tuple[Path, Any]) -> None:
    with CountingServer() as remote, mskg_serve(built[0], "--allow-service", remote.url + "sparql") as base:
        allowed = f"SELECT * WHERE {{ SERVICE SILENT <{remote.url}sparql> {{ ?s ?p ?o }} }}"
        status, _ = _post(base, allowed, "application/sparql-results+json")
        assert status == 200
        assert remote.requests, "the allowed endpoint should have been called"
        calls = len(remote.requests)
        status, body = _post(base, f"SELECT * WHERE {{ SERVICE <{remote.url}other> {{ ?s ?p ?o }} }}")
        assert status == 403 and "allow-list" in body
        assert len(remote.requests) == calls


def test_workers_cannot_reach_the_network_even_past_the_text_check(
    outbound: CountingServer, built: tuple[Path, Any]
) -> None:
    """The second wall: a worker in its own network namespace, given a SERVICE query directly."""
    from kg.serve.pool import Job, QueryPool

    pool = QueryPool(str(built[0]), size=1, timeout=10)
    try:
        if not pool.network_isolated:
            pytest.skip("this machine allows no network namespace; the text check is the only wall")
        outcome = pool.run(Job(f"SELECT * WHERE {{ SERVICE <{outbound.url}bypass> {{ ?s ?p ?o }} }}"))
        assert outcome.status == "failed"
        assert outbound.requests == []
    finally:
        pool.close()
