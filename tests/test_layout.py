"""Finding the table in a bureau sheet and reading the rows under it.

The header row among title, blank and unit rows; what each column holds (Chinese and
English names, spaces, line breaks, full-width characters, units in headers); long and wide
tables; group headings and footer rows around the data; names, ids and aliases; units
written in cells.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from lzplan import layout
from lzplan.cli import main
from lzplan.datafile import FileRead, ReadOptions, Vocabulary, read_raw
from lzplan.errors import DataError
from lzplan.layout import (
    COLUMN_NAMES,
    HEADER_SEARCH_ROWS,
    IndicatorNames,
    column_of,
    form_of,
    unit_line,
)
from lzplan.model import Plan
from lzplan.planfile import load_plan, plan_roster
from lzplan.rawfile import RawFile

openpyxl = pytest.importorskip("openpyxl")

# A made-up plan with a per-kindergarten count, so that a wide table can carry
# 在园幼儿数（人） (in the bundled plan 在园幼儿数 is a district total).
KINDERGARTEN_PLAN = """\
id: sample-kindergarten-plan
title_zh: 样例幼儿园规划
title_en: Sample kindergarten plan
issued: "2023-01-01"
period_start: 2023
period_end: 2025
baseline_year: 2022
sections:
  - {id: pre, name_zh: 学前, name_en: Preschool}
indicators:
  - {id: children, name_zh: 在园幼儿数, name_en: Children per kindergarten, unit: 人, per_entity: true, entity_kind: kindergarten}
  - {id: certified_share, name_zh: 持证教师占比, name_en: Certified teachers, unit: "%", per_entity: true, entity_kind: kindergarten}
  - {id: district_children, name_zh: 全区在园幼儿数, name_en: Children in the district, unit: 万人}
targets:
  - id: pre.children
    section: pre
    name_zh: 每园在园幼儿
    name_en: Children in every kindergarten
    unit: 人
    nature: anticipatory
    nature_note: made up
    deadline: 2025
    source: {heading: 一、学前, quote: 每园有幼儿}
    rule: {kind: each, indicator: children, op: ">=", value: 1}
