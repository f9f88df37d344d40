"""``lzplan progress`` on the small library plan (2023–2027, baseline 2022), with the
numbers worked out by hand in the comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

PLAN = str(EXAMPLES / "library_plan" / "plan.yaml")


def progress(runner: CliRunner, tmp_path: Path, rows: str, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    data = tmp_path / "long.csv"
    data.write_text("year,indicator,value,entity\n" + rows, encoding="utf-8")
    result = runner.invoke(main, ["progress", "--plan", PLAN, str(data), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, {row["target"]: row for row in json.loads(result.stdout)}


def test_visits_on_course_from_the_first_year_with_data(tmp_path: Path, runner: CliRunner) -> None:
    # no 2022 figure and no plan baseline: the base is the first later year, 2023 (1.6)
    # observed = (1.8 / 1.6)^(1/2) - 1 = 0.060660; required = (2 / 1.6)^(1/4) - 1 = 0.057371
    # ratio = 1.0573 -> substantial progress
    _, rows = progress(
        runner, tmp_path, "2023,visits_per_capita,1.6,\n2025,visits_per_capita,1.8,\n"
    )
    visits = rows["reading.visits"]
    assert visits["status"] == "substantial_progress"
    assert visits["numbers"]["base_from"] == "first year with data"
    assert (visits["numbers"]["base_year"], visits["numbers"]["current_year"]) == (2023, 2025)
    assert visits["numbers"]["ratio"] == pytest.approx(1.0573, abs=1e-4)
    # the missing 2024 in the middle is simply a year without data
    assert [(y["year"], y["status"]) for y in visits["years"]][1:] == [
        (2023, "pending"),
        (2024, "missing"),
        (2025, "pending"),
    ]
    # pace: (2 - 1.8) / 2 = 0.1 a year to 2027; the trend projects 1.8 * 1.060660^2 = 2.025
    assert visits["pace"]["required_per_year"] == pytest.approx(0.1)
    assert visits["pace"]["projected"] == pytest.approx(2.025, abs=1e-3)


def test_a_single_year_of_data_is_not_available(tmp_path: Path, runner: CliRunner) -> None:
    _, rows = progress(runner, tmp_path, "2025,visits_per_capita,1.9,\n")
    assert rows["reading.visits"]["status"] == "not_available"
    assert rows["reading.visits"]["label_zh"] == "数据不足"


def test_the_plan_baseline_stands_in_for_a_missing_base_year(
    tmp_path: Path, runner: CliRunner
) -> None:
    # members: projection 10 (2022) -> 15 万人 by 2027; judged by its tolerance, not a CAGR
    _, rows = progress(runner, tmp_path, "2024,members,12,\n2025,members,16,\n")
    members = rows["reading.members"]
    # the path at 2025 is 10 + 5 * 3/5 = 13: 16 is 23 % off, beyond ±5 % -> limited progress
    assert members["status"] == "limited_progress"
    assert members["rule_for_status"].startswith("substantial_progress within its tolerance")


def test_a_yearly_rule_across_a_gap_is_scaled_and_the_gap_said(
    tmp_path: Path, runner: CliRunner
) -> None:
    # budget must never fall (change >= 0 a year); 2023 -> 2025 with no 2024: -5 over 2 years
    code, rows = progress(runner, tmp_path, "2023,budget,100,\n2025,budget,95,\n")
    budget = rows["reading.budget"]
    assert budget["status"] == "deterioration"
    assert budget["broken"] == ["2025 (change -5 since 2023, 2 years)"]
    assert code == 1  # a year broke a yearly rule
    _, kept = progress(runner, tmp_path, "2023,budget,100,\n2025,budget,101,\n")
    assert (kept["reading.budget"]["status"], kept["reading.budget"]["broken"]) == (
        "substantial_progress",
        [],
    )


def test_milestones_and_checklists(tmp_path: Path, runner: CliRunner) -> None:
    rows_text = (
        "2024,digital_archive,2024-05-01,\n"
        "2024,branch_open,yes,东城分馆\n2024,branch_open,no,西城分馆\n"
    )
    _, rows = progress(runner, tmp_path, rows_text)
    assert rows["reading.archive"]["status"] == "target_achieved"
    # 东城 done by 2024; 西城 due 2025, not yet: needs acceleration, not achieved
    assert rows["branches.open"]["status"] == "moderate_progress"
    _, late = progress(runner, tmp_path, "2025,digital_archive,2025-03-01,\n")
    assert late["reading.archive"]["status"] == "deterioration"  # done late (due 2024)


def test_the_final_evaluation_view_once_a_deadline_has_passed(
    tmp_path: Path, runner: CliRunner
) -> None:
    rows_text = "2024,digital_archive,no,\n2024,branch_open,yes,东城分馆\n"
    code, rows = progress(runner, tmp_path, rows_text)
    archive = rows["reading.archive"]
    assert (archive["final"], archive["status"]) == ("not met", "deterioration")
    assert rows["reading.visits"]["final"] is None  # due 2027, not yet
    assert code == 1
    table = runner.invoke(main, ["progress", "--plan", PLAN, str(tmp_path / "long.csv")])
    assert "final evaluation (deadline reached): 0 met, 1 not met, 0 no data" in table.stdout
    assert "anticipatory (预期性): 0 met, 1 not met, 0 no data" in table.stdout


def test_conflicting_files_are_refused(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "a.csv").write_text("year,indicator,value\n2024,budget,100\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("year,indicator,value\n2024,budget,90\n", encoding="utf-8")
    result = runner.invoke(main, ["progress", "--plan", PLAN, str(tmp_path)])
    assert result.exit_code == 2
    assert "conflict: budget, 2024 is 100" in result.stderr


def test_the_bundled_real_data_is_honestly_mostly_not_available(
    runner: CliRunner, in_root: Path
) -> None:
    result = runner.invoke(main, ["progress", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {row["status"] for row in rows} == {"not_available"}
    enrolment = next(r for r in rows if r["target"] == "preschool.kindergarten_enrolment")
    # the 2020 yearbook figure, 20,249 children, is the baseline itself: on the path, but
    # no year of the plan has a figure to say whether it stayed on course
    assert (enrolment["status"], enrolment["years"][0]["actual"]) == ("not_available", 2.0249)
    assert enrolment["years"][0]["status"] == "pass"


@pytest.mark.parametrize("columns", ["80", "100", "140"])
def test_the_matrix_fits_the_terminal_and_marks_the_mid_term(columns: str, in_root: Path) -> None:
    from lzplan.display import width_of

    result = CliRunner(env={"COLUMNS": columns}).invoke(main, ["progress", "data/illustrative"])
    lines = result.stdout.splitlines()
    assert max(width_of(line) for line in lines) <= int(columns)
    header = next(line for line in lines if line.startswith("┃ Target"))
    assert ("23*" if int(columns) < 120 else "2023*") in header  # narrower: marks only
    assert "preschool.gross_enrolment_rate" in result.stdout  # ids whole, not cut


def test_a_base_year_at_the_deadline_or_a_base_that_met_the_target(
    tmp_path: Path, runner: CliRunner
) -> None:
    from lzplan.progress_measure import with_target

    # data only from the deadline on: no years left to measure a pace over
    assert with_target((2025, 50.0), (2026, 51.0), (2025, 55.0), "increase").status == (
        "not_available"
    )
    # the base met the floor (99.5 >= 99) and the latest figure does not: moved away
    found = with_target((2020, 99.5), (2023, 98.0), (2025, 99.0), "increase")
    assert found.status == "deterioration"


def test_now_before_the_base_year_is_a_usage_error(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "long.csv"
    data.write_text("year,indicator,value\n2023,budget,100\n", encoding="utf-8")
    result = runner.invoke(main, ["progress", "--plan", PLAN, str(data), "--year", "2019"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --year: 2019 is before the plan's base year 2022: name a later year\n"
    )


def test_the_pace_counts_from_the_latest_figure_not_from_now(
    tmp_path: Path, runner: CliRunner
) -> None:
    # visits 1.6 (2023), 1.7 (2024); budget reported for 2025 makes "now" 2025
    rows_text = "2023,visits_per_capita,1.6,\n2024,visits_per_capita,1.7,\n2025,budget,100,\n"
    _, rows = progress(runner, tmp_path, rows_text)
    pace = rows["reading.visits"]["pace"]
    # three years from 2024 to 2027: (2 - 1.7) / 3 = 0.1 a year; trend 1.7 * (1.7/1.6)^3
    assert pace["remaining_years"] == 3
    assert pace["required_per_year"] == pytest.approx(0.1)
    assert pace["projected"] == pytest.approx(1.7 * (1.7 / 1.6) ** 3)


@pytest.mark.parametrize(("fail_on", "code"), [("fail", 0), ("warn", 1), ("missing", 1)])
def test_fail_on_levels_for_progress(
    fail_on: str, code: int, tmp_path: Path, runner: CliRunner
) -> None:
    # visits fell: deterioration (warn and above), no deadline passed (fail passes)
    rows_text = "2023,visits_per_capita,1.8,\n2025,visits_per_capita,1.6,\n"
    result_code, rows = progress(runner, tmp_path, rows_text, "--fail-on", fail_on)
    assert rows["reading.visits"]["status"] == "deterioration"
    assert result_code == code


def test_an_every_year_standard_broken_once_is_deterioration(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    # after-school service must be 100 % every year; 95 in 2022 broke it
    data = tmp_path / "long.csv"
    data.write_text(
        "year,indicator,value\n2021,after_school_service_coverage,100\n"
        "2022,after_school_service_coverage,95\n2023,after_school_service_coverage,100\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["progress", str(data), "--format", "json"])
    assert result.exit_code == 1
    row = next(
        r for r in json.loads(result.stdout) if r["target"] == "compulsory.after_school_service"
    )
    assert (row["status"], row["broken"]) == ("deterioration", ["2022"])


def test_the_csv_carries_each_years_figure_and_verdict(tmp_path: Path, runner: CliRunner) -> None:
    import csv
    import io

    data = tmp_path / "long.csv"
    data.write_text(
        "year,indicator,value\n2023,visits_per_capita,1.6\n2025,visits_per_capita,1.8\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["progress", "--plan", PLAN, str(data), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    visits = next(row for row in rows if row["target"] == "reading.visits")
    assert (visits["value 2023"], visits["verdict 2023"]) == ("1.6", "pending")
    assert (visits["value 2024"], visits["verdict 2024"]) == ("", "missing")
    assert visits["status"] == "substantial_progress"
    assert float(visits["required_per_year"]) == pytest.approx(0.1)
