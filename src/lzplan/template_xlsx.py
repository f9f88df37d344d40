"""The template as an Excel workbook: the data sheet(s), then the instructions sheet.

openpyxl is imported only when a workbook is written (``lzplan[xlsx]``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from .display import safe, width_of
from .errors import Problem, UsageError
from .template import TemplateRow, value_hint, wide_groups, wide_omitted
from .template_csv import NOTHING_WIDE, Table, tables_of

_MAX_WIDTH = 60  # columns wider than this are cut off on screen, not in the cell


def need_openpyxl() -> None:
    """Raise :class:`~lzplan.errors.UsageError` if openpyxl is not installed."""
    try:
        import openpyxl  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        message = 'writing Excel files needs openpyxl: pip install "lzplan[xlsx]"'
        raise UsageError([Problem("--format xlsx", message)]) from None


def render_xlsx(rows: Sequence[TemplateRow], wide: bool) -> bytes:
    """The template as an Excel workbook: the data sheet(s), then the instructions sheet.

    The data sheet is named ``{year}年数据`` (a wide template's further tables follow as
    ``{year}年数据（2）``, …); each header is bold and frozen, columns are sized to their
    content, and yes/no cells offer 是/否 in a list (a date is accepted too). Text is
    always written as text, never as a formula. Raises :class:`ValueError` for a wide
    template without per-entity rows.
    """
    groups = wide_groups(rows) if wide else None
    if groups == []:
        raise ValueError(NOTHING_WIDE)
    return workbook_bytes(rows, tables_of(rows, groups), wide)


def workbook_bytes(rows: Sequence[TemplateRow], tables: list[Table], wide: bool) -> bytes:
    """A workbook of ``tables`` (made from ``rows``), one sheet each, and the instructions."""
    from openpyxl import Workbook

    book = Workbook()
    titles = _sheet_titles(rows, len(tables))
    for index, (title, table) in enumerate(zip(titles, tables, strict=True)):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        _write_table(sheet, table)
    _write_notes(book.create_sheet("填表说明"), rows, wide, titles)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_titles(rows: Sequence[TemplateRow], count: int) -> list[str]:
    """``2025年数据``, then ``2025年数据（2）``, … (``数据`` when the rows span years)."""
    years = {row.year for row in rows}
    first = f"{years.pop()}年数据" if len(years) == 1 else "数据"
    return [first] + [f"{first}（{number}）" for number in range(2, count + 1)]


def _write_table(sheet: Any, table: Table) -> None:
    """The header (bold, frozen), the rows, the 是/否 lists, and columns sized to fit."""
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    bold = Font(bold=True)
    for column, text in enumerate(table.header, start=1):
        put_cell(sheet, 1, column, text).font = bold
    for row_index, cells in enumerate(table.rows, start=2):
        for column, value in enumerate(cells, start=1):
            put_cell(sheet, row_index, column, value)
    if table.flags:
        validation = _yes_no_validation()
        for row_index, column_index in table.flags:
            validation.add(sheet.cell(row=row_index + 2, column=column_index + 1))
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    size_columns(sheet)


def put_cell(sheet: Any, row: int, column: int, value: str | float) -> Any:
    """Write one cell; text is stored as text even when it starts with = + - @."""
    cell = sheet.cell(row=row, column=column)
    if value == "":
        return cell
    if isinstance(value, str):
        cell.value = safe(value)
        cell.data_type = "s"  # openpyxl would otherwise take "=…" for a formula
    else:
        cell.value = value
    return cell


def _yes_no_validation() -> Any:
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped]
        DataValidation,
    )

    return DataValidation(
        type="list",
        formula1='"是,否"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="information",  # a date is a valid answer too: inform, do not refuse
        errorTitle="是/否 或 日期",
        error="请选择 是 或 否；已完成的也可以填写完成日期，如 2024-06-30。",
        showInputMessage=True,
        promptTitle="是/否 或 日期",
        prompt="选择 是 或 否，或填写完成日期（如 2024-06-30）。",
    )


def size_columns(sheet: Any, limit: int = _MAX_WIDTH) -> None:
    """Each column as wide as its widest cell (CJK characters count two), within a limit."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                width = width_of(str(cell.value))
                widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width, 4) + 2, limit)


