"""What every kind of derived indicator shares: the index it reads, the observation it
makes, and how it locates a problem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .errors import Problem
from .model import Indicator
from .observations import Observation, make

#: How far a given figure may sit from the one its parts give before a warning: a given
#: ratio rounded to one decimal (5.3 for 5.27) stays quiet, a mistyped one does not.
_RELATIVE = 0.01
_ABSOLUTE = 0.05

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


#: What a derived indicator computes: observations, each with a problem to say (or none).
Found = list[tuple[Observation, Problem | None]]


def observation(
    indicator: Indicator,
    value: float | None,
    anchor: Observation,
    note: str,
    entity: str | None = None,
) -> Observation:
    """A computed value, placed where ``anchor`` (a figure it comes from) was read; for
    ``anchor``'s entity unless another is given (``""``: the district)."""
    entity = anchor.entity if entity is None else entity
    return make(
        Observation,
        (indicator.id, anchor.year, value, anchor.file, anchor.row, entity, None, note, "",
         anchor.column),
    )  # fmt: skip


def empty(
    indicator: Indicator, anchor: Observation, why: str, entity: str | None = None
) -> Observation:
    """The indicator without a value: an entity a rule then names as without data."""
    return observation(indicator, None, anchor, f"not computed: {why}", entity)


def who(observation: Observation) -> str:
    """``西校 in 2025``, or the year for a district figure."""
    year = observation.year
    return f"{observation.entity} in {year}" if observation.entity else str(year)


def located(
    observation: Observation, message: str, severity: Literal["error", "warning"]
) -> Problem:
    """A problem at the place ``observation`` was read."""
    column = observation.column or None
    return Problem(observation.file, message, observation.row, column, severity=severity)


def differs(given: float, computed: float) -> bool:
    """Whether a given figure and the one computed from its parts differ beyond rounding."""
    gap = abs(given - computed)
    return gap > _ABSOLUTE and gap > _RELATIVE * abs(computed)
