"""Judging one target against one year of a dataset: one function per rule kind.

``base`` holds what they share; ``numeric``, ``entities`` and ``done`` the judges;
``kinds`` the table of every kind's parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Plan, Target
from ..results import Result
from .base import Context, Recorder, Verdict, compare, path_value, tidy
from .kinds import kind_of

if TYPE_CHECKING:
    from ..roster import Roster
    from .base import Lookup

__all__ = ["Context", "Verdict", "compare", "evaluate", "judge", "path_value"]


def evaluate(target: Target, context: Context) -> Result:
    """The verdict on ``target`` for ``context.year``, with where its figures were read
    and flags on figures that moved surprisingly (which never change the verdict)."""
    recorder = Recorder(context.data)
    judge_rule = kind_of(target.rule).judge
    # Context's own constructor: dataclasses.replace costs more than the judging of a
    # simple target, and a batch of 2,800 counties judges half a million of them
    seen = Context(context.plan, recorder, context.year, context.roster, context.excluded)
    verdict = judge_rule(target, target.rule, seen)
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
        confidence=target.source.confidence,
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
    outside: dict[str, str] = {}
    if plan.exclude:
        from ..exclusions import excluded

        outside = excluded(plan, data, roster, year)
    context = Context(plan, data, year, roster, outside)
    return tuple(evaluate(target, context) for target in plan.targets)
