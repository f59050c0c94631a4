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
    "commit_build",
    "ON_DISK_FOLDER",
    "current_on_disk",
    "new_texts_folder",
    "dataset_path",
    "dataset_version",
    "read_report",
]

DATASET_FILE = "dataset.nq"
REPORT_FILE = "build.json"
#: the text of each document as mskg read it (``<document id>.txt``): what evidence offsets point into
TEXTS_FOLDER = "texts"
#: the on-disk Oxigraph store a large build loads its dataset into: what ``mskg query`` and
#: ``mskg serve`` open for a build folder while it holds the build's current dataset
ON_DISK_FOLDER = "oxigraph"
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


def new_texts_folder(store: Path) -> Path:
    """A new, empty folder beside the store's texts, to write a build's texts into and swap in
    (:func:`commit_build`); the caller removes it if the build fails."""
    try:
        store.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{TEXTS_FOLDER}.", dir=store))
    except OSError as exc:
        raise StoreError(f"{store}: cannot write ({exc.strerror})") from None


def _write_texts(store: Path, texts: dict[str, str]) -> Path:
    folder = new_texts_folder(store)
    for slug, text in texts.items():
        (folder / f"{slug}.txt").write_text(text, encoding="utf-8", newline="")
    return folder


def commit_build(store: Path, dataset: Path, report: dict[str, Any], texts: Path) -> None:
    """Put a finished build in place: the dataset file written beside the store's (renamed over
    it), then the report, then the texts folder swapped in."""
    with dataset.open("rb") as written:
        os.fsync(written.fileno())
    os.replace(dataset, store / DATASET_FILE)
    write_atomic(store / REPORT_FILE, (json.dumps(report, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    _swap_texts(store, texts)


def _swap_texts(store: Path, texts: Path) -> None:
    old = store / f".{TEXTS_FOLDER}.old"
    shutil.rmtree(old, ignore_errors=True)
    if (store / TEXTS_FOLDER).exists():
        os.replace(store / TEXTS_FOLDER, old)
    os.replace(texts, store / TEXTS_FOLDER)
    shutil.rmtree(old, ignore_errors=True)


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
        _swap_texts(store, new_texts)
    finally:
        shutil.rmtree(new_texts, ignore_errors=True)
    return digest


def current_on_disk(store: Path) -> Path | None:
    """The build folder's on-disk store, if it holds the folder's current dataset."""
    folder = Path(store) / ON_DISK_FOLDER
    try:
        loaded = json.loads((folder / "mskg-load.json").read_text(encoding="utf-8"))["dataset_sha256"]
        built = json.loads((Path(store) / REPORT_FILE).read_text(encoding="utf-8"))["dataset_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder if loaded == built else None


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
