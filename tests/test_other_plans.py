"""Figures for another bundled plan's indicators are not errors: one note says they were
not used (a district sends one file with figures for several plans)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan import planfile
from lzplan.cli import main

from .conftest import EXAMPLES

LIBRARY = EXAMPLES / "library_plan" / "plan.yaml"


@pytest.fixture
def two_bundled_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled plans, plus the library plan as if it were bundled too."""
    plans = {**planfile.bundled_plans(), "sample-library": LIBRARY}
    monkeypatch.setattr(planfile, "bundled_plans", lambda: plans)


def test_another_plans_indicator_is_noted_not_refused(
    tmp_path: Path, runner: CliRunner, two_bundled_plans: None
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("指标,数值\n幼儿园数,98\nmembers,12\n持证读者,12\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--show", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        f"note: {path}: not used: members, indicators of the bundled plan sample-library\n"
    ) in result.stdout
    assert "2024 幼儿园数 (kindergartens) = 98 所" in result.stdout


def test_another_plans_columns_in_a_wide_table_are_noted(
    tmp_path: Path, runner: CliRunner, two_bundled_plans: None
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text(
        "学校名称,分馆藏书,专兼职心理健康教育教师数\n城西中学,100,1\n", encoding="utf-8"
    )
    result = runner.invoke(main, ["validate", "--show", str(path)])
    assert result.exit_code == 0, result.output
    assert "not used: branch_books, indicators of the bundled plan sample-library" in result.stdout
    assert "[城西中学] = 1 人" in result.stdout


def test_an_indicator_no_bundled_plan_knows_is_still_an_error(
    tmp_path: Path, runner: CliRunner, two_bundled_plans: None
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("指标,数值\nmembrs,12\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "unknown indicator 'membrs'" in result.stderr
