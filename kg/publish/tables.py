"""The dataset as rows, in bounded memory: what the KGX and Parquet exports read.

The store file (``dataset.nq``) is parsed by pyoxigraph as a stream and handled in batches of
quads; the facts, the properties of nodes (types, labels, other names, external ids, definitions)
and the provenance graph's statements and evidence go into a temporary SQLite database on disk,
which joins each fact to the passages it was read from. Memory stays that of one batch and SQLite's
page cache (16 MB) whatever the size of the dataset; disk holds about the size of the N-Quads file
while the export runs.

Terms become plain strings: an IRI as itself, a blank node as ``_:label``, a literal as its
lexical form with its datatype IRI and language tag beside it (``object_kind`` says which).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..iris import GRAPH_IRIS, PREFIXES

__all__ = [
    "BATCH_SIZE",
    "FACT_COLUMNS",
    "DatasetTables",
    "quad_batches",
    "term_columns",
    "output_folder",
    "replace_files",
]

#: quads (or rows) handled at once
BATCH_SIZE = 20_000

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_PROV = PREFIXES["prov"]
_OA = PREFIXES["oa"]
_MSKG = PREFIXES["mskg"]

#: properties of nodes kept from every graph (what a KGX node is made of)
NODE_PROPERTIES = frozenset(
    {
        _RDF + "type",
        _RDFS + "label",
        _RDFS + "subClassOf",
        _SKOS + "prefLabel",
        _SKOS + "altLabel",
        _SKOS + "exactMatch",
        _SKOS + "definition",
    }
)
#: provenance-graph properties, by the short name the tables use
_PROVENANCE = {
    _RDF + "subject": "subject",
    _RDF + "predicate": "predicate",
    _RDF + "object": "object",
    _PROV + "wasDerivedFrom": "evidence",
    _PROV + "wasGeneratedBy": "rule",
    _OA + "hasSource": "document",
    _OA + "hasSelector": "selector",
    _OA + "exact": "quote",
    _OA + "start": "start",
    _OA + "end": "end",
    _MSKG + "sectionPath": "section",
}

#: one row per fact and passage it was read from (a fact without evidence has one row, its
#: provenance columns empty); ``statement`` is the fact's rdf:Statement in the provenance graph
FACT_COLUMNS = (
    "statement",
    "subject",
    "predicate",
    "object",
    "object_kind",
    "object_datatype",
    "object_language",
    "document",
    "quote",
    "start",
    "end",
    "section",
    "rule",
    "evidence",
)


def term_columns(term: Any) -> tuple[str, str, str | None, str | None]:
    """(value, kind, datatype, language) of a pyoxigraph term: kind is iri, blank or literal."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return term.value, "iri", None, None
    if kind == "BlankNode":
        return "_:" + term.value, "blank", None, None
    return term.value, "literal", term.datatype.value, term.language


def quad_batches(dataset: Path, size: int = BATCH_SIZE) -> Iterator[list[Any]]:
    """The quads of an N-Quads file, ``size`` at a time, parsed as a stream (blank-node labels kept).

    :raises StoreError: the file cannot be read or is not N-Quads (the message names the line).
    """
    import pyoxigraph as ox

    try:
        quads = ox.parse(path=str(dataset), format=ox.RdfFormat.N_QUADS)
        while batch := list(islice(quads, size)):
            yield batch
    except SyntaxError as exc:
        raise StoreError(f"{dataset}: not valid N-Quads: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{dataset}: cannot read ({exc.strerror or exc})") from None


def output_folder(output: Path | None, what: str) -> Path:
    """The folder an export writes its files to, created if missing.

    :raises StoreError: no folder given, or it cannot be a folder or cannot be written.
    """
    if output is None:
        raise StoreError(f"{what} is a folder of files: give one with -o DIR")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: exists and is not a folder ({what} writes a folder of files)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"{folder}: cannot write to this folder (permission denied)")
    return folder


def replace_files(written: dict[Path, Path]) -> None:
    """Rename finished temporary files into place (temporary -> final), once all are complete."""
    for temporary, final in written.items():
        os.replace(temporary, final)


