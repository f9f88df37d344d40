"""Judging one target against one year's actuals: one function per rule kind."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .actuals import Actuals, Observation, format_number
from .describe import symbol
from .model import (
    Aggregate,
    Approximate,
    Checklist,
    Comparison,
    Each,
    Milestone,
    Plan,
    Projection,
    Target,
    Threshold,
    YearlyChange,
)
from .results import Result, Status

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
}


def compare(actual: float, op: str, expected: float) -> bool:
    """``actual op expected``, forgiving float noise such as 98.30000000000001."""
    close = math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)
    if close:
        return op in (">=", "<=", "==")
    return _OPS[op](actual, expected)


@dataclass(frozen=True)
class Context:
    """What every rule needs besides its target: the plan, the data and the year."""

    plan: Plan
    actuals: Actuals
    year: int


@dataclass(frozen=True)
class Verdict:
    """A rule's finding, before the target's descriptive fields are added."""

    status: Status
    detail: str
    op: str | None = None
    expected: float | str | None = None
    actual: float | str | None = None
    gap: float | None = None
    misses: tuple[str, ...] = ()
    numbers: Mapping[str, float | None] | None = None
    lacking: tuple[str, ...] = ()


def evaluate(target: Target, context: Context) -> Result:
    """The verdict on ``target`` for ``context.year``."""
    verdict = _JUDGES[type(target.rule)](target, target.rule, context)
    return Result(
        target=target.id,
        section=target.section,
        name_zh=target.name_zh,
        name_en=target.name_en,
        kind=target.rule.kind,
        nature=target.nature,
        year=context.year,
        status=verdict.status,
        unit=target.unit,
        op=verdict.op,
        expected=_tidy(verdict.expected),
        actual=_tidy(verdict.actual),
        gap=_tidy(verdict.gap),
        detail=verdict.detail,
        misses=verdict.misses,
        numbers={key: _tidy(value) for key, value in (verdict.numbers or {}).items()},
        indicators=target.indicators,
        lacking=verdict.lacking,
    )


def _tidy(value: Any) -> Any:
    """Round away float noise (98.30000000000001) in reported numbers."""
    if isinstance(value, float) and math.isfinite(value):
        return round(value, 9)
    return value


def path_value(target: Target, final: float, year: int) -> float:
    """The plan's 时序进度: the straight path from baseline to ``final`` at ``year``."""
    baseline = target.baseline
    if baseline is None or year >= target.deadline:
        return final
    if year <= baseline.year:
        return baseline.value
    share = (year - baseline.year) / (target.deadline - baseline.year)
    return baseline.value + (final - baseline.value) * share


def _missing(
    lacking: tuple[str, ...],
    when: str,
    op: str | None = None,
    expected: float | str | None = None,
) -> Verdict:
    """No data for ``lacking``; still says what was expected, so the table shows it."""
    detail = f"no value for {' and '.join(lacking)} {when}"
    return Verdict("missing", detail, op, expected, lacking=lacking)


def _due(target: Target, year: int, every_year: bool = False) -> bool:
    return every_year or year >= target.deadline


def _numbers(target: Target, **extra: float | None) -> dict[str, float | None]:
    numbers: dict[str, float | None] = {}
    if target.baseline is not None:
        numbers["baseline"] = target.baseline.value
        numbers["baseline_year"] = float(target.baseline.year)
    numbers.update(extra)
    return numbers


def _threshold(target: Target, rule: Threshold, context: Context) -> Verdict:
    # A standard held every year is the same standard each year: no path towards it.
    expected = rule.value if rule.every_year else path_value(target, rule.value, context.year)
    found = context.actuals.value(rule.indicator, context.year)
    if found is None or found.value is None:
        return _missing((rule.indicator,), f"in {context.year}", rule.op, expected)
    actual = found.value
    numbers = _numbers(target, final=rule.value)
    met = compare(actual, rule.op, expected)
    if met:
        detail = "met"
        status: Status = "pass"
    elif _due(target, context.year, rule.every_year) or target.baseline is not None:
        status = "fail"
        detail = "off the straight path to the target" if expected != rule.value else "not met"
    else:
        status = "pending"
        detail = f"not yet met; due by {target.deadline}"
    return Verdict(status, detail, rule.op, expected, actual, actual - expected, numbers=numbers)


def _projection(target: Target, rule: Projection, context: Context) -> Verdict:
    expected = path_value(target, rule.value, context.year)
    found = context.actuals.value(rule.indicator, context.year)
    if found is None or found.value is None:
        return _missing((rule.indicator,), f"in {context.year}", "≈", expected)
    actual = found.value
    gap = actual - expected
    deviation = gap / expected if expected else (0.0 if not gap else math.inf)
    numbers = _numbers(target, final=rule.value, tolerance=rule.tolerance, deviation=deviation)
    within = abs(deviation) <= rule.tolerance + 1e-12
    detail = f"off the projection by {deviation:+.1%} (tolerance ±{rule.tolerance:.0%})"
    status: Status = "pass" if within else "warn"
    return Verdict(status, detail, "≈", expected, actual, gap, numbers=numbers)


