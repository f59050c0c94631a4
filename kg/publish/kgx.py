"""The dataset as a KGX graph with Biolink Model categories and predicates: ``mskg export --format kgx -o DIR``.

KGX (the exchange format of the Biomedical Data Translator's knowledge graphs) is a property
graph: ``nodes.jsonl`` has one JSON object per node (``id``, ``category``, ``name``, …) and
``edges.jsonl`` one per edge (``subject``, ``predicate``, ``object`` and the edge's properties).
``graph_metadata.json`` records the Biolink version the mapping was checked against, the
knowledge source and the CURIE prefixes of mskg's own identifiers.

**Why KGX JSON Lines, not TSV.** Both are KGX formats that ``kgx validate`` reads, but in KGX TSV a
list is written as values joined by ``|`` and read back by splitting on ``|``: a quoted sentence
that contains a ``|`` (table rows from PDF labels can) would come back as two quotes, misaligned
with its start and end. JSON Lines keeps lists as lists, numbers as numbers and any text as it is,
and streams line by line like TSV.

**Identifiers.** Every node keeps the IRI it has in the RDF dataset, as a CURIE: ``MSKG:<slug>`` for
``https://w3id.org/mskg/id/<slug>`` and ``MSKG.ONTOLOGY:<Name>`` for the ontology's terms (drug
classes are nodes). Verified external ids (DrugBank, ChEBI, MONDO, DOID, MeSH, Wikidata, ATC) are the
node's ``xref``, under the Biolink Model's prefixes, so a consumer can normalise nodes to them.
These two prefixes are not in the Biolink Model's prefix map, so KGX's validator reports every
node as having an unknown prefix unless they are added to the JSON-LD context it validates against
(``graph_metadata.json`` lists them; the test does exactly that and nothing else).

**Nodes: categories.** The most specific mskg type (asserted, or inferred by the reasoner) decides:

| mskg type | Biolink category | why |
|---|---|---|
| ``BrandedProduct``, ``DrugProduct`` | ``biolink:Drug`` | a product made to treat; Biolink's Drug is a molecular mixture (formulation) |
| ``Ingredient`` | ``biolink:ChemicalEntity`` | the active substance; whether it is a small molecule, a protein or a mixture (glatiramer) is not recorded, so not SmallMolecule |
| a drug class (an OWL class punned as ``schema:DrugClass``) | ``biolink:ChemicalEntity`` | Biolink has no drug-class category; classes of chemicals (ChEBI roles, ATC groups) are chemical entities in Translator graphs |
| ``Drug`` (neither) | ``biolink:Drug`` | |
| ``MSCondition``, ``MSSubtype`` | ``biolink:Disease`` | |
| ``PhysiologicalState`` | ``biolink:PhenotypicFeature`` | pregnancy, breastfeeding |
| ``AdverseEffect``, other ``Condition`` | ``biolink:DiseaseOrPhenotypicFeature`` | an adverse effect is a disease (PML) or a sign (headache); mskg does not say which |
| ``DiseaseCourse`` | ``biolink:ClinicalCourse`` | |
| ``MonitoringProcedure`` | ``biolink:Procedure`` | |
| ``Organization`` and its kinds | ``biolink:Agent`` | |
| ``Organ`` | ``biolink:GrossAnatomicalStructure`` | |
| ``PatientPopulation`` | ``biolink:PopulationOfIndividualOrganisms`` | |
| ``ClinicalOutcome`` | ``biolink:ClinicalFinding`` | relapse rate, disability progression |
| ``MechanismOfAction`` | ``biolink:BiologicalProcess`` | lymphocyte depletion |
| ``Placebo`` | ``biolink:ClinicalIntervention`` | |
| ``BiologicalTarget``, ``RouteOfAdministration``, ``CareSetting`` | ``biolink:NamedThing`` | targets are cells or molecules (not recorded which; BiologicalEntity is abstract); Biolink has no class for routes or settings |

Labels become ``name`` (``rdfs:label``) and ``synonym`` (``skos:altLabel``, other labels);
definitions ``description``; the mskg types ``mskg_category``.

**Edges: qualified statements are flattened.** Each n-ary statement (W3C note) becomes one edge from
its drug to the thing it is about, with a Biolink predicate; its other parts become the edge's
qualifiers and properties; the statement's IRI is the edge's ``id`` and its ``mskg_statement``:

| mskg statement | edge | Biolink predicate | qualifiers and properties |
|---|---|---|---|
| ``RegulatoryDecision`` | drug → indication | ``biolink:treats`` when approved; ``biolink:treats_or_applied_or_studied_to_treat`` when not approved or not intended | ``clinical_approval_status`` (``fda_approved_for_condition``, ``approved_for_condition``, ``not_approved_for_condition``); ``mskg_agency``, ``mskg_year``, ``mskg_decision_status``, ``mskg_disease_course`` |
| ``TherapeuticUse`` | drug → condition | ``biolink:applied_to_treat`` | ``mskg_use_extent``, ``mskg_after_failure_of``, ``mskg_disease_course`` |
| ``Contraindication`` | drug → condition | ``biolink:contraindicated_in`` | |
| ``Risk`` | drug → adverse effect | ``biolink:has_adverse_event`` | ``frequency_qualifier`` (rare, common), ``has_percentage`` (incidence), ``mskg_severity``, ``mskg_onset_timing``, ``mskg_onset_description`` |
| ``Risk``'s ``manifestation`` | adverse effect → sign | ``biolink:has_phenotype`` | ``mskg_drug`` (the drug of the risk) |
| ``Risk``'s ``riskFactor`` | factor → adverse effect | ``biolink:associated_with_increased_likelihood_of`` | ``mskg_drug`` |
| ``EfficacyFinding`` | drug → outcome | ``biolink:ameliorates_condition`` (reduction, slowing, reversal, improvement); ``biolink:preventative_for_condition`` (prevention); ``biolink:affects`` (no effect given) | ``has_percentage`` (magnitude), ``mskg_effect``, ``mskg_evidence_type``, ``mskg_comparator`` |
| ``MechanismStatement`` | drug → each target (or the mechanism, when no target is named) | ``biolink:affects`` | ``mskg_mechanism`` |
| ``MonitoringRequirement`` | drug → procedure | ``biolink:related_to`` (Biolink has no "is monitored with") | ``mskg_timing``, ``mskg_reason``, ``mskg_checks``, ``mskg_population`` |
| ``DosingRegimen`` | drug → route | ``biolink:related_to`` (Biolink's ``routes_of_delivery`` is a node property without evidence) | ``mskg_interval``, ``mskg_care_setting``, dose counts and periods |
| ``Study`` | drug → conducting organisation | ``biolink:related_to`` | ``mskg_funded_by`` |

Any part the table does not name becomes ``mskg_<part>`` (a list: CURIEs for entities, labels for
value-set members such as "rare", numbers for numbers). A statement whose text negates it gets
``negated: true``; every statement carries ``mskg_assertion_status`` (affirmed, negated, hedged).

**Edges: plain facts** keep their direction and get the fact's rdf:Statement IRI as ``id`` and the
mskg property as ``original_predicate``:

| mskg property | Biolink predicate |
|---|---|
| ``hasActiveIngredient`` | ``biolink:has_active_ingredient`` |
| ``manufacturer`` | ``biolink:produces``, from the organisation to the drug (the canonical direction) |
| ``rdf:type`` a drug class, ``rdfs:subClassOf`` | ``biolink:subclass_of`` (KGX nodes are concepts: membership of a drug class is subclassing, as for ATC and ChEBI classes) |
| any other property between two entities | ``biolink:related_to`` |

Types, labels and external ids of entities are node properties, not edges.

**Provenance, on every edge.** ``knowledge_level: knowledge_assertion`` (the documents assert it),
``agent_type: text_mining_agent`` (rules read it), ``primary_knowledge_source: infores:mskg``. Then
the passages the edge's facts were read from, as lists aligned index by index:
``supporting_documents`` (document IRIs; Biolink), ``supporting_text`` (the quote; Biolink),
``mskg_text_start`` and ``mskg_text_end`` (character offsets into the build's ``texts/<document>.txt``:
the text between them is the quote), ``mskg_text_section`` (section path), ``mskg_rule`` (the
extraction rule's IRI) and ``mskg_evidence`` (the evidence IRI in the provenance graph). An edge made
from a statement unites the passages of all the statement's facts it stands for.

Validated in the tests with kgx 2.6.0 (bmt 1.5.0, linkml-runtime 1.12) and the Biolink Model
4.4.6 as packaged on PyPI (``biolink-model``), offline (kgx and bmt download the model and a JSON-LD context from GitHub at
run time unless given local copies: ``tests/kgx_offline.py``). Built in bounded memory through
:mod:`kg.publish.tables`; files written under temporary names and renamed when both are complete.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import StoreError
from ..iris import ID, MSKG, PREFIXES
from ..store.files import DEFAULT_STORE, dataset_path, read_report
from .tables import DatasetTables, output_folder, replace_files

__all__ = [
    "NODES_FILE",
    "EDGES_FILE",
    "METADATA_FILE",
    "BIOLINK_VERSION",
    "INFORES",
    "CURIE_PREFIXES",
    "CATEGORIES",
    "STATEMENTS",
    "PROPERTY_PREDICATES",
    "KgxReport",
    "export_kgx",
    "curie",
]

NODES_FILE = "nodes.jsonl"
EDGES_FILE = "edges.jsonl"
METADATA_FILE = "graph_metadata.json"
#: the Biolink Model release the tables below were checked against (the tests validate with it)
BIOLINK_VERSION = "4.4.6"
#: mskg as a knowledge source (Translator's Information Resource Registry style)
INFORES = "infores:mskg"
KNOWLEDGE_LEVEL = "knowledge_assertion"
AGENT_TYPE = "text_mining_agent"

#: CURIE prefixes of mskg's own identifiers (not in the Biolink Model's prefix map)
CURIE_PREFIXES = {"MSKG": ID, "MSKG.ONTOLOGY": MSKG}
#: namespaces of the external ids mskg records -> Biolink Model prefixes
XREF_PREFIXES = {
    "https://go.drugbank.com/drugs/": "DRUGBANK",
    "http://purl.obolibrary.org/obo/CHEBI_": "CHEBI",
    "http://purl.obolibrary.org/obo/MONDO_": "MONDO",
    "http://purl.obolibrary.org/obo/DOID_": "DOID",
    "http://id.nlm.nih.gov/mesh/": "MESH",
    "http://www.wikidata.org/entity/": "WIKIDATA",
    "http://purl.bioontology.org/ontology/ATC/": "ATC",
}

#: W3C and schema.org vocabularies, under the prefixes the Biolink Model's prefix map gives them
_VOCABULARIES = ("rdf", "rdfs", "owl", "skos", "schema", "prov")
_RDF_TYPE = PREFIXES["rdf"] + "type"
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_OWL_NAMED_INDIVIDUAL = PREFIXES["owl"] + "NamedIndividual"
_DRUG_CLASS = PREFIXES["schema"] + "DrugClass"
_XSD = PREFIXES["xsd"]
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger", "gYear")}
_DECIMALS = {_XSD + t for t in ("decimal", "double", "float")}

#: mskg type -> Biolink category, most specific first: a node takes the first that it has
CATEGORIES: tuple[tuple[str, str], ...] = (
    (MSKG + "BrandedProduct", "biolink:Drug"),
    (MSKG + "DrugProduct", "biolink:Drug"),
    (MSKG + "Ingredient", "biolink:ChemicalEntity"),
    (_DRUG_CLASS, "biolink:ChemicalEntity"),
    (MSKG + "Drug", "biolink:Drug"),
    (MSKG + "MSSubtype", "biolink:Disease"),
    (MSKG + "MSCondition", "biolink:Disease"),
    (MSKG + "PhysiologicalState", "biolink:PhenotypicFeature"),
    (MSKG + "AdverseEffect", "biolink:DiseaseOrPhenotypicFeature"),
    (MSKG + "Condition", "biolink:DiseaseOrPhenotypicFeature"),
    (MSKG + "DiseaseCourse", "biolink:ClinicalCourse"),
    (MSKG + "MonitoringProcedure", "biolink:Procedure"),
    (MSKG + "RegulatoryAgency", "biolink:Agent"),
    (MSKG + "Company", "biolink:Agent"),
    (MSKG + "ResearchCenter", "biolink:Agent"),
    (MSKG + "AdvocacyGroup", "biolink:Agent"),
    (MSKG + "Organization", "biolink:Agent"),
    (MSKG + "Organ", "biolink:GrossAnatomicalStructure"),
    (MSKG + "PatientPopulation", "biolink:PopulationOfIndividualOrganisms"),
    (MSKG + "ClinicalOutcome", "biolink:ClinicalFinding"),
    (MSKG + "MechanismOfAction", "biolink:BiologicalProcess"),
    (MSKG + "Placebo", "biolink:ClinicalIntervention"),
    (MSKG + "BiologicalTarget", "biolink:NamedThing"),
    (MSKG + "RouteOfAdministration", "biolink:NamedThing"),
    (MSKG + "CareSetting", "biolink:NamedThing"),
)
#: the category of an edge's end that the dataset does not type (none in a valid build)
DEFAULT_CATEGORY = "biolink:NamedThing"

Roles = dict[str, list["Value"]]


@dataclass(frozen=True)
class Statement:
    """How one kind of qualified statement becomes edges."""

    #: the parts naming the edge's object, tried in order
    objects: tuple[str, ...]
    #: the Biolink predicate, from the statement's parts
    predicate: Callable[[Roles], str]
    #: parts that become an edge of their own: part -> (predicate, the part's value is the subject)
    secondary: dict[str, tuple[str, bool]] = field(default_factory=dict)


def _decision(roles: Roles) -> str:
    return (
        "biolink:treats"
        if _has(roles, "decisionStatus", MSKG + "Approved")
        else "biolink:treats_or_applied_or_studied_to_treat"
    )


def _efficacy(roles: Roles) -> str:
    effects = {value.value for value in roles.get(MSKG + "effect", [])}
    if not effects:
        return "biolink:affects"
    if effects == {MSKG + "Prevention"}:
        return "biolink:preventative_for_condition"
    return "biolink:ameliorates_condition"


def _fixed(predicate: str) -> Callable[[Roles], str]:
    return lambda roles: predicate


#: statement class -> how it becomes edges (the drug is always the subject of the main edge)
STATEMENTS: dict[str, Statement] = {
    MSKG + "RegulatoryDecision": Statement((MSKG + "indication",), _decision),
    MSKG + "TherapeuticUse": Statement((MSKG + "condition",), _fixed("biolink:applied_to_treat")),
    MSKG + "Contraindication": Statement((MSKG + "condition",), _fixed("biolink:contraindicated_in")),
    MSKG + "Risk": Statement(
        (MSKG + "adverseEffect",),
        _fixed("biolink:has_adverse_event"),
        {
            MSKG + "manifestation": ("biolink:has_phenotype", False),
            MSKG + "riskFactor": ("biolink:associated_with_increased_likelihood_of", True),
        },
    ),
    MSKG + "EfficacyFinding": Statement((MSKG + "outcome",), _efficacy),
    MSKG + "MechanismStatement": Statement((MSKG + "target", MSKG + "mechanism"), _fixed("biolink:affects")),
    MSKG + "MonitoringRequirement": Statement((MSKG + "procedure",), _fixed("biolink:related_to")),
    MSKG + "DosingRegimen": Statement((MSKG + "route",), _fixed("biolink:related_to")),
    MSKG + "Study": Statement((MSKG + "conductedBy", MSKG + "fundedBy"), _fixed("biolink:related_to")),
}

#: mskg property of a plain fact -> (Biolink predicate, reversed)
PROPERTY_PREDICATES: dict[str, tuple[str, bool]] = {
    MSKG + "hasActiveIngredient": ("biolink:has_active_ingredient", False),
    MSKG + "manufacturer": ("biolink:produces", True),
    _RDFS + "subClassOf": ("biolink:subclass_of", False),
}
#: properties of plain facts that are node properties, not edges
_NODE_FACTS = {
    _RDF_TYPE,
    _RDFS + "label",
    _RDFS + "comment",
    _SKOS + "prefLabel",
    _SKOS + "altLabel",
    _SKOS + "exactMatch",
}
#: statement parts that become Biolink qualifiers or slots when they have one value
_SINGLE_SLOTS = {
    MSKG + "frequency": "frequency_qualifier",
    MSKG + "incidencePercent": "has_percentage",
    MSKG + "magnitudePercent": "has_percentage",
}
_APPROVAL = {
    MSKG + "Approved": "approved_for_condition",
    MSKG + "NotApproved": "not_approved_for_condition",
    MSKG + "NotIntended": "not_approved_for_condition",
}
_FDA = ID + "fda"


@dataclass(frozen=True)
class Value:
    """An object of a fact: its value, kind (iri, blank, literal), datatype and language."""

    value: str
    kind: str
    datatype: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Passage:
    """A passage a fact was read from, and the rule that read it."""

    document: str
    quote: str
    start: int
    end: int
    section: str | None
    rule: str | None
    evidence: str

    def key(self) -> tuple[str, int, int, str, str]:
        return (self.document, self.start, self.end, self.rule or "", self.evidence)


@dataclass
class KgxReport:
    folder: Path
    nodes: int = 0
    edges: Counter[str] = field(default_factory=Counter)
    statements: int = 0
    #: statements with no drug or no object, so no edge (and the first few of them)
    skipped: int = 0
    skipped_examples: list[str] = field(default_factory=list)
    #: facts with a literal value that are neither node properties nor statement parts
    literal_facts: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [
            f"Wrote KGX to {self.folder} in {self.seconds:.1f} s: {self.nodes} nodes, {sum(self.edges.values())} edges "
            f"({self.statements} qualified statements flattened)"
        ]
        lines += [f"  {predicate:52s} {count:>7,d}" for predicate, count in sorted(self.edges.items())]
        if self.skipped:
            lines.append(
                f"Not exported: {self.skipped} statement(s) without a drug or an object: "
                + ", ".join(self.skipped_examples)
            )
        if self.literal_facts:
            lines.append(f"Not exported: {self.literal_facts} literal-valued fact(s) outside statements")
        return "\n".join(lines)


def curie(iri: str) -> str:
    """An IRI as the CURIE KGX uses: mskg's prefixes, then the Biolink prefixes of external ids.

    >>> curie("https://w3id.org/mskg/id/mitoxantrone"), curie("https://w3id.org/mskg/ontology#Interferon")
    ('MSKG:mitoxantrone', 'MSKG.ONTOLOGY:Interferon')
    >>> curie("https://go.drugbank.com/drugs/DB01204")
    'DRUGBANK:DB01204'
    """
    for prefix, namespace in CURIE_PREFIXES.items():
        if iri.startswith(namespace) and "/" not in iri[len(namespace) :]:
            return f"{prefix}:{iri[len(namespace) :]}"
    for namespace, prefix in XREF_PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    for prefix in _VOCABULARIES:
        namespace = PREFIXES[prefix]
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _local(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]


def _has(roles: Roles, part: str, value: str) -> bool:
    return any(v.value == value for v in roles.get(MSKG + part, []))


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def _literal(value: Value) -> Any:
    if value.datatype in _INTEGERS:
        try:
            return int(value.value)
        except ValueError:
            return value.value
    if value.datatype in _DECIMALS:
        try:
            return float(value.value)
        except ValueError:
            return value.value
    if value.datatype == _XSD + "boolean":
        return value.value in ("true", "1")
    return value.value


class _Writer:
    """Builds and writes edges; remembers their ends (in SQLite) so that each is a node."""

    def __init__(
        self, out: TextIO, tables: DatasetTables, value_labels: dict[str, str], drug_classes: set[str]
    ) -> None:
        self.out = out
        self.tables = tables
        self.value_labels = value_labels
        self.drug_classes = drug_classes
        self.report_edges: Counter[str] = Counter()
        self._ends: list[tuple[str]] = []
        tables.db.execute("CREATE TABLE IF NOT EXISTS endpoint (iri TEXT PRIMARY KEY)")

    def attribute(self, value: Value) -> Any:
        if value.kind == "literal":
            return _literal(value)
        if value.value in self.value_labels:
            return self.value_labels[value.value]
        return curie(value.value)

    def edge(
        self,
        edge_id: str,
        subject: str,
        predicate: str,
        obj: str,
        passages: Iterable[Passage],
        properties: dict[str, Any],
    ) -> None:
        unique = sorted({p.key(): p for p in passages}.values(), key=Passage.key)
        record: dict[str, Any] = {
            "id": edge_id,
            "subject": curie(subject),
            "predicate": predicate,
            "object": curie(obj),
            "knowledge_level": KNOWLEDGE_LEVEL,
            "agent_type": AGENT_TYPE,
            "primary_knowledge_source": INFORES,
            **properties,
            "supporting_documents": [p.document for p in unique],
            "supporting_text": [p.quote for p in unique],
            "mskg_text_start": [p.start for p in unique],
            "mskg_text_end": [p.end for p in unique],
            "mskg_text_section": [p.section or "" for p in unique],
            "mskg_rule": [p.rule or "" for p in unique],
            "mskg_evidence": [p.evidence for p in unique],
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.report_edges[predicate] += 1
        self._ends += [(subject,), (obj,)]
        if len(self._ends) >= 10_000:
            self.flush()

    def flush(self) -> None:
        self.tables.db.executemany("INSERT OR IGNORE INTO endpoint VALUES (?)", self._ends)
        self._ends = []


def _facts_by_subject(
    tables: DatasetTables,
) -> Iterator[tuple[str, dict[tuple[str, Value], tuple[str | None, list[Passage]]]]]:
    """Each subject of the facts graph with its facts: (predicate, object) -> (rdf:Statement IRI, passages)."""
    subject: str | None = None
    facts: dict[tuple[str, Value], tuple[str | None, list[Passage]]] = {}
    for rows in tables.fact_rows():
        for statement, s, p, o, kind, datatype, language, document, quote, start, end, section, rule, evidence in rows:
            if s != subject:
                if subject is not None:
                    yield subject, facts
                subject, facts = s, {}
            passages = facts.setdefault((p, Value(o, kind, datatype, language)), (statement, []))[1]
            if evidence is not None and document is not None:
                passages.append(Passage(document, quote or "", int(start), int(end), section, rule, evidence))
    if subject is not None:
        yield subject, facts


def _statement_edges(
    writer: _Writer,
    report: KgxReport,
    subject: str,
    kind: str,
    facts: dict[tuple[str, Value], tuple[str | None, list[Passage]]],
) -> None:
    how = STATEMENTS[kind]
    roles: Roles = defaultdict(list)
    for (predicate, value), _ in sorted(facts.items(), key=lambda item: (item[0][0], item[0][1].value)):
        roles[predicate].append(value)
    drugs = [value for value in roles.get(MSKG + "drug", []) if value.kind == "iri"]
    object_role = next((role for role in how.objects if any(v.kind == "iri" for v in roles.get(role, []))), None)
    if not drugs or object_role is None:
        report.skipped += 1
        if len(report.skipped_examples) < 5:
            report.skipped_examples.append(subject)
        return
    report.statements += 1
    objects = [value for value in roles[object_role] if value.kind == "iri"]
    # parts that become edges of their own: their entity values (a literal value stays a property)
    secondary = {part: [v for v in roles.get(part, []) if v.kind == "iri"] for part in how.secondary}
    properties: dict[str, Any] = {"mskg_statement": subject, "mskg_statement_type": curie(kind)}
    if kind == MSKG + "RegulatoryDecision":
        statuses = [v.value for v in roles.get(MSKG + "decisionStatus", [])]
        if len(statuses) == 1 and statuses[0] in _APPROVAL:
            status = _APPROVAL[statuses[0]]
            if status == "approved_for_condition" and _has(roles, "agency", _FDA):
                status = "fda_approved_for_condition"
            properties["clinical_approval_status"] = status
    if _has(roles, "assertionStatus", MSKG + "Negated"):
        properties["negated"] = True
    used = {(MSKG + "drug", v) for v in drugs} | {(object_role, v) for v in objects}
    used |= {(part, v) for part, values in secondary.items() for v in values}
    used |= {(_RDF_TYPE, v) for v in roles.get(_RDF_TYPE, [])}
    for part, slot in _SINGLE_SLOTS.items():
        values = roles.get(part, [])
        if len(values) == 1:
            properties[slot] = writer.attribute(values[0])
            used.add((part, values[0]))
    for part, values in sorted(roles.items()):
        rest = [v for v in values if (part, v) not in used]
        if rest:
            name = part[len(MSKG) :] if part.startswith(MSKG) else _local(part)
            properties[f"mskg_{_snake(name)}"] = [writer.attribute(v) for v in rest]
    edge_facts = {(part, v) for part, values in secondary.items() for v in values}
    main_passages = [p for key, (_, passages) in facts.items() if key not in edge_facts for p in passages]
    predicate = how.predicate(roles)
    pairs = [(drug, obj) for drug in drugs for obj in objects]
    for drug, obj in pairs:
        edge_id = subject if len(pairs) == 1 else f"{subject}#{_local(drug.value)}/{_local(obj.value)}"
        writer.edge(edge_id, drug.value, predicate, obj.value, main_passages, properties)
    context = {
        "mskg_statement": subject,
        "mskg_statement_type": curie(kind),
        "mskg_drug": [curie(d.value) for d in drugs],
    }
    for part, values in secondary.items():
        secondary_predicate, value_is_subject = how.secondary[part]
        for value in values:
            for effect in objects:
                ends = (value.value, effect.value) if value_is_subject else (effect.value, value.value)
                edge_id = f"{subject}#{part[len(MSKG) :]}/{_local(value.value)}"
                if len(objects) > 1:
                    edge_id += f"/{_local(effect.value)}"
                writer.edge(edge_id, ends[0], secondary_predicate, ends[1], facts[(part, value)][1], context)


def _fact_edges(
    writer: _Writer,
    report: KgxReport,
    subject: str,
    facts: dict[tuple[str, Value], tuple[str | None, list[Passage]]],
) -> None:
    for (predicate, value), (statement, passages) in sorted(
        facts.items(), key=lambda item: (item[0][0], item[0][1].value)
    ):
        if value.kind != "iri":
            if predicate not in _NODE_FACTS:
                report.literal_facts += 1
            continue
        if predicate == _RDF_TYPE:
            if value.value not in writer.drug_classes:
                continue
            biolink, reverse = "biolink:subclass_of", False
        elif predicate in PROPERTY_PREDICATES:
            biolink, reverse = PROPERTY_PREDICATES[predicate]
        elif predicate in _NODE_FACTS:
            continue
        else:
            biolink, reverse = "biolink:related_to", False
        ends = (value.value, subject) if reverse else (subject, value.value)
        writer.edge(
            statement or f"{subject}#{_local(predicate)}/{_local(value.value)}",
            ends[0],
            biolink,
            ends[1],
            passages,
            {"original_predicate": curie(predicate)},
        )


def _category(types: set[str]) -> str | None:
    return next((category for kind, category in CATEGORIES if kind in types), None)


def _node(subject: str, values: list[tuple[str, str, str, str | None, str]], category: str) -> dict[str, Any]:
    labels = sorted({(lang not in (None, "", "en"), o) for p, o, kind, lang, _ in values if p == _RDFS + "label"})
    preferred = sorted(
        {(lang not in (None, "", "en"), o) for p, o, kind, lang, _ in values if p == _SKOS + "prefLabel"}
    )
    names = [o for _, o in labels] or [o for _, o in preferred]
    name = names[0] if names else subject[len(ID) :] if subject.startswith(ID) else subject
    synonyms = sorted(
        {o for p, o, kind, lang, _ in values if p in (_SKOS + "altLabel", _RDFS + "label", _SKOS + "prefLabel")}
        - {name}
    )
    xrefs = sorted({curie(o) for p, o, kind, lang, _ in values if p == _SKOS + "exactMatch" and kind == "iri"})
    definitions = sorted({o for p, o, kind, lang, _ in values if p == _SKOS + "definition"})
    mskg_types = sorted(
        {curie(o) for p, o, kind, lang, _ in values if p == _RDF_TYPE and (o.startswith(MSKG) or o.startswith(ID))}
    )
    node: dict[str, Any] = {"id": curie(subject), "category": [category], "name": name}
    if synonyms:
        node["synonym"] = synonyms
    if xrefs:
        node["xref"] = xrefs
    if definitions:
        node["description"] = definitions[0]
    node["iri"] = subject
    node["provided_by"] = [INFORES]
    if mskg_types:
        node["mskg_category"] = mskg_types
    return node


def _lookups(tables: DatasetTables) -> tuple[dict[str, str], set[str]]:
    """The labels of the ontology's value-set members (mskg:Rare -> "rare"), and the drug classes."""
    db = tables.db
    labels = {
        s: o
        for s, o in db.execute(
            """
            SELECT a.s, min(l.o) FROM attr a JOIN attr l ON l.s = a.s AND l.p = ?
            WHERE a.p = ? AND a.o = ? AND a.s LIKE ? || '%' AND (l.lang IS NULL OR l.lang IN ('', 'en'))
            GROUP BY a.s
            """,
            (_RDFS + "label", _RDF_TYPE, _OWL_NAMED_INDIVIDUAL, MSKG),
        )
    }
    classes = {s for (s,) in db.execute("SELECT DISTINCT s FROM attr WHERE p = ? AND o = ?", (_RDF_TYPE, _DRUG_CLASS))}
    return labels, classes


