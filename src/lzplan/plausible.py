"""Plausibility: values that are almost certainly typing mistakes, and surprising moves.

A share typed as a fraction (0.992 for 99.2 %), a rate with a slipped decimal point
(992), a count of persons written under an indicator kept in 万人 (15370): each reads as
a number, converts without complaint, and would be judged — a silent wrong verdict.
:func:`implausible` says why such a value cannot be right and what was likely meant;
:func:`surprising` flags a count that jumps from one year to the next, which is worth a
look but never an error.

Pure functions: no printing, no I/O. Numbers in messages are shown with
:func:`lzplan.display.format_number`, so no float noise reaches a reader.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .display import format_number
from .model import Indicator
from .values import UnitProblem, canonical_unit, convert

Range = tuple[float, float]

#: Units of counts of persons or things: never negative, no upper bound by default.
COUNT_UNITS = frozenset(
    canonical_unit(unit)
    for unit in ("人", "名", "万人", "所", "个", "间", "班", "次", "项", "台", "册", "门")
)
#: Units of money.
MONEY_UNITS = frozenset(canonical_unit(unit) for unit in ("元", "万元", "亿元"))
#: Other non-negative amounts: time and area.
AMOUNT_UNITS = frozenset(
    canonical_unit(unit)
    for unit in ("课时/周", "小时/天", "小时/周", "课时", "小时", "分钟", "m²", "平方米")
)
#: Units whose values are normally written with decimals, so a slipped decimal point
#: is a likely mistake (for whole things — 所, 人 — an odd digit is not a decimal point).
DECIMAL_UNITS = frozenset(canonical_unit(unit) for unit in ("%", "万人", "万元", "亿元"))
#: Units of whole things, where a change of a few (3 → 5 schools) is a real step.
WHOLE_UNITS = frozenset(
    canonical_unit(unit) for unit in ("人", "名", "所", "个", "间", "班", "次", "项", "台", "册")
)
#: Units of a family that convert into each other (``lzplan.values`` converts them).
UNIT_FAMILIES: tuple[tuple[str, ...], ...] = (("人", "名", "万人"), ("元", "万元", "亿元"))

#: A count moving by more than this share in a year is flagged.
SURPRISE = 0.30
#: Whole-thing counts that change by fewer than this many are never flagged.
SMALL_CHANGE = 10
#: Comparisons forgive float noise of this relative size (as the rules do).
_EPSILON = 1e-9
#: How many powers of ten a slipped decimal point may be off by.
_MAX_SHIFT = 6
#: A value this many times outside its range is far enough out for a decimal slip.
_FAR = 2.0

_PERCENT = "%"
_FRACTION = "fraction"


# --- ranges ------------------------------------------------------------------------


def plausible_range(indicator: Indicator) -> Range | None:
    """The range (in the indicator's unit) outside which a value is almost certainly wrong.

    ``indicator.plausible`` if the plan declares one, else a default by unit: ``%`` →
    (0, 100); counts, money, time and area (人, 名, 万人, 所, 个, 间, 元, 万元, 亿元,
    课时/周, 小时/天, m², ...) → (0, ∞); flags and unknown units → ``None`` (nothing is
    refused).
    """
    if indicator.type != "number":
        return None
    if indicator.plausible is not None:
        return indicator.plausible
    unit = canonical_unit(indicator.unit)
    if unit == _PERCENT:
        return (0.0, 100.0)
    if unit in COUNT_UNITS or unit in MONEY_UNITS or unit in AMOUNT_UNITS:
        return (0.0, math.inf)
    return None


def within(value: float, bounds: Range) -> bool:
    """Whether ``value`` lies in ``bounds``, ends included, forgiving float noise."""
    low, high = bounds
    return low - _slack(low) <= value <= high + _slack(high)


def _slack(bound: float) -> float:
    """How far past ``bound`` float noise may carry a value (none for an open end)."""
    return 0.0 if math.isinf(bound) else _EPSILON * max(1.0, abs(bound))


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
    """
    bounds = plausible_range(indicator)
    if bounds is None or within(value, bounds):
        return None
    head = _head(indicator, value, written, unit_written, bounds)
    return f"{head}; {_advice(indicator, value, written, unit_written, bounds)}"


def _head(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str:
    """``0.992 is not a plausible percentage for X (expected 50–150)``."""
    expected = f"expected {_range_text(bounds, indicator.unit)}"
    if unit_written and not _same_unit(unit_written, indicator.unit):
        expected += f", found {_quantity(value, indicator.unit)}"
    shown = _quantity(written, unit_written)
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
    if within(abs(value), bounds):
        return f"{text}; write the figure itself: {format_number(magnitude)}, if the sign is a slip"
    return f"{text}; write the figure itself"


def _fraction(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """A share typed as a fraction: 0.992 for 99.2 %."""
    if canonical_unit(indicator.unit) != _PERCENT or canonical_unit(unit_written) == _FRACTION:
        return None
    if not 0 <= written <= 1:
        return None
    meant = convert(written, _FRACTION, _PERCENT)
    if not within(meant, bounds):
        return None
    number = format_number(meant)
    if canonical_unit(unit_written) == _PERCENT:
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
        if within(meant, bounds):
            number = format_number(meant)
            in_unit = _quantity(meant, indicator.unit)
            return f"in {unit}? did you mean {in_unit}? give the unit {unit}, or write {number}"
    return None


def _family_alternatives(unit: str) -> list[str]:
    """The other units of ``unit``'s family, nearest in size first (名 is 人: skipped)."""
    for family in UNIT_FAMILIES:
        if any(_same_unit(unit, member) for member in family):
            others = [member for member in family if convert(1.0, member, unit) != 1.0]
            return sorted(others, key=lambda member: abs(math.log10(convert(1.0, member, unit))))
    return []


def _minutes(
    indicator: Indicator, value: float, written: float, unit_written: str, bounds: Range
) -> str | None:
    """Minutes typed for hours: 60 for 1 小时/天."""
    if not canonical_unit(indicator.unit).startswith("小时"):
        return None
    if unit_written and not _same_unit(unit_written, indicator.unit):
        return None
    meant = written / 60
    if not within(meant, bounds):
        return None
    number = format_number(meant)
    return f"minutes? did you mean {_quantity(meant, indicator.unit)}? write {number} (hours)"


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
    if canonical_unit(indicator.unit) != _PERCENT or value <= 100 or bounds[1] > 100:
        return None
    return "a share cannot be more than 100 %; check the figure and the total it is a share of"


def _check_the_figure(indicator: Indicator, value: float, bounds: Range) -> str:
    """No likely intended value: ask for the figure to be checked."""
    if value == 0 and bounds[0] > 0:
        return "check the figure; if there is none, leave the value empty or write —"
    return (
        "check the figure; if it really is right, the plan's plausible range for "
        f"{indicator.id} is wrong"
    )


_EXPLANATIONS: tuple[Advice, ...] = (
    _negative,
    _fraction,
    _other_unit,
    _minutes,
    _decimal_point,
    _over_100,
)


# --- surprising moves ----------------------------------------------------------------


def surprising(indicator: Indicator, previous: float, current: float, years: int = 1) -> str | None:
    """A flag when a count moves by more than about 30 % a year, else ``None``.

    Counts and money only: not percentages, not flags, not hours. ``years`` is how many
    years lie between the two values; the change is taken per year (compounded). A
    count of whole things (schools, persons) that changes by fewer than
    :data:`SMALL_CHANGE` is not flagged (3 → 5 demonstration schools is a real step),
    nor is a move from zero, which has no percentage. Never an error: the text is shown
    beside a verdict, e.g. ``幼儿在园人数 rose 45 % in a year (2 → 2.9 万人)``.
    """
    if years < 1:
        raise ValueError(f"years must be at least 1, not {years}")
    if not _is_count(indicator) or previous <= 0 or current < 0:
        return None
    unit = canonical_unit(indicator.unit)
    if unit in WHOLE_UNITS and abs(current - previous) < SMALL_CHANGE:
        return None
    change = current / previous - 1
    yearly = (current / previous) ** (1 / years) - 1
    if abs(yearly) <= SURPRISE + _EPSILON:
        return None
    return _surprise_text(indicator, previous, current, years, change, yearly)


def _is_count(indicator: Indicator) -> bool:
    """Whether ``indicator`` is a count or an amount of money."""
    unit = canonical_unit(indicator.unit)
    return indicator.type == "number" and (unit in COUNT_UNITS or unit in MONEY_UNITS)


def _surprise_text(
    indicator: Indicator, previous: float, current: float, years: int, change: float, yearly: float
) -> str:
    """``幼儿在园人数 rose 45 % in a year (2 → 2.9 万人); check the figure and its unit``."""
    verb = "rose" if change > 0 else "fell"
    when = "in a year" if years == 1 else f"in {years} years ({_percent(yearly)} a year)"
    numbers = f"{format_number(previous)} → {_quantity(current, indicator.unit)}"
    moved = f"{indicator.name_zh} {verb} {_percent(change)} {when} ({numbers})"
    return f"{moved}; check the figure and its unit"


# --- wording ---------------------------------------------------------------------------


def _noun(indicator: Indicator) -> str:
    """What kind of figure the indicator is: percentage, count, amount or value."""
    unit = canonical_unit(indicator.unit)
    if unit == _PERCENT:
        return "percentage"
    if unit in COUNT_UNITS:
        return "count"
    if unit in MONEY_UNITS:
        return "amount"
    return "value"


def _same_unit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one unit written two ways (``％`` and ``%``)."""
    return canonical_unit(a) == canonical_unit(b)


def _quantity(number: float, unit: str) -> str:
    """``99.2%``, ``1.537 万人``, ``15,370``: a number with its unit, if any."""
    shown = format_number(number)
    canonical = canonical_unit(unit)
    if not canonical:
        return shown
    if canonical == _PERCENT:
        return f"{shown}%"
    return f"{shown} {unit}"


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
    return text if canonical in ("", _PERCENT) else f"{text} {unit}"


def _percent(share: float) -> str:
    """A change as a whole percentage, without its sign: ``45 %``."""
    return f"{format_number(round(abs(share) * 100))} %"
