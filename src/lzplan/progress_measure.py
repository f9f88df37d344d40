"""The progress measure of Open SDG (after Statistics Canada), as sdg-build's
``sdg/ProgressMeasure.py`` computes it (June 2023): pure functions, every number kept.

With a numeric target, the observed compound annual growth rate (CAGR) since the base
year is compared with the CAGR the target requires by its year: ``ratio = observed ÷
required``, graded at 0.95, 0.6 and 0. Without one (a direction only), the observed CAGR
itself is graded at 0.015, 0.005 and 0, its sign flipped where less is better. A target
already met is ``target_achieved`` before anything is computed.

Where lzplan departs from the code, and why (also in the README):

* a base of zero or less makes a CAGR undefined (sdg-build divides by it): the absolute
  change is compared with the absolute change required instead (``method`` says so);
* a target equal to the base requires no growth (sdg-build divides by zero): not yet met
  means the value moved away from it, ``deterioration``;
* statuses are named as Open SDG's documentation names them, not as its code does:
  on_track → ``substantial_progress``, progress_needs_acceleration → ``moderate_progress``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

Status = Literal[
    "target_achieved",
    "substantial_progress",
    "moderate_progress",
    "limited_progress",
    "deterioration",
    "not_available",
]
#: Chinese labels, each distinct from every ``check`` verdict's.
LABELS_ZH: dict[Status, str] = {
    "target_achieved": "已实现",
    "substantial_progress": "进展良好",
    "moderate_progress": "需加快",
    "limited_progress": "进展缓慢",
    "deterioration": "倒退",
    "not_available": "数据不足",
}
#: Every status, best first.
STATUSES: tuple[Status, ...] = tuple(LABELS_ZH)
#: Thresholds (high, medium, low) with a numeric target, and with a direction only.
WITH_TARGET = (0.95, 0.6, 0.0)
DIRECTION_ONLY = (0.015, 0.005, 0.0)
#: sdg-build's stand-in for a target of 0, which a CAGR cannot reach.
ZERO_TARGET = 0.001


@dataclass(frozen=True)
class Measure:
    """A status and every number behind it, so that a reviewer can recompute it."""

    status: Status
    method: str
    numbers: dict[str, float | str | None] = field(default_factory=dict)


def growth(current: float, base: float, years: float) -> float:
    """CAGR = (current / base) ^ (1 / years) − 1."""
    return float((current / base) ** (1 / years) - 1)


def grade(value: float, thresholds: tuple[float, float, float]) -> Status:
    """The status a ratio (or an observed CAGR) earns against ``thresholds``."""
    high, medium, low = thresholds
    if value >= high:
        return "substantial_progress"
    if value >= medium:
        return "moderate_progress"
    if value >= low:
        return "limited_progress"
    return "deterioration"


def achieved(current: float, target: float, direction: str) -> bool:
    """Whether ``current`` has reached ``target`` in the better ``direction``."""
    return current <= target if direction == "decrease" else current >= target


def with_target(
    base: tuple[int, float],
    current: tuple[int, float],
    target: tuple[int, float],
    direction: str,
    met: bool | None = None,
) -> Measure:
    """Methodology 2: a numeric ``target`` (year, value) to reach from ``base`` (year, value).

    ``met`` says whether the current value meets the target, where the caller knows better
    than the direction does (a target of "more than 99" is not met by 99).
    """
    (t0, x0), (t, x), (tt, goal) = base, current, target
    numbers: dict[str, float | str | None] = {
        "base_year": t0, "base_value": x0, "current_year": t, "current_value": x,
        "target_year": tt, "target_value": goal, "direction": direction,
        "high": WITH_TARGET[0], "medium": WITH_TARGET[1], "low": WITH_TARGET[2],
    }  # fmt: skip
    if achieved(x, goal, direction) if met is None else met:
        return Measure("target_achieved", "target already met", numbers)
    if tt <= t0:  # no years left between the base and the deadline: no pace to measure
        return Measure("not_available", "the base year is at or after the deadline", numbers)
    if achieved(x0, goal, direction):
        # the base met the target and the latest figure does not: it has moved away
        return Measure("deterioration", "moved away from a target the base year met", numbers)
    if goal == 0:
        numbers["target_used"] = ZERO_TARGET
    goal = ZERO_TARGET if goal == 0 else goal
    if x0 <= 0 or goal <= 0 or x <= 0:  # a CAGR is undefined: compare absolute changes
        observed, required = x - x0, (goal - x0) * (t - t0) / (tt - t0)
        method = "absolute change (a value of zero or less has no growth rate)"
    else:
        observed, required = growth(x, x0, t - t0), growth(goal, x0, tt - t0)
        method = "growth rate (CAGR) against the rate the target requires"
    numbers.update(observed=observed, required=required)
    if required == 0 or math.isclose(required, 0.0, abs_tol=1e-15):
        # the target is the base: not met means the value has moved away from it
        return Measure("deterioration", method + "; no growth required", numbers)
    ratio = observed / required
    numbers["ratio"] = ratio
    return Measure(grade(ratio, WITH_TARGET), method, numbers)


def direction_only(base: tuple[int, float], current: tuple[int, float], direction: str) -> Measure:
    """Methodology 1: no numeric target, only the ``direction`` that is better."""
    (t0, x0), (t, x) = base, current
    numbers: dict[str, float | str | None] = {
        "base_year": t0, "base_value": x0, "current_year": t, "current_value": x,
        "direction": direction,
        "high": DIRECTION_ONLY[0], "medium": DIRECTION_ONLY[1], "low": DIRECTION_ONLY[2],
    }  # fmt: skip
    if x0 <= 0 or x <= 0:
        return Measure("not_available", "a value of zero or less has no growth rate", numbers)
    observed = growth(x, x0, t - t0)
    numbers["observed"] = observed
    signed = -observed if direction == "decrease" else observed
    return Measure(grade(signed, DIRECTION_ONLY), "observed growth rate (CAGR)", numbers)
