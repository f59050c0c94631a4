"""The synthetic corpus of the scale benchmarks (bench/synth.py): the same seed writes the same
documents, and a build of them scores as measured, by the build-reading scorer and by the
extracting one alike (the facts are known, so a drop means extraction or scoring changed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.build.pipeline import build
from kg.evaluate import evaluate, evaluate_build

ROOT = Path(__file__).resolve().parents[1]
#: its first five documents are of every kind (label, leaflet, news, summary) and format (Markdown, text, HTML)
SEED = 5


@pytest.fixture(scope="module")
def synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generation_is_deterministic(synth: ModuleType, tmp_path: Path) -> None:
    synth.generate(5, tmp_path / "a", SEED)
    synth.generate(5, tmp_path / "b", SEED)
    first = _files(tmp_path / "a")
    assert len(first) == 10 and first == _files(tmp_path / "b")
    # document i does not depend on the corpus size; a smaller corpus replaces a larger one
    synth.generate(3, tmp_path / "b", SEED)
    assert _files(tmp_path / "b") == {name: data for name, data in first.items() if name.split("/")[1] < "00003"}
    synth.generate(5, tmp_path / "c", SEED + 1)
    assert not set(_files(tmp_path / "c").values()) & set(first.values())
    with pytest.raises(ValueError):
        synth.generate(10_001, tmp_path / "d")


def test_build_of_synthetic_documents_scores(synth: ModuleType, tmp_path: Path) -> None:
    docs = synth.generate(5, tmp_path / "corpus", SEED)
    assert {d.kind for d in docs} == {"label", "leaflet", "news", "summary"} and {d.fmt for d in docs} == {"md", "txt", "html"}
    build(tmp_path / "corpus" / "docs", ROOT / "ontology", tmp_path / "store")
    scored = evaluate_build(tmp_path / "store" / "dataset.nq", tmp_path / "corpus" / "gold", ROOT / "ontology")
    overall = scored.overall
    assert len(scored.documents) == 5 and overall.gold >= 150
    # measured: P 1.00, R 1.00 (5 documents), and at N=100 on seeds 0 to 3
    assert overall.precision >= 0.95 and overall.recall >= 0.95, scored.table(details=True)
    # the same as extracting the documents again
    extracted, _ = evaluate(documents=sorted((tmp_path / "corpus" / "docs").iterdir()), gold_folder=tmp_path / "corpus" / "gold",
                            ontology=ROOT / "ontology")  # fmt: skip
    again = extracted.overall
    assert (again.true_positives, again.false_positives, again.false_negatives) == (
        overall.true_positives, overall.false_positives, overall.false_negatives)  # fmt: skip
