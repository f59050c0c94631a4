"""Content negotiation for the server: which serialisation a client gets, from its ``Accept``
header or a ``format``/``output`` parameter (the names SPARQLWrapper, Fuseki and Virtuoso send).

>>> choose(RESULT_TYPES, "text/csv;q=0.5, application/sparql-results+xml")
'application/sparql-results+xml'
>>> choose(GRAPH_TYPES, None, ["json-ld"])
'application/ld+json'
>>> choose(GRAPH_TYPES, "text/html") is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import FormatError

__all__ = [
    "GRAPH_TYPES",
    "HTML",
    "RDF_DOCUMENT_TYPES",
    "RESULT_TYPES",
    "choose",
    "OX_GRAPH_FORMAT",
    "OX_RESULT_FORMAT",
]

HTML = "text/html"

#: SELECT/ASK results: media type -> names and media types that mean it (first is the default)
RESULT_TYPES: dict[str, tuple[str, ...]] = {
    "application/sparql-results+json": ("json", "srj", "application/json", "text/javascript", "application/javascript"),
    "application/sparql-results+xml": ("xml", "srx", "application/xml", "text/xml"),
    "text/csv": ("csv",),
    "text/tab-separated-values": ("tsv",),
}
#: CONSTRUCT/DESCRIBE results and RDF documents
GRAPH_TYPES: dict[str, tuple[str, ...]] = {
    "text/turtle": ("ttl", "turtle", "application/turtle", "application/x-turtle", "n3", "text/n3", "text/rdf+n3"),
    "application/n-triples": ("nt", "ntriples", "n-triples", "text/plain"),
    "application/ld+json": ("jsonld", "json-ld", "json", "application/json", "application/x-json+ld"),
    "application/rdf+xml": ("rdf", "xml", "rdf+xml", "rdfxml", "application/xml", "text/xml"),
}
#: RDF documents that keep named graphs apart (entity descriptions, graphs)
RDF_DOCUMENT_TYPES: dict[str, tuple[str, ...]] = {
    **GRAPH_TYPES,
    "application/trig": ("trig",),
    "application/n-quads": ("nq", "nquads", "n-quads"),
}
#: media type -> pyoxigraph format name
OX_RESULT_FORMAT = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
OX_GRAPH_FORMAT = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "application/trig": "TRIG",
    "application/n-quads": "N_QUADS",
}


def _accepted(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranges.append((quality, position, media.lower()))
    return sorted(ranges, key=lambda r: (-r[0], r[1]))


def choose(
    offered: dict[str, tuple[str, ...]], accept: str | None, formats: Sequence[str] = (), default: str | None = None
) -> str | None:
    """The media type to answer with, or None when the client accepts none of ``offered``.

    :param formats: ``format``/``output`` parameter values; the first one that names an offered
        type wins, and they override ``Accept``.
    :raises FormatError: format parameters were given and none names an offered type.
    """
    if formats:
        for value in formats:
            value = value.strip().lower()
            for media, names in offered.items():
                if value == media or value in names:
                    return media
        raise FormatError(f"unknown format {formats[0]!r}; this answer can be one of: {_names(offered)}")
    fallback = default or next(iter(offered))
    if not accept:
        return fallback
    for quality, _, media in _accepted(accept):
        if quality <= 0:
            continue
        if media in ("*/*", "*"):
            return fallback
        if media.endswith("/*"):
            family = media[:-1]
            match = next((m for m in offered if m.startswith(family)), None)
            if match:
                return fallback if fallback.startswith(family) else match
            continue
        for offered_type, names in offered.items():
            if media == offered_type or media in names:
                return offered_type
    return None


def _names(offered: dict[str, tuple[str, ...]]) -> str:
    return ", ".join(f"{names[0]} ({media})" for media, names in offered.items())


def not_acceptable(offered: dict[str, tuple[str, ...]]) -> str:
    """The message for a 406 reply."""
    return f"none of the requested formats can be served here; available: {_names(offered)}"
