"""Merging sorted shards (one per document, plus the ontology and the rules) into the dataset: one
sorted, de-duplicated N-Quads file, written while it streams past, with the figures the build
report gives counted on the way. Memory holds one line per input, not the dataset.

An inferred membership that the facts or the ontology already state is dropped here: each
document's reasoner saw only that document, so another may state what one inferred. Lines of
one triple are adjacent in sorted order (they share the triple as a prefix), so a look at the
current triple's lines decides it.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from ..namespaces import FACTS_GRAPH, ID, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, RDF, SCHEMA, SKOS, curie

__all__ = ["MergeSummary", "PartitionTask", "concatenate", "merge_partition", "merge_sorted", "write_dataset"]

#: files merged at once; more are merged in rounds through temporary files
FAN_IN = 200
_FACTS, _INFERRED, _ONTOLOGY = FACTS_GRAPH.n3(), INFERRED_GRAPH.n3(), ONTOLOGY_GRAPH.n3()
_TYPE, _EXACT_MATCH = RDF.type.n3(), SKOS.exactMatch.n3()
_ENTITY = f"<{ID}"
_MSKG = f"<{PREFIXES['mskg']}"
_DRUGBANK = '<https://go.drugbank.com/drugs/'
_DRUG_CLASS = SCHEMA.DrugClass


def _read(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as lines:
        yield from lines


def merge_sorted(inputs: list[Iterable[str] | Path], scratch: Path) -> Iterator[str]:
    """The lines of sorted inputs (iterables, or gzip files of lines) in sorted order, duplicates
    kept. More than :data:`FAN_IN` files are merged in rounds through gzip files in ``scratch``."""
    sources: list[Iterable[str] | Path] = list(inputs)
    round_ = 0
    while len(sources) > FAN_IN:
        merged: list[Iterable[str] | Path] = []
        for start in range(0, len(sources), FAN_IN):
            group = sources[start : start + FAN_IN]
            out = scratch / f"round{round_}-{start}.nq.gz"
            with gzip.open(out, "wt", encoding="utf-8", compresslevel=1, newline="") as sink:
                sink.writelines(_merge(group))
            merged.append(out)
        sources, round_ = merged, round_ + 1
    yield from _merge(sources)


def _merge(sources: list[Iterable[str] | Path]) -> Iterator[str]:
    with ExitStack() as stack:
        streams: list[Iterator[str]] = []
        for source in sources:
            if isinstance(source, Path):
                streams.append(stack.enter_context(gzip.open(source, "rt", encoding="utf-8", newline="")))
            else:
                streams.append(iter(source))
        yield from heapq.merge(*streams)


def partition_of(line: str, parts: int) -> int:
    """The partition of a line: by its subject's hash, so that a subject's lines stay together;
    every line naming a blank node (the ontology's OWL axioms) in the first, because a blank node's
    label means nothing outside its file."""
    subject, _, rest = line.split(" ", 2)
    if subject.startswith("_:") or rest.startswith("_:"):
        return 0
    return zlib.crc32(subject.encode()) % parts


def _partition(path: Path, part: int, parts: int) -> Iterator[str]:
    """The lines of a gzip shard that fall in one of ``parts`` partitions."""
    for line in _read(path):
        if parts == 1 or partition_of(line, parts) == part:
            yield line


#: (gzip files of sorted lines, the partition's output file, partition number, partitions, ontology folder)
PartitionTask = tuple[list[Path], Path, int, int, Path]


def merge_partition(task: PartitionTask) -> tuple[MergeSummary, list[str], list[str]]:
    """Merge one partition of the shards (the subjects whose hash falls in it) into a sorted
    N-Quads file; return its summary, the clashes and the shape violations found. Partitions are
    disjoint and each holds a subject's facts, so they are merged (and checked) apart, on any
    machine."""
    from .ontology import load_graph_file, load_ontology
    from .reason import Clashes

    inputs, out, part, parts, ontology = task
    tbox = load_ontology(ontology)
    shapes = Graph()
    for path in sorted(Path(ontology, "shapes").glob("*.ttl")):
        load_graph_file(path, shapes)
    clashes = Clashes(tbox, shapes)
    drug_classes = frozenset(c.n3() for c in tbox.subjects(RDF.type, _DRUG_CLASS))
    with tempfile.TemporaryDirectory(prefix=".merge-", dir=out.parent) as scratch:
        streams: list[Iterable[str] | Path] = [_partition(path, part, parts) for path in inputs]
        summary = write_dataset(merge_sorted(streams, Path(scratch)), out, watch=clashes.feed, drug_classes=drug_classes)
    return summary, clashes.finish(), sorted(set(clashes.violations))


def concatenate(parts: list[Path], out: Path, *, keep: bool = False) -> str:
    """Disjoint sorted partitions into one sorted file; its SHA-256. Without ``keep``, a single
    partition becomes the file."""
    if len(parts) == 1 and not keep:
        parts[0].replace(out)
        return _sha256(out)
    digest = hashlib.sha256()
    with ExitStack() as stack, out.open("w", encoding="utf-8", newline="") as sink:
        streams = [stack.enter_context(part.open(encoding="utf-8", newline="")) for part in parts]
        for line in heapq.merge(*streams):
            sink.write(line)
            digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for chunk in iter(lambda: data.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class MergeSummary:
    """What the merged dataset holds, for the build report."""

    sha256: str = ""
    triples_per_graph: Counter[str] = field(default_factory=Counter)
    facts_per_relation: Counter[str] = field(default_factory=Counter)
    statements_per_kind: Counter[str] = field(default_factory=Counter)
    #: the entities the facts relate, and those of them with a DrugBank id
    entities: set[str] = field(default_factory=set)
    grounded: set[str] = field(default_factory=set)


def write_dataset(
    lines: Iterable[str], path: Path, *, watch: Callable[[str], None] | None = None, drug_classes: frozenset[str] = frozenset()
) -> MergeSummary:
    """Write sorted lines to ``path`` without duplicates or inferred lines the facts or the
    ontology state; count what the report needs. ``watch`` sees every line of the facts,
    inferred and ontology graphs (the clash check).

    :param drug_classes: the ontology's drug classes (in N-Triples form): a membership in one is
        a class membership, not a kind of statement.
    """
    summary = MergeSummary()
    digest = hashlib.sha256()
    names: dict[str, str] = {}
    with path.open("w", encoding="utf-8", newline="") as out:
        for group in _triples(lines):
            graphs = {graph for _, graph in group}
            stated = _FACTS in graphs or _ONTOLOGY in graphs
            for line, graph in group:
                if graph == _INFERRED and stated:
                    continue
                out.write(line)
                digest.update(line.encode("utf-8"))
                summary.triples_per_graph[graph[1:-1]] += 1
                if watch is not None and graph in (_FACTS, _INFERRED, _ONTOLOGY):
                    watch(line)
                if graph == _FACTS:
                    _count_fact(line, summary, names, drug_classes)
    summary.sha256 = digest.hexdigest()
    return summary


def _triples(lines: Iterable[str]) -> Iterator[list[tuple[str, str]]]:
    """Groups of (line, graph) with the same triple, duplicates dropped."""
    group: list[tuple[str, str]] = []
    current = previous = ""
    for line in lines:
        if line == previous:
            continue
        previous = line
        triple, graph = line[:-3].rsplit(" ", 1)
        if triple != current and group:
            yield group
            group = []
        current = triple
        group.append((line, graph))
    if group:
        yield group


def _count_fact(line: str, summary: MergeSummary, names: dict[str, str], drug_classes: frozenset[str]) -> None:
    subject, predicate, rest = line.split(" ", 2)
    obj = rest[:-3].rsplit(" ", 1)[0]
    name = names.get(predicate)
    if name is None:
        name = names[predicate] = curie(URIRef(predicate[1:-1]))
    summary.facts_per_relation[name] += 1
    if predicate == _TYPE and obj.startswith(_MSKG) and obj not in drug_classes:
        kind = names.get(obj)
        if kind is None:
            kind = names[obj] = curie(URIRef(obj[1:-1]))
        summary.statements_per_kind[kind] += 1
    for node in (subject, obj):
        if node.startswith(_ENTITY) and "/" not in node[len(_ENTITY) : -1]:
            summary.entities.add(node[1:-1])
    if predicate == _EXACT_MATCH and obj.startswith(_DRUGBANK):
        summary.grounded.add(subject[1:-1])


def add(total: MergeSummary, part: MergeSummary) -> None:
    """Add a partition's summary to the total."""
    total.triples_per_graph += part.triples_per_graph
    total.facts_per_relation += part.facts_per_relation
    total.statements_per_kind += part.statements_per_kind
    total.entities |= part.entities
    total.grounded |= part.grounded


def scratch_folder(store: Path) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder inside the store (same disk as the dataset it becomes)."""
    store.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=".merge-", dir=store)
