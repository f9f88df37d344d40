"""The final evaluation (总结评估) as data: every target over the plan's years — its
figures and the values the plan required, year by year, its progress status and outcome —
with the explanation the bureau gives for it, grouped by section. :mod:`lzplan.report_html`
draws it for the meeting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .progress import measure
from .rules import judge

if TYPE_CHECKING:
    from .dataset import Dataset
    from .model import Plan, Target
    from .progress import Progress


@dataclass(frozen=True)
class Year:
    """One year of a target: its figure and the plan's requirement, where numbers, and the
    verdict."""

    year: int
    actual: float | None
    expected: float | None
    status: str
    shown: str


@dataclass(frozen=True)
class TargetView:
    """A target in the report: its progress, its years, and the explanation given for it."""

    target: Target
    progress: Progress
    years: tuple[Year, ...]
    explanation: str
    #: the schools or items that failed or lacked data in the latest year judged
    misses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """The whole report: plan, dataset, the year it is as of, and the targets by section."""

    title: str
    dataset: str
    now: int
    sections: tuple[tuple[str, tuple[TargetView, ...]], ...]
    readiness: tuple[str, ...] = ()


#: A target's outcome at its deadline (progress's ``final``), as the report says it.
FINAL_ZH = {
    "met": "达标",
    "not met": "未达标",
    "off forecast": "偏离预测",
    "no data": "无数据",
    "": "未到期",
}
NATURE_ZH = {"binding": "约束性", "anticipatory": "预期性"}


def summary_rows(evaluation: Evaluation) -> list[tuple[str, int, list[int]]]:
    """The summary: per section, per nature and in all, the targets and each outcome's
    count (in :data:`FINAL_ZH` order)."""
    from collections import Counter

    groups = [(name, list(views)) for name, views in evaluation.sections]
    every = [view for _, views in groups for view in views]
    groups += [(word, [v for v in every if v.target.nature == n]) for n, word in NATURE_ZH.items()]
    groups.append(("合计", every))
    rows = []
    for name, views in groups:
        counts = Counter(view.progress.final for view in views)
        rows.append((name, len(views), [counts.get(key, 0) for key in FINAL_ZH]))
    return rows


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def evaluate(
    plan: Plan, data: Dataset, now: int | None = None, explanations: dict[str, str] | None = None
) -> Evaluation:
    """``plan`` over ``data``'s years up to ``now``, with ``explanations`` by target id."""
    progress = measure(plan, data, now)
    years = range(plan.baseline_year, progress.now + 1)
    judged = {year: judge(plan, data, year, data.roster) for year in years}
    explanations = explanations or {}
    views: dict[str, list[TargetView]] = {}
    for index, (target, found) in enumerate(zip(plan.targets, progress.results, strict=True)):
        cells = tuple(
            Year(
                year,
                _number(judged[year][index].actual),
                _number(judged[year][index].expected),
                judged[year][index].status,
                _shown(judged[year][index].actual, target.unit),
            )
            for year in years
        )
        latest = judged[years[-1]][index]
        misses = latest.misses if latest.status in ("fail", "missing", "warn") else ()
        view = TargetView(target, found, cells, explanations.get(target.id, ""), misses)
        views.setdefault(target.section, []).append(view)
    sections = tuple(
        (section.name_zh, tuple(views[section.id]))
        for section in plan.sections
        if section.id in views
    )
    from .accreditation import milestone_note

    notes = tuple(
        f"{p.target.name_zh}：{milestone_note(p.target, data, progress.now, 'zh')}"
        for p in progress.results
        if p.target.criteria
    )
    return Evaluation(plan.title_zh, data.name, progress.now, sections, notes)


def _shown(value: object, unit: str) -> str:
    from .display import format_number

    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return format_number(float(value)) + ("" if unit in ("", "%") else " ") + unit
    return str(value)


def read_explanations(text: str) -> dict[str, str]:
    """情况说明 from a CSV of two columns, target id and explanation (a header row naming
    them, 目标代码/target and 情况说明/explanation, is skipped)."""
    import csv
    import io

    found: dict[str, str] = {}
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        if len(row) < 2 or not row[0].strip():
            continue
        key, value = row[0].strip(), row[1].strip()
        if key.lower() in ("target", "目标代码", "目标", "id"):
            continue
        found[key] = value
    return found
