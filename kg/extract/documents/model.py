"""What a document is once read: its text exactly as mskg reads it (evidence offsets point into
it), its blocks (headings, paragraphs, list items, table rows) with their section paths, and its
metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...namespaces import ID

__all__ = ["Block", "Document", "KINDS", "Metadata", "Rendered", "slug_of"]

#: the kinds of document the metadata may name (``kind:``)
KINDS = ("label", "leaflet", "news", "summary")


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself (front matter, ``<meta>`` tags, PDF document
    information); every field may be unknown."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    #: ISO 8601 date (``YYYY-MM-DD``)
    date: str | None = None
    #: ``label``, ``leaflet``, ``news`` or ``summary``
    kind: str | None = None
    #: the format it was read from
    media_type: str = "text/plain"


#: what separates the cells of a table row: " | " in tables mskg renders (HTML, Markdown, PDF),
#: a run of spaces in plain text laid out in columns
CELL_GAP = re.compile(r"\s*\|\s*| {2,}|\t+")


@dataclass(frozen=True)
class Block:
    """A unit of the text: a ``heading``, a ``paragraph``, a list ``item``, a table ``row``, a
    table's ``header`` row (its column names), or ``boilerplate`` (a dangling label such as "Visit
    other sites:")."""

    kind: str
    start: int
    end: int
    text: str
    #: headings from the title down to this block, title first
    section: tuple[str, ...] = ()
    #: a heading's depth (1: the title)
    level: int = 0


@dataclass(frozen=True)
class Rendered:
    """What a format's reader gives: the text as mskg reads it, its blocks as (kind, start,
    end, heading level), and the metadata found."""

    text: str
    blocks: list[tuple[str, int, int, int]]
    metadata: Metadata


@dataclass(frozen=True)
class Document:
    """One source document, read."""

    path: Path
    slug: str
    text: str
    sha256: str
    title: str
    breadcrumb: tuple[str, ...]
    blocks: tuple[Block, ...] = field(repr=False)
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def iri(self) -> Any:  # rdflib URIRef
        return ID[f"document/{self.slug}"]

    @property
    def kind(self) -> str | None:
        return self.metadata.kind


def slug_of(path: Path) -> str:
    """The document's identifier, from its file name.

    :raises DocumentError: the name has no letters or digits.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not slug:
        raise DocumentError(path, "file name gives no usable identifier (use letters or digits)")
    return slug
