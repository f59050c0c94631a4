"""Query results as one type, whichever store answered (in memory, on disk, a forked worker or a
remote endpoint): SELECT rows, an ASK boolean or CONSTRUCT/DESCRIBE triples, kept as the W3C
serialisation they arrived in and decoded with pyoxigraph on demand."""

from __future__ import annotations

import io
from functools import cached_property
from typing import Any

from ..errors import MskgError
from ..formats import TABLE, graph_format, result_format
from ..iris import PREFIXES, curie
from ..store.base import ASK, GRAPH, SELECT, Answer

__all__ = ["Result", "SELECT", "ASK", "GRAPH"]

_XSD = PREFIXES["xsd"]
_NUMBERS: dict[str, type] = {
    _XSD + "integer": int,
    _XSD + "int": int,
    _XSD + "long": int,
    _XSD + "decimal": float,
    _XSD + "double": float,
    _XSD + "float": float,
}


class Result:
    """The answer to one query.

    :param kind: ``select``, ``ask`` or ``graph``.
    :param payload: SPARQL JSON results (select, ask) or N-Triples (graph).
    """

    def __init__(self, kind: str, payload: bytes) -> None:
        self.kind = kind
        self.payload = payload

    @classmethod
    def of(cls, answer: Answer) -> Result:
        """The result of a store's answer."""
        return cls(answer.kind, answer.payload)

    def _solutions(self) -> Any:
        import pyoxigraph as ox

        return ox.parse_query_results(self.payload, ox.QueryResultsFormat.JSON)

    @cached_property
    def variables(self) -> list[str]:
        """The SELECT variables, in order (empty for ASK and graph results)."""
        return [v.value for v in self._solutions().variables] if self.kind == SELECT else []

    @cached_property
    def rows(self) -> list[dict[str, Any]]:
        """SELECT rows as ``{variable: pyoxigraph term}``; unbound variables are left out."""
        if self.kind != SELECT:
            return []
        names = self.variables
        return [{n: s[n] for n in names if s[n] is not None} for s in self._solutions()]

    @cached_property
    def boolean(self) -> bool | None:
        """The answer of an ASK query (None for other forms)."""
        return bool(self._solutions()) if self.kind == ASK else None

    @cached_property
    def triples(self) -> list[Any]:
        """CONSTRUCT/DESCRIBE triples as pyoxigraph ``Triple`` objects."""
        import pyoxigraph as ox

        return list(ox.parse(self.payload, ox.RdfFormat.N_TRIPLES)) if self.kind == GRAPH else []

    def __len__(self) -> int:
        return len(self.triples) if self.kind == GRAPH else len(self.rows)

    def __iter__(self) -> Any:
        return iter(self.triples if self.kind == GRAPH else self.rows)

    def values(self) -> list[dict[str, Any]]:
        """SELECT rows with plain Python values: IRIs and text as ``str``, numbers as ``int`` or ``float``."""
        return [{name: _python_value(term) for name, term in row.items()} for row in self.rows]

    def to_dataframe(self) -> Any:
        """The SELECT rows as a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas
        except ImportError:
            raise MskgError("to_dataframe() needs pandas: pip install pandas") from None
        return pandas.DataFrame(self.values(), columns=self.variables)

    def canonical(self) -> Any:
        """A form for comparing answers across engines: ASK -> bool; graph -> sorted N-Triples
        lines; SELECT -> (variables, rows as tuples of N-Triples terms, "" when unbound)."""
        if self.kind == ASK:
            return self.boolean
        if self.kind == GRAPH:
            return sorted({f"{t.subject} {t.predicate} {t.object} ." for t in self.triples})
        return self.variables, [tuple(str(row[n]) if n in row else "" for n in self.variables) for row in self.rows]

    def same_answer(self, other: Result, *, ordered: bool = False) -> bool:
        """Whether two results give the same answer; row order counts only if ``ordered``."""
        mine, theirs = self.canonical(), other.canonical()
        if self.kind == SELECT and other.kind == SELECT and not ordered:
            return bool(mine[0] == theirs[0] and sorted(mine[1]) == sorted(theirs[1]))
        return bool(self.kind == other.kind and mine == theirs)

    def serialize(self, fmt: str = TABLE) -> str:
        """The result as text: SELECT/ASK as table, csv, tsv, json or xml; graph results as ttl,
        nt, jsonld or xml (see :mod:`kg.formats`).

        :raises FormatError: a format that does not fit the kind of result.
        """
        import pyoxigraph as ox

        if self.kind == GRAPH:
            rdf = graph_format(fmt)
            prefixes = PREFIXES if rdf.readable else None
            data = ox.serialize(self.triples, format=getattr(ox.RdfFormat, rdf.oxigraph), prefixes=prefixes)
            return (data or b"").decode("utf-8")
        if fmt == TABLE:
            return self._table()
        results = result_format(fmt, also=(TABLE,))
        out = io.BytesIO()
        self._solutions().serialize(out, getattr(ox.QueryResultsFormat, results.oxigraph))
        return out.getvalue().decode("utf-8")

    def _table(self) -> str:
        if self.kind == ASK:
            return "yes" if self.boolean else "no"
        names = self.variables
        cells = [[_cell(row.get(name)) for name in names] for row in self.rows]
        widths = [max([len(name), *(len(r[i]) for r in cells)]) for i, name in enumerate(names)]
        header = "  ".join(name.ljust(w) for name, w in zip(names, widths)).rstrip()
        rule = "  ".join("-" * w for w in widths)
        body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
        count = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
        return "\n".join([header, rule, *body, count])


def _cell(term: Any) -> str:
    """A term as a terminal reader wants it: compact IRIs, bare literal text, one line."""
    if term is None:
        return ""
    if type(term).__name__ == "NamedNode":
        return curie(term.value)
    return " ".join(str(getattr(term, "value", term)).split())


def _python_value(term: Any) -> Any:
    value = getattr(term, "value", str(term))
    datatype = getattr(term, "datatype", None)
    if datatype is not None and datatype.value in _NUMBERS:
        try:
            return _NUMBERS[datatype.value](value)
        except ValueError:
            return value
    return value
