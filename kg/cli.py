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


def _store_option(func: F) -> F:
    return click.option(
        "--store",
        type=click.Path(path_type=Path),
        default=DEFAULT_STORE,
        show_default=True,
        help="Folder of the built dataset (env MSKG_STORE).",
    )(func)


def _ontology_option(func: F) -> F:
    return click.option(
        "--ontology",
        type=click.Path(path_type=Path),
        default=Path("ontology"),
        show_default=True,
        help="Folder of the ontology (*.ttl, shapes/, qc/).",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mskg")
def main() -> None:
    """mskg: a knowledge graph of multiple-sclerosis treatments, built from documents."""


@main.command()
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=Path("corpus"),
    show_default=True,
    help="Folder of source documents (UTF-8 .txt).",
)
@_ontology_option
@_store_option
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@_reports_errors
def build(corpus: Path, ontology: Path, store: Path, quiet: bool) -> None:
    """Build the graph from the corpus: extract, reason, validate, write the dataset."""
    from .build import build as run_build

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"... {message}", err=True)

    report = run_build(corpus, ontology, store, progress)
    click.echo(report.summary())


@main.command()
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    help="table, csv, tsv, json, xml (SELECT/ASK); ttl, nt, jsonld (CONSTRUCT/DESCRIBE).",
)
@_store_option
@_reports_errors
def query(query: str | None, fmt: str, store: Path) -> None:
    """Run a SPARQL query (a .rq file, or the query text) over the built dataset."""
    from .errors import QueryError
    from .query import Dataset, format_results

    if not query:
        raise QueryError("give a query: a .rq file or the query text")
    path = Path(query)
    text = path.read_text(encoding="utf-8") if query.endswith(".rq") and path.is_file() else query
    click.echo(format_results(Dataset(store).query(text), fmt))


@main.command()
@click.option("--format", "fmt", default="nq", show_default=True, help="nq, trig, ttl, nt, jsonld or xml.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (default: standard output).")
@click.option("--graph", help="Only one graph: ontology, facts, provenance or inferred.")
@_store_option
@_reports_errors
def export(fmt: str, output: Path | None, graph: str | None, store: Path) -> None:
    """Export the dataset (all named graphs, or one) in a linked-data format."""
    from .export import export as run_export

    run_export(fmt, output, store, graph)


@main.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--gold",
    type=click.Path(path_type=Path),
    default=Path("tests/gold"),
    show_default=True,
    help="Folder of gold annotations (<document>.tsv).",
)
@_ontology_option
@_reports_errors
def evaluate(documents: tuple[Path, ...], gold: Path, ontology: Path) -> None:
    """Print precision, recall and F1 per relation against gold annotations."""
    from .evaluate import evaluate_documents

    click.echo(evaluate_documents(list(documents), gold, ontology).table())


if __name__ == "__main__":
    main()
