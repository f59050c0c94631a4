"""The IRIs of the mskg dataset as plain strings: one base, ontology terms under ``ontology#``,
resources under ``id/``, named graphs under ``graph/`` (the contract of DESIGN.md).

Kept free of rdflib so that the query path (``mskg query``, the Python API, the server) starts fast.
"""

from __future__ import annotations

__all__ = ["BASE", "MSKG", "ID", "GRAPH", "GRAPH_IRIS", "PREFIXES", "QUERIES", "curie", "prefix_declarations"]

BASE = "https://w3id.org/mskg/"
MSKG = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
#: namespace of the query catalogue's entries (``queries/<id>.ttl``)
QUERIES = BASE + "queries/"

#: short names accepted wherever a graph is chosen (``--graph facts``) -> graph IRI
GRAPH_IRIS: dict[str, str] = {name: GRAPH + name for name in ("ontology", "facts", "provenance", "inferred")}

#: prefixes predeclared for queries and used when serialising
PREFIXES: dict[str, str] = {
    "mskg": MSKG,
    "id": ID,
    "graph": GRAPH,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
}


def curie(term: object) -> str:
    """A compact name for an IRI using the predeclared prefixes (the IRI itself otherwise).

    >>> curie(MSKG + "Risk")
    'mskg:Risk'
    """
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text


def prefix_declarations(query: str | None = None) -> str:
    """``PREFIX`` lines for the predeclared prefixes; with a query, only those it uses.

    Prepended to a query, they make it run on any SPARQL engine, not only mskg's.

    >>> prefix_declarations("SELECT ?d WHERE { ?d a mskg:Risk }")
    'PREFIX mskg: <https://w3id.org/mskg/ontology#>\\n'
    """
    import re

    used = PREFIXES if query is None else {p: ns for p, ns in PREFIXES.items() if re.search(rf"\b{p}:", query)}
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in used.items())
