"""What extraction produces: claims with their evidence. A claim is either a plain relation
(subject, predicate, object) or a qualified statement about a drug (an n-ary relation whose
node gets a stable IRI from its kind, its drug and its key values)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import Node

from ..namespaces import ID, MSKG, RDF

__all__ = ["Evidence", "Claim", "Triple", "claim_triples", "slug", "STATEMENT_KINDS"]

Triple = tuple[URIRef, URIRef, Node]

#: qualified-statement classes and the IRI path segment of their nodes
STATEMENT_KINDS: dict[URIRef, str] = {
    MSKG.RegulatoryDecision: "decision",
    MSKG.DosingRegimen: "regimen",
    MSKG.Risk: "risk",
    MSKG.MonitoringRequirement: "monitoring",
    MSKG.EfficacyFinding: "efficacy",
    MSKG.MechanismStatement: "mechanism",
    MSKG.TherapeuticUse: "use",
    MSKG.Study: "study",
}


def slug(term: Node | str) -> str:
    """A readable path segment for an IRI or a word.

    >>> slug(URIRef("https://w3id.org/mskg/ontology#FirstLineTherapy"))
    'first-line-therapy'
    >>> slug(URIRef("https://w3id.org/mskg/id/novantrone"))
    'novantrone'
    """
    text = str(term)
    if text.startswith(str(ID)):
        return text[len(str(ID)) :]
    local = re.split(r"[#/]", text)[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", local).lower()


@dataclass(frozen=True)
class Evidence:
    """Where a claim was read: a document and the character span of its sentence."""

    document: URIRef
    start: int
    end: int
    quote: str
    section: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    """One extracted fact.

    For a plain relation, ``relation`` is the predicate and ``object`` its object. For a
    qualified statement, ``relation`` is its class (``mskg:Risk`` …), ``subject`` the drug,
    ``key`` the values that identify the statement and ``qualifiers`` its property values.
    """

    rule: str
    evidence: Evidence
    relation: URIRef
    subject: URIRef
    object: Node | None = None
    key: tuple[str, ...] = ()
    qualifiers: tuple[tuple[URIRef, Node], ...] = ()

    @property
    def node(self) -> URIRef | None:
        """The IRI of a qualified statement's node (``None`` for a plain relation)."""
        kind = STATEMENT_KINDS.get(self.relation)
        if kind is None:
            return None
        return ID["/".join([kind, slug(self.subject), *self.key])]


def claim_triples(claim: Claim) -> list[Triple]:
    """The facts a claim asserts: one triple, or a qualified statement's node and its values."""
    node = claim.node
    if node is None:
        assert claim.object is not None
        return [(claim.subject, claim.relation, claim.object)]
    return [
        (node, RDF.type, claim.relation),
        (node, MSKG.drug, claim.subject),
        *((node, prop, value) for prop, value in claim.qualifiers),
    ]
