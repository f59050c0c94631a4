"""Which embedded engine should answer `mskg query`? Runs the whole catalogue over the same build on
rdflib's in-memory store and on pyoxigraph, prints per-query medians and their ratio, checks the
two agree, then times start-up: `mskg query ID` against `python -c "import rdflib"`.

    python bench/query_engines.py [--store build] [--repeat 7]

Not a test: timings vary with the machine; the ratios are what to read.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from kg.iris import PREFIXES
from kg.query.catalogue import Catalogue


def median_seconds(run: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rdflib_rows(result: Any) -> Any:
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in result.graph)
    return sorted(tuple(term.n3() if term is not None else "" for term in row) for row in result)


def oxigraph_rows(result: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return sorted(f"{t.subject} {t.predicate} {t.object} ." for t in result)
    names = [v.value for v in result.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in result)


def engines(store: Path) -> tuple[float, float, Any, Any]:
    import pyoxigraph as ox
    import rdflib

    start = time.perf_counter()
    rdf = rdflib.Dataset(default_union=True)
    rdf.parse(store / "dataset.nq", format="nquads")
    rdflib_load = time.perf_counter() - start
    start = time.perf_counter()
    oxi = ox.Store()
    oxi.bulk_load(path=str(store / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    oxigraph_load = time.perf_counter() - start
    return rdflib_load, oxigraph_load, rdf, oxi


def startup(store: Path, repeat: int) -> tuple[float, float]:
    mskg = [sys.executable, "-m", "kg.cli", "query", "fda-approved-ms-drugs", "--store", str(store)]
    baseline = [sys.executable, "-c", "import rdflib"]

    def run(command: list[str]) -> None:
        subprocess.run(command, check=True, capture_output=True)

    run(mskg), run(baseline)  # warm the file cache
    return median_seconds(lambda: run(mskg), repeat), median_seconds(lambda: run(baseline), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("build"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    rdflib_load, oxigraph_load, rdf, oxi = engines(args.store)
    print(
        f"load {args.store / 'dataset.nq'}: rdflib {rdflib_load * 1000:.0f} ms, "
        f"pyoxigraph {oxigraph_load * 1000:.0f} ms, ratio {rdflib_load / oxigraph_load:.1f}x\n"
    )
    print(f"{'query':44} {'rdflib ms':>10} {'pyoxigraph ms':>14} {'rdflib/oxigraph':>16}  same answer")
    ratios = []
    for entry in Catalogue():
        text = entry.text
        rdflib_time = median_seconds(lambda text=text: rdflib_rows(rdf.query(text, initNs=PREFIXES)), args.repeat)
        oxigraph_time = median_seconds(
            lambda text=text: oxigraph_rows(oxi.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)),
            args.repeat,
        )
        same = rdflib_rows(rdf.query(text, initNs=PREFIXES)) == oxigraph_rows(
            oxi.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        )
        ratios.append(rdflib_time / oxigraph_time)
        print(f"{entry.id:44} {rdflib_time * 1000:10.1f} {oxigraph_time * 1000:14.2f} {ratios[-1]:15.1f}x  {same}")
    print(
        f"\nrdflib/pyoxigraph per query: median {statistics.median(ratios):.1f}x, "
        f"min {min(ratios):.1f}x, max {max(ratios):.1f}x (default engine: pyoxigraph, 1.0x by construction)"
    )

    mskg, baseline = startup(args.store, args.repeat)
    print(
        f"\nstart-up: `mskg query fda-approved-ms-drugs` {mskg * 1000:.0f} ms, "
        f"`python -c 'import rdflib'` {baseline * 1000:.0f} ms, ratio {mskg / baseline:.2f}x"
    )


if __name__ == "__main__":
    main()
