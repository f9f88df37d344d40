"""Rows read a batch at a time, a column at a time: what long and wide tables share.

A batch of rows is taken apart into columns, and each row that is plain is read from
them (:mod:`lzplan.plainbatch` for long tables, :mod:`lzplan.widebatch` for wide ones).
A row that is not — a footer, a 合计, a value under no header, anything the general
reading must say something about — is handed back to it in its place in the file, and
the plain rows between two such rows are kept, in file order, before it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from .layout import is_footer
from .observations import Observation
from .totals import label_of

#: Rows taken apart at a time: large enough that a column pass costs little per row, small
#: enough that a batch's columns take a few hundred kilobytes.
BATCH = 4096


class Batches:
    """Rows read a batch at a time: :meth:`_made` gives each row's observations, or
    ``None`` for a row the general reading must read, which is handed back to the caller in
    its place in the file."""

    def __init__(self, width: int, places: tuple[int, ...], footer_columns: range) -> None:
        self.width, self.places = width, places
        self._footer_columns = footer_columns
        self._blank = [""] * width
        #: Columns under a blank header cell: a row with a value there is the general
        #: reading's, which refuses it.
        self.headless: tuple[int, ...] = ()
        #: Whether the general reading has met a row of data (before it, a row of digits
        #: may be the 栏次 row under the header: the rows are handed back one by one).
        self.started: Callable[[], bool] = lambda: True

    def rows(
        self, rows: Iterator[tuple[int, list[str]]], found: list[Observation]
    ) -> Iterator[tuple[int, list[str]]]:
        """The rows of ``rows`` that are not plain, in order; each plain row's observations
        are appended to ``found`` (and its values to the sums) before the next is handed
        back."""
        while not self.started():
            row = next(rows, None)
            if row is None:
                return
            yield row
        while True:
            batch = list(islice(rows, BATCH))
            if not batch:
                return
            made = self._made(batch)
            start = 0
            for index, seen in enumerate(made):
                if seen is None:
                    seen = self._retry(index)
                    if seen is not None:  # its school was named by a row handed back above
                        made[index] = seen
                        continue
                    self._keep(made, start, index, found)
                    start = index + 1
                    yield batch[index]
            self._keep(made, start, len(made), found)

    def _made(self, batch: list[tuple[int, list[str]]]) -> list[Any]:
        raise NotImplementedError

    def _retry(self, index: int) -> Any:
        """The observation(s) of the batch's row ``index``, not plain when the batch was
        taken apart, if the rows handed back since have made it plain; else ``None``."""
        return None

    def _keep(self, made: list[Any], start: int, end: int, found: list[Observation]) -> None:
        raise NotImplementedError

    def _columns(self, batch: list[tuple[int, list[str]]]) -> list[tuple[str, ...]]:
        """The batch's cells by column. A row ending before the last column (a workbook's
        ends at its last filled cell) is read with blanks after it, one with blank cells
        beyond the header without them, as the general reading reads them; one with a
        value beyond the header as blanks, for the general reading to say so."""
        width = self.width
        return list(zip(*[raw if len(raw) == width else self._fit(raw) for _, raw in batch],
                        strict=True))  # fmt: skip

    def _fit(self, raw: list[str]) -> list[str]:
        width = self.width
        if len(raw) < width:
            return raw + self._blank[len(raw) :]
        if not any(cell.strip() for cell in raw[width:]):
            return raw[:width]
        return self._blank

    def _odd(self, columns: list[tuple[str, ...]]) -> set[int]:
        """The rows that may be footers (``填报人：…``, their first filled cell being in
        ``footer_columns``) or totals rows (``合计`` at a place), or that hold a value under
        no header, for the general reading, which tells; each distinct text is asked once."""
        odd: set[int] = set()
        for at in {*self._footer_columns, *self.places}:
            if at >= self.width:
                continue
            texts = columns[at]
            footer = at in self._footer_columns
            found = {
                text
                for text in set(texts)
                if (footer and is_footer(text.strip())) or (at in self.places and _label(text))
            }
            if found:
                odd.update(row for row, text in enumerate(texts) if text in found)
        for at in self.headless:
            if at < self.width:
                odd.update(row for row, text in enumerate(columns[at]) if text.strip())
        return odd


def _label(text: str) -> bool:
    return bool(label_of(text.strip()))
