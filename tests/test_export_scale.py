"""Exports for data teams: KGX (validated by kgx against the Biolink Model, offline) and Parquet
(read back by pyarrow and pandas), each fact with the passage it was read from."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.iris import GRAPH_IRIS, MSKG, PREFIXES
from kg.publish.kgx import CURIE_PREFIXES, EDGES_FILE, INFORES, NODES_FILE, KgxReport, export_kgx
from kg.publish.parquet import FACTS_FILE, TRIPLES_FILE, export_parquet
from kg.store.files import document_text

ROOT = Path(__file__).resolve().parents[1]
FACTS_GRAPH = "<https://w3id.org/mskg/graph/facts> .\n"
DOCUMENT = "https://w3id.org/mskg/id/document/"
RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_SUBCLASS_OF = PREFIXES["rdfs"] + "subClassOf"
#: the aligned provenance lists every edge carries
PASSAGE_LISTS = (
    "supporting_documents",
    "supporting_text",
    "mskg_text_start",
    "mskg_text_end",
    "mskg_text_section",
    "mskg_rule",
    "mskg_evidence",
)


@contextmanager
def no_network() -> Iterator[None]:
    """Any attempt to resolve a name or open a connection fails, as with no network at all."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError("network disabled by the test")

    saved = (socket.getaddrinfo, socket.create_connection, socket.socket.connect)
    socket.getaddrinfo, socket.create_connection = refuse, refuse  # type: ignore[assignment]
    socket.socket.connect = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.getaddrinfo, socket.create_connection, socket.socket.connect = saved  # type: ignore[method-assign]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def facts_in(store: Path) -> int:
    with (store / "dataset.nq").open(encoding="utf-8") as lines:
        return sum(1 for line in lines if line.endswith(FACTS_GRAPH))


@pytest.fixture(scope="module")
def kgx_export(built: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KgxReport]:
    folder = tmp_path_factory.mktemp("kgx")
    return folder, export_kgx(folder, built[0])


@pytest.fixture(scope="module")
def nodes(kgx_export: tuple[Path, KgxReport]) -> list[dict[str, Any]]:
    return read_jsonl(kgx_export[0] / NODES_FILE)


@pytest.fixture(scope="module")
def edges(kgx_export: tuple[Path, KgxReport]) -> list[dict[str, Any]]:
    return read_jsonl(kgx_export[0] / EDGES_FILE)


@pytest.fixture(scope="module")
def toolkit() -> Any:
    from tests.kgx_offline import install, toolkit

    with no_network():
        install()
        return toolkit()


# ---------------------------------------------------------------------------------------- KGX


def test_kgx_validates_with_no_errors_offline(kgx_export: tuple[Path, KgxReport], toolkit: Any) -> None:
    from tests.kgx_offline import install

    with no_network():
        install()
        from kgx.cli.cli_utils import validate

        errors = validate([str(kgx_export[0] / NODES_FILE), str(kgx_export[0] / EDGES_FILE)], "jsonl", None, None)
    assert errors == {}


def test_kgx_command_line_validates_with_no_network(kgx_export: tuple[Path, KgxReport]) -> None:
    """``python -m tests.kgx_offline validate`` in a process that has no network interface but loopback."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode:
        pytest.skip("no unprivileged network namespace here (unshare -rn)")
    folder = kgx_export[0]
    result = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "tests.kgx_offline", "validate", "-i", "jsonl"]
        + [str(folder / NODES_FILE), str(folder / EDGES_FILE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    printed = (result.stdout + result.stderr).splitlines()  # kgx writes its report to either
    assert "{}" in printed and not any("ERROR" in line for line in printed), printed[-40:]


def test_without_mskg_prefixes_kgx_reports_only_unknown_prefixes(kgx_export: tuple[Path, KgxReport]) -> None:
    """What registering mskg's two prefixes hides: one error per node and edge end, nothing else."""
    import kgx.config

    from tests.kgx_offline import install

    with no_network():
        install(mskg_prefixes=False)
        try:
            from kgx.cli.cli_utils import validate

            errors = validate([str(kgx_export[0] / NODES_FILE), str(kgx_export[0] / EDGES_FILE)], "jsonl", None, None)
        finally:
            install()
    assert set(errors) == {"ERROR"} and set(errors["ERROR"]) == {
        "INVALID_NODE_PROPERTY_VALUE",
        "INVALID_EDGE_PROPERTY_VALUE",
    }
    messages = [message for kind in errors["ERROR"].values() for message in kind]
    assert all(
        "MSKG" in message and "not represented in Biolink Model JSON-LD context" in message for message in messages
    )
    assert kgx.config.jsonld_context_map["biolink"]["MSKG"] == CURIE_PREFIXES["MSKG"]


