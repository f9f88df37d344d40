"""Readiness as an Excel workbook (``lzplan[xlsx]``): 总览 (every criterion's verdict),
问题清单 (one row per school and problem), 缺口合计 (the district's bill), 差异系数 (the
CVs over their limit) and 不在评估范围 (schools outside the scope). Chinese headers,
numbers as numbers, a frozen header row with filters, verdicts coloured, and text never
taken for a formula."""

from __future__ import annotations

from collections.abc import Iterable

from .i18n import say, zh_detail, zh_words
from .problemlist import header, rows
from .readiness import PlanReadiness
from .xlsxbook import Cells, add_sheet, book_bytes, new_book


def render_xlsx(assessed: list[PlanReadiness]) -> bytes:
    """The workbook's bytes."""
    book = new_book()
    add_sheet(
        book,
        "总览",
        ("评估标准", "目标", "指标名称", "结论", "状态", "实际", "要求", "说明", "单位"),
        _overview(assessed),
        status=5,
        coloured=4,
    )
    add_sheet(book, "问题清单", header(assessed), rows(assessed))
    add_sheet(book, "缺口合计", ("评估标准", "增加项目", "需增加", "单位", "指标"), (
        (r.title_zh, cost.name_zh, cost.amount, cost.unit, cost.indicator)
        for r in assessed for cost in r.bill))  # fmt: skip
    add_sheet(book, "差异系数", (
        "评估标准", "目标", "差异系数", "上限", "低于要求的学校数", "要求", "提至要求后",
        "最能降低的学校",
    ), (
        (r.title_zh, e.target, e.cv, e.limit, len(e.raised), e.requirement, e.cv_after,
         "、".join(move.entity for move in e.moves))
        for r in assessed for e in r.reliefs))  # fmt: skip
    outside = [(r.title_zh, name, zh_detail(why)) for r in assessed for name, why in r.excluded]
    add_sheet(book, "不在评估范围", ("评估标准", "学校", "原因"), outside)
    return book_bytes(book)


def _overview(assessed: list[PlanReadiness]) -> Iterable[Cells]:
    from .report_readiness import refused_lines

    for readiness in assessed:
        if readiness.refused:  # a leader reading the workbook sees what was not judged
            why = "; ".join(refused_lines(readiness, "zh"))
            verdict = say("readiness.refused", "zh")
            yield (readiness.title_zh, "", "", verdict, "refused", "", "", why, "")
        for result in readiness.results:
            yield (
                readiness.title_zh,
                result.target,
                result.name_zh,
                say(f"status.{result.status}", "zh"),
                result.status,
                zh_words(result.actual) if isinstance(result.actual, str) else result.actual,
                zh_words(result.expected) if isinstance(result.expected, str) else result.expected,
                "; ".join(zh_detail(text) for text in (result.detail, *result.misses)),
                result.unit,
            )
