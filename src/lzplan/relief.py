"""A coefficient of variation over its limit, and what would bring it down: the CV once
every school below a criterion's requirement is raised to it, and the schools that then
move it most if brought to the mean. Each school's move is found in O(1) from the
weighted sums (CV² = Σsᵢxᵢ² ÷ x̄² − 1), so a province's schools take no longer than a sort."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Aggregate, KOfN, Plan, Target
from .rules.base import Context, compare
from .rules.entities import counted, statistic

#: How many further schools a relief names.
NAMED = 3


@dataclass(frozen=True)
class Move:
    """One school brought to the mean, and the CV it would leave."""

    entity: str
    value: float
    cv_after: float


@dataclass(frozen=True)
class Relief:
    """A CV target over its limit: the CV now, the requirement the low schools are raised
    to (``None`` where no criterion names one), how many, the CV after, and the schools
    that would move it most from there."""

    target: str
    indicator: str
    cv: float
    limit: float
    requirement: float | None
    raised: tuple[str, ...]
    cv_after: float
    moves: tuple[Move, ...]


def requirement_of(plan: Plan, indicator: str) -> float | None:
    """The lower bound a ``k_of_n`` criterion sets on ``indicator``, if one does."""
    for target in plan.targets:
        if isinstance(target.rule, KOfN):
            for criterion in target.rule.criteria:
                if criterion.indicator == indicator and criterion.op in (">=", ">"):
                    return criterion.value
    return None


def relief(target: Target, context: Context) -> Relief | None:
    """For a weighted or plain CV ``target`` over its limit, what would bring it down."""
    rule = target.rule
    if not isinstance(rule, Aggregate) or rule.stat != "cv":
        return None
    found, _ = counted(rule, context)
    values = {name: value for name, value, _ in found}
    weights = [float(weight or 0.0) for _, _, weight in found]
    if len(values) < 2:
        return None
    cv = statistic(rule, list(values.values()), weights)
    if compare(cv, rule.op, rule.value):
        return None
    floor = requirement_of(context.plan, rule.indicator)
    raised = tuple(n for n, v in values.items() if floor is not None and v < floor)
    low = frozenset(raised)  # a province's thousands of low schools: looked up, not scanned
    lifted = {n: (floor if n in low and floor is not None else v) for n, v in values.items()}
    after = statistic(rule, list(lifted.values()), weights)
    moves = _moves(lifted, weights)
    return Relief(target.id, rule.indicator, cv, rule.value, floor, raised, after, moves)


def _moves(values: dict[str, float], weights: list[float]) -> tuple[Move, ...]:
    """The schools whose move to the mean would lower the CV most, most first."""
    total = sum(weights)
    shares = [w / total for w in weights]
    items = list(values.items())
    first = sum(s * v for s, (_, v) in zip(shares, items, strict=True))
    second = sum(s * v * v for s, (_, v) in zip(shares, items, strict=True))
    found = []
    for share, (name, value) in zip(shares, items, strict=True):
        mean = first + share * (first - value)
        square = second + share * (first * first - value * value)
        spread = max(square - mean * mean, 0.0)
        found.append(Move(name, value, math.sqrt(spread) / mean if mean else math.inf))
    found.sort(key=lambda move: (move.cv_after, move.entity))
    return tuple(found[:NAMED])
