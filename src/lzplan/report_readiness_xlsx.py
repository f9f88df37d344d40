"""Readiness as an Excel workbook (``lzplan[xlsx]``): 总览 (every criterion's verdict),
问题清单 (one row per school and problem), 缺口合计 (the district's bill), 差异系数 (the
CVs over their limit) and 不在评估范围 (schools outside the scope). Chinese headers,
numbers as numbers, a frozen header row with filters, verdicts coloured, and text never
taken for a formula."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from .problemlist import HEADER, rows
from .readiness import PlanReadiness
from .template_xlsx import need_openpyxl, put_cell, size_columns

_STATUS_ZH = {
    "pass": "达标",
    "fail": "未达标",
    "warn": "预警",
    "missing": "无数据",
    "pending": "未到期",
}
_FILL = {
    "pass": "C6EFCE",
    "fail": "FFC7CE",
    "warn": "FFEB9C",
    "missing": "EDEDED",
    "pending": "DDEBF7",
}
Cells = Sequence[str | float | int | None]


def render_xlsx(assessed: list[PlanReadiness]) -> bytes:
    """The workbook's bytes."""
    need_openpyxl()
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    overview = book.active
    overview.title = "总览"
    _table(
        overview,
        ("评估标准", "目标", "指标名称", "结论", "状态", "实际", "要求", "说明", "单位"),
        _overview(assessed),
        status_column=5,
    )
    _table(book.create_sheet("问题清单"), HEADER, rows(assessed))
    _table(book.create_sheet("缺口合计"), ("评估标准", "增加项目", "需增加", "单位", "指标"), (
        (r.title_zh, cost.name_zh, cost.amount, cost.unit, cost.indicator)
        for r in assessed for cost in r.bill))  # fmt: skip
    _table(book.create_sheet("差异系数"), (
        "评估标准", "目标", "差异系数", "上限", "低于要求的学校数", "要求", "提至要求后",
        "最能降低的学校",
    ), (
        (r.title_zh, e.target, e.cv, e.limit, len(e.raised), e.requirement, e.cv_after,
         "、".join(move.entity for move in e.moves))
        for r in assessed for e in r.reliefs))  # fmt: skip
    _table(book.create_sheet("不在评估范围"), ("评估标准", "学校", "原因"), (
        (r.title_zh, entity, why) for r in assessed for entity, why in r.excluded))  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _overview(assessed: list[PlanReadiness]) -> Iterable[Cells]:
    for readiness in assessed:
        for result in readiness.results:
            yield (
                readiness.title_zh,
                result.target,
                result.name_zh,
                _STATUS_ZH[result.status],
                result.status,
                result.actual,
                result.expected,
                "; ".join((result.detail, *result.misses)),
                result.unit,
            )


def _table(
    sheet: Any, header: Sequence[str], body: Iterable[Cells], status_column: int = 0
) -> None:
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]

    bold = Font(bold=True)
    for column, text in enumerate(header, start=1):
        put_cell(sheet, 1, column, text).font = bold
    last = 1
    for last, cells in enumerate(body, start=2):
        for column, value in enumerate(cells, start=1):
            if value is not None:
                put_cell(sheet, last, column, value)
        if status_column:
            status = str(cells[status_column - 1])
            colour = PatternFill("solid", fgColor=_FILL.get(status, "FFFFFF"))
            sheet.cell(row=last, column=status_column - 1).fill = colour
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(row=max(last, 1), column=len(header)).coordinate}"
    size_columns(sheet)
