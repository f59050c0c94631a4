"""One document's part of the dataset, made where it can run alone (a build worker, a node of a
distributed engine): read the document, extract its claims, turn them into facts and provenance,
check its quotes and the shapes, materialise its class memberships, and hand back sorted N-Quads.

A build makes a :class:`Shard` per document and merges their lines; nothing here needs another
document's shard, only the abbreviations the corpus defines (:func:`definitions_of`, a first pass).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from ..extract.documents import MAX_DOCUMENT_BYTES, read_document
from ..extract.recognise import Aliases
from ..namespaces import FACTS_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH
from .ontology import load_graph_file, load_ontology
from .serialize import nquads_lines

__all__ = ["Shard", "Toolkit", "aliases_from_json", "aliases_to_json", "definitions_of", "shard_of"]


class Toolkit:
    """What reading any document needs, loaded once per process: the ontology and its lexicon,
    the shapes, and (on first use, as they take seconds) medspaCy and the recogniser with its
    offline dictionaries."""

    def __init__(self, ontology: Path) -> None:
        from ..extract.lexicon import Lexicon

        self.ontology_folder = Path(ontology)
        self.tbox = load_ontology(ontology)
        self.lexicon = Lexicon.from_ontology(self.tbox)
        self.shapes = Graph()
        for path in sorted(Path(ontology, "shapes").glob("*.ttl")):
            load_graph_file(path, self.shapes)

    @cached_property
    def context(self) -> Any:
        from ..extract.nlp import clinical_text

        return clinical_text()

    @cached_property
    def recogniser(self) -> Any:
        from ..extract.recognise import Recogniser

        return Recogniser(self.lexicon)

    def warm(self) -> None:
        """Load the slow parts now (before forking workers, so they share them)."""
        _ = self.context, self.recogniser


@dataclass
class Shard:
    """A document's facts, provenance and inferred memberships as sorted N-Quads lines, with what
    the build report says of it."""

    slug: str
    #: the build report's entry: id, file, title, kind, format, sentences with facts, facts
    entry: dict[str, Any]
    #: every name the document gives a thing (normal form -> IRI), for the resolution report
    names: dict[str, str]
    #: evidence quotes checked against the document's text
    evidence: int
    text: str
    lines: list[str] = field(default_factory=list)


def aliases_to_json(aliases: Aliases) -> list[list[Any]]:
    return [[list(words), str(iri), kind, label] for words, (iri, kind, label) in sorted(aliases.names.items())]


def aliases_from_json(rows: list[list[Any]]) -> Aliases:
    aliases = Aliases()
    for words, iri, kind, label in rows:
        aliases.add(tuple(words), URIRef(iri), kind, label)
    return aliases


def definitions_of(path: Path, kit: Toolkit, max_bytes: int = MAX_DOCUMENT_BYTES) -> Aliases:
    """The abbreviations a document defines (the first pass: a corpus shares them).

    :raises DocumentError: the document cannot be read.
    """
    from ..extract.extractor import definitions

    return definitions(read_document(path, max_bytes=max_bytes), kit.lexicon, kit.context, kit.recogniser)


def shard_of(path: Path, kit: Toolkit, shared: Aliases, own: Aliases, max_bytes: int = MAX_DOCUMENT_BYTES) -> Shard:
    """Everything one document contributes to the dataset.

    :param shared: the abbreviations the corpus defines with one meaning.
    :param own: the document's own (:func:`definitions_of`).
    :raises DocumentError: the document cannot be read.
    :raises ProvenanceError, ShapeViolationError, InconsistentOntologyError: its facts break the
        provenance contract, the shapes or the ontology.
    """
    from ..extract.extractor import extract
    from .graphs import facts_graph, provenance_graph
    from .reason import memberships
    from .validate import check_provenance, check_shapes

    doc = read_document(path, max_bytes=max_bytes)
    extraction = extract(doc, kit.lexicon, kit.context, kit.recogniser, shared, own)
    facts, support = facts_graph(extraction.claims)
    provenance = provenance_graph([doc], support, {})
    evidence = check_provenance([doc], facts, provenance)
    check_shapes(kit.shapes, kit.tbox + facts)
    inferred = memberships(kit.tbox, facts)
    entry = {
        "id": doc.slug,
        "file": doc.path.name,
        "title": doc.title,
        "kind": doc.kind,
        "format": doc.metadata.media_type,
        "sentences": len({c.evidence.start for c in extraction.claims}),
        "facts": len(facts),
    }
    lines = nquads_lines([(FACTS_GRAPH, facts), (PROVENANCE_GRAPH, provenance), (INFERRED_GRAPH, inferred)])
    names = {name: str(iri) for name, iri in extraction.names.items()}
    return Shard(doc.slug, entry, names, evidence, doc.text, lines)
