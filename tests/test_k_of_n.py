"""``k_of_n``: every school meets at least k of n criteria and the rest within a floor,
judged from counts through derived ratios (the national "6 of 7, the 7th at ≥ 85 %")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.dataset import Dataset
from lzplan.model import Criterion, KOfN
from lzplan.observations import Observation
from lzplan.rules import Context, evaluate
from lzplan.rules.criteria import reached

from .conftest import EXAMPLES
from .test_rules import make_plan, make_target

CRITERIA = EXAMPLES / "criteria"


def rule(at_least: int = 2, floor: float = 0.85, **extra: object) -> KOfN:
    criteria = (
        Criterion("ratio", ">=", 4.2),
        Criterion("area", ">=", 7.5),
        Criterion("class_size", "<=", 45.0),
    )
    return KOfN("k_of_n", criteria, at_least, floor, **extra)  # type: ignore[arg-type]


def judge(values: dict[str, tuple[float | None, ...]], year: int = 2025, **extra: object):
    target = make_target(rule(**extra), unit="")
    rows = [
        Observation(indicator, 2025, value, "t.csv", 2, school)
        for school, row in values.items()
        for indicator, value in zip(("ratio", "area", "class_size"), row, strict=True)
    ]
    return evaluate(target, Context(make_plan(target), Dataset("t", rows), year))


def test_reached_is_the_share_of_the_requirement():
    assert reached(Criterion("x", ">=", 7.5), 6.45) == pytest.approx(0.86)
    assert reached(Criterion("x", "<=", 45.0), 50.0) == pytest.approx(0.9)  # 45 / 50


def test_the_missed_criterion_at_86_percent_passes_and_at_84_fails():
    # area 6.45 is 86 % of 7.5 (≥ 85 %); 6.3 is 84 %; both schools meet the other two
    result = judge({"甲": (4.4, 6.45, 40.0), "乙": (4.25, 6.3, 40.0)})
    assert (result.status, result.actual) == ("fail", "1/2 meet")
    assert result.misses == ("乙 (2 of 3 met; area 6.3, needs ≥ 7.5 (reaches 84%))",)
    assert result.numbers == {"entities": 2.0, "meeting": 1.0, "failing": 1.0, "no_data": 0.0}


def test_too_few_met_fails_even_when_each_miss_is_close():
    # ratio 4.0 is 95 % and class size 46 is 98 % of its limit, but only 1 of 3 is met
    result = judge({"丙": (4.0, 8.0, 46.0)})
    assert result.status == "fail"
    assert result.misses == (
        "丙 (1 of 3 met; ratio 4, needs ≥ 4.2 (reaches 95.2%); class_size 46, needs ≤ 45 "
        "(reaches 97.8%))",
    )


def test_exactly_at_the_floor_passes_and_a_hair_below_fails_without_reading_as_85():
    # 3.57 is exactly 85 % of 4.2; 3.5699 is 84.997 %, shown rounded down
    result = judge({"甲": (3.57, 8.0, 40.0), "乙": (3.5699, 8.0, 40.0)})
    assert result.misses == ("乙 (2 of 3 met; ratio 3.57, needs ≥ 4.2 (reaches 84.9%))",)


def test_a_school_that_fails_whatever_its_missing_figure_says_fails():
    # area 1.0 is 13 % of 7.5, below the floor: class size, not given, cannot save it
    result = judge({"甲": (4.4, 8.0, 40.0), "丙": (4.4, 1.0, None)})
    assert (result.status, result.misses) == (
        "fail",
        ("丙 (1 of 3 met; area 1, needs ≥ 7.5 (reaches 13.3%); no data: class_size)",),
    )


def test_a_school_that_could_still_pass_on_its_missing_figure_is_missing():
    result = judge({"甲": (4.4, 8.0, 40.0), "乙": (4.0, 8.0, None)})  # 1 met, 1 close, 1 unknown
    assert (result.status, result.misses) == ("missing", ("乙 (no data: class_size)",))


def test_every_year_fails_before_the_deadline():
    target = make_target(rule(every_year=True), unit="", deadline=2026)
    rows = [
        Observation(name, 2025, value, "t.csv", 2, "乙")
        for name, value in zip(("ratio", "area", "class_size"), (4.25, 6.3, 40.0), strict=True)
    ]
    context = Context(make_plan(target), Dataset("t", rows), 2025)
    assert evaluate(target, context).status == "fail"


def test_without_a_floor_any_miss_within_the_count_passes():
    result = judge({"乙": (4.25, 1.0, 40.0)}, floor=0.0)
    assert (result.status, result.actual) == ("pass", "1/1 meet")


def test_a_school_lacking_one_figure_is_named_with_it():
    result = judge({"甲": (4.4, 8.0, 40.0), "乙": (4.4, None, 40.0)})
    assert (result.status, result.misses) == ("missing", ("乙 (no data: area)",))


def test_before_the_deadline_a_failing_school_is_pending_unless_every_year():
    rows = {"乙": (4.25, 6.3, 40.0)}
    assert judge(rows, year=2023).status == "missing"  # no 2023 data at all
    target = make_target(rule(), unit="", deadline=2026)
    observations = [
        Observation(name, 2025, value, "t.csv", 2, "乙")
        for name, value in zip(("ratio", "area", "class_size"), rows["乙"], strict=True)
    ]
    context = Context(make_plan(target), Dataset("t", observations), 2025)
    assert evaluate(target, context).status == "pending"


def test_schools_listed_in_the_rule_must_all_report():
    result = judge({"甲": (4.4, 8.0, 40.0)}, entities=("甲", "乙"))
    assert (result.status, result.misses) == ("missing", ("乙 (no data: ratio, area, class_size)",))


def test_criteria_example_from_counts(runner: CliRunner, in_root: Path) -> None:
    # 甲 500 pupils: sports 3225 m² → 6.45 m²/pupil, 86 % of 7.5, the rest met → meets.
    # 乙 400 pupils: sports 2520 → 6.3, 84 % → fails. 丙 300 pupils: 12 teachers → 4 per
    # 100 (95 %) and 2 PE/art → 0.67 (74 %): 5 of 7 → fails.
    # CV of sports area per pupil weighted by pupils: X̄ = 8145 / 1200 = 6.7875;
    # Σ (Pᵢ/P)(Xᵢ − X̄)² = 0.04746 + 0.07922 + 0.36754 = 0.49422; S = 0.70301; CV = 0.10357.
    args = ["check", str(CRITERIA / "2025.csv"), "--plan", str(CRITERIA / "plan.yaml")]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 1
    each, cv = json.loads(result.stdout)
    assert (each["status"], each["expected"], each["actual"]) == (
        "fail",
        "6 of 7, the rest at ≥ 85%",
        "1/3 meet",
    )
    assert each["misses"] == [  # in roster order, by the names the bureau's headers use
        "乙小学 (6 of 7 met; 生均体育运动场馆面积 6.3, needs ≥ 7.5 (reaches 84%))",
        "丙小学 (5 of 7 met; 每百名学生拥有高于规定学历教师数 4, needs ≥ 4.2 (reaches 95.2%); "
        "每百名学生拥有体育艺术专任教师数 0.67, needs ≥ 0.9 (reaches 74%))",
    ]
    assert cv["status"] == "pass"
    assert cv["actual"] == pytest.approx(0.10357, abs=5e-6)


def bad_plan(runner: CliRunner, tmp_path: Path, old: str, new: str) -> str:
    text = (CRITERIA / "plan.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "plan.yaml").write_text(text.replace(old, new), encoding="utf-8")
    result = runner.invoke(main, ["targets", "--plan", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    return result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("at_least: 6", "at_least: 8", "targets[0].rule.at_least: at least 8 of 7 criteria"),
        (
            '{indicator: backbone_per_100, op: ">="',
            '{indicator: degree_per_100, op: ">="',
            "targets[0].rule.criteria[1].indicator: 'degree_per_100' is listed twice",
        ),
        (
            'multimedia_per_100, op: ">="',
            'multimedia_per_100, op: "=="',
            "targets[0].rule.criteria[6].op: a criterion needs a direction",
        ),
        (
            "{indicator: sports_area_per_pupil, op",
            "{indicator: sports_area_per_pupi, op",
            "targets[0].rule.criteria[4].indicator: unknown indicator 'sports_area_per_pupi'",
        ),
        ("floor: 0.85", "floor: 85", "targets[0].rule.floor"),
        (
            "stat: cv, op",
            "stat: share, op",
            "targets[1].rule.weight: a weight applies to a mean or a cv, not a share",
        ),
        ("weight: pupils,", "weight: sports_area_per_pupil,", "a value cannot weight itself"),
    ],
)
def test_plan_checks(runner: CliRunner, tmp_path: Path, old: str, new: str, message: str) -> None:
    assert message in bad_plan(runner, tmp_path, old, new)


def test_template_asks_each_count_once_naming_each_target_once(runner: CliRunner) -> None:
    result = runner.invoke(main, ["template", "2025", "--plan", str(CRITERIA / "plan.yaml")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    # one row per 小学 the roster lists (丁中学 is a 初中), for each count behind a ratio
    cells = [line.split(",") for line in lines[1:]]
    assert {row[3] for row in cells} == {"甲小学", "乙小学", "丙小学"}
    assert list(dict.fromkeys(row[0] for row in cells)) == [
        "teachers_above_degree",
        "pupils",
        "backbone_teachers",
        "pe_art_teachers",
        "teaching_aux_area",
        "sports_area",
        "equipment_value",
        "multimedia_classrooms",
    ]
    pupils = [line for line in lines if line.startswith("pupils,")]
    assert len(pupils) == 3
    assert all(",resources.each_school; resources.cv_sports_area," in line for line in pupils)


def test_an_unverified_criterion_says_so_in_targets_check_and_progress(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = (CRITERIA / "plan.yaml").read_text(encoding="utf-8")
    cv_source = "小学均小于或等于0.50, confidence: agreed}"
    assert cv_source in text
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace(cv_source, cv_source.replace("agreed", "unverified")), "utf-8")
    (tmp_path / "roster.csv").write_bytes((CRITERIA / "roster.csv").read_bytes())
    data = str(CRITERIA / "2025.csv")
    for args in (["targets"], ["check", data], ["progress", data]):
        result = runner.invoke(main, [*args, "--plan", str(plan)])
        lines = result.stdout.splitlines()
        at = next(i for i, line in enumerate(lines) if "resources.cv_sports_area" in line)
        assert "unverified 待核实" in lines[at + 1], args
        assert sum("待核实" in line for line in lines) == 1, args
    result = runner.invoke(main, ["check", data, "--plan", str(plan), "--format", "json"])
    each, cv = json.loads(result.stdout)
    assert (each["confidence"], cv["confidence"]) == ("agreed", "unverified")
