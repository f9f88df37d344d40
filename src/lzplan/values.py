"""Reading values as people type them, and converting between units.

Each parser returns the value or raises :class:`ValueProblem` with a message that
says what was expected; the data loader adds the file, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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


def parse_number(cell: str) -> tuple[float, bool]:
    """Read ``98.5``, ``98.5%``, ``1,370``; return the number and whether it had a % sign."""
    text = normalise(cell).replace(" ", "")
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


def canonical_unit(unit: str) -> str:
    """The unit as compared: full-width folded, ``％`` → ``%``, ``percent`` → ``%``."""
    text = normalise(unit)
    return "%" if text.lower() in ("percent", "pct", "百分比") else text


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
