"""Check and progress results as Excel workbooks (``--format xlsx``, with ``--output``):
检查结果 (one row per dataset, year and target) and 进展 (one row per target over the years,
each year's figure and verdict beside it), with Chinese headers and verdicts coloured (see
:mod:`lzplan.xlsxbook`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .i18n import CATALOGUE, say, zh_detail, zh_words
from .model import Plan
from .results import Report
from .xlsxbook import Cells, add_sheet, book_bytes, new_book

if TYPE_CHECKING:
    from .progress import Progress, ProgressReport

_CHECK_HEADER = (
    "数据集", "年份", "领域", "目标代码", "目标名称", "性质", "结论", "状态", "要求", "实际",
    "单位", "差距", "说明", "未达标或无数据的学校/项目", "提示",
)  # fmt: skip


def render_check(reports: list[Report], plan: Plan, *_: object, **__: object) -> bytes:
    """A workbook of one sheet, 检查结果, for a bureau: in Chinese whatever ``--lang``."""
    book = new_book()
    rows = _check_rows(reports, plan)
    add_sheet(book, "检查结果", _CHECK_HEADER, rows, status=8, coloured=7)
    return book_bytes(book)


def _check_rows(reports: list[Report], plan: Plan) -> Iterable[Cells]:
    for report in reports:
        for result in report.results:
            yield (
                report.dataset,
                report.year,
                _section(plan, result.section),
                result.target,
                result.name_zh,
                say(f"nature.{result.nature}", "zh"),
                say(f"status.{result.status}", "zh"),
                result.status,
                _words(result.expected),
                _words(result.actual),
                result.unit,
                result.gap,
                zh_detail(result.detail),
                "；".join(zh_detail(miss) for miss in result.misses),
                "；".join(zh_detail(note) for note in (*result.flags, *result.notes)),
            )


def _section(plan: Plan, key: str) -> str:
    section = plan.section(key)
    return section.name_zh if section is not None else key


def _words(value: str | float | None) -> str | float | None:
    return zh_words(value) if isinstance(value, str) else value


_PROGRESS_HEADER = (
    "数据集", "截至年份", "领域", "目标代码", "目标名称", "性质", "截止年份", "进展", "状态",
    "方法", "终期结论", "差距", "单位", "未达标年份或学校",
)  # fmt: skip


def render_progress(reports: list[ProgressReport], plan: Plan, *_: object, **__: object) -> bytes:
    """A workbook of one sheet, 进展, each year's figure and verdict in columns; the progress
    and the outcome coloured."""
    from .progress_measure import LABELS_ZH

    years = sorted({c.year for report in reports for p in report.results for c in p.years})
    header = (
        *_PROGRESS_HEADER,
        *(f"{year}年{kind}" for year in years for kind in ("数值", "结论")),
    )
    rows = (
        (
            report.dataset,
            report.now,
            _section(plan, p.target.section),
            p.target.id,
            p.target.name_zh,
            say(f"nature.{p.target.nature}", "zh"),
            p.target.deadline,
            LABELS_ZH[p.status],
            p.status,
            zh_detail(p.method),
            say(f"final.{(p.final or 'pending').replace(' ', '_')}", "zh"),
            p.gap,
            p.target.unit,
            "；".join(zh_detail(item) for item in (*p.broken, *p.behind)) or None,
            *_years(p, years),
        )
        for report in reports
        for p in report.results
    )
    book = new_book()
    add_sheet(book, "进展", header, rows, status=9, coloured=8)
    return book_bytes(book)


def _years(progress: Progress, years: list[int]) -> list[str | float | int | None]:
    cells = {cell.year: cell for cell in progress.years}
    found: list[str | float | int | None] = []
    for year in years:
        cell = cells.get(year)
        if cell is None or not cell.data:
            found += [None, None]
            continue
        key = f"status.{cell.status}"
        verdict = say(key, "zh") if key in CATALOGUE else cell.status
        found += [_words(cell.counted or cell.actual), verdict]
    return found
