"""Judging one target against one year's actuals: one function per rule kind.

``base`` holds what they share; ``numeric``, ``entities`` and ``done`` the judges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import (
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
from ..observations import Actuals
from ..results import Result
from .base import Context, Verdict, compare, path_value, tidy
from .done import judge_checklist, judge_milestone
from .entities import judge_aggregate, judge_each
from .numeric import (
    judge_approximate,
    judge_comparison,
    judge_projection,
    judge_threshold,
    judge_yearly_change,
)

__all__ = ["Context", "Verdict", "compare", "evaluate", "judge", "path_value"]

_JUDGES: dict[type, Callable[[Target, Any, Context], Verdict]] = {
    Threshold: judge_threshold,
    Projection: judge_projection,
    YearlyChange: judge_yearly_change,
    Comparison: judge_comparison,
    Each: judge_each,
    Aggregate: judge_aggregate,
    Milestone: judge_milestone,
    Checklist: judge_checklist,
    Approximate: judge_approximate,
}


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
        expected=tidy(verdict.expected),
        actual=tidy(verdict.actual),
        gap=tidy(verdict.gap),
        detail=verdict.detail,
        misses=verdict.misses,
        numbers={key: tidy(value) for key, value in (verdict.numbers or {}).items()},
        indicators=target.indicators,
        lacking=verdict.lacking,
    )


def judge(plan: Plan, actuals: Actuals, year: int) -> tuple[Result, ...]:
    """Every target of ``plan`` judged for ``year``."""
    context = Context(plan, actuals, year)
    return tuple(evaluate(target, context) for target in plan.targets)
