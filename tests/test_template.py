"""The fill-in template: which rows, and the CSV and workbook they become."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Any

import pytest

from lzplan.errors import UsageError
from lzplan.model import (
    Checklist,
    ChecklistItem,
    Citation,
    Comparison,
    Each,
    Indicator,
    Plan,
    Section,
    Target,
    Threshold,
)
from lzplan.planfile import load_plan
from lzplan.roster import Entity, Roster, bundled_roster_path, load_roster
from lzplan.template import (
    FLAG_HINT,
    TemplateRow,
    template_bytes,
    template_rows,
    wide_groups,
    wide_omitted,
)
from lzplan.template_csv import LONG_COLUMNS, render_csv
from lzplan.template_xlsx import render_xlsx

openpyxl = pytest.importorskip("openpyxl")


def target(id_: str, rule: Any) -> Target:
    return Target(
        id=id_,
        section="s",
        name_zh=id_,
        name_en=id_,
        unit="",
        nature="binding",
        nature_note="",
        deadline=2025,
        source=Citation("h", "q"),
        rule=rule,
    )


def small_plan() -> Plan:
    indicators = (
        Indicator("rate", "入园率", "rate", "%"),
        Indicator("pay", "教师工资", "pay", "元"),
        Indicator("civil_pay", "公务员工资", "civil pay", "元"),
        Indicator("unused", "无用", "unused", "人"),
        Indicator("teachers", "心理教师数", "t", "人", per_entity=True, entity_kind="school"),
        Indicator("kgs", "中心园数", "k", "所", per_entity=True, entity_kind="town"),
        Indicator("hours", "劳动课时", "h", "课时/周", per_entity=True, entity_kind="school"),
        Indicator("projects", "项目完成", "p", "", "flag", True, "project"),
    )
    targets = (
        target("t.rate", Threshold("threshold", "rate", ">=", 99)),
        target("t.pay", Comparison("comparison", "pay", ">=", "civil_pay")),
        target("t.teachers", Each("each", "teachers", ">=", 1, kinds=("小学", "初中"))),
        target("t.teachers_high", Each("each", "teachers", ">=", 1, kinds=("高中",))),
        target("t.kgs", Each("each", "kgs", ">=", 1, kinds=("镇",))),
        target("t.hours", Each("each", "hours", ">=", 1)),
        target("t.listed", Each("each", "hours", ">=", 1, entities=("甲小学",))),
        target(
            "t.projects",
            Checklist(
                "checklist",
                "projects",
                (ChecklistItem("=新校", 2025), ChecklistItem("老校", 2022)),
            ),
        ),
    )
    return Plan(
        id="p",
        title_zh="规划",
        title_en="plan",
        issued="2022",
        period_start=2021,
        period_end=2025,
        baseline_year=2020,
        sections=(Section("s", "节", "section"),),
        indicators=indicators,
        targets=targets,
    )


def entity(
    name: str, kind: str, row: int, start: int | None = None, end: int | None = None
) -> Entity:
    return Entity(name, (), "", kind, "", "", start, end, row)


def small_roster() -> Roster:
    return Roster(
        "r.csv",
        (
            entity("齐都镇", "镇", 2),
            entity("乙初中", "初中", 3),
            entity("甲小学", "小学", 4),
            entity("已撤并小学", "小学", 5, end=2022),
            entity("新建小学", "小学", 6, start=2025),
            entity("一高", "高中", 7),
            entity("辛店街道", "街道", 8),
        ),
        True,
    )


def long_cells(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


# --- rows ----------------------------------------------------------------------------------


def test_bundled_plan_2025_has_a_row_for_every_indicator_a_target_needs() -> None:
    plan = load_plan()
    rows = template_rows(plan, 2025, load_roster(bundled_roster_path()))
    needed = {indicator for t in plan.targets for indicator in t.indicators}
    assert {row.indicator for row in rows} == needed
    assert all(row.year == 2025 for row in rows)
    for row in rows:
        indicator = plan.indicator(row.indicator)
        users = [t.id for t in plan.targets if row.indicator in t.indicators]
        assert row.feeds == "; ".join(users)
        assert row.name_zh == indicator.name_zh and row.unit == indicator.unit
        if not indicator.per_entity:
            assert row.entity == ""
        if indicator.type == "flag":
            assert row.kind_hint == FLAG_HINT
    for t in plan.targets:
        if isinstance(t.rule, Checklist):
            named = [row.entity for row in rows if row.indicator == t.rule.indicator]
            assert named == [item.name for item in t.rule.items]


def test_district_totals_and_comparison_sides_get_one_row_each() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    district = [(row.indicator, row.entity, row.kind_hint) for row in rows if not row.per_entity]
    assert district == [
        ("rate", "", "数值（单位：%）"),
        ("pay", "", "数值（单位：元）"),
        ("civil_pay", "", "数值（单位：元）"),
    ]
    assert "unused" not in {row.indicator for row in rows}


def test_each_with_kinds_lists_the_roster_entities_existing_that_year() -> None:
    plan, roster = small_plan(), small_roster()
    teachers = [r for r in template_rows(plan, 2025, roster) if r.indicator == "teachers"]
    assert [r.entity for r in teachers] == ["乙初中", "甲小学", "新建小学", "一高"]
    assert {r.feeds for r in teachers} == {"t.teachers; t.teachers_high"}
    in_2022 = [r.entity for r in template_rows(plan, 2022, roster) if r.indicator == "teachers"]
    assert in_2022 == ["乙初中", "甲小学", "已撤并小学", "一高"]
    towns = [r.entity for r in template_rows(plan, 2025, roster) if r.indicator == "kgs"]
    assert towns == ["齐都镇"]  # 镇 only, not 街道


def test_rows_from_an_incomplete_roster_say_the_list_is_partial() -> None:
    complete = template_rows(small_plan(), 2025, small_roster())
    roster = small_roster()
    partial = template_rows(small_plan(), 2025, Roster(roster.file, roster.entities, False))
    assert len(partial) == len(complete)
    for full, part in zip(complete, partial, strict=True):
        if full.indicator in ("teachers", "kgs"):
            word = "乡镇" if full.indicator == "kgs" else "学校"
            assert part.kind_hint == f"{full.kind_hint}；名单不全：未列出的{word}请另加一行"
        else:  # checklist items and listed entities are the plan's own: never partial
            assert part == full


def test_per_entity_rows_without_entities_get_one_row_to_fill() -> None:
    rows = template_rows(small_plan(), 2025, None)
    teachers = [r for r in rows if r.indicator == "teachers"]
    assert [(r.entity, r.kind_hint) for r in teachers] == [
        ("", "数值（单位：人）；在“主体”列填写学校名称，每个学校一行")
    ]
    kgs = [r for r in rows if r.indicator == "kgs"]
    assert kgs[0].kind_hint.endswith("填写乡镇名称，每个乡镇一行")
    # a roster with no entity of the kinds is the same as none
    empty = Roster("r.csv", (entity("一高", "高中", 2, end=2020),), False)
    assert [r.entity for r in template_rows(small_plan(), 2025, empty) if r.indicator == "kgs"] == [
        ""
    ]


def test_listed_entities_and_checklist_items() -> None:
    rows = template_rows(small_plan(), 2024, None)
    hours = [r for r in rows if r.indicator == "hours"]
    assert [(r.entity, r.feeds) for r in hours] == [("甲小学", "t.hours; t.listed")]
    projects = [r for r in rows if r.indicator == "projects"]
    # every item, whether due by 2024 or not: progress is reported every year
    assert [(r.entity, r.kind_hint, r.flag) for r in projects] == [
        ("=新校", FLAG_HINT, True),
        ("老校", FLAG_HINT, True),
    ]


# --- CSV -------------------------------------------------------------------------------------


def test_long_csv_has_a_bom_crlf_and_reads_back_to_the_rows() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    data = render_csv(rows, wide=False)
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    header, *body = long_cells(data)
    assert tuple(header) == LONG_COLUMNS
    assert len(body) == len(rows)
    for cells, row in zip(body, rows, strict=True):
        entity = "'" + row.entity if row.entity.startswith("=") else row.entity
        expected = [row.indicator, row.name_zh, row.unit, entity, str(row.year), ""]
        assert cells == [*expected, row.kind_hint, row.feeds, "", ""]


def test_csv_neutralises_text_excel_would_run() -> None:
    rows = [TemplateRow("x", "=1+1", "", "@SUM(A1)", 2025, "h", "-f", per_entity=True)]
    (_, cells) = long_cells(render_csv(rows, wide=False))
    assert cells[:4] == ["x", "'=1+1", "", "'@SUM(A1)"] and cells[7] == "'-f"


def test_wide_groups_indicators_over_the_same_entities() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    groups = wide_groups(rows)
    # schools share one table whatever each is asked (hours only of 甲小学: the others'
    # cells stay blank); towns and checklist items get tables of their own
    assert [[r.indicator for r in group][:1] for group in groups] == [
        ["teachers"],
        ["kgs"],
        ["projects"],
    ]
    assert {r.indicator for r in groups[0]} == {"teachers", "hours"}
    assert all(r.per_entity for group in groups for r in group)
    assert [r.indicator for r in wide_omitted(rows)] == ["rate", "pay", "civil_pay"]


def test_wide_csv_is_one_table_of_per_entity_indicators() -> None:
    rows = template_rows(small_plan(), 2025, None)
    rows = [r for r in rows if r.indicator in ("rate", "teachers")] + [
        TemplateRow("more", "更多", "人", "", 2025, "h", "t", per_entity=True, entity_kind="school")
    ]
    assert long_cells(render_csv(rows, wide=True)) == [
        ["学校名称", "年份", "心理教师数", "更多"],
        ["", "2025", "", ""],
    ]
    roster_rows = template_rows(small_plan(), 2025, small_roster())
    towns = long_cells(render_csv([r for r in roster_rows if r.indicator == "kgs"], wide=True))
    assert towns == [["乡镇", "年份", "中心园数"], ["齐都镇", "2025", ""]]


def test_wide_csv_refuses_what_needs_several_tables_or_none() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    with pytest.raises(ValueError, match="a wide CSV holds one table, but these indicators need 3"):
        render_csv(rows, wide=True)
    district = [r for r in rows if not r.per_entity]
    with pytest.raises(ValueError, match="no per-school"):
        render_csv(district, wide=True)
    with pytest.raises(ValueError, match="no per-school"):
        render_xlsx(district, wide=True)


# --- workbook ------------------------------------------------------------------------------


def open_book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_workbook_sheets_header_and_validation() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    book = open_book(render_xlsx(rows, wide=False))
    assert book.sheetnames == ["2025年数据", "填表说明"]
    data = book["2025年数据"]
    assert data.freeze_panes == "A2"
    header = [cell.value for cell in data[1]]
    assert tuple(header) == LONG_COLUMNS
    assert all(cell.font.bold for cell in data[1])
    assert not any(cell.font.bold for cell in data[2])
    (validation,) = data.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"是,否"'
    flag_rows = [i for i, row in enumerate(rows, start=2) if row.flag]
    assert flag_rows and {str(r) for r in validation.sqref.ranges} == {f"F{i}" for i in flag_rows}
    assert [data.cell(row=i, column=1).value for i in range(2, len(rows) + 2)] == [
        row.indicator for row in rows
    ]
    assert data.cell(row=2, column=5).value == 2025  # years are numbers


def test_workbook_has_no_formula_cells() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    rows.append(TemplateRow("x", "+1", "", "-2", 2025, "@h", "=SUM(A1:A2)"))
    book = open_book(render_xlsx(rows, wide=False))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if cell.value is not None}
    assert {"=新校", "+1", "-2", "@h", "=SUM(A1:A2)"} <= texts  # written as they are


def test_workbook_columns_are_sized_with_cjk_counting_two() -> None:
    rows = [TemplateRow("abc", "中文名称很长很长很长", "人", "", 2025, "h", "t")]
    data = open_book(render_xlsx(rows, wide=False)).worksheets[0]
    assert data.column_dimensions["B"].width == 2 * 10 + 2
    assert data.column_dimensions["A"].width == len("指标代码") * 2 + 2  # the header is wider
    assert data.column_dimensions["E"].width == 6  # "2025" and "年份": 4, plus 2


def test_wide_workbook_gives_each_table_its_own_sheet() -> None:
    rows = template_rows(small_plan(), 2025, small_roster())
    book = open_book(render_xlsx(rows, wide=True))
    assert book.sheetnames == ["2025年数据", "2025年数据（2）", "2025年数据（3）", "填表说明"]
    sheets = book.worksheets[:3]
    # 劳动课时 is asked of 甲小学 only, one of the schools of the first sheet: its column
    # joins that sheet, the other schools' cells left blank
    assert [[c.value for c in sheet[1]] for sheet in sheets] == [
        ["学校名称", "年份", "心理教师数", "劳动课时"],
        ["乡镇", "年份", "中心园数"],
        ["项目", "年份", "项目完成"],
    ]
    assert all(sheet.freeze_panes == "A2" for sheet in sheets)
    assert [c.value for c in sheets[0]["A"]][1:] == ["乙初中", "甲小学", "新建小学", "一高"]
    assert [c.value for c in sheets[0]["B"]][1:] == [2025] * 4
    # only the yes/no column of the checklist's sheet has the 是/否 list
    assert [len(sheet.data_validations.dataValidation) for sheet in sheets] == [0, 0, 1]
    (validation,) = sheets[2].data_validations.dataValidation
    assert sorted(str(r) for r in validation.sqref.ranges) == ["C2", "C3"]
    assert [c.value for c in sheets[2]["A"]][1:] == ["=新校", "老校"]
    assert sheets[2]["A2"].data_type == "s"


def test_instructions_explain_the_columns_and_the_reading() -> None:
    rows = template_rows(small_plan(), 2025, None)
    notes = open_book(render_xlsx(rows, wide=False))["填表说明"]
    topics = [row[0].value for row in notes.iter_rows()]
    assert set(LONG_COLUMNS) <= set(topics)
    text = " ".join(str(row[1].value) for row in notes.iter_rows())
    assert "—" in text and "lzplan check" in text and "单位" in text
    wide = open_book(render_xlsx(rows, wide=True))["填表说明"]
    assert wide.parent.sheetnames[-1] == "填表说明"
    wide_text = " ".join(str(cell.value) for row in wide.iter_rows() for cell in row)
    assert "指标代码 teachers" in wide_text and "课时/周" in wide_text
    assert "区级" in wide_text  # says the district totals are left out


# --- template_bytes: what the CLI writes ------------------------------------------------------


def district_plan() -> Plan:
    """A plan with district figures only: nothing to lay out wide."""
    plan = small_plan()
    return replace(
        plan,
        indicators=tuple(i for i in plan.indicators if not i.per_entity),
        targets=tuple(t for t in plan.targets if t.id in ("t.rate", "t.pay")),
    )


@pytest.mark.parametrize("output_format", ["csv", "xlsx"])
def test_wide_template_of_a_plan_without_per_entity_figures_is_a_usage_error(
    output_format: str,
) -> None:
    plan = district_plan()
    assert plan.targets and not wide_groups(template_rows(plan, 2025, None))
    with pytest.raises(UsageError) as caught:
        template_bytes(plan, 2025, None, output_format, wide=True)
    (problem,) = caught.value.problems
    assert problem.file == "--wide"
    assert problem.message.endswith(
        "this plan has no per-school or per-town figures: leave out --wide"
    )
    assert template_bytes(plan, 2025, None, output_format, wide=False)  # long is fine


def test_wide_csv_template_needing_several_tables_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="a wide CSV holds one table, and this plan's"):
        template_bytes(small_plan(), 2025, small_roster(), "csv", wide=True)


def test_template_bytes_are_the_rendered_rows() -> None:
    plan, roster = small_plan(), small_roster()
    rows = template_rows(plan, 2025, roster)
    assert template_bytes(plan, 2025, roster, "csv", wide=False) == render_csv(rows, wide=False)
    book = open_book(template_bytes(plan, 2025, roster, "xlsx", wide=True))
    assert len(book.sheetnames) == len(wide_groups(rows)) + 1


def test_an_each_rule_listing_entities_ranges_over_those_alone_as_when_judged() -> None:
    listed = Each("each", "kgs", ">=", 1, kinds=("镇",), entities=("辛店街道",))
    plan = replace(small_plan(), targets=(target("t.kgs", listed),))
    rows = template_rows(plan, 2025, Roster("r.csv", small_roster().entities, False))
    assert [(r.entity, r.kind_hint) for r in rows] == [("辛店街道", "数值（单位：所）")]


def test_a_year_before_the_plans_base_year_is_refused() -> None:
    # as progress refuses --year 2019: no target of a 2021-2025 plan asks for 1999
    from lzplan.planfile import load_plan
    from lzplan.template import template_bytes

    plan = load_plan()
    with pytest.raises(UsageError) as refused:
        template_bytes(plan, 1999, None, "csv", False)
    (problem,) = refused.value.problems
    assert (problem.file, problem.message) == (
        "YEAR",
        "1999 is before the plan's base year 2020: name a later year",
    )
    assert template_bytes(plan, 2020, None, "csv", False).startswith("\ufeff".encode())
