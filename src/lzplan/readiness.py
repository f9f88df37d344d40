"""Accreditation readiness: the national criteria plans run on a county's per-school data,
with what each failing criterion would take (:mod:`lzplan.shortfalls`, :mod:`lzplan.relief`)
and who is outside their scope (:mod:`lzplan.exclusions`). The results are data; the
reporters in :mod:`lzplan.report_readiness` turn them into text, JSON, CSV and Excel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .exclusions import excluded
from .relief import Relief, relief
from .results import Result
from .rules import judge
from .rules.base import Context
from .shortfalls import Need, needs, totals

if TYPE_CHECKING:
    from .check import Loaded
    from .datafile import ReadOptions
    from .dataset import Dataset, Input
    from .errors import Problem
    from .model import Plan
    from .roster import Roster


Verdict = Literal["pass", "fail", "missing", "refused"]


@dataclass(frozen=True)
class Cost:
    """One raw figure the district must add to: how much, in its unit."""

    indicator: str
    name_zh: str
    unit: str
    amount: float


@dataclass(frozen=True)
class PlanReadiness:
    """One set of criteria judged on one dataset in one year, and what failing ones take."""

    plan: str
    title_zh: str
    title_en: str
    dataset: str
    #: The year judged; ``None`` when nothing was (its data were refused).
    year: int | None
    results: tuple[Result, ...]
    needs: tuple[Need, ...]
    bill: tuple[Cost, ...]
    reliefs: tuple[Relief, ...]
    excluded: tuple[tuple[str, str], ...]
    #: (entity, 学校标识码, town) from the roster, for each entity with a shortfall.
    places: tuple[tuple[str, str, str], ...] = ()
    #: The errors that refused the data, when the criteria could not be judged: the report
    #: names them, so that a leader reading it sees which criteria are missing and why.
    refused: tuple[Problem, ...] = ()

    @property
    def verdict(self) -> Verdict:
        """``pass`` only when every criterion passes; ``fail`` when one fails; ``refused``
        when its data were; else ``missing``."""
        if self.refused:
            return "refused"
        statuses = {result.status for result in self.results}
        if "fail" in statuses:
            return "fail"
        return "pass" if statuses <= {"pass"} else "missing"


def load_criteria(
    names: tuple[str, ...],
    roster: Path | None,
    given: list[Input],
    options: ReadOptions,
    each: bool = False,
) -> list[Loaded]:
    """Each criteria plan (a bundled name or a file, each once) with the datasets the same
    inputs give it. A plan finding none of its figures in them (a kindergartens-only file
    under the compulsory criteria has no rows for it, hence no year) is read again in the
    year the other plans found, so that it says "no data" instead of refusing the run.

    A plan whose files are refused comes with their problems and no datasets, so that the
    others are still judged (the run then exits 2, as ``--each`` does for a broken county);
    when every plan is refused, one :class:`DataError` lists every problem, each once."""
    from dataclasses import replace

    from .check import Loaded, load
    from .errors import DataError
    from .planfile import find_plan, load_plan

    chosen = list(dict.fromkeys(names))
    found: dict[str, Loaded] = {}
    refused: dict[str, DataError] = {}
    for name in chosen:
        try:
            found[name] = load(find_plan(name), roster, given, options, each)
        except DataError as error:
            refused[name] = error
    years = [y for loaded in found.values() for d in loaded.datasets for y in d.years]
    problems: dict[Problem, None] = {}  # a problem in a file every plan reads: said once
    for name, refusal in refused.items():
        if options.year is None and years:
            try:
                again = replace(options, year=max(years))
                found[name] = load(find_plan(name), roster, given, again, each)
                continue
            except DataError as still:
                refusal = still
        fresh = [problem for problem in refusal.problems if problem not in problems]
        problems.update(dict.fromkeys(fresh))
        inputs = [item for item in given if isinstance(item, Path)]
        found[name] = Loaded(load_plan(find_plan(name)), [], fresh, inputs)
    if problems and all(not loaded.datasets for loaded in found.values()):
        raise DataError(list(problems))
    return [found[name] for name in chosen]


def not_judged(loaded: Loaded) -> PlanReadiness:
    """A criteria plan whose data were refused, for the report to say so."""
    plan = loaded.plan
    named = ", ".join(str(path) for path in loaded.files) or "-"
    refused = tuple(problem for problem in loaded.problems if problem.severity == "error")
    empty = ()
    return PlanReadiness(
        plan.id, plan.title_zh, plan.title_en, named, None, empty, empty, empty, empty, empty,
        refused=refused or tuple(loaded.problems),
    )  # fmt: skip


def latest_year(datasets: list[Dataset]) -> int | None:
    """The latest year any dataset has per-school figures for (else any figures)."""
    years = [year for dataset in datasets for year in dataset.entity_years()]
    years = years or [year for dataset in datasets for year in dataset.years]
    return max(years) if years else None


def assess(plan: Plan, dataset: Dataset, year: int) -> PlanReadiness:
    """``plan``'s criteria on ``dataset`` in ``year``, with shortfalls and CV reliefs."""
    roster = dataset.roster
    outside = excluded(plan, dataset, roster, year)
    results = judge(plan, dataset, year, roster)
    context = Context(plan, dataset, year, roster, outside)
    by_id = {target.id: target for target in plan.targets}
    found: list[Need] = []
    reliefs: list[Relief] = []
    for result in results:
        if result.status not in ("fail", "missing", "pending"):
            continue
        target = by_id[result.target]
        found.extend(needs(target, context))
        if result.status == "fail":
            eased = relief(target, context)
            if eased is not None:
                reliefs.append(eased)
    places = tuple(_place(name, roster) for name in dict.fromkeys(n.entity for n in found))
    bill = tuple(
        Cost(name, plan.indicator(name).name_zh, plan.indicator(name).unit, amount)
        for name, amount in totals(found).items()
    )
    return PlanReadiness(
        plan.id,
        plan.title_zh,
        plan.title_en,
        dataset.name,
        year,
        results,
        tuple(found),
        bill,
        tuple(reliefs),
        tuple(outside.items()),
        places,
    )


def _place(name: str, roster: Roster | None) -> tuple[str, str, str]:
    entity = roster.match(name) if roster is not None else None
    return (name, entity.code, entity.town) if entity is not None else (name, "", "")
