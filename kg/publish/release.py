"""Versioned releases: one folder per version with the ontology (Turtle and RDF/XML), the data in
every export format, mskg's JSON-LD context, the ontology's documentation and picture, a VoID and
DCAT description, the changes since the previous release, and SHA-256 checksums.

The folder is written under a temporary name and renamed when complete. Nothing in it depends on
the clock: the date is the build's (the dataset file's modification day, or ``--date``), so the
same build gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MskgError
from ..formats import DATASET_FORMATS
from ..iris import GRAPH_IRIS
from ..store.files import DEFAULT_STORE, dataset_path
from .export import export_lines, read_quads, serialize_quads
from .jsonld import context
from .void import DESCRIPTION_PREFIXES, Distribution, describe

__all__ = ["ReleaseError", "ReleaseReport", "make_release", "DEFAULT_RELEASES"]

DEFAULT_RELEASES = Path("releases")
#: file extension -> media type, for the release's files
_MEDIA_TYPES = {
    **{fmt.extension: fmt.media_type for fmt in DATASET_FORMATS},
    "owl": "application/rdf+xml",
    "html": "text/html",
    "svg": "image/svg+xml",
    "md": "text/markdown",
    "dot": "text/vnd.graphviz",
}
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+-]*$")


class ReleaseError(MskgError):
    """A release cannot be made (version taken, bad version, unwritable folder)."""


@dataclass
class ReleaseReport:
    folder: Path
    version: str
    issued: str
    previous: str | None
    files: dict[str, int] = field(default_factory=dict)
    added: int = 0
    removed: int = 0

    def summary(self) -> str:
        changes = (
            f"{self.added} triples added, {self.removed} removed since {self.previous}"
            if self.previous
            else "first release"
        )
        lines = [f"Released mskg {self.version} ({self.issued}) in {self.folder}: {changes}"]
        lines += [f"  {name:18s} {size:>10,d} bytes" for name, size in sorted(self.files.items())]
        return "\n".join(lines)


def _version_key(version: str) -> tuple[tuple[int, object], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[.+-]", version))


def _previous(releases: Path, version: str) -> str | None:
    if not releases.is_dir():
        return None
    older = [
        p.name
        for p in releases.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and (p / "mskg.nq").is_file()
        and _version_key(p.name) < _version_key(version)
    ]
    return max(older, key=_version_key) if older else None


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mskg")
    except PackageNotFoundError:
        return "0.0.0"


def make_release(
    store: Path = DEFAULT_STORE,
    releases: Path = DEFAULT_RELEASES,
    version: str | None = None,
    issued: str | None = None,
) -> ReleaseReport:
    """Write ``releases/<version>/`` from the built dataset.

    :raises ReleaseError: the version exists already or is not a plain version string, or the
        folder cannot be written.
    """
    from rdflib import Graph

    from .docs import ontology_dot, ontology_html, ontology_svg

    version = version or _package_version()
    if not _VERSION.match(version):
        raise ReleaseError(f"not a version: {version!r} (use letters, digits, '.', '-', '+')")
    target = releases / version
    if target.exists():
        raise ReleaseError(f"release {version} exists at {target}: give another --version")
    source = dataset_path(store)
    if issued:
        try:
            issued = dt.date.fromisoformat(issued).isoformat()
        except ValueError:
            raise ReleaseError(f"not a date: {issued!r} (use YYYY-MM-DD)") from None
    issued = issued or dt.datetime.fromtimestamp(source.stat().st_mtime, dt.timezone.utc).date().isoformat()
    previous = _previous(releases, version)
    try:
        releases.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=releases))
    except OSError as exc:
        raise ReleaseError(f"{releases}: cannot write ({exc.strerror})") from None
    try:
        report = ReleaseReport(target, version, issued, previous)
        quads = read_quads(store)  # parsed once; every file below is written from it
        ontology_quads = [q for q in quads if q.graph_name.value == GRAPH_IRIS["ontology"]]
        files: dict[str, bytes] = {"mskg.nq": source.read_bytes()}
        for fmt in DATASET_FORMATS:
            if fmt.name != "nq":
                files[f"mskg.{fmt.extension}"] = serialize_quads(fmt.name, quads)
        files["ontology.ttl"] = serialize_quads("ttl", ontology_quads)
        files["ontology.owl"] = serialize_quads("xml", ontology_quads)
        files["context.jsonld"] = (json.dumps({"@context": context(quads)}, indent=1) + "\n").encode("utf-8")
        ontology = Graph().parse(data=files["ontology.ttl"].decode("utf-8"), format="turtle")
        files["ontology.svg"] = ontology_svg(ontology)
        files["ontology.dot"] = ontology_dot(ontology).encode("utf-8")
        files["ontology.html"] = ontology_html(ontology, picture="ontology.svg").encode("utf-8")
        if previous:
            files.update(_changes(releases / previous / "mskg.nq", store, previous, version, report))
        distributions = [
            Distribution(
                name,
                _MEDIA_TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream"),
                len(data),
                hashlib.sha256(data).hexdigest(),
            )
            for name, data in sorted(files.items())
        ]
        import pyoxigraph as ox

        void = describe(quads, version=version, issued=issued, distributions=distributions, previous_version=previous)
        void.sort(key=lambda triple: str(triple.subject))  # stable: groups each subject's triples
        files["void.ttl"] = ox.serialize(void, format=ox.RdfFormat.TURTLE, prefixes=DESCRIPTION_PREFIXES) or b""
        files["SHA256SUMS"] = "".join(
            f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
        ).encode("utf-8")
        for name, data in files.items():
            (work / name).write_bytes(data)
        report.files = {name: len(data) for name, data in files.items()}
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return report


def _changes(previous_nq: Path, store: Path, previous: str, version: str, report: ReleaseReport) -> dict[str, bytes]:
    """added.nq, removed.nq and CHANGES.md against the previous release's N-Quads."""
    with previous_nq.open(encoding="utf-8") as lines:
        before = set(lines)
    now = set(export_lines(store))
    added, removed = sorted(now - before), sorted(before - now)
    report.added, report.removed = len(added), len(removed)

    def per_graph(lines: list[str]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for line in lines:
            graph = line.rsplit("<", 1)[-1].split(">", 1)[0].rsplit("/", 1)[-1]
            counts[graph] = counts.get(graph, 0) + 1
        return counts

    table = ["| graph | added | removed |", "|---|---|---|"]
    plus, minus = per_graph(added), per_graph(removed)
    for graph in sorted(set(plus) | set(minus)):
        table.append(f"| {graph} | {plus.get(graph, 0)} | {minus.get(graph, 0)} |")
    text = (
        f"# mskg {version}: changes since {previous}\n\n"
        f"{len(added)} triples added, {len(removed)} removed (`added.nq`, `removed.nq`).\n\n" + "\n".join(table) + "\n"
    )
    return {
        "added.nq": "".join(added).encode("utf-8"),
        "removed.nq": "".join(removed).encode("utf-8"),
        "CHANGES.md": text.encode("utf-8"),
    }
