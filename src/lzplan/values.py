"""Reading values as people type them, and what lzplan knows about units.

Each parser returns the value or raises :class:`ValueProblem` with a message that
says what was expected; the data loader adds the file, row and column. Units are
known here and nowhere else: their families and factors, which count whole things,
which are money, time or area, and which add up across schools.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .display import format_number

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
# 2024-06-30, 2024/6/30, 2024年6月, 2024.6.30 typed (or formatted) where a number belongs
_DATE_IN_NUMBER = re.compile(
    r"^\d{4}(?:[-/]\d{1,2}(?:[-/]\d{1,2})?|年\d{1,2}月(?:\d{1,2}日)?|\.\d{1,2}\.\d{1,2})$"
)
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
            message = f"expected a number with a decimal point, found {cell!r}"
            parts = text.rstrip("%").split(",")
            if len(parts) == 2 and all(part.lstrip("-").isdigit() for part in parts):
                mark = "%" if text.endswith("%") else ""
                message += f"; did you mean {parts[0]}.{parts[1]}{mark} or {''.join(parts)}{mark}?"
            raise ValueProblem(message)
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


#: Two digits in a row after a number's first digits: what follows is no unit (2O249).
_DIGITS_IN_UNIT = re.compile(r"[0-9]{2}")


def parse_quantity(cell: str) -> tuple[float, str]:
    """Read a number and the unit written in the cell (``1.2万人`` → 1.2, ``万人``).

    The unit is ``%`` for a percent sign and empty when none is written.
    """
    text = normalise(cell).replace(" ", "")
    if _DATE_IN_NUMBER.match(text):
        raise ValueProblem(f"expected a number, found the date {cell!r}")
    match = _QUANTITY.match(text)
    written = match.group(2) if match and match.group(2) else ""
    if _DIGITS_IN_UNIT.search(written):  # 2O249: a letter typed among the digits, no unit
        raise ValueProblem(f"expected a number, found {cell!r}")
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


# --- units: the one place that knows them ------------------------------------------

PERCENT = "%"
FRACTION = "fraction"

#: Units that convert into each other, by family: each unit's size in the family's
#: first unit, its base. A unit in no family converts only to itself (所 is not 个).
FAMILIES: dict[str, dict[str, float]] = {
    "persons": {"人": 1.0, "名": 1.0, "万人": 1e4},
    "yuan": {"元": 1.0, "万元": 1e4, "亿元": 1e8},
    "percent": {PERCENT: 1.0, FRACTION: 100.0},
    # a figure per day or per week is often typed with the bare unit: 1小时, 60分钟, 1课时
    "hours a day": {"小时/天": 1.0, "小时": 1.0, "分钟/天": 1 / 60, "分钟": 1 / 60},
    "class hours a week": {"课时/周": 1.0, "课时": 1.0, "节/周": 1.0, "节": 1.0},
}
_FACTORS = {unit: (name, size) for name, units in FAMILIES.items() for unit, size in units.items()}

#: Units that count whole things: a school, a teacher, a class, a visit is never half of one.
WHOLE_UNITS = frozenset({"人", "名", "人次", "次", "项", "门"}) | frozenset(
    {"所", "个", "间", "班", "册", "台", "套", "张", "座", "处"}
)
#: Counts: whole things, and persons in 万人 (1.537 万人 is 15,370 人).
COUNT_UNITS = WHOLE_UNITS | {"万人"}
MONEY_UNITS = frozenset(FAMILIES["yuan"])
TIME_UNITS = frozenset({"课时/周", "小时/天", "小时/周", "课时", "小时", "分钟"})
AREA_UNITS = frozenset({"m²"})
#: Units whose figures are normally written with decimals, so that a slipped decimal
#: point is a likely mistake (in 所 or 人 an odd digit is not a decimal point).
DECIMAL_UNITS = frozenset({PERCENT, "万人", "万元", "亿元"})

# Ways of writing the same unit.
_SYNONYMS = {"percent": "%", "pct": "%", "百分比": "%", "平方米": "m²", "m2": "m²", "㎡": "m²"}

# 万 and 亿 written alone (1.52万) multiply the family's base unit: 1.52万 of 万人 is 15,200 人.
_MULTIPLIERS = {"万": 1e4, "亿": 1e8}

# Words that make an indicator an average or a ratio (人均到馆次数, 生均经费, 平均工资,
# 每百名学生计算机台数): in a unit of whole things, yet neither whole nor a sum.
_AVERAGE_WORDS = ("人均", "生均", "师均", "校均", "平均", "每百", "每千", "每万")


@functools.lru_cache(maxsize=4096)
def canonical_unit(unit: str) -> str:
    """The unit as compared: full-width folded, ``％``/``percent`` → ``%``, ``平方米`` → ``m²``."""
    text = normalise(unit)
    return _SYNONYMS.get(text.lower(), text)


def same_unit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one unit written two ways (``％`` and ``%``)."""
    return canonical_unit(a) == canonical_unit(b)


