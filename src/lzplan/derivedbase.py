"""What every kind of derived indicator shares: the index it reads, the observation it
makes, and how it locates a problem."""

from __future__ import annotations

import functools
from typing import Literal

from .errors import Problem
from .model import Indicator
from .observations import Observation, make

#: How far a given figure may sit from the one its parts give before a warning: a given
#: ratio rounded to one decimal (5.3 for 5.27) stays quiet, a mistyped one does not.
_RELATIVE = 0.01
_ABSOLUTE = 0.05

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
    return observation(indicator, None, anchor, _not_computed(why), entity)


@functools.lru_cache(maxsize=1024)
def _not_computed(why: str) -> str:
    """The note of a figure not computed: one string for the many schools it is said of (a
    province's 初中 without a 小学 part: 100,000 of them)."""
    return f"not computed: {why}"


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
