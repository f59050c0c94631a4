"""The ``mskg`` command: a thin layer that parses options, calls the library and reports.
Library errors (``MskgError``) become a one-line message on stderr and a non-zero exit."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import MskgError
from .formats import DATASET_FORMATS, FOLDER_FORMATS, GRAPH_FORMATS, RESULT_FORMATS, TABLE, Format
from .store import DEFAULT_STORE

F = TypeVar("F", bound=Callable[..., Any])


def _reports_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MskgError as exc:
            click.echo(f"mskg: error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def _names(*formats: Format | str) -> str:
    return ", ".join(f if isinstance(f, str) else f.name for f in formats)


def _folder_option(flag: str, default: Path | None, help: str) -> Callable[[F], F]:
    """A path option with its default shown (the folders every command reads or writes)."""
    return click.option(
        flag, type=click.Path(path_type=Path), default=default, show_default=default is not None, help=help
    )


_store_option = _folder_option("--store", DEFAULT_STORE, "Folder of the built dataset (env MSKG_STORE).")
_store_spec_option = click.option(
    "--store",
    default=str(DEFAULT_STORE),
    show_default=True,
    help="The store: a build folder (env MSKG_STORE), oxigraph:PATH (on disk) or sparql:URL.",
)
_ontology_option = _folder_option("--ontology", Path("ontology"), "Folder of the ontology (*.ttl, shapes/, qc/).")


def _training_options(default: str) -> Callable[[F], F]:
    """What a command that trains a shipped model reads: the sets it learns from, where it writes
    the model, the ontology; its errors reported like every command's."""

    def wrap(command: F) -> F:
        command = _reports_errors(command)
        command = _ontology_option(command)
        command = click.option("--output", type=click.Path(path_type=Path), help="Where to write the model (default: the one the package ships).")(command)
        return click.option("--set", "set_names", multiple=True, type=click.Choice(["seed", "tuning"]),
                            help=f"A document set to learn from (repeatable; default: {default}). Never the held-out set.")(command)  # fmt: skip

    return wrap


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mskg")
def main() -> None:
    """mskg: a knowledge graph of multiple-sclerosis treatments, built from documents."""


@main.command()
@_folder_option("--corpus", Path("corpus"), "Folder of source documents (read when no --source is given).")
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="A document or a folder of documents to build from (repeatable; folders are read recursively).",
)
@click.option("--keep-going", is_flag=True, help="Skip documents that cannot be read, and say so, instead of stopping.")
@click.option(
    "--max-document-size",
    type=click.FloatRange(min=0.001),
    default=20,
    show_default=True,
    help="Largest document to read, in MB.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes extracting documents at once  [default: one per core]",
)
@click.option("--no-cache", is_flag=True, help="Extract every document again, even those unchanged since the last build.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where documents are extracted: worker processes here, or a Dask cluster (a local one of --workers "
    "processes on 127.0.0.1 unless --scheduler names one); with dask the merged dataset also stays in "
    "<store>/shards/ as N-Quads partitions to bulk-load.",
)
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler to use (tcp://host:port), with --engine dask.")
@click.option(
    "--on-disk/--in-memory",
    default=None,
    help="Also load the dataset into an on-disk Oxigraph store in the build folder, which queries then open "
    "instead of loading the dataset  [default: from 100,000 quads]",
)
@_ontology_option
@_store_option
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@_reports_errors
def build(
    corpus: Path,
    sources: tuple[Path, ...],
    keep_going: bool,
    max_document_size: float,
    workers: int | None,
    no_cache: bool,
    engine: str,
    scheduler: str | None,
    on_disk: bool | None,
    ontology: Path,
    store: Path,
    quiet: bool,
) -> None:
    """Build the graph from documents (text, Markdown, HTML, PDF): extract, reason, validate, write the dataset.

    Documents unchanged since the last build into the same store are not extracted again."""
    from .build.pipeline import build as run_build
    from .build.workers import default_workers

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"... {message}", err=True)

    report = run_build(
        list(sources) or [corpus],
        ontology,
        store,
        progress,
        keep_going=keep_going,
        max_document_bytes=int(max_document_size * 1024 * 1024),
        workers=workers or default_workers(),
        cache=not no_cache,
        progress_bar=not quiet and sys.stderr.isatty(),
        on_disk=on_disk,
        engine=engine,
        scheduler=scheduler,
    )
    click.echo(report.summary())


