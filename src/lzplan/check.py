"""The library's entry points for judging: data read into datasets, then judged."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .datafile import ReadOptions
from .dataset import Dataset, Input, Request, build, build_each
from .results import FAILING, Report
from .rules import judge

if TYPE_CHECKING:
    from .errors import Problem
    from .model import Plan
    from .roster import Roster


@dataclass(frozen=True)
class Loaded:
    """A run's inputs, read: the plan, the datasets, the problems of datasets that could not
    be read (``each`` only), and every file read, which an output may never replace."""

    plan: Plan
    datasets: list[Dataset]
    problems: list[Problem]
    files: list[Path]


def load(
    plan_path: Path | None,
    roster_path: Path | None,
    inputs: list[Input],
    options: ReadOptions,
    each: bool = False,
) -> Loaded:
    """Read the plan, its roster (``roster_path`` or the plan's own) and the inputs.

    Raises :class:`~lzplan.errors.LzplanError` for a bad plan or roster and, unless
    ``each``, for any data problem; with ``each``, broken datasets are reported in
    :attr:`Loaded.problems` and the others are read.
    """
    from .planfile import bundled_plan_path, load_plan, plan_files, plan_roster

    plan = load_plan(plan_path)
    roster = plan_roster(plan, plan_path, roster_path)
    request = Request(tuple(inputs), replace(options, roster=roster), each)
    datasets, problems = build_each(plan, request) if each else (build(plan, request), [])
    read = plan_files(plan_path or bundled_plan_path())
    read += [roster.path] if roster and roster.path else []
    read += [item for item in inputs if isinstance(item, Path)]
    read += [Path(file) for dataset in datasets for file in dataset.history_files]
    return Loaded(plan, datasets, problems, read)


def check_paths(plan: Plan, request: Request) -> list[Report]:
    """One :class:`Report` per dataset and year judged."""
    return judge_datasets(plan, build(plan, request))


def check_files(
    plan: Plan, paths: list[Path], year: int | None = None, roster: Roster | None = None
) -> list[Report]:
    """Files (or folders) read as one dataset and judged; ``roster``: who must report
    (``lzplan.planfile.plan_roster`` finds the plan's own, as the command line does)."""
    return check_paths(plan, Request(tuple(paths), ReadOptions(year=year, roster=roster)))


def judge_datasets(plan: Plan, datasets: list[Dataset]) -> list[Report]:
    """One :class:`Report` per dataset already read and each year it judges, against the
    roster its names were matched with; an accreditation milestone carries what the
    national criteria find on the per-school data read (:mod:`lzplan.accreditation`)."""
    reports = [
        Report(dataset.name, year, judge(plan, dataset, year, dataset.roster))
        for dataset in datasets
        for year in dataset.years
    ]
    if any(target.criteria for target in plan.targets):
        from .accreditation import with_readiness

        reports = with_readiness(plan, datasets, reports)
    return reports


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