def test_kgx_categories_and_predicates_are_biolink(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], toolkit: Any
) -> None:
    from kgx.utils.kgx_utils import camelcase_to_sentencecase, snakecase_to_sentencecase

    categories = {category for node in nodes for category in node["category"]}
    for category in categories:
        name = camelcase_to_sentencecase(category.removeprefix("biolink:"))
        assert toolkit.is_category(name) and not toolkit.is_mixin(name), category
    predicates = {edge["predicate"] for edge in edges}
    for predicate in predicates:
        assert toolkit.is_predicate(snakecase_to_sentencecase(predicate.removeprefix("biolink:"))), predicate
    assert {
        "biolink:Drug",
        "biolink:ChemicalEntity",
        "biolink:Disease",
        "biolink:Procedure",
        "biolink:Agent",
    } <= categories
    assert {"biolink:has_adverse_event", "biolink:treats", "biolink:contraindicated_in"} <= predicates
    # mskg's own properties are not Biolink slots (so their types are not checked against a slot's)
    own = {key for record in [*nodes, *edges] for key in record if key.startswith("mskg_")}
    assert own and all(toolkit.get_element(key) is None for key in own)
    for slot in ("supporting_text", "supporting_documents", "clinical_approval_status", "frequency_qualifier"):
        assert toolkit.get_element(slot) is not None, slot


