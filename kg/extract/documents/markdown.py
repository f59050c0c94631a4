"""Markdown documents (``.md``): CommonMark with tables, read with markdown-it-py (the
CommonMark reference port, also behind MyST and Jupyter Book). The text mskg reads is the
document without its markup: headings, paragraphs, ``- `` list items and `` | ``-joined table rows,
one block per line and a blank line between blocks; front matter is taken off first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .metadata import front_matter
from .model import Rendered
from .render import TextWriter
from .text import decode_utf8

__all__ = ["read_markdown"]


def _inline(token: Any) -> str:
    """The plain text of an inline token: markup dropped, links and images by their text."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def read_markdown(path: Path, data: bytes) -> Rendered:
    from markdown_it import MarkdownIt

    body, metadata = front_matter(path, decode_utf8(path, data), "text/markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    writer = TextWriter()
    kind: str | None = None
    level = 0
    row: list[str] | None = None
    header = False
    for token in tokens:
        if token.type == "heading_open":
            kind, level = "heading", int(token.tag[1:])
        elif token.type == "paragraph_open" and kind is None:
            kind = "paragraph"
        elif token.type == "list_item_open":
            kind = "item"
        elif token.type == "list_item_close":
            kind = None
        elif token.type in ("thead_open", "thead_close"):
            header = token.type == "thead_open"
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            writer.block("header" if header else "row", " | ".join(cell.strip() for cell in row))
            row = None
        elif token.type == "inline":
            text = _inline(token)
            if row is not None:
                row.append(text)
            elif kind is not None:
                writer.block(kind, text, level if kind == "heading" else 0)
        elif token.type in ("heading_close", "paragraph_close") and kind != "item":
            kind = None
        elif token.type in ("code_block", "fence"):
            writer.block("paragraph", token.content)
    return writer.rendered(metadata)