def _write_edges(tables: DatasetTables, out: TextIO, report: KgxReport) -> None:
    value_labels, drug_classes = _lookups(tables)
    writer = _Writer(out, tables, value_labels, drug_classes)
    for subject, facts in _facts_by_subject(tables):
        kinds = [value.value for (predicate, value) in facts if predicate == _RDF_TYPE and value.value in STATEMENTS]
        if kinds:
            _statement_edges(writer, report, subject, sorted(kinds)[0], facts)
        else:
            _fact_edges(writer, report, subject, facts)
    writer.flush()
    report.edges = writer.report_edges


def _write_nodes(tables: DatasetTables, out: TextIO) -> int:
    db = tables.db
    count = 0
    for subject, values in tables.node_rows():
        category = _category({o for p, o, *_ in values if p == _RDF_TYPE})
        is_end = db.execute("SELECT 1 FROM endpoint WHERE iri = ?", (subject,)).fetchone() is not None
        if category is None and not is_end:
            continue
        out.write(json.dumps(_node(subject, values, category or DEFAULT_CATEGORY), ensure_ascii=False) + "\n")
        count += 1
    for (subject,) in db.execute("SELECT iri FROM endpoint WHERE iri NOT IN (SELECT s FROM attr) ORDER BY iri"):
        out.write(json.dumps(_node(subject, [], DEFAULT_CATEGORY), ensure_ascii=False) + "\n")
        count += 1
    return count