"""  # noqa: E501


@functools.cache
def bundled() -> Vocabulary:
    """The bundled plan and its (incomplete) roster, loaded once, inside a test."""
    plan = load_plan()
    return Vocabulary(plan, plan_roster(plan, None, None))


def kindergarten_plan(tmp_path: Path) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(KINDERGARTEN_PLAN, encoding="utf-8")
    return load_plan(path)


def workbook(rows: list[list[object]], merge: str | None = None, title: str = "Sheet1") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read(
    data: str | bytes,
    name: str = "2024.csv",
    vocabulary: Vocabulary | None = None,
    **options: object,
) -> FileRead:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    suffix = Path(name).suffix
    vocabulary = vocabulary or bundled()
    chosen = ReadOptions(roster=vocabulary.roster, **options)  # type: ignore[arg-type]
    return read_raw(RawFile(name, raw, suffix), vocabulary, chosen)


def refused(data: str | bytes, name: str = "2024.csv", **options: object) -> list[str]:
    """The rendered errors of a file that must be refused (its notes come after them)."""
    with pytest.raises(DataError) as caught:
        read(data, name, **options)
    return [p.render() for p in caught.value.problems if p.severity == "error"]


def seen(found: FileRead) -> list[tuple[str, int, str, float | None]]:
    return sorted((o.indicator, o.year, o.entity, o.value) for o in found.observations)


# --- column roles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("指标", "indicator"),
        ("指 标", "indicator"),
        ("指\u3000标", "indicator"),  # an ideographic space
        ("\ufeff指标", "indicator"),  # a BOM Excel left on the first cell
        ("Indicator", "indicator"),
        ("ｖａｌｕｅ", "value"),  # full-width letters
        ("数　值", "value"),
        ("学校\n名称", "entity"),
        ("学校\r\n名称", "entity"),
        (" 学校名称 ", "entity"),
        ("学校标识码", "code"),
        ("统计年度", "year"),
        ("计量单位", "unit"),
        ("序号", "ignored"),
        ("", "blank"),
        ("  ", "blank"),
        ("remarks", "unknown"),
        ("学校名称（全称）", "unknown"),
    ],
)
def test_header_names_are_compared_without_spaces_breaks_or_width(header: str, role: str) -> None:
    assert column_of(0, header, bundled().names).role == role


@pytest.mark.parametrize(
    ("header", "year"),
    [("2024年", 2024), ("2024", 2024), ("2024年度", 2024), ("２０２３年数据", 2023)],
)
def test_a_year_over_a_column_makes_it_the_value_column_of_that_year(
    header: str, year: int
) -> None:
    column = column_of(3, header, bundled().names)
    assert (column.role, column.year, column.index) == ("value", year, 3)


@pytest.mark.parametrize("header", ["2024年末", "2024年和2023年", "12024"])
def test_other_text_with_a_year_is_not_a_value_column(header: str) -> None:
    assert column_of(0, header, bundled().names).role == "unknown"


def test_indicator_headers_by_id_name_and_alias() -> None:
    names = bundled().names
    for header in ("mental_health_teachers", "专兼职心理健康教育教师数", "心理健康教师数"):
        column = column_of(1, header, names)
        assert (column.role, column.indicator, column.unit) == (
            "indicator_value",
            "mental_health_teachers",
            "",
        )


@pytest.mark.parametrize(
    ("header", "unit"),
    [("在园幼儿数（人）", "人"), ("在园幼儿数(万人)", "万人"), ("在园幼儿数 （人）", "人")],
)
def test_a_unit_in_brackets_after_an_indicator_name(header: str, unit: str) -> None:
    column = column_of(2, header, bundled().names)
    assert (column.role, column.indicator, column.unit) == (
        "indicator_value",
        "kindergarten_enrolment",
        unit,
    )


def test_brackets_after_something_that_is_no_indicator_are_unknown() -> None:
    assert column_of(0, "在园孩子数（人）", bundled().names).role == "unknown"


def test_form_of_a_header() -> None:
    names = IndicatorNames(bundled().plan)

    def form(*headers: str) -> str | None:
        return form_of([column_of(i, text, names) for i, text in enumerate(headers)])

    assert form("指标", "数值") == "long"
    assert form("指标名称", "数值") == "long"
    assert form("学校名称", "专兼职心理健康教育教师数") == "wide"
    assert form("学校标识码", "心理健康教师数") == "wide"
    assert form("学校名称", "备注") is None  # no indicator column
    assert form("专兼职心理健康教育教师数", "数值") is None  # no entity to give it for
    assert form("临淄区2024年统计表") is None


@pytest.mark.parametrize(
    ("cells", "unit"),
    [
        (["单位：人"], "人"),
        (["", "单位: 万元", ""], "万元"),
        (["计量单位：人"], "人"),
        (["金额单位：万元"], "万元"),
        (["面积单位：平方米"], "平方米"),
        (["单位：\u3000万人"], "万人"),
        (["单位：人", "填报日期：2025年1月"], None),  # two cells: not a unit line
        (["单位"], None),
        (["单位名称：临淄区教育局"], None),
        (["临淄区2024年统计表"], None),
    ],
)
def test_unit_line(cells: list[str], unit: str | None) -> None:
    assert unit_line(cells) == unit


# --- where the header is -----------------------------------------------------------------


def test_header_at_row_1() -> None:
    found = read("指标,数值\n幼儿园数,98\n")
    assert seen(found) == [("kindergartens", 2024, "", 98.0)]
    assert found.observations[0].row == 2


def test_header_below_a_merged_title_blank_rows_and_a_unit_line() -> None:
    data = workbook(
        [
            ["临淄区教育事业发展主要指标"],
            [],
            [],
            ["单位：人"],
            ["指标名称", "数值", "备注"],
            ["在园幼儿数", 13500, None],  # 人 → 1.35 万人
            ["毛入园率", 99.2, None],  # a rate: the unit line does not apply
            ["幼儿园责任督学人数", 12, None],  # in 人 already
            ["幼儿园数", 98, None],  # 所: 人 does not convert, so not applied
        ],
        merge="A1:C1",
    )
    found = read(data, "2024.xlsx")
    assert seen(found) == [
        ("kindergarten_enrolment", 2024, "", pytest.approx(1.35)),
        ("kindergarten_responsible_supervisors", 2024, "", 12.0),
        ("kindergartens", 2024, "", 98.0),
        ("preschool_gross_enrolment_rate", 2024, "", 99.2),
    ]
    assert {o.row for o in found.observations} == {6, 7, 8, 9}


def test_a_unit_line_in_wan_ren_converts_persons_and_leaves_rates() -> None:
    found = read("单位：万人\n指标,数值\n在园幼儿数,1.35\n毛入园率,99.2\n", name="2024.csv")
    assert seen(found) == [
        ("kindergarten_enrolment", 2024, "", 1.35),
        ("preschool_gross_enrolment_rate", 2024, "", 99.2),
    ]


def test_a_unit_written_in_the_row_wins_over_the_unit_line() -> None:
    found = read("单位：人\n指标,数值,单位\n在园幼儿数,1.35,万人\n在园幼儿数,13500,\n", "2024.csv")
    # both rows say the same thing (no conflict inside the file's own reading)
    assert [o.value for o in found.observations] == [pytest.approx(1.35), pytest.approx(1.35)]


def test_header_with_spaces_breaks_and_full_width_characters_in_a_workbook() -> None:
    data = workbook(
        [
            ["序 号", "学校\n名称", "专兼职心理健康教育教师数", "劳动教育课程周课时"],
            [1, "城西中学", 2, 1.5],
        ]
    )
    assert seen(read(data, "2024.xlsx")) == [
        ("labour_education_class_hours", 2024, "城西中学", 1.5),
        ("mental_health_teachers", 2024, "城西中学", 2.0),
    ]
    assert seen(read("指 标,数　值\n幼儿园数,98\n")) == [("kindergartens", 2024, "", 98.0)]


def test_a_unit_in_a_wide_header_converts_and_is_not_applied_to_other_columns(
    tmp_path: Path,
) -> None:
    plan = kindergarten_plan(tmp_path)
    vocabulary = Vocabulary(plan, None)
    # the unit line (万人) is overridden by the header's own unit and never applied to a %
    text = "单位：万人\n幼儿园名称,在园幼儿数（人）,持证教师占比\n一幼,120,90\n二幼,80,95%\n"
    assert seen(read(text, vocabulary=vocabulary)) == [
        ("certified_share", 2024, "一幼", 90.0),
        ("certified_share", 2024, "二幼", 95.0),
        ("children", 2024, "一幼", 120.0),
        ("children", 2024, "二幼", 80.0),
    ]
    text = "幼儿园名称,在园幼儿数(万人)\n一幼,0.012\n"
    assert seen(read(text, vocabulary=vocabulary)) == [
        ("children", 2024, "一幼", pytest.approx(120.0))
    ]


def test_a_unit_in_a_wide_header_that_does_not_convert_is_refused_once(tmp_path: Path) -> None:
    """Once, at the header, with what to write: not once for every school's row."""
    vocabulary = Vocabulary(kindergarten_plan(tmp_path), None)
    with pytest.raises(DataError) as caught:
        read("幼儿园名称,在园幼儿数（元）\n一幼,120\n二幼,80\n", vocabulary=vocabulary)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (
            1,
            "column '在园幼儿数（元）': unit '元' does not convert to '人': "
            "write （人） or leave the unit out",
        )
    ]


