"""Observations: one value of one indicator for one year (and entity), and where it was read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


#: (indicator, year, entity): where an observation is kept.
Key = tuple[str, int, str]

#: An indicator's observations: year → entity (``""``: the district) → the observation.
ByYear = dict[int, dict[str, Observation]]


class Index:
    """Observations by indicator, year and entity: each derived figure reads only its
    inputs' observations, not a province's every one, and a dataset keeps them as they are
    (no key is made for each of a province's million figures)."""

    def __init__(self) -> None:
        self._of: dict[str, ByYear] = {}
        #: What several derived figures share, worked out once (each school's stages).
        self.memo: dict[str, object] = {}

    def put(self, seen: Observation) -> None:
        """Add (or replace) an observation."""
        self._entities(seen.indicator, seen.year)[seen.entity] = seen

    def put_all(self, observations: Iterable[Observation]) -> None:
        """:meth:`put` each observation (a derived indicator's, a province's million: the
        dict of the indicator and year is looked up once per run of them)."""
        indicator, year, held = None, None, None
        for seen in observations:
            if seen.indicator != indicator or seen.year != year or held is None:
                indicator, year = seen.indicator, seen.year
                held = self._entities(indicator, year)
            held[seen.entity] = seen

    def add(self, observations: Iterable[Observation]) -> list[tuple[Observation, Observation]]:
        """Hold each observation whose (indicator, year, entity) is not held yet; the
        (held, given) pairs of those that are, for the caller to judge."""
        of = self._of
        clashes: list[tuple[Observation, Observation]] = []
        for seen in observations:
            years = of.get(seen.indicator)
            if years is None:
                years = of[seen.indicator] = {}
            held = years.get(seen.year)
            if held is None:
                held = years[seen.year] = {}
            first = held.get(seen.entity)
            if first is None:
                held[seen.entity] = seen
            else:
                clashes.append((first, seen))
        return clashes

    def get(self, indicator: str, year: int, entity: str) -> Observation | None:
        """The observation of (indicator, year, entity), if any."""
        years = self._of.get(indicator)
        held = None if years is None else years.get(year)
        return None if held is None else held.get(entity)

    def of(self, indicator: str) -> ByYear:
        """The observations of one indicator, by year and entity."""
        return self._of.get(indicator, {})

    def items(self) -> Iterator[tuple[str, ByYear]]:
        """Each indicator with its observations."""
        return iter(self._of.items())

    def values(self) -> list[Observation]:
        """Every observation."""
        return [
            seen for years in self._of.values() for held in years.values() for seen in held.values()
        ]

    def _entities(self, indicator: str, year: int) -> dict[str, Observation]:
        years = self._of.get(indicator)
        if years is None:
            years = self._of[indicator] = {}
        held = years.get(year)
        if held is None:
            held = years[year] = {}
        return held
