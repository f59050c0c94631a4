"""A pool of query worker processes for the server: each holds its own copy of the dataset, runs
one query at a time and is killed when its query passes the time limit.

pyoxigraph cannot interrupt a query, so killing the process is the only stop that works for every
query shape (a COUNT over a cross product, an ORDER BY, a deep property path). The server itself
never runs a user's query, so it keeps answering while a worker is stuck, and a fresh worker takes
the killed one's place. Workers also run with a cap on memory and, where Linux allows it, in a
network namespace of their own with no interfaces up, so a query cannot reach the network even if
the text check in :mod:`kg.guard` missed something.

The server's event loop drives the workers without a thread in between: each worker has a socket of
its own, a job goes out as one frame (its fields, pickled), the answer comes back as one frame that
the worker serialised itself with pyoxigraph's writers (kind, media type, body: no pickling of the
body), read when the loop sees it arrive; a timer of the loop kills the worker at the time limit.
Workers run at a lower scheduling priority than the server, which hands out the next job as soon as
a reply comes in and keeps answering however busy the workers are.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import ctypes
import json
import multiprocessing
import os
import pickle
import resource
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import MskgError, QuerySyntaxError, StoreError
from ..iris import PREFIXES
from ..store import Store

__all__ = ["Job", "Outcome", "QueryPool"]

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

#: what a worker can answer, by number on the wire; the first two only when it starts
_REPLIES = ("ready", "unready", "ok", "syntax", "failed", "too-many-rows", "not-acceptable")
_REPLY_NUMBER = {name: number for number, name in enumerate(_REPLIES)}
#: a frame on a worker's socket: the length of what follows; a reply then has its kind and the
#: length of its media type, then the media type and the body
_LENGTH = struct.Struct("!I")
_REPLY_HEAD = struct.Struct("!IBB")


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


def _worker_main(
    channel: socket.socket, spec: str, inferred: bool, isolate: bool, memory: int | None, niceness: int
) -> None:
    from ..store import open_store

    isolated = _isolate_network() if isolate else False
    if niceness:
        os.nice(niceness)
    try:
        store = open_store(spec, inferred=inferred)
    except MskgError as exc:
        _reply(channel, "unready", "", str(exc).encode())
        return
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _reply(channel, "ready", "", b"1" if isolated else b"0")
    frames = bytearray()
    scratch = memoryview(bytearray(1 << 16))
    while True:
        while len(frames) < _LENGTH.size or len(frames) < _LENGTH.size + _LENGTH.unpack_from(frames)[0]:
            count = channel.recv_into(scratch)
            if not count:
                return  # the server closed the socket: it stops
            frames += scratch[:count]
        end = _LENGTH.size + _LENGTH.unpack_from(frames)[0]
        job = Job(*pickle.loads(frames[_LENGTH.size : end]))
        del frames[:end]
        _reply(channel, *run_job(store, job))


def _receive(channel: socket.socket, size: int) -> bytes | None:
    """Exactly ``size`` bytes from a blocking socket, or None at its end."""
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        count = channel.recv_into(view[got:])
        if not count:
            return None
        got += count
    return bytes(buffer)


def _reply(channel: socket.socket, status: str, media_type: str, body: bytes) -> None:
    media = media_type.encode()
    head = _REPLY_HEAD.pack(2 + len(media) + len(body), _REPLY_NUMBER[status], len(media)) + media
    if len(body) < 1 << 16:
        channel.sendall(head + body)
    else:  # no copy of a big body
        channel.sendall(head)
        channel.sendall(body)


def _read_reply(frame: bytes | bytearray) -> tuple[str, str, bytes]:
    """(kind, media type, body) of a whole reply frame."""
    _, number, media_length = _REPLY_HEAD.unpack_from(frame)
    start = _REPLY_HEAD.size
    media = bytes(frame[start : start + media_length]).decode()
    return _REPLIES[number], media, bytes(frame[start + media_length :])


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


#: the fewest bytes one row takes in each results format (JSON ``{},``, XML ``<result></result>``,
#: CSV and TSV a line end): an answer shorter than this times the row cap is within the cap
_ROW_BYTES = {"JSON": 3, "XML": 17, "CSV": 2, "TSV": 1}


class _Full(Exception):
    """An answer passed the bytes a worker serialises before it counts rows one by one."""


class _Capped:
    """Where pyoxigraph's serialiser writes an answer, giving up past ``cap`` bytes."""

    def __init__(self, cap: int) -> None:
        self.cap, self.size = cap, 0
        self.chunks: list[bytes] = []

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.cap:
            raise _Full
        self.chunks.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        pass


