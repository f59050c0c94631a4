"""Exporting the built dataset in linked-data formats, byte for byte the same for the same build.

N-Quads streams line by line from the store file, so it never holds the dataset in memory; TriG,
Turtle, N-Triples and RDF/XML go through pyoxigraph's writer fed with quads in the file's sorted
order; JSON-LD is compacted with mskg's context (:mod:`kg.jsonld`). Output is written atomically.
KGX (:mod:`kg.publish.kgx`) and Parquet (:mod:`kg.publish.parquet`) write folders of files.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import FormatError, StoreError
from ..formats import FolderFormat, dataset_format, export_format
from ..iris import GRAPH_IRIS, PREFIXES
from ..store.files import DEFAULT_STORE, dataset_path, write_atomic
from .jsonld import context, dataset_document

__all__ = ["export", "export_bytes", "export_lines", "graph_iri", "read_quads", "serialize_quads"]


def graph_iri(name: str | None) -> str | None:
    """The IRI of a graph given by short name (``facts``) or IRI; None for all graphs.

    :raises FormatError: an unknown graph.
    """
    if name is None:
        return None
    if name in GRAPH_IRIS:
        return GRAPH_IRIS[name]
    if name in GRAPH_IRIS.values():
        return name
    raise FormatError(f"unknown graph {name!r} (use one of {', '.join(GRAPH_IRIS)})")


def export_lines(store: Path = DEFAULT_STORE, graph: str | None = None) -> Iterator[str]:
    """The dataset's N-Quads lines, optionally only those of one graph (streamed)."""
    wanted = graph_iri(graph)
    suffix = f" <{wanted}> .\n" if wanted else None
    with dataset_path(store).open(encoding="utf-8") as lines:
        for line in lines:
            if suffix is None or line.endswith(suffix):
                yield line


def read_quads(store: Path = DEFAULT_STORE, graph: str | None = None) -> list[Any]:
    """The dataset's quads (pyoxigraph), in the file's sorted order, blank-node labels kept."""
    import pyoxigraph as ox

    return list(ox.parse("".join(export_lines(store, graph)), ox.RdfFormat.N_QUADS))


def serialize_quads(fmt: str, quads: list[Any], context_quads: list[Any] | None = None) -> bytes:
    """Quads (in the store file's order) in a format other than nq; the JSON-LD context comes from
    ``context_quads`` (the ontology's declarations; default: the quads themselves)."""
    import pyoxigraph as ox

    if fmt == "jsonld":
        return dataset_document(quads, context(quads if context_quads is None else context_quads)).encode("utf-8")
    rdf = dataset_format(fmt)
    if rdf.keeps_graphs:
        ordered: list[Any] = sorted(quads, key=lambda q: str(q.graph_name))  # stable: keeps line order within a graph
    else:
        ordered = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))  # union, in order
    prefixes = PREFIXES if rdf.readable else None
    return ox.serialize(ordered, format=getattr(ox.RdfFormat, rdf.oxigraph), prefixes=prefixes) or b""


def export_bytes(fmt: str, store: Path = DEFAULT_STORE, graph: str | None = None) -> bytes:
    """The dataset (or one graph) serialised in a format, in memory.

    Formats without named graphs (ttl, nt, xml) get the union of the graphs unless one is chosen.

    :raises FormatError: an unknown format or graph.
    """
    dataset_format(fmt)
    if fmt == "nq":
        return "".join(export_lines(store, graph)).encode("utf-8")
    quads = read_quads(store, graph)
    context_quads = read_quads(store, "ontology") if fmt == "jsonld" and graph is not None else None
    return serialize_quads(fmt, quads, context_quads)


def export(fmt: str, output: Path | None = None, store: Path = DEFAULT_STORE, graph: str | None = None) -> str | None:
    """Write the dataset (or one graph) in a format to a file, or to standard output; or, for the
    folder formats (kgx, parquet: :data:`~kg.formats.FOLDER_FORMATS`), into the folder ``output``
    and return a summary of what was written.

    :raises FormatError: an unknown format or graph, or a graph chosen for a folder format.
    :raises StoreError: the output cannot be written (nothing is left half-written).
    """
    chosen = export_format(fmt)
    if isinstance(chosen, FolderFormat):
        if graph is not None:
            raise FormatError(f"--graph does not apply to {fmt}: it exports the whole dataset")
        if chosen.name == "kgx":
            from .kgx import export_kgx

            return export_kgx(output, store).summary()
        from .parquet import export_parquet

        return export_parquet(output, store).summary()
    if output is not None and Path(output).is_dir():
        raise StoreError(f"{output}: is a folder; {fmt} is written to a file (give a file name)")
    data: bytes | Iterator[str] = export_lines(store, graph) if fmt == "nq" else export_bytes(fmt, store, graph)
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.writelines(data)
        return None
    write_atomic(Path(output), data)
    return None
