"""The hostile-query suite of the tests (tests/hostile.py) against `mskg serve` and `oxigraph serve`
side by side, both with a 2 s time limit, and a local counting HTTP server standing in for the
network. For each case: the status, the time to answer, requests that reached the network, and
whether the server still answers a normal query right (and with the same data) afterwards.

    mskg build && python bench/hostile_queries.py [--wait 60]

Oxigraph gets queries at /query, updates at /update and Graph Store requests at /store; cases
that change data run last. A server that does not answer within --wait seconds is restarted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import CASES, Answer, Target, count_triples, send  # noqa: E402
from tests.servers import CountingServer, mskg_serve, oxigraph_server  # noqa: E402

TIMEOUT = "2"


class Restartable:
    """A server that can be stopped and started again on the same data."""

    def __init__(self, start: Callable[[], AbstractContextManager[str]], routes: Callable[[str], Target]) -> None:
        self._start, self._routes = start, routes
        self._stack = ExitStack()
        self.target = self._up()

    def _up(self) -> Target:
        return self._routes(self._stack.enter_context(self._start()))

    def restart(self) -> None:
        self._stack.close()
        self._stack = ExitStack()
        self.target = self._up()

    def close(self) -> None:
        self._stack.close()


def run_suite(server: Restartable, outbound: CountingServer, wait: float) -> Iterator[tuple[str, Answer]]:
    baseline = count_triples(server.target, "baseline")
    ordered = sorted(CASES, key=lambda c: c.route != "query")  # writes last
    for case in ordered:
        before = len(outbound.requests)
        status, body, seconds = send(case, server.target, outbound.url, timeout=wait)
        answer = Answer(status, body, seconds, outbound=len(outbound.requests) - before)
        if status == 200 and min(case.expect) >= 400:
            answer.notes.append(f"{len(body)} bytes ending {body.strip()[-50:]!r}")
        if status == 0:
            answer.notes.append(f"no answer within {wait:g} s; restarted")
            server.restart()
        after = count_triples(server.target, case.name)
        answer.healthy = after == baseline
        if after is not None and after != baseline:
            answer.notes.append(f"data changed: {baseline} -> {after} triples")
        yield case.name, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=Path("build"))
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for an answer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, CountingServer() as outbound:
        workdir = Path(tmp)
        mskg = Restartable(
            lambda: mskg_serve(args.store, "--timeout", TIMEOUT, "--max-rows", "1000"),
            lambda base: Target(base + "/sparql", base + "/sparql", base + "/store"),
        )
        oxigraph = Restartable(
            lambda: oxigraph_server(args.store / "dataset.nq", workdir, "--timeout-s", TIMEOUT),
            lambda base: Target(base + "/query", base + "/update", base + "/store"),
        )
        try:
            rows = {name: [answer] for name, answer in run_suite(mskg, outbound, args.wait)}
            for name, answer in run_suite(oxigraph, outbound, args.wait):
                rows[name].append(answer)
        finally:
            mskg.close()
            oxigraph.close()
    print(f"Hostile-query suite, time limit {TIMEOUT} s on both, waiting up to {args.wait:g} s per case\n")
    print("| case | expected (mskg) | mskg serve | oxigraph serve |")
    print("|---|---|---|---|")
    expected = {c.name: "/".join(str(s) for s in sorted(c.expect)) for c in CASES}
    for name, answers in rows.items():
        cells = []
        for a in answers:
            cell = f"{a.status or 'none'} in {a.seconds:.2f} s"
            if a.outbound:
                cell += f", **{a.outbound} outbound**"
            if not a.healthy:
                cell += ", **unhealthy after**"
            cell += "".join(f"; {note}" for note in a.notes)
            cells.append(cell)
        print(f"| {name} | {expected[name]} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
