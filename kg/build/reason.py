"""Reasoning that grows with the data: HermiT (through owlready2) classifies the ontology once
and finds unsatisfiable classes; the class memberships of the dataset's resources are materialised
per document by an OWL 2 RL engine (``reasonable``, Rust: 30 ms for a document against 0.6 s for a
HermiT call, and linear in the facts), and :class:`Clashes` checks the whole dataset for
individuals in disjoint classes or with two values of a functional property while the N-Quads
stream past, without holding them.

Why per document: every fact a membership rests on (a statement's drug, status and indication; an
entity's type) is stated by the document that states the membership's premise, because each
document types the entities it names and mints its own statements; so the union of per-document
materialisations is the materialisation of the union. ``infer`` (HermiT over the whole ABox) is
kept as the reference the tests compare against, and gives the same graph on the bundled corpus.

owlready2 does not read Turtle, so the graphs go to it as N-Triples written by rdflib."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from ..errors import InconsistentOntologyError
from ..namespaces import ID, OWL, RDF, RDFS, XSD

__all__ = ["Clashes", "classify", "infer", "explain_inconsistency", "for_hermit", "memberships"]

# HermiT implements only the OWL 2 datatype map. Durations and years are outside it; the data
# keeps them as xsd:duration / xsd:gYear (right for consumers and SPARQL), and the reasoner,
# which infers nothing from them, gets them as plain strings.
_OUTSIDE_OWL2_MAP = frozenset({XSD.duration, XSD.gYear})


def for_hermit(graph: Graph) -> Graph:
    """A copy of a graph that HermiT accepts: values of datatypes outside the OWL 2 datatype
    map become strings, and ranges over those datatypes become xsd:string."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in _OUTSIDE_OWL2_MAP:
            o = Literal(str(o), datatype=XSD.string)
        elif o in _OUTSIDE_OWL2_MAP and p in (RDFS.range, RDF.type):
            o = XSD.string
        if s in _OUTSIDE_OWL2_MAP:
            continue
        out.add((s, p, o))
    return out


def _world(graph: Graph, folder: Path):  # noqa: ANN202 - owlready2 has no type hints
    import owlready2

    path = folder / "input.nt"
    for_hermit(graph).serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    return world


def _run_hermit(world) -> None:  # noqa: ANN001
    import owlready2

    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)


def infer(ontology: Graph, facts: Graph) -> Graph:
    """Check consistency and return the inferred graph: every named-class membership of a
    dataset resource that the reasoner entails and the input does not assert.

    :raises InconsistentOntologyError: naming unsatisfiable classes and disjointness clashes.
    """
    import owlready2

    merged = ontology + facts
    with tempfile.TemporaryDirectory(prefix="mskg-reason-") as tmp:
        world = _world(merged, Path(tmp))
        try:
            _run_hermit(world)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise explain_inconsistency(ontology, facts) from None
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
        if unsatisfiable:
            raise InconsistentOntologyError(unsatisfiable, [])
        inferred = Graph()
        # every typed dataset resource (owlready2 lists only declared owl:NamedIndividuals)
        subjects = sorted({s for s in merged.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(ID))})
        for iri in subjects:
            individual = world[str(iri)]
            if not isinstance(individual, owlready2.Thing):
                continue  # a class the data mints (a drug class)
            asserted = set(merged.objects(iri, RDF.type))
            for cls in individual.INDIRECT_is_a:
                cls_iri = getattr(cls, "iri", None)
                if not isinstance(cls, owlready2.ThingClass) or cls_iri is None or cls is owlready2.Thing:
                    continue
                if URIRef(cls_iri) not in asserted:
                    inferred.add((iri, RDF.type, URIRef(cls_iri)))
    return inferred


def _disjoint_pairs(graph: Graph) -> set[tuple[URIRef, URIRef]]:
    pairs: set[tuple[Any, Any]] = set()
    for a, b in graph.subject_objects(OWL.disjointWith):
        pairs.add((a, b))
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members_node = graph.value(axiom, OWL.members)
        members = list(graph.items(members_node)) if members_node is not None else []
        pairs |= {(a, b) for i, a in enumerate(members) for b in members[i + 1 :]}
    return {(a, b) for a, b in pairs if isinstance(a, URIRef) and isinstance(b, URIRef)}


