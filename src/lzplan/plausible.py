"""Plausibility: values that are almost certainly typing mistakes, refused with what was meant.

A share typed as a fraction (0.992 for 99.2 %), a rate with a slipped decimal point
(992), a count of persons written under an indicator kept in 万人 (15370), half a
teacher (1.5 for a count of whole 人): each reads as a number, converts without
complaint, and would be judged — a silent wrong verdict. :func:`implausible` says why
such a value cannot be right and what was likely meant. A count that merely jumps from
one year to the next is worth a look but never an error: :mod:`lzplan.flags`.

Pure functions: no printing, no I/O. Numbers in messages are shown with
:func:`lzplan.display.format_number`, so no float noise reaches a reader.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .display import format_number
from .model import Indicator
from .values import (
    AREA_UNITS,
    COUNT_UNITS,
    DECIMAL_UNITS,
    FRACTION,
    MONEY_UNITS,
    PERCENT,
    TIME_UNITS,
    UnitProblem,
    canonical_unit,
    convert,
    counts_whole_things,
    relatives,
    same_unit,
    with_unit,
)

Range = tuple[float, float]

#: Comparisons forgive float noise of this relative size (as the rules do).
_EPSILON = 1e-9
#: How many powers of ten a slipped decimal point may be off by.
_MAX_SHIFT = 6
#: A value this many times outside its range is far enough out for a decimal slip.
_FAR = 2.0
#: Units of figures that are never negative: counts, money, time and area.
_NEVER_NEGATIVE = COUNT_UNITS | MONEY_UNITS | TIME_UNITS | AREA_UNITS


# --- ranges ------------------------------------------------------------------------


def plausible_range(indicator: Indicator) -> Range | None:
    """The range (in the indicator's unit) outside which a value is almost certainly wrong.

    ``indicator.plausible`` if the plan declares one, else a default by unit: ``%`` →
    (0, 100); counts, money, time and area (人, 名, 万人, 所, 个, 间, 元, 万元, 亿元,
    课时/周, 小时/天, m², ...) → (0, ∞); flags and unknown units → ``None`` (nothing is
    refused). A count of whole things must also be whole: see :func:`implausible`.
    """
    if indicator.type != "number":
        return None
    if indicator.plausible is not None:
        return indicator.plausible
    unit = canonical_unit(indicator.unit)
    if unit == PERCENT:
        return (0.0, 100.0)
    if unit in _NEVER_NEGATIVE:
        return (0.0, math.inf)
    return None


def within(value: float, bounds: Range) -> bool:
    """Whether ``value`` lies in ``bounds``, ends included, forgiving float noise."""
    low, high = widened(bounds)
    return low <= value <= high


def widened(bounds: Range) -> Range:
    """``bounds`` with the float noise :func:`within` forgives: to test many values."""
    low, high = bounds
    return low - _slack(low), high + _slack(high)


def _slack(bound: float) -> float:
    """How far past ``bound`` float noise may carry a value (none for an open end)."""
    return 0.0 if math.isinf(bound) else _EPSILON * max(1.0, abs(bound))


def _fits(indicator: Indicator, value: float, bounds: Range) -> bool:
    """Whether ``value`` lies in ``bounds`` and, for a count of whole things, is whole."""
    return within(value, bounds) and (not counts_whole_things(indicator) or _whole(value))


def _whole(value: float) -> bool:
    """Whether ``value`` is a whole number, forgiving a conversion's noise (1.537 万 × 10⁴)."""
    return math.isfinite(value) and abs(value - round(value)) <= _slack(value)


# --- implausible values ----------------------------------------------------------------


def implausible(
    indicator: Indicator, value: float, written: float, unit_written: str
) -> str | None:
    """Why ``value`` (already converted to ``indicator.unit``) is almost certainly a mistake.

    ``written`` is the number as typed and ``unit_written`` the unit the row gave (``''``
    if none, ``'%'`` when typed with a percent sign). Returns ``None`` when the value is
    plausible — so a row that gives an explicit unit under which the value is plausible
    (15370 with unit 人 for an indicator in 万人) is how a user insists. Otherwise the
    message says what was expected, the likely intended value, and how to write it.
    A count of whole things (所, 人, 班 …, not 万人) must be whole: 1.5 teachers is a slip.
    """
    bounds = plausible_range(indicator)
    if bounds is None or _fits(indicator, value, bounds):
        return None
    head = _head(indicator, value, written, unit_written, bounds)
    return f"{head}; {_advice(indicator, value, written, unit_written, bounds)}"


def _head(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str:
    """``0.992 is not a plausible percentage for X (expected 50–150)``."""
    if within(value, bounds):  # then it is a count of whole things that is not whole
        expected = "expected a whole number"
    else:
        expected = f"expected {_range_text(bounds, indicator.unit)}"
    if unit_written and not same_unit(unit_written, indicator.unit):
        expected += f", found {with_unit(value, indicator.unit)}"
    shown = with_unit(written, unit_written)
    return f"{shown} is not a plausible {_noun(indicator)} for {indicator.id} ({expected})"


Advice = Callable[[Indicator, float, float, str, Range], str | None]


def _advice(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str:
    """The first explanation that fits, else a plain request to check the figure."""
    for explain in _EXPLANATIONS:
        text = explain(indicator, value, written, unit_written, bounds)
        if text is not None:
            return text
    return _check_the_figure(indicator, value, bounds)


def _negative(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """A negative count or share: a minus sign typed by mistake, or a change for a level."""
    if value >= 0 or bounds[0] < 0:
        return None
    noun = _noun(indicator)
    article = "an" if noun[0] in "aeiou" else "a"
    text = f"{article} {noun} cannot be negative (a change from last year?)"
    magnitude = abs(written)
    if _fits(indicator, abs(value), bounds):
        return f"{text}; write the figure itself: {format_number(magnitude)}, if the sign is a slip"
    return f"{text}; write the figure itself"


def _fraction(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """A share typed as a fraction: 0.992 for 99.2 %."""
    if canonical_unit(indicator.unit) != PERCENT or canonical_unit(unit_written) == FRACTION:
        return None
    if not 0 <= written <= 1:
        return None
    meant = convert(written, FRACTION, PERCENT)
    if not within(meant, bounds):
        return None
    number = format_number(meant)
    if canonical_unit(unit_written) == PERCENT:
        return f"a fraction? did you mean {number}%? write {number}%"
    return f"a fraction? did you mean {number}? write {number}, or give the unit 'fraction'"


def _other_unit(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """A figure in another unit of the family: 15370 (人) for an indicator in 万人."""
    given = unit_written or indicator.unit
    for unit in _family_alternatives(given):
        try:
            meant = convert(written, unit, indicator.unit)
        except UnitProblem:
            continue
        if _fits(indicator, meant, bounds):
            number = format_number(meant)
            in_unit = with_unit(meant, indicator.unit)
            return f"in {unit}? did you mean {in_unit}? give the unit {unit}, or write {number}"
    return None


def _family_alternatives(unit: str) -> list[str]:
    """The other units of ``unit``'s family, nearest in size first (名 is 人: skipped)."""
    others = [member for member in relatives(unit) if convert(1.0, member, unit) != 1.0]
    return sorted(others, key=lambda member: abs(math.log10(convert(1.0, member, unit))))


def _minutes(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """Minutes typed for hours: 60 for 1 小时/天."""
    if not canonical_unit(indicator.unit).startswith("小时"):
        return None
    if unit_written and not same_unit(unit_written, indicator.unit):
        return None
    meant = written / 60
    if not within(meant, bounds):
        return None
    number = format_number(meant)
    return f"minutes? did you mean {with_unit(meant, indicator.unit)}? write {number} (hours)"


def _decimal_point(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """A slipped decimal point: 992 for 99.2, 0.137 for 1.37 (万人)."""
    if canonical_unit(indicator.unit) not in DECIMAL_UNITS or value <= 0:
        return None
    meant = _shifted(value, bounds)
    if meant is None:
        return None
    number = format_number(meant)
    if unit_written == "%" and within(value / 100, bounds):
        # Excel shows 99.2 in a cell formatted as a percentage as 9920%
        return (
            f"did you mean {number}? if the cell is formatted as a percentage, format it as a "
            f"number (or type {format_number(value / 10000)}); else write {number}"
        )
    return f"a misplaced decimal point? did you mean {number}? write {number}"


def _shifted(value: float, bounds: Range) -> float | None:
    """``value`` times the nearest power of ten that brings it into range, if it is far out."""
    low, high = bounds
    if value >= _FAR * high:
        steps = [10.0**-k for k in range(1, _MAX_SHIFT + 1)]
    elif value <= low / _FAR:
        steps = [10.0**k for k in range(1, _MAX_SHIFT + 1)]
    else:
        return None
    for step in steps:
        meant = _round(value * step)
        if within(meant, bounds):
            return meant
    return None


def _round(value: float) -> float:
    """Strip the float noise a power of ten leaves (992 × 0.1 = 99.200000000000003)."""
    return float(f"{value:.12g}")


def _over_100(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """A share above 100 % where the range says that cannot be."""
    if canonical_unit(indicator.unit) != PERCENT or value <= 100 or bounds[1] > 100:
        return None
    return "a share cannot be more than 100 %; check the figure and the total it is a share of"


def _part_of_a_whole(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """Half a school or 1.5 teachers: a count of whole things that is not whole."""
    if not counts_whole_things(indicator) or _whole(value):
        return None
    unit = canonical_unit(indicator.unit)
    return f"a count of whole {unit} cannot be {format_number(value)}; check the figure"


def _check_the_figure(indicator: Indicator, value: float, bounds: Range) -> str:
    """No likely intended value: ask for the figure to be checked."""
    if value == 0 and bounds[0] > 0:
        return "check the figure; if there is none, leave the value empty or write —"
    return (
        "check the figure; if it really is right, ask whoever keeps the plan to widen its "
        f"plausible range for {indicator.id}"
    )


_EXPLANATIONS: tuple[Advice, ...] = (
    _negative,
    _fraction,
    _other_unit,
    _minutes,
    _decimal_point,
    _over_100,
    _part_of_a_whole,
)


# --- wording ---------------------------------------------------------------------------


def _noun(indicator: Indicator) -> str:
    """What kind of figure the indicator is: percentage, count, amount or value."""
    unit = canonical_unit(indicator.unit)
    if unit == PERCENT:
        return "percentage"
    if unit in COUNT_UNITS:
        return "count"
    if unit in MONEY_UNITS:
        return "amount"
    return "value"


def _range_text(bounds: Range, unit: str) -> str:
    """``50–150``, ``0.2–5 万人``, ``0 or more``: the range as a reader wants it."""
    low, high = bounds
    if math.isinf(high):
        text = f"{format_number(low)} or more"
    elif low < 0:
        text = f"{format_number(low)} to {format_number(high)}"
    else:
        text = f"{format_number(low)}–{format_number(high)}"
    canonical = canonical_unit(unit)
    return text if canonical in ("", PERCENT) else f"{text} {unit}"
