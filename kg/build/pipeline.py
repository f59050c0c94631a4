"""The build: corpus and ontology in, a reasoned and validated dataset of named graphs out.

load ontology -> read corpus -> extract claims -> facts + provenance -> check provenance
-> reason (HermiT) -> validate (SHACL, QC) -> write sorted N-Quads atomically.
Any failure raises before anything is written, so the previous build stays as it was."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..namespaces import FACTS_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, PROVENANCE_GRAPH, RDF, SCHEMA, curie
from ..store.files import DEFAULT_STORE, save_dataset
from .ontology import load_graph_file, load_ontology
from .serialize import nquads_lines

__all__ = ["BuildReport", "build"]

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    """What a build did, for people (``summary()``) and machines (``build.json``)."""

    store: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    #: documents that could not be read (``--keep-going``): file and problem
    skipped: list[dict[str, str]] = field(default_factory=list)
    facts_per_relation: dict[str, int] = field(default_factory=dict)
    statements_per_kind: dict[str, int] = field(default_factory=dict)
    triples_per_graph: dict[str, int] = field(default_factory=dict)
    lexicon_entries: int = 0
    #: entity counts (from the lexicon, beyond it, grounded) and the merges of names (resolution.py)
    entities: dict[str, Any] = field(default_factory=dict)
    consistent: bool = False
    inferred_memberships: int = 0
    shapes_conform: bool = False
    qc_checks: list[str] = field(default_factory=list)
    evidence_spans_verified: int = 0
    dataset_sha256: str = ""
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        lines = [f"Built {self.store}/dataset.nq from {len(self.documents)} document(s):"]
        for doc in self.documents:
            lines.append(
                f'  {doc["file"]} ({doc["kind"]}): "{doc["title"]}", {doc["sentences"]} sentences with facts, '
                f'{doc["facts"]} facts'
            )
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)} document(s) that could not be read:")
            lines += [f"  {skip['file']}: {skip['problem']}" for skip in self.skipped]
        lines.append("Statements per kind:")
        lines += [f"  {k:34s} {v:5d}" for k, v in sorted(self.statements_per_kind.items())]
        lines.append("Facts per relation:")
        lines += [f"  {k:34s} {v:5d}" for k, v in sorted(self.facts_per_relation.items())]
        if self.entities:
            e = self.entities
            lines.append(
                f"Entities: {e['entities']} in the facts ({e['from_lexicon']} from the lexicon, {e['beyond_lexicon']} "
                f"recognised beyond it, {e['grounded_beyond_lexicon']} of those grounded in DrugBank); "
                f"{e['in_several_documents']} named by more than one document; {len(e['merges'])} known by more than "
                "one name (build.json lists the merges)"
            )
        lines.append("Triples per graph:")
        lines += [f"  {k:34s} {v:5d}" for k, v in self.triples_per_graph.items()]
        lines.append(f"Reasoning (HermiT): consistent; {self.inferred_memberships} inferred class memberships")
        lines.append(
            f"Validation: SHACL conforms; QC checks passed: {len(self.qc_checks)}; "
            f"{self.evidence_spans_verified} evidence quotes match their documents"
        )
        lines.append(
            f"Time: {sum(self.seconds.values()):.1f} s ("
            + ", ".join(f"{k} {v:.1f}" for k, v in self.seconds.items())
            + ")"
        )
        return "\n".join(lines)


def build(
    sources: Path | Sequence[Path] = Path("corpus"),
    ontology: Path = Path("ontology"),
    store: Path = DEFAULT_STORE,
    progress: Progress | None = None,
    *,
    keep_going: bool = False,
    max_document_bytes: int | None = None,
) -> BuildReport:
    """Build the dataset from documents (files and folders) and write it to ``store``; return
    the report.

    :param keep_going: skip documents that cannot be read (the report lists them) instead of
        stopping.
    :raises MskgError: a document, the ontology, reasoning or validation fails; nothing is
        written then.
    """
    from ..extract.documents import load_corpus
    from ..extract.extractor import definitions, extract, rule_descriptions, shared_definitions
    from ..extract.lexicon import Lexicon
    from ..extract.nlp import clinical_text
    from ..extract.recognise import Recogniser
    from .graphs import facts_graph, provenance_graph
    from .reason import infer
    from .resolution import resolution
    from .validate import check_provenance, check_shapes, run_qc_checks

    say = progress or (lambda message: None)
    report = BuildReport(store=str(store))
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.seconds[stage] = round(now - clock, 3)
        clock = now

    say("loading ontology")
    tbox = load_ontology(ontology)
    report.qc_checks = run_qc_checks(tbox, Path(ontology, "qc").glob("*.rq"))
    lexicon = Lexicon.from_ontology(tbox)
    report.lexicon_entries = len(lexicon)
    limits = {"max_bytes": max_document_bytes} if max_document_bytes else {}
    corpus = load_corpus(sources, keep_going=keep_going, **limits)
    documents = corpus.documents
    report.skipped = [{"file": str(problem.path), "problem": problem.problem} for problem in corpus.skipped]
    lap("load")

    say("loading the NLP pipeline (medspaCy)")
    context = clinical_text()
    recogniser = Recogniser(lexicon)
    # abbreviations one document defines name the same thing in the others (one IRI per thing)
    defined = [definitions(doc, lexicon, context, recogniser) for doc in documents]
    shared = shared_definitions(defined)
    claims = []
    names_per_document = {}
    for n, (doc, own) in enumerate(zip(documents, defined), 1):
        say(f"extracting [{n}/{len(documents)}] {doc.path.name}")
        extraction = extract(doc, lexicon, context, recogniser, shared, own)
        found = extraction.claims
        names_per_document[doc.slug] = extraction.names
        claims.extend(found)
        report.documents.append(
            {
                "id": doc.slug,
                "file": doc.path.name,
                "title": doc.title,
                "kind": doc.kind,
                "format": doc.metadata.media_type,
                "sentences": len({c.evidence.start for c in found}),
                "facts": 0,
            }
        )
    lap("extract")

    say("building facts and provenance")
    facts, support = facts_graph(claims)
    facts_per_document = Counter(doc for sources in support.values() for doc in {e.document for e, _ in sources})
    for entry, doc in zip(report.documents, documents):
        entry["facts"] = facts_per_document[doc.iri]
    provenance = provenance_graph(documents, support, rule_descriptions())
    report.evidence_spans_verified = check_provenance(documents, facts, provenance)
    report.entities = resolution(names_per_document, facts, lexicon.kinds)
    report.facts_per_relation = dict(Counter(curie(p) for _, p, _ in facts))
    report.statements_per_kind = dict(
        Counter(
            curie(o)
            for _, _, o in facts.triples((None, RDF.type, None))
            if str(o).startswith(PREFIXES["mskg"]) and not _is_drug_class(tbox, o)
        )
    )
    lap("graphs")

    say("reasoning with HermiT")
    inferred = infer(tbox, facts)
    report.consistent = True
    report.inferred_memberships = len(inferred)
    lap("reason")

    say("validating with SHACL")
    shapes = Graph()
    for path in sorted(Path(ontology, "shapes").glob("*.ttl")):
        load_graph_file(path, shapes)
    check_shapes(shapes, tbox + facts)
    report.shapes_conform = True
    lap("validate")

    say(f"writing {store}")
    graphs = [(ONTOLOGY_GRAPH, tbox), (FACTS_GRAPH, facts), (PROVENANCE_GRAPH, provenance), (INFERRED_GRAPH, inferred)]
    report.triples_per_graph = {str(name): len(graph) for name, graph in graphs}
    lines = nquads_lines(graphs)
    lap("write")
    report.dataset_sha256 = save_dataset(Path(store), lines, report.to_dict(), {d.slug: d.text for d in documents})
    return report


def _is_drug_class(tbox: Graph, cls: Any) -> bool:
    return (cls, RDF.type, SCHEMA.DrugClass) in tbox