def _yearly_change(target: Target, rule: YearlyChange, context: Context) -> Verdict:
    year = context.year
    if year < context.plan.period_start:
        return Verdict(
            "pending", f"applies from {context.plan.period_start}, the plan's first year"
        )
    wanted = f"change {symbol(rule.op)} {format_number(rule.delta)}"
    current = context.actuals.value(rule.indicator, year)
    if current is None or current.value is None:
        return _missing((rule.indicator,), f"in {year}", None, wanted)
    previous = context.actuals.value(rule.indicator, year - 1)
    if previous is None or previous.value is None:
        return Verdict(
            "missing",
            f"no value for {rule.indicator} in {year - 1} to compare with",
            expected=wanted,
            actual=current.value,
            lacking=(f"{rule.indicator} ({year - 1})",),
        )
    change = current.value - previous.value
    expected = previous.value + rule.delta
    met = compare(change, rule.op, rule.delta)
    numbers = {"previous": previous.value, "change": change, "delta": rule.delta}
    detail = f"changed {format_number(change)} from {year - 1} ({format_number(previous.value)})"
    status: Status = "pass" if met else "fail"
    return Verdict(
        status, detail, rule.op, expected, current.value, current.value - expected, numbers=numbers
    )


def _comparison(target: Target, rule: Comparison, context: Context) -> Verdict:
    left = context.actuals.value(rule.left, context.year)
    right = context.actuals.value(rule.right, context.year)
    absent = [
        name
        for name, found in ((rule.left, left), (rule.right, right))
        if found is None or found.value is None
    ]
    if absent or left is None or right is None or left.value is None or right.value is None:
        factor = "" if rule.factor == 1 else f"{format_number(rule.factor)} × "
        return _missing(tuple(absent), f"in {context.year}", rule.op, f"{factor}{rule.right}")
    expected = rule.factor * right.value
    met = compare(left.value, rule.op, expected)
    numbers = {"left": left.value, "right": right.value, "factor": rule.factor}
    factor = "" if rule.factor == 1 else f"{format_number(rule.factor)} × "
    detail = f"{rule.left} {symbol(rule.op)} {factor}{rule.right} ({format_number(right.value)})"
    status: Status = "pass" if met else "fail"
    return Verdict(
        status, detail, rule.op, expected, left.value, left.value - expected, numbers=numbers
    )


def _entity_values(rule: Each | Aggregate, context: Context) -> dict[str, Observation]:
    return context.actuals.entities(rule.indicator, context.year)


def _each(target: Target, rule: Each, context: Context) -> Verdict:
    reported = _entity_values(rule, context)
    names = list(rule.entities) or sorted(reported)
    if not names:
        return _missing((rule.indicator,), f"per entity in {context.year}", rule.op, rule.value)
    failing, absent = [], []
    for name in names:
        found = reported.get(name)
        if found is None or found.value is None:
            absent.append(f"{name} (no data)")
        elif not compare(found.value, rule.op, rule.value):
            failing.append(f"{name} ({found.shown()})")
    meeting = len(names) - len(failing) - len(absent)
    actual = f"{meeting}/{len(names)} meet"
    numbers = {
        "entities": float(len(names)),
        "meeting": float(meeting),
        "failing": float(len(failing)),
        "no_data": float(len(absent)),
    }
    due = _due(target, context.year, rule.every_year)
    standard = f"{symbol(rule.op)} {format_number(rule.value)}"
    not_meeting = f"{len(failing)} not meeting {standard}"
    if failing and due:
        status: Status = "fail"
        detail = not_meeting
    elif absent:
        status, detail = "missing", f"{len(absent)} without data"
    elif failing:
        status, detail = "pending", f"{not_meeting}; due by {target.deadline}"
    else:
        status, detail = "pass", f"all {len(names)} meet {standard}"
    return Verdict(
        status, detail, rule.op, rule.value, actual, None, tuple(failing + absent), numbers
    )


def _statistic(rule: Aggregate, values: list[float]) -> float:
    if rule.stat in ("count", "share"):
        hits = sum(1 for value in values if compare(value, rule.where_op, rule.where_value))
        return float(hits) if rule.stat == "count" else 100.0 * hits / len(values)
    if rule.stat == "mean":
        return sum(values) / len(values)
    if rule.stat == "min":
        return min(values)
    if rule.stat == "max":
        return max(values)
    if rule.stat == "sum":
        return sum(values)
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((value - mean) ** 2 for value in values) / len(values))
    return spread / mean if mean else math.inf


def _aggregate(target: Target, rule: Aggregate, context: Context) -> Verdict:
    reported = _entity_values(rule, context)
    values = [found.value for found in reported.values() if found.value is not None]
    absent = tuple(
        f"{name} (no data)" for name, found in sorted(reported.items()) if found.value is None
    )
    if not values:
        return _missing((rule.indicator,), f"per entity in {context.year}", rule.op, rule.value)
    actual = _statistic(rule, values)
    met = compare(actual, rule.op, rule.value)
    numbers = {"entities": float(len(values))}
    detail = f"{rule.stat} over {len(values)} entities"
    due = _due(target, context.year, rule.every_year)
    if not met and due:
        status: Status = "fail"
    elif absent:
        status, detail = "missing", f"{detail}; {len(absent)} without data"
    else:
        status = "pass" if met else "pending"
    return Verdict(
        status, detail, rule.op, rule.value, actual, actual - rule.value, absent, numbers
    )


