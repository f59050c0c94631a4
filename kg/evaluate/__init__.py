"""Measuring extraction against gold annotations written by hand (``tests/gold/README.md``):
precision, recall and F1 per relation, per kind of document and per set.

gold (reading gold files) -> scoring (names to IRIs, normalisation, tallies) <- extraction of
each document; sets (seed, tuning, held-out); :func:`evaluate` runs it. :func:`evaluate_build`
scores what a build already holds instead (the facts of each document, read from the provenance
of a built dataset file), for corpora too large to extract twice (``bench/synth.py``).

Imports extraction and the ontology loader; never the store, query, serve or publish packages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .scoring import Evaluation

if TYPE_CHECKING:
    from rdflib import URIRef

    from ..extract.claims import Triple
    from ..extract.documents import Document
    from ..extract.extractor import Extraction

__all__ = ["Evaluation", "evaluate", "evaluate_build", "extracted"]


def evaluate(
    set_names: list[str] | None = None,
    documents: list[Path] | None = None,
    gold_folder: Path | None = None,
    ontology: Path = Path("ontology"),
    check: bool = True,
) -> tuple[Evaluation, bool]:
    """Extract the documents of the named sets (default: seed and tuning), or the given documents
    (gold in ``gold_folder``), and score them; return the evaluation and whether its facts may be
    shown (never for the held-out set). ``check``: the extractor's learned check of claims (off
    to measure what it does).

    :raises CorpusError: an unknown set, a missing gold file.
    """
    from ..errors import CorpusError
    from .scoring import document_facts
    from .sets import SETS, documents_of

    work: list[tuple[Path, Path, str]] = []
    details = True
    if documents:
        folder = gold_folder or Path("tests/gold")
        for document in documents:
            gold = folder / f"{Path(document).stem}.gold"
            if not gold.is_file():
                raise CorpusError(f"{gold}: no gold annotations for {document}")
            work.append((Path(document), gold, "given"))
    else:
        for name in set_names or ["seed", "tuning"]:
            if name not in SETS:
                raise CorpusError(f"unknown set {name!r} (use {', '.join(SETS)})")
            details = details and SETS[name].details
            work += [(doc, gold, name) for doc, gold in documents_of(SETS[name])]
    evaluation = Evaluation()
    for path, set_name, doc, extraction, expected, entities in extracted(work, ontology, check):
        found = document_facts(extraction.claims, expected)
        evaluation.add(path.name, doc.kind or "unknown", set_name, expected, found, entities)
    return evaluation, details


def extracted(
    work: list[tuple[Path, Path, str]], ontology: Path = Path("ontology"), check: bool = True
) -> Iterator[tuple[Path, str, Document, Extraction, set[Triple], set[URIRef]]]:
    """Extract each (document, gold file, set name) as a build of each folder would (abbreviations
    one document defines apply in the others); yield the document's path, its set, the document,
    its extraction, the gold's facts and the entities the gold names. ``check``: the extractor's
    learned check of claims."""
    from ..build.ontology import load_ontology
    from ..extract.documents import read_document
    from ..extract.extractor import definitions, extract, shared_definitions
    from ..extract.lexicon import Lexicon
    from ..extract.nlp import clinical_text
    from ..extract.recognise import Recogniser
    from .gold import read_gold
    from .scoring import Names, gold_facts, read_names

    tbox = load_ontology(ontology)
    lexicon = Lexicon.from_ontology(tbox)
    terms = read_names(tbox)
    context = clinical_text()
    recogniser = Recogniser(lexicon)
    read = {path: read_document(path) for path, _, _ in work}
    defined = {path: definitions(doc, lexicon, context, recogniser) for path, doc in read.items()}
    shared = {
        folder: shared_definitions([defined[p] for p, _, _ in work if p.parent == folder])
        for folder in {p.parent for p, _, _ in work}
    }
    for path, gold_file, set_name in work:
        doc = read[path]
        extraction = extract(doc, lexicon, context, recogniser, shared[path.parent], defined[path], check=check)
        found_plain = [(c.subject, c.relation, c.object) for c in extraction.claims if c.object is not None]
        names = Names(terms, lexicon, extraction.names)
        expected, entities = gold_facts(read_gold(gold_file), names, found_plain)
        yield path, set_name, doc, extraction, expected, entities


def evaluate_build(dataset: Path, gold_folder: Path, ontology: Path = Path("ontology")) -> Evaluation:
    """Score every document of a built dataset (the N-Quads file ``mskg build`` writes) against
    its gold file (``<file name without extension>.gold`` in ``gold_folder``), without extracting
    anything again: a document's facts are the facts-graph triples whose provenance cites it (a
    statement's evidence, its ``oa:hasSource``), and the names it gave the entities it minted are
    their labels with that evidence. Scores are those :func:`evaluate` gives the same documents,
    except that a name is resolved through the labels of the minted entities rather than through
    every name the document used (the lexicon resolves the others either way).

    :raises CorpusError: a document of the dataset without gold, a gold file whose document the
        dataset does not hold (not built, or skipped by the build).
    """
    from collections import defaultdict

    import pyoxigraph
    from rdflib import BNode, Literal, URIRef
    from rdflib.term import Node

    from ..build.ontology import load_ontology
    from ..errors import CorpusError
    from ..extract.lexicon import Lexicon
    from ..extract.names import normal_form
    from ..namespaces import DCTERMS, MSKG, OA, PROV, PROVENANCE_GRAPH, RDF, RDFS, SKOS, XSD
    from .gold import read_gold
    from .scoring import Names, dataset_facts, gold_facts, read_names

    def term(node: object) -> Node:
        if isinstance(node, pyoxigraph.NamedNode):
            return URIRef(node.value)
        if isinstance(node, pyoxigraph.Literal):
            if node.language:
                return Literal(node.value, lang=node.language)
            datatype = node.datatype.value
            return Literal(node.value) if datatype == str(XSD.string) else Literal(node.value, datatype=URIRef(datatype))
        return BNode(str(node))

    wanted = {str(p): str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for p in
              (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, OA.hasSource, DCTERMS.identifier, MSKG.documentKind)}  # fmt: skip
    parts: dict[str, dict[str, object]] = defaultdict(dict)  # statement -> subject, predicate, object
    derived: dict[str, list[str]] = defaultdict(list)  # statement -> evidence
    source: dict[str, str] = {}  # evidence -> document
    files: dict[str, str] = {}  # document -> file name
    kinds: dict[str, str] = {}  # document -> kind
    provenance = pyoxigraph.NamedNode(str(PROVENANCE_GRAPH))
    for quad in pyoxigraph.parse(path=str(dataset), format=pyoxigraph.RdfFormat.N_QUADS):
        name = wanted.get(quad.predicate.value)
        if name is None or quad.graph_name != provenance:
            continue
        subject = quad.subject.value  # type: ignore[union-attr]
        if name in ("subject", "predicate", "object"):
            parts[subject][name] = quad.object
        elif name == "wasDerivedFrom":
            derived[subject].append(quad.object.value)  # type: ignore[union-attr]
        elif name == "hasSource":
            source[subject] = quad.object.value  # type: ignore[union-attr]
        elif name == "identifier":
            files[subject] = quad.object.value  # type: ignore[union-attr]
        else:
            kinds[subject] = quad.object.value.rsplit("#", 1)[-1].lower()  # type: ignore[union-attr]
    facts: dict[str, list[tuple[URIRef, URIRef, Node]]] = defaultdict(list)
    for statement, spo in parts.items():
        triple = (term(spo["subject"]), term(spo["predicate"]), term(spo["object"]))
        for document in {source[e] for e in derived.get(statement, ()) if e in source}:
            facts[document].append(triple)  # type: ignore[arg-type]

    gold_files = {path.stem: path for path in Path(gold_folder).glob("*.gold")}
    stems = {Path(name).stem: document for document, name in files.items()}
    if missing := sorted(name for name in files.values() if Path(name).stem not in gold_files):
        raise CorpusError(f"{gold_folder}: no gold annotations for {len(missing)} document(s) of {dataset}, such as {missing[0]}")
    if unbuilt := sorted(set(gold_files) - set(stems)):
        raise CorpusError(f"{dataset} holds no document for {len(unbuilt)} gold file(s) of {gold_folder}, such as {unbuilt[0]}.gold")
    tbox = load_ontology(ontology)
    lexicon = Lexicon.from_ontology(tbox)
    terms = read_names(tbox)
    evaluation = Evaluation()
    lexical: dict[str, URIRef] = {}  # what the lexicon makes of each name, shared by the documents
    for stem in sorted(stems):
        document = stems[stem]
        triples = facts.get(document, [])
        aliases = {normal_form(str(o)): s for s, p, o in triples if p in (RDFS.label, SKOS.altLabel)}
        expected, entities = gold_facts(read_gold(gold_files[stem]), Names(terms, lexicon, aliases, lexical), triples)
        found = dataset_facts(triples, expected)
        evaluation.add(files[document], kinds.get(document, "unknown"), "build", expected, found, entities)
    return evaluation
