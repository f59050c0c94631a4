"""Shared fixtures: a fresh build of the bundled corpus, and scratch copies of the project's
inputs that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import BuildReport, build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """The bundled corpus built once for the session: (store folder, report)."""
    store = tmp_path_factory.mktemp("store")
    report = build(ROOT / "corpus", ROOT / "ontology", store)
    return store, report


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of corpus/ and ontology/ that a test may modify."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    return tmp_path
