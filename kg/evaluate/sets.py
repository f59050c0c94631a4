"""The document sets extraction is measured on, each a folder of documents and a folder of their
gold annotations:

- ``seed``: the first document (``corpus/infusion-treatments.txt``);
- ``tuning``: the other documents of ``corpus/``, which the rule writer reads;
- ``heldout``: ``tests/heldout/``, written by someone else and never read by the rule writer;
  scored once, at the end, and only as totals (no fact is ever printed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError
from ..extract.documents import DOCUMENT_SUFFIXES

__all__ = ["DocumentSet", "SETS", "documents_of"]

SEED = "infusion-treatments"


@dataclass(frozen=True)
class DocumentSet:
    name: str
    documents: Path
    gold: Path
    #: whether facts may be shown (never for the held-out set)
    details: bool = True
    only: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()


SETS: dict[str, DocumentSet] = {
    "seed": DocumentSet("seed", Path("corpus"), Path("tests/gold"), only=(SEED,)),
    "tuning": DocumentSet("tuning", Path("corpus"), Path("tests/gold"), excluded=(SEED,)),
    "heldout": DocumentSet("heldout", Path("tests/heldout"), Path("tests/heldout/gold"), details=False),
}


def documents_of(document_set: DocumentSet, root: Path = Path(".")) -> list[tuple[Path, Path]]:
    """(document, gold file) of every document of a set that has gold annotations.

    :raises CorpusError: the set's folders are missing or hold no annotated document.
    """
    folder, gold = root / document_set.documents, root / document_set.gold
    if not folder.is_dir() or not gold.is_dir():
        raise CorpusError(f"set {document_set.name!r}: {folder} or {gold} is missing")
    pairs = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in DOCUMENT_SUFFIXES or path.stem.upper() == "README":
            continue
        if document_set.only and path.stem not in document_set.only or path.stem in document_set.excluded:
            continue
        if (gold / f"{path.stem}.gold").is_file():
            pairs.append((path, gold / f"{path.stem}.gold"))
    if not pairs:
        raise CorpusError(f"set {document_set.name!r}: no document in {folder} has gold annotations in {gold}")
    return pairs
