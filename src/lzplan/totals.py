"""Totals rows: 合计, 小计 and 平均 rows are never entities; sums are checked.

A 合计 (总计, 全区) row must equal the sum of the rows of its sheet (those above it, or,
standing at the top, those below), a 小计 row the sum of the rows since the previous
小计; an average row is not checked. Only indicators that add up (counts, areas, money)
are checked: a rate's total row is a weighted average the rows cannot reproduce.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .display import format_number
from .layout import fold
from .model import Indicator
from .values import summable

if TYPE_CHECKING:
    from .observations import Observation

TOTALS = frozenset({"合计", "总计", "全区", "全区合计", "全县", "全市", "总数", "共计", "total"})
SUBTOTALS = frozenset({"小计", "subtotal"})
AVERAGES = frozenset({"平均", "均值", "全区平均", "平均值", "average", "mean"})
LABELS = TOTALS | SUBTOTALS | AVERAGES
#: A row whose cell is blank, as :meth:`Totals.count` takes it (``None``: a value refused,
#: so the sum is unknown and not checked).
BLANK = ""
Counted = float | None | str
#: (indicator id, year): what a sum is kept by.
Key = tuple[str, int]
#: Adds one observation of a plain row to the sums (through :meth:`Totals.count`).
Counter = Callable[["Observation"], None]


#: A character every label has (计 of 小计, 合计 …; 全 of 全区 …; t of total …), once folded.
_LABEL_MARK = re.compile("[计全总均平tTaAmM]")


def label_of(text: str) -> str:
    """``合计``, ``小计``, ``平均`` … when ``text`` says its row totals others, else ``""``.

    Also ``合计：``, ``初中小计``, ``全区平均``: a label may carry a colon or a group name.
    """
    if not _LABEL_MARK.search(text) and unicodedata.is_normalized("NFKC", text):
        # folding changes nothing that could make a label: a province's million school
        # names are passed over here, each without folding
        return ""
    return _label_of(text)


@functools.lru_cache(maxsize=1 << 14)  # the same few labels and indicator ids, row after row
def _label_of(text: str) -> str:
    key = fold(text).rstrip(":：")
    if key in LABELS:
        return key
    for ending, label in (("小计", "小计"), ("合计", "合计"), ("总计", "合计"), ("共计", "合计")):
        if key.endswith(ending) and len(key) <= len(ending) + 6:
            return label
    if key.endswith("平均") and len(key) <= 8:
        return "平均"
    return ""


@dataclass(frozen=True)
class _Pending:
    """A 合计 row at the top of its sheet, checked once the rows below it are read."""

    indicator: Indicator
    year: int
    label: str
    value: float
    row: int
    column: str


class Sum:
    """The rows a totals row adds up, as a running sum (added in row order, as the rows
    are): how many, how many blank, whether one was refused (the sum is then unknown)."""

    __slots__ = ("blanks", "refused", "rows", "total")

    def __init__(self) -> None:
        self.rows, self.blanks, self.refused, self.total = 0, 0, False, 0.0


class Totals:
    """Running sums of the rows of one sheet, per indicator and year."""

    def __init__(self) -> None:
        # the rows since the last 小计, and all the rows, per (indicator, year)
        self.group: dict[Key, Sum] = {}
        self.whole: dict[Key, Sum] = {}
        self.pending: list[_Pending] = []
        self.summed: dict[str, bool] = {}  # indicator id → whether it adds up
        #: (row, column, message): totals that blank cells leave in doubt, for a warning.
        self.doubtful: list[tuple[int, str, str]] = []
        #: Plain rows' observations still to be added, as (list, start, end, counter), in row
        #: order: added when a totals row is checked or another row is added, so the plain
        #: rows of a file without a 合计 (most of a province's) are never added up.
        self._deferred: list[tuple[Sequence[Observation], int, int, Counter]] = []

    def defer(self, found: Sequence[Observation], start: int, end: int, count: Counter) -> None:
        """Has ``count`` add each of ``found[start:end]`` (plain rows' observations) to the
        sums when a sum is next needed."""
        if self._deferred:
            last, first, stop, counter = self._deferred[-1]
            if last is found and stop == start and counter == count:
                # the rows between gave nothing (blank lines, other plans' rows): one run
                self._deferred[-1] = (found, first, end, count)
                return
        self._deferred.append((found, start, end, count))

    def _add_deferred(self) -> None:
        deferred, self._deferred = self._deferred, []
        for found, start, end, count in deferred:
            for seen in found[start:end]:
                count(seen)

    def count(self, indicator: Indicator, year: int, value: Counted) -> None:
        """An entity's value, which totals rows must add up to: ``BLANK`` for a blank cell,
        ``None`` for a value refused (the sum is then unknown)."""
        summed = self.summed.get(indicator.id)
        if summed is None:  # asked for every row of a province: by id, not by hashing it
            summed = self.summed[indicator.id] = summable(indicator)
        if summed:
            self.add((indicator.id, year), value)

    def add(self, key: Key, value: Counted) -> None:
        """:meth:`count` for an indicator known to be summable, by (indicator id, year): one
        row's value, a number, ``BLANK`` or ``None`` (refused), added to both sums."""
        if self._deferred:  # the plain rows above it first: in row order, as a sum is made
            self._add_deferred()
        group = self.group.get(key)
        if group is None:
            group = self.group[key] = Sum()
        whole = self.whole.get(key)
        if whole is None:  # a 小计 above resets the group, never the whole
            whole = self.whole[key] = Sum()
        # both sums at once, without a call each: a province's file adds a million
        group.rows += 1
        whole.rows += 1
        if value is None:
            group.refused = whole.refused = True
        elif value.__class__ is str:
            group.blanks += 1
            whole.blanks += 1
        else:
            group.total += value  # type: ignore[operator]
            whole.total += value  # type: ignore[operator]

    def check(
        self,
        indicator: Indicator,
        year: int,
        label: str,
        value: float | None,
        where: tuple[int, str] = (0, ""),
    ) -> str:
        """Why a totals row's ``value`` is wrong, or ``""`` when it adds up or can't be checked
        (yet: a 合计 before any row is checked by :meth:`finish`)."""
        if label in AVERAGES or value is None or not summable(indicator):
            return ""
        if self._deferred:
            self._add_deferred()
        key = (indicator.id, year)
        values = (self.group if label in SUBTOTALS else self.whole).get(key) or Sum()
        if label in SUBTOTALS:
            self.group[key] = Sum()
        if not values.rows and label not in SUBTOTALS:
            self.pending.append(_Pending(indicator, year, label, value, *where))
            return ""
        return self._judged(indicator, label, value, values, where)

    def _judged(
        self,
        indicator: Indicator,
        label: str,
        value: float,
        values: Sum,
        where: tuple[int, str],
    ) -> str:
        """The error for a total the rows do not make; one blank cells leave in doubt (a
        blank may be none, or a figure not given) is kept for a warning instead."""
        wrong = _wrong(indicator, label, value, values)
        if wrong and values.blanks:
            self.doubtful.append((*where, wrong))
            return ""
        return wrong

    def finish(self) -> list[tuple[int, str, str]]:
        """(row, column, message) for each 合计 at the top that the rows below do not make."""
        if self._deferred and self.pending:
            self._add_deferred()
        found = []
        for total in self.pending:
            values = self.whole.get((total.indicator.id, total.year)) or Sum()
            where = (total.row, total.column)
            wrong = self._judged(total.indicator, total.label, total.value, values, where)
            if wrong:
                found.append((total.row, total.column, wrong))
        return found


def _wrong(indicator: Indicator, label: str, value: float, values: Sum) -> str:
    """Why the totals row is wrong. A blank cell is not taken for 0, but neither does it
    hide a total the other rows do not make: a 初中's blank 小学 pupils are none, and a 合计
    off by 100 beside them is likely a typing mistake, so it is named with the blanks. A
    refused value (already an error) leaves the sum unknown: nothing more is said."""
    if not values.rows or values.refused:
        return ""
    expected = values.total
    if abs(expected - value) <= max(1e-6 * abs(expected), 1e-9):
        return ""
    blank = values.blanks
    if blank:
        return (
            f"the {label} row gives {format_number(value)} for {indicator.id} but the "
            f"{values.rows - blank} row(s) with a value sum to {format_number(expected)} and "
            f"{blank} row(s) are blank: write 0 where a blank means none, and check the "
            f"figures and the {label} row"
        )
    return (
        f"the {label} row gives {format_number(value)} for {indicator.id} but the "
        f"{values.rows} row(s) it totals sum to {format_number(expected)}: correct the "
        f"figures or the {label} row"
    )
