"""The library's entry points for judging: data read into datasets, then judged."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

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
    """One :class:`Report` per dataset already read and each year it judges (see
    :func:`judged`)."""
    return list(judged(plan, datasets))


def judged(plan: Plan, datasets: list[Dataset]) -> Iterator[Report]:
    """:func:`judge_datasets` a report at a time, as a province's run writes them: judged
    against the roster its names were matched with; an accreditation milestone carries
    what the national criteria find on the per-school data read
    (:mod:`lzplan.accreditation`)."""
    noted = any(target.criteria for target in plan.targets)
    for dataset in datasets:
        for year in dataset.years:
            report = Report(dataset.name, year, judge(plan, dataset, year, dataset.roster))
            if noted:
                from .accreditation import with_readiness

                report = with_readiness(plan, dataset, report)
            yield report


def summarise(datasets: list[Dataset], lang: str = "en") -> list[str]:
    """One line per dataset that was read without problems, in ``lang``; and, where its
    files give the figures of other bundled plans (a county's schools), how to check those."""
    from .display import safe
    from .planfile import CRITERIA_PLANS

    lines = []
    for dataset in datasets:
        name, count, years = safe(dataset.name), len(dataset.files), dataset.years
        others = ", ".join(sorted(dataset.companions))
        criteria = not dataset.companions.isdisjoint(CRITERIA_PLANS)
        if lang == "zh":
            files = f"{count} 个文件，" if count > 1 else ""
            lines.append(f"{name}：通过（{files}{'、'.join(map(str, years))} 年）")
            also = "；lzplan readiness 可据此检查督导评估标准" if criteria else ""
            hint = f"  其文件还含内置规划 {others} 的数据：请加 --plan 规划名 检查{also}"
        else:
            files = f"{count} files, " if count > 1 else ""
            lines.append(f"{name}: ok ({files}{', '.join(map(str, years))})")
            also = "; lzplan readiness runs the accreditation criteria on them" if criteria else ""
            hint = f"  its files also give figures of the bundled plans {others}: check them "
            hint += f"with --plan NAME{also}"
        lines += [hint] if others else []
    return lines


def failed(reports: Iterable[Report], fail_on: str) -> bool:
    """Whether any result counts as failing at the ``--fail-on`` level."""
    failing = FAILING[fail_on]
    return any(result.status in failing for report in reports for result in report.results)


R = TypeVar("R")


class Watched(Generic[R]):
    """Reports passed on as they come, and whether one of them failed (``failing`` of a
    list of reports: the ``--fail-on`` test of check or progress), asked by calling it
    once they have all come."""

    def __init__(self, reports: Iterable[R], failing: Callable[[list[R]], bool]) -> None:
        self.reports, self.failing, self.failed = reports, failing, False

    def __iter__(self) -> Iterator[R]:
        for report in self.reports:
            self.failed = self.failed or self.failing([report])
            yield report

    def __call__(self) -> bool:
        return self.failed