@main.command()
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    help=f"{_names(TABLE, *RESULT_FORMATS)} (SELECT/ASK); {_names(*GRAPH_FORMATS)} (CONSTRUCT/DESCRIBE).",
)
@click.option("--endpoint", metavar="URL", help="Run against this SPARQL endpoint instead of the local store.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    help="Stop the query after this many seconds (0: no limit).",
)
@click.option("--list", "list_catalogue", is_flag=True, help="List the catalogue's queries (id, title).")
@click.option("--show", metavar="ID", help="Print a catalogue query, with the PREFIX lines it needs.")
@click.option("--prefixes", is_flag=True, help="Print the predeclared prefixes.")
@_folder_option("--catalogue", None, "Folder of the query catalogue (default: the bundled queries/, env MSKG_QUERIES).")
@_store_spec_option
@_reports_errors
def query(
    query: str | None,
    fmt: str,
    endpoint: str | None,
    timeout: float,
    list_catalogue: bool,
    show: str | None,
    prefixes: bool,
    catalogue: Path | None,
    store: str,
) -> None:
    """Run a SPARQL query over the built dataset or an endpoint.

    QUERY is a catalogue id, a .rq file, the query text, or - to read it from standard input.
    Common prefixes (see --prefixes) are predeclared.
    """
    from .errors import QueryError
    from .iris import prefix_declarations
    from .query.api import Dataset, Endpoint
    from .query.catalogue import DEFAULT_CATALOGUE, Catalogue, query_text

    queries = Catalogue(catalogue or DEFAULT_CATALOGUE)
    if prefixes:
        click.echo(prefix_declarations(), nl=False)
        return
    if list_catalogue:
        entries = list(queries)
        width = max(len(entry.id) for entry in entries)
        for entry in entries:
            click.echo(f"{entry.id.ljust(width)}  {entry.title}")
        return
    if show:
        click.echo(queries.get(show).portable_text, nl=False)
        return
    if not query:
        raise QueryError("give a query: a catalogue id (see --list), a .rq file, the query text, or - for stdin")
    text = sys.stdin.read() if query == "-" else query_text(query, queries)
    source = Endpoint(endpoint, catalogue=queries) if endpoint else Dataset(store, catalogue=queries)
    output = source.query(text, timeout=timeout or None).serialize(fmt)
    click.echo(output, nl=not output.endswith("\n"))  # W3C formats end in a newline already


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help="Seconds a query may run."
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) an answer may have.",
)
@click.option(
    "--max-query-length",
    type=click.IntRange(min=100),
    default=50_000,
    show_default=True,
    help="Longest query, in characters.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Queries that can run at once (default: the CPU count + 1)."
)
@click.option(
    "--allow-service",
    multiple=True,
    metavar="URL",
    help="A remote endpoint queries may call with SERVICE (repeatable). None by default.",
)
@click.option("--access-log", is_flag=True, help="Print a line per request.")
@_folder_option("--catalogue", None, "Folder of the query catalogue (default: the bundled queries/, env MSKG_QUERIES).")
@_folder_option(
    "--texts",
    None,
    "Folder of the documents' texts for the evidence viewer (default: the build folder's texts/; "
    "give it for an oxigraph: or sparql: store).",
)
@_store_spec_option
@_reports_errors
def serve(
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    max_query_length: int,
    workers: int | None,
    allow_service: tuple[str, ...],
    access_log: bool,
    catalogue: Path | None,
    texts: Path | None,
    store: str,
) -> None:
    """Serve the dataset read-only: SPARQL 1.1 Protocol at /sparql, a query page at /, entity
    pages at the dataset's own paths (/id/…), VoID at /.well-known/void."""
    from .query.catalogue import DEFAULT_CATALOGUE
    from .serve import ServerConfig
    from .serve import serve as run_server

    config = ServerConfig(
        store=store,
        catalogue=catalogue or DEFAULT_CATALOGUE,
        timeout=timeout,
        max_rows=max_rows,
        max_query_length=max_query_length,
        allow_service=allow_service,
        access_log=access_log,
        texts=texts,
    )
    if workers:
        config.workers = workers
    run_server(config, host, port)


