"""An on-disk Oxigraph store (RocksDB), for graphs larger than memory: ``oxigraph:PATH``.

Opened read-only, so that the CLI, a server's query workers and ``oxigraph serve`` can all read it
at once, and opening costs milliseconds whatever the size (nothing is loaded). :meth:`load`
opens it for writing, replaces the dataset's graphs with the bulk loader and records which build
it holds in ``mskg-load.json`` beside RocksDB's own files (RocksDB ignores files it does not own).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import LoadError, StoreError
from ..iris import GRAPH_IRIS
from .files import TEXTS_FOLDER, dataset_version, read_report
from .local import PyoxigraphStore

__all__ = ["OxigraphStore"]

#: what the store holds: the version of the dataset last loaded and where it came from
LOAD_RECORD = "mskg-load.json"


class OxigraphStore(PyoxigraphStore):
    """An Oxigraph store in a folder.

    :param location: the store's folder.
    :param create: create an empty store if there is none (else it must exist).
    :raises StoreError: no store there, or it cannot be opened.
    """

    def __init__(self, location: Path | str, *, inferred: bool = True, create: bool = False) -> None:
        super().__init__(f"oxigraph:{location}", inferred=inferred)
        self.path = Path(location)
        if not self.path.is_dir() or not any(self.path.iterdir()):
            if not create:
                raise StoreError(
                    f"no Oxigraph store at {self.path}: load a build into it with `mskg push --to oxigraph:{self.path}`"
                )
            self._open_writable().flush()
        self._open()

    def _open(self) -> None:
        import pyoxigraph as ox

        try:
            self._store = ox.Store.read_only(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store at {self.path}: {exc}") from None

    def _open_writable(self):  # noqa: ANN202 - pyoxigraph.Store
        import pyoxigraph as ox

        try:
            return ox.Store(str(self.path))
        except OSError as exc:
            raise LoadError(f"cannot open the Oxigraph store at {self.path} for writing: {exc}") from None

    @property
    def texts(self) -> Path | None:
        """The texts of the build the store was loaded from, while that build folder holds the same
        build (not a newer one, whose texts may differ)."""
        try:
            source = Path(json.loads((self.path / LOAD_RECORD).read_text(encoding="utf-8"))["source"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        folder = source.parent / TEXTS_FOLDER
        try:
            built = read_report(source.parent).get("dataset_sha256")
        except StoreError:
            return None
        return folder if folder.is_dir() and built is not None and built == self.version else None

    @property
    def version(self) -> str | None:
        record = self.path / LOAD_RECORD
        try:
            return str(json.loads(record.read_text(encoding="utf-8"))["dataset_sha256"])
        except (OSError, ValueError, KeyError):
            return None

    def load(self, dataset: Path, *, source: Path | None = None, version: str | None = None) -> dict[str, int]:
        """Replace the dataset's graphs with a dataset file's.

        :param source: where the dataset will be read from later, if not where it is now (a build
            loads its store before putting the dataset in place), and ``version`` its SHA-256.
        """
        import pyoxigraph as ox

        writable = self._open_writable()
        try:
            for graph in GRAPH_IRIS.values():
                writable.remove_graph(ox.NamedNode(graph))
            self._bulk_load(writable, Path(dataset))
            writable.flush()
        except (OSError, SyntaxError) as exc:
            raise LoadError(f"loading {dataset} into the Oxigraph store at {self.path} failed: {exc}") from None
        finally:
            del writable
        record = {
            "dataset_sha256": version or dataset_version(Path(dataset)),
            "source": str(Path(source or dataset).absolute()),
        }
        (self.path / LOAD_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        self._open()
        self._forget_sizes()
        return self.graph_sizes()
