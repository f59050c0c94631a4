"""What ``mskg serve`` is told; every limit has a default that suits a small public endpoint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..query.catalogue import DEFAULT_CATALOGUE
from ..store import DEFAULT_STORE

__all__ = ["ServerConfig"]


@dataclass
class ServerConfig:
    """The server's settings."""

    #: the store to serve (a spec: a build folder, ``oxigraph:PATH``, ``sparql:URL``)
    store: str | Path = DEFAULT_STORE
    catalogue: Path = DEFAULT_CATALOGUE
    timeout: float = 30.0
    max_rows: int = 10_000
    max_query_length: int = 50_000  # characters
    max_request_bytes: int = 1 << 20
    #: query workers: one more than the cores, so one is ready while the server hands out the next job
    workers: int = (os.cpu_count() or 2) + 1
    worker_memory: int | None = 2 << 30  # bytes of address space per query worker
    allow_service: tuple[str, ...] = ()  # remote endpoints queries may call with SERVICE
    inferred: bool = True
    cache_bytes: int = 64 << 20
    isolate_network: bool = True
    access_log: bool = False
    #: the folder of the documents' texts for the evidence viewer; None: the build folder's ``texts/``
    texts: Path | None = None
