"""kgx and bmt with no network: the Biolink Model and prefix maps from installed packages.

kgx 2.6 builds a ``bmt.Toolkit()`` when ``kgx.utils.kgx_utils`` is imported, and bmt 1.5's default
Toolkit downloads ``biolink-model.yaml`` and ``predicate_mapping.yaml`` (Biolink 4.4.4) from
raw.githubusercontent.com; kgx's validator and prefix manager then download Biolink 2.2.5's
``context.jsonld`` (and the Monarch and OBO contexts when contracting IRIs). :func:`install`, called
before kgx is imported, points all of these at local copies:

- the Toolkit's default schema becomes the ``biolink-model`` package's ``biolink_model.yaml``
  (the version installed, 4.4.6 when written) and its predicate map an empty one (validation does
  not use it);
- kgx's JSON-LD contexts: "biolink" becomes that package's prefix map
  (``prefixmaps/biolink-model-prefix-map.json``) plus mskg's own prefixes
  (:data:`kg.publish.kgx.CURIE_PREFIXES`, which the Biolink Model does not know: without them every
  mskg node is an "unknown CURIE prefix" error), "monarch_context" and "obo_context" the copies
  ``prefixcommons`` ships.

Run the kgx command line the same way (the test suite checks this runs with no network)::

    python -m tests.kgx_offline validate -i jsonl DIR/nodes.jsonl DIR/edges.jsonl
"""

from __future__ import annotations

import importlib.resources
import json
import sys
from typing import Any

__all__ = ["install", "biolink_schema", "toolkit"]

_installed = False


def biolink_schema() -> str:
    """Path of the Biolink Model YAML of the installed ``biolink-model`` package."""
    return str(importlib.resources.files("biolink_model") / "schema" / "biolink_model.yaml")


def _biolink_prefixes() -> dict[str, str]:
    path = importlib.resources.files("biolink_model") / "prefixmaps" / "biolink-model-prefix-map.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def install(mskg_prefixes: bool = True) -> None:
    """Make bmt and kgx use local copies of everything they would download (before importing kgx)."""
    global _installed
    import bmt

    bmt.Toolkit.__init__.__defaults__ = (biolink_schema(), {"predicate mappings": []})
    import kgx.config as config

    config.get_config()
    prefixes = _biolink_prefixes()
    if mskg_prefixes:
        from kg.publish.kgx import CURIE_PREFIXES

        prefixes.update(CURIE_PREFIXES)
    config.jsonld_context_map["biolink"] = prefixes
    registry = importlib.resources.files("prefixcommons") / "registry"
    for name in ("monarch_context", "obo_context"):
        config.jsonld_context_map[name] = json.loads((registry / f"{name}.jsonld").read_text(encoding="utf-8"))[
            "@context"
        ]
    _installed = True


def toolkit() -> Any:
    """A bmt Toolkit over the packaged Biolink Model."""
    from bmt import Toolkit

    return Toolkit(biolink_schema(), predicate_map={"predicate mappings": []})


if __name__ == "__main__":
    install()
    from kgx.cli import cli

    sys.argv[0] = "kgx"
    cli()
