"""Derived indicators: ratios computed per school from the counts a bureau keeps, a given
ratio its counts contradict warned about, and the plan checks on what a ratio needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

PLAN = """\
id: ratio-plan
title_zh: 比例测试
title_en: Ratio test
issued: "2024-01-01"
period_start: 2021
period_end: 2025
baseline_year: 2020
sections: [{id: s, name_zh: 师资, name_en: Teachers}]
indicators:
  - {id: teachers, name_zh: 专任教师数, name_en: Teachers, unit: 人, per_entity: true}
  - {id: pupils, name_zh: 在校生数, name_en: Pupils, unit: 人, per_entity: true}
  - id: teachers_per_100
    name_zh: 每百名学生拥有专任教师数
    name_en: Teachers per 100 pupils
    unit: 人
    per_entity: true
    derived: {numerator: teachers, denominator: pupils, scale: 100}
targets:
  - id: s.ratio
    section: s
    name_zh: 每百名学生拥有专任教师数
    name_en: Teachers per 100 pupils
    unit: 人
    nature: binding
    nature_note: national criterion
    deadline: 2025
    source: {heading: h, quote: q}
    rule: {kind: each, indicator: teachers_per_100, op: ">=", value: 4.2, entities: [东校, 西校]}
"""


def setup(tmp_path: Path, rows: str, plan: str = PLAN) -> tuple[Path, Path]:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    data = tmp_path / "2025.csv"
    data.write_text("学校名称,指标,数值\n" + rows, encoding="utf-8")
    return tmp_path / "plan.yaml", data


def check_json(runner: CliRunner, plan: Path, data: Path) -> tuple[int, list, str]:
    result = runner.invoke(main, ["check", str(data), "--plan", str(plan), "--format", "json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_ratio_is_computed_per_school_from_counts(runner: CliRunner, tmp_path: Path) -> None:
    # 东校 21 teachers / 500 pupils × 100 = 4.2 (meets); 西校 16 / 400 × 100 = 4.0 (fails)
    plan, data = setup(
        tmp_path, "东校,专任教师数,21\n东校,在校生数,500\n西校,专任教师数,16\n西校,在校生数,400\n"
    )
    code, report, stderr = check_json(runner, plan, data)
    (result,) = report
    assert code == 1
    assert result["status"] == "fail"
    assert result["actual"] == "1/2 meet"
    assert result["misses"] == ["西校 (4)"]
    assert stderr == ""


def test_the_counts_decide_over_a_given_ratio_and_a_contradiction_is_warned(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 西校 gives 4.5 directly, but its counts say 16 / 400 × 100 = 4: the counts win
    rows = (
        "东校,专任教师数,21\n东校,在校生数,500\n"
        "西校,专任教师数,16\n西校,在校生数,400\n西校,每百名学生拥有专任教师数,4.5\n"
    )
    plan, data = setup(tmp_path, rows)
    code, report, stderr = check_json(runner, plan, data)
    assert (code, report[0]["status"], report[0]["misses"]) == (1, "fail", ["西校 (4)"])
    assert stderr == (
        f"warning: {data}:6: teachers_per_100 for 西校 in 2025 is given as 4.5, but teachers 16 "
        "÷ pupils 400 × 100 = 4: the counts are used; check which one is mistyped\n"
    )


def test_a_ratio_given_without_its_counts_stands(runner: CliRunner, tmp_path: Path) -> None:
    rows = "东校,每百名学生拥有专任教师数,4.3\n西校,专任教师数,17\n西校,在校生数,400\n"
    plan, data = setup(tmp_path, rows)
    code, report, stderr = check_json(runner, plan, data)
    assert (code, report[0]["status"], stderr) == (0, "pass", "")


def test_a_blank_given_ratio_is_computed_from_its_counts(runner: CliRunner, tmp_path: Path) -> None:
    # 西校's ratio cell is blank; its counts give 16 / 400 × 100 = 4 < 4.2
    rows = "东校,专任教师数,21\n东校,在校生数,500\n"
    rows += "西校,专任教师数,16\n西校,在校生数,400\n西校,每百名学生拥有专任教师数,\n"
    plan, data = setup(tmp_path, rows)
    code, report, _ = check_json(runner, plan, data)
    assert (code, report[0]["misses"]) == (1, ["西校 (4)"])


UNLISTED = PLAN.replace(", entities: [东校, 西校]", "")


@pytest.mark.parametrize("plan_text", [PLAN, UNLISTED], ids=["listed", "data decides"])
@pytest.mark.parametrize(
    ("pupils", "said"),
    [("0", "pupils is 0 for 西校 in 2025"), ("", "")],
    ids=["zero", "blank"],
)
def test_a_school_whose_ratio_cannot_be_computed_is_named_not_dropped(
    runner: CliRunner, tmp_path: Path, plan_text: str, pupils: str, said: str
) -> None:
    rows = f"东校,专任教师数,21\n东校,在校生数,500\n西校,专任教师数,3\n西校,在校生数,{pupils}\n"
    plan, data = setup(tmp_path, rows, plan_text)
    code, report, stderr = check_json(runner, plan, data)
    (result,) = report
    assert (code, result["status"], result["misses"]) == (0, "missing", ["西校 (no data)"])
    assert said in stderr and stderr.count("warning") == (1 if said else 0)


def test_a_computed_ratio_no_school_could_have_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 22 teachers over 50 pupils (500 mistyped) = 44 per 100, beyond plausible 0–30
    plan_text = PLAN.replace("scale: 100}", "scale: 100}\n    plausible: [0, 30]")
    rows = "东校,专任教师数,22\n东校,在校生数,50\n西校,专任教师数,17\n西校,在校生数,400\n"
    plan, data = setup(tmp_path, rows, plan_text)
    result = runner.invoke(main, ["check", str(data), "--plan", str(plan)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {data}:2: teachers_per_100 for 东校 in 2025 would be teachers 22 ÷ pupils 50 "
        "× 100 = 44, not plausible (expected 0–30): check the two counts for a typing mistake\n"
    )


def test_ratios_that_cannot_be_computed_are_said_by_school_not_by_row(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 西校 (row 2) and 东校 (row 4) both give 0 pupils; the warnings come by school name
    # (东 U+4E1C before 西 U+897F), as they always have, whatever order the rows are in
    rows = "西校,专任教师数,3\n西校,在校生数,0\n东校,专任教师数,2\n东校,在校生数,0\n"
    plan, data = setup(tmp_path, rows, UNLISTED)
    _, _, stderr = check_json(runner, plan, data)
    assert stderr.index("for 东校 in 2025") < stderr.index("for 西校 in 2025")


def test_template_asks_for_the_counts_not_the_ratio(runner: CliRunner, tmp_path: Path) -> None:
    plan, _ = setup(tmp_path, "")
    result = runner.invoke(main, ["template", "2025", "--plan", str(plan)])
    assert result.exit_code == 0
    assert "专任教师数" in result.stdout and "在校生数" in result.stdout
    assert "每百名学生拥有专任教师数" not in result.stdout


def bad(runner: CliRunner, tmp_path: Path, old: str, new: str) -> str:
    (tmp_path / "plan.yaml").write_text(PLAN.replace(old, new), encoding="utf-8")
    result = runner.invoke(main, ["targets", "--plan", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    return result.stderr


TEACHERS_ENTRY = "unit: 人, per_entity: true}\n  - {id: pupils"
PUPILS_ENTRY = "unit: 人, per_entity: true}\n  - id: teachers_per_100"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("denominator: pupils", "denominator: pupil", "denominator: unknown indicator 'pupil'"),
        (
            "numerator: teachers",
            "numerator: teachers_per_100",
            ": computed from itself: teachers_per_100 → teachers_per_100",
        ),
        (
            PUPILS_ENTRY,
            "unit: 人}\n  - id: teachers_per_100",
            "denominator: 'pupils' must be per-entity, as 'teachers_per_100' is",
        ),
        ("scale: 100", "scale: 0", "scale: the scale must be above 0"),
        (
            TEACHERS_ENTRY,
            "unit: 人, per_entity: true, type: flag}\n  - {id: pupils",
            "numerator: 'teachers' is a flag; a ratio needs numbers",
        ),
        (
            "denominator: pupils",
            "denominator: teachers",
            "denominator: a ratio of a figure to itself is always 1",
        ),
    ],
)
def test_plan_checks_what_a_ratio_needs(
    runner: CliRunner, tmp_path: Path, old: str, new: str, message: str
) -> None:
    where = "indicators[2].derived" + ("" if message.startswith(":") else ".")
    assert where + message in bad(runner, tmp_path, old, new)


def test_indicators_list_says_how_a_ratio_is_computed(runner: CliRunner, tmp_path: Path) -> None:
    plan, _ = setup(tmp_path, "")
    result = runner.invoke(main, ["indicators", "--plan", str(plan)])
    assert result.exit_code == 0
    assert "= teachers ÷ pupils × 100" in result.stdout
    assert "3 indicators, 3 used by the plan's targets" in result.stdout


def test_a_misspelt_school_the_rule_lists_is_refused_for_the_counts_too(
    runner: CliRunner, tmp_path: Path
) -> None:
    rows = "东校,专任教师数,21\n东校,在校生数,500\n西校区,专任教师数,17\n西校区,在校生数,400\n"
    plan, data = setup(tmp_path, rows)
    result = runner.invoke(main, ["check", str(data), "--plan", str(plan)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {data}:4: column '学校名称': '西校区' is not named by the plan for teachers; "
        "did you mean '西校'?\n"
        f"error: {data}:5: column '学校名称': '西校区' is not named by the plan for pupils; "
        "did you mean '西校'?\n"
    )
