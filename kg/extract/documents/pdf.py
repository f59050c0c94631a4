"""PDF documents (``.pdf``): the text layer read with pypdfium2 (Google's PDFium), then lines
joined back into headings, paragraphs, list items and table rows. Chosen on figures
(``bench/document_readers.py``, see ``bench/README.md``): on our two labels all three readers
find the quoted sentences, but pypdfium2 does it in 2.3-2.5 ms against 12-14 ms (pypdf) and
48-56 ms (pdfminer.six), with no doubled spaces where pypdf leaves 117-173 and pdfminer.six
158-255; it also gives each character's font size and weight, which tell headings apart.

Reflowing: a short line set larger or bolder than the body text is a heading (the largest size is
level 1, the next level 2, ...; where a PDF gives no font information, a numbered or capitalised
short line); a bullet (•, ▪, –, -) starts a list item; a line ending in two or more numbers or
percentages is a table row; other lines join the block before them unless that block ended a
sentence on a short line. A short line ending in the unit of a column of figures ("Patients (%)")
heads a table whose rows each end in one figure. A word broken across lines by a hyphen is joined. Page furniture is
dropped: page numbers, lines repeated on every page, and running heads and feet that differ only in
their page number."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from .metadata import metadata_from
from .model import Rendered
from .render import TextWriter

__all__ = ["read_pdf"]

_BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u2013\u25e6\-*]\s+")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+[A-Z]")
#: a numbered subsection whose title runs into its first sentence ("5.2 Infections. Corticosteroids …")
_RUN_IN_HEADING = re.compile(r"^(\d+\.\d+(?:\.\d+)*\s+[A-Z][\w ,/()'-]{2,60}?)\.\s+(?=[A-Z])")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?$", re.I)
_ROW_END = re.compile(r"(?:\s+[<>≤≥]?\d+(?:\.\d+)?\s*%?){2,}$")
_SENTENCE_END = re.compile(r"[.!?:;)]$")
_UNIT_HEADER = re.compile(r"^[A-Z][^.,;:]*\S\s+\(%\)$")
_ONE_FIGURE_END = re.compile(r"^[A-Z][^.,;:\d]{0,45}[A-Za-z)]\s+[<>≤≥]?\d+(?:\.\d+)?\s*%?$")
_PIPED = re.compile(r"\S\s+\|\s+\S")
_MAX_HEADING_CHARS = 90
#: a heading line this long in capitals was most likely wrapped where the page ran out
_WRAPPED_HEADING_CHARS = 60


@dataclass(frozen=True)
class _Line:
    text: str
    size: float  # the largest font size on the line (0: unknown)
    bold: bool  # every letter set in a bold weight


def _page_lines(textpage: Any) -> list[_Line]:
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    count = textpage.count_chars()
    lines, start = [], 0
    for end in [i for i, c in enumerate(text) if c == "\n"] + [len(text)]:
        chars = [i for i in range(start, min(end, count)) if not text[i].isspace()]
        line = text[start:end].strip()
        if line:
            sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in chars] or [0.0]
            weights = [pdfium_c.FPDFText_GetFontWeight(textpage.raw, i) for i in chars if text[i].isalpha()]
            lines.append(_Line(line, max(sizes), bool(weights) and min(weights) >= 600))
        start = end + 1
    return lines


def _pages(path: Path, data: bytes) -> tuple[list[list[_Line]], dict[str, str]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(path, f"cannot be read as PDF ({exc})") from None
    try:
        info = {key.lower(): value for key, value in document.get_metadata_dict().items() if value}
        info["url"] = document.get_metadata_value("URL")  # not a standard key: asked for by name
        return [_page_lines(document[i].get_textpage()) for i in range(len(document))], info
    finally:
        document.close()


def _style(line: _Line) -> tuple[float, bool]:
    return round(line.size, 1), line.bold


def _heading_levels(lines: list[_Line]) -> dict[tuple[float, bool], int]:
    """The heading level of each (size, bold) style set apart from the body text."""
    body_size = Counter(round(line.size, 1) for line in lines for _ in line.text).most_common(1)[0][0]
    styles = {
        _style(line)
        for line in lines
        if len(line.text) <= _MAX_HEADING_CHARS and (line.size > body_size * 1.04 or line.bold)
    }
    ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
    return {style: level for level, style in enumerate(ranked, 1)}


def _guessed_level(line: str) -> int:
    """The heading level of a line from its words alone (0: not a heading)."""
    if len(line) > _MAX_HEADING_CHARS or _SENTENCE_END.search(line) and not line.isupper():
        return 0
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return 2 + numbered.group(1).count(".")
    letters = [c for c in line if c.isalpha()]
    return 2 if len(letters) >= 4 and all(c.isupper() for c in letters) else 0


#: words a heading's line ends on only when the heading goes on in the next line
_JOINING = re.compile(r"(?:\b(?:AND|OR|OF|WITH|FOR|IN|TO|THE|AN)|,)$")  # (not "A": "HEPATITIS A", "VITAMIN A")
#: the sections of a label, which start a heading of their own however long the line before
_SECTION_TITLE = re.compile(
    r"^(?:\d+(?:\.\d+)*\s+)?(?:INDICATIONS|DOSAGE|CONTRAINDICATIONS|WARNINGS|PRECAUTIONS|ADVERSE REACTIONS|DRUG INTERACTIONS|"
    r"USE IN SPECIFIC|OVERDOSAGE|DESCRIPTION|CLINICAL PHARMACOLOGY|CLINICAL STUDIES|NONCLINICAL|HOW SUPPLIED|PATIENT COUNSELING|"
    r"REFERENCES|MEDICATION GUIDE|HIGHLIGHTS|FULL PRESCRIBING)"
)


def _wrapped_capitals(previous: str, line: str, widest: int) -> bool:
    """Whether a heading in capitals goes on in the next line of its style: the line before ends
    on a word that needs another ("WARNING: SERIOUS DERMATOLOGIC REACTIONS AND" / "HLA-B*1502
    ALLELE; …"), or is long and fills the width of the widest heading of that style ("WARNING:
    HEPATITIS B VIRUS REACTIVATION AND PROGRESSIVE MULTIFOCAL" / "LEUKOENCEPHALOPATHY"). Short headings one
    after another stay apart ("FULL PRESCRIBING INFORMATION" / "WARNING: …"), and so does a
    numbered or a "WARNING" line."""
    if not (previous.isupper() and line.isupper()) or _NUMBERED_HEADING.match(line) or line.startswith("WARNING") or _SECTION_TITLE.match(line):
        return False
    return bool(_JOINING.search(previous.rstrip())) or len(previous) >= max(_WRAPPED_HEADING_CHARS, 0.9 * widest)


def _digitless(text: str) -> str:
    return re.sub(r"\d+", "#", text)


#: a line with words, not only figures or a caption's number ("Table 1", "Week 24")
_WORDY = re.compile(r"(?:[A-Za-z]{2,}\W+){2,}[A-Za-z]{2,}")


def _furniture(pages: list[list[_Line]]) -> set[int]:
    """The lines that are page furniture, by ``id``: a line repeated word for word on every page of a
    document of three pages or more; and, on two pages or more, a line among the first two or the last
    two of every page that is the same words with other numbers (a running head or foot with its page
    number: "Review Series - Liver injury with MS therapies - 2"). Pages without text do not count;
    the first page's first line stays, since a running head there is the title too."""
    texts = [page for page in pages if page]
    if len(texts) < 2:
        return set()
    exact = Counter(text for page in texts for text in {line.text for line in page})
    repeated = {text for text, count in exact.items() if len(texts) > 2 and count >= len(texts)}
    edges = Counter(key for page in texts for key in {_digitless(line.text) for line in (*page[:2], *page[-2:]) if _WORDY.search(line.text)})
    running = {key for key, count in edges.items() if count >= len(texts)}
    dropped = {id(line) for page in texts for line in page if line.text in repeated}
    dropped |= {id(line) for page in texts for line in (*page[:2], *page[-2:]) if _digitless(line.text) in running}
    return dropped - {id(texts[0][0])}


def read_pdf(path: Path, data: bytes) -> Rendered:
    """The text layer of a PDF.

    :raises DocumentError: not a PDF, encrypted or damaged, or no text layer (scanned pages).
    """
    if not data.startswith(b"%PDF"):
        raise DocumentError(path, "is not a PDF (it does not start with %PDF)")
    pages, info = _pages(path, data)
    furniture = _furniture(pages)
    lines = [line for page in pages for line in page if id(line) not in furniture and not _PAGE_NUMBER.match(line.text)]
    if not lines:
        raise DocumentError(path, "has no text layer (scanned pages?); mskg does not run OCR")
    width = max(len(line.text) for line in lines)
    styled = any(line.size for line in lines)
    levels = _heading_levels(lines) if styled else {}
    widest: dict[tuple[float, bool], int] = {}  # the longest line of each style of heading
    for line in lines:
        if len(line.text) <= _MAX_HEADING_CHARS:
            widest[_style(line)] = max(widest.get(_style(line), 0), len(line.text))
    writer = TextWriter()
    kind, level = "", 0
    parts: list[str] = []
    run_ins: set[int] = set()  # the blocks that are run-in headings

    def flush() -> None:
        if parts:
            writer.block(kind, "".join(parts), level)
            parts.clear()

    for line in lines:
        text = line.text
        run_in = _RUN_IN_HEADING.match(text)
        ended = not parts or kind == "heading" or bool(_SENTENCE_END.search(parts[-1]))  # not a wrapped line ("… for about" / "2.5 Hours. Most …")
        if run_in and ended and not levels.get(_style(line)):
            # its own heading, one level below the heading above it, then the paragraph it starts
            flush()
            # one level below the last heading set apart by its style, not below another run-in one
            above = next((b[3] for n, b in reversed(list(enumerate(writer.blocks))) if b[0] == "heading" and n not in run_ins), 1)
            run_ins.add(len(writer.blocks))
            writer.block("heading", run_in.group(1), above + 1)
            kind, level = "paragraph", 0
            parts.append(text[run_in.end() :])
            continue
        bullet = _BULLET.match(text)
        if bullet:
            heading = 0
        elif styled:
            heading = levels.get(_style(line), 0)
        else:
            heading = _guessed_level(text)
        piped = bool(_PIPED.search(text))  # a table set with " | " between cells: its first line names the columns
        # a table of one column of figures: its header line ends with the figures' unit ("Adverse reaction Patients (%)"),
        # and each row under it with one figure ("Fever 69")
        # (a header starts a block of its own: the line before ended its sentence, or was a heading)
        unit_header = bool(_UNIT_HEADER.search(text)) and len(text) < 60 and not heading and not bullet and (
            not parts or kind == "heading" or bool(_SENTENCE_END.search(parts[-1])))
        row = bool(_ROW_END.search(text)) or piped or unit_header or kind in ("row", "header") and bool(_ONE_FIGURE_END.search(text))
        if heading and kind == "heading" and level == heading and parts and not _SENTENCE_END.search(parts[-1]) and (
            text[:1].islower() or _wrapped_capitals(parts[-1], text, widest.get(_style(line), 0))
        ):
            parts.append(" " + text)  # a heading set on two lines ("Solu-Medrol (… for" / "injection)")
            continue
        if bullet or heading or row or not parts or kind in ("heading", "row", "header"):
            header = (piped or unit_header) and kind not in ("row", "header")
            flush()
            kind, level = ("heading", heading) if heading else ("item" if bullet else "header" if header else "row" if row else "paragraph", 0)
            parts.append(text[bullet.end() :] if bullet else text)
            continue
        previous = parts[-1]
        if _SENTENCE_END.search(previous) and len(previous.strip()) < 0.8 * width and text[:1].isupper():
            flush()
            kind, level = "paragraph", 0
            parts.append(text)
        elif previous.endswith("-") and text[:1].islower():
            parts[-1] = previous[:-1]
            parts.append(text)
        else:
            parts.append(" " + text)
    flush()
    fields = {
        "title": info.get("title"),
        "publisher": info.get("author"),
        "date": info.get("creationdate"),
        "kind": info.get("subject"),
        "url": info.get("url"),
    }
    return writer.rendered(metadata_from(fields, "application/pdf"))
