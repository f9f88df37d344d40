"""Exact outputs of every format of check and progress, in both languages where a format has
words, on the illustrative data (tests/examples/formats). After a deliberate change of a
format, regenerate the file with the command in RUNS and read the diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lzplan.cli import main

from .conftest import EXAMPLES

YEAR = "data/illustrative/2025.csv"
SERIES = "data/illustrative"
COUNTY = [
    "readiness",
    "data/illustrative-county",
    "--roster",
    "data/illustrative-county/roster.csv",
]
BAD = "tests/examples/bureau/implausible_values/2024.csv"
RUNS = {
    "check-table-zh.txt": ["check", YEAR, "--format", "table", "--lang", "zh"],
    "check-markdown-en.md": ["check", YEAR, "--format", "markdown", "--lang", "en"],
    "check-markdown-zh.md": ["check", YEAR, "--format", "markdown", "--lang", "zh"],
    "check-csv-en.csv": ["check", YEAR, "--format", "csv", "--lang", "en"],
    "check-csv-zh.csv": ["check", YEAR, "--format", "csv", "--lang", "zh"],
    "check-github.txt": ["check", YEAR, "--format", "github"],
    "check-github-zh.txt": ["check", YEAR, "--format", "github", "--lang", "zh"],
    "check-junit.xml": ["check", YEAR, "--format", "junit"],
    "check-junit-zh.xml": ["check", YEAR, "--format", "junit", "--lang", "zh"],
    "progress-markdown-en.md": ["progress", SERIES, "--format", "markdown", "--lang", "en"],
    "progress-markdown-zh.md": ["progress", SERIES, "--format", "markdown", "--lang", "zh"],
    "progress-csv-en.csv": ["progress", SERIES, "--format", "csv", "--lang", "en"],
    "progress-csv-zh.csv": ["progress", SERIES, "--format", "csv", "--lang", "zh"],
    "progress-github.txt": ["progress", SERIES, "--format", "github"],
    "progress-github-zh.txt": ["progress", SERIES, "--format", "github", "--lang", "zh"],
    "progress-junit.xml": ["progress", SERIES, "--format", "junit"],
    "progress-junit-zh.xml": ["progress", SERIES, "--format", "junit", "--lang", "zh"],
    "readiness-markdown-en.md": [*COUNTY, "--format", "markdown", "--lang", "en"],
    "readiness-markdown-zh.md": [*COUNTY, "--format", "markdown", "--lang", "zh"],
    "validate-text-en.txt": ["validate", BAD, "--format", "text", "--lang", "en"],
    "validate-text-zh.txt": ["validate", BAD, "--format", "text", "--lang", "zh"],
    "validate-markdown-en.md": ["validate", BAD, "--format", "markdown", "--lang", "en"],
    "validate-markdown-zh.md": ["validate", BAD, "--format", "markdown", "--lang", "zh"],
    "validate-github.txt": ["validate", BAD, "--format", "github"],
    "validate-junit.xml": ["validate", BAD, "--format", "junit"],
}  # fmt: skip
#: What each run exits with: the illustrative data fails some targets on purpose (1), and
#: the bureau file with typing mistakes is refused (2).
EXIT = {name: 2 if name.startswith("validate") else 1 for name in RUNS}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_the_exact_output(name: str, runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, RUNS[name])
    assert result.exit_code == EXIT[name]
    assert said(name, result) == (EXAMPLES / "formats" / name).read_bytes()


def said(name: str, result: Result) -> bytes:
    """What the run wrote: validate's text report is its messages, on standard error."""
    return result.stderr_bytes if name.startswith("validate-text") else result.stdout_bytes
