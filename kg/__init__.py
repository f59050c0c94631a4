"""mskg: a knowledge graph of multiple-sclerosis treatments, built from documents.

The package follows the data flow (see docs/architecture.md):

- :mod:`kg.extract`: documents -> claims with their evidence
- :mod:`kg.build`: claims -> facts, provenance, reasoning, validation -> the dataset on disk
- :mod:`kg.store`: where the dataset lives (memory, on-disk Oxigraph, any SPARQL endpoint)
- :mod:`kg.query`: the query catalogue, results, the Python API
- :mod:`kg.serve`: the SPARQL endpoint, query page and entity pages
- :mod:`kg.publish`: exports, releases, VoID, ontology docs, loading into triple stores
- :mod:`kg.evaluate`: extraction scored against gold annotations
- :mod:`kg.cli`: the ``mskg`` command, on top of all of them

The query API, importable without the extraction stack::

    from kg import Dataset, Endpoint, open_store
    dataset = Dataset("build")                 # what `mskg build` wrote; or "oxigraph:data", "sparql:http://…"
    dataset.run("fda-approved-ms-drugs").values()
"""

from __future__ import annotations

from typing import Any

__all__ = ["Catalogue", "Dataset", "Endpoint", "Result", "Store", "open_store"]

_EXPORTS = {
    "Catalogue": "query.catalogue",
    "Dataset": "query.api",
    "Endpoint": "query.api",
    "Result": "query.results",
    "Store": "store.base",
    "open_store": "store",
}


def __getattr__(name: str) -> Any:
    # lazy, so that `import kg.build` does not load the query side and the reverse
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