def test_a_cell_unit_contradicting_the_header_unit_is_refused(tmp_path: Path) -> None:
    vocabulary = Vocabulary(kindergarten_plan(tmp_path), None)
    with pytest.raises(DataError) as caught:
        read("幼儿园名称,在园幼儿数（人）\n一幼,1.2万人\n", vocabulary=vocabulary)
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert "'1.2万人' is written in 万人" in problem.message


def test_blank_rows_do_not_count_towards_the_rows_searched() -> None:
    junk = "".join(f"说明{i},x\n,\n\n" for i in range(HEADER_SEARCH_ROWS - 1))
    found = read(junk + "指标,数值\n幼儿园数,98\n")
    assert seen(found) == [("kindergartens", 2024, "", 98.0)]
    assert found.observations[0].row == 3 * (HEADER_SEARCH_ROWS - 1) + 2


def test_no_header_in_the_first_rows_names_the_likeliest_row() -> None:
    lines = ["临淄区2024年统计表,", "单位：人,", "序号,学校名称,未知指标"]
    lines += [f"{i},某校{i}" for i in range(HEADER_SEARCH_ROWS)]
    lines += ["指标,数值", "幼儿园数,98"]  # too far down to be found
    (problem,) = refused("\n".join(lines) + "\n")
    assert problem.startswith("2024.csv:3: no header row")
    assert "row 3 was the likeliest, with '序号', '学校名称'" in problem