def run_job(store: Store, job: Job) -> tuple[str, str, bytes]:
    """Run a job on a store: ("ok", media type, body) or (failure, "", message).

    A table is written by pyoxigraph's own serialiser. Its rows are counted only when the body is
    long enough to hold more than ``max_rows`` of them, or when it passes a size where serialising
    on would waste the time limit: then the query runs again and stops at the first row too many.
    """
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
            return "ok", results_format.media_type, results.serialize(format=results_format) or b""
        writer = _Capped(max(1 << 20, 2048 * job.max_rows))
        try:
            results.serialize(writer, format=results_format)
        except _Full:
            return _rows_counted(store, job)
        body = b"".join(writer.chunks)
        if len(body) >= _ROW_BYTES[job.result_format] * job.max_rows:
            if job.result_format == "CSV":  # CSV cannot be read back
                return _rows_counted(store, job)
            if _count_rows(ox.parse_query_results(body, results_format)) > job.max_rows:
                return "too-many-rows", "", _too_many(job.max_rows, "rows")
        return "ok", results_format.media_type, body
    except QuerySyntaxError as exc:
        return "syntax", "", str(exc).encode()
    except MemoryError:
        return "failed", "", b"query failed: it needed more memory than this server allows"
    except MskgError as exc:
        return "failed", "", str(exc).encode()
    except (OSError, ValueError, RuntimeError, TypeError) as exc:  # while streaming the answer
        return "failed", "", f"query failed: {exc}".encode()


def _count_rows(parsed: Any) -> int:
    return sum(1 for _ in parsed)


def _rows_counted(store: Store, job: Job) -> tuple[str, str, bytes]:
    """A table answer built row by row, stopping at the first row past the cap (a long answer)."""
    import pyoxigraph as ox

    results = store.execute(job.text, default_graphs=job.default_graphs, named_graphs=job.named_graphs)
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        rows.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
        if len(rows) > job.max_rows:
            return "too-many-rows", "", _too_many(job.max_rows, "rows")
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}, ensure_ascii=False).encode()
    results_format = getattr(ox.QueryResultsFormat, job.result_format or "JSON")
    if results_format != ox.QueryResultsFormat.JSON:
        body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=results_format) or b""
    return "ok", results_format.media_type, body


def _too_many(limit: int, what: str) -> bytes:
    return (
        f"the answer has more than {limit} {what}, the most this server returns; "
        "add a LIMIT (and OFFSET to page) or narrow the query"
    ).encode()


class _Worker:
    """A worker process and the server's end of its socket (non-blocking once it is ready). The
    event loop that last used it watches the socket from then on (one registration, not one per
    job): the reply of a job, or the end of the socket when the process dies, even while idle."""

    def __init__(self, context: Any, args: tuple[Any, ...]) -> None:
        self.channel, child_end = socket.socketpair()
        self.process = context.Process(target=_worker_main, args=(child_end, *args), daemon=True)
        self.process.start()
        child_end.close()
        head = _receive(self.channel, _REPLY_HEAD.size)
        rest = _receive(self.channel, _REPLY_HEAD.unpack(head)[0] - 2) if head else None
        if head is None or rest is None:
            self.stop()
            raise StoreError("a query worker ended while it opened the store")
        status, _, detail = _read_reply(head + rest)
        if status != "ready":
            self.stop()
            raise StoreError(f"a query worker cannot open the store: {detail.decode('utf-8', 'replace')}")
        self.isolated = detail == b"1"
        self.channel.setblocking(False)
        self.fd = self.channel.fileno()
        self.loop: asyncio.AbstractEventLoop | None = None  # the loop watching the socket
        self.call: _Call | None = None  # the job it runs
        self.ended = False  # its socket has ended: the process is gone or going
        self.on_idle_end: Callable[[_Worker], None] | None = None

    def watch(self, loop: asyncio.AbstractEventLoop) -> None:
        """Have ``loop`` (the running one) watch the socket."""
        if self.loop is not loop:
            self.unwatch()
            loop.add_reader(self.fd, self._readable)
            self.loop = loop

    def unwatch(self) -> None:
        """Stop watching: in the watching loop's thread (or once that loop has closed), before the
        socket is closed."""
        loop, self.loop = self.loop, None
        if loop is not None and not loop.is_closed():
            loop.remove_reader(self.fd)
            loop.remove_writer(self.fd)

    def _readable(self) -> None:
        try:
            chunk = self.channel.recv(1 << 16)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.ended = True
            self.unwatch()
        if self.call is not None:
            self.call.received(chunk)
        elif self.ended and self.on_idle_end is not None:
            self.on_idle_end(self)  # died while idle (killed from outside): replaced before it is given a job

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.channel.close()


