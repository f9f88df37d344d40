"""Derived indicators: figures a plan judges (teachers per 100 pupils) computed from the
counts bureaus keep, for each entity and year whose data gives both.

A figure the data gives itself is kept; when the counts beside it say otherwise, a
warning names both, since one of them is likely a typing mistake.
"""

from __future__ import annotations

from collections.abc import Iterable

from .display import format_number
from .errors import Problem
from .model import Indicator, Plan, Ratio
from .observations import Observation

#: How far a given ratio may sit from the one its counts give before a warning: a given
#: figure rounded to one decimal (5.3 for 5.27) stays quiet, a wrong count does not.
_RELATIVE = 0.01
_ABSOLUTE = 0.05

Key = tuple[str, int, str]


def derive(plan: Plan, observations: list[Observation]) -> tuple[list[Observation], list[Problem]]:
    """The observations with each derived indicator added where the data does not give
    it, and warnings for given figures their counts contradict or cannot be computed."""
    derived = [indicator for indicator in plan.indicators if indicator.derived is not None]
    if not derived:
        return observations, []
    by_key: dict[Key, Observation] = {(o.indicator, o.year, o.entity): o for o in observations}
    added: list[Observation] = []
    problems: list[Problem] = []
    for indicator in derived:
        found, said = _computed(indicator, by_key)
        added.extend(found)
        problems.extend(said)
    return observations + added, problems


def _computed(
    indicator: Indicator, by_key: dict[Key, Observation]
) -> tuple[list[Observation], list[Problem]]:
    ratio = indicator.derived
    assert ratio is not None
    added: list[Observation] = []
    problems: list[Problem] = []
    for numerator, denominator in _pairs(ratio, by_key):
        given = by_key.get((indicator.id, numerator.year, numerator.entity))
        if numerator.value is None or denominator.value is None:
            continue
        if denominator.value == 0:
            if given is None:
                problems.append(_zero(indicator, ratio, denominator))
            continue
        value = numerator.value / denominator.value * ratio.scale
        how = _how(ratio, numerator, denominator)
        if given is None:
            added.append(_observation(indicator, value, numerator, how))
        elif given.value is not None and _differs(given.value, value):
            problems.append(_contradiction(indicator, given, value, how))
    return added, problems


def _pairs(
    ratio: Ratio, by_key: dict[Key, Observation]
) -> Iterable[tuple[Observation, Observation]]:
    for (indicator, year, entity), numerator in by_key.items():
        if indicator == ratio.numerator:
            denominator = by_key.get((ratio.denominator, year, entity))
            if denominator is not None:
                yield numerator, denominator


def _how(ratio: Ratio, numerator: Observation, denominator: Observation) -> str:
    scale = f" × {format_number(ratio.scale)}" if ratio.scale != 1 else ""
    return (
        f"{ratio.numerator} {numerator.shown()} ÷ {ratio.denominator} {denominator.shown()}{scale}"
    )


def _observation(
    indicator: Indicator, value: float, numerator: Observation, how: str
) -> Observation:
    return Observation(
        indicator.id,
        numerator.year,
        value,
        numerator.file,
        numerator.row,
        numerator.entity,
        note=f"computed: {how}",
        column=numerator.column,
    )


def _differs(given: float, computed: float) -> bool:
    gap = abs(given - computed)
    return gap > _ABSOLUTE and gap > _RELATIVE * abs(computed)


def _who(observation: Observation) -> str:
    return (
        f"{observation.entity} in {observation.year}"
        if observation.entity
        else str(observation.year)
    )


def _contradiction(indicator: Indicator, given: Observation, value: float, how: str) -> Problem:
    message = (
        f"{indicator.id} for {_who(given)} is given as {given.shown()}, but {how} = "
        f"{format_number(value)}: the given figure is used; check which one is mistyped"
    )
    column = given.column or None
    return Problem(given.file, message, given.row, column, severity="warning")


def _zero(indicator: Indicator, ratio: Ratio, denominator: Observation) -> Problem:
    message = (
        f"{indicator.id} for {_who(denominator)} cannot be computed: {ratio.denominator} is 0; "
        "give the right count, or leave the entity out"
    )
    column = denominator.column or None
    return Problem(denominator.file, message, denominator.row, column, severity="warning")


def check_plan(plan: Plan) -> list[tuple[tuple[str | int, ...], str]]:
    """What a plan's derived indicators need: known number indicators over the same
    entities to compute from, themselves given by the data (one step, never a chain)."""
    indicators = plan.indicator_map
    found: list[tuple[tuple[str | int, ...], str]] = []
    for index, indicator in enumerate(plan.indicators):
        ratio = indicator.derived
        if ratio is None:
            continue
        here: tuple[str | int, ...] = ("indicators", index, "derived")
        if indicator.type != "number":
            found.append((here, "only a number indicator can be derived"))
        if ratio.scale <= 0:
            found.append(((*here, "scale"), "the scale must be above 0"))
        for field in ("numerator", "denominator"):
            found.extend(
                ((*here, field), m) for m in _input_check(indicator, ratio, field, indicators)
            )
    return found


def _input_check(
    indicator: Indicator, ratio: Ratio, field: str, indicators: dict[str, Indicator]
) -> list[str]:
    name = getattr(ratio, field)
    source = indicators.get(name)
    if source is None:
        return [f"unknown indicator {name!r}"]
    problems = []
    if source.id == indicator.id or source.derived is not None:
        problems.append(f"{name!r} is derived itself; compute from indicators the data gives")
    if source.type != "number":
        problems.append(f"{name!r} is a flag; a ratio needs numbers")
    if source.per_entity != indicator.per_entity:
        level = "per-entity" if indicator.per_entity else "district-level"
        problems.append(f"{name!r} must be {level}, as {indicator.id!r} is")
    return problems
