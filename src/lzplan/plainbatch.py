"""A long table's plain rows read a batch at a time, a column at a time.

:class:`~lzplan.plainrows.PlainRows` reads one plain row from the lookups the general
reading left behind. A province's file is a million such rows, and most of what a row
costs read one at a time is the machinery around it: stripping every cell, finding the
first filled one for the footer test, asking each place whether it says 合计, a call per
cell. Here a batch of rows is taken apart into columns: each role's cells are stripped
in one pass, the footer and totals-label tests are asked once per distinct text, and a
value text's number is worked out once (the same float is then shared by every row that
writes it). A row that is not plain is handed back, in its place in the file, to the
general reading, which says what is wrong with it; the plain rows between two such rows
are added to the observations and to the sums their 合计 must make, in file order, so the
result is the one the rows read one by one give (``tests/test_plain_rows.py``).

That rests on two rules the general reading keeps: the lookups a batch reads (indicators,
years, names) only ever grow, never change, while a sheet is read; and a name is looked up
here only if it carries nothing to say (its warning was said at its first row).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import TYPE_CHECKING

from .batches import Batches
from .entitynames import UNLISTED
from .observations import Observation, make
from .plainrows import ANY_YEAR, PlainRows

if TYPE_CHECKING:
    from .cells import CellReader
    from .entitynames import EntityNames, Named
    from .model import Indicator
    from .totals import Totals

#: Distinct (indicator, unit, value) texts whose number is kept (areas and money are
#: seldom repeated; counts are the same few texts a million times).
_VALUES_KEPT = 50_000
#: A row whose school was not known when its batch was taken apart: its indicator, year,
#: value, school name and code, note, source and row number.
_Pending = tuple["Indicator", int, float, str, str, str, str, int]
#: Schools worked out here before asking whether that is worth it.
_TRIAL = 200
#: What the kept numbers give for a value text not worked out yet.
_UNSEEN = float("nan")


class PlainBatches(Batches):
    """Reads a long table's plain rows a batch at a time."""

    def __init__(
        self,
        plain: PlainRows,
        width: int,
        places: tuple[int, ...],
        readers: dict[tuple[str, str, bool], CellReader],
        named: dict[tuple[str, str, str, int | None], Named],
        scopes: dict[str, str],
        totals: Totals,
        texts: dict[str, str],
        entities: EntityNames,
    ) -> None:
        # the first filled cell of a plain row lies at or before its indicator's column
        super().__init__(width, places, range(plain.indicator_at + 1))
        self.plain = plain
        self.readers, self.named, self.scopes = readers, named, scopes
        self.totals, self.texts, self.entities = totals, texts, entities
        #: a batch's rows plain but for a school not known yet, by index: what else they
        #: give, read once the row handed back before them has named their school
        self._pending: dict[int, _Pending] = {}
        #: (scope, name, code) of the schools worked out in this batch
        self._asked: set[tuple[str, str, str]] = set()
        self._worked_out = self._known_here = 0  # schools worked out here, and known
        #: Says a name's warning at row ``number`` where the file's warnings are only
        #: counted, no longer listed (its place then matters to no one): whether it did.
        self.counted: Callable[[int, Named, int], bool] = lambda number, named, year: False
        #: (indicator cell, unit, value text) → its number, or None: not plain
        self._values: dict[tuple[str, str, str], float | None] = {}
        self._by_id: dict[str, Indicator] = {}

    def _keep(
        self, made: list[Observation | None], start: int, end: int, found: list[Observation]
    ) -> None:
        if end > start:
            first = len(found)
            found.extend(made[start:end])  # type: ignore[arg-type]  # no None among them
            self.totals.defer(found, first, len(found), self._count)

    def _count(self, seen: Observation) -> None:
        """Adds a plain row's value to its sums (when a 合计 is to be checked)."""
        indicator = self._by_id.get(seen.indicator)
        if indicator is None:
            self._by_id = {each.id: each for each in self.plain.indicators.values()}
            indicator = self._by_id[seen.indicator]
        self.totals.count(indicator, seen.year, seen.value)

    def _made(self, batch: list[tuple[int, list[str]]]) -> list[Observation | None]:
        """Each row's observation if it is plain, else ``None``."""
        columns = self._columns(batch)
        plain = self.plain

        def column(at: int) -> list[str] | repeat[str]:
            return list(map(str.strip, columns[at])) if at >= 0 else repeat("")

        cells = column(plain.indicator_at)
        assert isinstance(cells, list)
        for odd in self._odd(columns):
            cells[odd] = ""  # read the general way
        indicators, years, named = plain.indicators, plain.years, self.named
        values, scopes, texts = self._values, self.scopes, self.texts
        sheet = plain.sheet
        made: list[Observation | None] = []
        append = made.append
        self._pending, self._asked = {}, set()
        for number, cell, year_cell, unit, text, name, code, note, source in zip(
            [number for number, _ in batch],
            cells,
            column(plain.year_at),
            column(plain.unit_at),
            column(plain.value_at),
            column(plain.entity_at),
            column(plain.code_at),
            column(plain.note_at),
            column(plain.source_at),
            strict=False,  # a role without a column is an endless repeat("")
        ):
            indicator = indicators.get(cell)
            year = years.get(year_cell)
            if indicator is None or year is None or not text:
                append(None)
                continue
            value = values.get((cell, unit, text), _UNSEEN)
            if value is _UNSEEN:
                value = self._value(indicator, cell, unit, text)
            if value is None or indicator.per_entity != bool(name or code):
                append(None)
                continue
            entity = ""
            note, source = texts.setdefault(note, note), texts.setdefault(source, source)
            if name or code:
                scope = scopes.get(indicator.id, "")
                known = named.get((scope, name, code, ANY_YEAR)) or named.get(
                    (scope, name, code, year)
                )
                if known is None:  # a school not named before: known here if nothing is said
                    known = self._first(indicator, name, code, year, number)
                if known is None:  # said at its first row: the rows after it are read after
                    self._pending[len(made)] = (indicator, year, value, name, code, note, source,
                                                number)  # fmt: skip
                if known is None or known.name is None or known.problem:
                    append(None)
                    continue
                entity = known.name
            append(make(Observation, (
                indicator.id, year, value, sheet, number, entity, None, note, source, ""
            )))  # fmt: skip
        return made

    def _retry(self, index: int) -> Observation | None:
        pending = self._pending.get(index)
        if pending is None:
            return None
        indicator, year, value, name, code, note, source, number = pending
        scope = self.scopes.get(indicator.id, "")
        named = self.named
        known = named.get((scope, name, code, ANY_YEAR)) or named.get((scope, name, code, year))
        if known is None or known.name is None or known.problem:
            return None
        return make(Observation, (
            indicator.id, year, value, self.plain.sheet, number, known.name, None, note, source,
            "",
        ))  # fmt: skip

    def _first(
        self, indicator: Indicator, name: str, code: str, year: int, number: int
    ) -> Named | None:
        """A school met for the first time, worked out as the general reading would and kept
        for the rows after it, when there is nothing to say about it, or only a warning the
        file no longer lists but counts (else ``None``: its first row is handed back to the
        general reading, which says it)."""
        scope = self.scopes.get(indicator.id)
        if scope is None:
            scope = self.scopes[indicator.id] = self.entities.scope(indicator.id)
        named = self.named
        known = named.get((scope, name, code, ANY_YEAR)) or named.get((scope, name, code, year))
        if known is not None or (scope, name, code) in self._asked or self._futile():
            return known
        self._asked.add((scope, name, code))  # once a batch: a school's rows come together
        known = self.entities.resolve(indicator.id, name, code, year, False)
        if known.warning == UNLISTED and not known.problem and known.name is not None:
            if not self.counted(number, known, year):
                return None  # listed by the general reading, at its row: nothing futile
        else:
            self._worked_out += 1
            if known.problem or known.warning or known.name is None:
                return None
        self._known_here += 1
        named[(scope, name, code, ANY_YEAR if known.any_year else year)] = known
        return known

    def _futile(self) -> bool:
        """Whether most schools worked out here had something to say (a partial roster
        lacking a province's schools): the general reading then works each out alone, as
        it must to say it, and not twice."""
        return self._worked_out >= _TRIAL and self._known_here * 2 < self._worked_out

    def _value(self, indicator: Indicator, cell: str, unit: str, text: str) -> float | None:
        """The number a plain cell gives, or ``None``; kept while there is room (not when
        its reader is still to be made by the general reading of a row)."""
        reader = self.readers.get((indicator.id, unit, True))
        if reader is None:
            return None
        value = reader.plain(text)
        if len(self._values) < _VALUES_KEPT:
            self._values[(cell, unit, text)] = value
        return value