def explain_inconsistency(ontology: Graph, facts: Graph) -> InconsistentOntologyError:
    """Find what makes the data inconsistent: classes unsatisfiable in the ontology alone,
    then individuals whose asserted classes (with their superclasses) are declared disjoint."""
    import owlready2

    unsatisfiable: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mskg-reason-") as tmp:
        tbox = Graph()
        for triple in ontology:
            if not (triple[1] == RDF.type and triple[2] == OWL.NamedIndividual):
                tbox.add(triple)
        tbox_only = Graph()
        individuals = set(ontology.subjects(RDF.type, OWL.NamedIndividual))
        for s, p, o in tbox:
            if s not in individuals:
                tbox_only.add((s, p, o))
        world = _world(tbox_only, Path(tmp))
        try:
            _run_hermit(world)
            unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
        except owlready2.OwlReadyInconsistentOntologyError:
            pass
    merged = ontology + facts
    disjoint = _disjoint_pairs(merged)
    clashes: list[str] = []
    for individual in sorted({s for s in merged.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        types: set[URIRef] = set()
        for cls in merged.objects(individual, RDF.type):
            types |= {c for c in merged.transitive_objects(cls, RDFS.subClassOf) if isinstance(c, URIRef)}
        for a, b in sorted(disjoint):
            if a in types and b in types:
                clashes.append(f"{individual} is both {a} and {b}")
    return InconsistentOntologyError(unsatisfiable, clashes)


def classify(ontology: Graph) -> None:
    """HermiT over the ontology alone (classes, properties, the named entities): it must be
    consistent and every class satisfiable.

    :raises InconsistentOntologyError: naming unsatisfiable classes.
    """
    import owlready2

    with tempfile.TemporaryDirectory(prefix="mskg-reason-") as tmp:
        world = _world(ontology, Path(tmp))
        try:
            _run_hermit(world)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise explain_inconsistency(ontology, Graph()) from None
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
    if unsatisfiable:
        raise InconsistentOntologyError(unsatisfiable, [])


def memberships(ontology: Graph, facts: Graph) -> Graph:
    """The named-class memberships of the dataset's resources that OWL 2 RL entails from the
    ontology and the facts and that neither states: what HermiT's ``infer`` gives, at the cost of
    a rule engine."""
    import reasonable

    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(ontology)
    reasoner.from_graph(facts)
    classes = {c for graph in (ontology, facts) for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    classes.discard(OWL.Thing)
    inferred = Graph()
    for s, p, o in reasoner.reason():
        entailed = p == RDF.type and o in classes and isinstance(s, URIRef) and str(s).startswith(str(ID))
        if entailed and (s, p, o) not in facts and (s, p, o) not in ontology:
            inferred.add((s, p, o))
    return inferred


class Clashes:
    """Individuals in two disjoint classes, or with two distinct values of a functional property,
    over the whole dataset: fed the sorted N-Quads lines one subject at a time (a subject's lines
    are contiguous in sorted order), so memory holds one subject.

    The RL materialisation per document makes each document's types closed under the class
    hierarchy, so a clash between what two documents say shows as two disjoint classes in the
    union of a subject's types."""

    def __init__(self, ontology: Graph, shapes: Graph | None = None) -> None:
        self.disjoint = {(a.n3(), b.n3()) for a, b in _disjoint_pairs(ontology)}
        #: (target class, property) that the shapes allow one value of: two documents may each give
        #: one value to the same statement node, which no document's own check can see
        self.single = _single_valued(shapes) if shapes is not None else set()
        #: violations of those shapes (raised as SHACL violations, not inconsistencies)
        self.violations: list[str] = []
        self.functional = {p.n3() for p in ontology.subjects(RDF.type, OWL.FunctionalProperty)}
        different: set[tuple[str, str]] = set()
        for axiom in ontology.subjects(RDF.type, OWL.AllDifferent):
            members_node = ontology.value(axiom, OWL.distinctMembers)
            members = [m.n3() for m in ontology.items(members_node)] if members_node is not None else []
            different |= {(a, b) for a in members for b in members if a != b}
        self.different = different
        self._single_properties = {predicate for _, predicate in self.single}
        self.found: list[str] = []
        self._subject = ""
        self._types: set[str] = set()
        self._values: dict[str, set[str]] = {}

    def feed(self, line: str) -> None:
        subject, predicate, rest = line.split(" ", 2)
        if subject != self._subject:
            self._check()
            self._subject, self._types, self._values = subject, set(), {}
        obj = rest.rsplit(" ", 2)[0]
        if predicate == _RDF_TYPE:
            self._types.add(obj)
        elif predicate in self.functional or predicate in self._single_properties:
            self._values.setdefault(predicate, set()).add(obj)

    def _check(self) -> None:
        for a, b in self.disjoint:
            if a in self._types and b in self._types:
                self.found.append(f"{self._subject[1:-1]} is both {a[1:-1]} and {b[1:-1]}")
        for cls, predicate in self.single:
            values = self._values.get(predicate, set())
            if len(values) > 1 and cls in self._types:
                self.violations.append(
                    f"{self._subject[1:-1]} {predicate[1:-1]}: more than 1 value ({', '.join(sorted(values))}) from "
                    f"different documents [shape for {cls[1:-1]}]"
                )
        for predicate, values in self._values.items():
            if predicate not in self.functional:
                continue
            pairs = [(a, b) for a in values for b in values if a < b and ((a, b) in self.different or (a[0] == b[0] == '"'))]
            for a, b in pairs:
                self.found.append(f"{self._subject[1:-1]} has two values of functional {predicate[1:-1]}: {a} and {b}")

    def finish(self) -> list[str]:
        """Check the last subject; the clashes found."""
        self._check()
        self._subject = ""
        return sorted(set(self.found))

    def close(self) -> None:
        """Check the last subject; raise if anything clashed.

        :raises InconsistentOntologyError: listing the clashes.
        """
        found = self.finish()
        if found:
            raise InconsistentOntologyError([], found)


_RDF_TYPE = RDF.type.n3()
_SH = "http://www.w3.org/ns/shacl#"


def _single_valued(shapes: Graph) -> set[tuple[str, str]]:
    """(target class, property path) of every property shape with ``sh:maxCount 1``."""
    sh = {name: URIRef(_SH + name) for name in ("targetClass", "property", "path", "maxCount")}
    pairs = set()
    for shape, cls in shapes.subject_objects(sh["targetClass"]):
        for prop in shapes.objects(shape, sh["property"]):
            path, most = shapes.value(prop, sh["path"]), shapes.value(prop, sh["maxCount"])
            if isinstance(path, URIRef) and most is not None and int(str(most)) == 1:
                pairs.add((cls.n3(), path.n3()))
    return pairs
