"""Reading source documents: strict UTF-8 plain text, split into headings, paragraphs and lists,
with every block's character offsets into the document text (the offsets that evidence cites)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError, DocumentError
from ..namespaces import ID

__all__ = ["Block", "Document", "read_document", "load_corpus", "DOCUMENT_SUFFIXES"]

#: the formats the pipeline reads; anything else in the corpus folder is refused by name
DOCUMENT_SUFFIXES = (".txt",)

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n")
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d+[.)]|[-*\u2022])[ \t]+(?P<item>\S.*?)[ \t\r]*$")
_MAX_HEADING_CHARS = 100


@dataclass(frozen=True)
class Block:
    """A run of text between blank lines: a ``heading``, a ``paragraph``, a list ``item``,
    or ``boilerplate`` (a dangling label such as "Visit other sites:")."""

    kind: str
    start: int
    end: int
    text: str
    #: headings from the title down to this block, title first
    section: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One source document, its text exactly as decoded, and its structure."""

    path: Path
    slug: str
    text: str
    sha256: str
    title: str
    breadcrumb: tuple[str, ...]
    blocks: tuple[Block, ...] = field(repr=False)

    @property
    def iri(self):  # noqa: ANN201 - rdflib URIRef
        return ID[f"document/{self.slug}"]


def _slug(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not slug:
        raise DocumentError(path, "file name gives no usable identifier (use letters or digits)")
    return slug


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise DocumentError(path, "document is empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError(path, f"looks binary (NUL byte at offset {nul}); mskg reads UTF-8 plain text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DocumentError(
            path, f"not valid UTF-8 at line {line}, column {column} (byte 0x{data[exc.start]:02x})"
        ) from None


def _is_heading(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _MAX_HEADING_CHARS and line[-1] not in ".:;," and not _LIST_ITEM.match(line)


def _classify_text_run(lines: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A run of non-list lines: an optional heading line, then a paragraph or a lone label."""
    blocks: list[tuple[str, int, int]] = []
    if len(lines) > 1 and _is_heading(lines[0][0]):
        blocks.append(("heading", lines[0][1], lines[0][2]))
        lines = lines[1:]
    body, first, last = lines[0][0], lines[0][1], lines[-1][2]
    if len(lines) == 1 and _is_heading(body):
        blocks.append(("heading", first, last))
    elif len(lines) == 1 and body.endswith(":") and len(body) <= _MAX_HEADING_CHARS:
        blocks.append(("boilerplate", first, last))
    else:
        blocks.append(("paragraph", first, last))
    return blocks


def _raw_blocks(text: str) -> list[tuple[str, int, int]]:
    """Split into blocks between blank lines; inside a block, list items and other lines
    form separate runs (a breadcrumb list is often followed by a label line)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _BLANK_LINES.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    blocks: list[tuple[str, int, int]] = []
    for start, end in spans:
        offset = start
        run: list[tuple[str, int, int]] = []
        for line in text[start:end].split("\n"):
            stripped = line.strip()
            lead = len(line) - len(line.lstrip())
            here = (stripped, offset + lead, offset + lead + len(stripped))
            offset += len(line) + 1
            if not stripped:
                continue
            item = _LIST_ITEM.match(line)
            if item:
                if run:
                    blocks.extend(_classify_text_run(run))
                    run = []
                s = here[1] - lead
                blocks.append(("item", s + item.start("item"), s + item.end("item")))
            else:
                run.append(here)
        if run:
            blocks.extend(_classify_text_run(run))
    return blocks


def read_document(path: Path | str) -> Document:
    """Read one document and find its title, headings and breadcrumb.

    :raises DocumentError: missing, unreadable, empty, binary or non-UTF-8 file.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "file not found") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a directory, not a document") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror})") from None
    text = _decode(path, data)
    raw = _raw_blocks(text)
    title = next((text[s:e] for kind, s, e in raw if kind == "heading"), path.stem)
    items = [text[s:e] for kind, s, e in raw if kind == "item"]
    # A trailing list that ends with the title is the site's breadcrumb, not content.
    breadcrumb: tuple[str, ...] = ()
    if items and items[-1].strip().lower() == title.strip().lower():
        breadcrumb = tuple(items)
    blocks: list[Block] = []
    heading: str | None = None
    for kind, s, e in raw:
        body = text[s:e]
        if kind == "item" and body in breadcrumb:
            continue
        if kind == "heading":
            heading = None if body == title else body
        section = (title,) if heading is None else (title, heading)
        blocks.append(Block(kind, s, e, body, section))
    return Document(
        path=path,
        slug=_slug(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        breadcrumb=breadcrumb,
        blocks=tuple(blocks),
    )


def load_corpus(folder: Path | str) -> list[Document]:
    """Read every document of a corpus folder, in file-name order.

    :raises CorpusError: the folder is missing, holds no documents, holds a file of an
        unknown format, or two files would get the same identifier.
    :raises DocumentError: a document cannot be read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder not found")
    # hidden files and a README describing the folder are not documents
    files = sorted(p for p in folder.iterdir() if not p.name.startswith(".") and p.stem.upper() != "README")
    unknown = [p.name for p in files if p.is_file() and p.suffix.lower() not in DOCUMENT_SUFFIXES]
    if unknown:
        raise CorpusError(
            f"{folder}: unsupported document format: {', '.join(unknown)} "
            f"(mskg reads UTF-8 plain text: {', '.join(DOCUMENT_SUFFIXES)})"
        )
    documents = [read_document(p) for p in files if p.is_file()]
    if not documents:
        raise CorpusError(f"{folder}: no documents ({', '.join(DOCUMENT_SUFFIXES)}) in the corpus")
    slugs: dict[str, Path] = {}
    for doc in documents:
        if doc.slug in slugs:
            raise CorpusError(f"{doc.path} and {slugs[doc.slug]} give the same document id {doc.slug!r}")
        slugs[doc.slug] = doc.path
    return documents
