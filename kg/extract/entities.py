"""The entities a document names that the ontology does not list: each gets its IRI (minted from
its name), and, as facts with the evidence of the mention that introduced it, its type, its label,
the other names the document gives it, and its DrugBank id where the drug dictionary knows one.

A type comes from the entity's kind (a drug, a procedure, a cell type) and from the role a fact
gives it: a condition named as a side effect is an adverse effect, as the object of
``mskg:indication`` a condition. A role that contradicts the entity's own kind (a molecule used
as a side effect) drops that fact, so that the data stays consistent under the ontology's
disjointness axioms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..namespaces import MSKG, OWL, RDF, RDFS, SCHEMA, SKOS
from .claims import STATEMENT_KINDS, Claim, Evidence
from .lexicon import Mention
from .names import normal_form

__all__ = ["ENTITY_RULE", "Registry", "KIND_CLASSES"]

#: the rule id of entity facts (typing, labels, names, groundings)
ENTITY_RULE = "entity-recognition"
DRUGBANK = "https://go.drugbank.com/drugs/"

#: mention kind -> the class an entity of that kind belongs to
KIND_CLASSES: dict[str, URIRef] = {
    "ingredient": MSKG.Ingredient,
    "product": MSKG.BrandedProduct,
    "therapy": MSKG.TherapeuticProcedure,
    "condition": MSKG.Condition,
    "adverse_effect": MSKG.AdverseEffect,
    "state": MSKG.PhysiologicalState,
    "course": MSKG.DiseaseCourse,
    "agency": MSKG.RegulatoryAgency,
    "company": MSKG.Company,
    "organization": MSKG.Organization,
    "procedure": MSKG.MonitoringProcedure,
    "route": MSKG.RouteOfAdministration,
    "setting": MSKG.CareSetting,
    "population": MSKG.PatientPopulation,
    "organ": MSKG.Organ,
    "outcome": MSKG.ClinicalOutcome,
    "mechanism": MSKG.MechanismOfAction,
    "target": MSKG.BiologicalTarget,
}
#: the class a statement property requires of its value (the SHACL shapes check it)
ROLE_CLASSES: dict[URIRef, URIRef] = {
    MSKG.adverseEffect: MSKG.AdverseEffect,
    MSKG.manifestation: MSKG.AdverseEffect,
    MSKG.indication: MSKG.Condition,
    MSKG.condition: MSKG.Condition,
    MSKG.reason: MSKG.Condition,
    MSKG.comparedWithUseFor: MSKG.Condition,
    MSKG.procedure: MSKG.MonitoringProcedure,
    MSKG.population: MSKG.PatientPopulation,
    MSKG.checks: MSKG.Organ,
    MSKG.outcome: MSKG.ClinicalOutcome,
    MSKG.mechanism: MSKG.MechanismOfAction,
    MSKG.target: MSKG.BiologicalTarget,
    MSKG.careSetting: MSKG.CareSetting,
    MSKG.route: MSKG.RouteOfAdministration,
    MSKG.agency: MSKG.RegulatoryAgency,
    MSKG.conductedBy: MSKG.Organization,
    MSKG.fundedBy: MSKG.Organization,
    MSKG.manufacturer: MSKG.Organization,
}
#: the group of classes a role also takes, without giving its value the role's class: a condition a
#: treatment moved is a finding's outcome ("reduced spasticity"), and stays a condition
_ALSO_FITS = {MSKG.outcome: "condition"}
#: groups of classes that exclude each other (the ontology's AllDisjointClasses), by member
_DISJOINT_GROUP = {
    MSKG.Ingredient: "drug", MSKG.BrandedProduct: "drug", MSKG.DrugProduct: "drug", MSKG.Drug: "drug",
    MSKG.Condition: "condition", MSKG.AdverseEffect: "condition", MSKG.MSSubtype: "condition",
    MSKG.MSCondition: "condition", MSKG.PhysiologicalState: "condition", MSKG.RegulatoryAgency: "organization", MSKG.Company: "organization",
    MSKG.Organization: "organization", MSKG.ResearchCenter: "organization", MSKG.AdvocacyGroup: "organization",
    MSKG.TherapeuticProcedure: "therapy", MSKG.MonitoringProcedure: "procedure", MSKG.RouteOfAdministration: "route", MSKG.CareSetting: "setting",
    MSKG.PatientPopulation: "population", MSKG.Organ: "organ", MSKG.ClinicalOutcome: "outcome",
    MSKG.MechanismOfAction: "mechanism", MSKG.BiologicalTarget: "target", MSKG.Placebo: "placebo",
}  # fmt: skip


@dataclass
class _Entity:
    iri: URIRef
    kind: str
    label: str
    evidence: Evidence
    names: dict[str, Evidence] = field(default_factory=dict)
    drugbank: str | None = None


def _label(mention: Mention) -> str:
    if mention.kind in ("product", "company", "agency", "organization"):
        text = mention.text.rstrip("".join("\u00ae\u2122\u00a9")).strip()
        return text.capitalize() if text.isupper() and len(text) > 4 else text
    return mention.label or normal_form(mention.text)


class Registry:
    """Every entity a document mentions, with the evidence of its first mention."""

    def __init__(self, known: dict[URIRef, str], grounded: frozenset[URIRef] = frozenset()) -> None:
        #: IRIs the ontology names, and their kind
        self.known = known
        #: IRIs the ontology grounds in DrugBank itself
        self.grounded = grounded
        self._entities: dict[URIRef, _Entity] = {}
        #: every name the document gives a thing (normal form -> IRI), for resolving names
        self.names: dict[str, URIRef] = {}

    def note(self, mentions: Iterable[Mention], evidence: Evidence) -> None:
        for m in mentions:
            if m.parts:
                self.note(m.parts, evidence)  # "cervical cancer" in "cervical cancer screening"
            if m.source == "span" and m.label:  # minted from words that name it indirectly ("check your pulse")
                self.names.setdefault(m.label, m.iri)
                self._entities.setdefault(m.iri, _Entity(m.iri, m.kind, _label(m), evidence, drugbank=m.drugbank))
                continue
            self.names.setdefault(normal_form(m.text), m.iri)
            if m.label:
                self.names.setdefault(normal_form(m.label), m.iri)
            entity = self._entities.get(m.iri)
            if entity is None:
                entity = self._entities[m.iri] = _Entity(m.iri, m.kind, _label(m), evidence, drugbank=m.drugbank)
            entity.names.setdefault(normal_form(m.text), evidence)

    def kind_of(self, iri: URIRef) -> str | None:
        if iri in self.known:
            return self.known[iri]
        entity = self._entities.get(iri)
        return entity.kind if entity else None

    def _own_group(self, iri: URIRef) -> str | None:
        kind = self.kind_of(iri)
        cls = KIND_CLASSES.get(kind or "")
        return _DISJOINT_GROUP.get(cls) if cls is not None else None

    def consistent(self, claims: list[Claim]) -> list[Claim]:
        """The claims whose values fit the kind of entity they name (a role that contradicts an
        entity's own kind is a misreading, and would make the data inconsistent)."""
        kept = []
        for claim in claims:
            values = list(claim.qualifiers) + ([(claim.relation, claim.object)] if claim.object is not None else [])
            if all(self._fits(prop, value) for prop, value in values):
                kept.append(claim)
        return kept

    def _fits(self, prop: URIRef, value: Node) -> bool:
        required = ROLE_CLASSES.get(prop)
        if required is None or not isinstance(value, URIRef):
            return True
        own = self._own_group(value)
        return own is None or own == _DISJOINT_GROUP.get(required) or own == _ALSO_FITS.get(prop)

    def facts(self, claims: list[Claim]) -> list[Claim]:
        """The entity facts for the entities the claims use: the minted ones' type, label, other
        names and DrugBank id; and, for any entity, the type a role gives it that it lacks."""
        roles: dict[URIRef, dict[URIRef, Evidence]] = {}
        used: dict[URIRef, Evidence] = {}

        def use(iri: Node, evidence: Evidence, role: URIRef | None = None) -> None:
            if isinstance(iri, URIRef) and iri in self._entities or iri in self.known:
                used.setdefault(iri, evidence)  # type: ignore[arg-type]
                if role is not None:
                    roles.setdefault(iri, {}).setdefault(role, evidence)  # type: ignore[arg-type]

        for claim in claims:
            if claim.relation in STATEMENT_KINDS:
                use(claim.subject, claim.evidence)
                for prop, value in claim.qualifiers:
                    also = isinstance(value, URIRef) and _ALSO_FITS.get(prop) is not None and self._own_group(value) == _ALSO_FITS[prop]
                    use(value, claim.evidence, None if also else ROLE_CLASSES.get(prop))
            else:
                use(claim.subject, claim.evidence, MSKG.DrugProduct if claim.relation == MSKG.hasActiveIngredient else None)
                if claim.object is not None:
                    role = {MSKG.hasActiveIngredient: MSKG.Ingredient, MSKG.manufacturer: MSKG.Organization}.get(
                        claim.relation
                    )
                    use(claim.object, claim.evidence, role)
        out: list[Claim] = []
        for iri in used:
            entity = self._entities.get(iri)
            own = KIND_CLASSES.get(self.kind_of(iri) or "")
            if iri not in self.known and entity is not None:
                out += self._minted(entity, own)
            elif entity is not None and entity.drugbank and iri not in self.grounded:
                # the ontology lists it without an id; the drug dictionary knows its DrugBank record
                out.append(_fact(entity.evidence, iri, SKOS.exactMatch, URIRef(DRUGBANK + entity.drugbank)))
            for role, role_evidence in roles.get(iri, {}).items():
                if role is not None and not _implied(role, own):
                    out.append(_fact(role_evidence, iri, RDF.type, role))
        return out

    def _minted(self, entity: _Entity, own: URIRef | None) -> list[Claim]:
        e = entity.evidence
        facts = [_fact(e, entity.iri, RDFS.label, Literal(entity.label, lang="en"))]
        if entity.kind == "drug_class":
            facts += [
                _fact(e, entity.iri, RDF.type, OWL.Class),
                _fact(e, entity.iri, RDF.type, SCHEMA.DrugClass),
                _fact(e, entity.iri, RDFS.subClassOf, MSKG.Drug),
            ]
        elif own is not None:
            facts.append(_fact(e, entity.iri, RDF.type, own))
            facts.append(_fact(e, entity.iri, RDF.type, OWL.NamedIndividual))  # as entities.ttl declares its own
        for name, evidence in entity.names.items():
            if name != normal_form(entity.label):
                facts.append(_fact(evidence, entity.iri, SKOS.altLabel, Literal(name, lang="en")))
        if entity.drugbank:
            facts.append(_fact(e, entity.iri, SKOS.exactMatch, URIRef(DRUGBANK + entity.drugbank)))
        return facts


#: classes an entity of a kind already belongs to, besides its kind's own class
_IMPLIED = {
    MSKG.AdverseEffect: {MSKG.Condition},
    MSKG.MSSubtype: {MSKG.Condition},
    MSKG.Company: {MSKG.Organization},
    MSKG.RegulatoryAgency: {MSKG.Organization},
    MSKG.BrandedProduct: {MSKG.DrugProduct},
}


def _implied(role: URIRef, own: URIRef | None) -> bool:
    return own is not None and (role == own or role in _IMPLIED.get(own, set()))


def _fact(evidence: Evidence, subject: URIRef, predicate: URIRef, obj: Node) -> Claim:
    return Claim(ENTITY_RULE, evidence, predicate, subject, obj)
