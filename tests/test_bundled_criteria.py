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
    assert names == ["linzi-2021-2025", "preschool-universal", "compulsory-quality-balance"]


@pytest.mark.parametrize("name", ["preschool-universal", "compulsory-quality-balance"])
def test_every_criterion_says_how_sure_its_sources_are(name: str) -> None:
    plan = load_plan(bundled_plans()[name])
    grades = {target.id: target.source.confidence for target in plan.targets}
    assert "" not in grades.values()  # a criterion from secondary sources is always graded
    expected = {  # as the shared notes grade them
        "preschool-universal": {
            "inclusive.public_funding": "unverified",  # "unverified as national"
            "staffing.fully_staffed": "one source",
            "access.gross_enrolment_rate": "agreed",
        },
        "compulsory-quality-balance": {
            "resources.each_primary_school": "agreed",
            "resources.cv_junior_sports_area_per_pupil": "agreed",
            "guarantee.rotation": "one source",  # A2: "one source quoting the original"
            "recognition.survey": "agreed",
        },
    }[name]
    assert {target: grades[target] for target in expected} == expected


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


SCHOOLS = EXAMPLES / "criteria" / "compulsory" / "schools"
SCHOOL_ROSTER = EXAMPLES / "criteria" / "compulsory" / "roster.csv"


def compulsory(runner: CliRunner, data: Path = SCHOOLS) -> tuple[int, dict[str, dict], str]:
    args = ["check", str(data), "--plan", "compulsory-quality-balance", "--format", "json"]
    result = runner.invoke(main, [*args, "--roster", str(SCHOOL_ROSTER)])
    rows = json.loads(result.stdout) if result.stdout else []
    return result.exit_code, {row["target"]: row for row in rows}, result.stderr


def test_a_nine_year_school_is_split_by_stage_and_its_junior_part_judged_as_a_junior(
    runner: CliRunner,
) -> None:
    # 丙学校 (九年一贯制): 400 小学 and 300 初中 pupils, weighted 1 : 1.1 → 400 : 330, so
    # its 小学 part has 400/730 of the shared figures and its 初中 part 330/730. Rooms
    # 3650 m² → 2000 + 1650: 5.0 m² a 小学 pupil (≥ 4.5), 5.5 an 初中 pupil (< 5.8, 94.8 %);
    # grounds 5840 m² → 3200 + 2640: 8.0 (≥ 7.5) and 8.8 (< 10.2, 86.27 %). Its teachers
    # are given per stage. So the 小学 part meets all 7, the 初中 part 5 of 7: it fails.
    code, rows, stderr = compulsory(runner)
    assert (code, stderr) == (1, "")
    primary, junior = rows["resources.each_primary_school"], rows["resources.each_junior_school"]
    assert (primary["status"], primary["actual"]) == ("pass", "2/2 meet")
    assert (junior["status"], junior["actual"]) == ("fail", "1/2 meet")
    assert junior["misses"] == [
        "丙学校 (5 of 7 met; 初中生均教学及辅助用房面积 5.5, needs ≥ 5.8 (reaches 94.8%); "
        "初中生均体育运动场馆面积 8.8, needs ≥ 10.2 (reaches 86.2%))"
    ]
    # 初中 rooms per pupil: 乙初中 6.0 (800 pupils), 丙 5.5 (300); X̄ = 6450 / 1100 = 5.8636;
    # (8/11)(0.1364)² + (3/11)(−0.3636)² = 0.01352 + 0.03606 = 0.04959; S = 0.2227; CV 0.0380
    cv = rows["resources.cv_junior_aux_area_per_pupil"]
    assert (cv["status"], cv["actual"]) == ("pass", pytest.approx(0.03798, abs=5e-5))
    assert cv["numbers"] == {"entities": 2.0, "weight_total": 1100.0}


