"""IRIs of the mskg dataset: one base, ontology terms under ``ontology#``, resources under ``id/``,
named graphs under ``graph/`` (the contract of DESIGN.md)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "BASE",
    "MSKG",
    "ID",
    "GRAPH",
    "SCHEMA",
    "OA",
    "ONTOLOGY_GRAPH",
    "FACTS_GRAPH",
    "PROVENANCE_GRAPH",
    "INFERRED_GRAPH",
    "GRAPH_NAMES",
    "PREFIXES",
    "RDF",
    "RDFS",
    "OWL",
    "XSD",
    "SKOS",
    "PROV",
    "DCTERMS",
    "curie",
]

BASE = "https://w3id.org/mskg/"
MSKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

ONTOLOGY_GRAPH = GRAPH["ontology"]
FACTS_GRAPH = GRAPH["facts"]
PROVENANCE_GRAPH = GRAPH["provenance"]
INFERRED_GRAPH = GRAPH["inferred"]
#: short names accepted wherever a graph is chosen (``--graph facts``)
GRAPH_NAMES = {
    "ontology": ONTOLOGY_GRAPH,
    "facts": FACTS_GRAPH,
    "provenance": PROVENANCE_GRAPH,
    "inferred": INFERRED_GRAPH,
}

#: prefixes predeclared for queries and used when serialising
PREFIXES: dict[str, str] = {
    "mskg": str(MSKG),
    "id": str(ID),
    "graph": str(GRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
}


def curie(term: object) -> str:
    """A compact name for an IRI using the predeclared prefixes (the IRI itself otherwise).

    >>> curie(MSKG.Risk)
    'mskg:Risk'
    """
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text
