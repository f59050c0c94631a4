"""Loading a build into a store: ``mskg push``. The target is any store (:mod:`kg.store`): a
triple store through the Graph Store Protocol (``--endpoint``), or any backend spec (``--to
oxigraph:data``). Loading replaces the graphs the store held, so a second push replaces the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..store import DEFAULT_STORE, Store
from ..store.files import dataset_path

__all__ = ["PushReport", "push"]


@dataclass
class PushReport:
    target: str
    graphs: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"Pushed {sum(self.graphs.values())} triples in {len(self.graphs)} graphs to {self.target}:"]
        lines += [f"  {iri}  {count} triples (replaced)" for iri, count in self.graphs.items()]
        return "\n".join(lines)


def push(target: Store, build: Path = DEFAULT_STORE) -> PushReport:
    """Load the dataset of a build folder into a store.

    :raises StoreError: nothing was built there.
    :raises LoadError: the store refused it (the message says what it holds now).
    """
    graphs = target.load(dataset_path(Path(build)))
    return PushReport(getattr(target, "graph_store", None) or target.spec, graphs)
