"""Measuring extraction against gold annotations written by hand (``tests/gold/README.md``):
precision, recall and F1 per relation, per kind of document and per set.

gold (reading gold files) -> scoring (names to IRIs, normalisation, tallies) <- extraction of
each document; sets (seed, tuning, held-out); :func:`evaluate` runs it.

Imports extraction and the ontology loader; never the store, query, serve or publish packages.
"""

from __future__ import annotations

from pathlib import Path

from .scoring import Evaluation

__all__ = ["Evaluation", "evaluate"]


def evaluate(
    set_names: list[str] | None = None,
    documents: list[Path] | None = None,
    gold_folder: Path | None = None,
    ontology: Path = Path("ontology"),
) -> tuple[Evaluation, bool]:
    """Extract the documents of the named sets (default: seed and tuning), or the given documents
    (gold in ``gold_folder``), and score them; return the evaluation and whether its facts may be
    shown (never for the held-out set).

    :raises CorpusError: an unknown set, a missing gold file.
    """
    from ..build.ontology import load_ontology
    from ..errors import CorpusError
    from ..extract.documents import read_document
    from ..extract.extractor import definitions, extract, shared_definitions
    from ..extract.lexicon import Lexicon
    from ..extract.nlp import clinical_text
    from ..extract.recognise import Recogniser
    from .gold import read_gold
    from .scoring import Names, document_facts, gold_facts, read_names
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
    tbox = load_ontology(ontology)
    lexicon = Lexicon.from_ontology(tbox)
    terms = read_names(tbox)
    context = clinical_text()
    recogniser = Recogniser(lexicon)
    evaluation = Evaluation()
    read = {path: read_document(path) for path, _, _ in work}
    # as a build of each folder reads it: abbreviations one document defines apply in the others
    defined = {path: definitions(doc, lexicon, context, recogniser) for path, doc in read.items()}
    shared = {
        folder: shared_definitions([defined[p] for p, _, _ in work if p.parent == folder])
        for folder in {p.parent for p, _, _ in work}
    }
    for path, gold_file, set_name in work:
        doc = read[path]
        extraction = extract(doc, lexicon, context, recogniser, shared[path.parent], defined[path])
        found_plain = [(c.subject, c.relation, c.object) for c in extraction.claims if c.object is not None]
        names = Names(terms, lexicon, extraction.names)
        expected, entities = gold_facts(read_gold(gold_file), names, found_plain)
        found = document_facts(extraction.claims, expected)
        evaluation.add(doc.path.name, doc.kind or "unknown", set_name, expected, found, entities)
    return evaluation, details
