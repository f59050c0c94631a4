"""The same queries against a real SPARQL endpoint: `oxigraph serve` on 127.0.0.1 holding the
build, queried through SPARQLWrapper, must give every catalogue answer the local store gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import EndpointError
from kg.query.api import Dataset, Endpoint
from kg.query.catalogue import Catalogue
from tests.servers import free_port

CATALOGUE = Catalogue()


@pytest.fixture(scope="module")
def local(built: tuple[Path, Any]) -> Dataset:
    return Dataset(built[0])


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
def test_endpoint_gives_the_local_answer(oxigraph_url: str, local: Dataset, query_id: str) -> None:
    entry = CATALOGUE.get(query_id)
    remote = Endpoint(oxigraph_url + "/query").run(query_id)
    assert remote.same_answer(local.run(query_id), ordered=entry.ordered)
    expected = entry.expected_result()
    assert expected is not None and remote.same_answer(expected, ordered=entry.ordered)


def test_cli_endpoint_option(oxigraph_url: str, built: tuple[Path, Any]) -> None:
    runner = CliRunner()
    remote = runner.invoke(
        main, ["query", "brand-generic-names", "--endpoint", oxigraph_url + "/query", "--format", "csv"]
    )
    here = runner.invoke(main, ["query", "brand-generic-names", "--store", str(built[0]), "--format", "csv"])
    assert remote.exit_code == 0, remote.output
    assert remote.output == here.output


def test_endpoint_reports_a_malformed_query(oxigraph_url: str) -> None:
    result = CliRunner().invoke(main, ["query", "SELECT ?x WHERE {", "--endpoint", oxigraph_url + "/query"])
    assert result.exit_code == 2
    assert "the endpoint rejected the query" in result.output


def test_unreachable_endpoint() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = CliRunner().invoke(main, ["query", "manufacturers", "--endpoint", url])
    assert result.exit_code == 1
    assert f"cannot reach the endpoint {url}" in result.output
    with pytest.raises(EndpointError):
        Endpoint(url).query("ASK {}")
