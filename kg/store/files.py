"""What ``mskg build`` writes: one sorted N-Quads file (``dataset.nq``) and a build report
(``build.json``) in a build folder, the input every store loads. Writes go to a temporary file in
the same folder and are renamed into place, so a failed or interrupted build never touches the
previous one."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import StoreError

__all__ = [
    "DATASET_FILE",
    "REPORT_FILE",
    "TEXTS_FOLDER",
    "document_text",
    "DEFAULT_STORE",
    "write_atomic",
    "save_dataset",
    "dataset_path",
    "dataset_version",
    "read_report",
]

DATASET_FILE = "dataset.nq"
REPORT_FILE = "build.json"
#: the text of each document as mskg read it (``<document id>.txt``): what evidence offsets point into
TEXTS_FOLDER = "texts"
#: where ``mskg build`` writes and the other commands read, unless told otherwise
DEFAULT_STORE = Path(os.environ.get("MSKG_STORE", "build"))


def write_atomic(path: Path, data: bytes | Iterable[str]) -> None:
    """Write a file by writing a temporary file beside it and renaming it into place.

    :raises StoreError: the folder cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                for chunk in data:
                    out.write(chunk.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_texts(store: Path, texts: dict[str, str]) -> Path:
    """The documents' texts in a new folder beside the store's, to be swapped in."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{TEXTS_FOLDER}.", dir=store))
    except OSError as exc:
        raise StoreError(f"{store}: cannot write ({exc.strerror})") from None
    for slug, text in texts.items():
        (folder / f"{slug}.txt").write_text(text, encoding="utf-8", newline="")
    return folder


def save_dataset(store: Path, lines: list[str], report: dict[str, Any], texts: dict[str, str] | None = None) -> str:
    """Write the dataset, the report and the documents' texts; return the dataset's SHA-256 (also
    recorded in the report). Each file is renamed into place only when complete; the texts folder
    is swapped in last, right after the dataset."""
    digest = hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()
    store.mkdir(parents=True, exist_ok=True)
    new_texts = _write_texts(store, texts or {})
    try:
        write_atomic(store / DATASET_FILE, lines)
        write_atomic(
            store / REPORT_FILE,
            (json.dumps({**report, "dataset_sha256": digest}, indent=2, sort_keys=True) + "\n").encode("utf-8"),
        )
        old = store / f".{TEXTS_FOLDER}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (store / TEXTS_FOLDER).exists():
            os.replace(store / TEXTS_FOLDER, old)
        os.replace(new_texts, store / TEXTS_FOLDER)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(new_texts, ignore_errors=True)
    return digest


def document_text(texts: Path, slug: str) -> str:
    """The text of a document as the build read it, from a texts folder (a build's ``texts/``).

    :raises StoreError: no such document there, or not a text the build wrote.
    """
    path = Path(texts) / f"{slug}.txt"
    try:
        with path.open(encoding="utf-8", newline="") as text:  # offsets count "\r\n" as two characters
            return text.read()
    except (OSError, UnicodeDecodeError):
        raise StoreError(f"no text of a document {slug!r} in {texts}") from None


def dataset_path(store: Path) -> Path:
    """The built dataset file of a store.

    :raises StoreError: nothing has been built there yet.
    """
    path = Path(store) / DATASET_FILE
    if not path.is_file():
        raise StoreError(f"no dataset at {path}: run `mskg build` first")
    return path


def read_report(store: Path) -> dict[str, Any]:
    path = Path(store) / REPORT_FILE
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read build report {path}: {exc}") from None


def dataset_version(dataset: Path) -> str:
    """An identifier of a dataset file's content: the SHA-256 its build recorded, else its own."""
    report = dataset.parent / REPORT_FILE
    if dataset.name == DATASET_FILE and report.is_file():
        recorded = read_report(dataset.parent).get("dataset_sha256")
        if recorded:
            return str(recorded)
    digest = hashlib.sha256()
    with dataset.open("rb") as data:
        for chunk in iter(lambda: data.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
