"""Reading source documents: plain text, Markdown, HTML and PDF, each into the text mskg reads
(evidence offsets point into it; the build keeps it), its blocks with their section paths, and
its metadata (title, publisher, URL, date, kind).

One reader per format (``text``, ``markdown``, ``html``, ``pdf``); ``metadata`` reads front matter
and dates and guesses a document's kind; this module checks what every format shares (size,
emptiness), builds the section structure and reads a corpus, skipping bad documents when asked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import CorpusError, DocumentError
from .html import read_html
from .markdown import read_markdown
from .metadata import infer_kind
from .model import CELL_GAP, KINDS, Block, Document, Metadata, Rendered, slug_of
from .pdf import read_pdf
from .text import read_text

__all__ = [
    "CELL_GAP",
    "Block",
    "Corpus",
    "DOCUMENT_SUFFIXES",
    "Document",
    "KINDS",
    "MAX_DOCUMENT_BYTES",
    "Metadata",
    "document_bytes",
    "list_documents",
    "load_corpus",
    "read_document",
]

Reader = Callable[[Path, bytes], Rendered]
#: file suffix -> reader; anything else in a corpus is refused by name
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}
DOCUMENT_SUFFIXES = tuple(READERS)
#: the largest document read unless told otherwise (a label as published is well under 5 MB)
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def _structure(path: Path, data: bytes, rendered: Rendered) -> Document:
    text, raw, metadata = rendered.text, rendered.blocks, rendered.metadata
    headings = [(text[s:e], level) for kind, s, e, level in raw if kind == "heading"]
    titled = [h for h, level in headings if level == 1] or ([headings[0][0]] if headings and not metadata.title else [])
    title = titled[0] if titled else metadata.title or (headings[0][0] if headings else path.stem)
    items = [text[s:e] for kind, s, e, _ in raw if kind == "item"]
    # A trailing list that ends with the title is the site's breadcrumb, not content.
    breadcrumb: tuple[str, ...] = ()
    if items and items[-1].strip().lower() == title.strip().lower():
        breadcrumb = tuple(items)
    blocks: list[Block] = []
    open_headings: list[tuple[int, str]] = []
    for kind, s, e, level in raw:
        body = text[s:e]
        if kind == "item" and body in breadcrumb:
            continue
        if kind == "heading":
            depth = level or 2  # plain text: every heading under the title
            while open_headings and open_headings[-1][0] >= depth:
                open_headings.pop()
            if body != title:
                open_headings.append((depth, body))
            elif depth > 1:
                open_headings.clear()
        section = (title, *(h for _, h in open_headings))
        blocks.append(Block(kind, s, e, body, section, level))
    first_paragraph = next((b.text for b in blocks if b.kind == "paragraph"), "")
    kind = metadata.kind or infer_kind([h for h, _ in headings], first_paragraph)
    return Document(
        path=path,
        slug=slug_of(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        breadcrumb=breadcrumb,
        blocks=tuple(blocks),
        metadata=Metadata(
            title=metadata.title or title,
            publisher=metadata.publisher,
            url=metadata.url,
            date=metadata.date,
            kind=kind,
            media_type=metadata.media_type,
        ),
    )


def document_bytes(path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> bytes:
    """A document file's bytes, refused by name if missing, unreadable or too large.

    :raises DocumentError: saying which.
    """
    try:
        if path.is_dir():
            raise DocumentError(path, "is a directory, not a document")
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                path, f"is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:g} MB limit for one document "
                "(raise it with --max-document-size)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "file not found") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror})") from None


def read_document(path: Path | str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """Read one document in any of the formats of :data:`READERS`.

    :raises DocumentError: missing, unreadable, too large, empty, of an unknown format, binary,
        badly encoded, a PDF without text, a page without main text; the message names the file.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(path, f"unsupported document format {path.suffix or '(no extension)'!r} "
                            f"(mskg reads {', '.join(DOCUMENT_SUFFIXES)})")  # fmt: skip
    data = document_bytes(path, max_bytes=max_bytes)
    if not data.strip():
        raise DocumentError(path, "document is empty")
    rendered = reader(path, data)
    if not rendered.text.strip():
        raise DocumentError(path, "document is empty (no text once read)")
    return _structure(path, data, rendered)


@dataclass
class Corpus:
    """The documents of a build, and those skipped with the reason."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[DocumentError] = field(default_factory=list)


def _files(source: Path) -> list[Path]:
    if source.is_dir():
        # hidden files and a README describing the folder are not documents
        return sorted(
            p for p in source.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(source).parts)
            and p.stem.upper() != "README"
        )  # fmt: skip
    if not source.exists():
        raise CorpusError(f"{source}: no such file or folder")
    return [source]


def list_documents(sources: Path | str | Iterable[Path | str]) -> list[Path]:
    """The document files of the given files and folders (folders recursively, in name order).

    :raises CorpusError: a source is missing.
    """
    paths = [Path(sources)] if isinstance(sources, (str, Path)) else [Path(s) for s in sources]
    return [file for source in paths for file in _files(source)]


def load_corpus(
    sources: Path | str | Iterable[Path | str], *, keep_going: bool = False, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Corpus:
    """Read every document of the given files and folders (folders recursively, in name order).

    :param keep_going: skip documents that cannot be read (listed in :attr:`Corpus.skipped`)
        instead of stopping at the first.
    :raises CorpusError: a source is missing, nothing can be read, or two files would get the
        same document identifier.
    :raises DocumentError: a document cannot be read (unless ``keep_going``).
    """
    paths = [Path(sources)] if isinstance(sources, (str, Path)) else [Path(s) for s in sources]
    corpus = Corpus()
    for file in list_documents(paths):
        try:
            corpus.documents.append(read_document(file, max_bytes=max_bytes))
        except DocumentError as exc:
            if not keep_going:
                raise
            corpus.skipped.append(exc)
    if not corpus.documents:
        where = ", ".join(str(p) for p in paths)
        reason = f" ({len(corpus.skipped)} could not be read)" if corpus.skipped else ""
        raise CorpusError(f"{where}: no documents to build from{reason} (mskg reads {', '.join(DOCUMENT_SUFFIXES)})")
    slugs: dict[str, Path] = {}
    for doc in corpus.documents:
        if doc.slug in slugs:
            raise CorpusError(f"{doc.path} and {slugs[doc.slug]} give the same document id {doc.slug!r}: rename one")
        slugs[doc.slug] = doc.path
    return corpus
