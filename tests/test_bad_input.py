"""Bad input: each case gets a clear message naming the problem and where it is, a non-zero
exit, and the previous build left byte-for-byte as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import DocumentError
from kg.extract.documents import read_document


def _build(project: Path, store: Path):  # noqa: ANN202 - click Result
    return CliRunner().invoke(
        main,
        [
            "build",
            "-q",
            "--corpus",
            str(project / "corpus"),
            "--ontology",
            str(project / "ontology"),
            "--store",
            str(store),
        ],
    )


@pytest.fixture
def previous(project: Path) -> tuple[Path, bytes]:
    """A good build in the scratch project's store, and its bytes."""
    store = project / "store"
    result = _build(project, store)
    assert result.exit_code == 0, result.output
    return store, (store / "dataset.nq").read_bytes()


def _fails_and_keeps(project: Path, previous: tuple[Path, bytes], *expected: str) -> str:
    store, before = previous
    result = _build(project, store)
    assert result.exit_code != 0
    message = result.output
    for text in expected:
        assert text in message, message
    assert (store / "dataset.nq").read_bytes() == before
    assert not [p for p in store.iterdir() if p.name.startswith(".")], "temporary files left behind"
    return message


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.txt", b"  \n\n", "document is empty"),
        ("binary.txt", b"Tysabri\x00\x01\x02 data", "looks binary (NUL byte at offset 7)"),
        ("latin1.txt", "Title\n\nCaf\u00e9 au lait.".encode("latin-1"), "not valid UTF-8 at line 3, column 4"),
        ("slides.pdf", b"%PDF-1.4", "unsupported document format: slides.pdf"),
    ],
)
def test_unreadable_documents(
    project: Path, previous: tuple[Path, bytes], name: str, content: bytes, expected: str
) -> None:
    (project / "corpus" / name).write_bytes(content)
    message = _fails_and_keeps(project, previous, expected)
    if name.endswith(".txt"):
        assert name in message


def test_missing_document() -> None:
    with pytest.raises(DocumentError, match="nowhere.txt: file not found"):
        read_document("nowhere.txt")


def test_corpus_without_documents(project: Path, previous: tuple[Path, bytes]) -> None:
    (project / "corpus" / "infusion-treatments.txt").unlink()
    _fails_and_keeps(project, previous, "no documents (.txt) in the corpus")


def test_broken_turtle_names_file_and_line(project: Path, previous: tuple[Path, bytes]) -> None:
    path = project / "ontology" / "entities.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[30] = lines[30] + " this is not turtle"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fails_and_keeps(project, previous, "entities.ttl:", "Turtle syntax error")


def test_inconsistent_ontology_names_the_classes(project: Path, previous: tuple[Path, bytes]) -> None:
    with (project / "ontology" / "mskg.ttl").open("a", encoding="utf-8") as out:
        out.write("\nmskg:Ingredient rdfs:subClassOf mskg:Condition .\n")
    _fails_and_keeps(project, previous, "inconsistent", "https://w3id.org/mskg/ontology#Ingredient")


def test_data_violating_the_shapes_names_the_shape(project: Path, previous: tuple[Path, bytes]) -> None:
    with (project / "ontology" / "shapes" / "mskg-shapes.ttl").open("a", encoding="utf-8") as out:
        out.write(
            "\nshape:RiskFrequency a sh:NodeShape ; sh:targetClass mskg:Risk ;\n"
            "    sh:property [ sh:path mskg:frequency ; sh:minCount 1 ] .\n"
        )
    _fails_and_keeps(project, previous, "SHACL", "violation", "risk/novantrone/nausea")


def test_qc_check_failure_names_the_term(project: Path, previous: tuple[Path, bytes]) -> None:
    with (project / "ontology" / "mskg.ttl").open("a", encoding="utf-8") as out:
        out.write('\nmskg:Undefined a owl:Class ; rdfs:label "undefined"@en .\n')
    _fails_and_keeps(project, previous, "missing-definition-violation.rq", "ontology#Undefined")


def test_ontology_may_not_state_facts(project: Path, previous: tuple[Path, bytes]) -> None:
    with (project / "ontology" / "entities.ttl").open("a", encoding="utf-8") as out:
        out.write("\nid:novantrone mskg:hasActiveIngredient id:mitoxantrone .\n")
    _fails_and_keeps(project, previous, "relation-between-entities-violation.rq")
