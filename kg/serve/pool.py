"""A pool of query worker processes for the server: each holds its own copy of the dataset, runs
one query at a time and is killed when its query passes the time limit.

pyoxigraph cannot interrupt a query, so killing the process is the only stop that works for every
query shape (a COUNT over a cross product, an ORDER BY, a deep property path). The server itself
never runs a user's query, so it keeps answering while a worker is stuck, and a fresh worker takes
the killed one's place. Workers also run with a cap on memory and, where Linux allows it, in a
network namespace of their own with no interfaces up, so a query cannot reach the network even if
the text check in :mod:`kg.guard` missed something.
"""

from __future__ import annotations

import ctypes
import json
import multiprocessing
import queue
import resource
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..errors import MskgError, QuerySyntaxError, StoreError
from ..iris import PREFIXES
from ..store import Store

__all__ = ["Job", "Outcome", "QueryPool"]

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


@dataclass(frozen=True)
class Job:
    """One query for a worker. Formats are pyoxigraph format names; None means the kind of result
    is not acceptable to the client."""

    text: str
    result_format: str | None = "JSON"
    graph_format: str | None = "TURTLE"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000


@dataclass(frozen=True)
class Outcome:
    """What became of a job: ``ok`` with a media type and body, or one of the failures
    ``syntax``, ``failed``, ``too-many-rows``, ``not-acceptable``, ``timeout``, ``crashed``, ``busy``."""

    status: str
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    seconds: float = 0.0

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace")


def _isolate_network() -> bool:
    """Move this process into a new network namespace (only a loopback that is down). Returns
    whether it worked: it needs root or unprivileged user namespaces."""
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.unshare(_CLONE_NEWNET) == 0 or libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0


def _worker_main(connection: Any, spec: str, inferred: bool, isolate: bool, memory: int | None) -> None:
    from ..store import open_store

    isolated = _isolate_network() if isolate else False
    try:
        store = open_store(spec, inferred=inferred)
    except MskgError as exc:
        connection.send(("failed", str(exc)))
        return
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    connection.send(("ready", isolated))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(run_job(store, job))


def _term_json(term: Any) -> dict[str, Any]:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Triple":
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term_json(getattr(term, p)) for p in parts}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != PREFIXES["xsd"] + "string":
        out["datatype"] = term.datatype.value
    return out


def run_job(store: Store, job: Job) -> tuple[str, str, bytes]:
    """Run a job on a store: ("ok", media type, body) or (failure, "", message)."""
    import pyoxigraph as ox

    try:
        results = store.execute(job.text, default_graphs=job.default_graphs, named_graphs=job.named_graphs)
        if isinstance(results, ox.QueryTriples):
            if job.graph_format is None:
                return "not-acceptable", "", b"this query gives a graph; ask for an RDF format"
            triples = []
            for triple in results:
                triples.append(triple)
                if len(triples) > job.max_rows:
                    return "too-many-rows", "", _too_many(job.max_rows, "triples")
            rdf_format = getattr(ox.RdfFormat, job.graph_format)
            prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
            return "ok", rdf_format.media_type, ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
        if job.result_format is None:
            return "not-acceptable", "", b"this query gives a table; ask for a SPARQL results format"
        results_format = getattr(ox.QueryResultsFormat, job.result_format)
        if isinstance(results, ox.QueryBoolean):
            document: dict[str, Any] = {"head": {}, "boolean": bool(results)}
        else:
            names = [v.value for v in results.variables]
            rows = []
            for solution in results:
                rows.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
                if len(rows) > job.max_rows:
                    return "too-many-rows", "", _too_many(job.max_rows, "rows")
            document = {"head": {"vars": names}, "results": {"bindings": rows}}
        body = json.dumps(document, ensure_ascii=False).encode()
        if results_format != ox.QueryResultsFormat.JSON:
            body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=results_format) or b""
        return "ok", results_format.media_type, body
    except QuerySyntaxError as exc:
        return "syntax", "", str(exc).encode()
    except MemoryError:
        return "failed", "", b"query failed: it needed more memory than this server allows"
    except MskgError as exc:
        return "failed", "", str(exc).encode()
    except (OSError, ValueError, RuntimeError, TypeError) as exc:  # while streaming the answer
        return "failed", "", f"query failed: {exc}".encode()


def _too_many(limit: int, what: str) -> bytes:
    return (
        f"the answer has more than {limit} {what}, the most this server returns; "
        "add a LIMIT (and OFFSET to page) or narrow the query"
    ).encode()


class _Worker:
    def __init__(self, context: Any, args: tuple[Any, ...]) -> None:
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child_end, *args), daemon=True)
        self.process.start()
        child_end.close()
        status, detail = self.connection.recv()
        if status != "ready":
            self.stop()
            raise StoreError(f"a query worker cannot open the store: {detail}")
        self.isolated = bool(detail)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class QueryPool:
    """Worker processes that run queries under a time limit.

    :param store: the spec of the store each worker opens (:func:`kg.store.open_store`).
    :param size: number of workers (queries that can run at once).
    :param timeout: seconds a query may run before its worker is killed.
    :param memory: bytes of address space per worker (None: no cap).
    :param isolate_network: put workers in a network namespace with no way out.
    :param inferred: keep the inferred graph.
    """

    def __init__(
        self,
        store: str,
        *,
        size: int = 2,
        timeout: float = 30.0,
        memory: int | None = 2 << 30,
        isolate_network: bool = True,
        inferred: bool = True,
    ) -> None:
        self.timeout = timeout
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["pyoxigraph", "kg.serve.pool", "kg.store.memory"])
        self._args = (store, inferred, isolate_network, memory)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.replaced = 0
        for _ in range(size):
            self._add(self._start_worker())

    @property
    def network_isolated(self) -> bool:
        with self._lock:
            return all(w.isolated for w in self._all)

    def _start_worker(self) -> _Worker:
        return _Worker(self._context, self._args)

    def _add(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
        worker.stop()
        if not self._closed:
            self._add(self._start_worker())

    def run(self, job: Job, *, wait: float | None = None) -> Outcome:
        """Run a job on the next free worker (waiting at most ``wait`` seconds for one, default the
        time limit). Blocking and thread-safe."""
        started = time.perf_counter()
        try:
            worker = self._idle.get(timeout=self.timeout if wait is None else wait)
        except queue.Empty:
            return Outcome("busy", b"every query worker is busy; try again shortly")
        try:
            worker.connection.send(job)
            if not worker.connection.poll(self.timeout):
                threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
                message = f"query stopped after the time limit of {self.timeout:g} s"
                return Outcome("timeout", message.encode(), seconds=time.perf_counter() - started)
            status, media_type, body = worker.connection.recv()
        except (EOFError, OSError):
            threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
            message = "the query process ended without an answer (it ran out of memory or crashed); the server goes on"
            return Outcome("crashed", message.encode(), seconds=time.perf_counter() - started)
        self._idle.put(worker)
        seconds = time.perf_counter() - started
        if status == "ok":
            return Outcome(status, body, media_type, seconds)
        return Outcome(status, body, seconds=seconds)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
