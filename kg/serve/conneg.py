"""Content negotiation for the server: which serialisation a client gets, from its ``Accept``
header or a ``format``/``output`` parameter (the names SPARQLWrapper, Fuseki and Virtuoso send).
The formats and their names come from :mod:`kg.formats`.

>>> choose(RESULT_TYPES, "text/csv;q=0.5, application/sparql-results+xml")
'application/sparql-results+xml'
>>> choose(GRAPH_TYPES, None, ["json-ld"])
'application/ld+json'
>>> choose(GRAPH_TYPES, "text/html") is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import FormatError
from ..formats import DATASET_FORMATS, GRAPH_FORMATS, RESULT_FORMATS, Format

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


def _offered(formats: tuple[Format, ...]) -> dict[str, tuple[str, ...]]:
    return {fmt.media_type: fmt.names() for fmt in formats}


#: SELECT/ASK results: media type -> names and media types that mean it (first is the default)
RESULT_TYPES: dict[str, tuple[str, ...]] = _offered(RESULT_FORMATS)
#: CONSTRUCT/DESCRIBE results
GRAPH_TYPES: dict[str, tuple[str, ...]] = _offered(GRAPH_FORMATS)
#: RDF documents that may keep named graphs apart (entity descriptions, graphs); Turtle first
RDF_DOCUMENT_TYPES: dict[str, tuple[str, ...]] = {**GRAPH_TYPES, **_offered(DATASET_FORMATS)}
#: media type -> pyoxigraph format name
OX_RESULT_FORMAT = {fmt.media_type: fmt.oxigraph for fmt in RESULT_FORMATS}
OX_GRAPH_FORMAT = {fmt.media_type: fmt.oxigraph for fmt in DATASET_FORMATS}


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
