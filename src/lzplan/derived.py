"""Derived indicators: figures a plan judges computed from the ones bureaus keep — a
ratio of two counts (:mod:`lzplan.ratios`), a district total of a per-entity figure
(:mod:`lzplan.sums`), a stage's part of a school's (:mod:`lzplan.stageparts`) or a sum of
one entity's figures (:mod:`lzplan.additions`) — in the order their inputs need.
"""

from __future__ import annotations

import sys
from operator import itemgetter
from typing import TYPE_CHECKING

from .additions import check_addition, compute_addition
from .derivedbase import Found
from .errors import DataError, Problem
from .model import Addition, Indicator, Plan, Ratio, StagePart, Total
from .observations import Index
from .ratios import check_ratio, compute_ratio, input_problems
from .stageparts import compute_stage_part, no_stage
from .sums import compute_total

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pydantic's own dependency
    from typing_extensions import assert_never

if TYPE_CHECKING:
    from .roster import Roster

PlanProblems = list[tuple[tuple[str | int, ...], str]]


def derive(plan: Plan, by_key: Index, roster: Roster | None = None) -> list[Problem]:
    """Each derived indicator computed and added to ``by_key``; the warnings. Raises
    :class:`DataError` for a computed figure no school could have."""
    derived = _in_order(plan)
    if not derived:
        return []
    warnings: dict[Problem, None] = {}  # one zero denominator behind seven ratios: said once
    errors: list[Problem] = []
    parts_of = {i.derived.part_of for i in derived if isinstance(i.derived, StagePart)}
    if parts_of:
        warnings.update(dict.fromkeys(no_stage(plan, by_key, parts_of, roster)))
    for indicator in derived:
        found = _compute(indicator, plan, by_key, roster)
        by_key.put_all(map(itemgetter(0), found))
        for problem in [said for _, said in found if said is not None]:
            if problem.severity == "error":
                errors.append(problem)
            else:
                warnings[problem] = None
    if errors:
        raise DataError(errors)
    return list(warnings)


def _compute(indicator: Indicator, plan: Plan, by_key: Index, roster: Roster | None) -> Found:
    rule = indicator.derived
    if isinstance(rule, Ratio):
        return compute_ratio(indicator, rule, by_key)
    if isinstance(rule, Total):
        return compute_total(indicator, rule, by_key, roster)
    if isinstance(rule, StagePart):
        return compute_stage_part(indicator, rule, plan, by_key)
    if isinstance(rule, Addition):
        return compute_addition(indicator, rule, by_key)
    if rule is None:
        return []
    assert_never(rule)


def _in_order(plan: Plan) -> list[Indicator]:
    """The derived indicators, each after the derived ones it is computed from."""
    placed: dict[str, Indicator] = {}

    def place(indicator: Indicator, path: tuple[str, ...]) -> None:
        if indicator.id in placed or indicator.id in path:
            return  # a cycle, which the plan checks refuse
        for name in indicator.inputs:
            source = plan.indicator_map.get(name)
            if source is not None and source.derived is not None:
                place(source, (*path, indicator.id))
        placed[indicator.id] = indicator

    for indicator in plan.indicators:
        if indicator.derived is not None:
            place(indicator, ())
    return list(placed.values())


def check_plan(plan: Plan) -> PlanProblems:
    """What a plan's derived indicators need: known number inputs at the right level, a
    number indicator to compute, and no indicator computed (in the end) from itself."""
    indicators = plan.indicator_map
    found: PlanProblems = check_stages(plan)
    for index, indicator in enumerate(plan.indicators):
        rule = indicator.derived
        if rule is None:
            continue
        here: tuple[str | int, ...] = ("indicators", index, "derived")
        if indicator.type != "number":
            found.append((here, "only a number indicator can be derived"))
        cycle = _cycle(indicator, indicators)
        if cycle:
            found.append((here, f"computed from itself: {' → '.join(cycle)}"))
        if isinstance(rule, Ratio):
            problems = check_ratio(indicator, rule, indicators)
        elif isinstance(rule, Total):
            problems = _check_total(indicator, rule, indicators)
        elif isinstance(rule, Addition):
            problems = check_addition(indicator, rule, indicators)
        elif isinstance(rule, StagePart):
            problems = _check_stage_part(indicator, rule, plan)
        else:
            assert_never(rule)
        found.extend(((*here, *path), message) for path, message in problems)
    return found


def _check_total(
    indicator: Indicator, total: Total, indicators: dict[str, Indicator]
) -> PlanProblems:
    """A district total of a known per-entity number, over known roster kinds and ownerships."""
    from .roster import KINDS, OWNERSHIPS

    found: PlanProblems = []
    if indicator.per_entity:
        found.append(((), "a total is a district figure: leave per_entity out"))
    problems = input_problems(indicator, total.sum_of, indicators, "total", level=False)
    found.extend((("sum_of",), message) for message in problems)
    source = indicators.get(total.sum_of)
    if source is not None and not source.per_entity:
        found.append((("sum_of",), f"{total.sum_of!r} must be per-entity, to be summed"))
    for field, known in (("kinds", KINDS), ("ownership", OWNERSHIPS)):
        for i, value in enumerate(getattr(total, field)):
            if value not in known:
                found.append(
                    ((field, i), f"unknown {field} {value!r}; expected one of {list(known)}")
                )
    return found


def _check_stage_part(indicator: Indicator, part: StagePart, plan: Plan) -> PlanProblems:
    """A per-entity part of known per-entity numbers, for a stage the plan declares."""
    found: PlanProblems = []
    if not indicator.per_entity:
        found.append(((), "a stage part is a school's figure: set per_entity: true"))
    if part.stage not in {stage.stage for stage in plan.stages}:
        declared = [stage.stage for stage in plan.stages]
        found.append(
            (("stage",), f"unknown stage {part.stage!r}; the plan's stages are {declared}")
        )
    for field in ("part_of", "per_stage"):
        name = getattr(part, field)
        if name:
            problems = input_problems(indicator, name, plan.indicator_map, "stage part")
            found.extend(((field,), message) for message in problems)
    return found


def check_stages(plan: Plan) -> PlanProblems:
    """Each stage once, with a known per-entity number for its pupils, of known kinds."""
    from .roster import KINDS

    found: PlanProblems = []
    seen: set[str] = set()
    for index, stage in enumerate(plan.stages):
        here: tuple[str | int, ...] = ("stages", index)
        if stage.stage in seen:
            found.append(((*here, "stage"), f"stage {stage.stage!r} is listed twice"))
        seen.add(stage.stage)
        pupils = plan.indicator_map.get(stage.pupils)
        if pupils is None:
            found.append(((*here, "pupils"), f"unknown indicator {stage.pupils!r}"))
        elif not pupils.per_entity or pupils.type != "number":
            found.append(((*here, "pupils"), f"{stage.pupils!r} must be a per-entity number"))
        found.extend(
            ((*here, "kinds", i), f"unknown roster kind {kind!r}; expected one of {list(KINDS)}")
            for i, kind in enumerate(stage.kinds)
            if kind not in KINDS
        )
    return found


def _cycle(start: Indicator, indicators: dict[str, Indicator]) -> list[str]:
    """The ids from ``start`` back to itself through its inputs, if it gets there."""
    waiting: list[list[str]] = [[start.id, name] for name in start.inputs]
    seen: set[str] = set()
    while waiting:
        path = waiting.pop(0)
        if path[-1] == start.id:
            return path
        if path[-1] in seen:
            continue
        seen.add(path[-1])
        source = indicators.get(path[-1])
        waiting.extend([*path, name] for name in (source.inputs if source else ()))
    return []
