"""What extraction produces: claims with their evidence. A claim is either a plain relation
(subject, predicate, object) or a qualified statement about a drug (an n-ary relation whose
node gets a stable IRI from its kind, its drug and its key values: :func:`statement_node`, which
the gold annotations use too)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import Node

from ..namespaces import ID, MSKG, RDF

__all__ = ["Evidence", "Claim", "Triple", "claim_triples", "slug", "statement_node", "statement_triples", "DESCRIPTIONS", "STATEMENT_KINDS", "STATEMENT_KEYS"]

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
    MSKG.Contraindication: "contraindication",
}
#: properties whose values are the text's own words for a time (kept as said: not scored, not checked)
DESCRIPTIONS = frozenset({MSKG.timeDescription, MSKG.onsetDescription, MSKG.typicalOnsetDescription})
#: the properties whose values identify a statement of each kind (its key), in IRI order, and the
#: word that stands in when the statement has no value for one
STATEMENT_KEYS: dict[URIRef, tuple[tuple[URIRef, str | None], ...]] = {
    MSKG.RegulatoryDecision: ((MSKG.agency, "unnamed-agency"), (MSKG.indication, None), (MSKG.decisionStatus, None)),
    MSKG.DosingRegimen: (),
    MSKG.Risk: ((MSKG.adverseEffect, None),),
    MSKG.MonitoringRequirement: ((MSKG.procedure, None),),
    MSKG.EfficacyFinding: ((MSKG.outcome, None), (MSKG.effect, "unspecified-effect")),
    MSKG.MechanismStatement: ((MSKG.mechanism, None),),
    MSKG.TherapeuticUse: ((MSKG.condition, None),),
    MSKG.Study: ((MSKG.conductedBy, "unnamed-conductor"),),
    MSKG.Contraindication: ((MSKG.condition, None),),
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


def statement_node(kind: URIRef, drug: URIRef, qualifiers: tuple[tuple[URIRef, Node], ...]) -> URIRef:
    """The IRI of a qualified statement: its kind, its drug and its key values
    (``id:decision/novantrone/fda/relapsing-remitting-ms/approved``), and its assertion status
    when that is not affirmed, so that a negated or hedged statement never merges with an
    affirmed one. A mechanism statement that names no mechanism is keyed by its target.

    >>> statement_node(MSKG.Risk, ID.tysabri, ((MSKG.adverseEffect, ID.pml), (MSKG.assertionStatus, MSKG.Affirmed)))
    rdflib.term.URIRef('https://w3id.org/mskg/id/risk/tysabri/pml')
    """
    values: dict[URIRef, list[Node]] = {}
    for prop, value in qualifiers:
        values.setdefault(prop, []).append(value)
    key = []
    for prop, missing in STATEMENT_KEYS[kind]:
        found = sorted(values.get(prop, []), key=str)
        if not found and kind == MSKG.MechanismStatement:
            found = sorted(values.get(MSKG.target, []), key=str)
        key.append(slug(found[0]) if found else missing or "unspecified")
    status = values.get(MSKG.assertionStatus, [MSKG.Affirmed])[0]
    if status != MSKG.Affirmed:
        key.append(slug(status))
    return ID["/".join([STATEMENT_KINDS[kind], slug(drug), *key])]


@dataclass(frozen=True)
class Claim:
    """One extracted fact.

    For a plain relation, ``relation`` is the predicate and ``object`` its object. For a
    qualified statement, ``relation`` is its class (``mskg:Risk`` …), ``subject`` the drug and
    ``qualifiers`` its property values (which include its key, see :func:`statement_node`).
    """

    rule: str
    evidence: Evidence
    relation: URIRef
    subject: URIRef
    object: Node | None = None
    qualifiers: tuple[tuple[URIRef, Node], ...] = ()

    def value(self, prop: URIRef) -> Node | None:
        """A qualified statement's first value of a property (``None`` when it has none)."""
        return next((v for p, v in self.qualifiers if p == prop), None)

    @property
    def node(self) -> URIRef | None:
        """The IRI of a qualified statement's node (``None`` for a plain relation)."""
        if self.relation not in STATEMENT_KINDS:
            return None
        return statement_node(self.relation, self.subject, self.qualifiers)


def statement_triples(kind: URIRef, drug: URIRef, qualifiers: tuple[tuple[URIRef, Node], ...]) -> list[Triple]:
    """The facts of a qualified statement: its node's kind, its drug and its property values."""
    node = statement_node(kind, drug, qualifiers)
    return [(node, RDF.type, kind), (node, MSKG.drug, drug), *((node, prop, value) for prop, value in qualifiers)]


def claim_triples(claim: Claim) -> list[Triple]:
    """The facts a claim asserts: one triple, or a qualified statement's node and its values."""
    if claim.relation not in STATEMENT_KINDS:
        assert claim.object is not None
        return [(claim.subject, claim.relation, claim.object)]
    return statement_triples(claim.relation, claim.subject, claim.qualifiers)