@main.command()
@click.option(
    "--format",
    "fmt",
    default="nq",
    show_default=True,
    help=f"{_names(*DATASET_FORMATS)} (one file); {_names(*(f.name for f in FOLDER_FORMATS))} (a folder, -o DIR).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (default: standard output); a folder for kgx, parquet.",
)
@click.option("--graph", help="Only one graph: ontology, facts, provenance or inferred.")
@_store_option
@_reports_errors
def export(fmt: str, output: Path | None, graph: str | None, store: Path) -> None:
    """Export the dataset (all named graphs, or one) in a linked-data format, or for data teams.

    nq, trig and jsonld keep the named graphs; ttl, nt and xml (RDF/XML) hold their union unless
    --graph picks one. nq streams from disk; the others are built in memory. kgx (nodes and edges
    with Biolink Model categories and predicates) and parquet (tables for pandas and Spark) write
    a folder, with the provenance of every fact."""
    from .publish.export import export as run_export

    summary = run_export(fmt, output, store, graph)
    if summary:
        click.echo(summary)


@main.command()
@click.option("--version", "version", help="Release version (default: the package's version).")
@_folder_option("--output", Path("releases"), "Folder that holds one sub-folder per release.")
@click.option("--date", "issued", help="Release date, YYYY-MM-DD (default: the day the dataset was built).")
@_store_option
@_reports_errors
def release(version: str | None, output: Path, issued: str | None, store: Path) -> None:
    """Write a versioned release: ontology, data in every format, docs, VoID/DCAT, checksums, changes."""
    from .publish.release import make_release

    click.echo(make_release(store, output, version, issued).summary())


@main.command()
@_ontology_option
@_folder_option("--output", Path("docs"), "Folder to write to.")
@_reports_errors
def docs(ontology: Path, output: Path) -> None:
    """Write the ontology's documentation: ontology.html and its picture ontology.svg."""
    from .publish.docs import write_docs

    for path in write_docs(ontology, output):
        click.echo(f"wrote {path}")


@main.command()
@click.option("--endpoint", metavar="URL", help="Graph Store Protocol URL of a triple store (Oxigraph: …/store).")
@click.option(
    "--to", "target", metavar="STORE", help="Any store instead: oxigraph:PATH (created if missing), sparql:URL."
)
@click.option("--auth", metavar="USER:PASSWORD", help="Credentials (basic or digest, as the server asks).")
@_store_option
@_reports_errors
def push(endpoint: str | None, target: str | None, auth: str | None, store: Path) -> None:
    """Load the dataset into a store, replacing what earlier pushes put there."""
    from .errors import StoreError
    from .publish.push import push as run_push
    from .store import open_store

    if bool(endpoint) == bool(target):
        raise StoreError("give one place to push to: --endpoint URL (Graph Store Protocol) or --to STORE")
    if endpoint:
        destination = open_store("sparql:", graph_store=endpoint, auth=auth)
    else:
        destination = open_store(str(target), create=True)
    click.echo(run_push(destination, store).summary())


@main.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--set",
    "set_names",
    multiple=True,
    type=click.Choice(["seed", "tuning", "heldout"]),
    help="A document set to score (repeatable; default: seed and tuning). The held-out set shows totals only.",
)
@_folder_option("--gold", None, "Folder of gold annotations for DOCUMENTS (default: tests/gold).")
@click.option("--summary", is_flag=True, help="Only the tables, not every missed and false fact.")
@click.option("--without-check", is_flag=True, help="Keep every claim the rules make (the learned check off), to measure what it does.")
@_ontology_option
@_reports_errors
def evaluate(
    documents: tuple[Path, ...], set_names: tuple[str, ...], gold: Path | None, summary: bool, without_check: bool, ontology: Path
) -> None:
    """Score extraction against gold annotations: P, R and F1 per relation, per kind of document, per set."""
    from .evaluate import evaluate as run_evaluation

    evaluation, details = run_evaluation(list(set_names) or None, list(documents) or None, gold, ontology, not without_check)
    click.echo(evaluation.table(details=details and not summary))


@main.command("train-recogniser")
@_training_options("tuning")
def train_recogniser(set_names: tuple[str, ...], output: Path | None, ontology: Path) -> None:
    """Train the learned recogniser on the gold annotations of a document set (and the names the
    rules recognise in it)."""
    from .evaluate.training import train_model

    click.echo(train_model(list(set_names) or ["tuning"], output, ontology))


@main.command("train-checker")
@_training_options("seed and tuning")
def train_checker(set_names: tuple[str, ...], output: Path | None, ontology: Path) -> None:
    """Train the learned check of claims on the gold annotations of a document set (after
    train-recogniser: the check learns what the recogniser names)."""
    from .evaluate.checking import train_checker as run_training

    click.echo(run_training(list(set_names) or ["seed", "tuning"], output, ontology))


if __name__ == "__main__":
    main()
