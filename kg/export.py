"""Exporting the built dataset in linked-data formats. N-Quads streams line by line from the
store file; the other formats go through Oxigraph. Output is written atomically."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import FormatError
from .iris import GRAPH_IRIS
from .store import DEFAULT_STORE, dataset_path, write_atomic

__all__ = ["EXPORT_FORMATS", "export", "export_lines"]

#: format name -> (pyoxigraph RdfFormat attribute, keeps named graphs)
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    "nq": ("N_QUADS", True),
    "trig": ("TRIG", True),
    "ttl": ("TURTLE", False),
    "nt": ("N_TRIPLES", False),
    "jsonld": ("JSON_LD", True),
    "xml": ("RDF_XML", False),
}


def _graph_iri(name: str | None) -> str | None:
    if name is None:
        return None
    if name in GRAPH_IRIS:
        return GRAPH_IRIS[name]
    if name in GRAPH_IRIS.values():
        return name
    raise FormatError(f"unknown graph {name!r} (use one of {', '.join(GRAPH_IRIS)})")


def export_lines(store: Path = DEFAULT_STORE, graph: str | None = None) -> Iterator[str]:
    """The dataset's N-Quads lines, optionally only those of one graph (streamed)."""
    wanted = _graph_iri(graph)
    suffix = f" <{wanted}> .\n" if wanted else None
    with dataset_path(store).open(encoding="utf-8") as lines:
        for line in lines:
            if suffix is None or line.endswith(suffix):
                yield line


def export(fmt: str, output: Path | None = None, store: Path = DEFAULT_STORE, graph: str | None = None) -> None:
    """Write the dataset (or one graph) in a format to a file, or to standard output.

    Formats without named graphs (ttl, nt, xml) get the union of the graphs unless one is chosen.

    :raises FormatError: an unknown format or graph.
    """
    if fmt not in EXPORT_FORMATS:
        raise FormatError(f"unknown export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
    wanted = _graph_iri(graph)
    if fmt == "nq":
        data: bytes | Iterator[str] = export_lines(store, graph)
    else:
        import pyoxigraph as ox

        oxstore = ox.Store()
        oxstore.bulk_load(path=str(dataset_path(store)), format=ox.RdfFormat.N_QUADS)
        attribute, keeps_graphs = EXPORT_FORMATS[fmt]
        rdf_format = getattr(ox.RdfFormat, attribute)
        dumped: bytes | None
        if wanted:
            dumped = oxstore.dump(format=rdf_format, from_graph=ox.NamedNode(wanted))
        elif keeps_graphs:
            dumped = oxstore.dump(format=rdf_format)
        else:
            union = ox.Store()
            union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in oxstore)
            dumped = union.dump(format=rdf_format, from_graph=ox.DefaultGraph())
        data = dumped or b""
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.writelines(data)
        return
    write_atomic(Path(output), data)
