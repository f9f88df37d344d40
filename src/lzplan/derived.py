"""Derived indicators: figures a plan judges (teachers per 100 pupils) computed from the
counts bureaus keep, for each entity and year whose data gives either count.

The counts decide: a ratio the data also gives is replaced by the one its counts give,
with a warning when they differ by more than rounding. An entity that gives one count
but not the other, or a zero denominator, gets the ratio without a value (named as
without data, never left out); a computed ratio outside the indicator's plausible range
is a typing mistake in a count, refused like any implausible cell.
"""

from __future__ import annotations

from typing import Literal

from .display import format_number
from .errors import DataError, Problem
from .model import Indicator, Plan, Ratio
from .observations import Observation
from .plausible import plausible_range, within

#: How far a given ratio may sit from the one its counts give before a warning: a given
#: figure rounded to one decimal (5.3 for 5.27) stays quiet, a mistyped one does not.
_RELATIVE = 0.01
_ABSOLUTE = 0.05

Key = tuple[str, int, str]


def derive(plan: Plan, observations: list[Observation]) -> tuple[list[Observation], list[Problem]]:
    """The observations with each derived indicator computed from its counts, and the
    warnings; raises :class:`DataError` for a computed ratio no school could have."""
    derived = [indicator for indicator in plan.indicators if indicator.derived is not None]
    if not derived:
        return observations, []
    by_key: dict[Key, Observation] = {(o.indicator, o.year, o.entity): o for o in observations}
    warnings: dict[Problem, None] = {}  # one zero denominator behind seven ratios: said once
    errors: list[Problem] = []
    for indicator in derived:
        for observation, problem in _computed(indicator, by_key):
            by_key[(indicator.id, observation.year, observation.entity)] = observation
            if problem is not None and problem.severity == "error":
                errors.append(problem)
            elif problem is not None:
                warnings[problem] = None
    if errors:
        raise DataError(errors)
    return list(by_key.values()), list(warnings)


def _computed(
    indicator: Indicator, by_key: dict[Key, Observation]
) -> list[tuple[Observation, Problem | None]]:
    """The ratio for each entity and year that gives either count, and a problem to say."""
    ratio = indicator.derived
    assert ratio is not None
    found: list[tuple[Observation, Problem | None]] = []
    places = {key[1:] for key in by_key if key[0] in (ratio.numerator, ratio.denominator)}
    for year, entity in sorted(places):
        numerator = by_key.get((ratio.numerator, year, entity))
        denominator = by_key.get((ratio.denominator, year, entity))
        given = by_key.get((indicator.id, year, entity))
        if given is not None and given.value is not None and not _both(numerator, denominator):
            continue  # a ratio given without (both) its counts stands as given
        found.append(_one(indicator, ratio, numerator, denominator, given))
    return found


def _both(numerator: Observation | None, denominator: Observation | None) -> bool:
    return (
        numerator is not None
        and denominator is not None
        and numerator.value is not None
        and denominator.value is not None
    )


def _one(
    indicator: Indicator,
    ratio: Ratio,
    numerator: Observation | None,
    denominator: Observation | None,
    given: Observation | None,
) -> tuple[Observation, Problem | None]:
    anchor = numerator if numerator is not None else denominator
    assert anchor is not None
    if numerator is None or denominator is None or not _both(numerator, denominator):
        lacking = [
            name
            for name, found in ((ratio.numerator, numerator), (ratio.denominator, denominator))
            if found is None or found.value is None
        ]
        return _empty(indicator, anchor, f"no {' or '.join(lacking)} to compute it"), None
    assert numerator.value is not None and denominator.value is not None
    if denominator.value == 0:
        return _empty(indicator, anchor, f"{ratio.denominator} is 0"), _zero(ratio, denominator)
    value = numerator.value / denominator.value * ratio.scale
    how = _how(ratio, numerator, denominator)
    computed = _observation(indicator, value, numerator, f"computed: {how}")
    bounds = plausible_range(indicator)
    if bounds is not None and not within(value, bounds):
        return computed, _implausible(indicator, numerator, value, how, bounds)
    if given is not None and given.value is not None and _differs(given.value, value):
        return computed, _contradiction(indicator, given, value, how)
    return computed, None


def _how(ratio: Ratio, numerator: Observation, denominator: Observation) -> str:
    scale = f" × {format_number(ratio.scale)}" if ratio.scale != 1 else ""
    return (
        f"{ratio.numerator} {numerator.shown()} ÷ {ratio.denominator} {denominator.shown()}{scale}"
    )


def _observation(
    indicator: Indicator, value: float | None, anchor: Observation, note: str
) -> Observation:
    return Observation(
        indicator.id,
        anchor.year,
        value,
        anchor.file,
        anchor.row,
        anchor.entity,
        note=note,
        column=anchor.column,
    )


def _empty(indicator: Indicator, anchor: Observation, why: str) -> Observation:
    return _observation(indicator, None, anchor, f"not computed: {why}")


def _differs(given: float, computed: float) -> bool:
    gap = abs(given - computed)
    return gap > _ABSOLUTE and gap > _RELATIVE * abs(computed)


def _who(observation: Observation) -> str:
    year = observation.year
    return f"{observation.entity} in {year}" if observation.entity else str(year)


def _located(
    observation: Observation, message: str, severity: Literal["error", "warning"]
) -> Problem:
    column = observation.column or None
    return Problem(observation.file, message, observation.row, column, severity=severity)


def _contradiction(indicator: Indicator, given: Observation, value: float, how: str) -> Problem:
    message = (
        f"{indicator.id} for {_who(given)} is given as {given.shown()}, but {how} = "
        f"{format_number(round(value, 4))}: the counts are used; check which one is mistyped"
    )
    return _located(given, message, "warning")


def _zero(ratio: Ratio, denominator: Observation) -> Problem:
    message = (
        f"{ratio.denominator} is 0 for {_who(denominator)}, so no ratio over "
        f"{ratio.denominator} can be computed for it: give the right count, or leave it out"
    )
    return _located(denominator, message, "warning")


def _implausible(
    indicator: Indicator,
    numerator: Observation,
    value: float,
    how: str,
    bounds: tuple[float, float],
) -> Problem:
    low, high = (format_number(bound) for bound in bounds)
    message = (
        f"{indicator.id} for {_who(numerator)} would be {how} = {format_number(round(value, 4))}, "
        f"not plausible (expected {low}–{high}): check the two counts for a typing mistake"
    )
    return _located(numerator, message, "error")


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
        if ratio.numerator == ratio.denominator:
            found.append(((*here, "denominator"), "a ratio of a figure to itself is always 1"))
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
