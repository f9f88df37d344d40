"""The plain rows of a long table, read without the general machinery.

A province's long file is a million rows that are all alike: a known indicator id, a year
already seen, a plain number in range, a school already named. Such a row needs none of
the checks that find mistakes, only the lookups that their first reading left behind; so
:class:`PlainRows` reads it from those lookups alone, and gives up (``None``) on anything
else, which :class:`~lzplan.rows.SheetReader` then reads the general way — the first row
of each indicator, year and school among them. A row read here gives exactly the
observation and the running totals the general reading would give, and no message (the
general reading of such a row gives none either); ``tests/test_plain_rows.py`` compares
the two on generated sheets.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

from .observations import Observation

#: The year under which a name that means the same in every year is kept (no year is -1).
ANY_YEAR = -1

if TYPE_CHECKING:
    from .cells import CellReader
    from .entitynames import Named
    from .model import Indicator
    from .totals import Totals


class PlainRows:
    """The lookups of one long sheet, filled by its general reading, and the rows they read."""

    def __init__(self, at: dict[str, int], sheet: str) -> None:
        self.sheet = sheet
        self.indicator_at = at["indicator"]
        self.value_at = at["value"]
        self.year_at, self.unit_at = at.get("year", -1), at.get("unit", -1)
        self.entity_at, self.code_at = at.get("entity", -1), at.get("code", -1)
        self.note_at, self.source_at = at.get("note", -1), at.get("source", -1)
        at_roles = (self.indicator_at, self.year_at, self.unit_at, self.value_at)
        roles = (*at_roles, self.entity_at, self.code_at, self.note_at, self.source_at)
        present = sorted({index for index in roles if index >= 0})
        # the row's eight cells in two C calls: the present columns, then each role's (a
        # role without a column points at the "" put after them)
        self._pick = itemgetter(*present, present[0])  # two at least: always a tuple
        self._roles = itemgetter(*(present.index(i) if i >= 0 else len(present) + 1 for i in roles))
        #: indicator cell → the indicator it names, where that raised no question
        self.indicators: dict[str, Indicator] = {}
        #: year cell → the year, where that raised no question
        self.years: dict[str, int] = {}

    @staticmethod
    def fits(at: dict[str, int], form: str, year_columns: bool) -> bool:
        """Whether a sheet's columns are those of a plain long table: an indicator id and a
        value column (no name beside the id to compare, no year columns)."""
        return (
            form == "long"
            and not year_columns
            and "indicator" in at
            and "value" in at
            and "indicator_name" not in at
        )

    def read(
        self,
        number: int,
        cells: list[str],
        readers: dict[tuple[str, str, bool], CellReader],
        named: dict[tuple[str, str, str, int | None], Named],
        scopes: dict[str, str],
        totals: Totals,
        texts: dict[str, str],
    ) -> Observation | None:
        """The observation of a plain row (its totals counted), or ``None``: read it the
        general way."""
        try:
            picked = self._pick(cells)
        except IndexError:  # a workbook row ending before the last column: read in full
            return None
        cell, year_cell, unit, text, name, code, note, source = self._roles((*picked, ""))
        indicator = self.indicators.get(cell)
        if indicator is None:
            return None
        year = self.years.get(year_cell)
        if year is None:
            return None
        reader = readers.get((indicator.id, unit, True))
        value = None if reader is None or not text else reader.plain(text)
        if value is None:
            return None
        if indicator.per_entity != bool(name or code):
            return None  # a school missing, or named for a district figure: said there
        entity = ""
        if name or code:
            scope = scopes.get(indicator.id, "")
            found = named.get((scope, name, code, ANY_YEAR)) or named.get((scope, name, code, year))
            if found is None or found.name is None or found.problem:
                return None
            entity = found.name
        totals.count(indicator, year, value)
        note, source = texts.setdefault(note, note), texts.setdefault(source, source)
        return Observation(
            indicator.id, year, value, self.sheet, number, entity, None, note, source
        )