class _Call:
    """One job on one worker, driven by the event loop: the reply is read as it arrives, and the
    worker is killed if it has not come within the time limit. The call owns the worker until then
    (if whoever awaits the answer goes away, the call still ends and frees or replaces the worker)."""

    def __init__(self, pool: QueryPool, worker: _Worker, loop: asyncio.AbstractEventLoop) -> None:
        self.pool, self.worker, self.loop = pool, worker, loop
        self.future: asyncio.Future[Outcome] = loop.create_future()
        self.started = time.perf_counter()
        self.buffer = bytearray()
        self.expected = -1
        self.timer: asyncio.TimerHandle | None = None
        self.writing = False  # a long job frame is still going out

    def start(self, frame: bytes) -> None:
        worker = self.worker
        if worker.ended:
            self._crashed()
            return
        worker.call = self
        worker.watch(self.loop)
        try:
            sent = worker.channel.send(frame)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._crashed()
            return
        self.timer = self.loop.call_later(self.pool.timeout, self._expired)
        if sent < len(frame):  # a long query: the rest as the worker reads it
            self.writing = True
            self.loop.add_writer(worker.fd, self._writable, memoryview(frame)[sent:])

    def _writable(self, rest: memoryview) -> None:
        try:
            sent = self.worker.channel.send(rest)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._crashed()
            return
        if sent < len(rest):
            self.loop.add_writer(self.worker.fd, self._writable, rest[sent:])
        else:
            self.writing = False
            self.loop.remove_writer(self.worker.fd)

    def received(self, chunk: bytes) -> None:
        if not chunk:
            self._crashed()
            return
        self.buffer += chunk
        if self.expected < 0 and len(self.buffer) >= _LENGTH.size:
            self.expected = _LENGTH.size + _LENGTH.unpack_from(self.buffer)[0]
        if 0 <= self.expected <= len(self.buffer):
            self._finish()

    def _finish(self) -> None:
        self._end()
        status, media_type, body = _read_reply(self.buffer)
        self.pool._release(self.worker)
        seconds = time.perf_counter() - self.started
        if status == "ok":
            self._settle(Outcome(status, body, media_type, seconds))
        else:
            self._settle(Outcome(status, body, seconds=seconds))

    def _expired(self) -> None:
        self.timer = None
        self._end()
        self.worker.process.kill()  # now, not when the replacement starts
        self.pool._replace_later(self.worker)
        message = f"query stopped after the time limit of {self.pool.timeout:g} s"
        self._settle(Outcome("timeout", message.encode(), seconds=time.perf_counter() - self.started))

    def _crashed(self) -> None:
        self._end()
        self.pool._replace_later(self.worker)
        message = "the query process ended without an answer (it ran past the memory limit or crashed); the server goes on"
        self._settle(Outcome("crashed", message.encode(), seconds=time.perf_counter() - self.started))

    def _end(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        self.worker.call = None
        if self.writing:
            self.writing = False
            self.loop.remove_writer(self.worker.fd)

    def _settle(self, outcome: Outcome) -> None:
        if not self.future.done():
            self.future.set_result(outcome)


class _Waiter:
    """Someone waiting for a free worker: a future of the event loop it waits in."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.thread = threading.get_ident()
        self.future: asyncio.Future[_Worker | None] = loop.create_future()

    def offer(self, pool: QueryPool, worker: _Worker) -> bool:
        """Hand the worker over; False if this waiter has gone. Called with the pool's lock held."""
        if threading.get_ident() != self.thread:
            try:
                self.loop.call_soon_threadsafe(self._take_later, pool, worker)
            except RuntimeError:  # its event loop has closed
                return False
            return True
        if self.future.done():
            return False
        self.future.set_result(worker)
        return True

    def _take_later(self, pool: QueryPool, worker: _Worker) -> None:
        if self.future.done():
            pool._release(worker)
        else:
            self.future.set_result(worker)


def _give_up(future: asyncio.Future[Any]) -> None:
    if not future.done():
        future.set_result(None)


class QueryPool:
    """Worker processes that run queries under a time limit: :meth:`submit` in the server's event
    loop, :meth:`run` anywhere else.

    :param store: the spec of the store each worker opens (:func:`kg.store.open_store`).
    :param size: number of workers (queries that can run at once).
    :param timeout: seconds a query may run before its worker is killed.
    :param memory: bytes of address space per worker (None: no cap).
    :param isolate_network: put workers in a network namespace with no way out.
    :param inferred: keep the inferred graph.
    :param niceness: how much lower the workers' scheduling priority is than the server's: the
        server takes a reply and hands out the next job as soon as it can, and keeps answering
        (pages, cached answers, the time limit's kill) however busy the workers are.
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
        niceness: int = 10,
    ) -> None:
        self.timeout = timeout
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["pyoxigraph", "kg.serve.pool", "kg.store.memory"])
        self._args = (store, inferred, isolate_network, memory, niceness)
        self._idle: collections.deque[_Worker] = collections.deque()
        self._waiters: collections.deque[_Waiter] = collections.deque()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.replaced = 0
        try:
            for _ in range(size):
                self._release(self._start_worker())
        except BaseException:
            self.close()
            raise

    @property
    def network_isolated(self) -> bool:
        with self._lock:
            return all(w.isolated for w in self._all)

    def _start_worker(self) -> _Worker:
        worker = _Worker(self._context, self._args)
        worker.on_idle_end = self._ended_idle
        with self._lock:
            self._all.add(worker)
        return worker

    def _ended_idle(self, worker: _Worker) -> None:
        with self._lock:
            if worker not in self._idle:
                return  # being handed over: its job will find it ended
            self._idle.remove(worker)
        self._replace_later(worker)

    def _release(self, worker: _Worker) -> None:
        """A worker is free: to the first one waiting for it, or to the idle ones."""
        with self._lock:
            if not self._closed:
                while self._waiters:
                    if self._waiters.popleft().offer(self, worker):
                        return
                self._idle.append(worker)
                return
            self._all.discard(worker)
        worker.unwatch()
        worker.stop()

    def _replace_later(self, worker: _Worker) -> None:
        """Stop a worker and start another in its place, in a thread (starting takes a while)."""
        worker.unwatch()
        threading.Thread(target=self._replace, args=(worker,), daemon=True).start()

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
        worker.stop()
        if not self._closed:
            self._release(self._start_worker())

    async def _acquire(self, wait: float, loop: asyncio.AbstractEventLoop) -> _Worker | None:
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            waiter = _Waiter(loop)
            self._waiters.append(waiter)
        future = waiter.future
        timer = loop.call_later(wait, _give_up, future)
        try:
            return await future
        except asyncio.CancelledError:
            handed = future.result() if future.done() and not future.cancelled() else None
            if handed is not None:
                self._release(handed)  # handed over just as the caller went away
            raise
        finally:
            timer.cancel()

    async def submit(
        self, job: Job, *, wait: float | None = None, loop: asyncio.AbstractEventLoop | None = None
    ) -> Outcome:
        """Run a job on the next free worker (waiting at most ``wait`` seconds for one, default the
        time limit), in the running event loop."""
        loop = loop or asyncio.get_running_loop()  # (each call of which is a getpid() system call)
        worker = await self._acquire(self.timeout if wait is None else wait, loop)
        if worker is None:
            return Outcome("busy", b"every query worker is busy; try again shortly")
        call = _Call(self, worker, loop)
        fields = (job.text, job.result_format, job.graph_format, job.default_graphs, job.named_graphs, job.max_rows)
        payload = pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL)
        call.start(_LENGTH.pack(len(payload)) + payload)
        return await call.future

    def run(self, job: Job, *, wait: float | None = None) -> Outcome:
        """:meth:`submit` for callers outside an event loop (blocking; each call in a loop of its own)."""
        return asyncio.run(self.submit(job, wait=wait))

    def close(self) -> None:
        """Stop every worker (in the event loop's thread if one still uses the pool)."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            waiters = list(self._waiters)
            self._waiters.clear()
        for waiter in waiters:
            with contextlib.suppress(RuntimeError):  # its event loop has closed
                waiter.loop.call_soon_threadsafe(_give_up, waiter.future)
        for worker in workers:
            call = worker.call
            if call is not None:  # a job still running as the server stops: its answer will not come
                ended = Outcome("crashed", b"the server stopped before the query ended")
                with contextlib.suppress(RuntimeError):
                    call.loop.call_soon_threadsafe(call._settle, ended)
            worker.unwatch()
            worker.stop()
