"""Rows that bureau sheets put around and inside their tables, as a code review found them:
labels with colons or group names, the 栏次 row, a 合计 at the top, a 填报单位 line, a
submission date, a school sheet whose school column is not recognised, and the notes a
refused file still needs."""

from __future__ import annotations

import pytest

from lzplan.errors import DataError

from .test_layout import read, refused, workbook

SCHOOLS = ["城西中学", "齐陵二中", "临淄八中"]


def _teachers(found: object) -> dict[str, float | None]:
    return {o.entity: o.value for o in found.observations}  # type: ignore[attr-defined]


@pytest.mark.parametrize("label", ["合计：", "合 计", "初中小计", "全区合计", "全区平均"])
def test_a_totals_label_with_a_colon_or_a_group_name_is_not_a_school(label: str) -> None:
    rows = "".join(f"{name},1\n" for name in SCHOOLS)
    found = read(f"学校名称,专兼职心理健康教育教师数\n{rows}{label},3\n")
    assert _teachers(found) == dict.fromkeys(SCHOOLS, 1.0)


def test_a_wrong_total_under_a_labelled_row_is_refused() -> None:
    (problem,) = refused("学校名称,专兼职心理健康教育教师数\n城西中学,1\n齐陵二中,1\n合计：,3\n")
    assert (
        "the 合计 row gives 3 for mental_health_teachers but the 2 row(s) it totals sum to 2"
        in problem
    )


def test_the_column_number_row_under_the_header_is_skipped() -> None:
    """Statistical forms number their columns: 甲, 乙, 1, 2 under the header."""
    found = read(
        "序号,学校名称,专兼职心理健康教育教师数,劳动教育课程周课时\n甲,乙,1,2\n1,城西中学,2,1\n"
    )
    assert {(o.indicator, o.entity, o.value) for o in found.observations} == {
        ("mental_health_teachers", "城西中学", 2.0),
        ("labour_education_class_hours", "城西中学", 1.0),
    }


def test_a_total_at_the_top_is_checked_against_the_rows_below_it() -> None:
    data = "学校名称,专兼职心理健康教育教师数\n合计,5\n城西中学,1\n齐陵二中,1\n"
    (problem,) = refused(data)
    assert problem.startswith("2024.csv:2: column '专兼职心理健康教育教师数': the 合计 row gives 5")
    assert "the 2 row(s) it totals sum to 2" in problem
    right = read("学校名称,专兼职心理健康教育教师数\n合计,2\n城西中学,1\n齐陵二中,1\n")
    assert _teachers(right) == {"城西中学": 1.0, "齐陵二中": 1.0}


def test_a_filing_unit_line_with_a_date_leaves_the_title_year() -> None:
    rows: list[list[object]] = [
        ["2024年临淄区教育统计表"],
        ["填报单位（盖章）：临淄区教育和体育局        2025年1月10日"],
        ["指标", "数值"],
        ["幼儿园数", 98],
    ]
    found = read(workbook(rows), "统计表.xlsx")
    assert [o.year for o in found.observations] == [2024]


def test_a_submission_date_in_the_name_is_not_the_year() -> None:
    """学校统计表（2025-01-10报送）.csv: sent in 2025, describing no year it states."""
    (problem,) = refused("指标,数值\n幼儿园数,98\n", "学校统计表（2025-01-10报送）.csv")
    assert "no year" in problem


def test_a_school_sheet_without_a_recognised_school_column_is_an_error() -> None:
    """A workbook sheet of indicator columns is data even when its name column is unusual:
    refused with the fix, never skipped as if it were a cover sheet."""
    rows: list[list[object]] = [["序号", "学校简称", "专兼职心理健康教育教师数"], [1, "城西", 0]]
    data = workbook(rows, title="学校")
    (problem,) = refused(data, "2024.xlsx")
    assert problem == (
        "2024.xlsx[学校]:1: row 1 has indicator columns ('专兼职心理健康教育教师数') but no "
        "school or town column: head it 学校名称 (or 乡镇, 学校标识码, entity)"
    )


