"""Scratch copies of the project's inputs that a test may break (the session build is in the
root conftest.py, shared with the docstring examples)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import oxigraph_server

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of corpus/ and ontology/ that a test may modify."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    return tmp_path


@pytest.fixture(scope="session")
def oxigraph_url(built: tuple[Path, object], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `oxigraph serve` on 127.0.0.1 holding the session's build; its base URL."""
    with oxigraph_server(built[0] / "dataset.nq", tmp_path_factory.mktemp("oxigraph")) as url:
        yield url
