"""`mskg query` and the Python API: catalogue ids, files, stdin, formats, the catalogue listing,
errors, the time limit, and a query path that does not load the extraction stack."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import QueryTimeout
from kg.iris import PREFIXES
from kg.query.api import Dataset
from kg.query.catalogue import Catalogue, UnknownQueryError

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def run(store: Path, *args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(main, ["query", *args, "--store", str(store)], input=input)


def test_list_shows_every_id_with_its_title(built: tuple[Path, Any]) -> None:
    result = run(built[0], "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(Catalogue())
    assert any(line.startswith("fda-approved-ms-drugs ") and "FDA-approved for MS" in line for line in lines)


def test_shown_query_runs_on_a_plain_engine_without_predeclared_prefixes(built: tuple[Path, Any]) -> None:
    shown = run(built[0], "--show", "manufacturers")
    assert shown.exit_code == 0 and shown.output.startswith("PREFIX ")
    store = ox.Store()
    store.bulk_load(path=str(built[0] / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query(shown.output, use_default_graph_as_union=True))
    makers = {(row["productName"].value, row["manufacturer"].value) for row in rows}
    assert ("Novantrone", "EMD Serono") in makers and ("Tysabri", "Biogen") in makers


def test_prefixes_are_listed(built: tuple[Path, Any]) -> None:
    result = run(built[0], "--prefixes")
    assert result.exit_code == 0
    for prefix in ("mskg", "rdf", "rdfs", "owl", "xsd", "skos", "schema", "prov", "oa", "dcterms"):
        assert f"PREFIX {prefix}: <{PREFIXES[prefix]}>" in result.output


def test_catalogue_id_file_text_and_stdin_give_the_same_answer(built: tuple[Path, Any], tmp_path: Path) -> None:
    text = Catalogue().get("brand-generic-names").text
    (tmp_path / "names.rq").write_text(text, encoding="utf-8")
    outputs = {
        run(built[0], "brand-generic-names", "--format", "csv").output,
        run(built[0], str(tmp_path / "names.rq"), "--format", "csv").output,
        run(built[0], text, "--format", "csv").output,
        run(built[0], "-", "--format", "csv", input=text).output,
    }
    assert len(outputs) == 1
    assert "Imuran" in outputs.pop()


def test_table_is_readable(built: tuple[Path, Any]) -> None:
    result = run(built[0], "dose-limits")
    assert result.exit_code == 0
    header, rule, row, count = result.output.splitlines()
    assert header.split() == ["drug", "drugName", "minDoses", "maxDoses", "minPeriod", "maxPeriod"]
    assert row.split() == ["id:novantrone", "Novantrone", "8", "12", "P2Y", "P3Y"]
    assert count == "(1 row)"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_result_formats_parse_back(built: tuple[Path, Any], fmt: str) -> None:
    result = run(built[0], "manufacturers", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "csv":
        assert any(line.endswith(",Novantrone,EMD Serono") for line in result.output.splitlines()[1:])
        return
    formats = {"tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
    rows = list(ox.parse_query_results(result.output, formats[fmt]))
    assert {row["productName"].value: row["manufacturer"].value for row in rows}["Novantrone"] == "EMD Serono"


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "xml"])
def test_graph_formats_parse_back(built: tuple[Path, Any], fmt: str) -> None:
    result = run(built[0], "regimens-as-schema-org", "--format", fmt)
    assert result.exit_code == 0
    formats = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
    triples = {
        (q.subject, q.predicate, q.object) for q in ox.parse(result.output, formats.get(fmt, ox.RdfFormat.RDF_XML))
    }
    assert (
        ox.NamedNode("https://w3id.org/mskg/id/regimen/novantrone"),
        ox.NamedNode("http://schema.org/frequency"),
        ox.Literal("P3M", datatype=ox.NamedNode(PREFIXES["xsd"] + "duration")),
    ) in triples


def test_ask_answers_yes_or_no(built: tuple[Path, Any]) -> None:
    assert run(built[0], "any-fda-approval-for-ppms").output.strip() == "yes"


def test_a_format_that_does_not_fit(built: tuple[Path, Any]) -> None:
    result = run(built[0], "manufacturers", "--format", "ttl")
    assert result.exit_code == 2 and "unknown format 'ttl' for query results" in result.output


def test_malformed_query_gives_the_parsers_line_and_column(built: tuple[Path, Any]) -> None:
    result = run(built[0], "SELECT ?d WHERE {\n  ?d mskg:drug \n}")
    assert result.exit_code == 2
    assert "malformed query: error at 3:1" in result.output


def test_unknown_id_names_the_closest_ids(built: tuple[Path, Any]) -> None:
    result = run(built[0], "fda-aproved-drugs")
    assert result.exit_code == 2
    assert "no catalogue query 'fda-aproved-drugs': did you mean fda-approved-ms-drugs" in result.output
    with pytest.raises(UnknownQueryError) as error:
        Catalogue().get("zzzz")
    assert "see `mskg query --list`" in str(error.value)


def test_unreadable_query_file(built: tuple[Path, Any], tmp_path: Path) -> None:
    result = run(built[0], str(tmp_path / "missing.rq"))
    assert result.exit_code == 2 and "cannot read query file" in result.output


def test_timeout_stops_a_query_and_says_so(built: tuple[Path, Any]) -> None:
    """A cross product under COUNT would run for hours; the limit stops it (a real process, real time)."""
    finished = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", CROSS_PRODUCT, "--timeout", "1", "--store", str(built[0])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 3
    assert "query stopped after the time limit of 1 s" in finished.stderr
    with pytest.raises(QueryTimeout):
        Dataset(built[0]).query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", timeout=0.5)


def test_the_dataset_answers_after_a_timeout(built: tuple[Path, Any]) -> None:
    dataset = Dataset(built[0])
    with pytest.raises(QueryTimeout):
        dataset.query(CROSS_PRODUCT, timeout=0.5)
    assert {r["productName"]: r["manufacturer"] for r in dataset.run("manufacturers").values()}["Novantrone"] == "EMD Serono"


def test_python_api_rows_values_and_dataframe(built: tuple[Path, Any]) -> None:
    import kg

    dataset = kg.Dataset(built[0])
    result = dataset.run("dose-limits")
    assert result.variables == ["drug", "drugName", "minDoses", "maxDoses", "minPeriod", "maxPeriod"]
    assert result.values() == [
        {
            "drug": "https://w3id.org/mskg/id/novantrone",
            "drugName": "Novantrone",
            "minDoses": 8,
            "maxDoses": 12,
            "minPeriod": "P2Y",
            "maxPeriod": "P3Y",
        }
    ]
    frame = result.to_dataframe()
    assert list(frame.columns) == result.variables and frame.loc[0, "maxDoses"] == 12
    assert json.loads(result.serialize("json"))["results"]["bindings"][0]["drugName"]["value"] == "Novantrone"


def test_query_path_does_not_load_the_extraction_or_reasoning_stack(built: tuple[Path, Any]) -> None:
    script = (
        "import sys\n"
        "from kg.cli import main\n"
        f"main(['query', 'fda-approved-ms-drugs', '--store', {str(built[0])!r}], standalone_mode=False)\n"
        "heavy = {'rdflib', 'spacy', 'medspacy', 'owlready2', 'pyshacl'}\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "Novantrone" in finished.stdout
    assert "LOADED []" in finished.stdout, finished.stdout + finished.stderr


def test_catalogue_folder_from_the_environment(built: tuple[Path, Any], tmp_path: Path) -> None:
    entry = Catalogue().get("manufacturers")
    (tmp_path / "who-makes-what.ttl").write_text(
        entry.path.read_text(encoding="utf-8").replace("q:manufacturers", "q:who-makes-what"), encoding="utf-8"
    )
    env = {**os.environ, "MSKG_QUERIES": str(tmp_path)}
    finished = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "--list", "--store", str(built[0])],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert finished.stdout.split()[0] == "who-makes-what"
    assert io.StringIO(finished.stdout).read().count("\n") == 1
