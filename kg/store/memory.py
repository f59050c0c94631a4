"""The built dataset in memory: ``mskg build``'s N-Quads file loaded into an in-memory Oxigraph
store (about 10 ms for the seed build). The default store: ``memory:build`` or just ``build``.

>>> store = MemoryStore(doctest_store)
>>> store.query("ASK { id:novantrone mskg:hasActiveIngredient id:mitoxantrone }").payload
b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

from pathlib import Path

from .files import DEFAULT_STORE, TEXTS_FOLDER, dataset_path, dataset_version
from .local import PyoxigraphStore

__all__ = ["MemoryStore"]


class MemoryStore(PyoxigraphStore):
    """A build folder's dataset (or an N-Quads file) held in memory.

    :param location: the build folder ``mskg build`` wrote, or a ``.nq`` file; empty for an
        empty store (to :meth:`load` into).
    :param create: start empty if nothing was built there.
    :raises StoreError: nothing was built there.
    """

    def __init__(self, location: Path | str = DEFAULT_STORE, *, inferred: bool = True, create: bool = False) -> None:
        import pyoxigraph as ox

        super().__init__(f"memory:{location}", inferred=inferred)
        self._store = ox.Store()
        self.path: Path | None = None
        if str(location) and not (create and not Path(location).exists()):
            given = Path(location)
            self.path = given if given.suffix == ".nq" and given.is_file() else dataset_path(given)
            self._bulk_load(self._store, self.path)

    @property
    def texts(self) -> Path | None:
        folder = self.path.parent / TEXTS_FOLDER if self.path else None
        return folder if folder is not None and folder.is_dir() else None

    @property
    def version(self) -> str | None:
        return dataset_version(self.path) if self.path else None

    def load(self, dataset: Path) -> dict[str, int]:
        self._store.clear()
        self._bulk_load(self._store, Path(dataset))
        self.path = Path(dataset)
        self._forget_sizes()
        return self.graph_sizes()