def relatives(unit: str) -> tuple[str, ...]:
    """The units of ``unit``'s family, ``unit`` itself included; none outside a family."""
    found = _FACTORS.get(canonical_unit(unit))
    return tuple(FAMILIES[found[0]]) if found else ()


@functools.lru_cache(maxsize=1024)  # asked for every cell of a province
def is_average(indicator: Indicator) -> bool:
    """Whether ``indicator``'s name or an alias makes it an average or a ratio (人均, 生均 …)."""
    names = (indicator.name_zh, *indicator.aliases)
    return any(word in name for name in names for word in _AVERAGE_WORDS)


@functools.lru_cache(maxsize=1024)  # asked for every cell of a province
def counts_whole_things(indicator: Indicator) -> bool:
    """Whether every value of ``indicator`` is a whole number: schools, teachers, classes …

    Not persons in 万人, money, hours or shares, nor an average such as 人均到馆次数.
    """
    unit = canonical_unit(indicator.unit)
    return indicator.type == "number" and unit in WHOLE_UNITS and not is_average(indicator)


@functools.lru_cache(maxsize=1024)  # asked for every cell of a province
def summable(indicator: Indicator) -> bool:
    """Whether values of ``indicator`` add up across entities (counts, areas, money).

    Rates, hours and averages (平均工资, 生均经费) do not: their total is no sum.
    """
    unit = canonical_unit(indicator.unit)
    adds_up = unit in COUNT_UNITS or unit in MONEY_UNITS or unit in AREA_UNITS
    return indicator.type == "number" and adds_up and not is_average(indicator)


def is_multiplier(unit: str) -> bool:
    """Whether ``unit`` is a bare 万 or 亿 (``1.52万``), a multiplier rather than a unit."""
    return canonical_unit(unit) in _MULTIPLIERS


def expand(number: float, unit: str, to: str) -> tuple[float, str]:
    """``1.52万`` for an indicator in 万人 as (15200, ``人``): a bare 万 or 亿 is a multiplier
    of the indicator's family base unit (人, 元) or of its own unit; other units unchanged."""
    factor = _MULTIPLIERS.get(canonical_unit(unit))
    if factor is None:
        return number, unit
    family = relatives(to)
    return number * factor, family[0] if family else to


def converts(unit: str, to: str) -> bool:
    """Whether a value written in ``unit`` can be expressed in ``to``."""
    return same_unit(unit, to) or canonical_unit(unit) in relatives(to)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` written in ``unit`` expressed in ``to``; raises when they do not convert."""
    source, target = canonical_unit(unit), canonical_unit(to)
    if source == target or not source:
        return value
    if not converts(source, target):
        percent = source == "比例" and target == PERCENT
        advice = "write % or fraction" if percent else f"write the figure in {to}"
        raise UnitProblem(f"unit {unit!r} does not convert to {to!r}: {advice}")
    if source == FRACTION and abs(value) > 1:  # 90.5 labelled fraction is a percentage
        raise UnitProblem(f"{format(value, 'g')} is not a fraction (0 to 1): write its unit as %")
    return value * _FACTORS[source][1] / _FACTORS[target][1]


def with_unit(number: float, unit: str) -> str:
    """``99.2%``, ``1.537 万人``, ``15,370``: a number with its unit, as messages show it."""
    shown = format_number(number)
    canonical = canonical_unit(unit)
    if not canonical:
        return shown
    return f"{shown}%" if canonical == PERCENT else f"{shown} {unit}"
