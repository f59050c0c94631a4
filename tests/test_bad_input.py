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


def _scanned_pdf() -> bytes:
    """A real PDF whose page has no text layer (as a scan is)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_NAVIGATION_ONLY = b"""<html><head><title>Menu</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/drugs">Drugs</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<footer>Copyright 2026</footer></body></html>"""


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.txt", b"  \n\n", "document is empty"),
        ("binary.txt", b"Tysabri\x00\x01\x02 data", "looks binary (NUL byte at offset 7)"),
        ("latin1.txt", "Title\n\nCaf\u00e9 au lait.".encode("latin-1"), "not valid UTF-8 at line 3, column 4"),
        ("broken.pdf", b"%PDF-1.4", "cannot be read as PDF"),
        ("renamed.pdf", b"Tysabri is given by infusion.", "is not a PDF (it does not start with %PDF)"),
        ("scanned.pdf", None, "has no text layer (scanned pages?)"),
        ("menu.html", _NAVIGATION_ONLY, "no main text found in the page"),
        ("slides.pptx", b"PK\x03\x04", "unsupported document format '.pptx'"),
    ],
)
def test_unreadable_documents(
    project: Path, previous: tuple[Path, bytes], name: str, content: bytes | None, expected: str
) -> None:
    (project / "corpus" / name).write_bytes(_scanned_pdf() if content is None else content)
    message = _fails_and_keeps(project, previous, expected)
    assert name in message


def test_a_document_over_the_size_limit_is_refused_unread(project: Path, previous: tuple[Path, bytes]) -> None:
    big = project / "corpus" / "huge.txt"
    with big.open("wb") as out:  # 50 MB, sparse: the reader must refuse it by its size
        out.truncate(50 * 1024 * 1024)
    _fails_and_keeps(project, previous, "huge.txt", "50.0 MB", "--max-document-size")


def test_keep_going_skips_bad_documents_and_says_so(project: Path) -> None:
    (project / "corpus" / "empty.txt").write_bytes(b"")
    (project / "corpus" / "scanned.pdf").write_bytes(_scanned_pdf())
    store = project / "store"
    result = CliRunner().invoke(
        main,
        ["build", "--source", str(project / "corpus"), "--ontology", str(project / "ontology"), "--store", str(store), "--keep-going"],
    )
    assert result.exit_code == 0, result.output
    assert "Skipped 2 document(s)" in result.output
    assert "empty.txt: document is empty" in result.output and "scanned.pdf: has no text layer" in result.output
    built = {d["file"] for d in __import__("json").loads((store / "build.json").read_text())["documents"]}
    assert "infusion-treatments.txt" in built and "empty.txt" not in built


def test_sources_may_be_files_and_folders(project: Path, tmp_path: Path) -> None:
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "note.md").write_text("# Ocrevus note\n\nOcrevus is given every six months.\n", encoding="utf-8")
    store = project / "store"
    result = CliRunner().invoke(
        main,
        ["build", "-q", "--source", str(project / "corpus" / "tysabri.txt"), "--source", str(extra),
         "--ontology", str(project / "ontology"), "--store", str(store)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (store / "texts").iterdir()) == ["note.txt", "tysabri.txt"]


def test_missing_document() -> None:
    with pytest.raises(DocumentError, match="nowhere.txt: file not found"):
        read_document("nowhere.txt")


def test_corpus_without_documents(project: Path, previous: tuple[Path, bytes]) -> None:
    for path in (project / "corpus").iterdir():
        if path.stem != "README":
            path.unlink()
    _fails_and_keeps(project, previous, "no documents to build from")


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
            "\nshape:NauseaFrequency a sh:NodeShape ; sh:targetNode <https://w3id.org/mskg/id/risk/novantrone/nausea> ;\n"
            "    sh:property [ sh:path mskg:frequency ; sh:minCount 1 ] .\n"
        )
    _fails_and_keeps(project, previous, "SHACL: 1 violation", "risk/novantrone/nausea", "ontology#frequency")


def test_qc_check_failure_names_the_term(project: Path, previous: tuple[Path, bytes]) -> None:
    with (project / "ontology" / "mskg.ttl").open("a", encoding="utf-8") as out:
        out.write('\nmskg:Undefined a owl:Class ; rdfs:label "undefined"@en .\n')
    _fails_and_keeps(project, previous, "missing-definition-violation.rq", "ontology#Undefined")


def test_ontology_may_not_state_facts(project: Path, previous: tuple[Path, bytes]) -> None:
    with (project / "ontology" / "entities.ttl").open("a", encoding="utf-8") as out:
        out.write("\nid:novantrone mskg:hasActiveIngredient id:mitoxantrone .\n")
    _fails_and_keeps(project, previous, "relation-between-entities-violation.rq")
