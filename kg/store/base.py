"""The store interface: what every place the dataset can live offers (the oaklib idea: one
interface, one backend per module).

A store runs SPARQL queries over the dataset's four named graphs (the union as default graph, the
common prefixes predeclared), under a time limit that stops every query shape; looks up quads by
pattern (entity pages); counts the triples of each graph; and loads a built dataset, replacing
the graphs it held before. Terms are pyoxigraph's: the query side never loads rdflib.
"""

from __future__ import annotations

import multiprocessing
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import QueryError, QuerySyntaxError, QueryTimeout
from ..iris import GRAPH_IRIS

__all__ = ["ASK", "GRAPH", "SELECT", "DEFAULT_TIMEOUT", "Answer", "Store", "encode", "run_in_child"]

SELECT, ASK, GRAPH = "select", "ask", "graph"
#: seconds a query may run unless told otherwise
DEFAULT_TIMEOUT = 30.0


class Answer(NamedTuple):
    """A query's answer as it travels between processes: its kind (``select``, ``ask`` or
    ``graph``) and its W3C serialisation (SPARQL JSON results, or N-Triples for graphs)."""

    kind: str
    payload: bytes


class Store(ABC):
    """A dataset somewhere, to be queried and loaded.

    :param inferred: whether queries see the graph of inferred class memberships.
    """

    #: whether queries run in this process (so that a time limit needs a process to kill)
    local: bool = True

    def __init__(self, spec: str, *, inferred: bool = True) -> None:
        #: how the store was named (``memory:build``, ``oxigraph:data``, ``sparql:http://…``)
        self.spec = spec
        self.inferred = inferred

    @property
    def graphs(self) -> tuple[str, ...]:
        """The named graphs of the dataset that queries see."""
        return tuple(iri for name, iri in GRAPH_IRIS.items() if self.inferred or name != "inferred")

    @property
    def texts(self) -> Path | None:
        """The folder of the documents' texts that evidence offsets point into, when the store
        has them at hand (a build folder does)."""
        return None

    @property
    def version(self) -> str | None:
        """An identifier of the data loaded (changes when the data may have); None if unknown."""
        return None

    @abstractmethod
    def execute(self, sparql: str, *, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Any:
        """Run a query without a time limit and return pyoxigraph's answer: ``QuerySolutions``,
        ``QueryBoolean`` or an iterable of ``Triple``. With no graphs given, the default graph is
        the union of :attr:`graphs` and every one of them can be named.

        :raises QuerySyntaxError: the query is not valid SPARQL.
        :raises QueryError: it failed to run.
        """

    def query(
        self,
        sparql: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
    ) -> Answer:
        """Run a query, stopped after ``timeout`` seconds (None: no limit), and encode its answer.

        :raises QuerySyntaxError: the query is not valid SPARQL.
        :raises QueryTimeout: it ran past ``timeout``.
        :raises QueryError: it failed to run.
        """

        def answer() -> Answer:
            return encode(self.execute(sparql, default_graphs=default_graphs, named_graphs=named_graphs))

        return run_in_child(answer, timeout) if timeout else answer()

    @abstractmethod
    def quads(self, subject: Any = None, predicate: Any = None, obj: Any = None, graph: Any = None) -> Iterator[Any]:
        """The quads matching a pattern (pyoxigraph terms; None matches anything), in the graphs
        queries see."""

    @abstractmethod
    def graph_sizes(self) -> dict[str, int]:
        """The number of triples in each named graph of the dataset."""

    @abstractmethod
    def load(self, dataset: Path) -> dict[str, int]:
        """Load a built dataset (N-Quads), replacing what the store held in its graphs; return the
        number of triples now in each graph.

        :raises LoadError: the store refused it; the message says which graphs hold what.
        """

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to release
        """Release what the store holds open."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.spec!r})"


def encode(results: Any) -> Answer:
    """A pyoxigraph answer as an :class:`Answer` (the form that crosses process boundaries)."""
    import pyoxigraph as ox

    if isinstance(results, ox.QueryBoolean):
        return Answer(ASK, results.serialize(format=ox.QueryResultsFormat.JSON) or b"")
    if isinstance(results, ox.QuerySolutions):
        return Answer(SELECT, results.serialize(format=ox.QueryResultsFormat.JSON) or b"")
    return Answer(GRAPH, ox.serialize(results, format=ox.RdfFormat.N_TRIPLES) or b"")


def _child(connection: Any, work: Callable[[], Answer]) -> None:
    try:
        outcome: tuple[str, Any] = ("ok", tuple(work()))
    except QuerySyntaxError as exc:
        outcome = ("syntax", str(exc))
    except QueryError as exc:
        outcome = ("failed", str(exc))
    except MemoryError:
        outcome = ("failed", "query failed: it needed more memory than allowed")
    connection.send(outcome)
    connection.close()


def run_in_child(work: Callable[[], Answer], timeout: float) -> Answer:
    """Run ``work`` in a forked child and kill it when ``timeout`` passes.

    pyoxigraph cannot interrupt a query, so killing the process is the only stop that works for
    every query shape (a COUNT over a cross product, an ORDER BY, a deep path). The child shares
    the parent's opened store, so nothing is loaded again; a fork costs about 5 ms.

    :raises QueryTimeout: ``timeout`` passed.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, work), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(timeout)
        try:
            status, value = receiver.recv()
        except EOFError:
            raise QueryError("query failed: the query process ended without an answer (out of memory?)") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "syntax":
        raise QuerySyntaxError(value)
    if status == "failed":
        raise QueryError(value)
    return Answer(*value)
