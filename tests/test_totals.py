"""Totals rows (合计, 小计, 平均, 全区): never entities; sums checked where they can be."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lzplan.cli import main
from lzplan.datafile import FileRead, ReadOptions, Vocabulary, read_raw
from lzplan.errors import DataError, Problem
from lzplan.model import Indicator
from lzplan.planfile import load_plan, plan_roster
from lzplan.rawfile import RawFile
from lzplan.totals import LABELS, Totals, _label_of, label_of

from .conftest import EXAMPLES

openpyxl = pytest.importorskip("openpyxl")


@functools.cache
def bundled() -> Vocabulary:
    plan = load_plan()
    return Vocabulary(plan, plan_roster(plan, None, None))


def indicator(id_: str) -> Indicator:
    return bundled().plan.indicator(id_)


def read(data: str | bytes, name: str = "2024.csv") -> FileRead:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    vocabulary = bundled()
    options = ReadOptions(roster=vocabulary.roster)
    return read_raw(RawFile(name, raw, Path(name).suffix), vocabulary, options)


def refused(data: str | bytes, name: str = "2024.csv") -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        read(data, name)
    return caught.value.problems


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def seen(found: FileRead) -> list[tuple[str, str, float | None]]:
    return sorted((o.indicator, o.entity, o.value) for o in found.observations)


TEACHERS = "专兼职心理健康教育教师数"  # per school, in 人: adds up
HOURS = "学生每天校内体育锻炼时间"  # per school, 小时/天: an average, does not add up


# --- labels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("合计", "合计"),
        ("合 计", "合计"),
        ("总计", "总计"),
        ("全区", "全区"),
        ("全区合计", "全区合计"),
        ("Total", "total"),
        ("小计", "小计"),
        ("平均", "平均"),
        ("全区平均", "全区平均"),
        ("城西中学", ""),
        ("合计数量说明", ""),
        ("", ""),
    ],
)
def test_label_of(text: str, label: str) -> None:
    assert label_of(text) == label


# --- the Totals class -----------------------------------------------------------------------


def test_a_total_that_adds_up_is_accepted_and_one_that_does_not_says_both_figures() -> None:
    teachers = indicator("mental_health_teachers")
    totals = Totals()
    for value in (2.0, 1.0, 4.0):
        totals.count(teachers, 2024, value)
    assert totals.check(teachers, 2024, "合计", 7.0) == ""
    assert totals.check(teachers, 2024, "合计", 8.0) == (
        "the 合计 row gives 8 for mental_health_teachers but the 3 row(s) it totals sum to 7: "
        "correct the figures or the 合计 row"
    )


def test_subtotals_cover_the_rows_since_the_previous_subtotal_and_totals_cover_all() -> None:
    teachers = indicator("mental_health_teachers")
    totals = Totals()
    totals.count(teachers, 2024, 2.0)
    totals.count(teachers, 2024, 1.0)
    assert totals.check(teachers, 2024, "小计", 3.0) == ""
    totals.count(teachers, 2024, 5.0)
    assert "the 1 row(s) it totals sum to 5" in totals.check(teachers, 2024, "小计", 3.0)
    assert totals.check(teachers, 2024, "合计", 8.0) == ""


def test_sums_are_kept_per_indicator_and_year() -> None:
    teachers = indicator("mental_health_teachers")
    towns = indicator("town_public_central_kindergartens")
    totals = Totals()
    totals.count(teachers, 2024, 2.0)
    totals.count(teachers, 2023, 10.0)
    totals.count(towns, 2024, 1.0)
    assert totals.check(teachers, 2024, "合计", 2.0) == ""
    assert totals.check(teachers, 2023, "合计", 10.0) == ""
    assert totals.check(towns, 2024, "合计", 1.0) == ""


def test_averages_and_rates_are_never_checked() -> None:
    teachers, hours = (
        indicator("mental_health_teachers"),
        indicator("daily_in_school_exercise_hours"),
    )
    totals = Totals()
    for value in (1.0, 2.0):
        totals.count(teachers, 2024, value)
        totals.count(hours, 2024, value)
    assert totals.check(teachers, 2024, "平均", 99.0) == ""
    assert totals.check(teachers, 2024, "全区平均", 99.0) == ""
    assert totals.check(hours, 2024, "合计", 99.0) == ""


def test_an_unknown_sum_is_never_checked() -> None:
    teachers = indicator("mental_health_teachers")
    totals = Totals()
    assert totals.check(teachers, 2024, "合计", 5.0) == ""  # nothing above it
    totals.count(teachers, 2024, 2.0)
    totals.count(teachers, 2024, None)  # a school without a value
    assert totals.check(teachers, 2024, "合计", 99.0) == ""
    assert totals.check(teachers, 2024, "合计", None) == ""


def test_money_is_summed_within_float_noise() -> None:
    money = indicator("education_general_budget_expenditure")  # 万元
    totals = Totals()
    for value in (0.1, 0.2, 182399.99999999997):
        totals.count(money, 2024, value)
    assert totals.check(money, 2024, "合计", 182400.3) == ""
    assert totals.check(money, 2024, "合计", 182401.3) != ""


# --- totals rows in sheets ---------------------------------------------------------------------


def test_a_wide_total_row_that_adds_up_is_checked_and_never_kept() -> None:
    found = read(
        f"学校名称,{TEACHERS},{HOURS}\n城西中学,2,1\n齐陵二中,1,1.5\n合计,3,2.5\n平均,1.5,1.25\n"
    )
    assert seen(found) == [
        ("daily_in_school_exercise_hours", "城西中学", 1.0),
        ("daily_in_school_exercise_hours", "齐陵二中", 1.5),
        ("mental_health_teachers", "城西中学", 2.0),
        ("mental_health_teachers", "齐陵二中", 1.0),
    ]


def test_a_wrong_total_row_is_located_with_both_figures() -> None:
    (problem,) = refused(f"学校名称,{TEACHERS}\n城西中学,2\n齐陵二中,1\n合计,4\n")
    assert (problem.line, problem.column) == (4, TEACHERS)
    assert problem.message == (
        "the 合计 row gives 4 for mental_health_teachers but the 2 row(s) it totals sum to 3: "
        "correct the figures or the 合计 row"
    )


def test_subtotals_in_the_serial_number_column() -> None:
    text = (
        f"序号,学校名称,{TEACHERS}\n"
        "1,城西中学,2\n2,齐陵二中,1\n小计,,3\n"
        "3,临淄八中,1\n4,遄台中学东校区,1\n小计,,3\n"
        "合计,,5\n"
    )
    problems = refused(text)
    assert [(p.line, p.column) for p in problems] == [(7, TEACHERS)]
    assert "the 小计 row gives 3" in problems[0].message
    assert "the 2 row(s) it totals sum to 2" in problems[0].message


def test_an_average_row_and_a_rate_total_are_not_checked() -> None:
    found = read(
        f"学校名称,{TEACHERS},{HOURS}\n城西中学,2,1\n齐陵二中,1,1.5\n平均,7,3.5\n总计,3,3.9\n"
    )
    assert len(found.observations) == 4


def test_a_missing_value_in_the_group_skips_the_check() -> None:
    found = read(f"学校名称,{TEACHERS}\n城西中学,2\n齐陵二中,—\n合计,5\n")
    assert seen(found) == [
        ("mental_health_teachers", "城西中学", 2.0),
        ("mental_health_teachers", "齐陵二中", None),
    ]


def test_a_long_total_for_a_per_school_indicator_is_checked() -> None:
    rows = f"指标,学校,数值\n{TEACHERS},城西中学,2\n{TEACHERS},齐陵二中,1\n{TEACHERS},合计,"
    assert len(read(rows + "3\n").observations) == 2
    (problem,) = refused(rows + "4\n")
    assert (problem.line, problem.column) == (4, "数值")
    assert "the 合计 row gives 4" in problem.message


def test_quanqu_in_the_entity_column_of_a_district_indicator_is_the_district_figure() -> None:
    found = read(
        f"指标,学校,数值\n幼儿园数,全区,98\n毛入园率,全区平均,99.5\n{TEACHERS},城西中学,2\n"
    )
    assert seen(found) == [
        ("kindergartens", "", 98.0),
        ("mental_health_teachers", "城西中学", 2.0),
        ("preschool_gross_enrolment_rate", "", 99.5),
    ]


def test_quanqu_for_a_per_school_indicator_is_a_total_not_a_school() -> None:
    rows = f"指标,学校,数值\n{TEACHERS},城西中学,2\n{TEACHERS},临淄八中,1\n{TEACHERS},全区,"
    found = read(rows + "3\n")
    assert [o.entity for o in found.observations] == ["城西中学", "临淄八中"]
    (problem,) = refused(rows + "2\n")
    assert "the 全区 row gives 2" in problem.message


def test_totals_rows_are_never_entities_on_the_command_line(
    runner: CliRunner, in_root: Path
) -> None:
    case = "tests/examples/bureau/school_workbook/2024年学校统计.xlsx"
    result = runner.invoke(main, ["validate", "--show", case])
    assert result.exit_code == 0, result.output
    assert "合计" not in result.stdout
    assert result.stdout.count("[城西中学]") == 3


TOWNS = ("齐都镇", "皇城镇", "敬仲镇", "朱台镇", "凤凰镇", "金岭回族镇", "金山镇")
TOWN_KINDERGARTENS = "乡镇具有独立法人资格的公办中心幼儿园数"  # plausible: 0–10 per town


def test_a_correct_total_larger_than_one_entitys_range_is_accepted() -> None:
    # regression: the per-town range (0–10) was applied to the 合计 row over 7 towns
    lines = [f"乡镇,{TOWN_KINDERGARTENS}", *(f"{town},2" for town in TOWNS)]
    found = read("\n".join([*lines, f"合计,{2 * len(TOWNS)}"]) + "\n")
    assert len(found.observations) == len(TOWNS)
    (problem,) = refused("\n".join([*lines, f"合计,{2 * len(TOWNS) + 1}"]) + "\n")
    assert problem.message.startswith("the 合计 row gives 15 for town_public_central_kindergartens")


def test_one_entitys_value_is_still_held_to_its_range() -> None:
    (problem,) = refused(f"乡镇,{TOWN_KINDERGARTENS}\n齐都镇,11\n")
    assert problem.line == 2
    assert problem.message.startswith("11 is not a plausible count")


def test_an_empty_last_cell_in_a_workbook_skips_the_check_as_in_csv() -> None:
    # regression: the trimmed cell was not counted, so 合计 was checked against 2 alone
    header = ["学校名称", HOURS, TEACHERS]
    rows: list[list[object]] = [
        header,
        ["城西中学", 1, 2],
        ["齐陵二中", 1, None],
        ["合计", None, 5],
    ]
    text = "\n".join(",".join("" if c is None else str(c) for c in row) for row in rows) + "\n"
    assert len(read(text).observations) == 4  # CSV: the check is skipped
    assert len(read(workbook(rows), "2024.xlsx").observations) == 4


@pytest.mark.parametrize("total_row", ["last", "first"])
def test_a_total_blank_cells_leave_in_doubt_is_a_warning_not_a_silence(total_row: str) -> None:
    # 2 + blank cannot make 5 unless the blank hides 3: named, but not refused
    rows = ["城西中学,2", "齐陵二中,", "合计,5"]
    if total_row == "first":
        rows = rows[-1:] + rows[:-1]
    found = read(f"学校名称,{TEACHERS}\n" + "\n".join(rows) + "\n")
    (warning,) = [n for n in found.notices if n.severity == "warning"]
    assert (warning.line, warning.column) == (4 if total_row == "last" else 2, TEACHERS)
    assert warning.message == (
        "the 合计 row gives 5 for mental_health_teachers but the 1 row(s) with a value sum to 2 "
        "and 1 row(s) are blank: write 0 where a blank means none, and check the figures and "
        "the 合计 row"
    )


def test_a_total_that_blanks_cannot_explain_is_still_only_doubted_and_a_full_one_refused() -> None:
    found = read(f"学校名称,{TEACHERS}\n城西中学,2\n齐陵二中,1\n合计,3\n")
    assert [n for n in found.notices if n.severity == "warning"] == []
    (problem,) = refused(f"学校名称,{TEACHERS}\n城西中学,2\n齐陵二中,1\n合计,4\n")
    assert "the 2 row(s) it totals sum to 3" in problem.message


def test_a_refused_name_adds_no_total_mismatch(runner: CliRunner, tmp_path: Path) -> None:
    # a complete roster refuses the misspelt school; its figures are still in the sum, so
    # the 合计 (which counts it) adds up and is not called wrong
    bureau = EXAMPLES / "bureau"
    data = tmp_path / "2024.csv"
    data.write_text(
        "学校名称,在校生数,心理健康教育教师数\n东城小学,300,1\n南山中学校区,500,2\n合计,800,3\n",
        "utf-8",
    )
    result = runner.invoke(main, ["check", str(data), "--plan", str(bureau / "town_plan.yaml")])
    assert result.exit_code == 2
    assert "'南山中学校区' is not in the roster" in result.stderr
    assert "合计" not in result.stderr


def _town_check(runner: CliRunner, tmp_path: Path, text: str) -> str:
    data = tmp_path / "2024.csv"
    data.write_text(text, "utf-8")
    plan = EXAMPLES / "bureau" / "town_plan.yaml"
    result = runner.invoke(main, ["check", str(data), "--plan", str(plan)])
    assert result.exit_code == 2, result.output
    return result.stderr


def test_a_misspelt_school_and_a_wrong_total_are_both_said_in_one_run(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 南山中学校区 is refused, but its 500 pupils are in the 合计's 900: 300 + 500 = 800
    header = "学校名称,在校生数,心理健康教育教师数\n"
    said = _town_check(
        runner, tmp_path, header + "东城小学,300,1\n南山中学校区,500,2\n合计,900,3\n"
    )
    assert "'南山中学校区' is not in the roster" in said
    assert "the 合计 row gives 900 for" in said and "sum to 800" in said


def test_a_row_without_a_name_is_still_counted_in_the_total(
    runner: CliRunner, tmp_path: Path
) -> None:
    # the nameless row's 500 and 2 make the 合计 add up: only the missing name is said
    header = "学校名称,在校生数,心理健康教育教师数\n"
    said = _town_check(runner, tmp_path, header + "东城小学,300,1\n,500,2\n合计,800,3\n")
    assert "no entity: name the school, town or item" in said
    assert "合计 row" not in said


def test_a_row_with_a_cell_beyond_the_header_leaves_its_sums_unknown(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 南山中学,本部 was typed without quotes: the row is shifted, refused once and named,
    # and the 合计 it belongs to is not also called wrong
    header = "学校名称,在校生数,心理健康教育教师数\n"
    rows = "东城小学,300,1\n南山中学,本部,500,2\n合计,800,3\n"
    said = _town_check(runner, tmp_path, header + rows)
    assert "has 4 cells but the header has 3 columns: column 4 holds '2' under no header" in said
    assert "合计 row" not in said


def test_a_misspelt_school_in_a_long_table_is_still_in_its_total(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 东城小学 300 + 南山中学校区 (refused by the complete roster) 500 = 800, not 900
    rows = "学校名称,指标,数值\n东城小学,pupils,300\n南山中学校区,pupils,500\n合计,pupils,900\n"
    said = _town_check(runner, tmp_path, rows)
    assert "'南山中学校区' is not in the roster" in said
    assert "the 合计 row gives 900 for pupils" in said and "sum to 800" in said


def test_a_subtotal_above_the_rows_of_a_wide_sheet_is_no_crash(
    tmp_path: Path, runner: CliRunner
) -> None:
    # found by the property test: a 小计 first, then a town's row (the sum's group was
    # reset by the 小计 before any whole sum existed)
    data = tmp_path / "2024.csv"
    data.write_text(
        "乡镇,乡镇具有独立法人资格的公办中心幼儿园数,年份\n小计,0,2024\n齐都镇,0,2024\n"
    )
    result = runner.invoke(main, ["check", str(data)])
    assert "internal error" not in result.output
    assert result.exit_code != 2, result.output  # read and judged


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(sorted(LABELS)),
            st.sampled_from(["初中", "学校", "：", ":", " ", "\u3000", "Ｔ", "ＯＴＡＬ", "ﬅ"]),
            st.characters(),
        ),
        max_size=5,
    ).map("".join)
)
def test_the_quick_pass_over_names_misses_no_label(text: str) -> None:
    """label_of passes over most names without folding them: it must say what folding says."""
    assert label_of(text) == _label_of(text)


COMPULSORY_ROSTER = EXAMPLES / "criteria" / "compulsory" / "roster.csv"


@pytest.mark.parametrize(
    ("junior", "severity"),
    [("乙初中", "error"), ("丙学校", "warning")],
    ids=["a 初中's blank is none", "a 九年一贯制's blank is unknown"],
)
def test_a_blank_the_roster_explains_leaves_no_doubt_about_a_total(
    runner: CliRunner, tmp_path: Path, junior: str, severity: str
) -> None:
    # 甲小学 600 + the second school's blank 小学在校生数 ≠ the 合计's 700: the roster says
    # 乙初中 teaches no 小学, so its blank is none and the 合计 is wrong (an error); 丙学校
    # (九年一贯制) teaches 小学, so its blank may be a figure not given (a warning)
    data = tmp_path / "2025.csv"
    data.write_text(
        f"学校名称,小学在校生数,初中在校生数\n甲小学,600,\n{junior},,800\n合计,700,800\n", "utf-8"
    )
    args = ["check", str(data), "--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, [*args, "--roster", str(COMPULSORY_ROSTER)])
    said = [line for line in result.stderr.splitlines() if "the 合计 row gives 700" in line]
    assert len(said) == 1 and said[0].startswith(f"{severity}:"), result.stderr
