"""The progress of a plan for people: a matrix of targets by year, each year's figure and
verdict, a trend, and the progress status; below it the pace still required, the years
that broke a yearly rule, and, past the deadlines, the final evaluation's counts."""

from __future__ import annotations

import functools
import re
from collections import Counter

from .display import format_number
from .i18n import say, zh_detail
from .model import Plan
from .progress import Progress, ProgressReport, YearCell
from .progress_measure import LABELS_ZH, STATUSES
from .report_table import Block, grouped_rows, named, render_blocks
from .texttable import Cell, Dotted

_MARK = {"pass": "✓", "fail": "✗", "warn": "!", "pending": "·", "missing": "—"}
_SPARKS = "▁▂▃▄▅▆▇█"
_DONE_ON = re.compile(r"^\d{4}(-\d\d){0,2}$")


#: Below this width the year cells show only their verdict marks (values stay in the JSON):
#: six years of figures, a target's name and its id need about 120 columns.
COMPACT_BELOW = 120


def render_progress(
    reports: list[ProgressReport],
    plan: Plan,
    width: int = 100,
    rich: bool = False,
    lang: str = "en",
    color: bool = True,
) -> str:
    """A matrix and its notes for each dataset; narrower than :data:`COMPACT_BELOW`, the
    year columns hold only verdict marks and the status cell the latest figure. ``lang``
    gives the headers and section titles; the progress words are still English."""
    compact = width < COMPACT_BELOW
    blocks: list[Block] = []
    for report in reports:
        years = list(range(report.first_year, report.last_year + 1))
        year_headers = [_year_header(year, report, compact) for year in years]
        trends = not compact and any(sparkline(p) for p in report.results)
        trend = [say("col.trend", lang)] if trends else []
        headers = [say("col.target", lang), *year_headers, *trend, say("col.status", lang)]
        cells = functools.partial(
            _cells, years=years, now=report.now, compact=compact, trends=trends, lang=lang
        )
        rows = grouped_rows(plan, list(report.results), cells, len(headers), lang)
        title = say("progress.title", lang, dataset=report.dataset, now=report.now)
        if report.latest_data is not None and report.latest_data != report.now:
            title += say("progress.latest", lang, latest=report.latest_data)
        right = [False, *([True] * len(years)), *([False] * len(trend)), False]
        lines = [("summary", _legend(report, compact, lang)), *notes(report, plan, lang)]
        blocks.append((title, headers, rows, right, lines))
    return render_blocks(blocks, width, rich, color)


def _year_header(year: int, report: ProgressReport, compact: bool) -> str:
    shown = str(year)[2:] if compact else str(year)
    return f"{shown}*" if year == report.midterm else shown


def _legend(report: ProgressReport, compact: bool, lang: str = "en") -> str:
    first, last = report.first_year, report.last_year
    years = say("progress.years", lang, first=first, last=last) if compact else ""
    if lang == "zh":
        statuses = "、".join(LABELS_ZH[status] for status in STATUSES)
    else:
        statuses = ", ".join(f"{LABELS_ZH[status]} {status}" for status in STATUSES)
    return say("progress.legend", lang, years=years, midterm=report.midterm, statuses=statuses)


def _cells(
    progress: Progress, years: list[int], now: int, compact: bool, trends: bool, lang: str = "en"
) -> tuple[Cell, ...]:
    by_year = {cell.year: cell for cell in progress.years}
    target = progress.target
    cells: list[Cell] = [named(target.name_zh, target.id, target.source.confidence, lang)]
    for year in years:
        cell = by_year.get(year)
        if cell is None or year > now:
            cells.append(())
            continue
        mark = _MARK[cell.status] if cell.data or cell.status == "fail" else _MARK["missing"]
        shown = "" if compact or cell.actual is None or not cell.data else _value(cell)
        cells.append((shown, mark) if shown else (mark,))  # the mark always on its own line
    label = LABELS_ZH[progress.status]  # the legend below gives each label's English name
    if compact:
        latest = next(
            (c for c in reversed(progress.years) if c.data and c.actual is not None), None
        )
        cells.append((label, _value(latest)) if latest and latest.actual is not None else (label,))
    else:
        # a sparkline is one unbreakable run, as an id without dots is
        cells.extend([(Dotted(sparkline(progress)),)] if trends else [])
        cells.append((label,))
    return tuple(cells)


def _value(cell: YearCell) -> str:
    """A year's figure, short: ``3/4`` schools meeting or items done; a fact done or not
    (yes, the date, no) only by its mark, in every language."""
    value = cell.actual
    if cell.counted:
        return cell.counted
    if isinstance(value, str) or value is None:
        return "" if value in (None, "yes", "no") or _DONE_ON.match(value) else value
    if abs(value) >= 100_000:  # 171,200 (万元) as 17.12万: a matrix cell is narrow
        return f"{value / 10_000:.4g}万"
    return format_number(value)


