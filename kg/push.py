"""Loading the dataset into a triple store through the SPARQL 1.1 Graph Store Protocol: one HTTP
PUT of N-Triples per named graph, which replaces that graph on the server (so a second push
replaces the first). Tested against ``oxigraph serve`` (``/store``) and Virtuoso
(``/sparql-graph-crud-auth``, digest authentication).

A push that fails halfway says which graphs were replaced and which still hold what they held.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MskgError
from .iris import GRAPH_IRIS
from .store import DEFAULT_STORE, dataset_path

__all__ = ["PushError", "PushReport", "push", "graph_ntriples"]


class PushError(MskgError):
    """The endpoint refused the data or could not be reached."""


@dataclass
class PushReport:
    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"Pushed {sum(self.graphs.values())} triples in {len(self.graphs)} graphs to {self.endpoint}:"]
        lines += [f"  {iri}  {count} triples (replaced)" for iri, count in self.graphs.items()]
        return "\n".join(lines)


def graph_ntriples(store: Path, graph: str) -> Iterator[str]:
    """The N-Triples lines of one named graph, streamed from the store's sorted N-Quads."""
    suffix = f" <{graph}> .\n"
    with dataset_path(store).open(encoding="utf-8") as lines:
        for line in lines:
            if line.endswith(suffix):
                yield line[: -len(suffix)] + " .\n"


def _opener(endpoint: str, auth: str | None) -> urllib.request.OpenerDirector:
    if not auth:
        return urllib.request.build_opener()
    user, _, password = auth.partition(":")
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, user, password)
    return urllib.request.build_opener(
        urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)
    )


def push(endpoint: str, store: Path = DEFAULT_STORE, auth: str | None = None, timeout: float = 300) -> PushReport:
    """PUT every named graph of the dataset to a Graph Store Protocol endpoint.

    :param endpoint: the GSP URL, e.g. ``http://127.0.0.1:7878/store`` (Oxigraph) or
        ``http://127.0.0.1:8890/sparql-graph-crud-auth`` (Virtuoso).
    :param auth: ``user:password`` (basic or digest, as the server asks).
    :raises PushError: a refusal or an unreachable server, with what the server holds now.
    """
    dataset_path(store)  # fails early and clearly when nothing was built
    opener = _opener(endpoint, auth)
    report = PushReport(endpoint)
    names = list(GRAPH_IRIS.values())
    for done, graph in enumerate(names):
        body = "".join(graph_ntriples(store, graph)).encode("utf-8")
        separator = "&" if "?" in endpoint else "?"
        request = urllib.request.Request(
            f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}",
            data=body,
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:300]
            reason = "the server refused the credentials" if exc.code in (401, 403) else f"HTTP {exc.code} {exc.reason}"
            raise PushError(
                _halfway(endpoint, graph, f"{reason}: {detail}" if detail else reason, names, done)
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(
                _halfway(endpoint, graph, f"cannot reach it: {getattr(exc, 'reason', exc)}", names, done)
            ) from None
        report.graphs[graph] = body.count(b"\n")
    return report


def _halfway(endpoint: str, graph: str, reason: str, names: list[str], done: int) -> str:
    replaced = ", ".join(names[:done]) or "none"
    untouched = ", ".join(names[done:])
    return (
        f"push to {endpoint} failed at graph <{graph}>: {reason}. "
        f"Replaced with this build's data: {replaced}. Left as they were: {untouched}. "
        "Push again to complete it."
    )
