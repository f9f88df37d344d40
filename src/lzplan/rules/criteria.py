"""``k_of_n``: every entity meets most of a set of criteria, and comes close on the rest
(the national "at least 6 of 7 indicators, the other at ≥ 85 % of its requirement")."""

from __future__ import annotations

import math
from collections import Counter

from ..display import format_number, symbol
from ..model import Criterion, KOfN, Target
from ..observations import Observation
from ..results import Status
from .base import Context, Verdict, compare, is_due, missing
from .entities import check_each, each_names, excluded_note


def reached(criterion: Criterion, value: float) -> float:
    """How much of the requirement ``value`` reaches: 0.86 for 3.612 against ≥ 4.2; for an
    upper limit (≤ 45 pupils a class), the limit over the value."""
    if criterion.op in (">=", ">"):
        return value / criterion.value
    return criterion.value / value if value > 0 else float("inf")


def judge_k_of_n(target: Target, rule: KOfN, context: Context) -> Verdict:
    given = {c.indicator: context.data.entities(c.indicator, context.year) for c in rule.criteria}
    names = each_names(rule, context, reported_by(given))
    if not names:
        every = tuple(c.indicator for c in rule.criteria)
        return missing(every, f"per entity in {context.year}", None, _standard(rule))
    failing, absent = [], []
    label = {c.indicator: context.plan.indicator(c.indicator).name_zh for c in rule.criteria}
    for name in names:
        found = {c: given[c.indicator].get(name) for c in rule.criteria}
        known = [(c, o.value) for c, o in found.items() if o is not None and o.value is not None]
        lacking = [label[c.indicator] for c, o in found.items() if _none(o)]
        no_data = f"no data: {', '.join(lacking)}" if lacking else ""
        why = _shortfalls(rule, known, len(lacking), label)
        if why:  # failing whatever the figures it lacks would say
            failing.append(f"{name} ({'; '.join(filter(None, (why, no_data)))})")
        elif lacking:
            absent.append(f"{name} ({no_data})")
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
    detail += excluded_note(rule, context)
    actual = f"{meeting}/{len(names)} meet"
    misses = tuple(failing + absent)
    return Verdict(status, detail, None, _standard(rule), actual, None, misses, numbers)


def reported_by(given: dict[str, dict[str, Observation]]) -> dict[str, Observation]:
    """Each entity the criteria's figures name, with one of its figures (one with a value,
    where it has one)."""
    reported: dict[str, Observation] = {}
    for found in given.values():
        for name, seen in found.items():
            if name not in reported or seen.value is not None:
                reported[name] = seen
    return reported


def _none(found: Observation | None) -> bool:
    return found is None or found.value is None


def _shortfalls(
    rule: KOfN, known: list[tuple[Criterion, float]], unknown: int, label: dict[str, str]
) -> str:
    """Why an entity fails (empty when it does not, or when the figures it lacks decide):
    too few met even if every lacking one is met, or one missed below the floor; each
    missed criterion with its value, requirement and the share of it reached."""
    missed = [(c, value) for c, value in known if not compare(value, c.op, c.value)]
    met = len(known) - len(missed)
    below = [(c, v) for c, v in missed if reached(c, v) < rule.floor - 1e-9]
    if met + unknown >= rule.at_least and not below:
        return ""
    shown = "; ".join(
        f"{label[c.indicator]} {format_number(round(v, 2))}, needs {symbol(c.op)} "
        f"{format_number(c.value)} (reaches {_share(reached(c, v))})"
        for c, v in missed
    )
    return f"{met} of {len(rule.criteria)} met; {shown}"


def _share(fraction: float) -> str:
    """A share of a requirement, rounded down: 84.99 % must not read as the 85 % floor."""
    return f"{format_number(math.floor(fraction * 1000 + 1e-6) / 10)}%"


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
