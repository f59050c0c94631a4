"""Every serialisation mskg reads or writes, in one table: its name on the command line and in
``?format=``, its media type, the other names clients send for it, pyoxigraph's name for it and
its file extension. The CLI, the server's content negotiation, results and exports all read this
table, so a new format is one entry here.

>>> result_format("csv").media_type
'text/csv'
>>> [f.name for f in DATASET_FORMATS if f.keeps_graphs]
['nq', 'trig', 'jsonld']
>>> export_format("parquet").files
('triples.parquet', 'facts.parquet')
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import FormatError

__all__ = [
    "Format",
    "RESULT_FORMATS",
    "GRAPH_FORMATS",
    "DATASET_FORMATS",
    "TABLE",
    "result_format",
    "graph_format",
    "dataset_format",
    "FolderFormat",
    "FOLDER_FORMATS",
    "export_format",
]


@dataclass(frozen=True)
class Format:
    """One serialisation."""

    #: the name used by ``--format`` and ``?format=``
    name: str
    media_type: str
    #: the attribute of ``pyoxigraph.QueryResultsFormat`` (results) or ``pyoxigraph.RdfFormat`` (RDF)
    oxigraph: str
    extension: str
    #: other names and media types that clients send to mean this format
    aliases: tuple[str, ...] = ()
    #: written with the predeclared prefixes (formats people read)
    readable: bool = False
    #: keeps named graphs apart (N-Quads, TriG, JSON-LD)
    keeps_graphs: bool = False

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


#: the terminal table of ``mskg query`` (not a W3C format, no media type)
TABLE = "table"

#: answers to SELECT and ASK (W3C SPARQL results formats); the first is the default
RESULT_FORMATS: tuple[Format, ...] = (
    Format(
        "json",
        "application/sparql-results+json",
        "JSON",
        "srj",
        ("srj", "application/json", "text/javascript", "application/javascript"),
    ),
    Format("xml", "application/sparql-results+xml", "XML", "srx", ("srx", "application/xml", "text/xml")),
    Format("csv", "text/csv", "CSV", "csv"),
    Format("tsv", "text/tab-separated-values", "TSV", "tsv"),
)

_TURTLE = Format(
    "ttl",
    "text/turtle",
    "TURTLE",
    "ttl",
    ("turtle", "application/turtle", "application/x-turtle", "n3", "text/n3", "text/rdf+n3"),
    readable=True,
)
_NTRIPLES = Format("nt", "application/n-triples", "N_TRIPLES", "nt", ("ntriples", "n-triples", "text/plain"))
_JSONLD = Format(
    "jsonld",
    "application/ld+json",
    "JSON_LD",
    "jsonld",
    ("json-ld", "json", "application/json", "application/x-json+ld"),
    keeps_graphs=True,
)
_RDFXML = Format(
    "xml",
    "application/rdf+xml",
    "RDF_XML",
    "rdf",
    ("rdf", "rdf+xml", "rdfxml", "application/xml", "text/xml"),
    readable=True,
)
_TRIG = Format("trig", "application/trig", "TRIG", "trig", readable=True, keeps_graphs=True)
_NQUADS = Format("nq", "application/n-quads", "N_QUADS", "nq", ("nquads", "n-quads"), keeps_graphs=True)

#: answers to CONSTRUCT and DESCRIBE; the first is the default
GRAPH_FORMATS: tuple[Format, ...] = (_TURTLE, _NTRIPLES, _JSONLD, _RDFXML)
#: the whole dataset or a resource's description: exports, releases, entity pages as RDF
DATASET_FORMATS: tuple[Format, ...] = (_NQUADS, _TRIG, _JSONLD, _TURTLE, _NTRIPLES, _RDFXML)


def _find(formats: tuple[Format, ...], name: str, problem: str, also: tuple[str, ...] = ()) -> Format:
    for fmt in formats:
        if fmt.name == name:
            return fmt
    raise FormatError(f"{problem} (use {', '.join((*also, *(f.name for f in formats)))})")


def result_format(name: str, *, also: tuple[str, ...] = ()) -> Format:
    """A SPARQL results format by name (``also``: other names the caller accepts, for the message).

    :raises FormatError: no such format.
    """
    return _find(RESULT_FORMATS, name, f"unknown format {name!r} for query results", also)


def graph_format(name: str) -> Format:
    """An RDF format for graph answers by name.

    :raises FormatError: no such format.
    """
    return _find(GRAPH_FORMATS, name, f"unknown format {name!r} for a graph result")


def dataset_format(name: str) -> Format:
    """An RDF format for exports by name.

    :raises FormatError: no such format.
    """
    return _find(DATASET_FORMATS, name, f"unknown export format {name!r}")


@dataclass(frozen=True)
class FolderFormat:
    """An export for data teams: a folder of files (``mskg export --format NAME -o DIR``), not an RDF document."""

    name: str
    #: the files written into the folder
    files: tuple[str, ...]
    description: str


#: exports written as a folder of files: property graphs and tables
FOLDER_FORMATS: tuple[FolderFormat, ...] = (
    FolderFormat(
        "kgx",
        ("nodes.jsonl", "edges.jsonl", "graph_metadata.json"),
        "KGX JSON Lines: nodes and edges with Biolink Model categories and predicates, provenance on every edge",
    ),
    FolderFormat(
        "parquet",
        ("triples.parquet", "facts.parquet"),
        "Parquet tables for pandas and Spark: every quad, and every fact with its provenance",
    ),
)


def export_format(name: str) -> Format | FolderFormat:
    """An export format by name: an RDF serialisation or a folder of files.

    :raises FormatError: no such format.
    """
    for folder in FOLDER_FORMATS:
        if folder.name == name:
            return folder
    return _find(DATASET_FORMATS, name, f"unknown export format {name!r}", tuple(f.name for f in FOLDER_FORMATS))
