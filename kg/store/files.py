"""What ``mskg build`` writes: one sorted N-Quads file (``dataset.nq``) and a build report
(``build.json``) in a build folder, the input every store loads. Writes go to a temporary file in
the same folder and are renamed into place, so a failed or interrupted build never touches the
previous one."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import StoreError

__all__ = [
    "DATASET_FILE",
    "REPORT_FILE",
    "DEFAULT_STORE",
    "write_atomic",
    "save_dataset",
    "dataset_path",
    "dataset_version",
    "read_report",
]

DATASET_FILE = "dataset.nq"
REPORT_FILE = "build.json"
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


def save_dataset(store: Path, lines: list[str], report: dict[str, Any]) -> str:
    """Write dataset and report; return the dataset's SHA-256 (also recorded in the report)."""
    digest = hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()
    write_atomic(store / DATASET_FILE, lines)
    write_atomic(
        store / REPORT_FILE,
        (json.dumps({**report, "dataset_sha256": digest}, indent=2, sort_keys=True) + "\n").encode("utf-8"),
    )
    return digest


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
