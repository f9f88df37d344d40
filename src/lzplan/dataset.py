"""Gathering what a check needs: each file's own rows, its years, and earlier years.

Earlier years (for year-on-year rules and done/not-done facts) come from sibling
``YYYY.csv`` files in the same folder and from other years in a long file. A sibling
only ever supplies years before the first one judged: what a file is judged on for
its own years is what it says itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import DataError, Problem
from .model import Plan
from .observations import Actuals, Observation, year_from_name
from .rawfile import RawFile as Source
from .rows import read_file, read_source

#: A data file on disk, or data already read (standard input).
Input = Path | Source


@dataclass(frozen=True)
class Options:
    """How to read the inputs: the year they describe, their encoding, the sheet."""

    year: int | None = None
    encoding: str | None = None
    sheet: str | None = None


@dataclass(frozen=True)
class Subject:
    """One data file to judge: the years it reports and all the data it can see."""

    file: str
    years: tuple[int, ...]
    actuals: Actuals


def gather(inputs: list[Input], plan: Plan, options: Options | None = None) -> list[Subject]:
    """Read every input (and its siblings); raise one :class:`DataError` for all problems."""
    options = options or Options()
    problems: list[Problem] = []
    subjects: list[Subject] = []
    reader = _Cache(plan, options)
    for item in inputs:
        try:
            subjects.append(_subject(item, reader, options.year))
        except DataError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
    if problems:
        raise DataError(problems)
    return subjects


class _Cache:
    """Reads each file once, however many inputs have it as a sibling."""

    def __init__(self, plan: Plan, options: Options) -> None:
        self.plan = plan
        self.options = options
        self.seen: dict[str, list[Observation]] = {}

    def read(self, item: Input, year: int | None, sibling: bool = False) -> list[Observation]:
        """``item``'s observations; a sibling is read with detection, not the user's options,
        which were given for the files named on the command line."""
        encoding, sheet = (None, None) if sibling else (self.options.encoding, self.options.sheet)
        if isinstance(item, Source):
            return read_source(item, self.plan, year, encoding, sheet)
        key = f"{os.path.abspath(item)}|{sibling}"
        if key not in self.seen:
            self.seen[key] = read_file(item, self.plan, year, encoding, sheet)
        return self.seen[key]


def _subject(item: Input, reader: _Cache, year: int | None) -> Subject:
    own = reader.read(item, year)
    name = own[0].file if own else (item.name if isinstance(item, Source) else str(item))
    years = _years(name, own, year)
    history: list[Observation] = []
    if isinstance(item, Path):
        for sibling in _siblings(item, min(years)):
            history.extend(_earlier(sibling, reader, name, years))
    # Later entries win in Actuals, so the file's own rows override its siblings'.
    return Subject(name, years, Actuals([*history, *own]))


def _earlier(sibling: Path, reader: _Cache, name: str, years: tuple[int, ...]) -> list[Observation]:
    """A sibling's rows for years before those judged: it supplies history, never this year."""
    try:
        rows = reader.read(sibling, None, sibling=True)
    except DataError as exc:
        why = f"(read for the years before {min(years)} of {name})"
        raise DataError([replace(p, message=f"{p.message} {why}") for p in exc.problems]) from None
    return [row for row in rows if row.year < min(years)]


def _siblings(path: Path, before: int) -> list[Path]:
    """Regular ``YYYY.csv``/``YYYY.xlsx`` files beside ``path`` for years before ``before``."""
    folder = path.absolute().parent
    by_year: dict[int, list[Path]] = {}
    for candidate in folder.iterdir():
        year = year_from_name(candidate)
        if (
            year is not None
            and year < before
            and candidate.suffix.lower() in (".csv", ".xlsx")
            and candidate.is_file()  # never a pipe, device or folder
        ):
            by_year.setdefault(year, []).append(candidate)
    clashes = [sorted(files) for files in by_year.values() if len(files) > 1]
    if clashes:
        names = " and ".join(file.name for file in clashes[0])
        problem = Problem(str(folder), f"{names} both give the same year: keep one of them")
        raise DataError([problem])
    return sorted(files[0] for files in by_year.values())


def _years(name: str, own: list[Observation], year: int | None) -> tuple[int, ...]:
    found = sorted({observation.year for observation in own})
    if year is not None:
        if found and year not in found:
            listed = ", ".join(map(str, found))
            raise DataError([Problem(name, f"has no rows for --year {year} (it has {listed})")])
        return (year,)
    if found:
        return tuple(found)
    named = year_from_name(Path(name))
    if named is not None:
        return (named,)
    raise DataError([Problem(name, "has no rows and no year: name it YYYY.csv or pass --year")])
