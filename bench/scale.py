"""Scale figures of issue 12: build throughput and memory by corpus size, workers and engine; the
incremental rebuild; catalogue query latency on large stores against pyoxigraph; bulk loads of the
shards into Oxigraph and Virtuoso; a table and a PNG plot.

Every build runs as its own ``mskg build`` process (a cold start, as a user runs it) on documents
from ``bench/synth.py``; memory is the peak of the summed resident memory of the build's process
tree (the parent, its forked workers or the Dask cluster), sampled every 0.1 s.

    python bench/synth.py generate 10000 /tmp/synth
    python bench/scale.py build /tmp/synth --size 1000 --workers 2 --engine local   # appends to bench/results/scale.jsonl
    python bench/scale.py incremental /tmp/synth --size 1000
    python bench/scale.py queries STORE [--repeat 20]
    python bench/scale.py load STORE                      # STORE built with --engine dask
    python bench/scale.py report                          # tables (Markdown) and bench/results/scale.png
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test suite's server helpers (tests/servers.py)
RESULTS = ROOT / "bench" / "results" / "scale.jsonl"


def _record(entry: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")
    print(json.dumps(entry))


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


def run_measured(command: list[str]) -> tuple[float, int, str]:
    """Run a command; its wall time, the peak RSS of its process tree (bytes) and its output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return seconds, peak, output


def _subset(corpus: Path, size: int, into: Path) -> Path:
    """The first ``size`` documents of a generated corpus, linked into a folder of their own."""
    docs = sorted((corpus / "docs").iterdir())[:size]
    if len(docs) < size:
        raise SystemExit(f"{corpus} has {len(docs)} documents, fewer than {size}: generate more")
    folder = into / f"docs-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        target = folder / doc.name
        if not target.exists():
            os.symlink(doc, target)
    return folder


def build_figure(corpus: Path, size: int, workers: int, engine: str, scratch: Path) -> dict[str, Any]:
    docs = _subset(corpus, size, scratch)
    store = scratch / f"store-{size}-{workers}-{engine}"
    shutil.rmtree(store, ignore_errors=True)
    command = ["mskg", "build", "-q", "--source", str(docs), "--store", str(store), "--workers", str(workers), "--engine", engine]
    seconds, peak, _ = run_measured(command)
    report = json.loads((store / "build.json").read_text(encoding="utf-8"))
    quads = sum(report["triples_per_graph"].values())
    return {
        "figure": "build", "documents": size, "workers": workers, "engine": engine, "seconds": round(seconds, 2),
        "documents_per_second": round(size / seconds, 2), "peak_rss_mb": round(peak / 2**20, 1), "quads": quads,
        "stages": report["seconds"], "store": str(store),
    }  # fmt: skip