# --- the instructions sheet --------------------------------------------------------------


def _write_notes(sheet: Any, rows: Sequence[TemplateRow], wide: bool, titles: list[str]) -> None:
    """The instructions sheet: one line per column, then general notes."""
    from openpyxl.styles import Alignment, Font

    columns = _wide_notes(rows, titles) if wide else list(_LONG_NOTES)
    lines = [("栏目", "说明"), *columns, *_GENERAL_NOTES]
    for row_index, (topic, text) in enumerate(lines, start=1):
        put_cell(sheet, row_index, 1, topic)
        put_cell(sheet, row_index, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
    for column in (1, 2):
        sheet.cell(row=1, column=column).font = Font(bold=True)
    sheet.freeze_panes = "A2"
    size_columns(sheet, limit=90)


_LONG_NOTES: tuple[tuple[str, str], ...] = (
    ("指标代码", "指标的代码，程序按它识别指标。不要修改。"),
    ("指标名称", "指标的中文名称，仅供参考。"),
    ("单位", "数值的单位。数值按本单位填写；若按其他单位填写（如“人”而非“万人”），请改写本栏。"),
    (
        "主体",
        "学校、乡镇或项目的名称；区级总数留空。为空且“填写说明”要求填写名称的行，每个主体填一行（可复制该行）。",
    ),
    ("年份", "数据所属年份。不要修改。"),
    ("数值", "要填写的数值，见“填写说明”。"),
    ("填写说明", "该行数值应填写的内容与单位。"),
    ("用于目标", "该指标用于规划中的哪些目标（目标代码，以“; ”分隔）。"),
    ("备注", "可选：口径说明等。"),
    ("数据来源", "可选：数据出处，如统计年报、文件名称。"),
)

_GENERAL_NOTES: tuple[tuple[str, str], ...] = (
    ("无数据", "没有数据时填“—”或留空，不要填 0：0 会被当作真实数值。"),
    ("数字", "可写 98.5、98.5%、1,370；小数点用“.”，不要用“,”。"),
    ("是/否", "填“是”或“否”；已完成的也可填写完成日期，如 2024-06-30、2024年6月。"),
    ("单位", "数值应按“单位”栏的单位填写；人与万人、元与万元/亿元之间会自动换算。"),
    (
        "读取",
        "本文件由 lzplan 读取：lzplan validate 文件名 检查填写问题，"
        "lzplan check 文件名 对照规划判定。"
        "请勿修改工作表名称、表头和指标代码，也不要把本说明页移到数据页之前。",
    ),
)


def _wide_notes(rows: Sequence[TemplateRow], titles: list[str]) -> list[tuple[str, str]]:
    """Per column of the wide layout: the indicator's code, unit and what to type."""
    notes = [
        (
            "工作表",
            f"数据分 {len(titles)} 张表（{'、'.join(titles)}），每张表的各列指标针对同一批主体。",
        ),
        ("学校名称/乡镇/项目", "每行一个主体；主体为空的行请填写名称，可增加行。"),
        ("年份", "数据所属年份。不要修改。"),
    ]
    seen: set[str] = set()
    for row in rows:
        if row.per_entity and row.indicator not in seen:
            seen.add(row.indicator)
            hint = value_hint(row.flag, row.unit)
            notes.append((row.name_zh, f"指标代码 {row.indicator}；{hint}；用于目标 {row.feeds}"))
    omitted = wide_omitted(rows)
    if omitted:
        notes.append(("区级指标", f"宽表不含区级总数指标（{len(omitted)} 项），请另用长表填写。"))
    return notes