def sparkline(progress: Progress) -> str:
    """The yearly figures as bars, lowest to highest (empty with fewer than two)."""
    values = [c.actual for c in progress.years if isinstance(c.actual, (int, float))]
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(_SPARKS[round((value - low) / span * (len(_SPARKS) - 1))] for value in values)


def empty_years(report: ProgressReport) -> list[int]:
    """The plan's years up to now for which the data gives no figure of any target (a
    year's file left out of the folder): shown as "—" everywhere, and said once."""
    given = {
        cell.year
        for progress in report.results
        for cell in progress.years
        if cell.data and cell.actual is not None  # a milestone's "not yet" reads earlier years
    }
    return [year for year in range(report.first_year, report.now + 1) if year not in given]


def notes(report: ProgressReport, plan: Plan, lang: str = "en") -> list[tuple[str, str]]:
    """(style, text): pace still required, broken years, the final evaluation, a summary."""
    lines: list[tuple[str, str]] = []
    said = zh_detail if lang == "zh" else str
    comma = "、" if lang == "zh" else ", "
    empty = empty_years(report)
    if empty:
        years = comma.join(map(str, empty))
        lines.append(("missing", say("progress.no_year", lang, years=years)))
    for progress in report.results:
        target = progress.target
        if progress.broken:
            years = comma.join(said(year) for year in progress.broken)
            lines.append(("fail", say("progress.broke", lang, target=target.id, years=years)))
        if progress.behind:
            who = comma.join(said(item) for item in progress.behind)
            lines.append(("fail", say("progress.held_back", lang, target=target.id, who=who)))
        if progress.pace:
            lines.append(("pending", f"{target.id}{'：' if lang == 'zh' else ': '}"
                          f"{_pace_text(progress, lang)}"))  # fmt: skip
        sep = "：" if lang == "zh" else ": "
        lines.extend(("note", f"{target.id}{sep}{said(note)}") for note in progress.notes)
    finals = [p for p in report.results if p.final]
    if finals:
        lines.extend(("summary", line) for line in final_summary(finals, plan, lang))
    counts = Counter(p.status for p in report.results)
    if lang == "zh":
        parts = " · ".join(f"{LABELS_ZH[s]} {counts[s]}" for s in STATUSES if counts[s])
    else:
        parts = " · ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    total = len(report.results)
    lines.append(
        ("summary", say("progress.summary", lang, now=report.now, parts=parts, count=total))
    )
    return lines


def _pace_text(progress: Progress, lang: str = "en") -> str:
    pace = progress.pace
    target = progress.target
    percent = target.unit == "%"
    unit = (
        say("progress.points", lang) if percent else ("" if not target.unit else f" {target.unit}")
    )
    deadline = target.deadline
    per_year = f"{pace.get('required_per_year'):+.3g}"
    text = say("progress.pace", lang, per_year=per_year, unit=unit, deadline=deadline)
    growth = pace.get("required_growth")
    if growth is not None and not percent:  # a rate's pace is in points, not a % of itself
        text += say("progress.pace_growth", lang, growth=f"{growth:+.1%}")
    projected = pace.get("projected")
    if projected is not None:
        shown = f"{projected:.4g}" if abs(projected) < 1e4 else format_number(round(projected))
        shown += "%" if percent else unit
        text += say("progress.projects", lang, shown=shown, deadline=deadline)
    return text


def final_summary(finals: list[Progress], plan: Plan, lang: str = "en") -> list[str]:
    """Met / not met / no data at the deadline: overall, by nature and by section."""

    def counted(items: list[Progress]) -> str:
        count = Counter(p.final for p in items)
        off = (
            say("progress.off", lang, count=count["off forecast"]) if count["off forecast"] else ""
        )
        return say(
            "progress.counted", lang, met=count["met"], not_met=count["not met"], off=off,
            no_data=count["no data"],
        )  # fmt: skip

    lines = [say("progress.final", lang, counts=counted(finals))]
    for nature, zh in (("binding", "约束性"), ("anticipatory", "预期性")):
        chosen = [p for p in finals if p.target.nature == nature]
        if chosen:
            name = zh if lang == "zh" else f"{nature} ({zh})"
            lines.append(f"  {name}: {counted(chosen)}")
    for section in plan.sections:
        chosen = [p for p in finals if p.target.section == section.id]
        if chosen:
            name = section.name_zh if lang == "zh" else f"{section.name_zh} · {section.name_en}"
            lines.append(f"  {name}: {counted(chosen)}")
    return lines


__all__ = ["final_summary", "notes", "render_progress", "sparkline"]
