"""mskg: a knowledge graph of multiple-sclerosis treatments, built from documents.

The query API, importable without the extraction stack::

    from kg import Dataset, Endpoint, Catalogue
    dataset = Dataset("build")                 # what `mskg build` wrote
    dataset.run("fda-approved-ms-drugs").values()
"""

from __future__ import annotations

from typing import Any

__all__ = ["Catalogue", "Dataset", "Endpoint", "Result"]

_EXPORTS = {"Catalogue": "catalogue", "Dataset": "query", "Endpoint": "remote", "Result": "results"}


def __getattr__(name: str) -> Any:
    # lazy, so that `import kg.build` does not load the query side and the reverse
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
