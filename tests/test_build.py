"""The build of the bundled corpus: named graphs, provenance contract, reasoning, determinism."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build.pipeline import BuildReport, build
from kg.namespaces import FACTS_GRAPH, INFERRED_GRAPH, MSKG, ONTOLOGY_GRAPH, PROVENANCE_GRAPH

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "corpus" / "infusion-treatments.txt").read_text(encoding="utf-8")


def _store(path: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def test_report_says_consistent_and_conforming(built: tuple[Path, BuildReport]) -> None:
    _, report = built
    assert report.consistent and report.shapes_conform
    files = [d["file"] for d in report.documents]
    corpus = sorted(p.name for p in (ROOT / "corpus").iterdir() if p.stem != "README")
    assert sorted(files) == corpus
    assert {d["format"] for d in report.documents} >= {"text/plain", "text/markdown", "text/html", "application/pdf"}
    assert {d["kind"] for d in report.documents} >= {"label", "leaflet", "news", "summary"}
    assert set(report.triples_per_graph) == {
        str(g) for g in (ONTOLOGY_GRAPH, FACTS_GRAPH, PROVENANCE_GRAPH, INFERRED_GRAPH)
    }
    assert all(count > 0 for count in report.triples_per_graph.values())


def test_facts_have_no_blank_nodes(built: tuple[Path, BuildReport]) -> None:
    store = _store(built[0])
    blank = store.query(f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }} }}")
    assert not bool(blank)


def test_every_fact_has_a_quote_equal_to_the_document_at_its_offsets(built: tuple[Path, BuildReport]) -> None:
    """Every fact has evidence whose quote is the kept text of its document at its offsets (the
    text mskg read, saved with the build: what a user is shown and can check)."""
    store = _store(built[0])
    facts = list(store.quads_for_pattern(None, None, None, ox.NamedNode(str(FACTS_GRAPH))))
    rows = list(
        store.query(f"""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?s ?p ?o ?exact ?start ?end ?doc WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev ;
              prov:wasGeneratedBy ?rule .
          ?ev oa:hasSource ?doc ; oa:hasSelector ?q , ?pos .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact .
          ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }} }}""")
    )
    covered = {(r["s"], r["p"], r["o"]) for r in rows}
    assert {(q.subject, q.predicate, q.object) for q in facts} <= covered
    assert len(facts) > 2000
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (built[0] / "texts").glob("*.txt")}
    assert texts["infusion-treatments"] == SEED  # a plain-text document is kept as it was written
    documents = set()
    for r in rows:
        slug = r["doc"].value.rsplit("/document/", 1)[1]
        documents.add(slug)
        assert texts[slug][int(r["start"].value) : int(r["end"].value)] == r["exact"].value
    assert len(documents) == len(texts) == len([p for p in (ROOT / "corpus").iterdir() if p.stem != "README"])


def test_inferred_graph_holds_reasoner_memberships_only(built: tuple[Path, BuildReport]) -> None:
    """HermiT classifies as an unapproved MS therapy exactly the drugs with a not-approved decision
    for an MS condition (the seed's four among them), and adds nothing the facts already state."""
    store = _store(built[0])
    unapproved = {
        r["d"].value.rsplit("/", 1)[-1]
        for r in store.query(f"SELECT ?d WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?d a <{MSKG.UnapprovedMSTherapy}> }} }}")
    }
    assert {"methotrexate", "cytoxan", "imuran", "leustatin"} <= unapproved
    stated = {
        r["d"].value.rsplit("/", 1)[-1]
        for r in store.query(f"""SELECT DISTINCT ?d WHERE {{
            GRAPH <{FACTS_GRAPH}> {{ ?x <{MSKG.drug}> ?d ; <{MSKG.decisionStatus}> <{MSKG.NotApproved}> ; <{MSKG.indication}> ?c }}
            GRAPH ?g {{ ?c a ?kind }} VALUES ?kind {{ <{MSKG.MSCondition}> <{MSKG.MSSubtype}> }}
            FILTER(STRSTARTS(STR(?d), "https://w3id.org/mskg/id/")) }}""")  # individual drugs, not classes
    }
    assert unapproved == stated
    overlap = store.query(f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}")
    assert not bool(overlap)


def test_build_is_deterministic(built: tuple[Path, BuildReport], tmp_path: Path) -> None:
    build(ROOT / "corpus", ROOT / "ontology", tmp_path)
    assert (tmp_path / "dataset.nq").read_bytes() == (built[0] / "dataset.nq").read_bytes()
    lines = (tmp_path / "dataset.nq").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    "status, products",
    [
        ("NotApproved", {"methotrexate", "cytoxan", "imuran", "leustatin"}),
        ("NotIntended", {"novantrone"}),
    ],
)
def test_negative_statements_are_explicit(built: tuple[Path, BuildReport], status: str, products: set[str]) -> None:
    """The seed's negative statements are facts of their own (open world: absence says nothing)."""
    rows = _store(built[0]).query(f"""SELECT DISTINCT ?d WHERE {{
        GRAPH <{FACTS_GRAPH}> {{ ?x <{MSKG.decisionStatus}> <{MSKG[status]}> ; <{MSKG.drug}> ?d }}
        GRAPH <{PROVENANCE_GRAPH}> {{ ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?x ;
            <http://www.w3.org/ns/prov#wasDerivedFrom>/<http://www.w3.org/ns/oa#hasSource> <https://w3id.org/mskg/id/document/infusion-treatments> }} }}""")
    assert {r["d"].value.rsplit("/", 1)[-1] for r in rows} == products
