"""District totals summed over the roster's kindergartens (by kind and ownership), and
ratios of totals: county preschool rates from per-kindergarten figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

HERE = EXAMPLES / "criteria" / "kindergartens"
PLAN = HERE / "plan.yaml"
HEADER = "幼儿园名称,在园幼儿数,专任教师数\n"


def run(runner: CliRunner, data: Path, *extra: str) -> tuple[int, dict[str, dict], str]:
    args = ["check", str(data), "--plan", str(PLAN), "--format", "json", *extra]
    result = runner.invoke(main, args)
    rows = json.loads(result.stdout) if result.stdout else []
    return result.exit_code, {row["target"]: row for row in rows}, result.stderr


def test_rates_from_every_kindergartens_figures(runner: CliRunner) -> None:
    # children 300 (公办) + 200 (普惠性民办) + 150 (民办) + 250 (公办) = 900; public or
    # inclusive 750 → 83.3 % ≥ 80. Teachers 20 + 15 + 10 + 16 = 61; 900 / 61 = 14.75 ≤ 15.
    code, results, stderr = run(runner, HERE / "2024.csv")
    coverage = results["preschool.inclusive_coverage"]
    per_teacher = results["preschool.children_per_teacher"]
    assert (code, stderr) == (0, "")
    assert (coverage["status"], coverage["actual"]) == ("pass", pytest.approx(750 / 900 * 100))
    assert (per_teacher["status"], per_teacher["actual"]) == ("pass", pytest.approx(900 / 61))


def test_one_kindergarten_without_its_figure_leaves_the_total_without_a_value(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text(
        HEADER + "甲幼儿园,300,20\n乙幼儿园,200,15\n丙幼儿园,150,10\n丁幼儿园,,16\n", "utf-8"
    )
    code, results, stderr = run(runner, data)
    assert code == 0  # missing, not failed
    assert {row["status"] for row in results.values()} == {"missing"}
    assert (
        "kindergarten_enrolment for 2024 is not summed: 1 without children_enrolled: 丁幼儿园"
        in stderr
    )
    assert (
        "inclusive_children for 2024 is not summed: 1 without children_enrolled: 丁幼儿园" in stderr
    )


def test_without_a_roster_a_total_by_kind_sums_what_is_reported_and_by_ownership_cannot(
    runner: CliRunner, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text("utf-8").replace("roster: roster.csv\n", ""), "utf-8")
    result = runner.invoke(main, ["check", str(HERE / "2024.csv"), "--plan", str(plan)])
    assert result.exit_code == 0  # every_year targets, missing: nothing failed
    # the totals over kinds sum what the data reports, and say so; the one by ownership cannot
    assert (
        "inclusive_children for 2024 is not summed: a roster must say which entities are "
        "公办、普惠性民办" in result.stderr
    )
    assert (
        "kindergarten_enrolment for 2024 sums the 4 entities the data reports; give --roster to "
        "check that no 幼儿园 is missing" in result.stderr
    )
    assert "children_per_teacher" not in result.stderr


def test_a_kindergarten_the_roster_does_not_know_stops_the_total(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "data" / "2024.csv"
    data.parent.mkdir()
    data.write_text((HERE / "2024.csv").read_text("utf-8") + "戊幼儿园,80,6\n", "utf-8")
    # a complete roster refuses the name; an incomplete one cannot say whom to count
    code, _, stderr = run(runner, data)
    assert code == 2 and "'戊幼儿园' is not in the roster" in stderr
    roster = tmp_path / "roster.csv"
    text = (HERE / "roster.csv").read_text("utf-8")
    roster.write_text(text.replace("# complete: yes", "# complete: no"), "utf-8")
    code, results, stderr = run(runner, data, "--roster", str(roster))
    assert results["preschool.children_per_teacher"]["status"] == "missing"
    assert (
        "kindergarten_enrolment for 2024 is not summed: the roster does not know 戊幼儿园, "
        "so it cannot tell whom to count" in stderr
    )


def test_a_given_total_the_kindergartens_contradict_is_warned_and_theirs_used(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text((HERE / "2024.csv").read_text("utf-8"), "utf-8")
    (tmp_path / "county.csv").write_text("指标,数值,年份\n全县在园幼儿数,1000,2024\n", "utf-8")
    code, results, stderr = run(runner, tmp_path)
    assert code == 0
    assert results["preschool.children_per_teacher"]["actual"] == pytest.approx(900 / 61)
    assert "kindergarten_enrolment for 2024 is given as 1,000, but Σ children_enrolled" in stderr


def bad(runner: CliRunner, tmp_path: Path, old: str, new: str) -> str:
    text = PLAN.read_text("utf-8")
    assert old in text
    (tmp_path / "plan.yaml").write_text(text.replace(old, new), "utf-8")
    (tmp_path / "roster.csv").write_bytes((HERE / "roster.csv").read_bytes())
    result = runner.invoke(main, ["targets", "--plan", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    return result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "ownership: [公办, 普惠性民办]",
            "ownership: [公立]",
            "derived.ownership[0]: unknown ownership '公立'",
        ),
        (
            "kinds: [幼儿园]}}\n  - {id: inclusive",
            "kinds: [幼稚园]}}\n  - {id: inclusive",
            "derived.kinds[0]: unknown kinds '幼稚园'",
        ),
        (
            "{sum_of: fulltime_teachers, kinds: [幼儿园]}",
            "{sum_of: county_fulltime_teachers, kinds: [幼儿园]}",
            "derived.sum_of: 'county_fulltime_teachers' must be per-entity, to be summed",
        ),
        (
            "{numerator: kindergarten_enrolment, denominator: county_fulltime_teachers}",
            "{numerator: children_per_teacher, denominator: county_fulltime_teachers}",
            "derived: computed from itself: children_per_teacher → children_per_teacher",
        ),
    ],
)
def test_plan_checks_what_a_total_needs(
    runner: CliRunner, tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert message in bad(runner, tmp_path, old, new)


def test_template_lists_every_kindergarten_of_the_roster(runner: CliRunner) -> None:
    result = runner.invoke(main, ["template", "2024", "--plan", str(PLAN)])
    rows = [line.split(",") for line in result.stdout.splitlines()[1:]]
    assert [(row[0], row[3]) for row in rows[:4]] == [
        ("children_enrolled", name) for name in ("甲幼儿园", "乙幼儿园", "丙幼儿园", "丁幼儿园")
    ]
    assert len(rows) == 8
