"""What every kind of derived indicator shares: the index it reads, the observation it
makes, and how it locates a problem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .errors import Problem
from .model import Indicator
from .observations import Observation

#: How far a given figure may sit from the one its parts give before a warning: a given
#: ratio rounded to one decimal (5.3 for 5.27) stays quiet, a mistyped one does not.
_RELATIVE = 0.01
_ABSOLUTE = 0.05

#: (indicator, year, entity) → the observation.
Key = tuple[str, int, str]


class Index(dict[Key, Observation]):
    """Observations by (indicator, year, entity), and by indicator: each derived figure
    reads only its inputs' observations, not a province's every one."""

    def __init__(self, observations: Iterable[Observation] = ()) -> None:
        super().__init__()
        self._of: dict[str, dict[Key, Observation]] = {}
        for seen in observations:
            self[(seen.indicator, seen.year, seen.entity)] = seen

    def __setitem__(self, key: Key, value: Observation) -> None:
        super().__setitem__(key, value)
        self._of.setdefault(key[0], {})[key] = value

    def of(self, indicator: str) -> dict[Key, Observation]:
        """The observations of one indicator."""
        return self._of.get(indicator, {})


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
    return Observation(
        indicator.id,
        anchor.year,
        value,
        anchor.file,
        anchor.row,
        anchor.entity if entity is None else entity,
        note=note,
        column=anchor.column,
    )


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
