"""The dataset as Parquet tables for pandas, Spark, DuckDB and Polars: ``mskg export --format parquet -o DIR``.

| file | one row per | columns |
|---|---|---|
| ``triples.parquet`` | quad of the dataset (all four named graphs) | ``subject``, ``predicate``, ``object``, ``object_kind`` (iri, blank, literal), ``object_datatype``, ``object_language``, ``graph`` |
| ``facts.parquet`` | fact of the facts graph and passage it was read from | ``statement`` (the fact's rdf:Statement), ``subject``, ``predicate``, ``object``, ``object_kind``, ``object_datatype``, ``object_language``, ``document``, ``quote``, ``start``, ``end``, ``section``, ``rule``, ``evidence`` |

A fact read from two passages has two rows in ``facts.parquet``, so the number of facts is the
number of distinct ``statement`` values (a fact the provenance graph says nothing about would have
one row with empty provenance columns). ``quote`` is the document's text from ``start`` to ``end``
(characters, as in the build's ``texts/``). Rows are sorted (subject, predicate, object, document,
start), so the same build gives the same rows.

Plain types only (UTF-8 strings and 64-bit integers, no dictionary, nested, timestamp or extension
types), Snappy-compressed, so Spark and pandas read the files with their default settings
(``spark.read.parquet(DIR + "/facts.parquet")``, ``pandas.read_parquet``). Both files are written
from a stream of the store file in batches of :data:`~kg.publish.tables.BATCH_SIZE` rows (one
row group each), through a temporary SQLite database for the join of facts to their provenance
(:mod:`kg.publish.tables`), so memory does not grow with the dataset. Files are written under
temporary names and renamed into place once both are complete.

Written with pyarrow (>= 15: the version kgx 2.6 allows in the test environment).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store.files import DEFAULT_STORE, dataset_path
from .tables import BATCH_SIZE, FACT_COLUMNS, DatasetTables, output_folder, quad_batches, replace_files, term_columns

__all__ = ["TRIPLES_FILE", "FACTS_FILE", "ParquetReport", "export_parquet", "triples_schema", "facts_schema"]

TRIPLES_FILE = "triples.parquet"
FACTS_FILE = "facts.parquet"
_INTEGER_COLUMNS = {"start", "end"}


@dataclass
class ParquetReport:
    folder: Path
    rows: dict[str, int] = field(default_factory=dict)
    facts: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [f"Wrote Parquet to {self.folder} in {self.seconds:.1f} s ({self.facts} facts):"]
        lines += [f"  {name:16s} {rows:>10,d} rows" for name, rows in self.rows.items()]
        return "\n".join(lines)


def triples_schema() -> Any:
    import pyarrow as pa

    names = ("subject", "predicate", "object", "object_kind", "object_datatype", "object_language", "graph")
    return pa.schema(
        [pa.field(name, pa.string(), nullable=name in ("object_datatype", "object_language")) for name in names]
    )


def facts_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field(name, pa.int64() if name in _INTEGER_COLUMNS else pa.string(), nullable=True)
            for name in FACT_COLUMNS
        ]
    )


def _batch(schema: Any, rows: list[tuple[Any, ...]]) -> Any:
    import pyarrow as pa

    columns = list(zip(*rows)) if rows else [() for _ in schema]
    return pa.record_batch([pa.array(column, type=f.type) for column, f in zip(columns, schema)], schema=schema)


def _write_triples(dataset: Path, path: Path, batch_size: int) -> int:
    import pyarrow.parquet as pq

    schema = triples_schema()
    count = 0
    with pq.ParquetWriter(path, schema, compression="snappy") as writer:
        for quads in quad_batches(dataset, batch_size):
            rows = []
            for quad in quads:
                graph = term_columns(quad.graph_name)[0] if type(quad.graph_name).__name__ != "DefaultGraph" else ""
                rows.append(
                    (term_columns(quad.subject)[0], quad.predicate.value, *term_columns(quad.object), graph or None)
                )
            writer.write_batch(_batch(schema, rows))
            count += len(rows)
        if count == 0:
            writer.write_batch(_batch(schema, []))
    return count


def _write_facts(tables: DatasetTables, path: Path) -> tuple[int, int]:
    import pyarrow.parquet as pq

    schema = facts_schema()
    rows_written = 0
    facts = 0
    previous: tuple[Any, ...] | None = None
    with pq.ParquetWriter(path, schema, compression="snappy") as writer:
        for rows in tables.fact_rows():
            writer.write_batch(_batch(schema, rows))
            rows_written += len(rows)
            for row in rows:  # rows come sorted by fact: count each fact once, in constant memory
                key = row[1:7]
                if key != previous:
                    facts += 1
                    previous = key
        if rows_written == 0:
            writer.write_batch(_batch(schema, []))
    return rows_written, facts


def export_parquet(output: Path | None, store: Path = DEFAULT_STORE, batch_size: int = BATCH_SIZE) -> ParquetReport:
    """Write ``triples.parquet`` and ``facts.parquet`` into a folder (created if missing).

    :raises StoreError: nothing built, or the folder cannot be made or written (files already
        there are left as they were).
    """
    started = time.perf_counter()
    dataset = dataset_path(Path(store))
    folder = output_folder(output, "the Parquet export")
    report = ParquetReport(folder)
    temporaries: dict[Path, Path] = {}
    try:
        triples_tmp = folder / f".{TRIPLES_FILE}.tmp"
        temporaries[triples_tmp] = folder / TRIPLES_FILE
        report.rows[TRIPLES_FILE] = _write_triples(dataset, triples_tmp, batch_size)
        facts_tmp = folder / f".{FACTS_FILE}.tmp"
        temporaries[facts_tmp] = folder / FACTS_FILE
        with DatasetTables(dataset, folder, batch_size) as tables:
            report.rows[FACTS_FILE], report.facts = _write_facts(tables, facts_tmp)
        replace_files(temporaries)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write the Parquet files ({exc.strerror or exc})") from None
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - started
    return report
