"""One cell → the value its indicator needs: a number in the indicator's unit, or a flag.

The unit may be written in the cell (``1.2万人``), in a unit column, in the header
(``在园幼儿数（人）``) or in a unit line above the table (``单位：人``); a value that
is almost certainly a typing mistake (:mod:`lzplan.plausible`) is a problem like
any other, never judged.
"""

from __future__ import annotations

import math
import re

from .model import Indicator
from .plausible import implausible
from .values import (
    PERCENT,
    Flag,
    UnitProblem,
    ValueProblem,
    convert,
    converts,
    counts_whole_things,
    expand,
    is_multiplier,
    is_no_value,
    parse_flag,
    parse_quantity,
    same_unit,
)

#: A plain number in ASCII digits: read as it is, without the unit machinery.
_PLAIN = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?\Z")  # more digits: the full reading
_DIGITS = 15


def read_value(
    indicator: Indicator, cell: str, unit: str = "", sheet_unit: str = "", checked: bool = True
) -> tuple[float | None, Flag | None]:
    """The value ``cell`` gives ``indicator``; raises :class:`ValueProblem` saying why not.

    ``unit`` is the row's (or column header's) unit, ``sheet_unit`` a unit line above
    the table, which applies only to indicators it converts to (a sheet of counts
    in 人 also holds rates in %). ``checked``: hold the value to the indicator's
    plausible range (a totals row over many schools is not).
    """
    if indicator.type == "number" and not unit and not sheet_unit and _PLAIN.match(cell):
        value = float(cell)
        problem = implausible(indicator, value, value, "") if checked else None
        if problem is not None:
            raise ValueProblem(problem)
        return value, None
    if is_no_value(cell):
        return None, None
    if indicator.type == "flag":
        flag = parse_flag(cell)
        return (1.0 if flag.done else 0.0), flag
    number, used = _number_and_unit(indicator, cell, unit, sheet_unit)
    value = convert(number, used, indicator.unit)
    problem = implausible(indicator, value, number, used) if checked else None
    if (
        problem is not None
        and sheet_unit
        and used == sheet_unit
        and not unit
        and not same_unit(sheet_unit, indicator.unit)
    ):
        # the unit came from a 单位：… line above the table, which the cell does not show
        problem += (
            f" (the unit {sheet_unit} is the table's 单位 line: write this figure's own unit)"
        )
    if problem is not None:
        raise ValueProblem(problem)
    return value, None


class CellReader:
    """:func:`read_value` for one column of a sheet (or one indicator and unit of a long
    one), with what every cell of it shares worked out once: a province's sheet is hundreds
    of thousands of plain numbers, each read here without the unit machinery when it
    plainly fits (within the plausible range, and whole where the indicator counts whole
    things) and its unit is the indicator's own; any other cell goes through
    :func:`read_value`, so the values and the refusals are the same."""

    __slots__ = (
        "checked", "fast", "high", "indicator", "low", "sheet_unit", "unit", "whole",
    )  # fmt: skip

    def __init__(
        self, indicator: Indicator, unit: str = "", sheet_unit: str = "", checked: bool = True
    ) -> None:
        from .plausible import plausible_range, widened

        self.indicator, self.unit, self.sheet_unit, self.checked = (
            indicator, unit, sheet_unit, checked,
        )  # fmt: skip
        bounds = plausible_range(indicator) if checked else None
        self.low, self.high = widened(bounds) if bounds is not None else (-math.inf, math.inf)
        # a unit of the row's own that is the indicator's converts nothing and hides the
        # table's 单位 line, as read_value takes it; a 单位 line in the indicator's own unit
        # (单位：人 over counts of people) converts nothing either
        own = (
            same_unit(unit, indicator.unit)
            if unit
            else not sheet_unit or same_unit(sheet_unit, indicator.unit)
        )
        self.fast = indicator.type == "number" and own
        self.whole = checked and counts_whole_things(indicator)

    def read(self, cell: str) -> tuple[float | None, Flag | None]:
        """The value of ``cell``; raises :class:`ValueProblem` as :func:`read_value` does."""
        if not cell:
            return None, None  # a blank cell: no value, as read_value says
        value = self.plain(cell)
        if value is not None:
            return value, None
        return read_value(self.indicator, cell, self.unit, self.sheet_unit, self.checked)

    def plain(self, cell: str) -> float | None:
        """The value of ``cell`` when it plainly fits (see the class), else ``None``."""
        if not self.fast:
            return None
        # a whole number (most counts) is known without the pattern
        if (cell.isdigit() and cell.isascii() and len(cell) <= _DIGITS) or _PLAIN.match(cell):
            value = float(cell)
            if self.low <= value <= self.high and (not self.whole or value.is_integer()):
                return value
        return None


def _number_and_unit(
    indicator: Indicator, cell: str, unit: str, sheet_unit: str
) -> tuple[float, str]:
    """The number ``cell`` gives and the unit it is in: the cell's, else the row's, else
    the sheet's where that converts; ``''`` for the indicator's own."""
    number, written = parse_quantity(cell)
    if is_multiplier(written):  # 1.52万: 万 multiplies the row's unit or the indicator's
        number, written = expand(number, written, unit or indicator.unit)
        unit = ""
    if written and unit and not same_unit(written, unit):
        raise UnitProblem(
            f"{cell!r} is written in {written} but the unit column says {unit!r}: make them "
            "agree (or clear the unit cell to use the one in the figure)"
        )
    used = written or unit
    if not used and sheet_unit and converts(sheet_unit, indicator.unit):
        used = sheet_unit
    if same_unit(used, PERCENT) and not same_unit(indicator.unit, PERCENT) and not unit:
        raise ValueProblem(f"{cell!r} is a percentage but {indicator.id} is in {indicator.unit}")
    return number, used
