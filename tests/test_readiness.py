"""``readiness``: the criteria plans on per-school data, what failing schools would take in
raw units, the CV once low schools are raised, and who is outside the scope. Every number
asserted is worked out by hand in the comments."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.check import load
from lzplan.cli import main
from lzplan.datafile import ReadOptions
from lzplan.planfile import find_plan
from lzplan.readiness import PlanReadiness, assess, latest_year

from .conftest import EXAMPLES

COMPULSORY = EXAMPLES / "criteria" / "compulsory"
HEADER = "学校名称,小学在校生数,初中在校生数,高于规定学历教师数,县级以上骨干教师数,体育、艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数,小学最大班额\n"  # noqa: E501
ROSTER = "# complete: yes\nname,aliases,code,kind,town,ownership,from,to\n"


def assessed(folder: Path, roster: Path | None = None) -> PlanReadiness:
    loaded = load(find_plan("compulsory-quality-balance"), roster, [folder], ReadOptions())
    year = latest_year(loaded.datasets)
    assert year is not None
    return assess(loaded.plan, loaded.datasets[0], year)


def county(tmp_path: Path, schools: list[str], kinds: dict[str, str]) -> Path:
    """A folder with a 2025 file of 小学 rows and a roster of ``kinds``."""
    data = tmp_path / "county"
    data.mkdir()
    (data / "2025.csv").write_text(HEADER + "".join(row + "\n" for row in schools), "utf-8")
    rows = "".join(f"{name},,,{kind},,公办,,\n" for name, kind in kinds.items())
    (tmp_path / "roster.csv").write_text(ROSTER + rows, "utf-8")
    return data


def test_a_combined_school_s_shared_rooms_are_billed_for_the_whole_school() -> None:
    # 丙学校 (九年一贯制): 400 小学 and 300 初中 pupils, weighted 400 : 330, so its 初中
    # part holds 330/730 of the 3650 m² rooms = 1650 m² = 5.5 m² a pupil. It misses two
    # 初中 criteria: rooms 5.5/5.8 = 94.8 % and grounds 8.8/10.2 = 86.2 %. The one it may
    # miss is the one furthest below (grounds, at ≥ 85 % already); rooms must reach 5.8:
    # 5.8 × 300 − 1650 = 90 m² more for the part, which is 90 ÷ (330/730) = 199.09 m² of
    # the whole school's, rounded up to 199.1.
    result = assessed(COMPULSORY / "schools", COMPULSORY / "roster.csv")
    billed = [need for need in result.needs if need.add is not None]
    assert [(n.entity, n.indicator, n.add, n.add_indicator) for n in billed] == [
        ("丙学校", "junior_aux_area_per_pupil", 199.1, "teaching_aux_area")
    ]
    assert [(c.indicator, c.amount, c.unit) for c in result.bill] == [
        ("teaching_aux_area", 199.1, "m²")
    ]
    assert result.verdict == "fail"


def test_a_criterion_below_the_floor_is_raised_to_the_floor_only(tmp_path: Path) -> None:
    # 甲: 1000 pupils; everything met but degree teachers, 30 per 1000 = 3.0 per 100,
    # 71.4 % of 4.2: below the 85 % floor. It may miss one criterion, so it needs only
    # the floor: 0.85 × 4.2 = 3.57 per 100 → 35.7 teachers → 6 more (35.7 − 30, rounded up).
    # Its largest class (40) is within 45.
    folder = county(
        tmp_path,
        ["甲小学,1000,,30,10,9,4500,7500,2000000,23,40"],
        {"甲小学": "小学"},
    )
    result = assessed(folder, tmp_path / "roster.csv")
    (need,) = [n for n in result.needs if n.target == "resources.each_primary_school"]
    assert (need.value, need.raise_to, need.add, need.add_indicator) == (
        3.0,
        pytest.approx(3.57),
        6.0,
        "teachers_above_degree",
    )


def test_a_school_over_the_size_limit_is_named_with_its_excess(tmp_path: Path) -> None:
    folder = county(
        tmp_path,
        ["大小学,2150,,100,22,20,10000,17000,4400000,50,44"],
        {"大小学": "小学"},
    )
    result = assessed(folder, tmp_path / "roster.csv")
    (need,) = [n for n in result.needs if n.target == "guarantee.school_size"]
    assert (need.entity, need.value, need.required, need.add) == ("大小学", 2150, 2000, None)


def test_a_cv_over_its_limit_after_raising_the_low_schools_and_who_moves_it(
    tmp_path: Path,
) -> None:
    # Sports ground per pupil of four 小学 of 100 pupils: 2, 10, 10, 20 m². Equal weights:
    # mean 10.5; squared deviations 72.25, 0.25, 0.25, 90.25 → variance 40.75, S = 6.3836,
    # CV = 0.6080 > 0.50. Raising 甲 (2) to the 7.5 requirement: 7.5, 10, 10, 20, mean
    # 11.875, variance (19.1406 + 3.5156 + 3.5156 + 66.0156) / 4 = 23.0469, CV = 0.4043.
    # Then 丁校 (20) brought to that mean: 7.5, 10, 10, 11.875, mean 9.84375, variance
    # (5.4932 + 0.0244 + 0.0244 + 4.1260) / 4 = 2.4170, CV = 0.1579: it moves it most.
    rows = [
        f"{name},100,,5,1,1,500,{area},250000,3,40"
        for name, area in (("甲校", 200), ("乙校", 1000), ("丙校", 1000), ("丁校", 2000))
    ]
    folder = county(tmp_path, rows, dict.fromkeys(("甲校", "乙校", "丙校", "丁校"), "小学"))
    result = assessed(folder, tmp_path / "roster.csv")
    (eased,) = result.reliefs
    assert eased.target == "resources.cv_primary_sports_area_per_pupil"
    assert eased.cv == pytest.approx(0.6080, abs=1e-4)
    assert (eased.requirement, eased.raised) == (7.5, ("甲校",))
    assert eased.cv_after == pytest.approx(0.4043, abs=1e-4)
    assert eased.moves[0].entity == "丁校"
    assert eased.moves[0].cv_after == pytest.approx(0.1579, abs=1e-4)


def test_a_teaching_point_under_50_pupils_is_excluded_and_listed(tmp_path: Path) -> None:
    # 小教学点 (30 pupils) is outside the scope: listed, and judged by no rule (its
    # figures would fail every criterion); 大教学点 (60) is judged as a 小学; the
    # special-education school is listed without giving any figure.
    rows = [
        "甲小学,500,,25,6,5,2500,4000,1100000,12,40",
        "小教学点,30,,1,0,0,60,100,20000,0,30",
        "大教学点,60,,3,1,1,300,500,130000,2,30",
    ]
    kinds = {
        "甲小学": "小学",
        "小教学点": "教学点",
        "大教学点": "教学点",
        "特教学校": "特殊教育学校",
    }
    result = assessed(county(tmp_path, rows, kinds), tmp_path / "roster.csv")
    assert dict(result.excluded) == {
        "特教学校": "特殊教育学校不在评估范围",
        "小教学点": "不足50人的教学点不在评估范围 (30 pupils)",
    }
    assert not [n for n in result.needs if n.entity == "小教学点"]
    each = next(r for r in result.results if r.target == "resources.each_primary_school")
    assert each.numbers["entities"] == 2  # 甲小学 and 大教学点
    assert "小教学点" in each.detail and "excluded" in each.detail
    # 大教学点: 3 degree teachers per 60 pupils = 5 per 100; multimedia 2 per 60 = 3.33:
    # it is judged, and meets the criteria like 甲小学.
    assert each.status == "pass"


def test_the_command_exits_1_on_a_failing_criterion_and_writes_the_problem_list(
    runner: CliRunner, in_root: Path
) -> None:
    args = ["readiness", str(COMPULSORY / "schools"), "--roster", str(COMPULSORY / "roster.csv")]
    table = runner.invoke(main, args)
    assert table.exit_code == 1, table.output
    assert "would NOT pass" in table.output
    assert "+199.1 m²" in table.output
    assert "not used" not in table.stderr  # the other criteria plan's columns are expected
    listed = runner.invoke(main, [*args, "--format", "csv"])
    lines = listed.stdout_bytes.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "学校,学校标识码,乡镇（街道）,评估标准,问题,指标,现值,要求,需达到,需增加,增加项目,单位,"
        "需填报,依据"
    )
    assert any(
        line.startswith("丙学校,") and ",未达标,初中生均教学及辅助用房面积,5.5," in line
        for line in lines
    )
    # a blank cell is named as the figure to fill in, not as the ratio it would make
    blank = ",缺数据,每12个班级音乐专用教室数,,≥ 1,,,,,音乐专用教室数，教学班数,"
    assert any(line.startswith("甲小学,,,") and blank in line for line in lines)
    data = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)
    assert [item["plan"] for item in data] == ["compulsory-quality-balance", "preschool-universal"]
    assert data[0]["verdict"] == "fail"
    assert data[0]["bill"] == [
        {
            "indicator": "teaching_aux_area",
            "name_zh": "教学及辅助用房面积",
            "unit": "m²",
            "amount": 199.1,
        }
    ]
    need = next(n for n in data[0]["needs"] if n["add"] is not None)
    assert need["problem"] == "below_requirement"


def test_the_workbook_holds_every_view(runner: CliRunner, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "readiness.xlsx"
    args = ["readiness", str(COMPULSORY / "schools"), "--roster", str(COMPULSORY / "roster.csv")]
    result = runner.invoke(main, [*args, "--format", "xlsx", "--output", str(out)])
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["总览", "问题清单", "缺口合计", "差异系数", "不在评估范围"]
    bill = list(book["缺口合计"].iter_rows(values_only=True))
    assert bill[1][1:4] == ("教学及辅助用房面积", 199.1, "m²")
    assert book["问题清单"].freeze_panes == "A2"
    no_file = runner.invoke(main, [*args, "--format", "xlsx"])
    assert no_file.exit_code == 2 and "--output" in no_file.output


def test_check_notes_beside_a_milestone_what_the_criteria_find(
    runner: CliRunner, in_root: Path
) -> None:
    # The Linzi plan's 2025 milestone, judged on a dataset that also holds per-school
    # figures: its note is the compulsory criteria's verdict on them, which fails (丙学校).
    args = ["check", "data/illustrative/2025.csv", str(COMPULSORY / "schools"), "--format", "json"]
    rows = json.loads(runner.invoke(main, args).stdout)
    (milestone,) = [r for r in rows if r["target"] == "compulsory.balanced_accreditation"]
    (note,) = milestone["notes"]
    assert "would NOT pass" in note and "resources.each_junior_school" in note
    (other,) = [r for r in rows if r["target"] == "preschool.national_accreditation"]
    assert other["notes"] == [
        "decided by the national criteria (preschool-universal): `lzplan readiness` judges "
        "them on per-school data"
    ]
    assert milestone["status"] == "fail"  # the note never changes the verdict


def test_a_milestone_naming_an_unknown_criteria_plan_is_refused(
    runner: CliRunner, tmp_path: Path, in_root: Path
) -> None:
    text = (in_root / "data" / "plan.yaml").read_text("utf-8")
    broken = text.replace("criteria: compulsory-quality-balance", "criteria: compulsory-balance")
    (tmp_path / "plan.yaml").write_text(broken, "utf-8")
    result = runner.invoke(main, ["targets", "--plan", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    assert "unknown criteria plan 'compulsory-balance'" in result.output


@pytest.mark.parametrize(
    ("answer", "status"),
    [("是", "pass"), ("2024-03-01", "pass"), ("否", "fail")],
)
def test_a_yes_no_criterion_is_decided_by_the_year_judged(
    tmp_path: Path, answer: str, status: str
) -> None:
    # A yearly condition, not a deadline: a yes dated 2024 is no "late" fulfilment of the
    # criteria's 2017, and a no in 2025 fails whatever an earlier year said.
    (tmp_path / "2025.csv").write_text(
        f"指标,数值\n不足100名学生的学校按100名学生核定公用经费,{answer}\n", "utf-8"
    )
    loaded = load(find_plan("compulsory-quality-balance"), None, [tmp_path], ReadOptions())
    result = assess(loaded.plan, loaded.datasets[0], 2025)
    (small,) = [r for r in result.results if r.target == "guarantee.small_schools"]
    assert small.status == status


def test_the_roster_kept_in_the_county_folder_is_not_read_as_data(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder = county(tmp_path, ["甲小学,500,,25,6,5,2500,4000,1100000,12,40"], {"甲小学": "小学"})
    (tmp_path / "roster.csv").rename(folder / "roster.csv")
    args = ["validate", str(folder), "--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, [*args, "--roster", str(folder / "roster.csv")])
    assert result.exit_code == 0, result.output
    assert "roster.csv" not in result.output


def test_a_header_with_its_unit_is_the_other_plans_column_not_an_unknown_one(
    tmp_path: Path, runner: CliRunner
) -> None:
    # readiness reads the same file under both criteria plans: under the preschool plan
    # 小学在校生数（人） is the compulsory plan's column, set aside like 小学在校生数.
    (tmp_path / "2025.csv").write_text(
        "学校名称,小学在校生数（人）,高于规定学历教师数（人）\n甲小学,600,27\n", "utf-8"
    )
    result = runner.invoke(main, ["readiness", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (primary,) = [
        r for r in json.loads(result.stdout)[0]["results"]
        if r["target"] == "resources.each_primary_school"
    ]  # fmt: skip
    assert primary["status"] == "missing"  # read: the school is judged, lacking the rest


def test_the_district_plan_sets_aside_a_per_kindergarten_sheet(
    tmp_path: Path, runner: CliRunner
) -> None:
    # 在园幼儿数 is the Linzi plan's district total but each kindergarten's figure in the
    # preschool criteria: a sheet with one row per kindergarten is the criteria's data.
    (tmp_path / "幼儿园-2025.csv").write_text(
        "幼儿园名称,在园幼儿数,专任教师数\n甲幼儿园,320,22\n", "utf-8"
    )
    (tmp_path / "全区-2025.csv").write_text("指标,数值\n学前三年毛入园率,98\n", "utf-8")
    result = runner.invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output  # judged, not refused
    assert (
        "children_enrolled" in result.stderr and "preschool-universal" in result.stderr
    )  # one note: not used by this plan


def test_a_name_the_roster_does_not_know_is_judged_where_it_gives_figures(
    tmp_path: Path,
) -> None:
    # Under an incomplete roster 河口中心小学 (a typo) is warned about and judged as what
    # its figures say — a 小学 — not named as lacking every 初中 figure it left blank.
    folder = county(
        tmp_path,
        [
            "甲小学,500,,25,6,5,2500,4000,1100000,12,40",
            "河口中心小学,500,,25,6,5,2500,4000,1100000,12,40",
        ],
        {"甲小学": "小学"},
    )
    roster = tmp_path / "roster.csv"
    roster.write_text(roster.read_text("utf-8").replace("# complete: yes", "# complete: no"))
    (folder / "2025.csv").write_text(
        (folder / "2025.csv")
        .read_text("utf-8")
        .replace(",小学最大班额", ",小学最大班额,初中最大班额")
        .replace(",40\n", ",40,\n"),
        "utf-8",
    )
    result = assessed(folder, roster)
    junior = next(r for r in result.results if r.target == "guarantee.class_size_junior")
    assert "河口中心小学" not in " ".join(junior.misses)
    primary = next(r for r in result.results if r.target == "resources.each_primary_school")
    assert primary.numbers["entities"] == 2


def test_a_file_with_a_wrong_name_also_hears_of_a_figure_no_school_could_have(
    tmp_path: Path, runner: CliRunner
) -> None:
    # One run names both mistakes: the school the roster does not know, and equipment
    # typed in 万元 (132 for 1,320,000 元: 0.22 元 a pupil), found only when derived.
    folder = county(tmp_path, [], {"甲小学": "小学", "乙小学": "小学"})
    (folder / "2025.csv").write_text(
        "学校名称,小学在校生数,教学仪器设备值\n甲小学,600,132\n乙校,500,1000000\n", "utf-8"
    )
    args = ["validate", str(folder), "--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, [*args, "--roster", str(tmp_path / "roster.csv")])
    assert result.exit_code == 2
    assert "'乙校' is not in the roster" in result.stderr
    assert "primary_equipment_per_pupil for 甲小学 in 2025 would be" in result.stderr


def test_a_cv_lacking_a_school_shows_its_partial_value_without_a_gap(tmp_path: Path) -> None:
    # 丙校 gives its grounds but no pupils: the CV over the other two is shown, with no gap
    # that would read as a verdict.
    rows = [
        "甲校,100,,5,1,1,500,1000,250000,3,40",
        "乙校,100,,5,1,1,500,1200,250000,3,40",
        "丙校,,,5,1,1,500,900,250000,3,40",
    ]
    folder = county(tmp_path, rows, dict.fromkeys(("甲校", "乙校", "丙校"), "小学"))
    result = assessed(folder, tmp_path / "roster.csv")
    cv = next(r for r in result.results if r.target == "resources.cv_primary_sports_area_per_pupil")
    assert cv.status == "missing"
    assert cv.actual == pytest.approx(1 / 11, abs=1e-6)  # 10 and 12 m²: S 1, mean 11
    assert cv.gap is None


def test_check_says_when_the_criteria_cannot_read_the_school_figures(
    runner: CliRunner, tmp_path: Path, in_root: Path
) -> None:
    # Equipment typed in 万元 makes a per-pupil figure no school could have: a problem of
    # the criteria's data, said beside the milestone, never an internal error.
    folder = tmp_path / "county"
    folder.mkdir()
    (folder / "2025.csv").write_text(
        "学校名称,小学在校生数,教学仪器设备值\n甲小学,600,132\n", "utf-8"
    )
    (folder / "全区-2025.csv").write_text("指标,数值\n学前三年毛入园率,98\n", "utf-8")
    result = runner.invoke(main, ["check", str(folder), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    (milestone,) = [
        r for r in json.loads(result.stdout) if r["target"] == "compulsory.balanced_accreditation"
    ]
    assert milestone["notes"] == [
        "the per-school figures for the national criteria (compulsory-quality-balance) have "
        "1 problem(s): `lzplan readiness` lists them"
    ]


def test_a_number_too_long_to_be_a_figure_is_refused_not_read_as_infinity(
    tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "2025.csv").write_text(f"学校名称,公用经费\n甲小学,{'9' * 400}\n", "utf-8")
    args = ["validate", str(tmp_path), "--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "finite" in result.stderr


def test_each_county_is_judged_at_its_own_latest_year(tmp_path: Path, runner: CliRunner) -> None:
    rows = "学校名称,小学在校生数,高于规定学历教师数\n甲小学,600,27\n"
    for name, year in (("a", 2025), ("b", 2024)):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{year}.csv").write_text(rows, "utf-8")
    args = ["readiness", str(tmp_path / "a"), str(tmp_path / "b"), "--each", "--format", "json"]
    data = json.loads(runner.invoke(main, [*args, "--plan", "compulsory-quality-balance"]).stdout)
    assert [(item["dataset"].rsplit("/", 1)[-1], item["year"]) for item in data] == [
        ("a", 2025), ("b", 2024),
    ]  # fmt: skip


def test_a_combined_school_without_any_of_a_shared_figure_is_billed_by_its_pupils(
    tmp_path: Path,
) -> None:
    # 丙学校 (九年一贯制) has 400 小学 and 300 初中 pupils, weighted 400 : 330, and no
    # multimedia classroom; its other figures are blank, so taken as met, and it may miss
    # this one at 85 %. Its 小学 part needs 0.85 × 2.3 = 1.955 per 100 pupils: 7.82 rooms,
    # which it gets from 400/730 of what the school equips: 7.82 × 730/400 = 14.27 → 15.
    # Its 初中 part needs 0.85 × 2.4 × 3 = 6.12, from 330/730: 13.54 → 14. The school
    # equips 15, once: the larger, not the sum.
    (tmp_path / "2025.csv").write_text(
        "学校名称,小学在校生数,初中在校生数,网络多媒体教室数\n丙学校,400,300,0\n", "utf-8"
    )
    (tmp_path / "roster.csv").write_text(ROSTER + "丙学校,,,九年一贯制,,公办,,\n", "utf-8")
    (tmp_path / "roster.csv").rename(tmp_path.parent / f"{tmp_path.name}-roster.csv")
    result = assessed(tmp_path, tmp_path.parent / f"{tmp_path.name}-roster.csv")
    rooms = {n.indicator: n.add for n in result.needs if n.add_indicator == "multimedia_classrooms"}
    assert rooms == {"primary_multimedia_per_100": 15, "junior_multimedia_per_100": 14}
    bill = {cost.indicator: cost.amount for cost in result.bill}
    assert bill["multimedia_classrooms"] == 15


def test_a_cvs_relief_starts_from_the_cv_of_its_verdict(tmp_path: Path) -> None:
    # 丙校 gives grounds but no pupils: the verdict leaves it out (and names it), and so
    # must the relief, or it would start from another CV than the one judged.
    rows = [
        "甲校,100,,5,1,1,500,200,250000,3,40",
        "乙校,100,,5,1,1,500,2000,250000,3,40",
        "丙校,,,5,1,1,500,900,250000,3,40",
    ]
    folder = county(tmp_path, rows, dict.fromkeys(("甲校", "乙校", "丙校"), "小学"))
    result = assessed(folder, tmp_path / "roster.csv")
    cv = next(r for r in result.results if r.target == "resources.cv_primary_sports_area_per_pupil")
    (eased,) = result.reliefs
    assert cv.status == "fail"
    assert eased.cv == pytest.approx(cv.actual)  # 2 and 20 m²: mean 11, S 9, CV 0.8182
    assert eased.cv == pytest.approx(9 / 11)


def test_a_roster_left_in_the_data_folder_is_skipped_with_a_note(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder = county(tmp_path, ["甲小学,500,,25,6,5,2500,4000,1100000,12,40"], {"甲小学": "小学"})
    (tmp_path / "roster.csv").rename(folder / "学校名单.csv")
    args = ["validate", str(folder), "--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "学校名单.csv: skipped: a roster, not data; give it with --roster" in result.output


def test_the_problem_list_of_several_counties_says_whose_each_row_is(
    tmp_path: Path, runner: CliRunner
) -> None:
    rows = "学校名称,小学在校生数,高于规定学历教师数\n甲小学,600,27\n"
    for name in ("东县", "西县"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "2025.csv").write_text(rows, "utf-8")
    args = ["readiness", str(tmp_path / "东县"), str(tmp_path / "西县"), "--each"]
    result = runner.invoke(main, [*args, "--format", "csv", "--plan", "compulsory-quality-balance"])
    lines = result.stdout_bytes.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("数据集,学校,")
    assert {line.split(",")[0] for line in lines[1:]} == {
        str(tmp_path / "东县"),
        str(tmp_path / "西县"),
    }


def test_a_plan_extending_a_local_plan_finds_that_plans_roster(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a province's base plan (with its roster) and a city's plan extending it, named by a
    # relative path from the folder above
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "roster.csv").write_text(ROSTER + "甲小学,,,小学,,公办,,\n", "utf-8")
    (folder / "base.yaml").write_text(
        "extends: compulsory-quality-balance\nid: base\ntitle_zh: 省\nroster: roster.csv\n", "utf-8"
    )
    (folder / "child.yaml").write_text("extends: base.yaml\nid: child\ntitle_zh: 市\n", "utf-8")
    data = county(tmp_path, ["甲小学,500,,25,6,5,2500,4000,1100000,12,40"], {"甲小学": "小学"})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", str(data), "--plan", "plans/child.yaml"])
    assert result.exit_code == 0, result.output


def test_json_writes_a_number_json_cannot_hold_as_null_and_keeps_the_rest() -> None:
    from lzplan.readiness import Cost
    from lzplan.report_readiness import render_json
    from lzplan.shortfalls import Need

    need = Need("甲小学", "t", "pupils", "学生", ">=", None, math.inf, 7.5)
    assessed = PlanReadiness(
        "p", "标题", "title", "县", 2025, (), (need,), (Cost("x", "某", "人", math.nan),), (), ()
    )
    written = json.loads(render_json([assessed]))
    assert written[0]["verdict"] == "pass"  # no results: nothing failed
    assert written[0]["needs"] == [
        {"entity": "甲小学", "target": "t", "indicator": "pupils", "name_zh": "学生", "op": ">=",
         "value": None, "required": None, "raise_to": 7.5, "add": None, "add_indicator": "",
         "add_name_zh": "", "add_unit": "", "problem": "no_data"}
    ]  # fmt: skip
    assert written[0]["bill"] == [{"indicator": "x", "name_zh": "某", "unit": "人", "amount": None}]
    assert render_json([]) == "[]"
