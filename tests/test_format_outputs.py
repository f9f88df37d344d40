"""Exact outputs of every format of check and progress, in both languages where a format has
words, on the illustrative data (tests/examples/formats). After a deliberate change of a
format, regenerate the file with the command in RUNS and read the diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

YEAR = "data/illustrative/2025.csv"
SERIES = "data/illustrative"
RUNS = {
    "check-table-zh.txt": ["check", YEAR, "--format", "table", "--lang", "zh"],
    "check-markdown-en.md": ["check", YEAR, "--format", "markdown", "--lang", "en"],
    "check-markdown-zh.md": ["check", YEAR, "--format", "markdown", "--lang", "zh"],
    "check-csv-en.csv": ["check", YEAR, "--format", "csv", "--lang", "en"],
    "check-csv-zh.csv": ["check", YEAR, "--format", "csv", "--lang", "zh"],
    "check-github.txt": ["check", YEAR, "--format", "github"],
    "check-junit.xml": ["check", YEAR, "--format", "junit"],
    "progress-markdown-en.md": ["progress", SERIES, "--format", "markdown", "--lang", "en"],
    "progress-markdown-zh.md": ["progress", SERIES, "--format", "markdown", "--lang", "zh"],
    "readiness-markdown-zh.md": [
        "readiness", "data/illustrative-county", "--roster", "data/illustrative-county/roster.csv",
        "--format", "markdown", "--lang", "zh",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(RUNS))
def test_the_exact_output(name: str, runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, RUNS[name])
    assert result.exit_code == 1  # the illustrative data fails some targets on purpose
    assert result.stdout_bytes == (EXAMPLES / "formats" / name).read_bytes()
