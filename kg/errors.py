"""The errors mskg raises. Each carries its data and builds its own message, naming the problem
and where it is (file and line, classes, shape), so the CLI can print it as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = [
    "MskgError",
    "DocumentError",
    "CorpusError",
    "OntologyError",
    "InconsistentOntologyError",
    "BuildEngineError",
    "ShapeViolationError",
    "ProvenanceError",
    "StoreError",
    "EndpointError",
    "LoadError",
    "QueryError",
    "QuerySyntaxError",
    "QueryTimeout",
    "FormatError",
]


def _rebuilt(cls: type[MskgError], args: tuple[Any, ...], state: dict[str, Any]) -> MskgError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class MskgError(ValueError):
    """Base class of mskg's errors. ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __reduce__(self):  # noqa: ANN204 - pickle protocol
        # errors cross from build workers to the parent whatever their constructor's arguments
        return _rebuilt, (type(self), self.args, dict(self.__dict__))


class DocumentError(MskgError):
    """A document of the corpus cannot be read as text."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class BuildEngineError(MskgError):
    """The engine a build runs on (a Dask cluster) is missing or cannot be reached."""


class CorpusError(MskgError):
    """The corpus as a whole is unusable (missing folder, no documents)."""


class OntologyError(MskgError):
    """An ontology file cannot be parsed, or its lexicon is ambiguous."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


class InconsistentOntologyError(MskgError):
    """HermiT finds the ontology plus the facts inconsistent."""

    def __init__(self, unsatisfiable: list[str], clashes: list[str]) -> None:
        self.unsatisfiable = unsatisfiable
        self.clashes = clashes
        parts = ["HermiT: the ontology with the extracted facts is inconsistent."]
        if unsatisfiable:
            parts.append("Unsatisfiable classes: " + ", ".join(unsatisfiable) + ".")
        if clashes:
            parts.append("Individuals in disjoint classes: " + "; ".join(clashes) + ".")
        if not unsatisfiable and not clashes:
            parts.append(
                "No single unsatisfiable class or disjointness clash explains it; check recent changes to ontology/."
            )
        super().__init__(" ".join(parts))


class ShapeViolationError(MskgError):
    """The data does not conform to the SHACL shapes."""

    def __init__(self, violations: list[str]) -> None:
        self.violations = violations
        shown = "\n  ".join(violations[:20])
        more = f"\n  ... and {len(violations) - 20} more" if len(violations) > 20 else ""
        super().__init__(f"SHACL: {len(violations)} violation(s):\n  {shown}{more}")


class ProvenanceError(MskgError):
    """A fact lacks provenance, or a quote differs from the document at its offsets."""


class StoreError(MskgError):
    """A store is missing, unreadable or cannot be opened (an unknown backend, nothing built)."""


class EndpointError(StoreError):
    """A remote endpoint cannot be reached or answered with an error."""


class LoadError(StoreError):
    """Loading a dataset into a store failed; the message says what the store holds now."""


class QueryError(MskgError):
    """A query is malformed, unknown, or failed to run."""

    exit_code = 2


class QuerySyntaxError(QueryError):
    """A query is not valid SPARQL; every store raises this type, with its parser's message."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped (or, on a remote store, given up on)."""

    exit_code = 3

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"query stopped after the time limit of {seconds:g} s")


class FormatError(MskgError):
    """An unknown output format was asked for."""

    exit_code = 2
