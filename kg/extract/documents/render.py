"""Writing the text of a structured document (Markdown, HTML, PDF): one block per line, list
items as ``- item`` and consecutive items or table rows on consecutive lines, a blank line
between other blocks. Block offsets exclude the item marker, so a quote is the item's own text."""

from __future__ import annotations

import re

from .model import Metadata, Rendered

__all__ = ["TextWriter"]

_SPACES = re.compile(r"\s+")


class TextWriter:
    """Collects blocks and the text they make."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._previous: str | None = None
        self.blocks: list[tuple[str, int, int, int]] = []

    def block(self, kind: str, text: str, level: int = 0) -> None:
        text = _SPACES.sub(" ", text).strip()
        if not text:
            return
        if self._previous is not None:
            # items of one list, rows of one table (its header included) sit on consecutive lines
            table = ("row", "header")
            listed = kind == self._previous == "item" or kind in table and self._previous in table
            self._write("\n" if listed else "\n\n")
        if kind == "item":
            self._write("- ")
        start = self._length
        self._write(text)
        self.blocks.append((kind, start, self._length, level))
        self._previous = kind

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    @property
    def text(self) -> str:
        return "".join(self._parts) + ("\n" if self._parts else "")

    def rendered(self, metadata: Metadata) -> Rendered:
        return Rendered(self.text, self.blocks, metadata)
