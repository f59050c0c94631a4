"""The IRIs of :mod:`kg.iris` as rdflib namespaces and terms, for the build side."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from . import iris
from .iris import BASE, PREFIXES, curie

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

MSKG = Namespace(iris.MSKG)
ID = Namespace(iris.ID)
GRAPH = Namespace(iris.GRAPH)
SCHEMA = Namespace(iris.PREFIXES["schema"])
OA = Namespace(iris.PREFIXES["oa"])

ONTOLOGY_GRAPH = GRAPH["ontology"]
FACTS_GRAPH = GRAPH["facts"]
PROVENANCE_GRAPH = GRAPH["provenance"]
INFERRED_GRAPH = GRAPH["inferred"]
#: short names accepted wherever a graph is chosen (``--graph facts``)
GRAPH_NAMES = {name: URIRef(iri) for name, iri in iris.GRAPH_IRIS.items()}