def test_a_school_of_two_stages_giving_its_teachers_only_as_a_whole_is_not_guessed(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = (SCHOOLS / "2025.csv").read_text("utf-8")
    old = "丙学校,400,300,,18,16,"
    assert old in text
    (tmp_path / "2025.csv").write_text(text.replace(old, "丙学校,400,300,34,,,"), "utf-8")
    _, rows, _ = compulsory(runner, tmp_path / "2025.csv")
    junior = rows["resources.each_junior_school"]
    assert junior["misses"][0].startswith("丙学校 (")
    assert "no data: 初中每百名学生拥有高于规定学历教师数" in junior["misses"][0]


def test_a_school_with_figures_but_no_pupils_of_any_stage_is_named(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = (SCHOOLS / "2025.csv").read_text("utf-8") + "丁学校,,,,,,,,,,,,1000,2000,300000,5\n"
    (tmp_path / "2025.csv").write_text(text, "utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(SCHOOL_ROSTER.read_text("utf-8") + "丁学校,,,小学,,公办,,\n", "utf-8")
    args = ["check", str(tmp_path / "2025.csv"), "--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, [*args, "--roster", str(roster)])
    assert (
        "丁学校 gives figures for 2025 but no pupils of any stage "
        "(pupils_primary、pupils_junior、pupils_senior): it is in no stage's figures"
        in result.stderr
    )
    assert result.stderr.count("丁学校 gives figures") == 1  # once, not once per figure
    assert "丁学校 (no data" in result.stdout  # and the 小学 criteria name it as without data


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "derived: {part_of: sports_area, stage: 小学}",
            "derived: {part_of: sports_area, stage: 中学}",
            "derived.stage: unknown stage '中学'; the plan's stages are ['小学', '初中', '高中']",
        ),
        (
            "{stage: 高中, pupils: pupils_senior,",
            "{stage: 高中, pupils: pupils_high,",
            "stages[2].pupils: unknown indicator 'pupils_high'",
        ),
        (
            "{stage: 高中, pupils: pupils_senior,",
            "{stage: 初中, pupils: pupils_senior,",
            "stages[2].stage: stage '初中' is listed twice",
        ),
        (
            "kinds: [高中, 完全中学",
            "kinds: [高级中学, 完全中学",
            "stages[2].kinds[0]: unknown roster kind '高级中学'",
        ),
    ],
)
def test_plan_checks_what_a_stage_part_needs(
    runner: CliRunner, tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = bundled_plans()["compulsory-quality-balance"].read_text("utf-8")
    assert old in text
    (tmp_path / "plan.yaml").write_text(text.replace(old, new), "utf-8")
    result = runner.invoke(main, ["targets", "--plan", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    assert message in result.stderr


def _county(tmp_path: Path, edit: tuple[str, str] = ("", ""), extra: str = "") -> Path:
    text = (SCHOOLS / "2025.csv").read_text("utf-8")
    assert edit[0] in text
    data = tmp_path / "2025.csv"
    data.write_text(text.replace(*edit) + extra, "utf-8")
    return data


def test_a_complete_secondary_school_without_its_senior_pupils_is_named(
    runner: CliRunner, tmp_path: Path
) -> None:
    # without 高中 pupils all its rooms would count for its 初中: the roster says it teaches both
    data = _county(tmp_path, extra="丁中学,,500,,,40,,,6,,,5,4000,6000,1500000,14\n")
    roster = tmp_path / "roster.csv"
    roster.write_text(SCHOOL_ROSTER.read_text("utf-8") + "丁中学,,,完全中学,,公办,,\n", "utf-8")
    args = ["check", str(data), "--plan", "compulsory-quality-balance", "--roster", str(roster)]
    result = runner.invoke(main, args)
    assert (
        "丁中学 teaches 高中 (a 完全中学 in the roster) but gives no pupils_senior for 2025: its "
        "shared figures are split without that stage; give its pupils" in result.stderr
    )
    template = runner.invoke(main, ["template", "2025", "--plan", "compulsory-quality-balance"])
    assert "pupils_senior,高中在校生数" in template.stdout


def test_equipment_typed_in_wan_yuan_without_its_unit_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 132 (万元) typed for 1,320,000 元: 0.22 元 a pupil is no school's
    data = _county(tmp_path, ("4800,1320000,15", "4800,132,15"))
    code, _, stderr = compulsory(runner, data)
    assert code == 2
    assert "primary_equipment_per_pupil for 甲小学 in 2025 would be" in stderr
    assert "not plausible (expected 50–200,000)" in stderr


def test_a_roster_school_with_blank_pupils_is_named_in_the_stages_cv(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _county(tmp_path, ("甲小学,600,", "甲小学,,"))
    _, rows, _ = compulsory(runner, data)
    cv = rows["resources.cv_primary_aux_area_per_pupil"]
    assert (cv["status"], cv["misses"]) == ("missing", ["甲小学 (no data)"])


def test_a_one_stage_school_giving_its_teachers_whole_and_for_the_stage_differently(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _county(tmp_path, ("甲小学,600,,27,,", "甲小学,600,,27,30,"))
    _, rows, stderr = compulsory(runner, data)
    assert rows["resources.each_primary_school"]["status"] == "pass"  # 30 per 600: 5 ≥ 4.2
    assert (
        "甲小学 teaches only 小学 but gives teachers_above_degree 27 and "
        "teachers_above_degree_primary 30 for 2025: teachers_above_degree_primary is used" in stderr
    )


def test_a_stage_s_figures_given_twice_are_warned_about_in_the_order_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    # one file per school, each with two years: the warnings follow the files and rows as
    # they were read (乙小学.csv before 甲小学.csv), not year by year
    folder = tmp_path / "schools"
    folder.mkdir()
    header = "学校名称,小学在校生数,高于规定学历教师数,小学部高于规定学历教师数,年份\n"
    for name, rows in (
        ("乙小学", "500,20,22,2024\n500,21,23,2025"),
        ("甲小学", "600,30,25,2024\n600,31,26,2025"),
    ):
        text = "".join(f"{name},{row}\n" for row in rows.splitlines())
        (folder / f"{name}.csv").write_text(header + text, "utf-8")
    result = runner.invoke(main, ["check", str(folder), "--plan", "compulsory-quality-balance"])
    said = [line.split(": ")[1] for line in result.stderr.splitlines() if "teaches only" in line]
    assert said == [f"{folder}/{name}.csv:{row}" for name in ("乙小学", "甲小学") for row in (2, 3)]
