"""Ratios (``derived: {numerator, denominator, scale}``): teachers per 100 pupils from the
two counts, for each entity and year whose data gives either count.

The counts decide: a ratio the data also gives is replaced by the one its counts give,
with a warning when they differ by more than rounding. An entity that gives one count
but not the other, or a zero denominator, gets the ratio without a value (named as
without data, never left out); a computed ratio outside the indicator's plausible range
is a typing mistake in a count, refused like any implausible cell.
"""

from __future__ import annotations

import math

from .derivedbase import Found, differs, empty, located, observation, who
from .display import format_number
from .errors import Problem
from .model import Indicator, Ratio
from .observations import Index, Observation, make
from .plausible import plausible_range, widened, within


def compute_ratio(indicator: Indicator, ratio: Ratio, by_key: Index) -> Found:
    """The ratio for each entity and year that gives either count, and a problem to say."""
    found: Found = []
    unusual: Found = []  # what is said of, by year and school as before, after the rest
    numerators, denominators = by_key.of(ratio.numerator), by_key.of(ratio.denominator)
    givens = by_key.of(indicator.id)
    bounds = plausible_range(indicator)
    low, high = (-math.inf, math.inf) if bounds is None else widened(bounds)
    note = f"computed: {ratio.text()}"
    scale, ident = ratio.scale, indicator.id
    none: dict[str, Observation] = {}
    # in the order the figures were read (sorting a province's names costs more than the
    # ratios themselves): each numerator, then the denominators without one
    for year, tops in numerators.items():
        bottoms, stated = denominators.get(year, none), givens.get(year, none)
        for entity, numerator in tops.items():
            denominator = bottoms.get(entity)
            given = stated.get(entity) if stated else None
            top = numerator.value
            bottom = None if denominator is None else denominator.value
            if top is not None and bottom is not None and bottom != 0:
                # the usual case, kept lean: a province has hundreds of thousands of them
                value = top / bottom * scale
                if low <= value <= high and (
                    given is None or given.value is None or not differs(given.value, value)
                ):  # derivedbase.observation, made here without a call
                    computed = make(Observation, (
                        ident, year, value, numerator.file, numerator.row, entity, None, note,
                        "", numerator.column,
                    ))  # fmt: skip
                    found.append((computed, None))
                    continue
            _other(unusual, indicator, ratio, numerator, denominator, given)
    for year, bottoms in denominators.items():
        tops, stated = numerators.get(year, none), givens.get(year, none)
        for entity, denominator in bottoms.items():
            if entity not in tops:
                _other(unusual, indicator, ratio, None, denominator, stated.get(entity))
    unusual.sort(key=lambda item: (item[0].year, item[0].entity))
    return found + unusual


def _other(
    found: Found,
    indicator: Indicator,
    ratio: Ratio,
    numerator: Observation | None,
    denominator: Observation | None,
    given: Observation | None,
) -> None:
    """A ratio off the usual path: a count missing or 0, out of range, or contradicted."""
    if given is not None and given.value is not None and not _both(numerator, denominator):
        return  # a ratio given without (both) its counts stands as given
    if _blank(numerator) and _blank(denominator):
        return  # two blank cells: the entity has no such figure (a 初中 has no 小学 part)
    found.append(_one(indicator, ratio, numerator, denominator, given))


def _blank(found: Observation | None) -> bool:
    return found is None or found.value is None


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
        return empty(indicator, anchor, f"no {' or '.join(lacking)} to compute it"), None
    assert numerator.value is not None and denominator.value is not None
    if denominator.value == 0:
        return empty(indicator, anchor, f"{ratio.denominator} is 0"), _zero(ratio, denominator)
    value = numerator.value / denominator.value * ratio.scale
    how = _how(ratio, numerator, denominator)
    computed = observation(indicator, value, numerator, f"computed: {how}")
    bounds = plausible_range(indicator)
    if bounds is not None and not within(value, bounds):
        return computed, _implausible(indicator, numerator, value, how, bounds)
    if given is not None and given.value is not None and differs(given.value, value):
        return computed, _contradiction(indicator, given, value, how)
    return computed, None


def _how(ratio: Ratio, numerator: Observation, denominator: Observation) -> str:
    scale = f" × {format_number(ratio.scale)}" if ratio.scale != 1 else ""
    return (
        f"{ratio.numerator} {numerator.shown()} ÷ {ratio.denominator} {denominator.shown()}{scale}"
    )


def _contradiction(indicator: Indicator, given: Observation, value: float, how: str) -> Problem:
    message = (
        f"{indicator.id} for {who(given)} is given as {given.shown()}, but {how} = "
        f"{format_number(round(value, 4))}: the counts are used; check which one is mistyped"
    )
    return located(given, message, "warning")


def _zero(ratio: Ratio, denominator: Observation) -> Problem:
    message = (
        f"{ratio.denominator} is 0 for {who(denominator)}, so no ratio over "
        f"{ratio.denominator} can be computed for it: give the right count, or leave it out"
    )
    return located(denominator, message, "warning")


def _implausible(
    indicator: Indicator,
    numerator: Observation,
    value: float,
    how: str,
    bounds: tuple[float, float],
) -> Problem:
    low, high = (format_number(bound) for bound in bounds)
    message = (
        f"{indicator.id} for {who(numerator)} would be {how} = {format_number(round(value, 4))}, "
        f"not plausible (expected {low}–{high}): check the two counts for a typing mistake"
    )
    return located(numerator, message, "error")


def check_ratio(
    indicator: Indicator, ratio: Ratio, indicators: dict[str, Indicator]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Two known number indicators over the same entities, a positive scale."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    if ratio.scale <= 0:
        found.append((("scale",), "the scale must be above 0"))
    if ratio.numerator == ratio.denominator:
        found.append((("denominator",), "a ratio of a figure to itself is always 1"))
    for field in ("numerator", "denominator"):
        name = getattr(ratio, field)
        found.extend(((field,), m) for m in input_problems(indicator, name, indicators, "ratio"))
    return found


def input_problems(
    indicator: Indicator, name: str, indicators: dict[str, Indicator], what: str, level: bool = True
) -> list[str]:
    """What is wrong with ``name`` as an input of ``indicator``: unknown, a flag, or (with
    ``level``) over other entities."""
    source = indicators.get(name)
    if source is None:
        return [f"unknown indicator {name!r}"]
    problems = []
    if source.type != "number":
        problems.append(f"{name!r} is a flag; a {what} needs numbers")
    if level and source.per_entity != indicator.per_entity:
        need = "per-entity" if indicator.per_entity else "district-level"
        problems.append(f"{name!r} must be {need}, as {indicator.id!r} is")
    return problems
