"""Observations: one value of one indicator for one year (and entity), and where it was read."""

from __future__ import annotations

from collections.abc import Iterable
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


#: (indicator, year, entity) → the observation.
Key = tuple[str, int, str]


class Index:
    """Observations by indicator, then by (indicator, year, entity): each derived figure
    reads only its inputs' observations, not a province's every one."""

    def __init__(self, observations: Iterable[Observation] = ()) -> None:
        self._of: dict[str, dict[Key, Observation]] = {}
        #: What several derived figures share, worked out once (each school's stages).
        self.memo: dict[str, object] = {}
        of = self._of
        for seen in observations:
            key = (seen.indicator, seen.year, seen.entity)
            found = of.get(key[0])
            if found is None:
                found = of[key[0]] = {}
            found[key] = seen

    def put(self, seen: Observation) -> None:
        """Add (or replace) an observation."""
        key = (seen.indicator, seen.year, seen.entity)
        found = self._of.get(key[0])
        if found is None:
            found = self._of[key[0]] = {}
        found[key] = seen

    def add(self, observations: Iterable[Observation]) -> list[tuple[Observation, Observation]]:
        """Hold each observation whose (indicator, year, entity) is not held yet; the
        (held, given) pairs of those that are, for the caller to judge."""
        of = self._of
        clashes: list[tuple[Observation, Observation]] = []
        for seen in observations:
            found = of.get(seen.indicator)
            if found is None:
                found = of[seen.indicator] = {}
            key = (seen.indicator, seen.year, seen.entity)
            first = found.get(key)
            if first is None:
                found[key] = seen
            else:
                clashes.append((first, seen))
        return clashes

    def get(self, key: Key) -> Observation | None:
        """The observation of (indicator, year, entity), if any."""
        found = self._of.get(key[0])
        return None if found is None else found.get(key)

    def of(self, indicator: str) -> dict[Key, Observation]:
        """The observations of one indicator."""
        return self._of.get(indicator, {})

    def values(self) -> list[Observation]:
        """Every observation."""
        return [seen for found in self._of.values() for seen in found.values()]
