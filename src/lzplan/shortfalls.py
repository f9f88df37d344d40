"""What it would take: each failing school's shortfall, in the raw units a budget request
is written in (teachers to add, m² to build, 元 of equipment, classrooms to equip).

A school failing a ``k_of_n`` rule is brought to pass the cheapest way the rule allows:
the criteria it may miss (``n − at_least``) are the ones furthest below their requirement,
raised only to the floor (85 %); the rest it misses are raised to the requirement. A ratio's
shortfall becomes its numerator's: ``requirement × pupils ÷ scale − now``; a stage's part
of a shared figure (rooms of a 九年一贯制) becomes the whole school's, since only a share of
what it builds counts for that stage. An ``each`` rule's excess (pupils over the size
limit) is named with the amount above it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .model import Criterion, Each, Indicator, KOfN, Plan, Ratio, StagePart, Target, Threshold
from .rules.base import Context, compare
from .rules.criteria import reached, reported_by
from .rules.entities import each_names, entity_values

#: Units whose amounts are whole things: a shortfall of 2.3 teachers is 3 teachers.
_WHOLE = frozenset({"人", "间", "个", "所", "名"})


@dataclass(frozen=True)
class Need:
    """One school's shortfall on one criterion.

    ``value`` is the school's figure (``None``: not given, so not judged), ``required``
    the requirement and ``raise_to`` what it must reach (the requirement, or the floor for
    a criterion it may miss);
    ``add`` how much of ``add_indicator`` (in ``add_unit``) it takes, ``None`` where no
    raw figure converts (a limit exceeded: ``value`` above ``required``). Without a value,
    ``add_indicator`` lists (comma-separated) the figures the school left blank, and
    ``add_name_zh`` their Chinese names (joined by ``，``): what it must fill in."""

    entity: str
    target: str
    indicator: str
    name_zh: str
    op: str
    value: float | None
    required: float
    raise_to: float
    add: float | None = None
    add_indicator: str = ""
    add_name_zh: str = ""
    add_unit: str = ""


def needs(target: Target, context: Context) -> list[Need]:
    """The shortfalls of every school failing ``target`` (a ``k_of_n`` or ``each`` rule)."""
    rule = target.rule
    if isinstance(rule, KOfN):
        return _k_of_n_needs(target, rule, context)
    if isinstance(rule, Each):
        return _each_needs(target, rule, context)
    if isinstance(rule, Threshold):
        return _county_needs(target, rule, context)
    return []


#: The entity a district figure's shortfall is named for.
DISTRICT = "（全县）"


def _county_needs(target: Target, rule: Threshold, context: Context) -> list[Need]:
    """A district rate computed from counts (公办 share of children) short of its
    threshold: the counts it would take."""
    seen = context.data.value(rule.indicator, context.year)
    if seen is None or seen.value is None or compare(seen.value, rule.op, rule.value):
        return []
    plan = context.plan
    name_zh = plan.indicator(rule.indicator).name_zh
    need = Need(DISTRICT, target.id, rule.indicator, name_zh, rule.op, seen.value, rule.value,
                rule.value)  # fmt: skip
    return [_in_raw_units(need, plan, context)]


def _each_needs(target: Target, rule: Each, context: Context) -> list[Need]:
    reported = entity_values(rule, context)
    name_zh = context.plan.indicator(rule.indicator).name_zh
    found = []
    for name in each_names(rule, context, reported):
        seen = reported.get(name)
        value = None if seen is None else seen.value
        if value is not None and compare(value, rule.op, rule.value):
            continue
        need = Need(
            name, target.id, rule.indicator, name_zh, rule.op, value, rule.value, rule.value
        )
        if value is not None:
            need = _in_raw_units(need, context.plan, context)  # music rooms: rooms to add
        else:
            blank = _blank_inputs(rule.indicator, name, context)
            to_fill = "，".join(context.plan.indicator(found).name_zh for found in blank)
            need = replace(need, add_indicator=",".join(blank), add_name_zh=to_fill)
        found.append(need)
    return found


def _k_of_n_needs(target: Target, rule: KOfN, context: Context) -> list[Need]:
    given = {c.indicator: context.data.entities(c.indicator, context.year) for c in rule.criteria}
    found: list[Need] = []
    for name in each_names(rule, context, reported_by(given)):
        known = []
        for criterion in rule.criteria:
            seen = given[criterion.indicator].get(name)
            if seen is not None and seen.value is not None:
                known.append((criterion, seen.value))
            else:
                found.append(_unknown(name, target, criterion, context))
        # a figure left blank is taken as met: what the others already miss is billed
        missed = [(c, v) for c, v in known if not compare(v, c.op, c.value)]
        spare = len(rule.criteria) - rule.at_least
        below = [(c, v) for c, v in missed if reached(c, v) < rule.floor - 1e-9]
        if len(missed) <= spare and not below:
            continue
        # the criteria it may miss: those furthest below (each then needs only the floor)
        ranked = sorted(missed, key=lambda cv: (max(reached(*cv), rule.floor), reached(*cv)))
        for index, (criterion, value) in enumerate(ranked):
            share = rule.floor if index < spare else 1.0
            if index < spare and reached(criterion, value) >= rule.floor - 1e-9:
                continue
            found.append(_need(name, target, criterion, value, share, context))
    return found


def _unknown(name: str, target: Target, criterion: Criterion, context: Context) -> Need:
    """A criterion a school has no figure for, with the cells it left blank to fill in."""
    plan = context.plan
    name_zh = plan.indicator(criterion.indicator).name_zh
    blank = _blank_inputs(criterion.indicator, name, context)
    to_fill = "，".join(plan.indicator(found).name_zh for found in blank)
    op, value = criterion.op, criterion.value
    return Need(name, target.id, criterion.indicator, name_zh, op, None, value, value, None,
                ",".join(blank), to_fill)  # fmt: skip


def _blank_inputs(indicator: str, entity: str, context: Context) -> list[str]:
    """The figures a school gives that ``indicator`` is computed from and that it left
    blank (a stage part: the school's figure or the stage's own, either will do)."""
    if _value(context, indicator, entity) is not None:
        return []
    rule = context.plan.indicator(indicator).derived
    if isinstance(rule, Ratio):
        found = _blank_inputs(rule.numerator, entity, context)
        return found + _blank_inputs(rule.denominator, entity, context)
    if isinstance(rule, StagePart):
        if rule.per_stage and _value(context, rule.per_stage, entity) is not None:
            return []
        return _blank_inputs(rule.part_of, entity, context) + (
            [rule.per_stage] * bool(rule.per_stage)
        )
    return [indicator]


def _need(
    name: str, target: Target, criterion: Criterion, value: float, share: float, context: Context
) -> Need:
    plan = context.plan
    raise_to = criterion.value * share if criterion.op in (">=", ">") else criterion.value / share
    need = Need(
        name,
        target.id,
        criterion.indicator,
        plan.indicator(criterion.indicator).name_zh,
        criterion.op,
        value,
        criterion.value,
        raise_to,
    )
    return _in_raw_units(need, plan, context)


def _in_raw_units(need: Need, plan: Plan, context: Context) -> Need:
    """The shortfall of a ratio as its numerator's (teachers per 100 pupils: teachers), or
    under an upper limit as its denominator's (children per teacher: teachers); a stage's
    part of a school's figure as the whole school's."""
    ratio = plan.indicator(need.indicator).derived
    if not isinstance(ratio, Ratio) or need.op == "==":
        return need
    denominator = _value(context, ratio.denominator, need.entity)
    numerator = _value(context, ratio.numerator, need.entity)
    if denominator is None or numerator is None:
        return need
    if need.op in ("<=", "<"):
        if need.raise_to <= 0:
            return need
        add = numerator * ratio.scale / need.raise_to - denominator
        indicator = plan.indicator(ratio.denominator)
        return _rounded(need, indicator.id, indicator.name_zh, indicator.unit, add)
    add = need.raise_to * denominator / ratio.scale - numerator
    indicator = plan.indicator(ratio.numerator)
    part = indicator.derived
    if isinstance(part, StagePart):
        indicator, add = _of_school(part, plan, context, need.entity, add)
    return _rounded(need, indicator.id, indicator.name_zh, indicator.unit, add)


def _of_school(
    part: StagePart, plan: Plan, context: Context, entity: str, add: float
) -> tuple[Indicator, float]:
    """Who adds it: the stage's own figure where given (teachers), else the whole school's,
    of which the stage counts only its share of weighted pupils (so a school with none of
    the figure yet is billed for the whole of what its stage needs)."""
    if part.per_stage and _value(context, part.per_stage, entity) is not None:
        return plan.indicator(part.per_stage), add
    weighted = {
        stage.stage: stage.weight * (_value(context, stage.pupils, entity) or 0.0)
        for stage in plan.stages
    }
    ours, total = weighted.get(part.stage, 0.0), sum(weighted.values())
    share = ours / total if ours > 0 and total > 0 else 1.0
    return plan.indicator(part.part_of), add / share


def _rounded(need: Need, indicator: str, name_zh: str, unit: str, add: float) -> Need:
    whole = unit in _WHOLE or unit == "元"
    amount = math.ceil(add - 1e-9) if whole else math.ceil(add * 10 - 1e-9) / 10
    return Need(
        need.entity,
        need.target,
        need.indicator,
        need.name_zh,
        need.op,
        need.value,
        need.required,
        need.raise_to,
        float(max(amount, 0)),
        indicator,
        name_zh,
        unit,
    )


def _value(context: Context, indicator: str, entity: str) -> float | None:
    if entity == DISTRICT:
        seen = context.data.value(indicator, context.year)
    else:
        seen = context.data.entities(indicator, context.year).get(entity)
    return None if seen is None else seen.value


def totals(found: list[Need]) -> dict[str, float]:
    """The district's bill: each raw figure's additions summed over schools. A school
    adding to one shared figure for two stages adds the larger amount once (the rooms a
    九年一贯制 builds for its 初中 part count for its 小学 part too)."""
    largest: dict[tuple[str, str], float] = {}
    for need in found:
        if need.add is not None and need.add_indicator:
            key = (need.entity, need.add_indicator)
            largest[key] = max(largest.get(key, 0.0), need.add)
    bill: dict[str, float] = {}
    for (_, indicator), amount in largest.items():
        bill[indicator] = bill.get(indicator, 0.0) + amount
    return bill
