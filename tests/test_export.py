"""Export and release: every format reads back to the same dataset, JSON-LD reads naturally with
mskg's context, releases are complete, described, checksummed, diffed and reproducible."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.formats import DATASET_FORMATS, dataset_format
from kg.publish.export import export_bytes

GRAPHS = ["ontology", "facts", "provenance", "inferred"]


def canonical(quads: Any, keep_graphs: bool = True) -> set[Any]:
    """A dataset with blank nodes canonically labelled, for comparison."""
    dataset = ox.Dataset(
        q if keep_graphs else ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads
    )
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


@pytest.fixture(scope="module")
def original(built: tuple[Path, Any]) -> list[Any]:
    return list(ox.parse(path=str(built[0] / "dataset.nq"), format=ox.RdfFormat.N_QUADS))


@pytest.mark.parametrize("fmt", [f.name for f in DATASET_FORMATS])
def test_every_format_reads_back_to_the_dataset(
    built: tuple[Path, Any], original: list[Any], tmp_path: Path, fmt: str
) -> None:
    rdf = dataset_format(fmt)
    attribute, keeps_graphs = rdf.oxigraph, rdf.keeps_graphs
    out = tmp_path / f"dataset.{rdf.extension}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    parsed = list(ox.parse(path=str(out), format=getattr(ox.RdfFormat, attribute)))
    assert canonical(parsed, keeps_graphs) == canonical(original, keeps_graphs)
    for graph in GRAPHS:
        data = export_bytes(fmt, built[0], graph)
        wanted = [q for q in original if q.graph_name.value.endswith("/" + graph)]
        assert canonical(ox.parse(data, getattr(ox.RdfFormat, attribute)), keeps_graphs) == canonical(
            wanted, keeps_graphs
        )


def test_exports_are_byte_identical_for_the_same_build(built: tuple[Path, Any]) -> None:
    for fmt in DATASET_FORMATS:
        assert export_bytes(fmt.name, built[0]) == export_bytes(fmt.name, built[0]), fmt.name


def test_jsonld_reads_naturally(built: tuple[Path, Any]) -> None:
    document = json.loads(export_bytes("jsonld", built[0], "facts"))
    terms = document["@context"]
    assert terms["drug"] == {"@id": "mskg:drug", "@type": "@id"} and terms["mskg"].endswith("ontology#")
    nodes = {node["@id"]: node for node in document["@graph"][0]["@graph"]}
    regimen = nodes["id:regimen/novantrone"]
    assert regimen["@type"] == ["mskg:DosingRegimen"]
    assert regimen["drug"] == ["id:novantrone"]
    assert regimen["interval"] == [{"@value": "P3M", "@type": "xsd:duration"}]


def test_jsonld_reads_back_in_rdflib_too(built: tuple[Path, Any], original: list[Any]) -> None:
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(data=export_bytes("jsonld", built[0]).decode("utf-8"), format="json-ld")
    named = {
        (str(s), str(p), str(o), str(g))
        for s, p, o, g in dataset.quads()
        if not isinstance(s, rdflib.BNode) and not isinstance(o, rdflib.BNode)
    }
    wanted = {
        (q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
        for q in original
        if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
    }
    assert named == wanted


def test_export_errors(built: tuple[Path, Any]) -> None:
    runner = CliRunner()
    unknown = runner.invoke(main, ["export", "--format", "docx", "--store", str(built[0])])
    assert unknown.exit_code == 2 and "unknown export format 'docx'" in unknown.output
    bad_graph = runner.invoke(main, ["export", "--graph", "nope", "--store", str(built[0])])
    assert bad_graph.exit_code == 2 and "unknown graph 'nope'" in bad_graph.output


def test_unwritable_output_leaves_nothing_half_written(built: tuple[Path, Any], tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("a file where a folder should be", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "-o", str(target / "x.nq"), "--store", str(built[0])])
    assert result.exit_code == 1 and "cannot write" in result.output
    assert target.read_text(encoding="utf-8") == "a file where a folder should be"


@pytest.fixture(scope="module")
def releases(built: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("releases")
    result = CliRunner().invoke(
        main, ["release", "--version", "1.0.0", "--output", str(folder), "--store", str(built[0])]
    )
    assert result.exit_code == 0, result.output
    return folder


def test_release_holds_everything(releases: Path) -> None:
    names = {p.name for p in (releases / "1.0.0").iterdir()}
    for name in (
        "ontology.ttl",
        "ontology.owl",
        "ontology.html",
        "ontology.svg",
        "context.jsonld",
        "void.ttl",
        "SHA256SUMS",
        "mskg.nq",
        "mskg.trig",
        "mskg.jsonld",
        "mskg.ttl",
        "mskg.nt",
        "mskg.rdf",
    ):
        assert name in names, name
    ontology = list(ox.parse(path=str(releases / "1.0.0" / "ontology.owl"), format=ox.RdfFormat.RDF_XML))
    assert ox.Triple(
        ox.NamedNode("https://w3id.org/mskg/ontology"),
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology"),
    ) in {ox.Triple(q.subject, q.predicate, q.object) for q in ontology}
    html = (releases / "1.0.0" / "ontology.html").read_text(encoding="utf-8")
    assert 'id="RegulatoryDecision"' in html and 'src="ontology.svg"' in html
    assert "<svg" in (releases / "1.0.0" / "ontology.svg").read_text(encoding="utf-8")


def test_release_checksums_match(releases: Path) -> None:
    folder = releases / "1.0.0"
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(folder.iterdir())) - 1
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_release_is_described_with_void_and_dcat(releases: Path, built: tuple[Path, Any]) -> None:
    store = ox.Store()
    store.load(path=str(releases / "1.0.0" / "void.ttl"), format=ox.RdfFormat.TURTLE)
    prefixes = "PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
    release = "<https://w3id.org/mskg/release/1.0.0>"
    row = next(
        iter(
            store.query(
                prefixes + f"SELECT * WHERE {{ {release} dcat:version ?v ; dcterms:issued ?d ; dcterms:license ?l ; void:triples ?n }}"
            )
        )
    )
    assert row["v"].value == "1.0.0"
    sources = {r["src"].value.rsplit("/", 1)[-1] for r in store.query(prefixes + f"SELECT ?src WHERE {{ {release} dcterms:source ?src }}")}
    assert sources == {d["id"] for d in built[1].documents}  # every document it was built from
    assert int(row["n"].value) == sum(built[1].triples_per_graph.values())
    per_graph = {
        r["g"].value: int(r["n"].value)
        for r in store.query(
            prefixes + f"SELECT ?g ?n WHERE {{ {release} void:subset ?s . ?s sd:name ?g ; void:triples ?n }}"
        )
    }
    assert per_graph == built[1].triples_per_graph
    vocabularies = {r["v"].value for r in store.query(prefixes + f"SELECT ?v WHERE {{ {release} void:vocabulary ?v }}")}
    assert {"http://www.w3.org/ns/prov#", "http://www.w3.org/ns/oa#", "https://w3id.org/mskg/ontology#"} <= vocabularies
    sizes = {
        r["f"].value.rsplit("/", 1)[-1]: int(r["size"].value)
        for r in store.query(
            prefixes + f"SELECT ?f ?size WHERE {{ {release} dcat:distribution ?f . ?f dcat:byteSize ?size }}"
        )
    }
    assert sizes["mskg.nq"] == (releases / "1.0.0" / "mskg.nq").stat().st_size


def test_same_build_gives_the_same_release_bytes(releases: Path, built: tuple[Path, Any], tmp_path: Path) -> None:
    CliRunner().invoke(main, ["release", "--version", "1.0.0", "--output", str(tmp_path), "--store", str(built[0])])
    for path in (releases / "1.0.0").iterdir():
        assert (tmp_path / "1.0.0" / path.name).read_bytes() == path.read_bytes(), path.name


def test_release_diff_against_the_previous_one(releases: Path, built: tuple[Path, Any], tmp_path: Path) -> None:
    # the previous release: this build with one fact changed, as if an earlier build had said otherwise
    older = tmp_path / "0.9.0"
    older.mkdir()
    lines = (built[0] / "dataset.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = next(line for line in lines if "mskg/ontology#manufacturer>" in line)
    invented = "<https://w3id.org/mskg/id/imuran> <https://w3id.org/mskg/ontology#manufacturer> <https://w3id.org/mskg/id/emd-serono> <https://w3id.org/mskg/graph/facts> .\n"
    (older / "mskg.nq").write_text("".join(line for line in lines if line != dropped) + invented, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["release", "--version", "1.0.0", "--output", str(tmp_path), "--store", str(built[0])]
    )
    assert result.exit_code == 0 and "1 triples added, 1 removed since 0.9.0" in result.output
    assert (tmp_path / "1.0.0" / "added.nq").read_text(encoding="utf-8") == dropped
    assert (tmp_path / "1.0.0" / "removed.nq").read_text(encoding="utf-8") == invented
    assert "| facts | 1 | 1 |" in (tmp_path / "1.0.0" / "CHANGES.md").read_text(encoding="utf-8")
    assert "dcat:previousVersion <https://w3id.org/mskg/release/0.9.0>" in (tmp_path / "1.0.0" / "void.ttl").read_text(
        encoding="utf-8"
    )


def test_release_refuses_an_existing_version_and_bad_input(releases: Path, built: tuple[Path, Any]) -> None:
    runner = CliRunner()
    before = sorted(p.name for p in releases.iterdir())
    again = runner.invoke(main, ["release", "--version", "1.0.0", "--output", str(releases), "--store", str(built[0])])
    assert again.exit_code == 1 and "release 1.0.0 exists" in again.output
    bad = runner.invoke(main, ["release", "--version", "../x", "--output", str(releases), "--store", str(built[0])])
    assert bad.exit_code == 1 and "not a version" in bad.output
    date = runner.invoke(
        main, ["release", "--version", "2", "--date", "yesterday", "--output", str(releases), "--store", str(built[0])]
    )
    assert date.exit_code == 1 and "not a date" in date.output
    assert sorted(p.name for p in releases.iterdir()) == before


def test_committed_ontology_docs_are_up_to_date(tmp_path: Path) -> None:
    """docs/ontology.html and docs/ontology.svg (shown by the README) match the ontology."""
    root = Path(__file__).resolve().parents[1]
    result = CliRunner().invoke(main, ["docs", "--ontology", str(root / "ontology"), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("ontology.html", "ontology.svg"):
        assert (tmp_path / name).read_bytes() == (root / "docs" / name).read_bytes(), f"run `mskg docs` ({name})"
    html = (tmp_path / "ontology.html").read_text(encoding="utf-8")
    for term in ("RegulatoryDecision", "DosingRegimen", "indication", "Approved", "UnapprovedMSTherapy"):
        assert f'id="{term}"' in html
