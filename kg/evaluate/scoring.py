"""Evaluation of extraction against hand-written gold annotations: precision, recall and F1
per relation (predicate of the facts graph), and over all facts.

Gold files (``tests/gold/<document>.gold``) hold one subject per line followed by
``property=value`` pairs, each pair one triple; see the seed's gold file for the conventions."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..errors import CorpusError
from ..extract.lexicon import Lexicon
from ..namespaces import ID, MSKG, RDF, RDFS, XSD, curie

__all__ = ["Scores", "Evaluation", "parse_gold", "evaluate_document", "evaluate_documents"]

Triple = tuple[URIRef, URIRef, Node]

_DATATYPES = {
    "year": XSD.gYear,
    "minDoseCount": XSD.integer,
    "maxDoseCount": XSD.integer,
    "magnitudePercent": XSD.decimal,
    "interval": XSD.duration,
    "minTreatmentPeriod": XSD.duration,
    "maxTreatmentPeriod": XSD.duration,
}
_PREDICATES = {"a": RDF.type, "subClassOf": RDFS.subClassOf}
_PAIR = re.compile(r'(\w+)=("[^"]*"|\S+)')


def _resource(name: str) -> URIRef:
    return MSKG[name] if re.match(r"^[A-Z][A-Za-z]*$", name) else ID[name]


def _value(prop: str, raw: str) -> Node:
    if prop in _DATATYPES:
        return Literal(raw, datatype=_DATATYPES[prop])
    if raw.startswith('"'):
        return Literal(raw.strip('"'))
    return _resource(raw)


def parse_gold(path: Path) -> set[Triple]:
    """Read a gold file into the set of facts-graph triples it annotates."""
    triples: set[Triple] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        subject, _, rest = line.partition("\t")
        pairs = _PAIR.findall(rest)
        if not pairs or _PAIR.sub("", rest).strip():
            raise CorpusError(f"{path}:{number}: expected property=value pairs after a tab")
        for prop, raw in pairs:
            predicate = _PREDICATES.get(prop, MSKG[prop])
            triples.add((_resource(subject), predicate, _value(prop, raw)))
    return triples


@dataclass
class Scores:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Scores per relation and overall, with the facts missed and the false ones."""

    per_relation: dict[str, Scores] = field(default_factory=lambda: defaultdict(Scores))
    overall: Scores = field(default_factory=Scores)
    missed: list[Triple] = field(default_factory=list)
    false: list[Triple] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def add(self, gold: set[Triple], found: set[Triple]) -> None:
        for triple in gold | found:
            scores = self.per_relation[curie(triple[1])]
            if triple in gold and triple in found:
                scores.true_positives += 1
                self.overall.true_positives += 1
            elif triple in found:
                scores.false_positives += 1
                self.overall.false_positives += 1
                self.false.append(triple)
            else:
                scores.false_negatives += 1
                self.overall.false_negatives += 1
                self.missed.append(triple)

    def table(self) -> str:
        lines = [
            f"Documents: {', '.join(self.documents)}",
            f"{'relation':32s} {'gold':>5s} {'found':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}",
        ]
        for name, s in sorted(self.per_relation.items()):
            lines.append(
                f"{name:32s} {s.true_positives + s.false_negatives:5d} "
                f"{s.true_positives + s.false_positives:5d} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}"
            )
        s = self.overall
        lines.append(
            f"{'all facts':32s} {s.true_positives + s.false_negatives:5d} "
            f"{s.true_positives + s.false_positives:5d} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}"
        )
        for label, triples in (("missed", self.missed), ("false", self.false)):
            for t in sorted(triples):
                lines.append(
                    f"  {label}: {curie(t[0])} {curie(t[1])} {t[2].n3() if isinstance(t[2], Literal) else curie(t[2])}"
                )
        return "\n".join(lines)


def evaluate_document(
    document: Path,
    gold: Path,
    ontology: Path = Path("ontology"),
    evaluation: Evaluation | None = None,
    lexicon: Lexicon | None = None,
) -> Evaluation:
    """Extract one document and score its facts against its gold file."""
    from ..extract.claims import claim_triples
    from ..extract.documents import read_document
    from ..extract.extractor import extract_document

    evaluation = evaluation or Evaluation()
    lexicon = lexicon or _lexicon(ontology)
    doc = read_document(document)
    found = {t for claim in extract_document(doc, lexicon) for t in claim_triples(claim)}
    evaluation.add(parse_gold(gold), found)
    evaluation.documents.append(doc.path.name)
    return evaluation


def _lexicon(ontology: Path) -> Lexicon:
    from ..build.ontology import load_ontology

    return Lexicon.from_ontology(load_ontology(ontology))


def evaluate_documents(documents: list[Path], gold_folder: Path, ontology: Path = Path("ontology")) -> Evaluation:
    """Score several documents together; with none given, every document that has a gold file
    in ``gold_folder`` (looked up in ``corpus/`` and ``tests/corpus/``)."""
    if not documents:
        documents = []
        for gold in sorted(gold_folder.glob("*.gold")):
            for folder in (Path("corpus"), Path("tests/corpus")):
                if (folder / f"{gold.stem}.txt").is_file():
                    documents.append(folder / f"{gold.stem}.txt")
    if not documents:
        raise CorpusError(f"no documents with gold annotations in {gold_folder}")
    evaluation = Evaluation()
    lexicon = _lexicon(ontology)
    for document in documents:
        gold = gold_folder / f"{Path(document).stem}.gold"
        if not gold.is_file():
            raise CorpusError(f"{gold}: no gold annotations for {document}")
        evaluate_document(Path(document), gold, ontology, evaluation, lexicon)
    return evaluation
