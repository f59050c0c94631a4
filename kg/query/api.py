"""The Python API, mirroring ``mskg query``: a dataset in any store, asked by query text or by
catalogue id, answering with a :class:`~kg.query.results.Result`.

>>> dataset = Dataset(doctest_store)
>>> [row["manufacturer"] for row in dataset.run("manufacturers").values() if row["productName"] == "Novantrone"]
['EMD Serono']
>>> dataset.query("ASK { id:novantrone mskg:hasActiveIngredient id:mitoxantrone }").boolean
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store import DEFAULT_STORE, DEFAULT_TIMEOUT, Store, open_store
from .catalogue import DEFAULT_CATALOGUE, Catalogue
from .results import Result

__all__ = ["DEFAULT_TIMEOUT", "Dataset", "Endpoint"]


class Dataset:
    """The dataset in a store.

    :param store: a store spec (``build``, ``oxigraph:data``, ``sparql:http://…``; see
        :mod:`kg.store`) or an opened :class:`~kg.store.base.Store`.
    :param inferred: include the graph of inferred class memberships.
    :param catalogue: the query catalogue (folder or :class:`Catalogue`) for :meth:`run`.
    :param options: passed to the store's backend.
    :raises StoreError: nothing to open there.
    """

    def __init__(
        self,
        store: str | Path | Store = DEFAULT_STORE,
        *,
        inferred: bool = True,
        catalogue: Catalogue | Path | str | None = None,
        **options: Any,
    ) -> None:
        self.store = open_store(store, inferred=inferred, **options) if not isinstance(store, Store) else store
        self._catalogue = catalogue

    @property
    def catalogue(self) -> Catalogue:
        if not isinstance(self._catalogue, Catalogue):
            self._catalogue = Catalogue(self._catalogue or DEFAULT_CATALOGUE)
        return self._catalogue

    def query(self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
        """Run a query; with a ``timeout`` (seconds) it is stopped when the time is up.

        :raises QuerySyntaxError: a malformed query, with the parser's message (line and column).
        :raises QueryTimeout: the query ran past ``timeout``.
        """
        return Result.of(self.store.query(sparql, timeout=timeout))

    def run(self, query_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
        """Run the catalogue query with this id.

        :raises UnknownQueryError: no such id (the message names the closest ids).
        """
        return self.query(self.catalogue.get(query_id).text, timeout=timeout)


class Endpoint(Dataset):
    """The dataset at a remote SPARQL endpoint (``Dataset("sparql:" + url)``).

    :param url: the query URL, for example ``http://127.0.0.1:7878/query``.
    """

    def __init__(self, url: str, *, catalogue: Catalogue | Path | str | None = None, **options: Any) -> None:
        from ..store.sparql import SparqlStore

        super().__init__(SparqlStore(url, **options), catalogue=catalogue)
        self.url = url