def _done_by(
    history: list[Observation], due: int, year: int
) -> tuple[Status, str, Observation | None]:
    """Whether a done/not-done fact due by ``due`` holds in ``year``, given its history.

    "Done" carries forward from the first year that says so; "not done" carries
    forward only once the deadline has passed (the deadline was then missed).
    An undated "done" is late when a year from ``due`` on still said "not done".
    """
    done = next((seen for seen in history if seen.flag is not None and seen.flag.done), None)
    if done is not None and done.flag is not None:
        flag = done.flag
        if flag.year is not None and flag.year > due:
            return "fail", f"done late ({flag.on}, due {due})", done
        still_open = [seen.year for seen in history if seen.year >= due and seen.year < done.year]
        if flag.year is None and still_open:
            return "fail", f"done late (not done in {still_open[-1]}, due {due})", done
        return "pass", f"done ({flag.text()})", done
    overdue = [seen for seen in history if seen.year >= due]
    if overdue:  # a year at or past the deadline said "not done": the deadline was missed
        return "fail", f"not done; due by {due}", overdue[-1]
    current = next((seen for seen in history if seen.year == year), None)
    if current is None:
        return "missing", "no data", None
    if year < due:
        return "pending", f"not yet done; due by {due}", current
    return "fail", f"not done; due by {due}", current


def _milestone(target: Target, rule: Milestone, context: Context) -> Verdict:
    history = context.actuals.history(rule.indicator, context.year)
    status, detail, found = _done_by(history, target.deadline, context.year)
    if found is None:
        return _missing((rule.indicator,), f"in {context.year}", None, f"done by {target.deadline}")
    return Verdict(
        status,
        detail,
        None,
        f"done by {target.deadline}",
        found.shown(),
        numbers={"deadline": float(target.deadline)},
    )


def _checklist(target: Target, rule: Checklist, context: Context) -> Verdict:
    year = context.year
    statuses: dict[str, list[str]] = {"fail": [], "missing": [], "pass": [], "pending": []}
    for item in rule.items:
        history = context.actuals.history(rule.indicator, year, item.name)
        status, why, _ = _done_by(history, item.due, year)
        if status == "missing" and item.due > year:
            status = "pending"
        statuses[status].append(f"{item.name} ({why})")
    due = sum(1 for item in rule.items if item.due <= year)
    done = len(statuses["pass"])
    numbers = {"items": float(len(rule.items)), "due": float(due), "done": float(done)}
    expected = f"{due} of {len(rule.items)} due by {year}"
    actual = f"{done} of {len(rule.items)} done"
    misses = tuple(statuses["fail"] + statuses["missing"])
    if statuses["fail"]:
        status_: Status = "fail"
        detail = f"{len(statuses['fail'])} due item(s) not done in time"
    elif statuses["missing"]:
        status_, detail = "missing", f"{len(statuses['missing'])} due item(s) without data"
    elif statuses["pending"]:
        status_ = "pass" if due else "pending"
        detail = (
            f"all {due} due item(s) done"
            if due
            else f"nothing due until {min(i.due for i in rule.items)}"
        )
    else:
        status_, detail = "pass", "all items done"
    return Verdict(status_, detail, None, expected, actual, None, misses, numbers)


def _approximate(target: Target, rule: Approximate, context: Context) -> Verdict:
    found = context.actuals.value(rule.indicator, context.year)
    if found is None or found.value is None:
        return _missing((rule.indicator,), f"in {context.year}", "≈", rule.value)
    actual = found.value
    low, high = rule.value - rule.tolerance, rule.value + rule.tolerance
    numbers = {"low": low, "high": high}
    tolerance = format_number(rule.tolerance)
    if compare(actual, ">", high):
        status: Status = "warn"
        detail = f"more than planned (about {format_number(rule.value)} ± {tolerance})"
    elif compare(actual, ">=", low):
        status, detail = "pass", f"within {format_number(low)}–{format_number(high)}"
    elif _due(target, context.year):
        status, detail = "fail", f"short of {format_number(low)}"
    else:
        status, detail = "pending", f"short of {format_number(low)}; due by {target.deadline}"
    return Verdict(status, detail, "≈", rule.value, actual, actual - rule.value, numbers=numbers)


_JUDGES: dict[type, Callable[[Target, Any, Context], Verdict]] = {
    Threshold: _threshold,
    Projection: _projection,
    YearlyChange: _yearly_change,
    Comparison: _comparison,
    Each: _each,
    Aggregate: _aggregate,
    Milestone: _milestone,
    Checklist: _checklist,
    Approximate: _approximate,
}


def judge(plan: Plan, actuals: Actuals, year: int) -> tuple[Result, ...]:
    """Every target of ``plan`` judged for ``year``."""
    context = Context(plan, actuals, year)
    return tuple(evaluate(target, context) for target in plan.targets)