def test_a_refused_file_still_says_which_sheets_were_skipped() -> None:
    rows: list[list[object]] = [["指标", "数值"], ["幼儿园数", "abc"]]
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active["A1"] = "临淄区教育统计"
    data_sheet = book.create_sheet("数据")
    for row in rows:
        data_sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(DataError) as caught:
        read(buffer.getvalue(), "2024.xlsx")
    severities = [(p.severity, p.file) for p in caught.value.problems]
    assert severities == [("error", "2024.xlsx[数据]"), ("note", "2024.xlsx[封面]")]


def test_an_unknown_school_is_warned_once_however_many_columns_name_it() -> None:
    data = "学校名称,专兼职心理健康教育教师数,劳动教育课程周课时\n示例小学,1,1\n示例小学校,1,1\n"
    found = read(data)
    warned = [n.message for n in found.notices if n.severity == "warning"]
    assert len(warned) == 2  # one per unknown name, not one per column
    assert all("is not in the roster" in message for message in warned)


def test_a_date_typed_where_a_number_belongs_is_named_a_date() -> None:
    (problem,) = refused("指标,数值\n学前三年毛入园率,2024-06-30\n")
    assert problem.endswith("expected a number, found the date '2024-06-30'")


def test_an_old_xls_renamed_to_xlsx_says_so() -> None:
    (problem,) = refused(b"\xd0\xcf\x11\xe0" + b"\0" * 600, "2024.xlsx")
    assert problem == "2024.xlsx: is an old .xls workbook: save it as .xlsx or CSV"


def test_a_school_code_excel_shortened_says_how_to_mend_it() -> None:
    data = "学校标识码,专兼职心理健康教育教师数\n3.70305E+09,1\n"
    (problem,) = refused(data)
    assert "code '3.70305E+09' was shortened by Excel: format the column as text" in problem


def test_the_unit_line_is_named_when_it_made_a_figure_implausible() -> None:
    rows: list[list[object]] = [
        ["单位：万人"],
        ["学校名称", "专兼职心理健康教育教师数"],
        ["城西中学", 2],
    ]
    (problem,) = refused(workbook(rows), "2024.xlsx")
    assert "the unit 万人 is the table's 单位 line: write this figure's own unit" in problem


def test_a_unit_line_in_the_figure_s_own_unit_is_not_blamed() -> None:
    # 2.5 人 is wrong as a count, but 人 is the count's own unit: no hint to write another
    rows: list[list[object]] = [
        ["单位：人"],
        ["学校名称", "专兼职心理健康教育教师数"],
        ["城西中学", 2.5],
    ]
    (problem,) = refused(workbook(rows), "2024.xlsx")
    assert "not a plausible" in problem or "whole" in problem, problem
    assert "单位 line" not in problem


def test_a_cell_beyond_the_header_of_a_workbook_says_nothing_of_csv_commas() -> None:
    rows: list[list[object]] = [["学校名称", "专兼职心理健康教育教师数"], ["城西中学", 2, "多余"]]
    (problem,) = refused(workbook(rows), "2024.xlsx")
    assert problem.endswith("delete it or give its column a header"), problem
    (in_csv,) = refused("学校名称,专兼职心理健康教育教师数\n城西中学,2,多余\n")
    assert in_csv.endswith("(in a CSV, a name with a comma must be in quotes)"), in_csv


def test_a_unit_line_in_the_figures_own_unit_keeps_the_plain_reading() -> None:
    from lzplan.cells import CellReader
    from lzplan.planfile import load_plan

    teachers = load_plan().indicator("mental_health_teachers")  # in 人
    assert CellReader(teachers, "", "人").fast  # 单位：人 over counts of people
    assert not CellReader(teachers, "", "万人").fast  # 万人 converts: the full reading
