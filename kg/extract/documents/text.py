"""Plain text and Markdown-less text files: strict UTF-8, with optional front matter. Blank
lines separate blocks; a short line without final punctuation is a heading, unless it is the
first line of a paragraph wrapped at a fixed width; ``-``, ``*``, ``•`` or ``1.`` start list items;
lines laid out in columns with runs of spaces or with " | " between cells are a table (its first
line the header)."""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import DocumentError
from .metadata import front_matter
from .model import Rendered

__all__ = ["decode_utf8", "read_text", "text_blocks"]

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n")
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d+[.)]|[-*\u2022\u25aa\u25e6])[ \t]+(?P<item>\S.*?)[ \t\r]*$")
_MAX_HEADING_CHARS = 100


def decode_utf8(path: Path, data: bytes) -> str:
    """The bytes of a text document as text.

    :raises DocumentError: binary (a NUL byte) or not UTF-8, with the line and column.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError(path, f"looks binary (NUL byte at offset {nul}); mskg reads text as UTF-8")
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DocumentError(
            path, f"not valid UTF-8 at line {line}, column {column} (byte 0x{data[exc.start]:02x})"
        ) from None


def _is_heading(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _MAX_HEADING_CHARS and line[-1] not in ".:;," and not _LIST_ITEM.match(line)


#: a verb that makes a short line ending in a colon a sentence leading a list ("Side effects include:")
_LEADING_VERB = re.compile(r"\b(?:include|includes|are|is|were|was|may|can|could|has|have|contain|contains|following)\b", re.I)
_SENTENCE_BREAK = re.compile(r"(?:[a-z]|[A-Z]{2})[.!?]\s+[A-Z]")  # not "Table 2. Adverse reactions"
_CAPTION = re.compile(r"^(?:table|figure)\s+\d", re.I)
_WRAPPED_CHARS = 70


def _wrapped(line: str, following: str) -> bool:
    """Whether a line is the first of a paragraph wrapped at a fixed width, not a heading above
    it: the next line carries on its sentence, or the line holds a sentence break, or it is as
    long as wrapped prose and not in capitals."""
    long_prose = len(line) >= _WRAPPED_CHARS and len(line.split()) >= 10 and not line.isupper()
    return (
        following[:1].islower()
        or bool(_SENTENCE_BREAK.search(line))
        or (long_prose and "|" not in line and not _CAPTION.match(line))
    )


def _classify_text_run(lines: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A run of non-list lines: an optional heading line, then a paragraph or a lone label."""
    blocks: list[tuple[str, int, int]] = []
    if len(lines) > 1 and _is_heading(lines[0][0]) and not _wrapped(lines[0][0], lines[1][0]):
        blocks.append(("heading", lines[0][1], lines[0][2]))
        lines = lines[1:]
    body, first, last = lines[0][0], lines[0][1], lines[-1][2]
    if len(lines) == 1 and _is_heading(body):
        blocks.append(("heading", first, last))
    elif len(lines) == 1 and body.endswith(":") and len(body.split()) <= 4 and not _LEADING_VERB.search(body):
        blocks.append(("boilerplate", first, last))  # a label ("Visit other sites:"), not a sentence leading a list
    else:
        blocks.append(("paragraph", first, last))
    return blocks


#: the gap between two columns of a table laid out with spaces
_COLUMN_GAP = re.compile(r"[^\s.!?:;](?: {2,}|\t+)\S|\S\s*\|\s*\S")  # not two spaces after a full stop; or cells between pipes
_MIN_TABLE_LINES = 3


def _table(run: list[tuple[str, int, int]]) -> list[tuple[str, int, int]] | None:
    """A run of lines laid out as a table with spaces ("Infection      20%"): its caption (a
    first line without columns), a header line and rows, when at least three lines have two or
    more columns; else None."""
    run = [r for r in run if not _RULE.fullmatch(r[0])]  # the dashes under a header ("-------   -----", "=======")
    caption = run[:1] if run and not _COLUMN_GAP.search(run[0][0]) else []  # "Table 2. Adverse reactions …"
    table = run[len(caption) :]
    if len(table) < _MIN_TABLE_LINES or not all(_COLUMN_GAP.search(line) for line, _, _ in table):
        return None
    (line, first, end), rows = table[0], [r for r in table[1:] if not _SEPARATOR_ROW.fullmatch(r[0]) and not _RULE.fullmatch(r[0])]
    named = _NAMES_IN_CAPTION.search(line)
    if named is not None and not caption:
        # "Table 1. Adverse reactions … (tizanidine % | placebo %)": a caption naming the figure columns
        caption = [(line, first, end)]
        first, end = first + named.start(1), first + named.end(1)
    return [*(("heading", s, e) for _, s, e in caption), ("header", first, end), *(("row", s, e) for _, s, e in rows)]


#: the line under a header of a table written with pipes ("|---|---|")
_SEPARATOR_ROW = re.compile(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?")
#: the line of dashes under the header of a table laid out with spaces ("-------   -----")
_RULE = re.compile(r"[-=+: ]*(?:-{3,}|={3,})[-=+: ]*")
#: a caption's parenthesised column names, the only pipes of its line
_NAMES_IN_CAPTION = re.compile(r"^[^|]*\w[^|(]*\(([^()]*\|[^()]*)\)\s*[.:]?$")


def text_blocks(text: str, start: int = 0) -> list[tuple[str, int, int]]:
    """Split text into blocks between blank lines; inside a block, list items and other lines
    form separate runs (a breadcrumb list is often followed by a label line)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _BLANK_LINES.finditer(text, start):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    blocks: list[tuple[str, int, int]] = []
    for first, end in spans:
        offset = first
        run: list[tuple[str, int, int]] = []
        open_item: tuple[int, int] | None = None  # the item a wrapped line may carry on: its block and its bullet's indent
        for line in text[first:end].split("\n"):
            stripped = line.strip()
            lead = len(line) - len(line.lstrip())
            here = (stripped, offset + lead, offset + lead + len(stripped))
            offset += len(line) + 1
            if not stripped:
                continue
            item = _LIST_ITEM.match(line)
            alone = text[first:end].strip() == stripped
            if item and alone and re.match(r"^\s*\d", line) and _is_heading(item.group("item")) and item.group("item").isupper():
                # "1. WHY THIS MATTERS" alone between blank lines: a numbered section heading, not a one-item list
                blocks.append(("heading", here[1], here[2]))
                continue
            if item:
                if run:
                    blocks.extend(_table(run) or _classify_text_run(run))
                    run = []
                s = here[1] - lead
                blocks.append(("item", s + item.start("item"), s + item.end("item")))
                open_item = (len(blocks) - 1, lead)
            elif open_item is not None and not run and lead > open_item[1]:
                # "   - you will have a blood\n     test for chickenpox antibodies.": the item wrapped, indented under its text
                kind, item_start, _ = blocks[open_item[0]]
                blocks[open_item[0]] = (kind, item_start, here[2])
            else:
                run.append(here)
                open_item = None
        if run:
            blocks.extend(_table(run) or _classify_text_run(run))
    return blocks


def read_text(path: Path, data: bytes) -> Rendered:
    """A plain-text document: its text with the front matter (if any) taken off."""
    raw = decode_utf8(path, data)
    text, metadata = front_matter(path, raw)
    blocks = [(kind, s, e, 0) for kind, s, e in text_blocks(text)]
    return Rendered(text, blocks, metadata)
