"""The plan over its years: each target's yearly verdicts, its progress status, the pace
still required, and, once its deadline has passed, whether it was met.

The status of a target with a growth series (thresholds, approximate counts, statistics
over schools) is Open SDG's progress measure (:mod:`lzplan.progress_measure`); targets
without one take theirs from their yearly verdicts (:data:`VERDICT_RULES`, and the README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import (
    Aggregate,
    Approximate,
    Checklist,
    Comparison,
    Each,
    KOfN,
    Milestone,
    Projection,
    Target,
    Threshold,
    YearlyChange,
)
from .progress_measure import Measure, Status, direction_only, with_target
from .results import Result
from .rules import judge
from .rules.base import compare
from .rules.numeric import broken_pairs

if TYPE_CHECKING:
    from .dataset import Dataset
    from .model import Plan

#: How targets without a growth series get a status, for the README and the JSON.
VERDICT_RULES = {
    "projection": "substantial_progress within its tolerance of the path, else limited_progress",
    "yearly_change": "deterioration if any pair of years broke it, else substantial_progress",
    "comparison": "deterioration if any year broke it, else substantial_progress",
    "each": "every year: as comparison; by a deadline: target_achieved once all meet it, "
    "deterioration if not by the deadline, else moderate_progress",
    "milestone": "target_achieved once done, deterioration if late, else moderate_progress",
    "checklist": "target_achieved once every item is done, deterioration if one is late, "
    "else moderate_progress",
}


@dataclass(frozen=True)
class YearCell:
    """One year of a target: the figure the check judged and its verdict."""

    year: int
    actual: float | str | None
    status: str
    #: whether the data gave anything for it that year (a pending checklist may have none)
    data: bool = True
    #: "3/4" (schools meeting a rule, items done) where the verdict counted entities
    counted: str = ""


@dataclass(frozen=True)
class Progress:
    """A target over the plan's years: status, the numbers behind it, pace and outcome.

    ``final`` is ``met``, ``not met``, ``off forecast`` (a projection, which is never a
    failure) or ``no data`` once ``now`` has reached the deadline (with ``gap`` there),
    else empty; ``broken`` names the years that broke a
    yearly rule; ``pace`` the growth still required a year and the trend's projection.
    """

    target: Target
    status: Status
    method: str
    numbers: dict[str, float | str | None]
    years: tuple[YearCell, ...]
    broken: tuple[str, ...] = ()
    pace: dict[str, float | None] = field(default_factory=dict)
    final: str = ""
    gap: float | None = None
    #: the schools or items that held a deteriorating target back, in its latest year
    behind: tuple[str, ...] = ()
    #: for an accreditation milestone, what the national criteria find on the data (``now``)
    notes: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        """The target's section (tables group by it)."""
        return self.target.section


@dataclass(frozen=True)
class ProgressReport:
    """Every target's progress in one dataset, as of ``now``."""

    dataset: str
    now: int
    first_year: int
    last_year: int
    midterm: int
    results: tuple[Progress, ...]
    #: the latest year the dataset has figures for (``now`` may lie beyond it)
    latest_data: int | None = None


def measure(plan: Plan, data: Dataset, now: int | None = None) -> ProgressReport:
    """Every target of ``plan`` over the years of ``data`` up to ``now`` (default: the latest
    year with data); raises :class:`~lzplan.errors.UsageError` for a ``now`` before the
    plan's base year."""
    with_data = data.years_with_data()
    now = now if now is not None else (with_data[-1] if with_data else plan.baseline_year)
    if now < plan.baseline_year:
        from .errors import Problem, UsageError

        message = f"{now} is before the plan's base year {plan.baseline_year}: name a later year"
        raise UsageError([Problem("--year", message)])
    years = range(plan.baseline_year, now + 1)
    yearly = {year: judge(plan, data, year, data.roster) for year in years}
    results = tuple(
        _progress(target, [yearly[year][index] for year in years], plan, data, now)
        for index, target in enumerate(plan.targets)
    )
    if any(target.criteria for target in plan.targets):
        from dataclasses import replace

        from .accreditation import milestone_note

        results = tuple(
            replace(p, notes=(milestone_note(p.target, data, now),)) if p.target.criteria else p
            for p in results
        )
    last = max(target.deadline for target in plan.targets)
    midterm = plan.period_start + (plan.period_end - plan.period_start) // 2
    # the matrix ends at the last deadline: later years are said in its title ("as of")
    latest = with_data[-1] if with_data else None
    return ProgressReport(data.name, now, plan.baseline_year, last, midterm, results, latest)


