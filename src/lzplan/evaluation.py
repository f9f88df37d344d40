"""The final evaluation (总结评估) as data: every target over the plan's years — its
figures and the values the plan required, year by year, its progress status and outcome —
with the explanation the bureau gives for it, grouped by section. :mod:`lzplan.report_html`
draws it for the meeting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .progress import measure
from .rules import judge

if TYPE_CHECKING:
    from pathlib import Path

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
        f"{p.target.name_zh}：{for_the_meeting(milestone_note(p.target, data, progress.now, 'zh'))}"
        for p in progress.results
        if p.target.criteria
    )
    return Evaluation(plan.title_zh, data.name, progress.now, sections, notes)


#: A command to type, in a milestone's note: the meeting's reader types none.
_COMMAND = re.compile(r"[：；]lzplan readiness [^；]*")


def for_the_meeting(note: str) -> str:
    """A milestone's note as the leaders read it: what the criteria find, or that they are
    judged on each school's figures, without the command that does it."""
    judged_later = note.endswith("可按各校数据评估")
    return _COMMAND.sub("", note) + ("，需按各校数据评估" if judged_later else "")


def _shown(value: object, unit: str) -> str:
    from .display import format_number

    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return format_number(float(value)) + ("" if unit in ("", "%") else " ") + unit
    return str(value)


def read_explanations(path: Path, known: set[str]) -> dict[str, str]:
    """情况说明 from a CSV of two columns, target id and explanation (UTF-8 or GBK; a header
    row 目标代码/target, 情况说明 is skipped). Raises :class:`~lzplan.errors.DataError` naming
    the line of a row without an explanation, of an id the plan does not have, and of an id
    given twice."""
    import csv
    import io

    from .errors import DataError, Problem

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(
            [Problem(str(path), f"cannot read the explanations: {exc.strerror}")]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", "replace")  # a Chinese Excel's CSV
    found: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].lower() in ("target", "目标代码", "目标", "id"):
            continue
        key = cells[0]
        if len(cells) < 2 or not cells[1]:
            problems.append(Problem(str(path), f"{key}: no explanation in the second column", line))
        elif key not in known:
            message = f"no such target in the plan: {key}; use the ids lzplan targets lists"
            problems.append(Problem(str(path), message, line))
        elif key in found:
            message = f"{key} is explained twice (line {found[key][0]} too): keep one"
            problems.append(Problem(str(path), message, line))
        else:
            found[key] = (line, cells[1])
    if problems:
        raise DataError(problems)
    return {key: said for key, (_, said) in found.items()}
