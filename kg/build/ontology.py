"""Loading the hand-written ontology: every ``*.ttl`` of the ontology folder (terms, named
entities), parsed with rdflib. Its labels and synonyms are also the extraction lexicon."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..errors import OntologyError
from ..namespaces import PREFIXES

__all__ = ["load_graph_file", "load_ontology"]


def load_graph_file(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file.

    :raises OntologyError: with the file and the line of a syntax error.
    """
    graph = graph if graph is not None else Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise OntologyError(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise OntologyError(path, f"not valid UTF-8 ({exc.reason})") from None
    except Exception as exc:  # rdflib raises several types for bad syntax
        line = getattr(exc, "lines", None)
        why = getattr(exc, "_why", None) or str(exc).strip().splitlines()[0]
        raise OntologyError(path, f"Turtle syntax error: {why}", line=int(line) + 0 if line else None) from None
    return graph


def load_ontology(folder: Path) -> Graph:
    """The TBox and the named entities: every ``*.ttl`` directly in the ontology folder."""
    files = sorted(Path(folder).glob("*.ttl"))
    if not files:
        raise OntologyError(folder, "no ontology (*.ttl) files")
    graph = Graph()
    for path in files:
        load_graph_file(path, graph)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
