"""The dataset as text: sorted, de-duplicated N-Quads lines with canonical blank-node labels, so
that the same inputs always give the same bytes (a build is deterministic)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, URIRef

__all__ = ["nquads_lines"]


def nquads_lines(graphs: Iterable[tuple[URIRef, Graph]]) -> list[str]:
    """Sorted, de-duplicated N-Quads lines. Blank nodes (OWL axioms of the ontology) get
    canonical labels, so that the same input always gives the same bytes."""
    from rdflib.compare import to_canonical_graph

    lines: set[str] = set()
    for name, graph in graphs:
        if any(isinstance(s, BNode) or isinstance(o, BNode) for s, _, o in graph):
            graph = to_canonical_graph(graph)
        for s, p, o in graph:
            lines.add(f"{s.n3()} {p.n3()} {o.n3()} {name.n3()} .\n")
    return sorted(lines)
