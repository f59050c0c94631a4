"""Running SPARQL over the built dataset with the embedded engine (pyoxigraph), and writing
results in the W3C formats or as a table for the terminal. This module is the query path:
it must not import the extraction or reasoning stack."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from .errors import FormatError, QueryError
from .namespaces import PREFIXES
from .store import DEFAULT_STORE, dataset_path

__all__ = ["Dataset", "RESULT_FORMATS", "GRAPH_FORMATS", "format_results"]

#: formats for SELECT and ASK results
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
#: formats for CONSTRUCT and DESCRIBE results
GRAPH_FORMATS = ("ttl", "nt", "jsonld")


class Dataset:
    """The built dataset, loaded into an in-memory Oxigraph store.

    :param store: the store folder ``mskg build`` wrote.
    :raises StoreError: nothing was built there.
    """

    def __init__(self, store: Path | str = DEFAULT_STORE) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.path = dataset_path(Path(store))
        self.store = pyoxigraph.Store()
        self.store.bulk_load(path=str(self.path), format=pyoxigraph.RdfFormat.N_QUADS)

    def query(self, sparql: str) -> Any:
        """Run a query over the union of the named graphs, with the common prefixes predeclared.

        :raises QueryError: a malformed query, with the parser's message (line and column).
        """
        try:
            return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {exc}") from None
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from None


def _term_text(term: Any) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)


def format_results(results: Any, fmt: str = "table") -> str:
    """Serialise query results: SELECT/ASK as table, csv, tsv, json or xml; CONSTRUCT and
    DESCRIBE as ttl, nt or jsonld.

    :raises FormatError: a format that does not fit the kind of result.
    """
    import pyoxigraph as ox

    if isinstance(results, ox.QueryTriples):
        formats = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
        if fmt not in formats:
            raise FormatError(f"unknown format {fmt!r} for a graph result (use {', '.join(GRAPH_FORMATS)})")
        out = io.BytesIO()
        results.serialize(out, formats[fmt])
        return out.getvalue().decode("utf-8")
    if fmt not in RESULT_FORMATS:
        raise FormatError(f"unknown format {fmt!r} for query results (use {', '.join(RESULT_FORMATS)})")
    if fmt != "table":
        result_formats = {
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
        }
        out = io.BytesIO()
        results.serialize(out, result_formats[fmt])
        return out.getvalue().decode("utf-8")
    if isinstance(results, ox.QueryBoolean):
        return "yes" if bool(results) else "no"
    names = [v.value for v in results.variables]
    rows = [[_term_text(solution[name]) for name in names] for solution in results]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), rule, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])
