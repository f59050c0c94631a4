"""What the routes share while the server runs: the store (for entity pages), the pool of query
workers, the catalogue, the answer cache, and queries already running (identical queries that
arrive together run once)."""

from __future__ import annotations

import asyncio
import functools
import gc
from typing import Any

from ..query.catalogue import Catalogue, CatalogueQuery
from ..store import open_store
from .cache import AnswerCache
from .completion import Completions
from .config import ServerConfig
from .guard import QueryPlan, RefusedQuery, check_query
from .pool import Job, Outcome, QueryPool
from .resources import Resources
from .sources import Sources

__all__ = ["Service"]


class Service:
    """The server's state, made when the application starts and closed when it stops.

    :raises StoreError: the store cannot be opened.
    """

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.store = open_store(config.store, inferred=config.inferred)
        self.resources = Resources(self.store)
        self.sources = Sources(self.resources, config.texts or self.store.texts)
        self.completions = Completions(self.resources)
        self.catalogue = Catalogue(config.catalogue)
        self.entries: list[CatalogueQuery] = list(self.catalogue)
        #: identifies the data for ETags; None when the store cannot say (a remote endpoint)
        self.version = (self.store.version or "")[:16] or None
        self.pool = QueryPool(
            self.store.spec,
            size=config.workers,
            timeout=config.timeout,
            memory=config.worker_memory,
            # a remote store is reached over the network; a local one never needs it
            isolate_network=config.isolate_network and self.store.local and not config.allow_service,
            inferred=config.inferred,
        )
        # answers stay right only while the data cannot change: a remote store may change any time
        self.cache = AnswerCache(config.cache_bytes if self.version else 0)
        self._running: dict[Any, asyncio.Future[Outcome]] = {}
        # what the server holds from now on lives as long as it: out of the garbage collector's
        # rounds, which stay short (each request makes a few objects that die young)
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        self.pool.close()
        self.store.close()

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Service per process, lives as long as it
    def plan(self, text: str, default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> QueryPlan | str:
        """The checked plan of a query, or the reason it is refused."""
        try:
            return check_query(
                text,
                graphs=self.resources.graphs,
                allowed=self.config.allow_service,
                dataset=default_graphs + named_graphs,
            )
        except RefusedQuery as exc:
            return str(exc)

    async def answer(self, job: Job) -> Outcome:
        """The outcome of a job: from the cache, from an identical job already running, or from a worker."""
        cached = self.cache.get(job)
        if cached is not None:
            return cached
        running = self._running.get(job)
        if running is not None:
            return await asyncio.shield(running)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        self._running[job] = future
        try:
            outcome = await self.pool.submit(job, loop=loop)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # marked as retrieved: waiters, if any, get it raised
            raise
        finally:
            del self._running[job]
        self.cache.put(job, outcome)
        future.set_result(outcome)
        return outcome
