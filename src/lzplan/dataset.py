"""Gathering what a check needs: each file's own rows, its years, and earlier years.

Earlier years (for year-on-year rules and done/not-done facts) come from sibling
``YYYY.csv`` files in the same folder and from other years in a long file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .actuals import Actuals, Observation, read_file, year_from_name
from .errors import DataError, Problem
from .model import Plan


@dataclass(frozen=True)
class Subject:
    """One data file to judge: the years it reports and all the data it can see."""

    file: str
    years: tuple[int, ...]
    actuals: Actuals


def gather(paths: list[Path], plan: Plan, year: int | None = None) -> list[Subject]:
    """Read every file (and its siblings); raise one :class:`DataError` for all problems."""
    problems: list[Problem] = []
    subjects: list[Subject] = []
    cache: dict[Path, list[Observation]] = {}
    for path in paths:
        try:
            subjects.append(_subject(path, plan, year, cache))
        except DataError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
    if problems:
        raise DataError(problems)
    return subjects


def _read(
    path: Path, plan: Plan, year: int | None, cache: dict[Path, list[Observation]]
) -> list[Observation]:
    key = path.resolve()
    if key not in cache:
        cache[key] = read_file(path, plan, year)
    return cache[key]


def _subject(
    path: Path, plan: Plan, year: int | None, cache: dict[Path, list[Observation]]
) -> Subject:
    own = _read(path, plan, year, cache)
    history: list[Observation] = []
    for sibling in _siblings(path):
        history.extend(_read(sibling, plan, None, cache))
    years = _years(path, own, year)
    # Later entries win in Actuals, so the file's own rows override its siblings'.
    return Subject(str(path), years, Actuals([*history, *own]))


def _siblings(path: Path) -> list[Path]:
    if not path.is_file():
        return []
    folder = path.resolve().parent
    own = path.resolve()
    return sorted(
        candidate
        for candidate in folder.glob("*.csv")
        if year_from_name(candidate) is not None and candidate.resolve() != own
    )


def _years(path: Path, own: list[Observation], year: int | None) -> tuple[int, ...]:
    found = sorted({observation.year for observation in own})
    if year is not None:
        if found and year not in found:
            listed = ", ".join(map(str, found))
            raise DataError(
                [Problem(str(path), f"has no rows for --year {year} (it has {listed})")]
            )
        return (year,)
    if found:
        return tuple(found)
    named = year_from_name(path)
    if named is not None:
        return (named,)
    raise DataError(
        [Problem(str(path), "has no rows and no year: name it YYYY.csv or pass --year")]
    )
