"""Looking up what the dataset says about one resource, for the server's entity pages: its facts
with the evidence behind each, what points to it, its labels. Only quad-pattern lookups on the
store (:meth:`kg.store.base.Store.quads`), so a page costs a bounded amount of work and needs no
query worker.

>>> from kg.store import open_store
>>> resources = Resources(open_store(doctest_store))
>>> resources.label("https://w3id.org/mskg/id/novantrone")
'Novantrone'
>>> fact = next(f for f in resources.facts("https://w3id.org/mskg/id/novantrone") if f.predicate.endswith("manufacturer"))
>>> fact.evidence[0].document.rsplit("/", 1)[-1], "Novantrone" in fact.evidence[0].quote
('infusion-treatments', True)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..iris import BASE, GRAPH_IRIS, PREFIXES
from ..store import Store

__all__ = ["Evidence", "Fact", "Resources", "local_path"]

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_PROV = PREFIXES["prov"]
_OA = PREFIXES["oa"]
_LABELS = (_SKOS + "prefLabel", _RDFS + "label", PREFIXES["dcterms"] + "title")
#: most incoming links shown for one resource
MAX_INCOMING = 500


def local_path(iri: str) -> str | None:
    """Where the server answers for an IRI of this dataset (None for other IRIs).

    >>> local_path("https://w3id.org/mskg/ontology#Drug")
    '/ontology#Drug'
    """
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the quote, its character span in the document, and the rule."""

    statement: str
    quote: str
    document: str
    start: int | None
    end: int | None
    rule: str | None


@dataclass
class Fact:
    subject: str
    predicate: str
    object: Any  # pyoxigraph term
    graph: str
    evidence: list[Evidence] = field(default_factory=list)


