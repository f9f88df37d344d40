"""Observations: one value of one indicator for one year (and entity), and where it was read."""

from __future__ import annotations

from typing import NamedTuple

from .display import format_number
from .values import Flag


def place_text(file: str, rows: str, column: str = "") -> str:
    """``file[sheet]:row (column)``; ``rows`` may be a run, ``2–5``."""
    return f"{file}:{rows}" + (f" ({column})" if column else "")


#: ``make(Observation, (all ten fields))``: an observation made without the named tuple's
#: Python-level ``__new__``, for the loops that make a province's million.
make = tuple.__new__


class Observation(NamedTuple):
    """One value of one indicator for one year (and entity), and where it was read.

    ``value`` is ``None`` when the cell says there is no value; for flag indicators
    ``value`` is 1.0 or 0.0 and ``flag`` keeps the date it was done.

    A named tuple, not a frozen dataclass: as immutable, and made four times faster (a
    frozen dataclass sets each of its ten fields through ``object.__setattr__``), which
    a province's million figures, and the million more derived from them, feel.
    """

    indicator: str
    year: int
    value: float | None
    file: str
    row: int
    entity: str = ""
    flag: Flag | None = None
    note: str = ""
    source: str = ""
    column: str = ""

    @property
    def place(self) -> str:
        """Where it was read: ``file[sheet]:row`` (and the column of a wide table)."""
        return place_text(self.file, str(self.row), self.column)

    def shown(self) -> str:
        """The value as reports show it."""
        if self.value is None:
            return "no value"
        if self.flag is not None:
            return self.flag.text()
        return format_number(self.value)
