"""Writes the bureau-shaped example inputs in this folder (run once; outputs are committed).

Each case folder holds the files a district education bureau really sends (title rows,
totals rows, Chinese headers, one row per school, one file per school, GBK), a ``cmd``
file with the lzplan arguments (paths relative to the repository root) and an
``expected`` file with the exit code and the exact output.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
SCHOOLS = ("城西中学", "齐陵二中", "临淄八中", "遄台中学东校区")


def place(case: str, name: str) -> Path:
    path = HERE / case / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def write(case: str, name: str, data: bytes) -> None:
    place(case, name).write_bytes(data)


def gbk(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def school_workbook() -> None:
    """An instructions sheet, a title row, a unit line, 序号, a 合计 row, signature, notes,
    and a hidden sheet that must never be read."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes["A1"] = "请各学校按实填写；没有的填“—”。"
    sheet = book.create_sheet("学校情况")
    sheet.merge_cells("A1:E1")
    sheet["A1"] = "2024年临淄区中小学校体育、心理健康与劳动教育情况统计表"
    sheet["A3"] = "单位：人"
    sheet.append(
        [
            "序号",
            "学校名称",
            "专兼职心理健康教育教师数",
            "劳动教育课程周课时",
            "学生每天校内体育锻炼时间",
        ]
    )
    for number, row in enumerate(((2, 1, 1.1), (1, 1, 1.0), (1, 1.5, 1.2), (0, 1, 1)), 1):
        sheet.append([number, SCHOOLS[number - 1], *row])
    sheet.append(["合计", None, 4, None, None])
    sheet.append([])
    sheet.append(["填报人：张三    审核人：李四    填报日期：2025年1月10日"])
    sheet.append(["注：1. 本表由各学校填报，教育局汇总。"])
    sheet.append(["2. 课时按学年平均。"])
    hidden = book.create_sheet("旧表")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "这张表已作废"
    book.save(place("school_workbook", "2024年学校统计.xlsx"))


def totals_mismatch() -> None:
    """Two 小计 groups and a 合计 row, GBK as Excel saves it; one subtotal is wrong."""
    lines = [
        "2024年各校心理健康教育教师统计,,",
        "序号,学校名称,专兼职心理健康教育教师数",
        "1,城西中学,2",
        "2,齐陵二中,1",
        "小计,,3",
        "3,临淄八中,1",
        "4,遄台中学东校区,1",
        "小计,,3",
        "合计,,5",
    ]
    write("totals_mismatch", "2024.csv", gbk(lines))


def district_sheet() -> None:
    """The district's own sheet: a long table by Chinese names and aliases, units in cells
    and in a unit line, a group heading, and the year only in the title."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.merge_cells("A1:D1")
    sheet["A1"] = "临淄区2024年教育事业发展主要指标"
    sheet["A2"] = "单位：人"
    sheet.append(["序号", "指标名称", "本年", "备注"])
    sheet.append(["一、学前教育"])
    sheet.append([1, "在园幼儿数", 13500, "单位行：人"])
    sheet.append([2, "毛入园率", "99.2%", None])
    sheet.append([3, "幼儿园数", "98所", None])
    sheet.append(["二、义务教育"])
    sheet.append([4, "义务教育在校生数", "4.1万人", None])
    sheet.append([5, "巩固率", "100%", None])
    sheet.append(["三、经费"])
    sheet.append([6, "一般公共预算教育经费", "18.24亿元", None])
    sheet.append([None, "填报日期：2025年3月"])
    book.save(place("district_sheet", "主要指标.xlsx"))


def implausible_values() -> None:
    """Each kind of likely typing mistake: refused with the likely intended value."""
    text = """指标,数值,单位,备注
学前三年毛入园率,0.992,,a share typed as a fraction
九年义务教育巩固率,992,,a slipped decimal point
义务教育在校生数,15370,,persons under 万人
幼儿园数,-3,,a negative count
公办幼儿园在园幼儿占比,120%,,more than 100 %
高中段毛入学率,0.985,fraction,insisting with an explicit unit: read as 98.5
幼儿在园人数,13500,人,insisting with an explicit unit: read as 1.35 万人
"""
    write("implausible_values", "2024.csv", text.encode("utf-8"))


def per_school_files() -> None:
    """One file per school, all for 2024, in one folder: one dataset (town plan)."""
    for code, name, pupils, counsellors in (
        ("3703050001", "东城小学", 820, 1),
        ("3703050003", "西城镇实验学校", 640, 0),
        ("3703050004", "南山中学", 1210, 2),
    ):
        lines = [
            "学校标识码,学校名称,在校生数,心理健康教育教师数,年份",
            f"{code},{name},{pupils},{counsellors},2024",
        ]
        write("per_school_files", f"schools/{name}.csv", gbk(lines))
    towns = ["乡镇,中心幼儿园数", "东城镇,1", "西城,0"]
    write("per_school_files", "schools/乡镇2024.csv", gbk(towns))


def each_county() -> None:
    """Two counties' folders judged one by one with --each."""
    write("each_county", "东县/2024.csv", gbk(["乡镇,中心幼儿园数", "东城镇,1", "西城镇,1"]))
    write("each_county", "西县/2024.csv", gbk(["乡镇,中心幼儿园数", "东城镇,2"]))


def conflict() -> None:
    """The same figure in two files: equal after units is fine, different is a conflict."""
    write(
        "conflict", "a/2024.csv", gbk(["指标,数值,单位", "幼儿在园人数,13500,人", "幼儿园数,98,"])
    )
    write(
        "conflict",
        "b/2024年补报.csv",
        gbk(["指标,数值,单位", "在园幼儿数,1.35,万人", "幼儿园数,97,所"]),
    )


def roster_complete() -> None:
    """Against a complete roster: a misspelt school, an unknown code, a school by code."""
    lines = [
        "学校标识码,学校名称,心理健康教育教师数",
        "3703050001,,1",
        ",南山中学校,1",
        "3703059999,,1",
    ]
    write("roster_complete", "2024.csv", gbk(lines))


def roster_incomplete() -> None:
    """Against the bundled (incomplete) roster: an unlisted school is a warning, not an error."""
    lines = ["学校名称,专兼职心理健康教育教师数", "城西中学,1", "临淄区第一实验小学,2"]
    write("roster_incomplete", "2024.csv", gbk(lines))


def years() -> None:
    """A year over the value column, and one in a Chinese file name."""
    write("years_ok", "报表.csv", gbk(["指标,2024年", "幼儿园数,98"]))
    write("years_ok", "临淄区2023年度统计.csv", gbk(["指标,数值", "幼儿园数,101"]))
    write("years_refused", "2023-2024学年.csv", gbk(["指标,数值", "幼儿园数,98"]))
    write("years_refused", "2023.csv", gbk(["指标,2024年", "幼儿园数,98"]))


def two_year_columns() -> None:
    """Last year and this year side by side, as bureau comparison sheets are laid out."""
    lines = ["临淄区学前教育主要指标对比表,,,", "指标名称,单位,2023年,2024年", "幼儿园数,所,101,98"]
    lines += ["在园幼儿数,人,14100,13500", "学前三年毛入园率,%,99.1,99.3", "合计,,,"]
    write("two_year_columns", "对比表.csv", gbk(lines))


if __name__ == "__main__":
    school_workbook()
    totals_mismatch()
    district_sheet()
    implausible_values()
    per_school_files()
    each_county()
    conflict()
    roster_complete()
    roster_incomplete()
    years()
    two_year_columns()
