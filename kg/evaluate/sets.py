"""The document sets extraction is measured on, each a folder of documents and a folder of their
gold annotations:

- ``seed``: the first document (``corpus/infusion-treatments.txt``);
- ``tuning``: the other documents of ``corpus/``, and ``tests/tuning/``, which the rule writer reads
  (``tests/tuning/`` holds the earlier held-out sets: written by someone else, scored once, reported,
  and only then read);
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
    #: more folders of documents and their gold, read like the first
    more: tuple[tuple[Path, Path], ...] = ()
    #: whether facts may be shown (never for the held-out set)
    details: bool = True
    only: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()


SETS: dict[str, DocumentSet] = {
    "seed": DocumentSet("seed", Path("corpus"), Path("tests/gold"), only=(SEED,)),
    "tuning": DocumentSet(
        "tuning", Path("corpus"), Path("tests/gold"), excluded=(SEED,), more=((Path("tests/tuning"), Path("tests/tuning/gold")),)
    ),
    "heldout": DocumentSet("heldout", Path("tests/heldout"), Path("tests/heldout/gold"), details=False),
}


def documents_of(document_set: DocumentSet, root: Path = Path(".")) -> list[tuple[Path, Path]]:
    """(document, gold file) of every document of a set that has gold annotations.

    :raises CorpusError: the set's folders are missing or hold no annotated document.
    """
    pairs = []
    for folder, gold in ((document_set.documents, document_set.gold), *document_set.more):
        folder, gold = root / folder, root / gold
        if not folder.is_dir() or not gold.is_dir():
            raise CorpusError(f"set {document_set.name!r}: {folder} or {gold} is missing")
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in DOCUMENT_SUFFIXES or path.stem.upper() == "README":
                continue
            if document_set.only and path.stem not in document_set.only or path.stem in document_set.excluded:
                continue
            if (gold / f"{path.stem}.gold").is_file():
                pairs.append((path, gold / f"{path.stem}.gold"))
    if not pairs:
        raise CorpusError(f"set {document_set.name!r}: no document in {document_set.documents} has gold annotations")
    return pairs
