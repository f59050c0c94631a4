"""The documents behind the facts, for the evidence viewer: each source document's text and the
spans of it that facts were read from (with the facts, their rule and whether the text negates or
hedges them), each statement's quotes, and the statements that disagree with it.

Texts come from the build's ``texts/`` folder (what evidence offsets point into). A text is only
shown when, for every span, the text from its start to its end is exactly its quote: a text that
does not belong to the build is never shown with wrong highlights.

>>> from kg.store import open_store
>>> sources = Sources(Resources(open_store(doctest_store)), doctest_store / "texts")
>>> document = sources.document("https://w3id.org/mskg/id/document/infusion-treatments")
>>> document.text is not None and len(document.spans) > 20
True
>>> span = next(s for s in document.spans if s.quote == "Novantrone (mitoxantrone)")
>>> document.text[span.start : span.end], sorted({f.predicate.rsplit("#")[-1] for f in span.facts})[:1]
('Novantrone (mitoxantrone)', ['hasActiveIngredient'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..iris import BASE, GRAPH_IRIS, PREFIXES
from ..store.files import document_text
from .resources import Resources

__all__ = ["DocumentView", "SourceStatement", "Sources", "Span", "fragment"]

_RDF = PREFIXES["rdf"]
_PROV = PREFIXES["prov"]
_OA = PREFIXES["oa"]
_DCTERMS = PREFIXES["dcterms"]
_MSKG = BASE + "ontology#"
_DOCUMENT = BASE + "id/document/"
#: values of a statement's status that mean the text does not affirm it
_NEGATIVE = {_MSKG + name for name in ("Negated", "NotApproved", "NotIntended")}
_HEDGED = {_MSKG + "Hedged"}
_STATUS_PROPERTIES = (_MSKG + "assertionStatus", _MSKG + "decisionStatus")
#: properties that do not tell two n-ary statements apart when looking for disagreements
_NOT_IN_KEY = {
    *_STATUS_PROPERTIES,
    _MSKG + "year",
    PREFIXES["rdfs"] + "label",
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["skos"] + "altLabel",
}


def fragment(start: int, end: int) -> str:
    """The URL fragment of a character span of a document's page: RFC 5147's ``char=`` form, which
    is also the id of the span's highlight, so the browser scrolls to it with no script."""
    return f"char={start},{end}"


@dataclass(frozen=True)
class SourceStatement:
    """One extracted triple, as evidence shows it: the statement node, the triple, the rule that
    made it and whether the text affirms, negates or hedges it."""

    statement: str
    subject: str
    predicate: str
    object: Any  # pyoxigraph term
    rule: str | None
    status: str  # "affirmed", "negated" or "hedged"


@dataclass
class Span:
    """A stretch of a document that facts were read from."""

    evidence: str
    start: int
    end: int
    quote: str
    section: str | None
    facts: list[SourceStatement] = field(default_factory=list)

    @property
    def marks(self) -> list[str]:
        """How the text states what was read from it: ``negated`` if it negates any of the facts,
        ``hedged`` if it hedges any (a passage may do both, or neither)."""
        return [kind for kind in ("negated", "hedged") if any(f.status == kind for f in self.facts)]

    @property
    def relation(self) -> str:
        """What most of its facts state (the colour of its highlight): the class of an n-ary
        statement (a risk, a regulatory decision, a dosing regimen) or the property of a plain
        triple (a brand's ingredient)."""
        classes = {f.subject: f.object.value for f in self.facts if f.predicate == _RDF + "type"}
        counts: dict[str, int] = {}
        for fact in self.facts:
            kind = classes.get(fact.subject, fact.predicate)
            counts[kind] = counts.get(kind, 0) + 1
        return min(counts, key=lambda k: (-counts[k], k)) if counts else ""


@dataclass
class DocumentView:
    """A source document: its metadata facts, its text (None when the build's text is not at hand)
    and its spans in reading order. ``mismatched`` counts spans whose quote is not the text there."""

    iri: str
    text: str | None
    spans: list[Span]
    mismatched: int = 0


