"""Reading values as people type them, and converting between units.

Each parser returns the value or raises :class:`ValueProblem` with a message that
says what was expected; the data loader adds the file, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Indicator

#: Cells that mean "no value": shown as missing, never read as 0.
NO_VALUE = frozenset(
    {"", "-", "—", "——", "–", "--", "/", "无", "n/a", "na", "none", "null", "暂无", "不适用"}
)

_YES = frozenset(
    {"yes", "y", "true", "1", "done", "是", "已完成", "完成", "已通过", "通过", "达成"}
)
_NO = frozenset({"no", "n", "false", "0", "not done", "否", "未完成", "未通过", "未达成"})

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$")
_DATE = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$")


class ValueProblem(ValueError):
    """A cell that cannot be read as what its indicator needs."""


class UnitProblem(ValueProblem):
    """A unit that does not convert to the indicator's unit."""


@dataclass(frozen=True)
class Flag:
    """A done/not-done fact, with the date it was done when the data gives one."""

    done: bool
    on: str | None = None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD)

    @property
    def year(self) -> int | None:
        """The year it was done, if a date was given."""
        return int(self.on[:4]) if self.on else None

    def text(self) -> str:
        """How reports show it."""
        if not self.done:
            return "no"
        return self.on or "yes"


def normalise(cell: str) -> str:
    """Fold full-width characters (``９８.５％``) and surrounding space."""
    return unicodedata.normalize("NFKC", cell).strip()


def is_no_value(cell: str) -> bool:
    """Whether ``cell`` means "no value"."""
    return normalise(cell).lower() in NO_VALUE


def parse_number(cell: str, shown: str | None = None) -> tuple[float, bool]:
    """Read ``98.5``, ``98.5%``, ``1,370``; return the number and whether it had a % sign.

    ``shown`` is the whole cell, for messages, when ``cell`` is only its number part.
    """
    text = normalise(cell).replace(" ", "")
    cell = cell if shown is None else shown
    if text.startswith("="):
        message = f"expected a number, found a formula, {cell!r}, without a saved value"
        raise ValueProblem(f"{message}: save the file in Excel")
    if "," in text:
        if not _THOUSANDS.match(text):  # 98,5 is a decimal comma, not 985
            raise ValueProblem(f"expected a number with a decimal point, found {cell!r}")
        text = text.replace(",", "")
    if "_" in text:  # float() would read Python's digit grouping, 98_5 → 985
        raise ValueProblem(f"expected a number, found {cell!r}")
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    try:
        number = float(text)
    except ValueError:
        raise ValueProblem(f"expected a number, found {cell!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueProblem(f"expected a finite number, found {cell!r}")
    return number, percent


# a number, then what is written after it: 1.2万人, 98所, 18.24亿元, 56%
_QUANTITY = re.compile(r"^([+-]?[\d,.]*\d(?:[eE][+-]?\d+)?)([^\d].*)?$")


def parse_quantity(cell: str) -> tuple[float, str]:
    """Read a number and the unit written in the cell (``1.2万人`` → 1.2, ``万人``).

    The unit is ``%`` for a percent sign and empty when none is written.
    """
    text = normalise(cell).replace(" ", "")
    match = _QUANTITY.match(text)
    written = match.group(2) if match and match.group(2) else ""
    if written and written != "%":
        number, _ = parse_number(match.group(1) if match else text, shown=cell)
        return number, written
    number, percent = parse_number(text)
    return number, "%" if percent else ""


def parse_flag(cell: str) -> Flag:
    """Read yes/no (是/否, 已完成, true, 1, ...) or the date something was done."""
    text = normalise(cell)
    lowered = text.lower()
    if lowered in _YES:
        return Flag(True)
    if lowered in _NO:
        return Flag(False)
    match = _DATE.match(text)
    if match:
        year, month, day = match.groups()
        if _valid_date(int(year), month, day):
            iso = year + "".join(f"-{int(part):02d}" for part in (month, day) if part)
            return Flag(True, iso)
    raise ValueProblem(f"expected yes/no (是/否) or the date it was done, found {cell!r}")


def _valid_date(year: int, month: str | None, day: str | None) -> bool:
    if not 1900 <= year <= 2200:
        return False
    if month is None:
        return True
    if not 1 <= int(month) <= 12:
        return False
    if day is None:
        return True
    import calendar

    return 1 <= int(day) <= calendar.monthrange(year, int(month))[1]


# --- units -----------------------------------------------------------------------

# Units of one family convert by these factors to the family's base unit.
_FACTORS: dict[str, tuple[str, float]] = {
    "人": ("persons", 1.0),
    "名": ("persons", 1.0),
    "万人": ("persons", 1e4),
    "元": ("yuan", 1.0),
    "万元": ("yuan", 1e4),
    "亿元": ("yuan", 1e8),
    "%": ("percent", 1.0),
    "fraction": ("percent", 100.0),
}


# Ways of writing the same unit.
_SYNONYMS = {"percent": "%", "pct": "%", "百分比": "%", "平方米": "m²", "m2": "m²", "㎡": "m²"}


def canonical_unit(unit: str) -> str:
    """The unit as compared: full-width folded, ``％``/``percent`` → ``%``, ``平方米`` → ``m²``."""
    text = normalise(unit)
    return _SYNONYMS.get(text.lower(), text)


# 万 and 亿 written alone (1.52万) multiply the family's base unit: 1.52万 of 万人 is 15,200 人.
_MULTIPLIERS = {"万": 1e4, "亿": 1e8}


def expand(number: float, unit: str, to: str) -> tuple[float, str]:
    """``1.52万`` for an indicator in 万人 as (15200, ``人``): a bare 万 or 亿 is a multiplier
    of the indicator's family base unit (人, 元) or of its own unit; other units unchanged."""
    factor = _MULTIPLIERS.get(canonical_unit(unit))
    if factor is None:
        return number, unit
    family = _FACTORS.get(canonical_unit(to))
    base = next((u for u, f in _FACTORS.items() if family and f == (family[0], 1.0)), to)
    return number * factor, base


def converts(unit: str, to: str) -> bool:
    """Whether a value written in ``unit`` can be expressed in ``to``."""
    source, target = canonical_unit(unit), canonical_unit(to)
    if source == target:
        return True
    a, b = _FACTORS.get(source), _FACTORS.get(target)
    return a is not None and b is not None and a[0] == b[0]


def convert(value: float, unit: str, to: str) -> float:
    """``value`` written in ``unit`` expressed in ``to``; raises when they do not convert."""
    source, target = canonical_unit(unit), canonical_unit(to)
    if source == target or not source:
        return value
    a, b = _FACTORS.get(source), _FACTORS.get(target)
    if a is None or b is None or a[0] != b[0]:
        raise UnitProblem(f"unit {unit!r} does not convert to {to!r}")
    if source == "fraction" and abs(value) > 1:  # 90.5 labelled fraction is a percentage
        raise UnitProblem(f"{format(value, 'g')} is not a fraction (0 to 1): write its unit as %")
    return value * a[1] / b[1]


# Units of things that add up: a totals row over them is a sum.
_COUNTS = frozenset(
    {"所", "个", "间", "名", "人", "册", "班", "台", "m²", "万人", "元", "万元", "亿元"}
)


def summable(indicator: Indicator) -> bool:
    """Whether values of ``indicator`` add up across entities (counts, areas, money)."""
    return indicator.type == "number" and canonical_unit(indicator.unit) in _COUNTS
