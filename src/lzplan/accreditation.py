"""Beside a plan's accreditation milestones (targets with ``criteria:``), what the national
criteria find on the per-school data the run read — computed then, nothing stored — or,
without such data, where to look. The criteria plan and its readiness are imported only
when a dataset holds its figures, so a plain check stays fast."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dataset import Dataset
    from .model import Plan, Target
    from .readiness import PlanReadiness
    from .results import Report, Result


def with_readiness(plan: Plan, dataset: Dataset, report: Report) -> Report:
    """``report`` (on ``dataset``) with a note on each milestone decided by a criteria plan."""
    deciding = {target.id: target for target in plan.targets if target.criteria}
    if not deciding:
        return report
    results = tuple(
        _noted(result, deciding[result.target], dataset, report.year)
        if result.target in deciding
        else result
        for result in report.results
    )
    return replace(report, results=results)


def _noted(result: Result, target: Target, dataset: Dataset, year: int) -> Result:
    return replace(result, notes=(*result.notes, milestone_note(target, dataset, year)))


def milestone_note(target: Target, dataset: Dataset, year: int, lang: str = "en") -> str:
    """What the criteria deciding ``target`` find on ``dataset``'s per-school figures for
    ``year``, or, when it has none, that ``lzplan readiness`` judges them (in ``lang``)."""
    from .i18n import CRITERIA_ZH, say

    if target.criteria not in dataset.companions:
        plan = CRITERIA_ZH.get(target.criteria, target.criteria) if lang == "zh" else None
        return say("milestone.decided", lang, plan=plan or target.criteria)
    from .errors import LzplanError

    try:
        return summary(_assess(target.criteria, dataset, year), year, lang)
    except LzplanError as error:  # the school figures are the criteria's: their problems too
        return say("milestone.problems", lang, plan=target.criteria, count=len(error.problems))


def summary(assessed: PlanReadiness | None, year: int, lang: str = "en") -> str:
    """One line: the verdict of the criteria on the data, and what fails."""
    from .i18n import say

    if assessed is None:
        return say("milestone.none", lang, year=year)
    from .report_readiness import headline

    failing = [r.target for r in assessed.results if r.status == "fail"]
    text = say("milestone.summary", lang, year=year, headline=headline(assessed, lang))
    if failing:
        text += say("milestone.failing", lang, ids=", ".join(failing))
    return text + say("milestone.detail", lang)


def _assess(criteria: str, dataset: Dataset, year: int) -> PlanReadiness | None:
    """The criteria plan judged on the files ``dataset`` was read from, for ``year``."""
    from .datafile import ReadOptions
    from .dataset import Request, build
    from .planfile import find_plan, load_plan
    from .readiness import assess

    plan = load_plan(find_plan(criteria))
    options = ReadOptions(roster=dataset.roster, companions=frozenset(dataset.companions))
    (school_data,) = build(plan, Request(dataset.inputs, options))
    if year not in school_data.entity_years():
        return None
    return assess(plan, school_data, year)
