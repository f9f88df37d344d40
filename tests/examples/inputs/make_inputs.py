"""Writes the example input files in this folder (run once; the outputs are committed)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

ROWS_2024 = [
    ("members", "120000", "人", ""),
    ("visits_per_capita", "2.1", "", ""),
    ("budget", "125", "万元", ""),
    ("branch_books", "6100", "", "北城分馆"),
    ("branch_books", "4800", "", "南城分馆"),
    ("branch_books", "5000", "", "东城分馆"),
    ("branch_open", "2024-09-01", "", "东城分馆"),
    ("digital_archive", "yes", "", ""),
]


def write(folder: str, name: str, data: bytes) -> None:
    (HERE / folder).mkdir(exist_ok=True)
    (HERE / folder / name).write_bytes(data)


def utf8_bom_crlf() -> None:
    lines = ["indicator,value,unit,entity"] + [",".join(row) for row in ROWS_2024]
    write("utf8_bom_crlf", "2024.csv", ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


def gbk_chinese_headers() -> None:
    lines = ["指标,数值,年份,单位,主体,备注"]
    lines += [f"{i},{v},2024,{u},{e},Excel 另存为 CSV" for i, v, u, e in ROWS_2024]
    lines.append("budget,120,2023,万元,,上年数")
    write("gbk_chinese_headers", "submission.csv", ("\r\n".join(lines) + "\r\n").encode("gbk"))


def typed_values() -> None:
    text = """indicator,value,unit,entity,note
members," １２０,０００ ",人,,full-width digits and a thousands separator
visits_per_capita,—,,,no value: shown as missing
budget,"0.0125",亿元,,亿元 converts to 万元
branch_books,"6,100",,北城分馆,
branch_books,４８００,,南城分馆,
branch_books,5000 ,,东城分馆,trailing space
branch_open,2024年9月,,东城分馆,a Chinese date
digital_archive,是,,,
"""
    write("typed_values", "2024.csv", text.encode("utf-8"))


def workbook() -> None:
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "说明"
    sheet["A1"] = "这一页是填表说明"
    data = book.create_sheet("2024年数据")
    data.append(["指标", "数值", "单位", "主体"])
    data.append(["members", 12, "万人", None])
    data.append(["visits_per_capita", 2.1, None, None])
    data.append(["budget", 1250000, "元", None])
    for entity, books in (("北城分馆", 6100), ("南城分馆", 4800), ("东城分馆", 5000)):
        data.append(["branch_books", books, None, entity])
    data.append(["branch_open", datetime.date(2024, 9, 1), None, "东城分馆"])
    data.append(["digital_archive", True, None, None])
    book.save(HERE / "workbook" / "2024.xlsx")


def gb18030_rare_characters() -> None:
    text = "指标,数值,单位,主体\r\nbranch_books,6100,,𠮷城分馆\r\nbranch_books,5200,,南城分馆\r\n"
    write("gb18030_rare_characters", "2024.csv", text.encode("gb18030"))  # 𠮷 is not in GBK


def linzi_units_and_percentages() -> None:
    text = """indicator,value,unit,note
kindergarten_enrolment,"20,249",人,the yearbook's figure in persons
preschool_gross_enrolment_rate,99.2％,,full-width percent sign
high_school_gross_enrolment_rate,0.984,fraction,a share written as a fraction
compulsory_retention_rate,100%,,
education_general_budget_expenditure,"3.2",亿元,
"""
    write("linzi_units_and_percentages", "2023.csv", text.encode("utf-8"))


if __name__ == "__main__":
    (HERE / "workbook").mkdir(exist_ok=True)
    utf8_bom_crlf()
    gbk_chinese_headers()
    typed_values()
    workbook()
    gb18030_rare_characters()
    linzi_units_and_percentages()
