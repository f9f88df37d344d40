"""Schools outside a plan's scope (``exclude:``): the national criteria leave out special
education and vocational schools, and 教学点 with fewer than 50 pupils. They are listed as
excluded, with the reason, and every rule leaves them out; without a roster nobody's kind
is known, so nobody is excluded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .display import format_number

if TYPE_CHECKING:
    from .model import Plan
    from .roster import Roster
    from .rules.base import Lookup

PlanProblems = list[tuple[tuple[str | int, ...], str]]


def excluded(plan: Plan, data: Lookup, roster: Roster | None, year: int) -> dict[str, str]:
    """The entities outside the plan's scope in ``year``, each with why. A 教学点 whose
    pupils are not given is not excluded: the rules then name it as without data."""
    if not plan.exclude or roster is None:
        return {}
    pupils = [data.entities(stage.pupils, year) for stage in plan.stages]
    found: dict[str, str] = {}
    for rule in plan.exclude:
        for entity in roster.of_kinds(rule.kinds, year):
            if entity.name in found:
                continue
            if rule.fewer_pupils_than is None:
                found[entity.name] = rule.reason
                continue
            counts = [
                given[entity.name].value
                for given in pupils
                if entity.name in given and given[entity.name].value is not None
            ]
            total = sum(count or 0.0 for count in counts)
            if counts and total < rule.fewer_pupils_than:
                found[entity.name] = f"{rule.reason} ({format_number(total)} pupils)"
    return found


def check_exclusions(plan: Plan) -> PlanProblems:
    """Known roster kinds; a pupil count needs the plan's stages to count pupils by."""
    from .roster import KINDS

    found: PlanProblems = []
    for index, rule in enumerate(plan.exclude):
        here: tuple[str | int, ...] = ("exclude", index)
        found.extend(
            ((*here, "kinds", i), f"unknown roster kind {kind!r}; expected one of {list(KINDS)}")
            for i, kind in enumerate(rule.kinds)
            if kind not in KINDS
        )
        if rule.fewer_pupils_than is not None and not plan.stages:
            found.append(
                (
                    (*here, "fewer_pupils_than"),
                    "pupils are counted over the plan's stages: declare stages",
                )
            )
    return found
