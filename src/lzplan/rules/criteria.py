"""``k_of_n``: every entity meets most of a set of criteria, and comes close on the rest
(the national "at least 6 of 7 indicators, the other at ≥ 85 % of its requirement")."""

from __future__ import annotations

from collections import Counter

from ..display import format_number, symbol
from ..model import Criterion, KOfN, Target
from ..observations import Observation
from ..results import Status
from .base import Context, Verdict, compare, is_due, missing
from .entities import check_each, each_names


def reached(criterion: Criterion, value: float) -> float:
    """How much of the requirement ``value`` reaches: 0.86 for 3.612 against ≥ 4.2; for an
    upper limit (≤ 45 pupils a class), the limit over the value."""
    if criterion.op in (">=", ">"):
        return value / criterion.value
    return criterion.value / value if value > 0 else float("inf")


def judge_k_of_n(target: Target, rule: KOfN, context: Context) -> Verdict:
    given = {c.indicator: context.data.entities(c.indicator, context.year) for c in rule.criteria}
    reported = {name: None for found in given.values() for name in found}
    names = each_names(rule, context, reported)
    if not names:
        every = tuple(c.indicator for c in rule.criteria)
        expected = f"{rule.at_least} of {len(rule.criteria)}"
        return missing(every, f"per entity in {context.year}", None, expected)
    failing, absent = [], []
    for name in names:
        values = [given[c.indicator].get(name) for c in rule.criteria]
        lacking = [c.indicator for c, v in zip(rule.criteria, values, strict=True) if _none(v)]
        if lacking:
            absent.append(f"{name} (no data: {', '.join(lacking)})")
            continue
        why = _shortfalls(rule, [v.value for v in values if v is not None and v.value is not None])
        if why:
            failing.append(f"{name} ({why})")
    meeting = len(names) - len(failing) - len(absent)
    numbers = {
        "entities": float(len(names)),
        "meeting": float(meeting),
        "failing": float(len(failing)),
        "no_data": float(len(absent)),
    }
    standard = _standard(rule)
    status: Status
    if failing and is_due(target, context.year, rule.every_year):
        status, detail = "fail", f"{len(failing)} not meeting {standard}"
    elif absent:
        status, detail = "missing", f"{len(absent)} without data"
    elif failing:
        status, detail = (
            "pending",
            f"{len(failing)} not meeting {standard}; due by {target.deadline}",
        )
    else:
        status, detail = "pass", f"all {len(names)} meet {standard}"
    actual = f"{meeting}/{len(names)} meet"
    misses = tuple(failing + absent)
    expected = f"{rule.at_least} of {len(rule.criteria)}"
    return Verdict(status, detail, None, expected, actual, None, misses, numbers)


def _none(found: Observation | None) -> bool:
    return found is None or found.value is None


def _shortfalls(rule: KOfN, values: list[float]) -> str:
    """Why an entity fails (empty when it does not): too few met, or one below the floor;
    each missed criterion with its value, requirement and the share of it reached."""
    missed = [
        (criterion, value)
        for criterion, value in zip(rule.criteria, values, strict=True)
        if not compare(value, criterion.op, criterion.value)
    ]
    met = len(rule.criteria) - len(missed)
    below = [(c, v) for c, v in missed if reached(c, v) < rule.floor - 1e-9]
    if met >= rule.at_least and not below:
        return ""
    shown = "; ".join(
        f"{c.indicator} {format_number(v)}, needs {symbol(c.op)} {format_number(c.value)}"
        f" ({reached(c, v):.0%})"
        for c, v in missed
    )
    return f"{met} of {len(rule.criteria)} met; {shown}"


def _standard(rule: KOfN) -> str:
    rest = f", the rest at ≥ {rule.floor:.0%}" if rule.floor else ""
    return f"{rule.at_least} of {len(rule.criteria)}{rest}"


def describe_k_of_n(target: Target, rule: KOfN) -> str:
    when = "every year" if rule.every_year else f"by {target.deadline}"
    return f"each: ≥ {_standard(rule)} of the requirements {when}"


def check_k_of_n(rule: KOfN) -> list[tuple[tuple[str | int, ...], str]]:
    """``at_least`` no more than the criteria; each indicator once; a direction for each
    (a floor means nothing for ``==``); roster kinds known (as for ``each``)."""
    found = check_each(rule)
    if rule.at_least > len(rule.criteria):
        found.append(
            (("rule", "at_least"), f"at least {rule.at_least} of {len(rule.criteria)} criteria")
        )
    counts = Counter(criterion.indicator for criterion in rule.criteria)
    for index, criterion in enumerate(rule.criteria):
        here: tuple[str | int, ...] = ("rule", "criteria", index)
        if counts[criterion.indicator] > 1:
            found.append(((*here, "indicator"), f"{criterion.indicator!r} is listed twice"))
        if criterion.op == "==":
            found.append(((*here, "op"), "a criterion needs a direction: >=, >, <= or <"))
    return found