def export_kgx(output: Path | None, store: Path = DEFAULT_STORE) -> KgxReport:
    """Write ``nodes.jsonl``, ``edges.jsonl`` and ``graph_metadata.json`` into a folder (created if missing).

    :raises StoreError: nothing built, or the folder cannot be made or written (files already
        there are left as they were).
    """
    started = time.perf_counter()
    dataset = dataset_path(Path(store))
    folder = output_folder(output, "the KGX export")
    report = KgxReport(folder)
    temporaries = {folder / f".{name}.tmp": folder / name for name in (EDGES_FILE, NODES_FILE, METADATA_FILE)}
    edges_tmp, nodes_tmp, metadata_tmp = temporaries
    try:
        with DatasetTables(dataset, folder) as tables:
            with edges_tmp.open("w", encoding="utf-8") as out:
                _write_edges(tables, out, report)
            with nodes_tmp.open("w", encoding="utf-8") as out:
                report.nodes = _write_nodes(tables, out)
        try:
            source = read_report(Path(store)).get("dataset_sha256")
        except StoreError:
            source = None
        metadata = {
            "name": "mskg",
            "description": "Multiple-sclerosis treatments extracted from documents, each edge with the passages it was read from.",
            "primary_knowledge_source": INFORES,
            "knowledge_level": KNOWLEDGE_LEVEL,
            "agent_type": AGENT_TYPE,
            "biolink_version": BIOLINK_VERSION,
            "curie_map": CURIE_PREFIXES,
            "format": "KGX JSON Lines",
            "files": [NODES_FILE, EDGES_FILE],
            "dataset_sha256": source,
            "counts": {"nodes": report.nodes, "edges": dict(sorted(report.edges.items()))},
        }
        metadata_tmp.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
        replace_files(temporaries)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write the KGX files ({exc.strerror or exc})") from None
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - started
    return report
