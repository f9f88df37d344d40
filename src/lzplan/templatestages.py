"""Which schools a template asks for a stage's figures: a stage's pupils only of schools
whose roster kind teaches it; a figure given per stage (小学部 teachers) only of schools of
several stages, and the whole figure behind it only of schools of one; nothing of a kind
the plan excludes (special-education and vocational schools). Without a roster (or
stages) every school is asked for everything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import StagePart

if TYPE_CHECKING:
    from .model import Plan
    from .roster import Roster


def asked_of(plan: Plan, indicator: str, roster: Roster | None, names: list[str]) -> list[str]:
    """Of ``names``, those asked for ``indicator``."""
    if roster is None or not plan.stages or names == [""]:
        return names
    pupils = {stage.pupils: stage.stage for stage in plan.stages}
    per_stage = {
        i.derived.per_stage: i.derived.stage
        for i in plan.indicators
        if isinstance(i.derived, StagePart) and i.derived.per_stage
    }
    whole = {
        i.derived.part_of
        for i in plan.indicators
        if isinstance(i.derived, StagePart) and i.derived.per_stage
    }
    outside = {
        kind for rule in plan.exclude if rule.fewer_pupils_than is None for kind in rule.kinds
    }
    kept = []
    for name in names:
        entity = roster.match(name)
        if entity is not None and entity.kind in outside:
            continue  # a special-education or vocational school: outside the criteria
        taught = _taught(plan, roster, name)
        if taught is None:
            kept.append(name)  # not in the roster, or of a kind no stage lists: ask
        elif indicator in pupils:
            kept += [name] * (pupils[indicator] in taught)
        elif indicator in per_stage:
            kept += [name] * (per_stage[indicator] in taught and len(taught) > 1)
        elif indicator in whole:
            kept += [name] * (len(taught) <= 1)
        else:
            kept.append(name)
    return kept


def _taught(plan: Plan, roster: Roster, name: str) -> list[str] | None:
    entity = roster.match(name)
    if entity is None:
        return None
    stages = [stage.stage for stage in plan.stages if entity.kind in stage.kinds]
    return stages or None
