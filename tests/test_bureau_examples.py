"""Bureau-shaped files (title rows, totals, Chinese headers, one row or file per school, GBK)
read end to end: each folder in ``tests/examples/bureau`` holds the files, the command
(``cmd``) and its exact output and exit code (``expected``)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

BUREAU = EXAMPLES / "bureau"


def _cases() -> list[Path]:
    return sorted(path.parent for path in BUREAU.glob("*/cmd"))


def outcome(runner: CliRunner, case: Path) -> str:
    """What the case's command gives, in the form ``expected`` holds."""
    args = shlex.split((case / "cmd").read_text(encoding="utf-8"))
    result = runner.invoke(main, args)
    return f"exit: {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"


@pytest.mark.parametrize("case", _cases(), ids=lambda path: path.name)
def test_bureau_example_gives_the_expected_output(
    case: Path, runner: CliRunner, in_root: Path
) -> None:
    assert outcome(runner, case) == (case / "expected").read_text(encoding="utf-8")


def test_every_case_has_an_expected_output() -> None:
    assert len(_cases()) >= 10
    assert all((case / "expected").is_file() for case in _cases())
