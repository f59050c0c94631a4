"""One conformance suite, run against every store backend (the oaklib idea): the built dataset
in memory, an on-disk Oxigraph store, and a remote SPARQL endpoint (a real `oxigraph serve` on
127.0.0.1, started *without* a union default graph and loaded through the Graph Store Protocol).

Each backend must give every catalogue query its recorded answer, stop every query shape at its
time limit, raise the same error type for a malformed query, agree on pattern lookups and graph
sizes, and replace (not duplicate) what it held when loaded twice."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import QuerySyntaxError, QueryTimeout, StoreError
from kg.iris import GRAPH_IRIS, ID, MSKG
from kg.query.api import Dataset
from kg.query.catalogue import Catalogue
from kg.query.results import Result
from kg.store import BACKENDS, Store, open_store, parse_spec
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import SparqlStore
from tests.servers import empty_oxigraph

CATALOGUE = Catalogue()
RUNAWAY_SHAPES = {
    "count-cross-product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "order-by-cross-product": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
    "deep-path": "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x>|!<urn:y>)* ?b . ?c ?d ?e }",
}


def _load_twice(store: Store, dataset: Path) -> Store:
    store.load(dataset)
    store.load(dataset)
    return store


@pytest.fixture(scope="module", params=sorted(BACKENDS))
def backend(
    request: pytest.FixtureRequest, built: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """Each backend holding the session's build, loaded twice where loading is the way in."""
    dataset = built[0] / "dataset.nq"
    if request.param == "memory":
        yield open_store(built[0])
    elif request.param == "oxigraph":
        location = tmp_path_factory.mktemp("oxigraph-store") / "store"
        yield _load_twice(open_store(f"oxigraph:{location}", create=True), dataset)
    else:
        with empty_oxigraph(tmp_path_factory.mktemp("oxigraph-remote"), union=False) as base:
            store = SparqlStore(base + "/query", graph_store=base + "/store")
            yield _load_twice(store, dataset)


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
def test_every_catalogue_query_gives_its_recorded_answer(backend: Store, query_id: str) -> None:
    entry = CATALOGUE.get(query_id)
    expected = entry.expected_result()
    assert expected is not None
    assert Dataset(backend).run(query_id).same_answer(expected, ordered=entry.ordered)


def test_loading_twice_replaces_rather_than_duplicates(backend: Store, built: tuple[Path, Any]) -> None:
    assert backend.graph_sizes() == built[1].triples_per_graph


def test_a_malformed_query_raises_the_same_error_type(backend: Store) -> None:
    with pytest.raises(QuerySyntaxError):
        backend.query("SELECT ?x WHERE { ?x ", timeout=10)


def test_pattern_lookups_agree_with_the_build(backend: Store, built: tuple[Path, Any]) -> None:
    novantrone = ox.NamedNode(ID + "novantrone")
    expected = {
        q for q in ox.parse(path=str(built[0] / "dataset.nq"), format=ox.RdfFormat.N_QUADS) if q.subject == novantrone
    }
    assert set(backend.quads(novantrone)) == expected
    facts = ox.NamedNode(GRAPH_IRIS["facts"])
    manufacturer = list(backend.quads(novantrone, ox.NamedNode(MSKG + "manufacturer"), None, facts))
    assert [q.object.value for q in manufacturer] == [ID + "emd-serono"]


@pytest.mark.parametrize("shape", sorted(RUNAWAY_SHAPES))
def test_time_limits_stop_every_query_shape(shape: str, built: tuple[Path, Any], tmp_path: Path) -> None:
    """Every backend, every runaway shape: the call returns within the limit (plus start-up) with
    QueryTimeout. The remote endpoint gets a server of its own, stopped right after, since
    Oxigraph goes on computing what the client gave up on."""
    dataset = built[0] / "dataset.nq"
    stores: list[Store] = [open_store(built[0])]
    stores.append(_load_twice(open_store(f"oxigraph:{tmp_path / 'store'}", create=True), dataset))
    (tmp_path / "remote").mkdir()
    with empty_oxigraph(tmp_path / "remote", union=False) as base:
        stores.append(_load_twice(SparqlStore(base + "/query", graph_store=base + "/store"), dataset))
        for store in stores:
            started = time.monotonic()
            with pytest.raises(QueryTimeout):
                store.query(RUNAWAY_SHAPES[shape], timeout=1)
            assert time.monotonic() - started < 10, store
            # and the store still answers
            assert Result.of(store.query("ASK { ?s ?p ?o }", timeout=10)).boolean is True


def test_specs_pick_backends() -> None:
    assert parse_spec("oxigraph:data") == ("oxigraph", "data")
    assert parse_spec("memory:build") == ("memory", "build")
    assert parse_spec("build") == ("memory", "build")
    assert parse_spec("sparql:http://127.0.0.1:7878/query") == ("sparql", "http://127.0.0.1:7878/query")
    assert parse_spec("https://example.org/sparql") == ("sparql", "https://example.org/sparql")
    with pytest.raises(StoreError, match="unknown store 'virtuoso'"):
        open_store("virtuoso:somewhere")


def test_a_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="mskg push --to oxigraph:"):
        OxigraphStore(tmp_path / "nothing")
    with pytest.raises(StoreError, match="run `mskg build` first"):
        open_store(tmp_path)


def test_cli_pushes_to_and_queries_an_oxigraph_store(built: tuple[Path, Any], tmp_path: Path) -> None:
    location = tmp_path / "oxigraph"
    runner = CliRunner()
    for _ in range(2):
        pushed = runner.invoke(main, ["push", "--to", f"oxigraph:{location}", "--store", str(built[0])])
        assert pushed.exit_code == 0, pushed.output
    assert f"{sum(built[1].triples_per_graph.values())} triples in 4 graphs" in pushed.output
    on_disk = runner.invoke(
        main, ["query", "brand-generic-names", "--store", f"oxigraph:{location}", "--format", "csv"]
    )
    in_memory = runner.invoke(main, ["query", "brand-generic-names", "--store", str(built[0]), "--format", "csv"])
    assert on_disk.exit_code == 0, on_disk.output
    assert on_disk.output == in_memory.output
    nowhere = runner.invoke(main, ["query", "brand-generic-names", "--store", f"oxigraph:{tmp_path / 'none'}"])
    assert nowhere.exit_code == 1 and "no Oxigraph store at" in nowhere.output
    both = runner.invoke(main, ["push", "--to", f"oxigraph:{location}", "--endpoint", "http://x/store"])
    assert both.exit_code == 1 and "give one place to push to" in both.output
