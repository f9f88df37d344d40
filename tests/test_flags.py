"""A surprising move is flagged beside the verdict and never changes it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lzplan.cli import main


def _check(runner: CliRunner, path: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(main, ["check", str(path), "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def test_a_count_up_48_percent_is_flagged_and_judged_as_before(
    tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "indicator,value,year,unit\n"
        "kindergarten_enrolment,20249,2020,人\n"
        "kindergarten_enrolment,30000,2021,人\n",
        encoding="utf-8",
    )
    code, rows = _check(runner, path, "--year", "2021")
    (row,) = [r for r in rows if r["target"] == "preschool.kindergarten_enrolment"]
    # 30,000 / 20,249 = 1.4816: up 48 %, beyond the 30 % that draws a flag
    assert row["flags"] == [
        "幼儿在园人数 rose 48 % in a year (2.0249 → 3 万人); check the figure and its unit"
    ]
    # the path from 2.02 (2020) to 1.37 (2025) is at 1.89 in 2021: 3 is 59 % off, a warning
    assert (row["status"], code) == ("warn", 0)
    assert row["sources"] == [f"{path}:3"]
    table = runner.invoke(main, ["check", str(path), "--year", "2021"]).stdout
    assert "flag preschool.kindergarten_enrolment: 幼儿在园人数 rose 48 %" in table


def test_a_rate_or_a_small_move_is_not_flagged(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "indicator,value,year\n"
        "kindergarten_enrolment,2.0,2020\n"
        "kindergarten_enrolment,2.5,2021\n"  # up 25 %
        "preschool_gross_enrolment_rate,60,2020\n"
        "preschool_gross_enrolment_rate,99,2021\n",  # up 65 %, but a rate
        encoding="utf-8",
    )
    _, rows = _check(runner, path, "--year", "2021")
    assert all(not row["flags"] for row in rows)


def test_a_rate_that_moves_tenfold_in_a_year_is_flagged_as_a_decimal_slip(
    tmp_path: Path, runner: CliRunner
) -> None:
    """52.6 % → 5.3 % lies within the plausible range, yet rates do not move like that in a
    year: the figure is judged, and flagged beside the verdict, in either language."""
    path = tmp_path / "long.csv"
    path.write_text(
        "indicator,value,year\n"
        "fitness_test_good_rate,52.6,2023\nfitness_test_good_rate,5.3,2024\n"
        "preschool_gross_enrolment_rate,60,2023\npreschool_gross_enrolment_rate,99,2024\n",
        encoding="utf-8",
    )
    _, rows = _check(runner, path, "--year", "2024")
    flagged = {row["target"]: row["flags"] for row in rows if row["flags"]}
    assert flagged == {  # 99 / 60 = 1.65: a real move, not a slip
        "health_pe.fitness_good_rate": [
            "学生体质健康测试优良率 moved from 52.6% → 5.3% in a year: "
            "a misplaced decimal point? check the figure"
        ]
    }
    zh = runner.invoke(main, ["check", str(path), "--year", "2024", "--lang", "zh"]).stdout
    said = "学生体质健康测试优良率一年内由52.6%变为5.3%：小数点位置错了吗？"
    assert said in "".join(zh.split())  # the table wraps the line
