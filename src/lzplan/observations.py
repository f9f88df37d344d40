"""Observations — one value of one indicator for one year (and entity) — and their index."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .display import format_number
from .values import Flag

_YEAR_NAME = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, slots=True)
class Observation:
    """One value of one indicator for one year (and entity), and where it was read.

    ``value`` is ``None`` when the cell says there is no value; for flag indicators
    ``value`` is 1.0 or 0.0 and ``flag`` keeps the date it was done.
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
        return f"{self.file}:{self.row}" + (f" ({self.column})" if self.column else "")

    def shown(self) -> str:
        """The value as reports show it."""
        if self.value is None:
            return "no value"
        if self.flag is not None:
            return self.flag.text()
        return format_number(self.value)


def year_from_name(path: Path) -> int | None:
    """The year a file's name gives (``2023.csv`` → 2023)."""
    match = _YEAR_NAME.match(path.stem)
    year = int(match.group(1)) if match else None
    return year if year is not None and 1900 <= year <= 2200 else None


class Actuals:
    """Observations indexed by indicator, year and entity."""

    def __init__(self, observations: Iterable[Observation]) -> None:
        self._totals: dict[tuple[str, int], Observation] = {}
        self._entities: dict[tuple[str, int], dict[str, Observation]] = {}
        for observation in observations:
            key = (observation.indicator, observation.year)
            if observation.entity:
                self._entities.setdefault(key, {})[observation.entity] = observation
            else:
                self._totals[key] = observation

    def value(self, indicator: str, year: int) -> Observation | None:
        """The district-level observation, if the data has one."""
        return self._totals.get((indicator, year))

    def entities(self, indicator: str, year: int) -> dict[str, Observation]:
        """Per-entity observations for the year, by entity name."""
        return self._entities.get((indicator, year), {})

    def history(self, indicator: str, year: int, entity: str = "") -> list[Observation]:
        """Observations with a value up to ``year``, oldest first (for done/not-done facts)."""
        found = [
            observation
            for key, observation in self._iter(indicator, entity)
            if key[1] <= year and observation.value is not None
        ]
        return sorted(found, key=lambda observation: observation.year)

    def _iter(self, indicator: str, entity: str) -> Iterator[tuple[tuple[str, int], Observation]]:
        if entity:
            for key, by_entity in self._entities.items():
                if key[0] == indicator and entity in by_entity:
                    yield key, by_entity[entity]
        else:
            for key, found in self._totals.items():
                if key[0] == indicator:
                    yield key, found
