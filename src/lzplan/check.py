"""The library's entry points: judge data files, select targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dataset import Dataset, Request, build
from .errors import Problem, UsageError
from .model import Plan, Target
from .results import FAILING, Report
from .rows import ReadOptions
from .rules import judge

if TYPE_CHECKING:
    from pathlib import Path

    from .roster import Roster


def check_paths(plan: Plan, request: Request) -> list[Report]:
    """One :class:`Report` per dataset and year judged."""
    return judge_datasets(plan, build(plan, request), request.options.roster)


def check_files(plan: Plan, paths: list[Path], year: int | None = None) -> list[Report]:
    """Files (or folders) read as one dataset and judged, with default reading options."""
    return check_paths(plan, Request(tuple(paths), ReadOptions(year=year)))


def judge_datasets(
    plan: Plan, datasets: list[Dataset], roster: Roster | None = None
) -> list[Report]:
    """One :class:`Report` per dataset already read and each year it judges."""
    return [
        Report(dataset.name, year, judge(plan, dataset, year, roster))
        for dataset in datasets
        for year in dataset.years
    ]


def summarise(datasets: list[Dataset]) -> list[str]:
    """One line per dataset that was read without problems."""
    from .display import safe

    lines = []
    for dataset in datasets:
        years = ", ".join(map(str, dataset.years))
        files = f"{len(dataset.files)} files, " if len(dataset.files) > 1 else ""
        lines.append(f"{safe(dataset.name)}: ok ({files}{years})")
    return lines


def failed(reports: list[Report], fail_on: str) -> bool:
    """Whether any result counts as failing at the ``--fail-on`` level."""
    failing = FAILING[fail_on]
    return any(result.status in failing for report in reports for result in report.results)


def select_targets(plan: Plan, section: str | None) -> list[Target]:
    """The plan's targets, or those of one section (by id or Chinese name)."""
    if section is None:
        return list(plan.targets)
    found = plan.section(section)
    if found is None:
        known = ", ".join(f"{s.id} ({s.name_zh})" for s in plan.sections)
        raise UsageError([Problem("--section", f"unknown section {section!r}; known: {known}")])
    return [target for target in plan.targets if target.section == found.id]
