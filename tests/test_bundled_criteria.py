"""The bundled national criteria plans: listed by name, every criterion graded by how sure
its sources are, judged on a county's figures, and raised by a province that extends one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.planfile import bundled_plans, load_plan

from .conftest import EXAMPLES

COUNTY = EXAMPLES / "criteria" / "preschool" / "2024.csv"
HENAN = EXAMPLES / "extends" / "henan-preschool.yaml"


def test_plans_lists_the_criteria_beside_linzi(runner: CliRunner) -> None:
    result = runner.invoke(main, ["plans"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["linzi-2021-2025", "preschool-universal"]


@pytest.mark.parametrize("name", ["preschool-universal"])
def test_every_criterion_says_how_sure_its_sources_are(name: str) -> None:
    plan = load_plan(bundled_plans()[name])
    grades = {target.id: target.source.confidence for target in plan.targets}
    assert "" not in grades.values()  # a criterion from secondary sources is always graded
    # the shared notes: ≥ 500 元 per child is "unverified as national"; 配足配齐 "one source"
    assert grades["inclusive.public_funding"] == "unverified"
    assert grades["staffing.fully_staffed"] == "one source"
    assert grades["access.gross_enrolment_rate"] == "agreed"


def judged(runner: CliRunner, plan: str | Path) -> dict[str, dict[str, object]]:
    result = runner.invoke(main, ["check", str(COUNTY), "--plan", str(plan), "--format", "json"])
    assert result.exit_code == 1
    return {row["target"]: row for row in json.loads(result.stdout)}


def test_a_county_judged_on_the_preschool_criteria(runner: CliRunner) -> None:
    results = judged(runner, "preschool-universal")
    failed = sorted(t for t, row in results.items() if row["status"] == "fail")
    # 公办园在园幼儿占比 45 < 50; 20249 children ÷ 1300 full-time teachers = 15.58 > 15
    assert failed == ["inclusive.public_share", "staffing.children_per_teacher"]
    assert results["staffing.children_per_teacher"]["actual"] == pytest.approx(20249 / 1300)
    assert results["access.gross_enrolment_rate"]["status"] == "pass"  # 88.5 ≥ 85
    assert results["inclusive.town_central_kindergartens"]["status"] == "missing"
    assert results["inclusive.public_funding"]["confidence"] == "unverified"


def test_a_province_raising_a_criterion_fails_what_the_nation_passes(runner: CliRunner) -> None:
    results = judged(runner, HENAN)
    gross = results["access.gross_enrolment_rate"]
    assert (gross["status"], gross["expected"], gross["actual"]) == ("fail", 90.0, 88.5)
    assert results["inclusive.coverage"]["status"] == "pass"  # unchanged: inherited


COUNTY_DIR = EXAMPLES / "criteria" / "preschool" / "county"
COUNTY_ROSTER = EXAMPLES / "criteria" / "preschool" / "county-roster.csv"


def test_the_county_rates_computed_from_each_kindergarten(runner: CliRunner) -> None:
    # Six kindergartens (公办 甲 乙 己, 普惠性民办 丙 丁, 民办 戊): children 320 + 280 + 150 +
    # 120 + 130 + 100 = 1100; public 700 → 63.6 %; public or inclusive 970 → 88.2 %;
    # 1100 ÷ 1250 aged 3-5 → 88 %; classes 33 of 37 within the limits → 89.2 %;
    # 1100 children ÷ 70 full-time teachers = 15.7 > 15 fails; 西镇 has no public central one.
    args = ["check", str(COUNTY_DIR), "--plan", "preschool-universal", "--format", "json"]
    result = runner.invoke(main, [*args, "--roster", str(COUNTY_ROSTER)])
    assert result.exit_code == 1
    rows = {row["target"]: row for row in json.loads(result.stdout)}
    actual = {target: row["actual"] for target, row in rows.items()}
    assert actual["inclusive.public_share"] == pytest.approx(700 / 1100 * 100)
    assert actual["inclusive.coverage"] == pytest.approx(970 / 1100 * 100)
    assert actual["access.gross_enrolment_rate"] == pytest.approx(1100 / 1250 * 100)
    assert actual["staffing.class_size"] == pytest.approx(33 / 37 * 100)
    assert actual["staffing.children_per_teacher"] == pytest.approx(1100 / 70)
    failed = sorted(t for t, row in rows.items() if row["status"] == "fail")
    assert failed == ["inclusive.town_central_kindergartens", "staffing.children_per_teacher"]
    assert rows["inclusive.town_central_kindergartens"]["misses"] == ["西镇 (0)"]
    assert result.stderr == ""