def test_the_header_is_looked_for_in_exactly_the_first_rows() -> None:
    junk = [f"说明{i},x" for i in range(HEADER_SEARCH_ROWS)]
    at_limit = "\n".join([*junk[:-1], "指标,数值", "幼儿园数,98"]) + "\n"
    assert seen(read(at_limit)) == [("kindergartens", 2024, "", 98.0)]
    (problem,) = refused("\n".join([*junk, "指标,数值", "幼儿园数,98"]) + "\n")
    assert problem.startswith("2024.csv:1: no header row")
    assert f"in the first {HEADER_SEARCH_ROWS} rows" in problem


def test_no_header_in_a_workbook_is_explained_with_the_likeliest_row() -> None:
    rows: list[list[object]] = [["说明"], ["序号", "学校名称", "未知指标"]]
    rows += [[f"x{i}", "y"] for i in range(HEADER_SEARCH_ROWS)]
    rows += [["指标", "数值"], ["幼儿园数", 98]]
    (problem,) = refused(workbook(rows, title="学校"), "2024.xlsx")
    assert problem.startswith("2024.xlsx: has no sheet with a table of data")
    assert "2024.xlsx[学校]: skipped: no header row" in problem
    assert "row 2 was the likeliest" in problem


def test_a_sheet_without_a_table_is_skipped_when_another_has_one() -> None:
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["临淄区2024年教育统计"])
    data = book.create_sheet("数据")
    data.append(["指标", "数值"])
    data.append(["幼儿园数", 98])
    buffer = io.BytesIO()
    book.save(buffer)
    found = read(buffer.getvalue(), "2024.xlsx")
    assert seen(found) == [("kindergartens", 2024, "", 98.0)]
    assert [(n.severity, n.file) for n in found.notices] == [("note", "2024.xlsx[封面]")]


def test_serial_number_columns_are_ignored() -> None:
    found = read("序号,指标,数值,编号\n1,幼儿园数,98,A-7\n2,巩固率,100,\n")
    assert seen(found) == [
        ("compulsory_retention_rate", 2024, "", 100.0),
        ("kindergartens", 2024, "", 98.0),
    ]


def test_indicator_code_and_name_that_agree_are_read() -> None:
    found = read("指标代码,指标名称,数值\nkindergartens,幼儿园数,98\nkindergartens,幼儿园数量,98\n")
    assert [o.indicator for o in found.observations] == ["kindergartens", "kindergartens"]


def test_indicator_code_and_name_that_disagree_are_refused() -> None:
    problems = refused("指标代码,指标名称,数值\nkindergartens,毛入园率,98\n巩固率,巩固率,100\n")
    assert problems == [
        "2024.csv:2: column '指标名称': kindergartens (幼儿园数) does not match the name "
        "'毛入园率': correct the code or the name"
    ]


def test_an_unknown_column_is_an_error_with_one_line_of_accepted_names() -> None:
    problems = refused("临淄区统计表,,,\n指标,数值,remarks,年分\n幼儿园数,98,,2024\n")
    assert problems[0] == (
        "2024.csv:2: unknown column 'remarks' (row 2 was taken for the header): rename it, or "
        "delete it (to keep what it says, head it 备注)"
    )
    assert problems[1].startswith("2024.csv:2: unknown column '年分'")
    accepted = [p for p in problems if "accepted columns:" in p]
    assert len(accepted) == 1, problems  # one list, not one per unknown column
    for name in ("指标", "数值", "年份", "单位", "学校名称", "备注", "ignored: 序号"):
        assert name in accepted[0]
    assert len(problems) == 3


def test_the_accepted_names_of_a_wide_table_leave_out_long_only_columns() -> None:
    problems = refused("学校名称,专兼职心理健康教育教师数,remarks\n城西中学,1,\n")
    (accepted,) = [p for p in problems if "accepted columns:" in p]
    assert "indicator ids or Chinese names as headers" in accepted
    assert "指标代码" not in accepted and "计量单位" not in accepted


