"""`mskg serve` as a SPARQL endpoint, with a real server on 127.0.0.1 and SPARQLWrapper as the
client: the protocol's three ways to send a query, dataset parameters, every result format, the
service description, VoID, the catalogue as data, and a page or RDF for every IRI of the dataset."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.iris import BASE, GRAPH_IRIS, QUERIES
from kg.query.api import Dataset, Endpoint
from kg.query.catalogue import Catalogue
from tests.servers import mskg_serve

CATALOGUE = Catalogue()
IMMUNOSUPPRESSANTS = "SELECT ?d WHERE { ?d a mskg:Immunosuppressant } ORDER BY ?d"
CONSTRUCT = "CONSTRUCT { ?d a mskg:Immunosuppressant } WHERE { ?d a mskg:Immunosuppressant }"


@pytest.fixture(scope="module")
def server(built: tuple[Path, Any]) -> Iterator[str]:
    with mskg_serve(built[0], "--timeout", "10") as base:
        yield base


@pytest.fixture(scope="module")
def local(built: tuple[Path, Any]) -> Dataset:
    return Dataset(built[0])


def _get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def _client(server: str, query: str, fmt: str, method: str = POST) -> Any:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    client.setMethod(method)
    client.setReturnFormat(fmt)
    return client


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
def test_every_catalogue_query_gives_its_expected_answer(server: str, query_id: str) -> None:
    entry = CATALOGUE.get(query_id)
    answer = Endpoint(server + "/sparql").run(query_id)
    expected = entry.expected_result()
    assert expected is not None and answer.same_answer(expected, ordered=entry.ordered)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_through_sparqlwrapper(server: str, local: Dataset, method: str) -> None:
    rows = _client(server, IMMUNOSUPPRESSANTS, JSON, method).queryAndConvert()["results"]["bindings"]
    assert [r["d"]["value"] for r in rows] == [r["d"] for r in local.query(IMMUNOSUPPRESSANTS).values()]


def test_post_a_query_as_the_body(server: str, local: Dataset) -> None:
    request = urllib.request.Request(
        server + "/sparql",
        data=IMMUNOSUPPRESSANTS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        lines = response.read().decode().split()
    assert lines[1:] == [r["d"] for r in local.query(IMMUNOSUPPRESSANTS).values()]


@pytest.mark.parametrize(
    ("fmt", "media", "parse"),
    [
        (JSON, "application/sparql-results+json", lambda b: ox.parse_query_results(b, ox.QueryResultsFormat.JSON)),
        (XML, "application/sparql-results+xml", lambda b: ox.parse_query_results(b, ox.QueryResultsFormat.XML)),
        (CSV, "text/csv", None),
        (TSV, "text/tab-separated-values", lambda b: ox.parse_query_results(b, ox.QueryResultsFormat.TSV)),
    ],
)
def test_result_formats(server: str, local: Dataset, fmt: str, media: str, parse: Any) -> None:
    rows = len(local.query(IMMUNOSUPPRESSANTS).values())
    assert rows > 1
    response = _client(server, IMMUNOSUPPRESSANTS, fmt).query()
    assert response.response.headers["Content-Type"].startswith(media)
    body = response.response.read()
    if parse is None:
        assert body.decode().split()[0] == "d" and len(body.decode().split()) == rows + 1
    else:
        assert len(list(parse(body))) == rows


@pytest.mark.parametrize(
    ("fmt", "media", "rdf_format"),
    [
        (TURTLE, "text/turtle", ox.RdfFormat.TURTLE),
        (N3, "text/turtle", ox.RdfFormat.TURTLE),
        (RDFXML, "application/rdf+xml", ox.RdfFormat.RDF_XML),
        (JSONLD, "application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_graph_formats(server: str, local: Dataset, fmt: str, media: str, rdf_format: Any) -> None:
    response = _client(server, CONSTRUCT, fmt).query()
    assert response.response.headers["Content-Type"].startswith(media)
    body = response.response.read()
    triples = list(ox.parse(body, rdf_format))
    assert len(triples) == len(local.query(IMMUNOSUPPRESSANTS).values())
    if rdf_format == ox.RdfFormat.JSON_LD:
        assert b'"@context":"http' not in body.replace(b" ", b""), "no remote context to fetch"


def test_n_triples_by_accept_and_format_parameter(server: str, local: Dataset) -> None:
    query = urllib.parse.quote(CONSTRUCT)
    status, media, body = _get(f"{server}/sparql?query={query}", "application/n-triples")
    assert status == 200 and media.startswith("application/n-triples")
    assert len(list(ox.parse(body, ox.RdfFormat.N_TRIPLES))) == len(local.query(IMMUNOSUPPRESSANTS).values())
    status, media, _ = _get(f"{server}/sparql?query={query}&format=jsonld", "text/turtle")
    assert status == 200 and media.startswith("application/ld+json"), "the format parameter wins"


def test_ask_and_its_formats(server: str) -> None:
    query = "ASK { id:novantrone mskg:hasActiveIngredient id:mitoxantrone }"
    assert _client(server, query, JSON).queryAndConvert()["boolean"] is True
    xml = _client(server, query, XML).query().response.read().decode()
    assert "<boolean>true</boolean>" in xml


def test_dataset_parameters_choose_the_graphs(server: str, local: Dataset) -> None:
    """default-graph-uri narrows the default graph; named-graph-uri limits GRAPH."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a mskg:Immunosuppressant }"
    for name in ("facts", "inferred"):
        graph = urllib.parse.quote(GRAPH_IRIS[name])
        _, _, body = _get(f"{server}/sparql?query={urllib.parse.quote(count)}&default-graph-uri={graph}", "text/csv")
        in_graph = local.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH graph:{name} {{ ?s a mskg:Immunosuppressant }} }}"
        )
        assert int(body.split()[-1]) == in_graph.values()[0]["n"]
    graphs = urllib.parse.quote("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    named = urllib.parse.quote(GRAPH_IRIS["facts"])
    _, _, body = _get(f"{server}/sparql?query={graphs}&named-graph-uri={named}", "text/csv")
    assert body.decode().split()[1:] == [GRAPH_IRIS["facts"]]


def test_errors_reach_sparqlwrapper_with_the_parsers_message(server: str) -> None:
    with pytest.raises(QueryBadFormed) as raised:
        _client(server, "SELECT * WHERE { ?s ?p }", JSON).query()
    assert "error at" in str(raised.value)


def test_unacceptable_format_for_the_kind_of_answer(server: str) -> None:
    query = urllib.parse.quote(IMMUNOSUPPRESSANTS)
    status, _, body = _get(f"{server}/sparql?query={query}", "text/turtle")
    assert status == 406 and b"application/sparql-results+json" in body


def test_service_description(server: str) -> None:
    status, media, body = _get(server + "/sparql", "text/turtle")
    assert status == 200 and media.startswith("text/turtle")
    store = ox.Store()
    store.load(body, ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    answer = store.query(
        f"""SELECT ?endpoint (COUNT(DISTINCT ?name) AS ?graphs) WHERE {{
            ?service a <{sd}Service> ; <{sd}endpoint> ?endpoint ;
                     <{sd}supportedLanguage> <{sd}SPARQL11Query> ;
                     <{sd}defaultDataset>/<{sd}namedGraph>/<{sd}name> ?name }} GROUP BY ?endpoint"""
    )
    rows = list(answer)
    assert rows[0]["endpoint"].value == server + "/sparql"
    assert int(rows[0]["graphs"].value) == 4
    status, _, _ = _get(server + "/sparql", "text/html")
    assert status == 200, "a browser on /sparql lands on the query page"


def test_void_description(server: str) -> None:
    status, _, body = _get(server + "/.well-known/void", "application/n-triples")
    assert status == 200
    triples = list(ox.parse(body, ox.RdfFormat.N_TRIPLES))
    void = "http://rdfs.org/ns/void#"
    endpoints = [t.object.value for t in triples if t.predicate.value == void + "sparqlEndpoint"]
    assert endpoints == [server + "/sparql"]
    examples = {t.object.value for t in triples if t.predicate.value == void + "exampleResource"}
    assert examples == {QUERIES + i for i in CATALOGUE.ids()}
    subsets = [t for t in triples if t.predicate.value == void + "subset"]
    assert len(subsets) == 4


def test_catalogue_served_as_data(server: str) -> None:
    status, _, body = _get(server + "/queries", "text/turtle")
    assert status == 200
    subjects = {t.subject.value for t in ox.parse(body, ox.RdfFormat.TURTLE)}
    assert {QUERIES + i for i in CATALOGUE.ids()} <= subjects
    status, media, page = _get(server + "/queries/manufacturers", "text/html")
    assert status == 200 and media.startswith("text/html")
    assert CATALOGUE.get("manufacturers").title in page.decode()
    status, _, body = _get(server + "/queries/no-such-query", "text/html")
    assert status == 404 and b"no-such-query" in body


def _dataset_iris(local: Dataset) -> set[str]:
    answer = local.query(
        f"""SELECT DISTINCT ?x WHERE {{
              {{ GRAPH ?g {{ ?x ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?x }} }} UNION {{ GRAPH ?x {{ ?s ?p ?o }} }}
              FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{BASE}")) }}"""
    )
    return {row["x"] for row in answer.values()}


def test_every_dataset_iri_resolves_to_a_page_and_to_rdf(server: str, local: Dataset) -> None:
    iris = _dataset_iris(local)
    assert len(iris) > 500
    documents = {iri.split("#", 1)[0] for iri in iris}
    for document in sorted(documents):
        path = urllib.parse.quote(document[len(BASE) - 1 :])
        status, media, _ = _get(server + path, "text/html")
        assert (status, media.split(";")[0]) == (200, "text/html"), document
    for iri in sorted(iris)[::25]:  # RDF for a sample: each is described where it resolves
        path = urllib.parse.quote(iri.split("#", 1)[0][len(BASE) - 1 :])
        status, _, body = _get(server + path, "application/n-quads")
        assert status == 200
        quads = list(ox.parse(body, ox.RdfFormat.N_QUADS))
        assert any(iri in (q.subject.value, q.graph_name.value) for q in quads) or "#" not in iri, iri


def test_entity_page_shows_facts_with_their_quotes_and_links(server: str) -> None:
    status, _, body = _get(server + "/id/novantrone", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
    page = body.decode()
    assert status == 200
    assert "<h1>Novantrone</h1>" in page
    assert "EMD Serono" in page and 'href="/id/emd-serono"' in page
    assert "Novantrone (EMD Serono) was approved" in page, "the evidence quote"
    assert 'href="/id/document/infusion-treatments"' in page


def test_entity_rdf_by_accept_keeps_iris_and_provenance(server: str) -> None:
    status, media, body = _get(server + "/id/novantrone", "text/turtle")
    assert status == 200 and media.startswith("text/turtle")
    triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
    novantrone = BASE + "id/novantrone"
    assert any(t.subject.value == novantrone and t.predicate.value.endswith("#manufacturer") for t in triples)
    quotes = [t.object.value for t in triples if t.predicate.value == "http://www.w3.org/ns/oa#exact"]
    assert any("EMD Serono" in q for q in quotes)
    status, _, body = _get(server + "/id/novantrone?format=jsonld")
    assert status == 200 and json.loads(body)
    status, _, _ = _get(server + "/id/novantrone", "image/png")
    assert status == 406


def test_unknown_resource_is_404(server: str) -> None:
    status, _, body = _get(server + "/id/no-such-drug")
    assert status == 404 and b"no-such-drug" in body


def test_repeated_query_is_answered_from_the_cache_with_an_etag(server: str) -> None:
    url = f"{server}/sparql?query={urllib.parse.quote(IMMUNOSUPPRESSANTS + ' # etag')}"
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        etag, first = response.headers["ETag"], response.read()
    assert etag
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.read() == first and response.headers["ETag"] == etag
    request.add_header("If-None-Match", etag)
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(request, timeout=30)
    assert not_modified.value.code == 304


def test_home_page_lists_the_catalogue_and_needs_nothing_from_outside(server: str) -> None:
    status, _, body = _get(server + "/", "text/html")
    page = body.decode()
    assert status == 200
    for entry in CATALOGUE:
        assert f'data-id="{entry.id}"' in page
    assets = re.findall(r'<(?:script|link)[^>]*?(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/") for a in assets), "no scripts or styles from elsewhere"
    for asset in ("/static/mskg.js", "/static/mskg.css"):
        assert asset in page
        assert _get(server + asset)[0] == 200


def test_serve_without_a_build_says_so(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path), "--port", "0"])
    assert result.exit_code == 1 and "mskg build" in result.output


@pytest.mark.parametrize("backend", ["oxigraph", "sparql"])
def test_serve_any_store(backend: str, built: tuple[Path, Any], tmp_path: Path) -> None:
    """`mskg serve --store` takes any store: an on-disk Oxigraph store, or a remote endpoint (here
    a real `oxigraph serve` without a union default graph) that mskg fronts with its page,
    limits and entity pages."""
    from contextlib import ExitStack

    from kg.store import open_store
    from tests.servers import oxigraph_server

    with ExitStack() as stack:
        if backend == "oxigraph":
            spec = f"oxigraph:{tmp_path / 'store'}"
            open_store(spec, create=True).load(built[0] / "dataset.nq")
        else:
            remote = stack.enter_context(oxigraph_server(built[0] / "dataset.nq", tmp_path, union=False))
            spec = f"sparql:{remote}/query"
        base = stack.enter_context(mskg_serve(spec, "--timeout", "10"))
        entry = CATALOGUE.get("fda-approved-ms-drugs")
        expected = entry.expected_result()
        assert expected is not None
        assert Endpoint(base + "/sparql").run(entry.id).same_answer(expected, ordered=entry.ordered)
        status, media, page = _get(base + "/id/novantrone", "text/html")
        assert status == 200 and "EMD Serono" in page.decode()
        status, _, body = _get(base + "/sparql?query=" + urllib.parse.quote("SELECT * WHERE {"))
        assert status == 400


# The query pool and the guard on their own (no HTTP server).

COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def pool(built: tuple[Path, Any]) -> Iterator[Any]:
    from kg.serve.pool import QueryPool

    workers = QueryPool(str(built[0]), size=2, timeout=10)
    yield workers
    workers.close()


@pytest.mark.parametrize("fmt", ["JSON", "XML", "CSV", "TSV"])
def test_the_row_cap_is_exact_in_every_results_format(pool: Any, fmt: str) -> None:
    from kg.serve.pool import Job

    at_cap = pool.run(Job("SELECT ?s ?o WHERE { ?s ?p ?o } LIMIT 50", fmt, None, max_rows=50))
    assert at_cap.status == "ok"
    if fmt != "CSV":
        rows = ox.parse_query_results(at_cap.body, getattr(ox.QueryResultsFormat, fmt))
        assert len(list(rows)) == 50  # type: ignore[arg-type]
    over = pool.run(Job("SELECT ?s ?o WHERE { ?s ?p ?o } LIMIT 51", fmt, None, max_rows=50))
    assert over.status == "too-many-rows" and "more than 50 rows" in over.message


def test_rows_past_the_serialisers_budget_are_counted_one_by_one(pool: Any) -> None:
    """Three rows of 400 kB: more bytes than a worker serialises before it counts rows; the job
    frame is also longer than a socket's buffer."""
    from kg.serve.pool import Job

    big = "x" * 400_000
    text = f'SELECT ?v WHERE {{ VALUES ?v {{ "{big}a" "{big}b" "{big}c" }} }}'
    outcome = pool.run(Job(text, "JSON", None, max_rows=3))
    assert outcome.status == "ok"
    assert [b["v"]["value"][-1] for b in json.loads(outcome.body)["results"]["bindings"]] == ["a", "b", "c"]
    assert pool.run(Job(text, "TSV", None, max_rows=2)).status == "too-many-rows"


def test_answers_match_the_local_store_in_each_format(pool: Any, local: Dataset) -> None:
    from kg.serve.pool import Job

    expected = [r["d"] for r in local.query(IMMUNOSUPPRESSANTS).values()]
    for fmt in ("JSON", "XML", "TSV"):
        outcome = pool.run(Job(IMMUNOSUPPRESSANTS, fmt, None))
        assert outcome.media_type == getattr(ox.QueryResultsFormat, fmt).media_type
        rows = ox.parse_query_results(outcome.body, getattr(ox.QueryResultsFormat, fmt))
        assert [row["d"].value for row in rows] == expected  # type: ignore[union-attr]
    csv = pool.run(Job(IMMUNOSUPPRESSANTS, "CSV", None)).body.decode().split()
    assert csv == ["d", *expected]


def test_a_busy_pool_says_so_and_a_stopped_worker_is_replaced(built: tuple[Path, Any]) -> None:
    import asyncio

    from kg.serve.pool import Job, QueryPool

    async def scenario(pool: QueryPool) -> None:
        runaway = asyncio.ensure_future(pool.submit(Job(COUNT_CROSS)))
        await asyncio.sleep(0.3)
        busy = await pool.submit(Job("ASK {}"), wait=0.1)
        assert busy.status == "busy"
        stopped = await runaway
        assert stopped.status == "timeout" and "time limit of 1 s" in stopped.message
        after = await pool.submit(Job("ASK {}"), wait=60)  # waits for the new worker (starting one takes over the 1 s limit on a busy machine)
        assert after.status == "ok" and b"true" in after.body

    pool = QueryPool(str(built[0]), size=1, timeout=1)
    try:
        asyncio.run(scenario(pool))
        assert pool.replaced == 1
    finally:
        pool.close()


def test_a_worker_killed_while_idle_is_replaced_before_it_gets_a_job(built: tuple[Path, Any]) -> None:
    import asyncio
    import os
    import signal

    from kg.serve.pool import Job, QueryPool

    async def scenario(pool: QueryPool) -> None:
        assert (await pool.submit(Job("ASK {}"))).status == "ok"  # the event loop now watches the worker
        (worker,) = pool._all
        os.kill(worker.process.pid, signal.SIGKILL)
        for _ in range(200):
            if pool.replaced:
                break
            await asyncio.sleep(0.05)
        assert pool.replaced == 1
        assert (await pool.submit(Job("ASK {}"))).status == "ok"

    pool = QueryPool(str(built[0]), size=1, timeout=10)
    try:
        asyncio.run(scenario(pool))
    finally:
        pool.close()


GUARD_TEXTS = [
    "SELECT * WHERE { ?s ?p ?o }",
    "# SELECT\nASK {}",
    'PREFIX x: <http://example.org/> CONSTRUCT WHERE { ?s x:p "DELETE" }',
    "PREFIX \u017fervice: <http://example.org/> SELECT * WHERE { \u017fervice:a ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o . servıce:x ?p ?o }",
    "select * from <http://example.org/g> where { }",
    "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }",
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "SELECT ?x WHERE { BIND('''SERVICE''' AS ?x) }",
    "DESCRIBE <http://example.org/x>",
    "",
]


@pytest.mark.parametrize("text", GUARD_TEXTS)
def test_the_guards_short_way_reads_as_the_long_way(text: str) -> None:
    """A text without the words SERVICE and FROM is read for its form only; a comment naming both
    words (which changes nothing) sends the same text the long way."""
    from kg.serve.guard import read_query

    short, long = read_query(text), read_query(text + "\n# SERVICE FROM")
    assert (short.form, short.services, short.graphs) == (long.form, long.services, long.graphs)


def test_the_guards_short_way_on_generated_texts() -> None:
    import random

    from kg.serve.guard import read_query

    pieces = ["SELECT", "ask", "INSERT", "PREFIX", "p:", "<http://e.org/>", "'s'", '"""x"""', "#", "\n", " ",
              "{", "}", "?x", "\u017fervice", "servıce:y", "SERVİCE", "fro\u1e3f", "\u00df", "e:x", "\\", "'", "<"]  # fmt: skip
    generator = random.Random(11)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) + generator.choice(["", " "]) for _ in range(generator.randrange(12)))
        short, long = read_query(text), read_query(text + "\n# SERVICE FROM")
        assert (short.form, short.services, short.graphs) == (long.form, long.services, long.graphs), text