def _progress(
    target: Target, results: list[Result], plan: Plan, data: Dataset, now: int
) -> Progress:
    cells = tuple(
        YearCell(r.year, r.actual, r.status, bool(r.sources), _counted(r)) for r in results
    )
    rule = target.rule
    # verdicts from the plan's first year on: a 2020 figure is the baseline, not a year judged
    judged = [r for r in results if r.year >= plan.period_start]
    broken = tuple(str(r.year) for r in judged if r.status == "fail")
    if isinstance(rule, YearlyChange):
        values = _values(rule.indicator, data, plan.period_start - 1, now)
        years, said = broken_pairs(rule, values)
        broken, cells = tuple(said), _pair_cells(cells, values, years)
        found = _every_year(max(len(values) - 1, 0), broken)
    elif isinstance(rule, (Threshold, Aggregate)) and rule.every_year and broken:
        found = _every_year(len(judged), broken)
    elif isinstance(rule, (Threshold, Approximate, Aggregate)):
        broken = ()
        found = _series_measure(target, results, plan)
    elif isinstance(rule, Comparison) or (
        isinstance(rule, (Each, KOfN, Milestone)) and rule.every_year
    ):
        found = _every_year(sum(r.status in ("pass", "fail") for r in judged), broken)
    elif isinstance(rule, Projection):
        broken = ()
        found = _projection(judged)
    else:
        broken = ()
        found = _done(rule, results)
    every_year = isinstance(rule, (YearlyChange, Comparison)) or getattr(rule, "every_year", False)
    final, gap = _final(target, results, now)
    if every_year and final and broken:
        final = "not met"  # a rule held every year, broken in some year of the plan
    pace = _pace(target, found, _counted_up(target, plan)) if target.deadline > now else {}
    behind = _behind(results) if found.status == "deterioration" and not broken else ()
    return Progress(
        target, found.status, found.method, found.numbers, cells, broken, pace, final, gap,
        behind,
    )  # fmt: skip


def _behind(results: list[Result]) -> tuple[str, ...]:
    """The schools or items that held a target back in its latest year with data."""
    latest = next((r for r in reversed(results) if r.sources and r.misses), None)
    return latest.misses if latest is not None else ()


def _counted(result: Result) -> str:
    """``3/4`` for a rule over entities (meeting of all), or a checklist (done of all)."""
    numbers = result.numbers
    if not result.sources:
        return ""  # nobody reported: "0/11 meet" would read as "no school met"
    for part, whole in (("meeting", "entities"), ("done", "items")):
        if part in numbers and whole in numbers:
            return f"{numbers[part]:g}/{numbers[whole]:g}"
    return ""


def _values(indicator: str, data: Dataset, first: int, now: int) -> dict[int, float]:
    """The district figures of ``indicator`` by year, from ``first`` to ``now``."""
    return {
        year: found.value
        for year in range(first, now + 1)
        if (found := data.value(indicator, year)) is not None and found.value is not None
    }


def _pair_cells(
    cells: tuple[YearCell, ...], values: dict[int, float], broken: list[int]
) -> tuple[YearCell, ...]:
    """A year-on-year rule's cells: each figure, ✗ where the change to it from the previous
    year with data broke the rule, ✓ where it kept it (the first figure: nothing to compare)."""
    first = min(values, default=None)

    def status(year: int) -> str:
        if year not in values:
            return "missing"
        if year in broken:
            return "fail"
        return "pending" if year == first else "pass"

    return tuple(
        YearCell(c.year, values.get(c.year), status(c.year), c.year in values) for c in cells
    )


# --- targets with a growth series ---------------------------------------------------------


def _series_measure(target: Target, results: list[Result], plan: Plan) -> Measure:
    series = {r.year: float(r.actual) for r in results if isinstance(r.actual, (int, float))}
    base = _base(target, series, plan)
    if base is None or not series or max(series) <= base[0]:
        return Measure("not_available", "fewer than two years with data", {"years": len(series)})
    latest = max(series)
    current = (latest, series[latest])
    direction = _direction(target)
    goal = _goal(target)
    if goal is None:
        return direction_only(base[:2], current, direction)
    met = _met(target, current[1])
    found = with_target(base[:2], current, (target.deadline, goal), direction, met)
    numbers = {**found.numbers, "base_from": base[2]}
    if isinstance(target.rule, Approximate):
        numbers["target_note"] = (
            f"the low end of about {target.rule.value:g} ± {target.rule.tolerance:g}"
        )
    return Measure(found.status, found.method, numbers)


def _base(target: Target, series: dict[int, float], plan: Plan) -> tuple[int, float, str] | None:
    """The base year and value: the data's for the plan's base year, else the plan's own
    baseline, else the first later year with data."""
    if plan.baseline_year in series:
        return plan.baseline_year, series[plan.baseline_year], "data"
    if target.baseline is not None and target.baseline.year == plan.baseline_year:
        return target.baseline.year, target.baseline.value, "plan baseline"
    later = sorted(year for year in series if year > plan.baseline_year)
    return (later[0], series[later[0]], "first year with data") if later else None


def _direction(target: Target) -> str:
    if target.direction is not None:
        return target.direction
    op = getattr(target.rule, "op", ">=")
    return "decrease" if op in ("<=", "<") else "increase"