def test_validate_lists_an_unknown_column_on_the_command_line(
    tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text("指标,数值,备注栏\n幼儿园数,98,\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {path}:1: unknown column '备注栏'; did you mean '备注'?")
    assert lines[1].startswith(f"error: {path}:1: accepted columns: indicator/指标")
    assert len(lines) == 2


# --- rows around the data ------------------------------------------------------------------


def test_group_headings_and_footer_rows_are_skipped() -> None:
    text = (
        "临淄区2024年主要指标,,\n"
        "序号,指标,数值\n"
        "一、学前教育,,\n"
        "1,幼儿园数,98\n"
        "（二）义务教育,,\n"
        "2,巩固率,100\n"
        ",,\n"
        "填报人：张三,审核人：李四,填报日期：2025年1月10日\n"
        "注：1. 本表由各学校填报，教育局汇总。,,\n"
        "2. 巩固率按入学年份计算。,,\n"
        ",3. 另附说明。,\n"
    )
    found = read(text, "x.csv")
    assert seen(found) == [
        ("compulsory_retention_rate", 2024, "", 100.0),
        ("kindergartens", 2024, "", 98.0),
    ]


@pytest.mark.parametrize(
    "footer", ["注：", "注:见附件", "说明：按学年", "制表人：王五", "联系电话：0533-7000000"]
)
def test_footer_rows_of_several_kinds(footer: str) -> None:
    found = read(f"学校名称,专兼职心理健康教育教师数\n城西中学,1\n{footer}\n后续说明一行\n")
    assert seen(found) == [("mental_health_teachers", 2024, "城西中学", 1.0)]


def test_a_stray_value_after_a_footer_in_more_than_one_cell_is_still_an_error() -> None:
    problems = refused("指标,数值\n幼儿园数,98\n注：1. 本表\n巩固率x,100\n")
    assert len(problems) == 1
    assert problems[0].startswith("2024.csv:4: column '指标': unknown indicator '巩固率x'")


def test_a_note_without_its_colon_is_not_a_footer() -> None:
    (problem,) = refused("指标,数值\n幼儿园数,98\n注 本表由各学校填报\n")
    assert "2024.csv:3" in problem and "unknown indicator" in problem


def test_a_heading_is_only_a_heading_on_its_own() -> None:
    (problem,) = refused("指标,数值\n一、学前教育,98\n")
    assert "unknown indicator '一、学前教育'" in problem


def test_a_header_without_rows_is_refused() -> None:
    (problem,) = refused("临淄区2024年统计表\n指标,数值\n一、学前教育\n注：无\n")
    assert problem == "2024.csv:2: has a header but no rows of data"


# --- long and wide tables -------------------------------------------------------------------

SCHOOLS = {"城西中学": (2, 1.0, 1.1), "齐陵二中": (1, 1.5, 1.0), "临淄八中": (0, 1.0, 1.2)}
WIDE_INDICATORS = ("专兼职心理健康教育教师数", "劳动教育课程周课时", "学生每天校内体育锻炼时间")


def long_table() -> str:
    lines = ["学校名称,指标,数值,年份"]
    for school, values in SCHOOLS.items():
        lines += [f"{school},{i},{v},2024" for i, v in zip(WIDE_INDICATORS, values, strict=True)]
    return "\n".join(lines) + "\n"


def wide_workbook() -> bytes:
    rows: list[list[object]] = [["2024年各校情况"], ["序号", "学校名称", *WIDE_INDICATORS]]
    rows += [[n, school, *values] for n, (school, values) in enumerate(SCHOOLS.items(), 1)]
    return workbook(rows, merge="A1:E1")


def test_long_and_wide_tables_give_the_same_observations() -> None:
    long = seen(read(long_table(), "学校.csv"))
    wide = seen(read(wide_workbook(), "学校.xlsx"))
    assert long == wide
    assert len(long) == 9
    assert ("labour_education_class_hours", 2024, "齐陵二中", 1.5) in long


def test_long_and_wide_rows_are_located_in_their_own_way() -> None:
    wide = read(wide_workbook(), "学校.xlsx")
    placed = {(o.entity, o.indicator): o.place for o in wide.observations}
    assert (
        placed["齐陵二中", "mental_health_teachers"]
        == "学校.xlsx[Sheet1]:4 (专兼职心理健康教育教师数)"
    )
    long = read(long_table(), "学校.csv")
    placed = {(o.entity, o.indicator): o.place for o in long.observations}
    assert placed["齐陵二中", "mental_health_teachers"] == "学校.csv:5"


def test_an_empty_cell_in_a_wide_csv_is_a_value_missing_for_that_school() -> None:
    found = read(
        "学校名称,专兼职心理健康教育教师数,劳动教育课程周课时\n城西中学,2,1\n齐陵二中,1,\n"
    )
    assert ("labour_education_class_hours", 2024, "齐陵二中", None) in seen(found)
    assert len(found.observations) == 4


def test_an_empty_last_cell_in_a_wide_workbook_reads_as_in_csv() -> None:
    # a workbook row ends at its last filled cell; the school still has "no value" there
    # (regression: it used to give no observation at all, so the school went unnamed)
    header = ["学校名称", "专兼职心理健康教育教师数", "劳动教育课程周课时"]
    rows: list[list[object]] = [header, ["城西中学", 2, 1], ["齐陵二中", 1, None]]
    text = "\n".join(",".join("" if c is None else str(c) for c in row) for row in rows) + "\n"
    from_workbook = seen(read(workbook(rows), "2024.xlsx"))
    assert from_workbook == seen(read(text, "2024.csv"))
    assert ("labour_education_class_hours", 2024, "齐陵二中", None) in from_workbook


def test_names_ids_and_aliases_resolve_to_the_same_indicator() -> None:
    found = read(
        "指标,数值\nkindergartens,98\n学前三年毛入园率,99\n巩固率,100\n 幼儿园 数量 ,98\n",
        "2024.csv",
    )
    assert [o.indicator for o in found.observations] == [
        "kindergartens",
        "preschool_gross_enrolment_rate",
        "compulsory_retention_rate",
        "kindergartens",
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [("学前三年毛入圆率", "学前三年毛入园率"), ("义务教育在校生数目", "义务教育在校生数")],
)
def test_an_unknown_chinese_name_gets_a_did_you_mean(written: str, meant: str) -> None:
    (problem,) = refused(f"指标,数值\n{written},99\n")
    assert problem == (
        f"2024.csv:2: column '指标': unknown indicator {written!r}; did you mean {meant!r}?"
    )


def test_an_unknown_column_in_a_wide_table_gets_a_did_you_mean() -> None:
    problems = refused("学校名称,心理健康教师数,劳动教育周课时x\n城西中学,1,1\n")
    assert problems[0] == (
        "2024.csv:1: unknown column '劳动教育周课时x'; did you mean '劳动教育周课时'?: rename it, "
        "or delete it (to keep what it says, head it 备注)"
    )


def test_a_wide_table_with_a_district_level_indicator_column_is_refused() -> None:
    problems = refused("学校名称,专兼职心理健康教育教师数,幼儿园数\n城西中学,1,98\n齐陵二中,1,97\n")
    assert problems == [  # once, at the header, not in every school's row
        "2024.csv:1: column '幼儿园数': kindergartens is a district total, not given per "
        "school or town: give it in a long table (指标, 数值)"
    ]


def test_a_wide_row_without_an_entity_is_refused() -> None:
    (problem,) = refused("学校名称,专兼职心理健康教育教师数\n,1\n城西中学,1\n")
    assert problem == ("2024.csv:2: column '学校名称': no entity: name the school, town or item")


@pytest.mark.parametrize("column", ["数值", "单位", "2023年"])
def test_a_long_table_column_in_a_wide_table_is_refused_not_dropped(column: str) -> None:
    # 数值 has no indicator to belong to in a table with one row per school: its 5 must
    # not be dropped silently (regression: it was)
    text = f"学校名称,专兼职心理健康教育教师数,{column}\n城西中学,1,5\n"
    assert refused(text, "学校.csv", year=2023) == [
        f"学校.csv:1: column {column!r} does not belong in a table with one row per entity"
    ]


# --- units in cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "cell", "value"),
    [
        ("在园幼儿数", "1.2万人", 1.2),
        ("在园幼儿数", "12000人", 1.2),
        ("在园幼儿数", "１.２ 万人", 1.2),
        ("幼儿园数", "98所", 98.0),
        ("一般公共预算教育经费", "18.24亿元", 182400.0),
        ("一般公共预算教育经费", "182400万元", 182400.0),
        ("公办幼儿园在园幼儿占比", "56%", 56.0),
        ("公办幼儿园在园幼儿占比", "56％", 56.0),
        ("义务教育在校生数", '"41,000人"', 4.1),
    ],
)
def test_units_written_in_cells(indicator: str, cell: str, value: float) -> None:
    (observation,) = read(f"指标,数值\n{indicator},{cell}\n").observations
    assert observation.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("cell", "unit", "message"),
    [
        (
            "1.2万人",
            "人",
            "'1.2万人' is written in 万人 but the unit column says '人': make them "
            "agree (or clear the unit cell to use the one in the figure)",
        ),
        (
            "13500人",
            "万人",
            "'13500人' is written in 人 but the unit column says '万人': make them "
            "agree (or clear the unit cell to use the one in the figure)",
        ),
        ("98个", "", "unit '个' does not convert to '所': write the figure in 所"),
        ("1.2万元", "", "unit '万元' does not convert to '所': write the figure in 所"),
    ],
)
def test_a_cell_unit_that_contradicts_or_does_not_convert_is_refused(
    cell: str, unit: str, message: str
) -> None:
    indicator = "在园幼儿数" if "人" in cell else "幼儿园数"
    (problem,) = refused(f"指标,数值,单位\n{indicator},{cell},{unit}\n")
    assert problem.startswith("2024.csv:2: column ")
    assert problem.endswith(message)
    # a contradiction is the unit column's fault, a bad unit in the cell is the value's
    assert ("column '单位'" in problem) == bool(unit)


