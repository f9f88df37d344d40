"""A wide table's plain rows read a batch at a time, a column at a time.

A wide table is one row per school and one column per figure; a province's is 20,000
schools of twenty figures. Read one row at a time, each cell costs a call to its reader,
a test of what the row is, and one to add it to the 合计's sum. Here a batch of rows is
taken apart into columns: a column of plain numbers (or blanks) is recognised by one
pattern over the whole column and made into numbers in one pass, the footer and
totals-label tests are asked once per distinct text, and each school's name is looked up
once. A row is read here only when all of it is plain — every figure a plain number or
blank, its name known with nothing to say about it — and then gives exactly what the
general reading gives; any other row is handed back to the general reading, in its place
in the file, which says what is wrong (``tests/test_wide_batches.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain, islice, repeat
from typing import TYPE_CHECKING

from .batches import Batches
from .observations import Observation, make
from .plainrows import ANY_YEAR
from .totals import BLANK

if TYPE_CHECKING:
    from .cells import CellReader
    from .entitynames import Named
    from .layout import Column
    from .model import Indicator
    from .totals import Totals
    from .vocabulary import Vocabulary

#: A wide table's indicator column: the column, its indicator, its cell reader, the scope
#: its entity names resolve in, and whether totals rows sum it.
WideColumn = tuple["Column", "Indicator", "CellReader", str, bool]

_NUMBER = r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?"  # the plain number of cells.py, blank allowed
_PLAIN_COLUMN = re.compile(rf"(?:{_NUMBER})?(?:\n(?:{_NUMBER})?)*")


class WideBatches(Batches):
    """Reads a wide table's plain rows a batch at a time (a table whose year is the file's
    or the sheet's, not a column's)."""

    def __init__(
        self,
        width: int,
        at: dict[str, int],
        places: tuple[int, ...],
        columns: list[WideColumn],
        year: int,
        sheet: str,
        named: dict[tuple[str, str, str, int | None], Named],
        vocabulary: Vocabulary,
        totals: Totals,
        texts: dict[str, str],
    ) -> None:
        anchor = at.get("entity", at.get("code", 0))
        # the first filled cell of a plain row lies at or before its name
        super().__init__(width, places, range(anchor + 1))
        self.anchor, self.at = anchor, at
        self.figures, self.year, self.sheet = columns, year, sheet
        self.named, self.vocabulary, self.totals, self.texts = named, vocabulary, totals, texts
        #: each scope names resolve in, with the indicator its first column gives
        self._scopes = {scope: indicator.id for _, indicator, _, scope, _ in reversed(columns)}
        self._summed = {indicator.id: summed for _, indicator, _, _, summed in columns}

    @staticmethod
    def fits(at: dict[str, int], columns: list[WideColumn], year: int | None) -> bool:
        """Whether a wide table's rows can be read here: its year is not a column's, and
        it names its schools."""
        return bool(columns) and year is not None and "year" not in at and "entity" in at

    def _keep(
        self,
        made: list[tuple[Observation, ...] | None],
        start: int,
        end: int,
        found: list[Observation],
    ) -> None:
        if end > start:
            first = len(found)
            found.extend(chain.from_iterable(made[start:end]))  # type: ignore[arg-type]
            self.totals.defer(found, first, len(found), self._count)

    def _count(self, seen: Observation) -> None:
        """Adds a plain row's figure to its sums (when a 合计 is to be checked): a blank is
        none where the roster says the school teaches no stage the figure counts."""
        if not self._summed[seen.indicator]:
            return
        value: float | str | None = seen.value
        if value is None:
            taught = not self.vocabulary.not_taught(seen.indicator, seen.entity)
            value = BLANK if taught else 0.0
        self.totals.add((seen.indicator, seen.year), value)

    def _made(self, batch: list[tuple[int, list[str]]]) -> list[tuple[Observation, ...] | None]:
        """Each row's observations (one a figure column) if it is plain, else ``None``."""
        columns = self._columns(batch)
        out = set(self._odd(columns))

        def column(role: str) -> list[str] | repeat[str]:
            at = self.at.get(role, -1)
            return list(map(str.strip, columns[at])) if at >= 0 else repeat("")

        names, codes = column("entity"), column("code")
        values: list[list[float | None]] = []
        figures: list[list[str]] = []
        for figure in self.figures:
            cells = list(map(str.strip, columns[figure[0].index]))
            found, odd = _numbers(figure[2], cells)
            values.append(found)
            figures.append(cells)
            out.update(odd)
        filled = list(map(any, zip(*figures, strict=True)))  # a row with a figure at all
        entities = self._entities(names, codes, filled, out)
        year, sheet, texts, size = self.year, self.sheet, self.texts, len(batch)
        numbers = [number for number, _ in batch]
        notes = [texts.setdefault(note, note) for note in islice(column("note"), size)]
        sources = [texts.setdefault(source, source) for source in islice(column("source"), size)]
        # a column's observations made at C speed (those of a row not plain are dropped)
        by_column = [
            map(make, repeat(Observation), zip(
                repeat(indicator.id), repeat(year), found, repeat(sheet), numbers, entities,
                repeat(None), notes, sources, repeat(figure.text), strict=False,
            ))
            for (figure, indicator, *_), found in zip(self.figures, values, strict=True)
        ]  # fmt: skip
        return [
            None if entity is None else row
            for row, entity in zip(zip(*by_column, strict=True), entities, strict=True)
        ]

    def _entities(
        self,
        names: list[str] | repeat[str],
        codes: list[str] | repeat[str],
        filled: list[bool],
        out: set[int],
    ) -> list[str | None]:
        """Each row's school, where the row is plain: named, with a figure, and its name
        known in every scope with nothing to say about it."""
        found: list[str | None] = []
        for row, (name, code, has) in enumerate(zip(names, codes, filled, strict=False)):
            if not (name and has) or row in out:
                found.append(None)
                continue
            entity: str | None = None
            for scope, indicator in self._scopes.items():
                entity = self._entity(scope, indicator, name, code)
                if entity is None:
                    break
            found.append(entity)
        return found

    def _entity(self, scope: str, indicator: str, name: str, code: str) -> str | None:
        """The school's own name, or ``None`` if the general reading must say something."""
        year, named = self.year, self.named
        known = named.get((scope, name, code, ANY_YEAR)) or named.get((scope, name, code, year))
        if known is None:
            known = self.vocabulary.entities.resolve(indicator, name, code, year, False)
            if known.problem or known.warning or known.name is None:
                return None  # said by the general reading, at its row
            named[(scope, name, code, ANY_YEAR if known.any_year else year)] = known
        elif known.problem:
            return None  # refused: its row's figures are only counted, by the general reading
        return known.name


def _numbers(reader: CellReader, texts: list[str]) -> tuple[list[float | None], list[int]]:
    """The numbers of a column's cells (``None`` for a blank), and the rows whose cell is
    not a plain number for the general reading; a column of plain numbers within the
    reader's range is recognised whole."""
    joined = "\n".join(texts)
    if (
        reader.fast
        and joined.count("\n") == len(texts) - 1  # no cell has a line break inside
        and _PLAIN_COLUMN.fullmatch(joined)
    ):
        values = [float(text) if text else None for text in texts]
        numbers = [value for value in values if value is not None]
        if not numbers or (
            reader.low <= min(numbers)
            and max(numbers) <= reader.high
            and (not reader.whole or all(map(float.is_integer, numbers)))
        ):
            return values, []
    plain: Callable[[str], float | None] = reader.plain
    values = [plain(text) if text else None for text in texts]
    odd = [row for row, (text, value) in enumerate(zip(texts, values, strict=True))
           if text and value is None]  # fmt: skip
    return values, odd
