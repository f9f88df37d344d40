"""End-to-end runs of the CLI over the example folders in ``tests/examples``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

LIBRARY = "tests/examples/library_plan"
LIBRARY_PLAN = f"{LIBRARY}/plan.yaml"


def _cases(folder: str, pattern: str) -> list[Path]:
    return sorted((EXAMPLES / folder).glob(pattern))


@pytest.mark.parametrize("plan", _cases("bad_plans", "*.yaml"), ids=lambda p: p.stem)
def test_bad_plan_is_refused_with_located_message(
    plan: Path, runner: CliRunner, in_root: Path
) -> None:
    relative = plan.relative_to(in_root).as_posix()
    result = runner.invoke(main, ["targets", "--plan", relative])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == plan.with_suffix(".expected").read_text(encoding="utf-8")
    assert "Traceback" not in result.output


def _bad_data() -> list[Path]:
    return sorted(
        path
        for path in (EXAMPLES / "bad_data").rglob("*")
        if path.suffix in (".csv", ".xlsx", ".xls")
    )


@pytest.mark.parametrize(
    "data", _bad_data(), ids=lambda p: p.relative_to(EXAMPLES / "bad_data").as_posix()
)
def test_bad_data_is_refused_with_located_message(
    data: Path, runner: CliRunner, in_root: Path
) -> None:
    relative = data.relative_to(in_root).as_posix()
    result = runner.invoke(main, ["check", "--plan", LIBRARY_PLAN, relative])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == data.with_suffix(".expected").read_text(encoding="utf-8")


def test_second_plan_table_matches_expected_output(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, ["check", "--plan", LIBRARY_PLAN, f"{LIBRARY}/data/2024.csv"])
    assert result.exit_code == 1  # 南城分馆 has fewer than 5000 books
    expected = (EXAMPLES / "library_plan" / "expected" / "check-2024.txt").read_text(
        encoding="utf-8"
    )
    assert result.stdout == expected


def test_second_plan_json_verdicts(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(
        main, ["check", "--plan", LIBRARY_PLAN, f"{LIBRARY}/data/2024.csv", "--format", "json"]
    )
    assert result.exit_code == 1
    rows = {row["target"]: row for row in json.loads(result.stdout)}
    assert {row["status"] for row in rows.values()} <= {
        "pass",
        "fail",
        "warn",
        "missing",
        "pending",
    }
    members = rows["reading.members"]
    # 120,000 persons = 12 万人; the path from 10 (2022) to 15 (2027) is at 12 in 2024.
    assert (members["actual"], members["expected"], members["status"]) == (12.0, 12.0, "pass")
    budget = rows["reading.budget"]
    # 1,250,000 元 = 125 万元, up from 120 万元 in the sibling 2023.csv.
    assert budget["actual"] == 125.0
    assert budget["numbers"]["previous"] == 120.0
    assert budget["status"] == "pass"
    books = rows["branches.books"]
    assert books["status"] == "fail"
    assert books["misses"] == ["南城分馆 (4,800)"]
    assert rows["branches.open"]["status"] == "pass"
    assert rows["reading.archive"]["actual"] == "yes"
    assert all(
        row["year"] == 2024 and row["dataset"] == f"{LIBRARY}/data/2024.csv"
        for row in rows.values()
    )


def test_earlier_year_is_judged_with_pending_targets(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(
        main, ["check", "--plan", LIBRARY_PLAN, f"{LIBRARY}/data/2023.csv", "--format", "json"]
    )
    rows = {row["target"]: row for row in json.loads(result.stdout)}
    assert result.exit_code == 0
    assert rows["reading.visits"]["status"] == "pending"  # 1.6 < 2, due 2027, no baseline
    assert rows["reading.budget"]["status"] == "missing"  # no 2022 figure to compare with
    assert rows["branches.open"]["status"] == "pending"  # nothing due before 2024


@pytest.mark.parametrize(("fail_on", "code"), [("fail", 0), ("warn", 0), ("missing", 1)])
def test_fail_on_levels(fail_on: str, code: int, runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(
        main, ["check", "--plan", LIBRARY_PLAN, f"{LIBRARY}/data/2023.csv", "--fail-on", fail_on]
    )
    assert result.exit_code == code


def test_long_file_judges_each_year_and_year_selects_one(tmp_path: Path, runner: CliRunner) -> None:
    long = tmp_path / "long.csv"
    long.write_text(
        "year,indicator,value\n2023,budget,100\n2024,budget,90\n2025,budget,95\n", encoding="utf-8"
    )
    plan = str(EXAMPLES / "library_plan" / "plan.yaml")
    result = runner.invoke(main, ["check", "--plan", plan, str(long), "--format", "json"])
    budget = [row for row in json.loads(result.stdout) if row["target"] == "reading.budget"]
    assert [(row["year"], row["status"]) for row in budget] == [
        (2023, "missing"),
        (2024, "fail"),
        (2025, "pass"),
    ]
    assert result.exit_code == 1
    only = runner.invoke(
        main, ["check", "--plan", plan, str(long), "--year", "2025", "--format", "json"]
    )
    assert {row["year"] for row in json.loads(only.stdout)} == {2025}
    assert only.exit_code == 0


def test_year_option_gives_the_year_of_an_unnamed_file(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "submission.csv"
    data.write_text("indicator,value\nvisits_per_capita,2.5\n", encoding="utf-8")
    plan = str(EXAMPLES / "library_plan" / "plan.yaml")
    result = runner.invoke(
        main, ["check", "--plan", plan, str(data), "--year", "2026", "--format", "json"]
    )
    visits = next(row for row in json.loads(result.stdout) if row["target"] == "reading.visits")
    assert (visits["year"], visits["status"]) == (2026, "pass")


def test_year_option_must_match_a_long_file(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "long.csv"
    data.write_text("year,indicator,value\n2023,budget,1\n", encoding="utf-8")
    plan = str(EXAMPLES / "library_plan" / "plan.yaml")
    result = runner.invoke(main, ["check", "--plan", plan, str(data), "--year", "2024"])
    assert result.exit_code == 2
    assert "has no rows for --year 2024 (it has 2023)" in result.stderr


def test_missing_file_and_directory_are_bad_input(tmp_path: Path, runner: CliRunner) -> None:
    plan = str(EXAMPLES / "library_plan" / "plan.yaml")
    missing = runner.invoke(main, ["check", "--plan", plan, str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2
    assert (
        f"{tmp_path / 'nope.csv'}: cannot read the file: No such file or directory"
        in missing.stderr
    )
    folder = runner.invoke(main, ["check", "--plan", plan, str(tmp_path)])
    assert folder.exit_code == 2
    assert "is a folder with no data files (.csv, .xlsx, .xlsm) inside" in folder.stderr


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["check"]).exit_code == 2
    assert runner.invoke(main, ["check", "x.csv", "--fail-on", "sometimes"]).exit_code == 2
    assert runner.invoke(main, ["nonsense"]).exit_code == 2


def test_data_is_never_modified(tmp_path: Path, runner: CliRunner) -> None:
    source = EXAMPLES / "library_plan" / "data"
    for name in ("2023.csv", "2024.csv"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    runner.invoke(
        main,
        [
            "check",
            "--plan",
            str(EXAMPLES / "library_plan" / "plan.yaml"),
            str(tmp_path / "2024.csv"),
        ],
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
