"""External identifiers against the project's reference list (tests/reference/external-ids.tsv,
taken from shared/reference/external-ids.md): every id the ontology states is one the reference
lists, and every DrugBank id the build grounds an entity with agrees with the reference wherever
the reference lists that entity."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.namespaces import FACTS_GRAPH, SKOS

ROOT = Path(__file__).resolve().parents[1]
DRUGBANK = "https://go.drugbank.com/drugs/"


def _reference() -> list[dict[str, str]]:
    rows = []
    lines = [line for line in (ROOT / "tests/reference/external-ids.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        rows.append(dict(zip(header, line.split("\t"))))
    return rows


REFERENCE = _reference()


def _ids(row: dict[str, str]) -> set[str]:
    """The identifiers a reference cell gives ("L04AG03 (current); L04AA23 (until …)")."""
    return set(re.findall(r"\b(?:DB\d{5}|Q\d+|D\d{6,9}|C\d{4,6}|(?:MONDO|DOID|CHEBI|MAXO|HP|NCIT):\d+|[A-Z]\d\d[A-Z]{2}\d\d|\d{6,18})\b", row["id"]))


def _local_id(iri: str) -> str:
    """The identifier an exactMatch IRI ends with (obo:DOID_2377 is DOID:2377)."""
    local = re.split(r"[/#]", iri)[-1]
    return re.sub(r"^(MONDO|DOID|CHEBI|MAXO|HP|NCIT)_", r"\1:", local)


def _drugbank_of(name: str) -> set[str]:
    """The DrugBank ids the reference gives a drug of this name."""
    found: set[str] = set()
    for row in REFERENCE:
        if row["system"] == "DrugBank" and re.sub(r"\s*\(.*\)$", "", row["entity"]).lower() == name.lower():
            found |= _ids(row)
    return found


def test_every_id_the_ontology_states_is_in_the_reference() -> None:
    graph = Graph().parse(ROOT / "ontology/entities.ttl")
    listed = set().union(*(_ids(row) for row in REFERENCE))
    stated = {_local_id(str(o)) for o in graph.objects(None, SKOS.exactMatch)}
    assert stated, "the ontology states external ids"
    assert stated <= listed, f"ids the reference does not list: {sorted(stated - listed)}"


def test_drugbank_groundings_agree_with_the_reference(built: tuple[Path, Any]) -> None:
    """The drug dictionary's DrugBank ids (the build's groundings) and the ontology's, per entity."""
    store = ox.Store()
    store.bulk_load(path=str(built[0] / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    rows = store.query(f"""SELECT ?e ?label ?id ?g WHERE {{ GRAPH ?g {{ ?e <{SKOS.exactMatch}> ?id }}
        GRAPH ?h {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
        FILTER(STRSTARTS(STR(?id), "{DRUGBANK}")) }}""")
    grounded = {(r["label"].value, r["id"].value[len(DRUGBANK) :], r["g"].value) for r in rows}
    extracted = {(label, db) for label, db, g in grounded if g == str(FACTS_GRAPH)}
    assert len(extracted) >= 6, "the build grounds entities the ontology gives no DrugBank id"
    confirmed = 0
    for label, db, _ in grounded:
        expected = _drugbank_of(label)
        if expected:
            assert db in expected, f"{label}: {db}, the reference says {expected}"
            confirmed += 1
    print(f"{len(grounded)} DrugBank groundings, {confirmed} confirmed by the reference")
    assert confirmed >= 12


_REFERENCE_DRUGS = sorted(
    {re.sub(r"\s*\(.*\)$", "", row["entity"]) for row in REFERENCE if row["system"] == "DrugBank"} - {"interferon beta"}
)


@pytest.mark.parametrize("name", _REFERENCE_DRUGS)
def test_the_drug_dictionary_gives_the_reference_ids(name: str) -> None:
    """For every drug the reference lists with a DrugBank id, the offline dictionary the
    recogniser grounds with gives that id (the generic "interferon beta" it does not know)."""
    from kg.extract.dictionaries import dictionaries
    from kg.extract.lexicon import tokenize

    matches = dictionaries().match([t.text for t in tokenize(name)])
    assert len(matches) == 1 and matches[0].drugbank in _drugbank_of(name), matches


def test_no_mesh_id_comes_from_the_drug_dictionary(built: tuple[Path, Any]) -> None:
    """The drug package's MeSH ids are pharmacological actions, not the drugs: never used."""
    store = ox.Store()
    store.bulk_load(path=str(built[0] / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    mesh = list(store.query(f"""SELECT ?e ?id WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?e <{SKOS.exactMatch}> ?id }}
        FILTER(CONTAINS(STR(?id), "mesh")) }}"""))
    assert mesh == []


def test_reference_file_is_the_shared_one_when_present() -> None:
    shared = ROOT.parent / "shared/reference/external-ids.md"
    if not shared.is_file():
        pytest.skip("shared/reference is not beside this clone")
    text = shared.read_text(encoding="utf-8")
    missing = [row for row in REFERENCE if not all(i in text for i in _ids(row))]
    assert missing == []


def test_reference_entities_are_iris() -> None:
    """exactMatch objects in the ontology are IRIs, never strings (a synonym belongs in altLabel)."""
    graph = Graph().parse(ROOT / "ontology/entities.ttl")
    assert all(isinstance(o, URIRef) for o in graph.objects(None, SKOS.exactMatch))
