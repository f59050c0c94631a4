"""The command line: help for every command, export, query on the built store, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build.pipeline import BuildReport
from kg.cli import main


@pytest.mark.parametrize("command", ["build", "query", "export", "evaluate"])
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert main.commands[command].help


def test_export_nquads_is_the_dataset(built: tuple[Path, BuildReport], tmp_path: Path) -> None:
    out = tmp_path / "out.nq"
    result = CliRunner().invoke(main, ["export", "--format", "nq", "-o", str(out), "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (built[0] / "dataset.nq").read_bytes()


def test_export_one_graph(built: tuple[Path, BuildReport], tmp_path: Path) -> None:
    out = tmp_path / "facts.nq"
    CliRunner().invoke(main, ["export", "--graph", "facts", "-o", str(out), "--store", str(built[0])])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.endswith("<https://w3id.org/mskg/graph/facts> .") for line in lines)


def test_unknown_export_format(built: tuple[Path, BuildReport]) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "docx", "--store", str(built[0])])
    assert result.exit_code == 2 and "unknown export format 'docx'" in result.output


def test_query_table_and_malformed_query(built: tuple[Path, BuildReport]) -> None:
    runner = CliRunner()
    ok = runner.invoke(
        main, ["query", "SELECT ?d WHERE { ?d mskg:manufacturer id:emd-serono }", "--store", str(built[0])]
    )
    assert ok.exit_code == 0 and "novantrone" in ok.output
    bad = runner.invoke(main, ["query", "SELECT ?d WHERE { ?d ", "--store", str(built[0])])
    assert bad.exit_code == 2 and "malformed query" in bad.output


def test_query_without_a_build(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["query", "ASK {}", "--store", str(tmp_path)])
    assert result.exit_code == 1 and "run `mskg build` first" in result.output
