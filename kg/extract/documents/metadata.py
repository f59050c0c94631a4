"""Document metadata: front matter of text and Markdown files, dates in the forms documents
write them, and the kind of a document when it does not say (from its headings and first lines).

>>> normalise_date("March 28, 2017"), normalise_date("D:20220210000000Z"), normalise_date("2017-03-28T09:00")
('2017-03-28', '2022-02-10', '2017-03-28')
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import DocumentError
from .model import KINDS, Metadata

__all__ = ["front_matter", "infer_kind", "normalise_date", "metadata_from"]

_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_FIELDS = ("title", "publisher", "url", "date", "kind")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")
_WORDY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b")
_KIND_WORDS = {"review": "summary", "clinical summary": "summary", "press release": "news", "prescribing information": "label"}
#: section headings of prescribing information
_LABEL_SECTIONS = re.compile(
    r"\b(INDICATIONS AND USAGE|DOSAGE AND ADMINISTRATION|CONTRAINDICATIONS|WARNINGS AND PRECAUTIONS|"
    r"ADVERSE REACTIONS|CLINICAL STUDIES)\b"
)
#: "SILVER SPRING, Md., March 28, 2017 —": a news dateline
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,']{2,60}?,? [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s*[—–-]")


def normalise_date(value: str | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from the usual ways of writing one; None if it is not a date."""
    if not value:
        return None
    value = value.strip()
    for pattern in (_ISO, _PDF_DATE):
        match = pattern.search(value)
        if match:
            return "-".join(match.groups())
    match = _WORDY.search(value)
    if match and match.group(1)[:3].lower() in _MONTHS:
        return f"{match.group(3)}-{_MONTHS[match.group(1)[:3].lower()]:02d}-{int(match.group(2)):02d}"
    return None


def _kind(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower()
    return value if value in KINDS else _KIND_WORDS.get(value)


def metadata_from(fields: dict[str, str | None], media_type: str) -> Metadata:
    """Metadata from raw field values (unknown kinds and unparsable dates dropped)."""
    return Metadata(
        title=(fields.get("title") or "").strip() or None,
        publisher=(fields.get("publisher") or "").strip() or None,
        url=(fields.get("url") or "").strip() or None,
        date=normalise_date(fields.get("date")),
        kind=_kind(fields.get("kind")),
        media_type=media_type,
    )


def front_matter(path: Path, text: str, media_type: str = "text/plain") -> tuple[str, Metadata]:
    """The text after a front-matter block (``---`` lines around ``field: value`` lines), and
    the metadata it gives.

    :raises DocumentError: a front-matter line that is not ``field: value``.
    """
    match = _FRONT.match(text)
    if not match:
        return text, Metadata(media_type=media_type)
    fields: dict[str, str | None] = {}
    for number, line in enumerate(match.group("body").splitlines(), 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        field = _FIELD.match(line)
        if not field:
            raise DocumentError(path, f"front matter line {number} is not 'field: value': {line.strip()!r}")
        fields[field.group("key").lower()] = field.group("value").strip("\"'")
    # the text keeps its length before the block, so that line numbers of errors stay useful
    return text[match.end() :], metadata_from(fields, media_type)


def infer_kind(headings: list[str], first_paragraph: str) -> str:
    """The kind of a document that does not say: prescribing information has its standard
    section headings, a news item a dateline, a leaflet question headings; else a summary."""
    if sum(1 for h in headings if _LABEL_SECTIONS.search(h.upper() if h.isupper() else h)) >= 2:
        return "label"
    if _DATELINE.match(first_paragraph):
        return "news"
    if any(h.rstrip().endswith("?") for h in headings):
        return "leaflet"
    return "summary"
