"""From claims to RDF: the facts graph (one triple per asserted fact, no blank nodes) and the
provenance graph (for every fact an rdf:Statement derived from Web Annotation evidence: the
document, the exact quote and its character offsets, the section, and the rule)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from ..extract.claims import Claim, Evidence, Triple, claim_triples
from ..extract.documents import Document
from ..namespaces import DCTERMS, ID, MSKG, OA, PROV, RDF, RDFS, SCHEMA, XSD

__all__ = ["facts_graph", "provenance_graph", "statement_iri", "evidence_iri"]


def facts_graph(claims: Iterable[Claim]) -> tuple[Graph, dict[Triple, set[tuple[Evidence, str]]]]:
    """The facts graph, and for each of its triples the evidence and rules behind it."""
    graph = Graph()
    support: dict[Triple, set[tuple[Evidence, str]]] = defaultdict(set)
    for claim in claims:
        for triple in claim_triples(claim):
            graph.add(triple)
            support[triple].add((claim.evidence, claim.rule))
    return graph, support


def statement_iri(triple: Triple) -> URIRef:
    """A stable IRI for the statement about a fact (a digest of the triple)."""
    s, p, o = triple
    digest = hashlib.sha1(f"{s.n3()} {p.n3()} {o.n3()}".encode()).hexdigest()[:20]
    return ID[f"statement/{digest}"]


def evidence_iri(evidence: Evidence) -> URIRef:
    return URIRef(f"{ID}evidence/{str(evidence.document).rsplit('/', 1)[-1]}/{evidence.start}-{evidence.end}")


def provenance_graph(
    documents: Iterable[Document], support: dict[Triple, set[tuple[Evidence, str]]], rules: dict[str, str]
) -> Graph:
    """Statements, evidence, documents and rules, as the DESIGN.md contract lays them out."""
    graph = Graph()
    for doc in documents:
        graph.add((doc.iri, RDF.type, MSKG.SourceDocument))
        graph.add((doc.iri, DCTERMS.title, Literal(doc.title)))
        graph.add((doc.iri, DCTERMS.identifier, Literal(doc.path.name)))
        graph.add((doc.iri, MSKG.sha256, Literal(doc.sha256)))
        graph.add((doc.iri, MSKG.characterCount, Literal(len(doc.text))))
        graph.add((doc.iri, DCTERMS["format"], Literal(doc.metadata.media_type)))
        if doc.kind:
            graph.add((doc.iri, MSKG.documentKind, MSKG[doc.kind.capitalize()]))
        if doc.metadata.publisher:
            graph.add((doc.iri, DCTERMS.publisher, Literal(doc.metadata.publisher)))
        if doc.metadata.date:
            graph.add((doc.iri, DCTERMS.issued, Literal(doc.metadata.date, datatype=XSD.date)))
        if doc.metadata.url:
            graph.add((doc.iri, SCHEMA.url, URIRef(doc.metadata.url)))
        if doc.breadcrumb:
            graph.add((doc.iri, MSKG.breadcrumb, Literal(" > ".join(doc.breadcrumb))))
    for name, description in rules.items():
        rule = ID[f"rule/{name}"]
        graph.add((rule, RDF.type, MSKG.ExtractionRule))
        graph.add((rule, RDFS.label, Literal(name)))
        graph.add((rule, RDFS.comment, Literal(description)))
    for triple, sources in support.items():
        statement = statement_iri(triple)
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, triple[0]))
        graph.add((statement, RDF.predicate, triple[1]))
        graph.add((statement, RDF.object, triple[2]))
        for evidence, rule_id in sources:
            node = evidence_iri(evidence)
            graph.add((statement, PROV.wasDerivedFrom, node))
            graph.add((statement, PROV.wasGeneratedBy, ID[f"rule/{rule_id}"]))
            quote, position = URIRef(str(node) + "/quote"), URIRef(str(node) + "/position")
            graph.add((node, RDF.type, OA.SpecificResource))
            graph.add((node, OA.hasSource, evidence.document))
            graph.add((node, OA.hasSelector, quote))
            graph.add((node, OA.hasSelector, position))
            graph.add((node, MSKG.sectionPath, Literal(" > ".join(evidence.section))))
            graph.add((quote, RDF.type, OA.TextQuoteSelector))
            graph.add((quote, OA.exact, Literal(evidence.quote)))
            graph.add((position, RDF.type, OA.TextPositionSelector))
            # xsd:integer, as DESIGN.md writes it: Oxigraph stores xsd:nonNegativeInteger as integer anyway
            graph.add((position, OA.start, Literal(evidence.start)))
            graph.add((position, OA.end, Literal(evidence.end)))
    return graph
