"""What the stores that run queries in this process share: a pyoxigraph ``Store`` (in memory or
on disk) queried with the dataset's defaults, and pattern lookups restricted to its graphs."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import QueryError, QuerySyntaxError
from ..iris import PREFIXES
from .base import Store

__all__ = ["BULK_LOAD_LINES", "PyoxigraphStore"]

#: N-Quads lines per bulk-load call (about 150 MB of the loader's memory)
BULK_LOAD_LINES = 500_000


class PyoxigraphStore(Store):
    """A store held by pyoxigraph in this process; subclasses open ``self._store``."""

    _store: Any

    def execute(self, sparql: str, *, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Any:
        import pyoxigraph as ox

        options: dict[str, Any] = {"prefixes": PREFIXES}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        elif self.inferred:
            options["use_default_graph_as_union"] = True
        else:
            options["default_graph"] = [ox.NamedNode(g) for g in self.graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        elif not self.inferred:
            options["named_graphs"] = [ox.NamedNode(g) for g in self.graphs]
        try:
            return self._store.query(sparql, **options)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"malformed query: {exc}") from None
        except (OSError, ValueError, RuntimeError, TypeError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def quads(self, subject: Any = None, predicate: Any = None, obj: Any = None, graph: Any = None) -> Iterator[Any]:
        if graph is not None:
            if graph.value not in self.graphs:
                return iter(())
            return iter(self._store.quads_for_pattern(subject, predicate, obj, graph))
        everything = self._store.quads_for_pattern(subject, predicate, obj)
        if self.inferred:
            return iter(everything)
        seen = set(self.graphs)
        return (quad for quad in everything if quad.graph_name.value in seen)

    def graph_sizes(self) -> dict[str, int]:
        return dict(self._sizes)

    @cached_property
    def _sizes(self) -> dict[str, int]:
        import pyoxigraph as ox

        sizes = {}
        for graph in self.graphs:
            node = ox.NamedNode(graph)
            if self._store.contains_named_graph(node):
                sizes[graph] = sum(1 for _ in self._store.quads_for_pattern(None, None, None, node))
        return sizes

    def _forget_sizes(self) -> None:
        self.__dict__.pop("_sizes", None)

    @staticmethod
    def _bulk_load(store: Any, dataset: Path) -> None:
        """Bulk-load an N-Quads file in parts of :data:`BULK_LOAD_LINES`: Oxigraph's loader keeps
        what one call reads in memory until it writes (1.8 GB for 3.7 million quads in one call).
        Lines naming a blank node go in one part, the last: a label means one node per call."""
        import pyoxigraph as ox

        blank: list[bytes] = []
        part: list[bytes] = []
        with dataset.open("rb") as lines:
            for line in lines:
                if b"_:" in line:
                    blank.append(line)
                    continue
                part.append(line)
                if len(part) == BULK_LOAD_LINES:
                    store.bulk_load(b"".join(part), format=ox.RdfFormat.N_QUADS)
                    part = []
        if part or blank:
            store.bulk_load(b"".join(part + blank), format=ox.RdfFormat.N_QUADS)
