"""Load on `mskg serve` against `oxigraph serve` with the same data, side by side: concurrent
clients on 127.0.0.1 send a bounded number of requests, mixing the catalogue's queries, and the
script reports throughput, p50/p99 latency, errors and the ratio.

    mskg build && python bench/serve_load.py [--store build] [--requests 3000] [--clients 8] [--rounds 3]

Every query goes with its PREFIX lines, so both servers get the same text. Each client keeps one
HTTP/1.1 connection open, as SPARQL clients do. The servers take turns, round after round; the
figures are the medians over the rounds. Not a test: read the ratios.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.query.catalogue import Catalogue  # noqa: E402
from tests.servers import mskg_serve, oxigraph_server  # noqa: E402


def workload(total: int, seed: int = 7, unique: str | None = None) -> list[tuple[str, str]]:
    """(query text, Accept) pairs: the catalogue mixed evenly, in a fixed shuffled order. With
    ``unique``, each request carries a different comment (naming ``unique`` and its number), so no
    answer can come from a cache: the cache keys on the exact text."""
    entries = list(Catalogue())
    jobs = []
    for i in range(total):
        entry = entries[i % len(entries)]
        accept = "text/turtle" if entry.form == "construct" else "application/sparql-results+json"
        nonce = f"\n# {unique} {i}\n" if unique is not None else ""
        jobs.append((entry.portable_text + nonce, accept))
    random.Random(seed).shuffle(jobs)
    return jobs


def hammer(url: str, jobs: list[tuple[str, str]], clients: int) -> dict[str, float]:
    """Send the jobs from ``clients`` threads, each over its own keep-alive connection."""
    parsed = urllib.parse.urlsplit(url)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    queue = list(reversed(jobs))

    def client() -> None:
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                text, accept = queue.pop()
            body = urllib.parse.urlencode({"query": text})
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
            started = time.perf_counter()
            try:
                connection.request("POST", parsed.path, body, headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError as exc:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
                errors.append(str(exc))
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok and len(errors) < 1000:
                    errors.append("status")
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "throughput": len(latencies) / wall,
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[int(0.99 * (len(ordered) - 1))] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=Path("build"))
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    mixes = ("repeated", "all different (no cache)")
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    queries = len(Catalogue().ids())
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        servers = {
            "mskg serve": stack.enter_context(mskg_serve(args.store)) + "/sparql",
            "oxigraph serve": stack.enter_context(oxigraph_server(args.store / "dataset.nq", workdir)) + "/query",
        }
        for round_ in range(args.rounds):
            for mix in mixes:
                for name, url in servers.items():
                    # new texts every round (and for the warm-up), so no round answers another's from a cache
                    jobs = workload(args.requests, unique=f"request {round_}" if mix != "repeated" else None)
                    hammer(url, workload(queries, unique=f"warm-up {round_}"), 1)  # warm-up, not cached
                    results.setdefault((mix, name), []).append(hammer(url, jobs, args.clients))
    quads = sum(1 for line in (args.store / "dataset.nq").open(encoding="utf-8") if line.strip())
    print(
        f"{args.requests} requests from {args.clients} clients, catalogue mix ({queries} queries), "
        f"{quads} quads; median of {args.rounds} rounds\n"
    )
    print("| queries | server | throughput (req/s) | p50 (ms) | p99 (ms) | errors |")
    print("|---|---|---|---|---|---|")
    medians = {key: _median(runs) for key, runs in results.items()}
    for (mix, name), r in medians.items():
        print(f"| {mix} | {name} | {r['throughput']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']:.0f} |")
    print()
    for mix in mixes:
        mine, theirs = medians[mix, "mskg serve"], medians[mix, "oxigraph serve"]
        print(
            f"{mix}: throughput mskg/oxigraph {mine['throughput'] / theirs['throughput']:.2f}x, "
            f"p50 {mine['p50'] / theirs['p50']:.2f}x, p99 {mine['p99'] / theirs['p99']:.2f}x"
        )
        rounds = ", ".join(
            f"{a['throughput'] / b['throughput']:.2f}x" for a, b in zip(*(results[mix, n] for n in servers))
        )
        print(f"  by round: {rounds}")


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the rounds; errors added up."""
    out = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    out["errors"] = sum(run["errors"] for run in runs)
    return out


if __name__ == "__main__":
    main()
