"""Judging one target against one year of a dataset: one function per rule kind.

``base`` holds what they share; ``numeric``, ``entities`` and ``done`` the judges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

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
from ..results import Result
from .base import Context, Recorder, Verdict, compare, path_value, tidy
from .done import judge_checklist, judge_milestone
from .entities import judge_aggregate, judge_each
from .numeric import (
    judge_approximate,
    judge_comparison,
    judge_projection,
    judge_threshold,
    judge_yearly_change,
)

if TYPE_CHECKING:
    from ..roster import Roster
    from .base import Lookup

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
    """The verdict on ``target`` for ``context.year``, with where its figures were read
    and flags on figures that moved surprisingly (which never change the verdict)."""
    recorder = Recorder(context.data)
    verdict = _JUDGES[type(target.rule)](target, target.rule, replace(context, data=recorder))
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
        flags=flags(target, context),
        sources=recorder.places(),
    )


def flags(target: Target, context: Context) -> tuple[str, ...]:
    """A note for each district figure of ``target`` that moved surprisingly since last year."""
    from ..flags import surprising

    found = []
    for name in target.indicators:
        indicator = context.plan.indicator(name)
        now = context.data.value(name, context.year)
        before = context.data.value(name, context.year - 1)
        if indicator.per_entity or now is None or before is None:
            continue
        if now.value is not None and before.value is not None:
            flag = surprising(indicator, before.value, now.value)
            if flag:
                found.append(flag)
    return tuple(found)


def judge(plan: Plan, data: Lookup, year: int, roster: Roster | None = None) -> tuple[Result, ...]:
    """Every target of ``plan`` judged for ``year``."""
    context = Context(plan, data, year, roster)
    return tuple(evaluate(target, context) for target in plan.targets)
