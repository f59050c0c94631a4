"""Where the dataset lives: one interface (:class:`~kg.store.base.Store`), one backend per module,
picked from a string.

| spec | backend |
|---|---|
| ``build`` | a build folder (the default): its on-disk Oxigraph store when the build made one (a large build does), else its dataset loaded into memory |
| ``memory:build``, ``memory:file.nq`` | :mod:`kg.store.memory`: a build loaded into memory |
| ``oxigraph:PATH`` | :mod:`kg.store.oxigraph`: an on-disk Oxigraph store |
| ``sparql:URL``, ``http(s)://…`` | :mod:`kg.store.sparql`: any SPARQL 1.1 endpoint |

``files`` holds what ``mskg build`` writes (the N-Quads every store loads). ``mskg query``,
``mskg serve``, ``mskg push`` and the Python API all open stores here.

Never imports the query, serve, publish, build or extraction packages, or rdflib: stores serve
every caller and depend on none of them.

>>> open_store("memory:" + str(doctest_store)).spec.startswith("memory:")
True
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import DEFAULT_TIMEOUT, Answer, Store
from .files import DEFAULT_STORE, current_on_disk

__all__ = ["BACKENDS", "DEFAULT_STORE", "DEFAULT_TIMEOUT", "Answer", "Store", "open_store", "parse_spec"]

#: backend name -> "module:class"; a new backend is a module and a line here
BACKENDS: dict[str, str] = {
    "memory": "kg.store.memory:MemoryStore",
    "oxigraph": "kg.store.oxigraph:OxigraphStore",
    "sparql": "kg.store.sparql:SparqlStore",
}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(?!//)")


def parse_spec(spec: str | Path) -> tuple[str, str]:
    """(backend, location) of a store spec; a bare path is a build folder held in memory.

    >>> parse_spec("oxigraph:data"), parse_spec("build"), parse_spec("http://127.0.0.1:7878/query")
    (('oxigraph', 'data'), ('memory', 'build'), ('sparql', 'http://127.0.0.1:7878/query'))

    :raises StoreError: an unknown backend name.
    """
    text = str(spec)
    if text.startswith(("http://", "https://")):
        return "sparql", text
    match = _SCHEME.match(text)
    if match is None or (match.group(1) not in BACKENDS and Path(text).exists()):
        return "memory", text
    if match.group(1) not in BACKENDS:
        raise StoreError(
            f"unknown store {match.group(1)!r} in {text!r}: use one of "
            + ", ".join(f"{name}:…" for name in BACKENDS)
            + " or a build folder"
        )
    return match.group(1), text[match.end() :]


def open_store(spec: str | Path | Store = DEFAULT_STORE, **options: Any) -> Store:
    """Open the store a spec names; ``options`` go to the backend. Every backend takes
    ``inferred`` (False: queries do not see the inferred graph) and ``create`` (True: an empty
    store where there is none yet, to load into); ``sparql`` also ``graph_store`` and ``auth``.

    :raises StoreError: an unknown backend, or nothing there to open.
    """
    if isinstance(spec, Store):
        return spec
    backend, location = parse_spec(spec)
    if backend == "memory" and not str(spec).startswith("memory:"):
        on_disk = current_on_disk(Path(location))
        if on_disk is not None:  # a large build: open it where it lies instead of loading it
            backend, location = "oxigraph", str(on_disk)
    module, _, name = BACKENDS[backend].partition(":")
    store_class = getattr(importlib.import_module(module), name)
    return store_class(location, **options)  # type: ignore[no-any-return]