class Resources:
    """The dataset of a store, looked up by IRI."""

    def __init__(self, store: Store) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.store = store
        self.graphs: dict[str, int] = store.graph_sizes()  # named graph -> its number of triples
        self._labels: dict[str, str] = {}
        self._hash_terms: dict[str, set[str]] = defaultdict(set)
        for quad in store.quads(graph=ox.NamedNode(GRAPH_IRIS["ontology"])):
            subject = quad.subject.value
            if "#" in subject:
                self._hash_terms[subject.split("#", 1)[0]].add(subject)
        for predicate in reversed(_LABELS):  # the preferred label wins
            for labelled in store.quads(None, ox.NamedNode(predicate), None):
                self._labels[labelled.subject.value] = labelled.object.value

    def label(self, iri: str) -> str | None:
        return self._labels.get(iri)

    def labels(self) -> dict[str, str]:
        """Every labelled IRI with its preferred label."""
        return dict(self._labels)

    def exists(self, iri: str) -> bool:
        node = self._ox.NamedNode(iri)
        return (
            iri in self.graphs
            or iri in self._hash_terms
            or any(True for _ in self.store.quads(node, None, None))
            or any(True for _ in self.store.quads(None, None, node))
        )

    def subjects(self, iri: str) -> list[str]:
        """The resources a page for ``iri`` covers: itself and, for a document IRI such as the
        ontology's, the ``#`` terms under it."""
        return [iri, *sorted(self._hash_terms.get(iri, ()))]

    def facts(self, iri: str) -> list[Fact]:
        """What is said about ``iri`` as subject, in every graph, with the evidence of extracted facts."""
        node = self._ox.NamedNode(iri)
        facts = [
            Fact(q.subject.value, q.predicate.value, q.object, q.graph_name.value)
            for q in self.store.quads(node, None, None)
        ]
        for fact in facts:
            if fact.graph == GRAPH_IRIS["facts"]:
                fact.evidence = self.evidence(fact.subject, fact.predicate, fact.object)
        return sorted(facts, key=lambda f: (f.graph, f.predicate, str(f.object)))

    def incoming(self, iri: str) -> list[Fact]:
        """Facts that point at ``iri`` (at most MAX_INCOMING), with their evidence."""
        facts = []
        for quad in self.store.quads(None, None, self._ox.NamedNode(iri)):
            fact = Fact(quad.subject.value, quad.predicate.value, quad.object, quad.graph_name.value)
            if fact.graph == GRAPH_IRIS["facts"]:
                fact.evidence = self.evidence(fact.subject, fact.predicate, fact.object)
            facts.append(fact)
            if len(facts) >= MAX_INCOMING:
                break
        return sorted(facts, key=lambda f: (f.graph, f.predicate, f.subject))

    def _value(self, subject: Any, predicate: str) -> Any:
        for quad in self.store.quads(subject, self._ox.NamedNode(_PROV + predicate), None):
            return quad.object
        return None

    def _statements(self, subject: str, predicate: str, obj: Any) -> list[Any]:
        ox = self._ox
        return [
            q.subject
            for q in self.store.quads(None, ox.NamedNode(_RDF + "subject"), ox.NamedNode(subject))
            if any(True for _ in self.store.quads(q.subject, ox.NamedNode(_RDF + "predicate"), ox.NamedNode(predicate)))
            and any(True for _ in self.store.quads(q.subject, ox.NamedNode(_RDF + "object"), obj))
        ]

    def selected(self, evidence: Any) -> tuple[str, int | None, int | None]:
        """What an evidence node's selectors select: the quote and its character span."""
        quote, start, end = "", None, None
        for selector in self.store.quads(evidence, self._ox.NamedNode(_OA + "hasSelector"), None):
            for q in self.store.quads(selector.object, None, None):
                name = q.predicate.value
                if name == _OA + "exact":
                    quote = q.object.value
                elif name == _OA + "start":
                    start = int(q.object.value)
                elif name == _OA + "end":
                    end = int(q.object.value)
        return quote, start, end

    def evidence(self, subject: str, predicate: str, obj: Any) -> list[Evidence]:
        """The quotes a fact was extracted from."""
        ox = self._ox
        out = []
        for statement in self._statements(subject, predicate, obj):
            rule = self._value(statement, "wasGeneratedBy")
            for derived in self.store.quads(statement, ox.NamedNode(_PROV + "wasDerivedFrom"), None):
                source = next(self.store.quads(derived.object, ox.NamedNode(_OA + "hasSource"), None), None)
                quote, start, end = self.selected(derived.object)
                out.append(
                    Evidence(
                        statement.value,
                        quote,
                        source.object.value if source else "",
                        start,
                        end,
                        rule.value if rule is not None else None,
                    )
                )
        return sorted(out, key=lambda e: (e.document, e.start or 0))

    def description(self, iri: str) -> list[Any]:
        """Quads for an RDF answer about ``iri``: what is said about it (and its ``#`` terms) and
        the provenance of its extracted facts: statements, evidence and selectors."""
        ox = self._ox
        quads: list[Any] = []
        seen: set[str] = set()

        def about(node: Any) -> None:
            if node.value in seen:
                return
            seen.add(node.value)
            quads.extend(self.store.quads(node, None, None))

        for subject in self.subjects(iri):
            about(ox.NamedNode(subject))
            for selector in self.store.quads(ox.NamedNode(subject), ox.NamedNode(_OA + "hasSelector"), None):
                about(selector.object)  # an evidence node comes with its quote and position
            for fact in self.facts(subject):
                for evidence in fact.evidence:
                    about(ox.NamedNode(evidence.statement))
                    for derived in self.store.quads(
                        ox.NamedNode(evidence.statement), ox.NamedNode(_PROV + "wasDerivedFrom"), None
                    ):
                        about(derived.object)
                        for selector in self.store.quads(derived.object, ox.NamedNode(_OA + "hasSelector"), None):
                            about(selector.object)
        if iri in self.graphs:
            quads.extend(self.store.quads(None, None, None, ox.NamedNode(iri)))
        return quads
