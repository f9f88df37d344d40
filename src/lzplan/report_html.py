"""The final evaluation as one self-contained HTML page for the evaluation meeting: no
script, no network, system fonts, inline SVG charts, and a print stylesheet for A4. The
words are Chinese; target ids stay as the plan writes them."""

from __future__ import annotations

from html import escape

from .evaluation import FINAL_ZH, NATURE_ZH, Evaluation, TargetView, summary_rows
from .i18n import zh_detail, zh_words
from .progress_measure import LABELS_ZH
from .svgchart import chart

_FINAL_CLASS = {
    "met": "ok",
    "not met": "bad",
    "off forecast": "warn",
    "no data": "none",
    "": "none",
}
_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  "WenQuanYi Micro Hei", sans-serif; margin: 2em auto; max-width: 60em; color: #212121; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #1565c0; padding-bottom: .2em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
th, td { border: 1px solid #bdbdbd; padding: .25em .6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
article { border: 1px solid #e0e0e0; border-radius: 4px; padding: .5em 1em; margin: 1em 0;
  break-inside: avoid; }
article h3 { margin: .2em 0; font-size: 1.1em; } code { color: #616161; font-size: .85em; }
.ok { color: #2e7d32; } .bad { color: #c62828; } .warn { color: #ef6c00; } .none { color: #757575; }
.tick { font-size: 11px; fill: #616161; } .explanation { background: #f5f5f5; padding: .4em .6em; }
.legend { color: #616161; font-size: .9em; }
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; }
  @page { size: A4; margin: 15mm; } h2 { break-after: avoid; } }
"""


def render_html(evaluation: Evaluation) -> str:
    """The page."""
    views = [view for _, section in evaluation.sections for view in section]
    body = [
        f"<h1>{escape(evaluation.title)} 总结评估</h1>",
        f"<p>数据：{escape(evaluation.dataset)}；截至 {evaluation.now} 年。"
        "终期结论按规划的截止年份判定；进展状态采用 Open SDG 的进展度量方法。</p>",
        "<h2>总体情况</h2>",
        _summary(evaluation),
    ]
    if evaluation.readiness:
        body.append("<h2>国家认定准备情况</h2><ul>")
        body += [f"<li>{escape(line)}</li>" for line in evaluation.readiness]
        body.append("</ul>")
    body.append(
        '<p class="legend">图例：实线与圆点为实际数值（绿：达标，红：未达标，橙：预警），'
        "蓝色虚线为规划要求（由基期到目标值的直线进度）。</p>"
    )
    for name, section in evaluation.sections:
        body.append(f"<h2>{escape(name)}</h2>")
        body += [_article(view) for view in section]
    assert len(views) == sum(len(s) for _, s in evaluation.sections)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="generator" content="lzplan">'
        f"<title>{escape(evaluation.title)} 总结评估</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _summary(evaluation: Evaluation) -> str:
    head = "".join(f"<th>{escape(word)}</th>" for word in ("", "目标数", *FINAL_ZH.values()))
    lines = [f"<table><tr>{head}</tr>"]
    for name, total, counts in summary_rows(evaluation):
        cells = "".join(f"<td>{count}</td>" for count in counts)
        lines.append(f"<tr><td>{escape(name)}</td><td>{total}</td>{cells}</tr>")
    lines.append("</table>")
    return "".join(lines)


def _article(view: TargetView) -> str:
    target, progress = view.target, view.progress
    final = progress.final
    numbers = [year for year in view.years if year.actual is not None]
    figure = (
        chart(
            [y.year for y in view.years],
            [y.actual for y in view.years],
            [y.expected for y in view.years],
            [y.status for y in view.years],
            target.name_zh,
        )
        if numbers
        else _marks(view)
    )
    explanation = (
        f'<p class="explanation">情况说明：{escape(view.explanation)}</p>'
        if view.explanation
        else ""
    )
    return (
        f'<article id="{escape(target.id)}"><h3>{escape(target.name_zh)} '
        f"<code>{escape(target.id)}</code></h3>"
        f"<p>{NATURE_ZH[target.nature]}；截止 {target.deadline} 年；"
        f'终期结论：<b class="{_FINAL_CLASS[final]}">{FINAL_ZH[final]}</b>；'
        f"进展：{LABELS_ZH[progress.status]}</p>{figure}{_why(view)}{explanation}</article>"
    )


def _why(view: TargetView) -> str:
    """Who or what held a target back in its latest judged year (schools, items)."""
    if not view.misses:
        return ""
    shown = "；".join(escape(zh_detail(miss)) for miss in view.misses[:12])
    more = f"（等 {len(view.misses)} 项）" if len(view.misses) > 12 else ""
    return f'<p class="why">未达标或缺数据：{shown}{more}</p>'


def _marks(view: TargetView) -> str:
    """A yes/no or listed target: each year's verdict as a row of marks."""
    marks = {"pass": "✓", "fail": "✗", "warn": "!", "pending": "·", "missing": "—"}
    cells = "".join(
        f"<td>{year.year}<br>{marks.get(year.status, '—')} {escape(zh_words(year.shown))}</td>"
        for year in view.years
    )
    return f'<table class="marks"><tr>{cells}</tr></table>'
