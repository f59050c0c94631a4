"""The dataset as text: sorted, de-duplicated N-Quads lines with canonical blank-node labels, so
that the same inputs always give the same bytes (a build is deterministic)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["nquads_lines", "term"]


def term(node: Node) -> str:
    """A term as N-Quads writes it, on one line: rdflib's ``n3()`` writes a literal with a line
    break in Turtle's long form (a raw newline), which N-Quads forbids and a line reader splits."""
    if isinstance(node, Literal) and ("\n" in node or "\r" in node):
        value = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        suffix = f"@{node.language}" if node.language else (f"^^<{node.datatype}>" if node.datatype else "")
        return f'"{value}"{suffix}'
    return node.n3()


def nquads_lines(graphs: Iterable[tuple[URIRef, Graph]]) -> list[str]:
    """Sorted, de-duplicated N-Quads lines. Blank nodes (OWL axioms of the ontology) get
    canonical labels, so that the same input always gives the same bytes."""
    from rdflib.compare import to_canonical_graph

    lines: set[str] = set()
    for name, graph in graphs:
        if any(isinstance(s, BNode) or isinstance(o, BNode) for s, _, o in graph):
            graph = to_canonical_graph(graph)
        for s, p, o in graph:
            lines.add(f"{term(s)} {p.n3()} {term(o)} {name.n3()} .\n")
    return sorted(lines)
