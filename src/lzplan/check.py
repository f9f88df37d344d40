"""The library's entry points: judge data files, select targets."""

from __future__ import annotations

from .dataset import Input, Options, Subject, gather
from .errors import Problem, UsageError
from .model import Plan, Target
from .results import FAILING, Report
from .rules import judge


def check_files(
    plan: Plan, inputs: list[Input], year: int | None = None, options: Options | None = None
) -> list[Report]:
    """One :class:`Report` per file and year judged."""
    return judge_subjects(plan, gather(inputs, plan, options or Options(year=year)))


def judge_subjects(plan: Plan, subjects: list[Subject]) -> list[Report]:
    """One :class:`Report` per data file already read and each year it reports."""
    return [
        Report(subject.file, judged, judge(plan, subject.actuals, judged))
        for subject in subjects
        for judged in subject.years
    ]


def summarise(subjects: list[Subject]) -> list[str]:
    """One line per data file that was read without problems."""
    from .display import safe

    return [
        f"{safe(subject.file)}: ok ({', '.join(map(str, subject.years))})" for subject in subjects
    ]


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
