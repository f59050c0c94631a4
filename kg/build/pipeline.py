"""The build: documents and ontology in, a reasoned and validated dataset of named graphs out.

load ontology, QC, classify (HermiT) -> per document, on worker processes and cached by content
(:mod:`.shard`, :mod:`.workers`, :mod:`.cache`): read, extract, facts + provenance, check quotes
and shapes, materialise memberships (OWL 2 RL) -> merge the sorted shards into one N-Quads file,
checking disjointness across documents (:mod:`.merge`) -> swap the new build in.

Memory holds one document per worker and one line per merged shard, not the dataset. Any
failure raises before anything is put in place, so the previous build stays as it was."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import time
from collections.abc import Callable, Sequence
from contextlib import closing, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, DocumentError, InconsistentOntologyError, MskgError, ShapeViolationError
from ..extract.documents import DOCUMENT_SUFFIXES
from ..namespaces import FACTS_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH
from ..store.files import DATASET_FILE, DEFAULT_STORE, ON_DISK_FOLDER, commit_build, new_texts_folder
from .serialize import nquads_lines
from .shard import aliases_to_json

if TYPE_CHECKING:
    from .shard import Shard
    from .workers import Engine

__all__ = ["BuildReport", "build"]

Progress = Callable[[str], None]
#: quads from which a build also loads an on-disk store (queries then open it in milliseconds
#: instead of loading the dataset: about 2 s per million quads)
ON_DISK_FROM = 100_000
#: where a distributed build keeps its merge's partitions: sorted N-Quads files, disjoint by subject
SHARDS_FOLDER = "shards"
#: documents the summary lists by name
_LISTED = 30
#: the named graphs in the order the report lists them
GRAPH_ORDER = tuple(str(g) for g in (ONTOLOGY_GRAPH, FACTS_GRAPH, PROVENANCE_GRAPH, INFERRED_GRAPH))


@dataclass
class BuildReport:
    """What a build did, for people (``summary()``) and machines (``build.json``)."""

    store: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    #: documents that could not be read (``--keep-going``): file and problem
    skipped: list[dict[str, str]] = field(default_factory=list)
    facts_per_relation: dict[str, int] = field(default_factory=dict)
    statements_per_kind: dict[str, int] = field(default_factory=dict)
    triples_per_graph: dict[str, int] = field(default_factory=dict)
    lexicon_entries: int = 0
    #: entity counts (from the lexicon, beyond it, grounded) and the merges of names (resolution.py)
    entities: dict[str, Any] = field(default_factory=dict)
    consistent: bool = False
    inferred_memberships: int = 0
    shapes_conform: bool = False
    qc_checks: list[str] = field(default_factory=list)
    evidence_spans_verified: int = 0
    #: documents extracted this time (the others were unchanged: their cached shards were used)
    extracted: int = 0
    dataset_sha256: str = ""
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        unchanged = len(self.documents) - self.extracted
        lines = [
            f"Built {self.store}/dataset.nq from {len(self.documents)} document(s)"
            + (f" ({self.extracted} extracted, {unchanged} unchanged since the last build):" if unchanged else ":")
        ]
        for doc in self.documents[:_LISTED]:
            lines.append(
                f'  {doc["file"]} ({doc["kind"]}): "{doc["title"]}", {doc["sentences"]} sentences with facts, '
                f'{doc["facts"]} facts'
            )
        if len(self.documents) > _LISTED:
            lines.append(f"  ... and {len(self.documents) - _LISTED} more (build.json lists every document)")
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)} document(s) that could not be read:")
            lines += [f"  {skip['file']}: {skip['problem']}" for skip in self.skipped]
        lines.append("Statements per kind:")
        lines += [f"  {k:34s} {v:5d}" for k, v in sorted(self.statements_per_kind.items())]
        lines.append("Facts per relation:")
        lines += [f"  {k:34s} {v:5d}" for k, v in sorted(self.facts_per_relation.items())]
        if self.entities:
            e = self.entities
            lines.append(
                f"Entities: {e['entities']} in the facts ({e['from_lexicon']} from the lexicon, {e['beyond_lexicon']} "
                f"recognised beyond it, {e['grounded_beyond_lexicon']} of those grounded in DrugBank); "
                f"{e['in_several_documents']} named by more than one document; {len(e['merges'])} known by more than "
                "one name (build.json lists the merges)"
            )
        lines.append("Triples per graph:")
        lines += [f"  {k:34s} {v:5d}" for k, v in self.triples_per_graph.items()]
        lines.append(
            f"Reasoning: ontology classified by HermiT; consistent; {self.inferred_memberships} inferred class "
            "memberships (OWL 2 RL)"
        )
        lines.append(
            f"Validation: SHACL conforms; QC checks passed: {len(self.qc_checks)}; "
            f"{self.evidence_spans_verified} evidence quotes match their documents"
        )
        lines.append(
            f"Time: {sum(self.seconds.values()):.1f} s ("
            + ", ".join(f"{k} {v:.1f}" for k, v in self.seconds.items())
            + ")"
        )
        return "\n".join(lines)


def build(
    sources: Path | Sequence[Path] = Path("corpus"),
    ontology: Path = Path("ontology"),
    store: Path = DEFAULT_STORE,
    progress: Progress | None = None,
    *,
    keep_going: bool = False,
    max_document_bytes: int | None = None,
    workers: int = 1,
    cache: bool = True,
    progress_bar: bool = False,
    on_disk: bool | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildReport:
    """Build the dataset from documents (files and folders) and write it to ``store``; return
    the report.

    :param keep_going: skip documents that cannot be read (the report lists them) instead of
        stopping.
    :param workers: processes extracting documents at once.
    :param cache: reuse what an earlier build in ``store`` extracted from unchanged documents.
    :param progress_bar: show a progress bar on stderr while documents are extracted.
    :param on_disk: also load the dataset into an on-disk Oxigraph store in the build folder, which
        queries then open instead of loading the dataset (None: when it has
        :data:`ON_DISK_FROM` quads or more).
    :param engine: ``local`` (worker processes here) or ``dask`` (a Dask cluster: the one at
        ``scheduler``, or one of ``workers`` processes on 127.0.0.1); with dask the merge runs
        there too, in one partition per worker, and the partitions stay in ``<store>/shards/``
        as N-Quads files that bulk-load into any store.
    :raises MskgError: a document, the ontology, reasoning or validation fails; nothing is
        written then.
    """
    from ..extract.documents import MAX_DOCUMENT_BYTES, document_bytes, list_documents
    from ..extract.documents.model import slug_of
    from ..extract.extractor import rule_descriptions, shared_definitions
    from .cache import CACHE_FOLDER, ShardCache, fingerprint
    from .graphs import provenance_graph
    from .merge import MergeSummary, add, concatenate, merge_partition, scratch_folder
    from .reason import classify
    from .resolution import Names, resolution
    from .shard import Toolkit, aliases_from_json
    from .validate import run_qc_checks
    from .workers import DaskEngine, LocalEngine, definitions_step, shard_step

    say = progress or (lambda message: None)
    store = Path(store)
    report = BuildReport(store=str(store))
    clock = time.perf_counter()
    max_bytes = max_document_bytes or MAX_DOCUMENT_BYTES

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.seconds[stage] = round(now - clock, 3)
        clock = now

    say("loading ontology")
    ontology = Path(ontology).absolute()  # tasks may run in other processes, from another directory
    kit = Toolkit(ontology)
    tbox = kit.tbox
    report.qc_checks = run_qc_checks(tbox, Path(ontology, "qc").glob("*.rq"))
    report.lexicon_entries = len(kit.lexicon)
    say("classifying the ontology with HermiT")
    classify(tbox)
    folder = store.absolute()
    shards = ShardCache(folder / CACHE_FOLDER, fingerprint(ontology), enabled=cache)

    # which documents, and their keys: a problem with one is skipped (--keep-going) or stops the build
    keys: dict[Path, str] = {}
    slugs: dict[str, Path] = {}

    def refuse(error: MskgError) -> None:
        if not keep_going or not isinstance(error, DocumentError):
            raise error
        report.skipped.append({"file": str(error.path), "problem": error.problem})

    for path in list_documents(sources):
        try:
            slug = slug_of(path)
            if slug in slugs:
                raise CorpusError(f"{path} and {slugs[slug]} give the same document id {slug!r}: rename one")
            slugs[slug] = path
            keys[path.absolute()] = shards.document_key(path.name, document_bytes(path, max_bytes=max_bytes))
        except MskgError as exc:
            refuse(exc)
    lap("load")

    runner: Engine = DaskEngine(workers, scheduler) if engine == "dask" else LocalEngine(workers, kit, shards.fingerprint)
    texts = new_texts_folder(store)
    try:
        # first pass: each document's abbreviations (cached), shared by the corpus
        defined: dict[Path, list[list[Any]]] = {}
        todo = []
        for path, key in keys.items():
            known = shards.definitions(key)
            if known is None:
                todo.append((path, key, max_bytes, shards, ontology))
            else:
                defined[path] = known
        if todo:
            say(f"reading {len(todo)} new or changed document(s) of {len(keys)}")
        with closing(runner.run(definitions_step, todo, label="reading", show=progress_bar)) as read:
            for index, definitions in enumerate(read):
                if isinstance(definitions, MskgError):
                    refuse(definitions)
                else:
                    defined[todo[index][0]] = definitions
        readable = [path for path in keys if path in defined]
        if not readable:
            where = ", ".join(str(p) for p in ([sources] if isinstance(sources, Path) else sources))
            reason = f" ({len(report.skipped)} could not be read)" if report.skipped else ""
            raise CorpusError(f"{where}: no documents to build from{reason} (mskg reads {', '.join(DOCUMENT_SUFFIXES)})")
        shared = shared_definitions([aliases_from_json(defined[path]) for path in readable])
        shared_digest = hashlib.sha256(json.dumps(aliases_to_json(shared)).encode()).hexdigest()

        # second pass: each document's shard (cached); its text goes to the new texts folder at once
        shard_keys = {path: shards.shard_key(keys[path], shared_digest) for path in readable}
        found: dict[Path, Shard] = {}
        todo_shards = []

        def keep(path: Path, shard: Shard) -> None:
            (texts / f"{shard.slug}.txt").write_text(shard.text, encoding="utf-8", newline="")
            shard.text = ""
            found[path] = shard

        for path in readable:
            cached = shards.shard(shard_keys[path])
            if cached is None:
                todo_shards.append((path, shard_keys[path], max_bytes, shards, ontology, defined[path]))
            else:
                keep(path, cached)
        say(f"extracting {len(todo_shards)} document(s), {len(found)} unchanged since the last build")
        with closing(runner.run(shard_step, todo_shards, shared=shared, label="extracting", show=progress_bar)) as steps:
            for index, shard in enumerate(steps):
                if isinstance(shard, MskgError):
                    refuse(shard)
                else:
                    keep(todo_shards[index][0], shard)
                    report.extracted += 1
        lap("extract")

        say("merging the documents' shards into one dataset")
        documents = [path for path in readable if path in found]
        names = Names()
        for path in documents:
            shard = found[path]
            report.documents.append(shard.entry)
            report.evidence_spans_verified += shard.evidence
            names.add(shard.slug, shard.names)
        found.clear()  # (only the report's part of each shard was kept)
        with scratch_folder(folder) as scratch:
            base = Path(scratch) / "ontology-and-rules.nq.gz"
            rules = provenance_graph([], {}, rule_descriptions())
            lines = sorted(nquads_lines([(ONTOLOGY_GRAPH, tbox)]) + nquads_lines([(PROVENANCE_GRAPH, rules)]))
            base.write_bytes(gzip.compress("".join(lines).encode(), compresslevel=1, mtime=0))
            inputs = [base] + [shards.shard_lines(shard_keys[path]) for path in documents]
            parts = runner.workers if engine == "dask" else 1
            outputs = [Path(scratch) / f"part-{n:04d}.nq" for n in range(parts)]
            merged, clashes, violations = MergeSummary(), [], []
            tasks = [(inputs, outputs[n], n, parts, ontology) for n in range(parts)]
            with closing(runner.run(merge_partition, tasks, label="merging")) as partitions:
                for summary, found_clashes, found_violations in partitions:
                    add(merged, summary)
                    clashes += found_clashes
                    violations += found_violations
            runner.close()  # a Dask cluster's memory is not needed while the store loads
            if clashes:
                raise InconsistentOntologyError([], sorted(clashes))
            if violations:
                raise ShapeViolationError(sorted(violations))
            dataset = Path(scratch) / DATASET_FILE
            merged.sha256 = concatenate(outputs, dataset, keep=engine == "dask")
            report.consistent = True
            report.shapes_conform = True
            report.triples_per_graph = {g: merged.triples_per_graph[g] for g in GRAPH_ORDER}
            report.inferred_memberships = merged.triples_per_graph[str(INFERRED_GRAPH)]
            report.facts_per_relation = dict(merged.facts_per_relation)
            report.statements_per_kind = dict(merged.statements_per_kind)
            report.entities = resolution(names, merged.entities, merged.grounded, kit.lexicon.kinds)
            report.dataset_sha256 = merged.sha256
            lap("merge")
            quads = sum(report.triples_per_graph.values())
            loaded = None
            if on_disk or (on_disk is None and quads >= ON_DISK_FROM):
                say(f"loading {quads} quads into an on-disk store")
                loaded = _load_on_disk(Path(scratch), dataset, store / DATASET_FILE, merged.sha256)
                lap("on-disk store")
            say(f"writing {store}")
            # everything that can fail is done: the build goes in place, its extras after it
            commit_build(store, dataset, report.to_dict(), texts)
            _swap(store / ON_DISK_FOLDER, loaded)
            _swap(store / SHARDS_FOLDER, _partitions(Path(scratch), outputs) if engine == "dask" else None)
    finally:
        shutil.rmtree(texts, ignore_errors=True)
        with suppress(Exception):  # a cluster that shuts down badly does not undo a build
            runner.close()
    with suppress(OSError):
        shards.prune(set(keys.values()) | set(shard_keys.values()))
    lap("write")
    return report


def _partitions(scratch: Path, parts: list[Path]) -> Path:
    folder = scratch / SHARDS_FOLDER
    folder.mkdir()
    for part in parts:
        part.replace(folder / part.name)
    return folder


def _swap(target: Path, new: Path | None) -> None:
    """Put a folder in place of another (or just remove the old one: a stale extra)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    if new is not None:
        new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _load_on_disk(scratch: Path, dataset: Path, final: Path, sha256: str) -> Path:
    """Bulk-load the new dataset into an on-disk store in the scratch folder, recorded as holding
    the dataset that will be at ``final``."""
    from ..store.oxigraph import OxigraphStore

    folder = scratch / ON_DISK_FOLDER
    loaded = OxigraphStore(folder, create=True)
    loaded.load(dataset, source=final, version=sha256)
    del loaded  # closes RocksDB before the folder moves
    return folder
