"""The query catalogue: one SHACL ``sh:SPARQLExecutable`` per Turtle file in ``queries/`` (the
layout of the SIB sparql-examples), each with an id, a title, a description, keywords, the query
and its expected answer over the bundled corpus.

Read with pyoxigraph, so that running a catalogue query never imports rdflib.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..iris import MSKG, QUERIES, prefix_declarations
from .results import ASK, GRAPH, SELECT, Result

__all__ = ["DEFAULT_CATALOGUE", "Catalogue", "CatalogueQuery", "UnknownQueryError", "looks_like_id", "query_text"]

#: the catalogue shipped with mskg (env MSKG_QUERIES to use another folder)
DEFAULT_CATALOGUE = Path(os.environ.get("MSKG_QUERIES", Path(__file__).resolve().parents[2] / "queries"))

_SH = "http://www.w3.org/ns/shacl#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SCHEMA = "http://schema.org/"
#: property holding the query text -> query form
_FORMS = {_SH + "select": "select", _SH + "ask": "ask", _SH + "construct": "construct", _SCHEMA + "query": "describe"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


def looks_like_id(text: str) -> bool:
    """Whether a command-line argument is meant as a catalogue id (rather than a file or a query).

    >>> looks_like_id("fda-approved-ms-drugs"), looks_like_id("ASK {}")
    (True, False)
    """
    return bool(_ID.match(text))


class UnknownQueryError(QueryError):
    """No catalogue query has this id; the message names the closest ones."""

    def __init__(self, query_id: str, known: list[str]) -> None:
        self.query_id = query_id
        self.suggestions = difflib.get_close_matches(query_id, known, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(self.suggestions)}?" if self.suggestions else "see `mskg query --list`"
        super().__init__(f"no catalogue query {query_id!r}: {hint}")


@dataclass(frozen=True)
class CatalogueQuery:
    """One catalogue entry. ``expected`` is the answer over the bundled corpus: SPARQL TSV results
    for SELECT, ``true``/``false`` for ASK, N-Triples for CONSTRUCT and DESCRIBE."""

    id: str
    title: str
    description: str
    keywords: tuple[str, ...]
    form: str
    text: str
    expected: str | None
    path: Path
    #: engine name -> why it answers differently (``mskg:knownEngineDifference "engine: reason"``)
    engine_differences: tuple[tuple[str, str], ...] = ()

    @property
    def ordered(self) -> bool:
        """Whether the answer's order is part of it (the query says ``ORDER BY``)."""
        return bool(_ORDER_BY.search(self.text))

    @property
    def portable_text(self) -> str:
        """The query with the PREFIX lines it needs, so it runs on any engine, not only mskg's."""
        return prefix_declarations(self.text) + self.text

    def expected_result(self) -> Result | None:
        """The expected answer as a :class:`~kg.results.Result`, to compare with a real one."""
        import pyoxigraph as ox

        if self.expected is None:
            return None
        try:
            if self.form == "select":
                solutions = ox.parse_query_results(self.expected, ox.QueryResultsFormat.TSV)
                return Result(SELECT, solutions.serialize(format=ox.QueryResultsFormat.JSON) or b"")
            if self.form == "ask":
                return Result(ASK, b'{"head":{},"boolean":%s}' % self.expected.strip().encode())
            triples = ox.parse(self.expected, ox.RdfFormat.N_TRIPLES)
            return Result(GRAPH, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        except SyntaxError as exc:
            raise QueryError(f"{self.path}: unreadable mskg:expectedResults: {exc}") from None


def _read_entry(path: Path) -> CatalogueQuery:
    import pyoxigraph as ox

    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except (SyntaxError, OSError) as exc:
        raise QueryError(f"{path}: cannot read catalogue entry: {exc}") from None
    iri = QUERIES + path.stem
    values: dict[str, list[str]] = {}
    for triple in triples:
        if triple.subject.value == iri:
            values.setdefault(triple.predicate.value, []).append(triple.object.value)
    if _SH + "SPARQLExecutable" not in values.get(_RDF_TYPE, []):
        raise QueryError(f"{path}: no sh:SPARQLExecutable <{iri}> (the file name must be the query's id)")
    forms = [(form, values[prop][0]) for prop, form in _FORMS.items() if prop in values]
    if len(forms) != 1:
        raise QueryError(f"{path}: needs exactly one of sh:select, sh:ask, sh:construct, schema:query")
    form, text = forms[0]

    def one(prop: str) -> str:
        return values.get(prop, [""])[0].strip()

    return CatalogueQuery(
        id=path.stem,
        title=one(_RDFS + "label"),
        description=" ".join(one(_RDFS + "comment").split()),
        keywords=tuple(sorted(values.get(_SCHEMA + "keywords", []))),
        form=form,
        text=text.strip() + "\n",
        expected=values[MSKG + "expectedResults"][0].lstrip("\n") if MSKG + "expectedResults" in values else None,
        path=path,
        engine_differences=tuple(
            (engine.strip(), reason.strip())
            for engine, _, reason in sorted(d.partition(":") for d in values.get(MSKG + "knownEngineDifference", []))
        ),
    )


class Catalogue:
    """The catalogue in a folder of ``<id>.ttl`` files.

    >>> catalogue = Catalogue()
    >>> catalogue.get("fda-approved-ms-drugs").title
    'Which drugs are FDA-approved for MS, for which subtypes, since when?'
    """

    def __init__(self, folder: Path | str = DEFAULT_CATALOGUE) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise QueryError(f"no query catalogue at {self.folder}")

    def ids(self) -> list[str]:
        return sorted(path.stem for path in self.folder.glob("*.ttl"))

    def get(self, query_id: str) -> CatalogueQuery:
        """The entry with this id.

        :raises UnknownQueryError: no such id (the message names the closest ids).
        """
        path = self.folder / f"{query_id}.ttl"
        if not looks_like_id(query_id) or not path.is_file():
            raise UnknownQueryError(query_id, self.ids())
        return _read_entry(path)

    def __iter__(self) -> Iterator[CatalogueQuery]:
        return (self.get(query_id) for query_id in self.ids())

    def __len__(self) -> int:
        return len(self.ids())


def query_text(argument: str, catalogue: Catalogue | None = None) -> str:
    """The query an argument of ``mskg query`` means: a ``.rq``/``.sparql`` file, a catalogue
    id, or else the query text itself.

    :raises QueryError: an unreadable file or an unknown id.
    """
    path = Path(argument)
    if path.suffix in (".rq", ".sparql"):
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if looks_like_id(argument):
        return (catalogue or Catalogue()).get(argument).text
    return argument
