"""The bundled data checked against the bundled plan, as the README's first command does."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lzplan.cli import main


def _rows(result_stdout: str) -> dict[tuple[int, str], dict]:  # type: ignore[type-arg]
    return {(row["year"], row["target"]): row for row in json.loads(result_stdout)}


def test_real_data_checks_without_failures(runner: CliRunner, in_root: Path) -> None:
    files = ["data/actuals/2020.csv", "data/actuals/2021.csv", "data/actuals/2023.csv"]
    result = runner.invoke(main, ["check", *files, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    # The yearbook's 20,249 children (written in 人) is the plan's 2.02 万人 baseline.
    enrolment = rows[(2020, "preschool.kindergarten_enrolment")]
    assert (enrolment["status"], enrolment["actual"], enrolment["expected"]) == (
        "pass",
        2.0249,
        2.02,
    )
    statuses = {row["status"] for row in rows.values()}
    assert statuses <= {"pass", "missing", "pending"}
    # Shares published by count of kindergartens never stand in for the plan's share of children.
    assert rows[(2021, "preschool.public_enrolment_share")]["status"] == "missing"
    assert rows[(2021, "preschool.inclusive_coverage")]["status"] == "missing"


def test_real_data_table_names_missing_indicators(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, ["check", "data/actuals/2021.csv"])
    assert result.exit_code == 0
    assert "2021: 46 missing · 3 pending (49 targets)" in result.stdout
    text = _unwrapped(result.stdout)
    # the four per-school and per-town rules name the roster's schools and towns instead
    assert "no data for 41 indicator(s): kindergarten_enrolment (幼儿在园人数)," in text
    assert "齐都镇 (no data)" in text


def test_illustrative_year_exercises_every_rule_kind(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, ["check", "data/illustrative/2025.csv", "--format", "json"])
    assert result.exit_code == 1  # it shows failures on purpose
    rows = _rows(result.stdout)
    kinds = {row["kind"] for row in rows.values()}
    assert kinds == {
        "threshold",
        "projection",
        "yearly_change",
        "comparison",
        "each",
        "milestone",
        "checklist",
        "approximate",
    }
    verdicts = {target: row["status"] for (_, target), row in rows.items()}
    assert verdicts["preschool.kindergarten_enrolment"] == "warn"
    assert verdicts["health_pe.fitness_good_rate"] == "fail"
    assert verdicts["compulsory.balanced_accreditation"] == "fail"
    assert verdicts["health_pe.myopia_reduction"] == "pass"  # needs the sibling 2024.csv
    mental = rows[(2025, "health_pe.mental_health_teachers")]
    assert (mental["status"], mental["misses"]) == ("fail", ["示例镇中心小学 (0)"])
    projects = rows[(2025, "facilities.school_projects")]
    assert projects["status"] == "fail"
    assert [miss.split(" ")[0] for miss in projects["misses"]] == ["临淄八中"]
    assert sum(1 for status in verdicts.values() if status == "pass") == 44


def test_bundled_plan_works_from_any_directory(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["targets", "--section", "学前教育", "--format", "json"])
    assert result.exit_code == 0
    targets = json.loads(result.stdout)
    assert {target["section"] for target in targets} == {"preschool"}
    first = targets[0]
    assert first["source"]["quote"]
    assert first["indicators"] == [first["rule"]["indicator"]]


def test_unknown_section_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["targets", "--section", "nursery"])
    assert result.exit_code == 2
    assert "unknown section 'nursery'; known: preschool (学前教育)" in result.stderr


def _unwrapped(text: str) -> str:
    """The notes below a table with their wrapped continuation lines joined again."""
    return text.replace("\n  ", " ")


def test_missing_note_names_only_what_the_file_lacks(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, ["check", "data/actuals/2020.csv"])
    lines = _unwrapped(result.stdout).splitlines()
    note = next(line for line in lines if "no data for" in line)
    # each indicator with its Chinese name: kindergarten_enrolment (幼儿在园人数)
    lacking = [item.split(" (")[0] for item in note.split(": ", 1)[1].split(", ")]
    # 2020.csv gives the number of kindergartens: the supervisor rule lacks only its other side
    assert "kindergartens" not in lacking
    assert "kindergarten_responsible_supervisors" in lacking
    assert "kindergarten_enrolment" not in lacking