class Sources:
    """Source documents and statements of a store, looked up by IRI.

    :param texts: the folder of the build's document texts (``<slug>.txt``), if there is one.
    """

    def __init__(self, resources: Resources, texts: Path | None) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.resources = resources
        self.store = resources.store
        self.texts = texts

    def node(self, iri: str) -> Any:
        """The store's term for an IRI."""
        return self._ox.NamedNode(iri)

    def source_of(self, evidence: str) -> str | None:
        """The document an evidence node quotes."""
        found = self._objects(self.node(evidence), _OA + "hasSource")
        return found[0].value if found else None

    def _objects(self, subject: Any, predicate: str) -> list[Any]:
        return [q.object for q in self.store.quads(subject, self.node(predicate), None)]

    def is_a(self, iri: str, kind: str) -> bool:
        """Whether ``iri`` is typed ``kind`` (a full IRI) anywhere in the dataset."""
        return any(True for _ in self.store.quads(self.node(iri), self.node(_RDF + "type"), self.node(kind)))

    def documents(self) -> list[tuple[str, int]]:
        """Every source document with the number of evidence spans read from it, by IRI."""
        counts: dict[str, int] = {}
        kind = self.node(_MSKG + "SourceDocument")
        for quad in self.store.quads(None, self.node(_RDF + "type"), kind):
            counts[quad.subject.value] = 0
        for quad in self.store.quads(None, self.node(_OA + "hasSource"), None):
            if quad.object.value in counts:
                counts[quad.object.value] += 1
        return sorted(counts.items())

    def text(self, document: str) -> str | None:
        """The document's text as the build read it, or None when it is not at hand."""
        if self.texts is None or not document.startswith(_DOCUMENT):
            return None
        slug = document[len(_DOCUMENT) :]
        if "/" in slug or slug.startswith("."):
            return None
        try:
            return document_text(self.texts, slug)
        except StoreError:
            return None

    def status(self, node: Any) -> str:
        """Whether the text affirms, negates or hedges what an n-ary node (an IRI or a term) states."""
        if isinstance(node, str):
            node = self.node(node)
        if type(node).__name__ != "NamedNode":
            return "affirmed"
        for predicate in _STATUS_PROPERTIES:
            for value in self._objects(node, predicate):
                if value.value in _NEGATIVE:
                    return "negated"
                if value.value in _HEDGED:
                    return "hedged"
        return "affirmed"

    def statement(self, iri: str) -> SourceStatement | None:
        """The triple a statement node reifies, with its rule and status."""
        node = self.node(iri)
        parts = {}
        for name in ("subject", "predicate", "object"):
            values = self._objects(node, _RDF + name)
            if not values:
                return None
            parts[name] = values[0]
        rules = self._objects(node, _PROV + "wasGeneratedBy")
        return SourceStatement(
            iri,
            parts["subject"].value,
            parts["predicate"].value,
            parts["object"],
            rules[0].value if rules else None,
            self.status(parts["subject"]),
        )

    def span(self, evidence: Any) -> Span | None:
        """An evidence node as a span with the facts read from it."""
        quote, start, end = self.resources.selected(evidence)
        if start is None or end is None:
            return None
        sections = self._objects(evidence, _MSKG + "sectionPath")
        span = Span(evidence.value, start, end, quote, sections[0].value if sections else None)
        for quad in self.store.quads(None, self.node(_PROV + "wasDerivedFrom"), evidence):
            fact = self.statement(quad.subject.value)
            if fact is not None:
                span.facts.append(fact)
        span.facts.sort(key=lambda f: (f.predicate, f.subject, str(f.object)))
        return span

    def document(self, iri: str) -> DocumentView:
        """A source document with its text and every span facts were read from."""
        text = self.text(iri)
        spans = []
        for quad in self.store.quads(None, self.node(_OA + "hasSource"), self.node(iri)):
            span = self.span(quad.subject)
            if span is not None and span.facts:
                spans.append(span)
        spans.sort(key=lambda s: (s.start, -s.end))
        mismatched = 0
        if text is not None:
            mismatched = sum(1 for s in spans if text[s.start : s.end] != s.quote)
        return DocumentView(iri, text if not mismatched else None, spans, mismatched)

    def evidence_of(self, statement: str) -> list[tuple[str, Span]]:
        """(document, span) for each place a statement was read, by document and position."""
        found = []
        for evidence in self._objects(self.node(statement), _PROV + "wasDerivedFrom"):
            sources = self._objects(evidence, _OA + "hasSource")
            span = self.span(evidence)
            if sources and span is not None:
                found.append((sources[0].value, span))
        return sorted(found, key=lambda pair: (pair[0], pair[1].start))

    def statements_about(self, node: str) -> list[SourceStatement]:
        """The statements whose subject is ``node``."""
        found = []
        for quad in self.store.quads(None, self.node(_RDF + "subject"), self.node(node)):
            fact = self.statement(quad.subject.value)
            if fact is not None:
                found.append(fact)
        return sorted(found, key=lambda f: (f.predicate, str(f.object)))

    def _aliases(self, value: Any) -> set[str]:
        """A value and the other names of the same drug: its ingredient, and every product of it."""
        ingredient = self.node(_MSKG + "hasActiveIngredient")
        ingredients = {q.object.value for q in self.store.quads(value, ingredient, None)} or {value.value}
        names = {value.value, *ingredients}
        for name in ingredients:
            names.update(q.subject.value for q in self.store.quads(None, ingredient, self.node(name)))
        return names

    def _key(self, node: Any) -> dict[str, set[str]]:
        """What an n-ary node states apart from its status: property -> the values (and their
        other names) it has."""
        key: dict[str, set[str]] = {}
        # asserted facts only: inferred superclasses (every statement is a DrugStatement) tell nothing apart
        for quad in self.store.quads(node, None, None, self.node(GRAPH_IRIS["facts"])):
            predicate = quad.predicate.value
            if predicate in _NOT_IN_KEY:
                continue
            names = self._aliases(quad.object) if type(quad.object).__name__ == "NamedNode" else {quad.object.value}
            key.setdefault(predicate, set()).update(names)
        return key

    def disagreeing(self, node: str) -> list[str] | None:
        """Other n-ary nodes of the same kind about the same drug (a product counts as its
        ingredient) that state the opposite: one negated (or not approved), the other not. Hedged
        and affirmed statements do not disagree. Two nodes match when every property both have
        shares a value. None for a node that has no status to disagree about."""
        subject = self.node(node)
        if not any(self._objects(subject, p) for p in _STATUS_PROPERTIES):
            return None
        negated = self.status(subject) == "negated"
        key = self._key(subject)
        drug, kind = _MSKG + "drug", _RDF + "type"
        if drug not in key or kind not in key:
            return []
        candidates = {
            q.subject.value for name in key[drug] for q in self.store.quads(None, self.node(drug), self.node(name))
        }
        out = []
        for candidate in sorted(candidates - {node}):
            other = self.node(candidate)
            if (self.status(other) == "negated") == negated:
                continue
            other_key = self._key(other)
            if kind in other_key and all(other_key[p] & key[p] for p in key.keys() & other_key.keys()):
                out.append(candidate)
        return out
