"""Fixtures shared by the tests and the docstring examples: one fresh build of the bundled
corpus per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The bundled corpus built once for the session: (store folder, build report)."""
    from kg.build.pipeline import build

    store = tmp_path_factory.mktemp("store")
    report = build(ROOT / "corpus", ROOT / "ontology", store)
    return store, report


@pytest.fixture(autouse=True)
def _doctest_store(request: pytest.FixtureRequest, doctest_namespace: dict[str, Any]) -> None:
    """Docstring examples that query use ``doctest_store``, the session's build."""
    if isinstance(request.node, pytest.DoctestItem) and "doctest_store" in request.node.dtest.docstring:
        doctest_namespace["doctest_store"] = request.getfixturevalue("built")[0]
