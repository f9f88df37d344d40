"""Verdicts as data: what each target expected, what the data said, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["pass", "fail", "warn", "missing", "pending"]

#: Every status, most severe first. ``pending``: not yet due and not yet met.
STATUSES: tuple[Status, ...] = ("fail", "warn", "missing", "pending", "pass")

#: What ``--fail-on`` level makes which statuses count as failing.
FAILING: dict[str, frozenset[str]] = {
    "fail": frozenset({"fail"}),
    "warn": frozenset({"fail", "warn"}),
    "missing": frozenset({"fail", "warn", "missing"}),
}


@dataclass(frozen=True)
class Result:
    """The verdict on one target for one year.

    ``expected`` is the value the target required in that year (for a target with a
    baseline, the point on the straight path to it) or, for yes/no targets, a
    description; ``gap`` is ``actual - expected`` where both are numbers.
    ``misses`` names the entities or checklist items that failed or lack data;
    ``numbers`` holds the other figures behind the verdict; ``indicators`` names
    what the data file must supply for this target, and ``lacking`` what it did not.
    ``flags`` are notes on figures that moved surprisingly (never a change of status);
    ``sources`` where each figure behind the verdict was read (``file[sheet]:row``);
    ``confidence`` how sure the criterion itself is (see :class:`~lzplan.model.Citation`);
    ``notes`` what else bears on it (for an accreditation milestone, what the national
    criteria find on the per-school data read), never a change of status.
    """

    target: str
    section: str
    name_zh: str
    name_en: str
    kind: str
    nature: str
    year: int
    status: Status
    unit: str
    op: str | None
    expected: float | str | None
    actual: float | str | None
    gap: float | None
    detail: str
    misses: tuple[str, ...] = ()
    numbers: dict[str, float | None] = field(default_factory=dict)
    indicators: tuple[str, ...] = ()
    lacking: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    confidence: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """All verdicts for one dataset and one year."""

    dataset: str
    year: int
    results: tuple[Result, ...]

    def counts(self) -> dict[str, int]:
        """How many results have each status, in :data:`STATUSES` order."""
        counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
        for result in self.results:
            counts[result.status] += 1
        return counts