def test_kgx_graph_is_closed_and_identified(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    ids = [node["id"] for node in nodes]
    assert len(ids) == len(set(ids))
    assert len({edge["id"] for edge in edges}) == len(edges)
    ends = {edge["subject"] for edge in edges} | {edge["object"] for edge in edges}
    assert ends <= set(ids)
    assert all(node["id"].split(":", 1)[0] in CURIE_PREFIXES for node in nodes)


def test_every_kgx_edge_carries_provenance_that_matches_the_texts(
    built: tuple[Path, Any], edges: list[dict[str, Any]]
) -> None:
    texts = built[0] / "texts"
    cache: dict[str, str] = {}
    for edge in edges:
        assert edge["knowledge_level"] == "knowledge_assertion"
        assert edge["agent_type"] == "text_mining_agent"
        assert edge["primary_knowledge_source"] == INFORES
        lists = [edge[name] for name in PASSAGE_LISTS]
        assert lists[0] and all(len(values) == len(lists[0]) for values in lists), edge["id"]
        for document, quote, start, end, *_ in zip(*lists):
            slug = document.removeprefix(DOCUMENT)
            text = cache.setdefault(slug, document_text(texts, slug))
            assert text[start:end] == quote, (edge["id"], document, start, end)


def test_kgx_flattens_qualified_statements(
    built: tuple[Path, Any],
    kgx_export: tuple[Path, KgxReport],
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
) -> None:
    report = kgx_export[1]
    assert report.skipped == 0 and report.literal_facts == 0
    by_statement = {edge["mskg_statement"] for edge in edges if "mskg_statement" in edge}
    quads = list(ox.parse(path=str(built[0] / "dataset.nq"), format=ox.RdfFormat.N_QUADS))
    kinds = {  # every kind of qualified statement the ontology defines
        q.subject.value
        for q in quads
        if q.predicate.value == RDFS_SUBCLASS_OF and q.object.value == MSKG + "DrugStatement"
    }
    statements = {
        q.subject.value
        for q in quads
        if q.graph_name.value == GRAPH_IRIS["facts"] and q.predicate.value == RDF_TYPE and q.object.value in kinds
    }
    assert statements and statements == by_statement
    approvals = [e for e in edges if e["subject"] == "MSKG:ocrevus" and e["object"] == "MSKG:primary-progressive-ms"]
    assert any(
        e["predicate"] == "biolink:treats" and e["clinical_approval_status"] == "fda_approved_for_condition"
        for e in approvals
    )
    rare = [
        e for e in edges if e["predicate"] == "biolink:has_adverse_event" and e.get("frequency_qualifier") == "rare"
    ]
    category = {node["id"]: node["category"][0] for node in nodes}
    assert rare and {category[e["subject"]] for e in rare} <= {"biolink:Drug", "biolink:ChemicalEntity"}
    assert {category[e["object"]] for e in rare} <= {"biolink:DiseaseOrPhenotypicFeature", "biolink:Disease"}


def test_kgx_export_is_reproducible(
    built: tuple[Path, Any], kgx_export: tuple[Path, KgxReport], tmp_path: Path
) -> None:
    export_kgx(tmp_path, built[0])
    for name in (NODES_FILE, EDGES_FILE):
        assert (tmp_path / name).read_bytes() == (kgx_export[0] / name).read_bytes()


# ---------------------------------------------------------------------------------------- Parquet


@pytest.fixture(scope="module")
def parquet_export(built: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    export_parquet(folder, built[0])
    return folder


def test_parquet_reads_back_with_every_triple_and_fact(built: tuple[Path, Any], parquet_export: Path) -> None:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    for name in (TRIPLES_FILE, FACTS_FILE):
        schema = pq.read_schema(parquet_export / name)
        assert all(pa.types.is_string(f.type) or pa.types.is_int64(f.type) for f in schema), schema
    triples = pd.read_parquet(parquet_export / TRIPLES_FILE)
    lines = (built[0] / "dataset.nq").read_text(encoding="utf-8").splitlines()
    assert len(triples) == len(lines)
    assert (triples["graph"] == FACTS_GRAPH[1:-4]).sum() == facts_in(built[0])
    facts = pq.read_table(parquet_export / FACTS_FILE).to_pandas()
    assert facts["statement"].notna().all() and facts["document"].notna().all()
    assert facts["statement"].nunique() == facts_in(built[0])
    assert len(facts.drop_duplicates(["subject", "predicate", "object", "object_kind", "object_datatype"])) == facts_in(
        built[0]
    )


def test_parquet_quotes_match_the_texts(built: tuple[Path, Any], parquet_export: Path) -> None:
    import pandas as pd

    facts = pd.read_parquet(parquet_export / FACTS_FILE, columns=["document", "quote", "start", "end"])
    texts = {
        slug: document_text(built[0] / "texts", slug) for slug in facts["document"].str.removeprefix(DOCUMENT).unique()
    }
    for document, quote, start, end in facts.itertuples(index=False):
        assert texts[document.removeprefix(DOCUMENT)][start:end] == quote


def test_parquet_reads_in_another_engine(built: tuple[Path, Any], parquet_export: Path) -> None:
    """DuckDB has its own Parquet reader (not Arrow's): it reads the same rows."""
    duckdb = pytest.importorskip("duckdb")
    facts = str(parquet_export / FACTS_FILE)
    assert duckdb.sql(f"SELECT count(DISTINCT statement) FROM '{facts}'").fetchone() == (facts_in(built[0]),)
    lines = len((built[0] / "dataset.nq").read_text(encoding="utf-8").splitlines())
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet_export / TRIPLES_FILE}'").fetchone() == (lines,)


def test_parquet_in_small_batches_gives_the_same_tables(
    built: tuple[Path, Any], parquet_export: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    report = export_parquet(tmp_path, built[0], batch_size=997)
    for name in (TRIPLES_FILE, FACTS_FILE):
        small = pq.read_table(tmp_path / name)
        assert small.equals(pq.read_table(parquet_export / name)), name
        assert pq.ParquetFile(tmp_path / name).num_row_groups > 1
    assert report.facts == facts_in(built[0])


# ---------------------------------------------------------------------------------------- command line


@pytest.mark.parametrize("fmt", ["kgx", "parquet"])
def test_export_command_writes_a_folder(built: tuple[Path, Any], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "new" / fmt
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    expected = {NODES_FILE, EDGES_FILE, "graph_metadata.json"} if fmt == "kgx" else {TRIPLES_FILE, FACTS_FILE}
    assert {path.name for path in out.iterdir()} == expected


@pytest.mark.parametrize("fmt", ["kgx", "parquet"])
def test_bad_output_paths_fail_clearly(built: tuple[Path, Any], tmp_path: Path, fmt: str) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me", encoding="utf-8")
    cases = {
        (): "is a folder of files: give one with -o DIR",
        ("-o", str(a_file)): "exists and is not a folder",
        ("-o", str(a_file / "below")): "cannot create the folder",
    }
    for args, message in cases.items():
        result = CliRunner().invoke(main, ["export", "--format", fmt, *args, "--store", str(built[0])])
        assert result.exit_code == 1 and message in result.output, (args, result.output)
    assert a_file.read_text(encoding="utf-8") == "keep me"
    graph = CliRunner().invoke(main, ["export", "--format", fmt, "--graph", "facts", "-o", str(tmp_path / "x")])
    assert graph.exit_code == 2 and "--graph does not apply" in graph.output
    nothing = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(tmp_path / "y"), "--store", str(tmp_path)])
    assert nothing.exit_code == 1 and "run `mskg build` first" in nothing.output


def test_rdf_export_to_a_folder_fails_clearly(built: tuple[Path, Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "ttl", "-o", str(tmp_path), "--store", str(built[0])])
    assert result.exit_code == 1 and "is a folder" in result.output