def test_a_cell_unit_equal_to_the_unit_column_is_read() -> None:
    found = read("指标,数值,单位\n在园幼儿数,1.2万人,万人\n幼儿园数,98所,所\n")
    assert seen(found) == [
        ("kindergarten_enrolment", 2024, "", 1.2),
        ("kindergartens", 2024, "", 98.0),
    ]


def test_a_percentage_for_a_count_is_refused() -> None:
    (problem,) = refused("指标,数值\n在园幼儿数,56%\n")
    assert problem.endswith("'56%' is a percentage but kindergarten_enrolment is in 万人")


@pytest.mark.parametrize(
    ("role", "name"),
    [(role, name) for role, names in COLUMN_NAMES.items() for name in names],
)
def test_every_accepted_header_is_recognised_as_typed_and_in_half_width(
    role: str, name: str
) -> None:
    """镇（街道） as listed, 镇(街道) as a half-width keyboard types it, with spaces too."""
    names = bundled().names
    for typed in (name, name.replace("（", "(").replace("）", ")"), f" {name} "):
        assert column_of(0, typed, names).role == role, typed


def test_a_header_of_two_rows_is_named_as_such_in_both_languages(
    tmp_path: Path, runner: CliRunner
) -> None:
    """学校名称 merged down over two rows, the indicator names in the lower one: the lower
    row's school cell is blank. Said as what it is, not as a missing school column."""
    data = tmp_path / "2024.csv"
    data.write_text(
        "临淄区2024年统计\n学校名称,\n,专兼职心理健康教育教师数\n临淄八中,1\n", encoding="utf-8"
    )
    result = runner.invoke(main, ["validate", str(data)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {data}:2: the header spans rows 2 and 3: '学校名称' is in row 2, the "
        "indicator names in row 3; put them in one row (unmerge the cells and write "
        "'学校名称' in row 3 too)\n"
    )
    zh = runner.invoke(main, ["validate", str(data), "--lang", "zh"])
    assert "表头占了第 2、3 两行：“学校名称”在第 2 行，指标名称在第 3 行" in zh.stderr


FOOTER_WORDS = [
    "注",
    "说明",
    "备注",
    "填报人",
    "审核",
    "单位负责人",
    "联系电话",
    "统计负责人",
    "学校",
]


@given(
    st.sampled_from(["", " ", "\u3000", "\x0b", "\u2028", "\xa0", "\u2003", "Ａ", "㊀"]),
    st.sampled_from(FOOTER_WORDS),
    st.sampled_from(["：", ":", "（盖章）：", "1", "", "小学"]),
    st.text(max_size=5),
)
def test_the_quick_footer_test_agrees_with_the_full_one(
    before: str, word: str, after: str, rest: str
) -> None:
    # the quick test skips a text only where the full one could not match: its first
    # character starts no footer, is no space, and normalising changes nothing
    text = before + word + after + rest
    assert layout.is_footer(text) == layout._is_footer(text)
    assert layout.is_footer(rest) == layout._is_footer(rest)
