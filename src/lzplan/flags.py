"""Surprising moves: a count that jumps from one year to the next is flagged, never refused.

A flag is shown beside a verdict (``flags`` in the JSON) and never changes it: the
plan's targets already judge levels, and a real jump (a new school opening) must not
fail a check. Typing mistakes, which are refused, are :mod:`lzplan.plausible`'s.
"""

from __future__ import annotations

from .display import format_number
from .model import Indicator
from .values import (
    COUNT_UNITS,
    MONEY_UNITS,
    PERCENT,
    WHOLE_UNITS,
    canonical_unit,
    with_unit,
)

#: A count moving by more than this share in a year is flagged.
SURPRISE = 0.30
#: Whole-thing counts that change by fewer than this many are never flagged.
SMALL_CHANGE = 10


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
    if _is_rate(indicator):
        return _slipped(indicator, previous, current) if years == 1 else None
    if not _is_count(indicator) or previous <= 0 or current < 0:
        return None
    unit = canonical_unit(indicator.unit)
    if unit in WHOLE_UNITS and abs(current - previous) < SMALL_CHANGE:
        return None
    change = current / previous - 1
    yearly = (current / previous) ** (1 / years) - 1
    if round(abs(yearly), 9) <= SURPRISE:  # 2 → 2.6 is 0.30000000000000004: not beyond 30 %
        return None
    return _text(indicator, previous, current, years, change, yearly)


#: A rate that moves by this factor in a year (52.6 % → 5.3 %) was most likely typed with
#: its decimal point in the wrong place; rates do not move like that.
SLIP = 5.0


def _is_rate(indicator: Indicator) -> bool:
    return indicator.type == "number" and canonical_unit(indicator.unit) == PERCENT


def _slipped(indicator: Indicator, previous: float, current: float) -> str | None:
    """A flag for a rate that moved by :data:`SLIP` times or more in a year."""
    if previous <= 0 or current <= 0 or 1 / SLIP < current / previous < SLIP:
        return None
    numbers = f"{format_number(previous)}% → {format_number(current)}%"
    slip = "a misplaced decimal point? check the figure"
    return f"{indicator.name_zh} moved from {numbers} in a year: {slip}"


def _is_count(indicator: Indicator) -> bool:
    """Whether ``indicator`` is a count or an amount of money."""
    unit = canonical_unit(indicator.unit)
    return indicator.type == "number" and (unit in COUNT_UNITS or unit in MONEY_UNITS)


def _text(
    indicator: Indicator, previous: float, current: float, years: int, change: float, yearly: float
) -> str:
    """``幼儿在园人数 rose 45 % in a year (2 → 2.9 万人); check the figure and its unit``."""
    verb = "rose" if change > 0 else "fell"
    when = "in a year" if years == 1 else f"in {years} years ({_percent(yearly)} a year)"
    numbers = f"{format_number(previous)} → {with_unit(current, indicator.unit)}"
    moved = f"{indicator.name_zh} {verb} {_percent(change)} {when} ({numbers})"
    return f"{moved}; check the figure and its unit"


def _percent(share: float) -> str:
    """A change as a whole percentage, without its sign: ``45 %``."""
    return f"{format_number(round(abs(share) * 100))} %"
