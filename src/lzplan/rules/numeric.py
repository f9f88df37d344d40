"""Rules over district-level numbers: thresholds, projections, yearly changes,
comparisons of two quantities, and approximate counts."""

from __future__ import annotations

import itertools
import math

from ..display import format_number, scaled, symbol, unit_suffix
from ..model import Approximate, Comparison, Projection, Target, Threshold, YearlyChange
from ..results import Status
from .base import Context, Verdict, compare, is_due, missing, path_value, with_baseline


def judge_threshold(target: Target, rule: Threshold, context: Context) -> Verdict:
    # A standard held every year is the same standard each year: no path towards it.
    expected = rule.value if rule.every_year else path_value(target, rule.value, context.year)
    found = context.data.value(rule.indicator, context.year)
    if found is None or found.value is None:
        return missing((rule.indicator,), f"in {context.year}", rule.op, expected)
    actual = found.value
    numbers = with_baseline(target, final=rule.value)
    met = compare(actual, rule.op, expected)
    if met:
        detail = "met"
        status: Status = "pass"
    elif is_due(target, context.year, rule.every_year) or target.baseline is not None:
        status = "fail"
        detail = "off the straight path to the target" if expected != rule.value else "not met"
    else:
        status = "pending"
        detail = f"not yet met; due by {target.deadline}"
    return Verdict(status, detail, rule.op, expected, actual, actual - expected, numbers=numbers)


def judge_projection(target: Target, rule: Projection, context: Context) -> Verdict:
    expected = path_value(target, rule.value, context.year)
    found = context.data.value(rule.indicator, context.year)
    if found is None or found.value is None:
        return missing((rule.indicator,), f"in {context.year}", "≈", expected)
    actual = found.value
    gap = actual - expected
    deviation = gap / expected if expected else (0.0 if not gap else math.inf)
    numbers = with_baseline(target, final=rule.value, tolerance=rule.tolerance, deviation=deviation)
    within = abs(deviation) <= rule.tolerance + 1e-12
    detail = f"off the projection by {deviation:+.1%} (tolerance ±{rule.tolerance:.0%})"
    status: Status = "pass" if within else "warn"
    return Verdict(status, detail, "≈", expected, actual, gap, numbers=numbers)


def judge_yearly_change(target: Target, rule: YearlyChange, context: Context) -> Verdict:
    year = context.year
    if year < context.plan.period_start:
        return Verdict(
            "pending", f"applies from {context.plan.period_start}, the plan's first year"
        )
    wanted = f"change {symbol(rule.op)} {format_number(rule.delta)}"
    current = context.data.value(rule.indicator, year)
    if current is None or current.value is None:
        return missing((rule.indicator,), f"in {year}", None, wanted)
    previous = context.data.value(rule.indicator, year - 1)
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


def judge_comparison(target: Target, rule: Comparison, context: Context) -> Verdict:
    left = context.data.value(rule.left, context.year)
    right = context.data.value(rule.right, context.year)
    absent = [
        name
        for name, found in ((rule.left, left), (rule.right, right))
        if found is None or found.value is None
    ]
    standard = scaled(rule.factor, rule.right)
    if left is None or right is None or left.value is None or right.value is None:
        return missing(tuple(absent), f"in {context.year}", rule.op, standard)
    expected = rule.factor * right.value
    met = compare(left.value, rule.op, expected)
    numbers = {"left": left.value, "right": right.value, "factor": rule.factor}
    detail = f"{rule.left} {symbol(rule.op)} {standard} ({format_number(right.value)})"
    status: Status = "pass" if met else "fail"
    return Verdict(
        status, detail, rule.op, expected, left.value, left.value - expected, numbers=numbers
    )


def judge_approximate(target: Target, rule: Approximate, context: Context) -> Verdict:
    found = context.data.value(rule.indicator, context.year)
    if found is None or found.value is None:
        return missing((rule.indicator,), f"in {context.year}", "≈", rule.value)
    actual = found.value
    low, high = rule.value - rule.tolerance, rule.value + rule.tolerance
    numbers = {"low": low, "high": high}
    tolerance = format_number(rule.tolerance)
    if compare(actual, ">", high):
        status: Status = "warn"
        detail = f"more than planned (about {format_number(rule.value)} ± {tolerance})"
    elif compare(actual, ">=", low):
        status, detail = "pass", f"within {format_number(low)}–{format_number(high)}"
    elif is_due(target, context.year):
        status, detail = "fail", f"short of {format_number(low)}"
    else:
        status, detail = "pending", f"short of {format_number(low)}; due by {target.deadline}"
    return Verdict(status, detail, "≈", rule.value, actual, actual - rule.value, numbers=numbers)


def broken_pairs(rule: YearlyChange, values: dict[int, float]) -> tuple[list[int], list[str]]:
    """Over a run of years (``values`` by year), the years that broke ``rule``, each against
    the previous year with data, and what each did; across a gap the rule is scaled by the
    years between (−1 point a year is −2 over two) and the gap is said."""
    years = sorted(values)
    broken: list[int] = []
    said: list[str] = []
    for before, after in itertools.pairwise(years):
        span = after - before
        change = values[after] - values[before]
        if not compare(change, rule.op, rule.delta * span):
            gap = f", {span} years" if span > 1 else ""
            broken.append(after)
            said.append(f"{after} (change {change:+g} since {before}{gap})")
    return broken, said


# --- descriptions ---------------------------------------------------------------------


def describe_threshold(target: Target, rule: Threshold) -> str:
    when = "every year" if rule.every_year else f"by {target.deadline}"
    return f"{symbol(rule.op)} {format_number(rule.value)}{unit_suffix(target.unit)} {when}"


def describe_projection(target: Target, rule: Projection) -> str:
    value = f"{format_number(rule.value)}{unit_suffix(target.unit)}"
    return f"≈ {value} by {target.deadline} (±{rule.tolerance:.0%}, projection)"


def describe_yearly_change(target: Target, rule: YearlyChange) -> str:
    return (
        f"change {symbol(rule.op)} {format_number(rule.delta)}{unit_suffix(target.unit)} every year"
    )


def describe_comparison(target: Target, rule: Comparison) -> str:
    return f"{rule.left} {symbol(rule.op)} {scaled(rule.factor, rule.right)} every year"


def describe_approximate(target: Target, rule: Approximate) -> str:
    spread = f"{format_number(rule.tolerance)}{unit_suffix(target.unit)}"
    return f"about {format_number(rule.value)} ± {spread} by {target.deadline}"