def incremental_figure(corpus: Path, size: int, workers: int, scratch: Path) -> dict[str, Any]:
    """A full build, then the same after one document changed."""
    docs = scratch / f"incremental-{size}"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    for doc in sorted((corpus / "docs").iterdir())[:size]:
        shutil.copy(doc, docs / doc.name)
    store = scratch / f"store-incremental-{size}"
    shutil.rmtree(store, ignore_errors=True)
    command = ["mskg", "build", "-q", "--source", str(docs), "--store", str(store), "--workers", str(workers)]
    full, _, _ = run_measured(command)
    changed = sorted(docs.iterdir())[size // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe drug is given by intravenous infusion.\n", encoding="utf-8")
    again, peak, _ = run_measured(command)
    report = json.loads((store / "build.json").read_text(encoding="utf-8"))
    return {
        "figure": "incremental", "documents": size, "workers": workers, "full_seconds": round(full, 2),
        "rebuild_seconds": round(again, 2), "ratio": round(again / full, 4), "extracted": report["extracted"],
        "stages": report["seconds"],
    }  # fmt: skip


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def query_figures(store: Path, repeat: int) -> list[dict[str, Any]]:
    """Catalogue latency on one store: mskg's CLI (a fresh process per query), its API (warm), its
    server, and pyoxigraph on the same on-disk store; ``import rdflib`` as the cold-start yardstick."""
    import pyoxigraph as ox

    from kg.iris import PREFIXES
    from kg.query.api import Dataset, Endpoint
    from kg.query.catalogue import Catalogue
    from tests.servers import mskg_serve

    catalogue = list(Catalogue())
    report = json.loads((store / "build.json").read_text(encoding="utf-8"))
    quads = sum(report["triples_per_graph"].values())
    figures: list[dict[str, Any]] = []

    def add(name: str, samples: list[float]) -> None:
        p50, p99 = _percentiles(samples)
        figures.append({"figure": "query", "quads": quads, "runner": name, "p50_ms": round(p50 * 1000, 2),
                        "p99_ms": round(p99 * 1000, 2), "samples": len(samples)})  # fmt: skip
        print(json.dumps(figures[-1]))

    cold = []
    for _ in range(max(3, repeat // 5)):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import rdflib"], check=True)
        cold.append(time.perf_counter() - started)
    add("python -c 'import rdflib'", cold)
    # the cold start on one small query (what the 1.5x aim is about), then the catalogue's first entries
    for name, ids in (("mskg query fda-approved-ms-drugs (CLI, cold)", ["fda-approved-ms-drugs"] * 5),
                      ("mskg query ID (CLI, cold, catalogue)", [e.id for e in catalogue[: max(5, repeat // 2)]])):  # fmt: skip
        cli = []
        for query_id in ids:
            started = time.perf_counter()
            subprocess.run(["mskg", "query", "--store", str(store), query_id, "--format", "tsv"], check=True, capture_output=True)
            cli.append(time.perf_counter() - started)
        add(name, cli)

    dataset = Dataset(str(store))
    api = []
    for _ in range(repeat):
        for entry in catalogue:
            started = time.perf_counter()
            dataset.query(entry.text)
            api.append(time.perf_counter() - started)
    add("Dataset.query (API, warm)", api)

    if not (store / "oxigraph").is_dir():  # a build below the on-disk threshold: give pyoxigraph one
        ox.Store(str(store / "oxigraph")).bulk_load(path=str(store / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    on_disk = ox.Store.read_only(str(store / "oxigraph"))
    native = []
    for _ in range(repeat):
        for entry in catalogue:
            started = time.perf_counter()
            answer = on_disk.query(entry.text, prefixes=PREFIXES, use_default_graph_as_union=True)
            list(answer) if not isinstance(answer, ox.QueryBoolean) else bool(answer)
            native.append(time.perf_counter() - started)
    add("pyoxigraph (same store, in process)", native)

    with mskg_serve(store, "--max-rows", "10000000") as base:  # every catalogue answer whole
        endpoint = Endpoint(base + "/sparql")
        served = []
        for n in range(repeat):
            for entry in catalogue:
                started = time.perf_counter()
                endpoint.query(f"# {n}\n" + entry.portable_text)  # a new text each round: no cache
                served.append(time.perf_counter() - started)
        add("mskg serve (HTTP, uncached)", served)
    return figures


def load_figures(store: Path) -> list[dict[str, Any]]:
    """Bulk-load a distributed build's partitions into Oxigraph (`oxigraph load`) and Virtuoso."""
    from tests.servers import oxigraph_binary, virtuoso_bulk_load, virtuoso_with_sql

    parts = sorted((store / "shards").glob("*.nq"))
    quads = sum(1 for part in parts for _ in part.open(encoding="utf-8"))
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run([oxigraph_binary(), "load", "--location", f"{scratch}/ox", "--file", *map(str, parts)], check=True,
                       capture_output=True)  # fmt: skip
        seconds = time.perf_counter() - started
        figures.append({"figure": "load", "target": "oxigraph load", "quads": quads, "seconds": round(seconds, 2),
                        "quads_per_second": round(quads / seconds)})  # fmt: skip
        workdir = Path(scratch) / "virtuoso"
        workdir.mkdir()
        shutil.copytree(store / "shards", workdir / "shards")
        with virtuoso_with_sql(workdir) as (_, sql_port):
            started = time.perf_counter()
            virtuoso_bulk_load(sql_port, workdir / "shards")
            seconds = time.perf_counter() - started
        figures.append({"figure": "load", "target": "Virtuoso ld_dir + rdf_loader_run", "quads": quads,
                        "seconds": round(seconds, 2), "quads_per_second": round(quads / seconds)})  # fmt: skip
    for figure in figures:
        print(json.dumps(figure))
    return figures


def report() -> None:
    entries = [json.loads(line) for line in RESULTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    builds = [e for e in entries if e["figure"] == "build"]
    print("| documents | engine | workers | seconds | documents/s | peak memory (MB) | quads |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for e in sorted(builds, key=lambda e: (e["documents"], e["engine"], e["workers"])):
        print(f"| {e['documents']:,} | {e['engine']} | {e['workers']} | {e['seconds']:,.1f} | {e['documents_per_second']:.2f} "
              f"| {e['peak_rss_mb']:,.0f} | {e['quads']:,} |")  # fmt: skip
    for e in (e for e in entries if e["figure"] == "incremental"):
        print(f"\nIncremental: {e['documents']:,} documents, one changed: {e['rebuild_seconds']} s against {e['full_seconds']} s "
              f"for the full build ({e['ratio']:.3f}x), {e['extracted']} extracted")  # fmt: skip
    queries = [e for e in entries if e["figure"] == "query"]
    if queries:
        print("\n| quads | runner | p50 ms | p99 ms |\n|---:|---|---:|---:|")
        for e in queries:
            print(f"| {e['quads']:,} | {e['runner']} | {e['p50_ms']} | {e['p99_ms']} |")
    loads = [e for e in entries if e["figure"] == "load"]
    if loads:
        print("\n| target | quads | seconds | quads/s |\n|---|---:|---:|---:|")
        for e in loads:
            print(f"| {e['target']} | {e['quads']:,} | {e['seconds']} | {e['quads_per_second']:,} |")
    _plot(builds)


def _plot(builds: list[dict[str, Any]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    for (engine, workers) in sorted({(e["engine"], e["workers"]) for e in builds}):
        runs = sorted((e for e in builds if e["engine"] == engine and e["workers"] == workers), key=lambda e: e["documents"])
        sizes = [e["documents"] for e in runs]
        label = f"{engine}, {workers} worker{'s' if workers > 1 else ''}"
        speed.plot(sizes, [e["documents_per_second"] for e in runs], marker="o", label=label)
        memory.plot(sizes, [e["peak_rss_mb"] for e in runs], marker="o", label=label)
    for axes, title in ((speed, "documents per second"), (memory, "peak memory of the build (MB)")):
        axes.set_xscale("log")
        axes.set_xlabel("documents in the corpus")
        axes.set_title(title)
        axes.grid(True, alpha=0.3)
        axes.legend()
    memory.set_ylim(bottom=0)
    figure.tight_layout()
    out = RESULTS.with_suffix(".png")
    figure.savefig(out, dpi=110)
    print(f"\nplot: {out.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("build")
    one.add_argument("corpus", type=Path)
    one.add_argument("--size", type=int, required=True)
    one.add_argument("--workers", type=int, default=2)
    one.add_argument("--engine", default="local", choices=["local", "dask"])
    one.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "mskg-scale")
    inc = commands.add_parser("incremental")
    inc.add_argument("corpus", type=Path)
    inc.add_argument("--size", type=int, default=1000)
    inc.add_argument("--workers", type=int, default=2)
    inc.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "mskg-scale")
    queries = commands.add_parser("queries")
    queries.add_argument("store", type=Path)
    queries.add_argument("--repeat", type=int, default=20)
    load = commands.add_parser("load")
    load.add_argument("store", type=Path)
    commands.add_parser("report")
    args = parser.parse_args()
    if args.command == "build":
        _record(build_figure(args.corpus, args.size, args.workers, args.engine, args.scratch))
    elif args.command == "incremental":
        _record(incremental_figure(args.corpus, args.size, args.workers, args.scratch))
    elif args.command == "queries":
        for figure in query_figures(args.store, args.repeat):
            _record(figure)
    elif args.command == "load":
        for figure in load_figures(args.store):
            _record(figure)
    else:
        report()


if __name__ == "__main__":
    main()
