"""Where a build's per-document steps and merge partitions run: worker processes on this machine
(:class:`LocalEngine`, one per core by default) or a Dask cluster (:class:`DaskEngine`), results in
task order, with a progress bar (tqdm: documents per second and the time left).

Local workers are forked from the build's process after it has loaded medspaCy, the lexicon and
the offline dictionaries, so they share those pages instead of loading them again (seconds each);
a Dask worker loads them once, on its first task. A worker keeps a shard in the cache itself and
sends back only what the report needs; an error comes back as a value and is raised in the
parent, so the build stops cleanly and writes nothing.

Why Dask rather than Spark for the distributed engine: it is Python end to end (a task is a
function of this module, pickled), installs as two pure-Python wheels (2.4 MB to download, 24 MB installed; pyspark 4.3 is a
434 MB source archive and runs a JVM per executor), and a two-worker cluster on 127.0.0.1 starts in about 2 s.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..errors import BuildEngineError, MskgError
from ..extract.recognise import Aliases
from .cache import ShardCache
from .shard import Shard, Toolkit, aliases_from_json, aliases_to_json, definitions_of, shard_of

__all__ = [
    "DaskEngine",
    "DefinitionsTask",
    "Engine",
    "LocalEngine",
    "ShardTask",
    "default_workers",
    "definitions_step",
    "shard_step",
]

T = TypeVar("T")

#: the toolkit of this process: the parent's (inherited by forked workers), or loaded on a Dask worker
_KIT: Toolkit | None = None
#: what ``_KIT`` was loaded from: the ontology folder and the cache's fingerprint of it and the code
_KIT_SOURCE: tuple[Path, str] | None = None
#: the corpus's shared abbreviations, for forked workers (Dask gets them as an argument)
_SHARED: Aliases | None = None


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _toolkit(ontology: Path, fingerprint: str) -> Toolkit:
    """This process's toolkit, loaded again when the ontology changed (a long-lived Dask worker)."""
    global _KIT, _KIT_SOURCE
    if _KIT is None or (ontology, fingerprint) != _KIT_SOURCE:
        _KIT, _KIT_SOURCE = Toolkit(ontology), (ontology, fingerprint)
    return _KIT


# A task is a tuple so it pickles cheaply.
#: (document, cache key, largest document in bytes, the cache, the ontology folder)
DefinitionsTask = tuple[Path, str, int, ShardCache, Path]
#: the same, and the document's own definitions
ShardTask = tuple[Path, str, int, ShardCache, Path, list[list[Any]]]


def definitions_step(task: DefinitionsTask, shared: Any = None) -> list[list[Any]] | MskgError:
    """A document's abbreviations (the first pass), kept in the cache."""
    path, key, max_bytes, cache, ontology = task
    try:
        value = aliases_to_json(definitions_of(path, _toolkit(ontology, cache.fingerprint), max_bytes))
    except MskgError as exc:
        return exc
    cache.put_definitions(key, value)
    return value


def shard_step(task: ShardTask, shared: list[list[Any]] | None = None) -> Shard | MskgError:
    """A document's shard, kept in the cache; returned without its lines."""
    path, key, max_bytes, cache, ontology, own = task
    corpus = aliases_from_json(shared) if shared is not None else _SHARED
    assert corpus is not None
    try:
        shard = shard_of(path, _toolkit(ontology, cache.fingerprint), corpus, aliases_from_json(own), max_bytes)
    except MskgError as exc:
        return exc
    cache.put_shard(key, shard)
    shard.lines = []  # the parent reads them from the cache
    return shard


class Engine(Protocol):
    """Runs a step over tasks, results in order."""

    workers: int

    def run(self, step: Callable[..., T], tasks: Sequence[Any], *, shared: Aliases | None = None, label: str = "",
            show: bool = False) -> Generator[T, None, None]: ...  # fmt: skip

    def close(self) -> None: ...


def _bar(total: int, label: str, show: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="doc", disable=not show or not total, file=sys.stderr, smoothing=0.1)


class LocalEngine:
    """Worker processes forked from this one (none for one worker: the steps run here)."""

    def __init__(self, workers: int, kit: Toolkit, fingerprint: str) -> None:
        self.workers = workers
        self.kit = kit
        self.fingerprint = fingerprint

    def run(self, step: Callable[..., T], tasks: Sequence[Any], *, shared: Aliases | None = None, label: str = "",
            show: bool = False) -> Generator[T, None, None]:  # fmt: skip
        global _KIT, _KIT_SOURCE, _SHARED
        _KIT, _KIT_SOURCE, _SHARED = self.kit, (self.kit.ontology_folder, self.fingerprint), shared
        bar = _bar(len(tasks), label, show)
        try:
            if self.workers <= 1 or len(tasks) <= 1:
                for task in tasks:
                    yield step(task)
                    bar.update()
                return
            self.kit.warm()
            chunk = max(1, min(16, len(tasks) // (self.workers * 8)))
            # an executor, not multiprocessing.Pool: a worker killed (out of memory, a crash in a
            # PDF library) breaks it with an error instead of leaving the build waiting forever
            pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
            try:
                for result in pool.map(step, tasks, chunksize=chunk):
                    yield result
                    bar.update()
            except BrokenProcessPool:
                raise BuildEngineError(
                    "a worker process died while extracting (out of memory, or a crash in a document library); "
                    "try --workers 1 to find the document"
                ) from None
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        finally:
            bar.close()

    def close(self) -> None:
        pass


class DaskEngine:
    """A Dask cluster: the one at ``scheduler`` (``tcp://host:port``), or a local one of
    ``workers`` processes on 127.0.0.1 started for the build and stopped after it. The
    workers must see the same file system (the documents, the cache, the store)."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise BuildEngineError("the dask engine needs Dask: pip install 'mskg[distributed]'") from None
        self._cluster: Any = None
        self._client: Any = None
        try:
            if scheduler is None:
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=40,
                )  # fmt: skip
                try:
                    self._client = Client(self._cluster)
                except BaseException:
                    self._cluster.close()
                    raise
            else:
                self._client = Client(scheduler, timeout=10)
        except OSError as exc:
            raise BuildEngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
        self.workers = len(self._client.scheduler_info()["workers"]) or workers

    def run(self, step: Callable[..., T], tasks: Sequence[Any], *, shared: Aliases | None = None, label: str = "",
            show: bool = False) -> Generator[T, None, None]:  # fmt: skip
        bar = _bar(len(tasks), label, show)
        try:
            extra = {}
            if shared is not None:
                # one future for the whole vocabulary: scattering the list itself would make a future
                # per entry, and past 100 kB of them Dask 2026.8 turns the argument into a graph node
                # keyed by its name ("shared"), which its scheduler then fails on (seen at 10,000 documents)
                extra["shared"] = self._client.scatter([aliases_to_json(shared)], broadcast=True)[0]
            futures: list[Any] = self._client.map(step, list(tasks), pure=False, **extra)
            for index, future in enumerate(futures):
                futures[index] = None  # the cluster keeps a result while a future refers to it
                yield future.result()
                future.release()
                bar.update()
        finally:
            bar.close()

    def close(self) -> None:
        """Stop the client and a cluster started for the build (again: nothing)."""
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        try:
            if client is not None:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()
