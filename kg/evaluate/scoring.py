"""Scoring extraction against gold annotations: precision, recall and F1 per relation (a
statement kind and one of its properties, such as ``Risk.severity``, or a plain relation such as
``hasActiveIngredient``), per kind of document (label, leaflet, news, summary) and per set (seed,
tuning, held-out), with entity recall.

Both sides become facts-graph triples through the same function (:func:`kg.extract.claims.
statement_triples`), after the same normalisation:

- names resolve to IRIs as extraction mints them (:class:`Names`);
- a product and the ingredient the document pairs it with ("Ocrevus (ocrelizumab)") are the same
  drug for statements and for manufacturer (the guide lets annotators use either); a product of
  two ingredients is neither;
- durations compare by length (``P12M`` is ``P1Y``, ``P14D`` is two weeks), numbers by value;
- free-text properties and the typing and labels of entities are not scored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..extract.claims import STATEMENT_KINDS, Claim, statement_node, statement_triples
from ..extract.names import mint_slug, normal_form
from ..namespaces import ID, MSKG, OWL, RDF, RDFS, SCHEMA, SKOS, XSD, curie
from .gold import PLAIN, UNSCORED, GoldFile, literal

__all__ = ["Evaluation", "Names", "Tally", "dataset_facts", "document_facts", "gold_facts"]

Triple = tuple[URIRef, URIRef, Node]
Statement = tuple[URIRef, URIRef, tuple[tuple[URIRef, Node], ...]]

#: rdf:type objects that say what kind of entity something is (not a drug class it belongs to)
_ENTITY_KINDS = frozenset(
    {OWL.Class, OWL.NamedIndividual, SCHEMA.DrugClass}
    | {MSKG[name] for name in ["Drug", "Ingredient", "DrugProduct", "BrandedProduct", "Condition", "MSCondition", "MSSubtype", "AdverseEffect", "DiseaseCourse", "Organization", "RegulatoryAgency", "Company", "ResearchCenter", "AdvocacyGroup", "MonitoringProcedure", "RouteOfAdministration", "CareSetting", "PatientPopulation", "Organ", "ClinicalOutcome", "MechanismOfAction", "BiologicalTarget", "Placebo"]}
)  # fmt: skip
_LABELS = frozenset({RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.exactMatch})
_UNSCORED_PROPS = frozenset(MSKG[name] for name in UNSCORED)
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")
_SLUG = re.compile(r"[\w.-]+")
#: a word after a drug class's name that leaves it the same class ("anticholinergic drugs")
_DRUG_HEADS = frozenset({"drug", "drugs", "medicine", "medicines", "medication", "medications", "agent", "agents"})
_NODE_KINDS = {segment: str(kind).split("#")[-1] for kind, segment in STATEMENT_KINDS.items()}


class Names:
    """Names resolved to IRIs for one document: ontology terms by their local name
    (``Approved``, ``MonoclonalAntibody``), the lexicon's labels and synonyms, the names the
    extraction gave the document's entities (``aliases``), else the IRI minted from the name.

    ``lexical`` keeps what the lexicon makes of a name (it does not depend on the document): the
    documents of one evaluation may share it, which matters at thousands of documents."""

    def __init__(
        self, terms: set[str], lexicon: object, aliases: dict[str, URIRef] | None = None, lexical: dict[str, URIRef] | None = None
    ) -> None:
        self.terms = terms
        self.lexicon = lexicon
        self.aliases = aliases or {}
        self.lexical = {} if lexical is None else lexical
        self.recogniser: Any = None

    def resolve(self, name: str) -> URIRef:
        name = name.strip()
        if name in self.terms:
            return MSKG[name]
        if _SLUG.fullmatch(name) and ID[name] in self.lexicon.kinds:  # type: ignore[attr-defined]
            return ID[name]  # the IRI of a named entity, as the first gold files write them
        normal = normal_form(name)
        if normal in self.aliases:
            return self.aliases[normal]
        if name not in self.lexical:
            self.lexical[name] = self._lexicon_or_minted(name)
        return self.lexical[name]

    def _lexicon_or_minted(self, name: str) -> URIRef:
        from ..extract.dictionaries import dictionaries
        from ..extract.lexicon import tokenize

        tokens = tokenize(name)
        keyed = [t for t in tokens if t.key is not None]
        for mention in self.lexicon.match(tokens):  # type: ignore[attr-defined]
            if keyed and mention.start == keyed[0].start and mention.end == keyed[-1].end:
                return mention.iri  # type: ignore[no-any-return]
        # a name the drug and disease dictionaries know is their concept, as extraction reads it
        # ("shingles" is herpes zoster)
        words = [t.text for t in tokens]
        if len(words) > 1 and words[-1].lower() in _DRUG_HEADS:
            # "anticholinergic drug" is the class "anticholinergic" names, as extraction reads it
            heads = dictionaries().match(words[:-1])
            if len(heads) == 1 and heads[0].first == 0 and heads[0].last == len(words) - 2 and heads[0].kind == "drug_class":
                known = self.lexicon.lookup(heads[0].name)  # type: ignore[attr-defined]
                return known[0] if known is not None else ID[mint_slug(heads[0].name)]  # type: ignore[no-any-return]
        moiety = self._recogniser().moiety(name)  # "oxybutynin chloride" is oxybutynin, as extraction reads it
        if moiety is not None:
            return moiety[0]  # type: ignore[no-any-return]
        matches = dictionaries().match(words)
        if len(matches) == 1 and matches[0].first == 0 and matches[0].last == len(words) - 1:
            known = self.lexicon.lookup(matches[0].name)  # type: ignore[attr-defined]
            return known[0] if known is not None else ID[mint_slug(matches[0].name)]  # type: ignore[no-any-return]
        return ID[mint_slug(name)]

    def _recogniser(self) -> Any:
        from ..extract.recognise import Recogniser

        if self.recogniser is None:
            self.recogniser = Recogniser(self.lexicon)  # type: ignore[arg-type]
        return self.recogniser


def _normal_literal(value: Node) -> Node:
    if not isinstance(value, Literal):
        return value
    if value.datatype == XSD.duration:
        match = _DURATION.match(str(value))
        if match:
            years, months, weeks, days, hours, minutes = (int(g) if g else 0 for g in match.groups())
            return Literal(f"{years * 12 + months}M{weeks * 7 + days}D{hours * 60 + minutes}m")
    if value.datatype in (XSD.decimal, XSD.integer, XSD.double, XSD.float):
        try:
            return Literal(str(Decimal(str(value)).normalize()))
        except InvalidOperation:
            return value
    return value


def _triples(statements: Iterable[Statement], plain: Iterable[Triple]) -> set[Triple]:
    plain = list(plain)
    ingredients: dict[Node, set[Node]] = defaultdict(set)
    for s, p, o in plain:
        if p == MSKG.hasActiveIngredient:
            ingredients[s].add(o)
    # a combination ("ocrelizumab and hyaluronidase-ocsq") is not either of its ingredients
    products = {s: next(iter(o)) for s, o in ingredients.items() if len(o) == 1}
    out: set[Triple] = set()
    for kind, drug, qualifiers in statements:
        scored = tuple((p, _normal_literal(v)) for p, v in qualifiers if p not in _UNSCORED_PROPS)
        for s, p, o in statement_triples(kind, products.get(drug, drug), scored):  # type: ignore[arg-type]
            if p != RDF.type:
                out.add((s, p, o))
    for s, p, o in plain:
        if p in _LABELS or p in _UNSCORED_PROPS or (p == RDF.type and o in _ENTITY_KINDS) or (p, o) == (RDFS.subClassOf, MSKG.Drug):
            continue  # what kind of entity a thing is (a drug class is a subclass of mskg:Drug) is not scored
        subject = products.get(s, s) if p == MSKG.manufacturer else s
        out.add((subject, p, _normal_literal(o)))  # type: ignore[arg-type]
    return out


def gold_facts(gold: GoldFile, names: Names, found_plain: Iterable[Triple] = ()) -> tuple[set[Triple], set[URIRef]]:
    """The gold's facts as triples (a product paired with its ingredient in the gold or in the
    extraction counts as that ingredient), and the entities they name."""
    entities: set[URIRef] = set()

    def value(prop: str, raw: str) -> Node:
        node = literal(prop, raw)
        if node is None:
            node = names.resolve(raw)
            if str(node).startswith(str(ID)):
                entities.add(node)
        return node

    statements: dict[tuple[URIRef, URIRef, URIRef], dict[tuple[URIRef, Node], None]] = {}
    for statement in gold.statements:
        drug = names.resolve(statement.drug)
        entities.add(drug)
        qualifiers = [(MSKG[p], value(p, v)) for p, v in statement.pairs]
        # lines of one statement may leave out its status: merge by kind, drug and key values
        keyed = tuple((p, v) for p, v in qualifiers if p != MSKG.assertionStatus)
        key = statement_node(statement.kind, drug, keyed)
        statements.setdefault((statement.kind, drug, key), {}).update(dict.fromkeys(qualifiers))
    plain = [(names.resolve(r.subject), PLAIN[r.prop], value(r.prop, r.value)) for r in gold.relations]
    entities |= {s for s, _, _ in plain}
    merged = [(kind, drug, tuple(qualifiers)) for (kind, drug, _), qualifiers in statements.items()]
    return _triples(merged, [*plain, *[t for t in found_plain if t[1] == MSKG.hasActiveIngredient]]), entities


def document_facts(claims: Iterable[Claim], gold_plain: Iterable[Triple] = ()) -> set[Triple]:
    """The extraction's facts as triples, normalised like the gold's."""
    statements: list[Statement] = []
    plain: list[Triple] = []
    for claim in claims:
        if claim.relation in STATEMENT_KINDS:
            statements.append((claim.relation, claim.subject, claim.qualifiers))
        elif claim.object is not None:
            plain.append((claim.subject, claim.relation, claim.object))
    pairs = [t for t in gold_plain if t[1] == MSKG.hasActiveIngredient]
    return _triples(statements, [*plain, *pairs])


def dataset_facts(triples: Iterable[Triple], gold_plain: Iterable[Triple] = ()) -> set[Triple]:
    """A document's facts as a build stores them (the facts-graph triples its provenance cites; a
    qualified statement is its node's triples), normalised like the gold's: the same set as
    :func:`document_facts` of the claims they came from."""
    triples = list(triples)
    kinds = {s: o for s, p, o in triples if p == RDF.type and o in STATEMENT_KINDS}
    drugs = {s: o for s, p, o in triples if p == MSKG.drug and s in kinds}
    qualifiers: dict[URIRef, list[tuple[URIRef, Node]]] = defaultdict(list)
    plain: list[Triple] = []
    for s, p, o in triples:
        if s not in kinds:
            plain.append((s, p, o))
        elif p not in (RDF.type, MSKG.drug):
            qualifiers[s].append((p, o))
    statements = [(kind, drugs[node], tuple(qualifiers[node])) for node, kind in kinds.items() if node in drugs]
    pairs = [t for t in gold_plain if t[1] == MSKG.hasActiveIngredient]
    return _triples(statements, [*plain, *pairs])  # type: ignore[arg-type]


def relation_of(triple: Triple) -> str:
    """The row a fact is scored in: ``Kind.property`` for a statement's facts, else the relation."""
    subject, predicate, _ = triple
    if str(subject).startswith(str(ID)):
        segment = str(subject)[len(str(ID)) :].split("/", 1)[0]
        if segment in _NODE_KINDS and "/" in str(subject)[len(str(ID)) :]:
            return f"{_NODE_KINDS[segment]}.{curie(predicate).split(':', 1)[-1]}"
    if predicate == RDF.type:
        return "a (drug class)"
    return curie(predicate).split(":", 1)[-1]


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, other: Tally) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    @property
    def gold(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def found(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return f"{name:38s} {self.gold:5d} {self.found:5d} {self.precision:6.2f} {self.recall:6.2f} {self.f1:6.2f}"


@dataclass
class DocumentResult:
    name: str
    kind: str
    set: str
    tally: Tally
    entities_gold: int
    entities_found: int
    missed: list[Triple] = field(default_factory=list)
    false: list[Triple] = field(default_factory=list)


@dataclass
class Evaluation:
    """Scores per relation, per kind of document, per set and overall."""

    documents: list[DocumentResult] = field(default_factory=list)
    per_relation: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))

    def add(self, name: str, kind: str, set_name: str, gold: set[Triple], found: set[Triple], entities: set[URIRef]) -> None:
        tally = Tally()
        result = DocumentResult(name, kind, set_name, tally, len(entities), 0)
        for triple in gold | found:
            row = self.per_relation[relation_of(triple)]
            if triple in gold and triple in found:
                row.true_positives += 1
                tally.true_positives += 1
            elif triple in found:
                row.false_positives += 1
                tally.false_positives += 1
                result.false.append(triple)
            else:
                row.false_negatives += 1
                tally.false_negatives += 1
                result.missed.append(triple)
        mentioned = {t for s, _, o in found for t in (s, o)}
        result.entities_found = len(entities & mentioned)
        self.documents.append(result)

    def _group(self, attribute: str) -> dict[str, Tally]:
        groups: dict[str, Tally] = defaultdict(Tally)
        for result in self.documents:
            groups[getattr(result, attribute)].add(result.tally)
        return dict(sorted(groups.items()))

    @property
    def overall(self) -> Tally:
        total = Tally()
        for result in self.documents:
            total.add(result.tally)
        return total

    def table(self, *, details: bool = True) -> str:
        header = f"{'':38s} {'gold':>5s} {'found':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}"
        lines = ["Per relation", header]
        lines += [tally.row(name) for name, tally in sorted(self.per_relation.items())]
        lines += ["", "Per document", header]
        lines += [r.tally.row(f"{r.name} ({r.kind})"[:38]) for r in self.documents]
        lines += ["", "Per kind of document", header]
        lines += [tally.row(kind) for kind, tally in self._group("kind").items()]
        lines += ["", "Per set", header]
        lines += [tally.row(name) for name, tally in self._group("set").items()]
        lines += ["", self.overall.row("all facts")]
        entities_gold = sum(r.entities_gold for r in self.documents)
        entities_found = sum(r.entities_found for r in self.documents)
        if entities_gold:
            lines.append(
                f"entities named by the gold and found: {entities_found}/{entities_gold} ({entities_found / entities_gold:.2f})"
            )
        if details:
            for result in self.documents:
                for label, triples in (("missed", result.missed), ("false", result.false)):
                    for s, p, o in sorted(triples):
                        shown = o.n3() if isinstance(o, Literal) else curie(o)
                        lines.append(f"  {result.name} {label}: {curie(s)} {curie(p)} {shown}")
        return "\n".join(lines)


def read_names(ontology_graph: object) -> set[str]:
    """The local names of the mskg ontology's terms (what a gold value in CamelCase can name)."""
    prefix = str(MSKG)
    return {
        str(s)[len(prefix) :] for s in ontology_graph.subjects() if str(s).startswith(prefix)  # type: ignore[attr-defined]
    }


def gold_path(gold_folder: Path, document: Path) -> Path:
    return gold_folder / f"{document.stem}.gold"