def _goal(target: Target) -> float | None:
    rule = target.rule
    if isinstance(rule, Approximate):
        return rule.value - rule.tolerance  # the low end of "about": reached from there on
    return float(rule.value) if isinstance(rule, (Threshold, Aggregate)) else None


def _met(target: Target, value: float) -> bool:
    """Met as the check judges it (its operator), which Open SDG's direction only approximates."""
    rule = target.rule
    if isinstance(rule, (Threshold, Aggregate)):
        return compare(value, rule.op, rule.value)
    return isinstance(rule, Approximate) and compare(value, ">=", rule.value - rule.tolerance)


def _pace(target: Target, found: Measure, linear: bool = False) -> dict[str, float | None]:
    """The growth still required a year, from the latest figure, to reach the target by its
    deadline, and the value the trend since the base year projects for it."""
    numbers = found.numbers
    current, goal = numbers.get("current_value"), numbers.get("target_value")
    latest, base = numbers.get("current_year"), numbers.get("base_year")
    observed = numbers.get("observed")
    if (
        not isinstance(current, float)
        or not isinstance(goal, float)
        or not isinstance(latest, int)
        or found.status == "target_achieved"
        or latest >= target.deadline
    ):
        return {}
    years = target.deadline - latest
    pace: dict[str, float | None] = {"remaining_years": float(years)}
    pace["required_per_year"] = (goal - current) / years
    if current > 0 and goal > 0:
        pace["required_growth"] = (goal / current) ** (1 / years) - 1
    base_value = numbers.get("base_value")
    if linear and isinstance(base, int) and isinstance(base_value, float):
        # a count of schools built grows by steps, not by compound interest: a straight line
        pace["projected"] = current + (current - base_value) / (latest - base) * years
    elif isinstance(observed, float) and str(found.method).startswith("growth"):
        pace["projected"] = current * (1 + observed) ** years
    elif isinstance(observed, float) and isinstance(base, int) and latest > base:
        pace["projected"] = current + observed / (latest - base) * years
    return pace


def _counted_up(target: Target, plan: Plan) -> bool:
    """Whether the target counts whole things (schools, brands; not visits per head): its
    trend is projected in a line."""
    from .values import counts_whole_things

    indicators = [plan.indicator(name) for name in target.indicators]
    return isinstance(target.rule, Approximate) or all(map(counts_whole_things, indicators))


# --- targets judged by their yearly verdicts -----------------------------------------------


def _every_year(judged: int, broken: tuple[str, ...]) -> Measure:
    """A rule held every year (or for every pair of years): broken in any, deterioration."""
    numbers: dict[str, float | str | None] = {"years_judged": judged, "years_broken": len(broken)}
    if broken:
        return Measure("deterioration", "a year broke the rule", numbers)
    if judged:
        return Measure("substantial_progress", "no year broke the rule", numbers)
    return Measure("not_available", "no year of the plan with data", numbers)


def _projection(judged: list[Result]) -> Measure:
    """A forecast: on or off its path in the latest year judged (the base year is not)."""
    latest = next((r for r in reversed(judged) if r.status in ("pass", "warn")), None)
    if latest is None:
        return Measure("not_available", "no year of the plan with data", {})
    numbers: dict[str, float | str | None] = {"year": latest.year, **latest.numbers}
    if latest.status == "pass":
        return Measure("substantial_progress", "within its tolerance of the path", numbers)
    return Measure("limited_progress", "outside its tolerance of the path", numbers)


def _done(rule: object, results: list[Result]) -> Measure:
    """Milestones, checklists and per-entity rules by a deadline: their latest verdict."""
    latest = next((r for r in reversed(results) if r.status != "missing" and r.sources), None)
    if latest is None:
        return Measure("not_available", "no year with data", {})
    numbers: dict[str, float | str | None] = {"year": latest.year, **latest.numbers}
    if latest.status == "fail":
        return Measure("deterioration", f"{latest.detail} ({latest.year})", numbers)
    complete = not isinstance(rule, Checklist) or latest.numbers.get("done") == latest.numbers.get(
        "items"
    )
    if latest.status == "pass" and complete:
        return Measure("target_achieved", f"{latest.detail} ({latest.year})", numbers)
    return Measure("moderate_progress", f"{latest.detail} ({latest.year})", numbers)


def _final(target: Target, results: list[Result], now: int) -> tuple[str, float | None]:
    """Met, not met or no data at the deadline, once ``now`` has reached it."""
    if now < target.deadline:
        return "", None
    at = next((r for r in results if r.year == target.deadline), None)
    if at is None or at.status == "missing":
        return "no data", None
    if at.status == "warn":  # never a failure: a forecast missed, or more than "about"
        return ("off forecast" if isinstance(target.rule, Projection) else "met"), at.gap
    return ("met" if at.status == "pass" else "not met"), at.gap
