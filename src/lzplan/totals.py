"""Totals rows: 合计, 小计 and 平均 rows are never entities; sums are checked.

A 合计 (总计, 全区) row must equal the sum of the rows above it in the sheet, a 小计
row the sum of the rows since the previous 小计; an average row is not checked.
Only indicators that add up (counts, areas, money) are checked: a rate's total
row is a weighted average that cannot be recomputed from the rows.
"""

from __future__ import annotations

from .display import format_number
from .layout import fold
from .model import Indicator
from .values import summable

TOTALS = frozenset({"合计", "总计", "全区", "全区合计", "全县", "全市", "总数", "共计", "total"})
SUBTOTALS = frozenset({"小计", "subtotal"})
AVERAGES = frozenset({"平均", "均值", "全区平均", "平均值", "average", "mean"})
LABELS = TOTALS | SUBTOTALS | AVERAGES


def label_of(text: str) -> str:
    """``合计``, ``小计``, ``平均`` … when ``text`` says its row totals others, else ``""``."""
    key = fold(text)
    return key if key in LABELS else ""


class Totals:
    """Running sums of the rows of one sheet, per indicator and year."""

    def __init__(self) -> None:
        self.group: dict[tuple[str, int], list[float | None]] = {}
        self.whole: dict[tuple[str, int], list[float | None]] = {}

    def count(self, indicator: Indicator, year: int, value: float | None) -> None:
        """An entity's value, which later totals rows must add up to."""
        if summable(indicator):
            self.group.setdefault((indicator.id, year), []).append(value)
            self.whole.setdefault((indicator.id, year), []).append(value)

    def check(self, indicator: Indicator, year: int, label: str, value: float | None) -> str:
        """Why a totals row's ``value`` is wrong, or ``""`` when it adds up or can't be checked."""
        if label in AVERAGES or value is None or not summable(indicator):
            return ""
        key = (indicator.id, year)
        values = (self.group if label in SUBTOTALS else self.whole).get(key, [])
        if label in SUBTOTALS:
            self.group[key] = []
        if not values or any(item is None for item in values):
            return ""  # nothing above it, or a row without a value: the sum is unknown
        expected = sum(item for item in values if item is not None)
        if abs(expected - value) <= max(1e-6 * abs(expected), 1e-9):
            return ""
        return (
            f"the {label} row gives {format_number(value)} for {indicator.id} but the "
            f"{len(values)} row(s) it totals sum to {format_number(expected)}: correct the "
            f"figures or the {label} row"
        )
