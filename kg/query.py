"""Running SPARQL over the built dataset with the embedded engine (pyoxigraph), under a time limit.

pyoxigraph cannot interrupt a query, so a query with a time limit runs in a forked child process
that shares the loaded store and is killed when the limit passes: every query shape stops.
This module is the query path: it must not import the extraction or reasoning stack.

>>> dataset = Dataset(doctest_store)
>>> [row["manufacturer"] for row in dataset.run("manufacturers").values()]
['EMD Serono']
>>> dataset.query("ASK { id:novantrone mskg:hasActiveIngredient id:mitoxantrone }").boolean
True
"""

from __future__ import annotations

import multiprocessing
import resource
from pathlib import Path
from typing import Any

from .catalogue import DEFAULT_CATALOGUE, Catalogue
from .errors import QueryError
from .iris import GRAPH_IRIS, PREFIXES
from .results import ASK, GRAPH, SELECT, Result
from .store import DEFAULT_STORE, dataset_path

__all__ = ["DEFAULT_TIMEOUT", "Dataset", "QueryTimeout", "SparqlSource"]

#: seconds a query may run unless told otherwise
DEFAULT_TIMEOUT = 30.0


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""

    exit_code = 3

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"query stopped after the time limit of {seconds:g} s")


class SparqlSource:
    """What the local dataset and a remote endpoint have in common: run a query text or a
    catalogue query by id, and get a :class:`~kg.results.Result`."""

    def __init__(self, catalogue: Catalogue | Path | str | None = None) -> None:
        self._catalogue = catalogue

    @property
    def catalogue(self) -> Catalogue:
        if not isinstance(self._catalogue, Catalogue):
            self._catalogue = Catalogue(self._catalogue or DEFAULT_CATALOGUE)
        return self._catalogue

    def query(self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
        raise NotImplementedError

    def run(self, query_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
        """Run the catalogue query with this id.

        :raises UnknownQueryError: no such id (the message names the closest ids).
        """
        return self.query(self.catalogue.get(query_id).text, timeout=timeout)


class Dataset(SparqlSource):
    """The built dataset, loaded into an in-memory Oxigraph store. Queries see the union of the
    named graphs as their default graph, with the common prefixes predeclared.

    :param store: the store folder ``mskg build`` wrote.
    :param inferred: include the graph of inferred class memberships.
    :param catalogue: the query catalogue (folder or :class:`Catalogue`) for :meth:`run`.
    :param memory_limit: bytes of address space a time-limited query may use (None: no limit).
    :raises StoreError: nothing was built there.
    """

    def __init__(
        self,
        store: Path | str = DEFAULT_STORE,
        *,
        inferred: bool = True,
        catalogue: Catalogue | Path | str | None = None,
        memory_limit: int | None = None,
    ) -> None:
        import pyoxigraph as ox

        super().__init__(catalogue)
        self.path = dataset_path(Path(store))
        self.memory_limit = memory_limit
        self.store = ox.Store()
        self.store.bulk_load(path=str(self.path), format=ox.RdfFormat.N_QUADS)
        if not inferred:
            self.store.remove_graph(ox.NamedNode(GRAPH_IRIS["inferred"]))

    def query(self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
        """Run a query; with a ``timeout`` (seconds) it is stopped when the time is up.

        :raises QueryError: a malformed query, with the parser's message (line and column).
        :raises QueryTimeout: the query ran past ``timeout``.
        """
        if not timeout:
            return _outcome(_execute(self.store, sparql))
        return _outcome(_execute_in_child(self.store, sparql, timeout, self.memory_limit))


def _execute(store: Any, sparql: str) -> tuple[str, str, bytes]:
    """Run a query and encode its answer: ("ok", kind, payload) or ("error", kind of error, message)."""
    import pyoxigraph as ox

    try:
        results = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(results, ox.QueryTriples):
            return "ok", GRAPH, results.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        kind = ASK if isinstance(results, ox.QueryBoolean) else SELECT
        return "ok", kind, results.serialize(format=ox.QueryResultsFormat.JSON) or b""
    except SyntaxError as exc:
        return "error", "syntax", str(exc).encode()
    except (OSError, ValueError, RuntimeError) as exc:
        return "error", "failed", str(exc).encode()
    except MemoryError:
        return "error", "failed", b"out of memory"


def _child(connection: Any, store: Any, sparql: str, memory_limit: int | None) -> None:
    if memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    connection.send(_execute(store, sparql))
    connection.close()


def _execute_in_child(store: Any, sparql: str, timeout: float, memory_limit: int | None) -> tuple[str, str, bytes]:
    context = multiprocessing.get_context("fork")  # the child shares the loaded store, no reload
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, store, sparql, memory_limit), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(timeout)
        try:
            return tuple(receiver.recv())  # type: ignore[return-value]
        except EOFError:
            return "error", "failed", b"the query process ended without an answer (out of memory?)"
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def _outcome(outcome: tuple[str, str, bytes]) -> Result:
    status, kind, payload = outcome
    if status == "ok":
        return Result(kind, payload)
    message = payload.decode("utf-8", "replace")
    raise QueryError(f"malformed query: {message}" if kind == "syntax" else f"query failed: {message}")
