"""What every rule kind shares: comparison, the straight path, the verdict it returns."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol

from ..model import Plan, Target
from ..observations import place_text
from ..results import Status

if TYPE_CHECKING:
    from ..observations import Observation
    from ..roster import Roster


def compare(actual: float, op: str, expected: float) -> bool:
    """``actual op expected``, forgiving float noise such as 98.30000000000001."""
    # each operator written out, closeness asked only where it can change the answer: a
    # province's criteria make half a million comparisons
    if op == ">=":
        return actual >= expected or _close(actual, expected)
    if op == "<=":
        return actual <= expected or _close(actual, expected)
    if op == ">":
        return actual > expected and not _close(actual, expected)
    if op == "<":
        return actual < expected and not _close(actual, expected)
    if op == "==":
        return _close(actual, expected)
    raise ValueError(f"unknown operator {op!r}")


def _close(actual: float, expected: float) -> bool:
    return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)


class Lookup(Protocol):
    """What rules read from a dataset (:class:`lzplan.dataset.Dataset` provides it)."""

    def value(self, indicator: str, year: int) -> Observation | None: ...

    def entities(self, indicator: str, year: int) -> dict[str, Observation]: ...

    def history(self, indicator: str, year: int, entity: str = "") -> list[Observation]: ...


class Recorder:
    """A view of a dataset that remembers every observation a rule looked at, so that a
    result can name where its figures were read."""

    def __init__(self, data: Lookup) -> None:
        self.data = data
        self.seen: dict[int, Observation] = {}

    def value(self, indicator: str, year: int) -> Observation | None:
        found = self.data.value(indicator, year)
        if found is not None:
            self.seen[id(found)] = found
        return found

    def entities(self, indicator: str, year: int) -> dict[str, Observation]:
        found = self.data.entities(indicator, year)
        values = found.values()
        self.seen.update(zip(map(id, values), values, strict=True))
        return found

    def history(self, indicator: str, year: int, entity: str = "") -> list[Observation]:
        found = self.data.history(indicator, year, entity)
        self.seen.update((id(item), item) for item in found)
        return found

    def places(self) -> tuple[str, ...]:
        """Where each figure with a value was read, in the order read; a run of rows one
        after another in one file and column as one place, ``file:2–5 (column)`` (a rule
        over a province's schools looks at a whole column: one place, not 100,000). Beyond
        :data:`MAX_PLACES` places, one a file and column: ``file:2–999998 (column), 200000
        rows`` — which files fed the verdict; the schools that failed are its misses."""
        read = [o for o in self.seen.values() if o.value is not None]
        places: dict[str, None] = {}
        for place in _runs(read):
            places[place] = None
            if len(places) > MAX_PLACES:  # no need to know how many more
                return _by_file(read)
        return tuple(places)


def _runs(observations: Iterable[Observation]) -> Iterator[str]:
    """The places of ``observations``, consecutive rows of one file and column as one."""
    started = False
    file, column, first, last = "", "", 0, 0
    for seen in observations:
        if started and seen.row == last + 1 and seen.file == file and seen.column == column:
            last = seen.row
            continue
        if started:
            yield _place(file, column, first, last)
        started, file, column, first, last = True, seen.file, seen.column, seen.row, seen.row
    if started:
        yield _place(file, column, first, last)


_FILE_COLUMN, _ROW = attrgetter("file", "column"), attrgetter("row")

#: The most places a result names one by one.
MAX_PLACES = 100


def _by_file(read: list[Observation]) -> tuple[str, ...]:
    """One place a file and column: its first and last rows, and how many."""
    rows: dict[tuple[str, str], list[int]] = {}
    places = set(map(_FILE_COLUMN, read))
    if len(places) == 1:  # a province's schools in one column of one file: at C speed
        rows[places.pop()] = list(map(_ROW, read))
    else:
        for seen in read:
            rows.setdefault((seen.file, seen.column), []).append(seen.row)
    counted = {key: len(set(found)) for key, found in rows.items()}
    return tuple(
        f"{_place(file, column, min(found), max(found))}, {counted[file, column]} row"
        + ("s" if counted[file, column] != 1 else "")
        for (file, column), found in rows.items()
    )


def _place(file: str, column: str, first: int, last: int) -> str:
    return place_text(file, str(first) if first == last else f"{first}–{last}", column)


@dataclass(frozen=True)
class Context:
    """What every rule needs besides its target: the plan, the data, the year, the roster."""

    plan: Plan
    data: Lookup
    year: int
    roster: Roster | None = None
    #: Entities outside the plan's scope, with why (:mod:`lzplan.exclusions`).
    excluded: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """A rule's finding, before the target's descriptive fields are added."""

    status: Status
    detail: str
    op: str | None = None
    expected: float | str | None = None
    actual: float | str | None = None
    gap: float | None = None
    misses: tuple[str, ...] = ()
    numbers: Mapping[str, float | None] | None = None
    lacking: tuple[str, ...] = ()


def tidy(value: Any) -> Any:
    """Round away float noise (98.30000000000001) in reported numbers."""
    if isinstance(value, float) and math.isfinite(value):
        return round(value, 9)
    return value


def path_value(target: Target, final: float, year: int) -> float:
    """The plan's 时序进度: the straight path from baseline to ``final`` at ``year``."""
    baseline = target.baseline
    if baseline is None or year >= target.deadline:
        return final
    if year <= baseline.year:
        return baseline.value
    share = (year - baseline.year) / (target.deadline - baseline.year)
    return baseline.value + (final - baseline.value) * share


def missing(
    lacking: tuple[str, ...],
    when: str,
    op: str | None = None,
    expected: float | str | None = None,
) -> Verdict:
    """No data for ``lacking``; still says what was expected, so the table shows it."""
    detail = f"no value for {' and '.join(lacking)} {when}"
    return Verdict("missing", detail, op, expected, lacking=lacking)


def is_due(target: Target, year: int, every_year: bool = False) -> bool:
    return every_year or year >= target.deadline


def with_baseline(target: Target, **extra: float | None) -> dict[str, float | None]:
    numbers: dict[str, float | None] = {}
    if target.baseline is not None:
        numbers["baseline"] = target.baseline.value
        numbers["baseline_year"] = float(target.baseline.year)
    numbers.update(extra)
    return numbers