class DatasetTables:
    """The dataset loaded into a temporary SQLite database in a folder (removed on close).

    >>> with DatasetTables(doctest_store / "dataset.nq") as tables:
    ...     tables.count("fact") > 0
    True
    """

    def __init__(self, dataset: Path, folder: Path | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.dataset = Path(dataset)
        self.batch_size = batch_size
        self._folder = tempfile.TemporaryDirectory(prefix=".mskg-tables.", dir=folder)
        self.db = sqlite3.connect(Path(self._folder.name) / "tables.sqlite")
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", "cache_size=-16000"):
            self.db.execute(f"PRAGMA {pragma}")
        self.triples = 0
        try:
            self._load()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> DatasetTables:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def _load(self) -> None:
        db = self.db
        db.executescript(
            """
            CREATE TABLE fact (s TEXT, p TEXT, o TEXT, kind TEXT, dt TEXT, lang TEXT);
            CREATE TABLE attr (s TEXT, p TEXT, o TEXT, kind TEXT, lang TEXT, graph TEXT);
            CREATE TABLE prov (s TEXT, p TEXT, o TEXT, kind TEXT, dt TEXT, lang TEXT);
            """
        )
        facts, provenance = GRAPH_IRIS["facts"], GRAPH_IRIS["provenance"]
        for batch in quad_batches(self.dataset, self.batch_size):
            self.triples += len(batch)
            fact_rows, attr_rows, prov_rows = [], [], []
            for quad in batch:
                graph = quad.graph_name.value if type(quad.graph_name).__name__ == "NamedNode" else ""
                predicate = quad.predicate.value
                subject = term_columns(quad.subject)[0]
                obj, kind, datatype, language = term_columns(quad.object)
                if graph == facts:
                    fact_rows.append((subject, predicate, obj, kind, datatype, language))
                if predicate in NODE_PROPERTIES and graph != provenance:
                    attr_rows.append((subject, predicate, obj, kind, language, graph))
                if graph == provenance and predicate in _PROVENANCE:
                    prov_rows.append((subject, _PROVENANCE[predicate], obj, kind, datatype, language))
            db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?, ?, ?)", fact_rows)
            db.executemany("INSERT INTO attr VALUES (?, ?, ?, ?, ?, ?)", attr_rows)
            db.executemany("INSERT INTO prov VALUES (?, ?, ?, ?, ?, ?)", prov_rows)
        db.executescript(
            """
            CREATE INDEX prov_sp ON prov (p, s);
            CREATE TABLE statement AS
                SELECT a.s AS st, a.o AS s, b.o AS p, c.o AS o, c.kind AS kind, c.dt AS dt, c.lang AS lang,
                       (SELECT min(r.o) FROM prov r WHERE r.p = 'rule' AND r.s = a.s) AS rule
                FROM prov a
                JOIN prov b ON b.p = 'predicate' AND b.s = a.s
                JOIN prov c ON c.p = 'object' AND c.s = a.s
                WHERE a.p = 'subject';
            CREATE TABLE evidence AS
                SELECT e.s AS ev, e.o AS document, q.o AS quote,
                       CAST(st.o AS INTEGER) AS start, CAST(en.o AS INTEGER) AS "end",
                       (SELECT min(x.o) FROM prov x WHERE x.p = 'section' AND x.s = e.s) AS section
                FROM prov e
                JOIN prov s1 ON s1.p = 'selector' AND s1.s = e.s
                JOIN prov q ON q.p = 'quote' AND q.s = s1.o
                JOIN prov s2 ON s2.p = 'selector' AND s2.s = e.s
                JOIN prov st ON st.p = 'start' AND st.s = s2.o
                JOIN prov en ON en.p = 'end' AND en.s = s2.o
                WHERE e.p = 'document';
            CREATE TABLE derived AS SELECT s AS st, o AS ev FROM prov WHERE p = 'evidence';
            DROP TABLE prov;
            CREATE INDEX statement_spo ON statement (s, p, o, kind);
            CREATE INDEX evidence_ev ON evidence (ev);
            CREATE INDEX derived_st ON derived (st);
            CREATE INDEX fact_s ON fact (s);
            CREATE INDEX attr_s ON attr (s);
            """
        )

    def fact_rows(self) -> Iterator[list[tuple[Any, ...]]]:
        """Batches of rows in :data:`FACT_COLUMNS` order, by subject, predicate, object, document
        and start (a fact the provenance graph says nothing about has one row, its provenance empty)."""
        cursor = self.db.execute(
            """
            SELECT st.st, f.s, f.p, f.o, f.kind, f.dt, f.lang,
                   e.document, e.quote, e.start, e."end", e.section, st.rule, d.ev
            FROM fact f
            LEFT JOIN statement st
                ON st.s = f.s AND st.p = f.p AND st.o = f.o AND st.kind = f.kind
                AND st.dt IS f.dt AND st.lang IS f.lang
            LEFT JOIN derived d ON d.st = st.st
            LEFT JOIN evidence e ON e.ev = d.ev
            ORDER BY f.s, f.p, f.o, f.kind, f.dt, f.lang, e.document, e.start, e."end", st.rule, d.ev
            """
        )
        while rows := cursor.fetchmany(self.batch_size):
            yield rows

    def node_rows(self) -> Iterator[tuple[str, list[tuple[str, str, str, str | None, str]]]]:
        """(subject, [(property, value, kind, language, graph), ...]) for every subject with node
        properties (types, labels, other names, external ids, definitions, superclasses), by subject."""
        cursor = self.db.execute("SELECT s, p, o, kind, lang, graph FROM attr ORDER BY s, p, o, graph")
        subject: str | None = None
        values: list[tuple[str, str, str, str | None, str]] = []
        while rows := cursor.fetchmany(self.batch_size):
            for s, p, o, kind, lang, graph in rows:
                if s != subject:
                    if subject is not None:
                        yield subject, values
                    subject, values = s, []
                values.append((p, o, kind, lang, graph))
        if subject is not None:
            yield subject, values
