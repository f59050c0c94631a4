"""Describing the dataset: VoID statistics per named graph and a DCAT record of a release (version,
date, licence, sources, distributions with sizes and checksums). Made with pyoxigraph only, so the
server can describe what it serves without loading rdflib."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..iris import BASE, ID, MSKG, PREFIXES

__all__ = ["Distribution", "DESCRIPTION_PREFIXES", "DATASET_IRI", "describe", "release_iri", "vocabulary_of"]

DATASET_IRI = BASE + "dataset"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
_VOID = "http://rdfs.org/ns/void#"
_DCAT = "http://www.w3.org/ns/dcat#"
_SPDX = "http://spdx.org/rdf/terms#"
_SD = "http://www.w3.org/ns/sparql-service-description#"
_DCTERMS = PREFIXES["dcterms"]
_RDF_TYPE = PREFIXES["rdf"] + "type"
_XSD = PREFIXES["xsd"]
_MEDIA = "https://www.iana.org/assignments/media-types/"
#: VoID count property -> the statistic it counts
_COUNTS = {
    "entities": "entities",
    "distinctSubjects": "subjects",
    "distinctObjects": "objects",
    "properties": "properties",
    "classes": "classes",
}
#: prefixes for writing descriptions
DESCRIPTION_PREFIXES = {
    **PREFIXES,
    "void": _VOID,
    "dcat": _DCAT,
    "spdx": _SPDX,
    "sd": _SD,
    "formats": "http://www.w3.org/ns/formats/",
}


@dataclass(frozen=True)
class Distribution:
    """One file of a release."""

    name: str
    media_type: str
    size: int
    sha256: str


def release_iri(version: str) -> str:
    return f"{BASE}release/{version}"


def vocabulary_of(iri: str) -> str:
    """The namespace of a term: up to its last ``#`` or ``/``.

    >>> vocabulary_of("http://www.w3.org/ns/prov#wasDerivedFrom")
    'http://www.w3.org/ns/prov#'
    """
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _statistics(quads: Iterable[Any]) -> dict[str, dict[str, Any]]:
    stats: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "triples": 0,
            "subjects": set(),
            "objects": set(),
            "properties": set(),
            "classes": set(),
            "entities": set(),
        }
    )
    for quad in quads:
        for graph in (quad.graph_name.value if hasattr(quad.graph_name, "value") else "", "*"):
            s = stats[graph]
            s["triples"] += 1
            s["subjects"].add(str(quad.subject))
            s["objects"].add(str(quad.object))
            s["properties"].add(quad.predicate.value)
            if quad.predicate.value == _RDF_TYPE:
                s["classes"].add(quad.object.value)
            for term in (quad.subject, quad.object):
                if type(term).__name__ == "NamedNode" and term.value.startswith(ID):
                    s["entities"].add(term.value)
    return stats


def describe(
    quads: list[Any],
    *,
    version: str | None = None,
    issued: str | None = None,
    distributions: Iterable[Distribution] = (),
    previous_version: str | None = None,
) -> list[Any]:
    """Triples describing the dataset: VoID statistics (whole and per named graph, vocabularies
    used, URI space) and, for a release, a DCAT record of its version and files."""
    import pyoxigraph as ox

    def iri(value: str) -> Any:
        return ox.NamedNode(value)

    def literal(value: object, datatype: str | None = None) -> Any:
        return ox.Literal(str(value), datatype=iri(_XSD + datatype)) if datatype else ox.Literal(str(value))

    subject = iri(release_iri(version) if version else DATASET_IRI)
    out: list[Any] = []

    def add(s: Any, p: str, o: Any) -> None:
        out.append(ox.Triple(s, iri(p), o))

    stats = _statistics(quads)
    whole = stats.pop("*")
    add(subject, _RDF_TYPE, iri(_VOID + "Dataset"))
    add(subject, _RDF_TYPE, iri(_DCAT + "Dataset"))
    add(
        subject,
        _DCTERMS + "title",
        ox.Literal("mskg: a knowledge graph of multiple-sclerosis treatments", language="en"),
    )
    add(
        subject,
        _DCTERMS + "description",
        ox.Literal(
            "Facts about multiple-sclerosis treatments extracted from documents, each with the sentence and "
            "character span it came from, under an OWL ontology; in four named graphs: ontology, facts, "
            "provenance and inferred.",
            language="en",
        ),
    )
    add(subject, _DCTERMS + "license", iri(LICENSE))
    add(
        subject,
        _DCTERMS + "rights",
        ox.Literal("Quoted evidence sentences remain the work of their publishers.", language="en"),
    )

    def add_counts(node: Any, counts: dict[str, Any]) -> None:
        add(node, _VOID + "triples", literal(counts["triples"], "integer"))
        for prop, key in _COUNTS.items():
            add(node, _VOID + prop, literal(len(counts[key]), "integer"))

    add(subject, _VOID + "uriSpace", literal(ID))
    add_counts(subject, whole)
    vocabularies = {vocabulary_of(p) for p in whole["properties"]} | {vocabulary_of(c) for c in whole["classes"]}
    for vocabulary in sorted(vocabularies):
        add(subject, _VOID + "vocabulary", iri(vocabulary))
    add(subject, _VOID + "rootResource", iri(MSKG.rstrip("#")))
    for quad in quads:
        if quad.predicate.value == _RDF_TYPE and quad.object.value == MSKG + "SourceDocument":
            add(subject, _DCTERMS + "source", quad.subject)
    for graph, s in sorted(stats.items()):
        part = iri(f"{subject.value}/graph/{graph.rsplit('/', 1)[-1]}")
        add(subject, _VOID + "subset", part)
        add(part, _RDF_TYPE, iri(_VOID + "Dataset"))
        add(part, _SD + "name", iri(graph))
        add_counts(part, s)
    if version:
        add(subject, _DCAT + "version", literal(version))
        add(subject, _DCTERMS + "isVersionOf", iri(DATASET_IRI))
        if previous_version:
            add(subject, _DCAT + "previousVersion", iri(release_iri(previous_version)))
    if issued:
        add(subject, _DCTERMS + "issued", literal(issued, "date"))
    for dist in distributions:
        node = iri(f"{subject.value}/{dist.name}")
        add(subject, _DCAT + "distribution", node)
        add(node, _RDF_TYPE, iri(_DCAT + "Distribution"))
        add(node, _DCAT + "downloadURL", node)
        add(node, _DCAT + "mediaType", iri(_MEDIA + dist.media_type))
        add(node, _DCAT + "byteSize", literal(dist.size, "integer"))
        checksum = iri(f"{node.value}#sha256")
        add(node, _SPDX + "checksum", checksum)
        add(checksum, _RDF_TYPE, iri(_SPDX + "Checksum"))
        add(checksum, _SPDX + "algorithm", iri(_SPDX + "checksumAlgorithm_sha256"))
        add(checksum, _SPDX + "checksumValue", literal(dist.sha256, "hexBinary"))
        if dist.media_type in ("application/n-quads", "application/trig", "application/ld+json"):
            add(subject, _VOID + "dataDump", node)
    return out
