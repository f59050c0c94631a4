"""The build at scale: documents extracted on worker processes and cached by content, memberships
materialised per document by OWL 2 RL (equal to HermiT over the whole ABox), disjointness checked
across documents while the shards merge, and the on-disk store a large build loads."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph

from kg.build.cache import CACHE_FOLDER
from kg.build.ontology import load_ontology
from kg.build.pipeline import build
from kg.build.reason import Clashes, infer
from kg.errors import DocumentError, InconsistentOntologyError
from kg.namespaces import FACTS_GRAPH, ID, INFERRED_GRAPH, MSKG, ONTOLOGY_GRAPH, RDF
from kg.query.api import Endpoint
from kg.query.catalogue import Catalogue
from kg.query.results import Result
from kg.store import open_store
from kg.store.files import current_on_disk
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from tests.servers import mskg_serve

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "infusion-treatments.txt"


def _graphs(store: Path) -> tuple[Graph, Graph, Graph]:
    dataset = Dataset()
    dataset.parse(store / "dataset.nq", format="nquads")
    return tuple(Graph() + dataset.graph(g) for g in (ONTOLOGY_GRAPH, FACTS_GRAPH, INFERRED_GRAPH))  # type: ignore[return-value]


@pytest.mark.parametrize("corpus", ["seed", "bundled corpus"])
def test_rl_memberships_equal_hermit_over_the_whole_abox(corpus: str, built: tuple[Path, Any], tmp_path: Path) -> None:
    """Per-document OWL 2 RL gives exactly what HermiT infers from all the facts at once."""
    if corpus == "seed":
        build(SEED, ROOT / "ontology", tmp_path)
        store = tmp_path
    else:
        store = built[0]
    ontology, facts, inferred = _graphs(store)
    assert len(inferred) > (200 if corpus == "seed" else 900)
    assert set(inferred) == set(infer(load_ontology(ROOT / "ontology"), facts))


def test_two_workers_build_the_same_bytes(built: tuple[Path, Any], tmp_path: Path) -> None:
    report = build(ROOT / "corpus", ROOT / "ontology", tmp_path, workers=2)
    assert (tmp_path / "dataset.nq").read_bytes() == (built[0] / "dataset.nq").read_bytes()
    assert report.extracted == len(report.documents) == built[1].extracted


def test_a_rebuild_extracts_only_what_changed(project: Path, built: tuple[Path, Any]) -> None:
    store = project / "store"
    first = build(project / "corpus", project / "ontology", store)
    assert first.extracted == len(first.documents) > 5

    again = build(project / "corpus", project / "ontology", store)
    assert again.extracted == 0
    assert again.dataset_sha256 == first.dataset_sha256

    seed = project / "corpus" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\nTysabri is given by intravenous infusion every four weeks.\n", encoding="utf-8")
    changed = build(project / "corpus", project / "ontology", store)
    assert changed.extracted == 1
    build(project / "corpus", project / "ontology", project / "fresh", cache=False)
    assert (store / "dataset.nq").read_bytes() == (project / "fresh" / "dataset.nq").read_bytes()
    assert changed.dataset_sha256 != first.dataset_sha256
    assert (store / "texts" / "infusion-treatments.txt").read_text(encoding="utf-8") == seed.read_text(encoding="utf-8")

    with (project / "ontology" / "mskg.ttl").open("a", encoding="utf-8") as out:
        out.write("\n# an edit of the ontology\n")
    assert build(project / "corpus", project / "ontology", store).extracted == len(first.documents)
    # entries of the earlier builds are pruned: one definitions and one shard entry per document
    entries = {p.name.split(".", 1)[0] for p in (store / CACHE_FOLDER).glob("*/*")}
    assert len(entries) == 2 * len(first.documents)


def test_a_bad_document_stops_workers_and_keeps_the_build(project: Path) -> None:
    store = project / "store"
    build(project / "corpus", project / "ontology", store, workers=2)
    before = (store / "dataset.nq").read_bytes()
    (project / "corpus" / "broken.txt").write_bytes(b"\x00\x01binary\xff" * 50)
    with pytest.raises(DocumentError, match="broken.txt"):
        build(project / "corpus", project / "ontology", store, workers=2)
    assert (store / "dataset.nq").read_bytes() == before
    assert not [p for p in store.iterdir() if p.name.startswith(".")]
    report = build(project / "corpus", project / "ontology", store, workers=2, keep_going=True)
    assert [Path(s["file"]).name for s in report.skipped] == ["broken.txt"]
    assert report.extracted == 0  # the readable documents were all cached


def test_clashes_across_documents_are_found_while_merging() -> None:
    """One document makes a thing an ingredient, another a product (declared disjoint): each is
    consistent alone, the union is not."""
    clashes = Clashes(load_ontology(ROOT / "ontology"))
    thing = f"<{ID}zz-thing>"
    for cls, graph in ((MSKG.Ingredient, FACTS_GRAPH), (MSKG.DrugProduct, INFERRED_GRAPH)):
        clashes.feed(f"{thing} {RDF.type.n3()} {cls.n3()} {graph.n3()} .\n")
    clashes.feed(f"<{ID}zz-other> {RDF.type.n3()} {MSKG.Drug.n3()} {FACTS_GRAPH.n3()} .\n")
    with pytest.raises(InconsistentOntologyError, match="zz-thing is both"):
        clashes.close()

    clashes = Clashes(load_ontology(ROOT / "ontology"))
    decision = f"<{ID}decision/zz>"
    for status in (MSKG.Approved, MSKG.NotApproved):
        clashes.feed(f"{decision} {MSKG.decisionStatus.n3()} {status.n3()} {FACTS_GRAPH.n3()} .\n")
    with pytest.raises(InconsistentOntologyError, match="two values of functional"):
        clashes.close()


def test_two_documents_giving_one_value_each_break_a_shape_together() -> None:
    """A regimen node is shared by every document about the drug; the shapes allow one dose
    count, so two documents giving different ones violate them though each conforms alone."""
    from kg.build.ontology import load_graph_file

    shapes = load_graph_file(ROOT / "ontology" / "shapes" / "mskg-shapes.ttl")
    clashes = Clashes(load_ontology(ROOT / "ontology"), shapes)
    regimen = f"<{ID}regimen/zz-drug>"
    clashes.feed(f"{regimen} {RDF.type.n3()} {MSKG.DosingRegimen.n3()} {FACTS_GRAPH.n3()} .\n")
    for count in (1, 3):
        literal = f'"{count}"^^<http://www.w3.org/2001/XMLSchema#integer>'
        clashes.feed(f"{regimen} {MSKG.minDoseCount.n3()} {literal} {FACTS_GRAPH.n3()} .\n")
    assert clashes.finish() == []
    assert len(clashes.violations) == 1 and "minDoseCount" in clashes.violations[0]


def test_quotes_across_line_breaks_stay_one_line(tmp_path: Path) -> None:
    """A hard-wrapped text gives quotes with line breaks: escaped in N-Quads, one quad per line,
    so the merge and any loader read them whole."""
    import pyoxigraph as ox

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "wrapped.txt").write_text(
        "Tysabri\n\nTysabri (natalizumab) can cause progressive multifocal\nleukoencephalopathy, a rare brain\n"
        "infection. It is given by intravenous\ninfusion every four weeks.\n",
        encoding="utf-8",
    )
    build(docs, ROOT / "ontology", tmp_path / "store", on_disk=False)
    lines = (tmp_path / "store" / "dataset.nq").read_text(encoding="utf-8").splitlines()
    assert all(line.startswith(("<", "_:")) and line.endswith(" .") for line in lines)
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "store" / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(lines)
    quotes = [q.object.value for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/ns/oa#exact"), None)]
    assert any("\n" in quote for quote in quotes)


def test_blank_nodes_stay_in_one_partition() -> None:
    from kg.build.merge import partition_of

    axiom = '<https://w3id.org/mskg/ontology#A> <http://www.w3.org/2002/07/owl#equivalentClass> _:b1 <urn:g> .\n'
    inner = "_:b1 <http://www.w3.org/2002/07/owl#intersectionOf> _:b2 <urn:g> .\n"
    assert partition_of(axiom, 4) == partition_of(inner, 4) == 0
    subjects = {partition_of(f"<{ID}thing-{n}> <urn:p> <urn:o> <urn:g> .\n", 4) for n in range(40)}
    assert subjects == {0, 1, 2, 3}


def test_a_large_build_is_queried_on_disk(built: tuple[Path, Any], tmp_path: Path) -> None:
    """With an on-disk store, a build folder opens as Oxigraph on disk (nothing loaded) and answers
    the catalogue as the in-memory store does; a build without one removes the stale store."""
    store = tmp_path / "store"
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    build(tmp_path / "corpus", ROOT / "ontology", store, on_disk=True)
    assert current_on_disk(store) == store / "oxigraph"
    on_disk, in_memory = open_store(store), open_store(f"memory:{store}")
    assert isinstance(on_disk, OxigraphStore) and isinstance(in_memory, MemoryStore)
    assert on_disk.texts == store / "texts"
    assert on_disk.graph_sizes() == in_memory.graph_sizes()
    for entry in Catalogue():
        assert Result.of(on_disk.query(entry.text)).same_answer(Result.of(in_memory.query(entry.text)), ordered=entry.ordered), entry.id
    with mskg_serve(store) as base:  # the server's workers open the same on-disk store
        answer = Endpoint(base + "/sparql").query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()
        assert answer[0]["n"] == sum(in_memory.graph_sizes().values())
        with urllib.request.urlopen(base + "/id/document/infusion-treatments") as page:
            assert b"<mark" in page.read()  # the viewer finds the build's texts

    (tmp_path / "corpus" / "extra.txt").write_text("Ocrevus is given by intravenous infusion.\n", encoding="utf-8")
    build(tmp_path / "corpus", ROOT / "ontology", store, on_disk=False)
    assert current_on_disk(store) is None and not (store / "oxigraph").exists()
    assert isinstance(open_store(store), MemoryStore)


def test_an_on_disk_store_loads_a_large_file_in_parts(built: tuple[Path, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Oxigraph's bulk loader holds what one call reads (1.7 GB for 3.7 million quads), so a large
    file goes in parts; the blank nodes of the ontology's OWL axioms must stay whole across them."""
    from kg.store import local

    dataset = built[0] / "dataset.nq"
    whole = OxigraphStore(tmp_path / "whole", create=True)
    whole.load(dataset)
    monkeypatch.setattr(local, "BULK_LOAD_LINES", 1000)
    parts = OxigraphStore(tmp_path / "parts", create=True)
    assert parts.load(dataset) == whole.graph_sizes()
    assert sum(parts.graph_sizes().values()) == sum(1 for _ in dataset.open(encoding="utf-8")) > 10_000
    blanks = "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { GRAPH ?g { ?b ?p ?o FILTER(isBlank(?b)) } }"
    linked = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?b . ?b ?q ?o FILTER(isBlank(?b)) } }"
    for query in (blanks, linked):
        counts = [int(next(iter(store.execute(query)))["n"].value) for store in (whole, parts)]
        assert counts[0] == counts[1] > 0, query
