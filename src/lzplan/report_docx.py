"""The final evaluation as a Word document (``lzplan[docx]``: python-docx, and matplotlib
for the charts, which Word cannot take as SVG): the same structure as the HTML page — a
summary table, the milestones' readiness, then each section's targets with a chart, the
outcome, who held it back and the bureau's explanation — as Word headings, tables and
pictures, which Word and WPS open alike."""

from __future__ import annotations

import io
from typing import Any

from .display import xml_safe
from .errors import Problem, UsageError
from .evaluation import FINAL_ZH, NATURE_ZH, Evaluation, TargetView, summary_rows
from .i18n import zh_detail, zh_words
from .progress_measure import LABELS_ZH

_FONT = "宋体"


def need_docx() -> None:
    """Raise :class:`UsageError` unless python-docx and matplotlib are installed."""
    try:
        import docx  # noqa: F401
        import matplotlib  # noqa: F401
    except ImportError:
        message = 'a Word report needs python-docx and matplotlib: pip install "lzplan[docx]"'
        raise UsageError([Problem("--format docx", message)]) from None


def render_docx(evaluation: Evaluation) -> bytes:
    """The document's bytes."""
    need_docx()
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    document.core_properties.author = "lzplan"  # how lzplan knows its own, to replace it
    document.core_properties.language = "zh-CN"
    _a4(document)
    style = document.styles["Normal"]
    style.font.name = _FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)  # Chinese text in 宋体 too
    _chinese(style)
    document.add_heading(xml_safe(f"{evaluation.title} 总结评估"), level=0)
    document.add_paragraph(
        xml_safe(f"数据：{evaluation.dataset}；截至 {evaluation.now} 年。")
        + "终期结论按规划的截止年份判定；进展状态采用 Open SDG 的进展度量方法。"
    )
    document.add_heading(xml_safe("总体情况"), level=1)
    _summary(document, evaluation)
    if evaluation.readiness:
        document.add_heading(xml_safe("国家认定准备情况"), level=1)
        for line in evaluation.readiness:
            document.add_paragraph(xml_safe(line), style="List Bullet")
    for name, views in evaluation.sections:
        document.add_heading(xml_safe(name), level=1)
        for view in views:
            _target(document, view)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _a4(document: Any) -> None:
    """A4 with 2.5 cm margins, as the bureau prints (python-docx's template is US Letter)."""
    from docx.shared import Cm

    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)


def _chinese(style: Any) -> None:
    """Mark the text as Chinese (the template says en-US), for spelling and line breaking."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = style.element.get_or_add_rPr()
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:eastAsia"), "zh-CN")


def _summary(document: Any, evaluation: Evaluation) -> None:
    rows = summary_rows(evaluation)
    header = ("", "目标数", *FINAL_ZH.values())
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for column, word in enumerate(header):
        table.cell(0, column).text = word
    for index, (name, total, counts) in enumerate(rows, start=1):
        for column, value in enumerate((name, total, *counts)):
            table.cell(index, column).text = xml_safe(str(value))


def _target(document: Any, view: TargetView) -> None:
    from docx.shared import Cm

    from .chartpng import chart_png

    target, progress = view.target, view.progress
    heading = document.add_heading(xml_safe(f"{target.name_zh}（{target.id}）"), level=3)
    final = FINAL_ZH[progress.final]
    status = document.add_paragraph(
        f"{NATURE_ZH[target.nature]}；截止 {target.deadline} 年；终期结论：{final}；"
        f"进展：{LABELS_ZH[progress.status]}"
    )
    for paragraph in (heading, status):  # a target's heading never ends a page without it
        paragraph.paragraph_format.keep_with_next = True
    if any(year.actual is not None for year in view.years):
        picture = chart_png(
            [y.year for y in view.years],
            [y.actual for y in view.years],
            [y.expected for y in view.years],
            [y.status for y in view.years],
        )
        document.add_picture(io.BytesIO(picture), width=Cm(15))
    else:
        shown = "；".join(f"{y.year}年 {zh_words(y.shown)}" for y in view.years)
        document.add_paragraph(xml_safe(shown))
    if view.misses:
        held = "；".join(zh_detail(miss) for miss in view.misses[:12])
        document.add_paragraph(xml_safe(f"未达标或缺数据：{held}"))
    if view.explanation:
        document.add_paragraph(xml_safe(f"情况说明：{view.explanation}"))
