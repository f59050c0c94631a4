"""JSON-LD that reads naturally: mskg's ``@context`` (made from the ontology: its prefixes, a short
term for every mskg property and the common RDF, SKOS, PROV and Web Annotation properties) and a
compacted, deterministic document for the dataset written with it.

pyoxigraph writes only expanded JSON-LD and rdflib's writer does not keep blank-node labels or order,
so this small writer does the compaction itself; a JSON-LD processor (pyoxigraph's parser in the
tests) reads it back to the same dataset.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..iris import MSKG, PREFIXES, curie

__all__ = ["context", "dataset_document", "CONTEXT_URL"]

#: where mskg publishes its context (the release folder and the server carry the same file)
CONTEXT_URL = "https://w3id.org/mskg/context.jsonld"

_RDF = PREFIXES["rdf"]
_XSD_STRING = PREFIXES["xsd"] + "string"
_LANG_STRING = _RDF + "langString"
_OWL = PREFIXES["owl"]
#: well-known properties with a short name: term -> (IRI, values are IRIs)
_COMMON_TERMS = {
    "label": (PREFIXES["rdfs"] + "label", False),
    "comment": (PREFIXES["rdfs"] + "comment", False),
    "subClassOf": (PREFIXES["rdfs"] + "subClassOf", True),
    "prefLabel": (PREFIXES["skos"] + "prefLabel", False),
    "altLabel": (PREFIXES["skos"] + "altLabel", False),
    "definition": (PREFIXES["skos"] + "definition", False),
    "exactMatch": (PREFIXES["skos"] + "exactMatch", True),
    "subject": (_RDF + "subject", True),
    "predicate": (_RDF + "predicate", True),
    "object": (_RDF + "object", False),
    "wasDerivedFrom": (PREFIXES["prov"] + "wasDerivedFrom", True),
    "wasGeneratedBy": (PREFIXES["prov"] + "wasGeneratedBy", True),
    "hasSource": (PREFIXES["oa"] + "hasSource", True),
    "hasSelector": (PREFIXES["oa"] + "hasSelector", True),
    "exact": (PREFIXES["oa"] + "exact", False),
    "start": (PREFIXES["oa"] + "start", False),
    "end": (PREFIXES["oa"] + "end", False),
    "title": (PREFIXES["dcterms"] + "title", False),
    "identifier": (PREFIXES["dcterms"] + "identifier", False),
}


def context(quads: Iterable[Any]) -> dict[str, Any]:
    """The ``@context``: prefixes, common terms, and one term per property the ontology declares
    under ``mskg:`` (object properties take IRIs as plain strings)."""
    kinds: dict[str, bool] = {}
    for quad in quads:
        if quad.predicate.value == _RDF + "type" and quad.subject.value.startswith(MSKG):
            kind = quad.object.value
            if kind == _OWL + "ObjectProperty":
                kinds[quad.subject.value] = True
            elif kind in (_OWL + "DatatypeProperty", _OWL + "AnnotationProperty"):
                kinds.setdefault(quad.subject.value, False)
    terms: dict[str, Any] = dict(PREFIXES)
    for name, (iri, is_reference) in _COMMON_TERMS.items():
        terms[name] = {"@id": curie(iri), "@type": "@id"} if is_reference else {"@id": curie(iri)}
    for iri, is_reference in sorted(kinds.items()):
        name = iri[len(MSKG) :]
        if name in terms:  # a clash with a prefix or common term: leave that property as mskg:name
            continue
        terms[name] = {"@id": curie(iri), "@type": "@id"} if is_reference else {"@id": curie(iri)}
    return terms


def _node_id(term: Any) -> str:
    return f"_:{term.value}" if type(term).__name__ == "BlankNode" else curie(term.value)


def _value(term: Any, reference_term: bool) -> Any:
    kind = type(term).__name__
    if kind in ("NamedNode", "BlankNode"):
        return _node_id(term) if reference_term else {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": curie(term.datatype.value)}


def dataset_document(quads: list[Any], terms: dict[str, Any], context_ref: Any = None) -> str:
    """The dataset as compacted JSON-LD: one ``@graph`` per named graph, nodes and keys sorted.

    :param context_ref: what to put as ``@context`` (default: the context itself, inline, so the
        file reads back with no network).
    """
    by_iri = {value["@id"] if isinstance(value, dict) else value: name for name, value in terms.items()}
    references = {name for name, value in terms.items() if isinstance(value, dict) and value.get("@type") == "@id"}
    graphs: dict[str, dict[str, dict[str, list[Any]]]] = {}
    for quad in quads:
        graph = graphs.setdefault(_node_id(quad.graph_name), {})
        node = graph.setdefault(_node_id(quad.subject), {})
        if quad.predicate.value == _RDF + "type" and type(quad.object).__name__ == "NamedNode":
            node.setdefault("@type", []).append(curie(quad.object.value))
            continue
        key = by_iri.get(curie(quad.predicate.value), curie(quad.predicate.value))
        node.setdefault(key, []).append(_value(quad.object, key in references))
    document = {
        "@context": context_ref if context_ref is not None else terms,
        "@graph": [
            {
                "@id": name,
                "@graph": [
                    {"@id": subject, **{key: values for key, values in sorted(properties.items())}}
                    for subject, properties in sorted(nodes.items())
                ],
            }
            for name, nodes in sorted(graphs.items())
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
