"""A dataset: one district's observations across files, sheets and years, judged per year.

The paths given to a command (files, and folders: every CSV/xlsx inside) form one
dataset, or with ``each`` one dataset per path. The same indicator, entity and year
given twice with different values is a conflict, never resolved silently. A single
file alone also draws earlier years from its sibling ``YYYY.csv`` files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .datafile import FileRead, ReadError, ReadOptions, Vocabulary, read_path, read_raw
from .errors import DataError, Problem
from .model import Plan
from .observations import Index, Observation
from .rawfile import RawFile

if TYPE_CHECKING:
    from .roster import Roster
from .years import year_from_name

#: A path given on the command line, or data already read (standard input).
Input = Path | RawFile
#: Files a folder contributes (an old .xls is read to say how to save it).
DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls")
#: Files a folder holds that look like data lzplan cannot read: named in a note.
_OTHER_TABLES = (".txt", ".tsv", ".et", ".ods", ".numbers", ".wps")


class Dataset:
    """Observations indexed by indicator, year and entity, and the years to judge. An
    :class:`Index` given is taken over, not copied: its dicts become the dataset's."""

    def __init__(
        self,
        name: str,
        observations: Iterable[Observation] | Index,
        years: tuple[int, ...] = (),
        notices: tuple[Problem, ...] = (),
        files: tuple[str, ...] = (),
        history_files: tuple[str, ...] = (),
        roster: Roster | None = None,
    ) -> None:
        self.name = name
        self.notices = notices
        self.files = files
        #: Sibling files read only for earlier years.
        self.history_files = history_files
        #: The roster names were matched against; the rules judge against it too.
        self.roster = roster
        #: Other bundled plans whose indicators the files give (criteria plans' school data).
        self.companions: frozenset[str] = frozenset()
        #: What it was read from, to read again for another plan.
        self.inputs: tuple[Input, ...] = ()
        self._totals: dict[tuple[str, int], Observation] = {}
        self._entities: dict[tuple[str, int], dict[str, Observation]] = {}
        if not isinstance(observations, Index):
            index = Index()
            for observation in observations:  # a later figure replaces an earlier one
                index.put(observation)
            observations = index
        # the index's own dicts are kept (a province's figures are not indexed twice)
        for indicator, years_of in observations.items():
            for year, held in years_of.items():
                total = held.pop("", None)
                if total is not None:
                    self._totals[(indicator, year)] = total
                if held:
                    self._entities[(indicator, year)] = held
        self.years = years or self.years_with_data()

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

    def observations(self) -> list[Observation]:
        """Every observation, by year, indicator and entity."""
        found = [*self._totals.values(), *(o for d in self._entities.values() for o in d.values())]
        return sorted(found, key=lambda o: (o.year, o.indicator, o.entity))

    def years_with_data(self) -> tuple[int, ...]:
        """Every year some observation describes."""
        return tuple(sorted({year for _, year in (*self._totals, *self._entities)}))

    def entity_years(self) -> tuple[int, ...]:
        """Every year some per-entity (school, town) observation describes."""
        return tuple(sorted({year for _, year in self._entities}))

    def _iter(self, indicator: str, entity: str) -> Iterator[tuple[tuple[str, int], Observation]]:
        if entity:
            for key, by_entity in self._entities.items():
                if key[0] == indicator and entity in by_entity:
                    yield key, by_entity[entity]
        else:
            for key, found in self._totals.items():
                if key[0] == indicator:
                    yield key, found


@dataclass(frozen=True)
class Request:
    """What to read and how: the paths, one dataset or one each, and reading options."""

    inputs: tuple[Input, ...]
    options: ReadOptions = field(default_factory=ReadOptions)
    each: bool = False


def build(plan: Plan, request: Request) -> list[Dataset]:
    """The datasets the request describes; one :class:`DataError` lists every problem."""
    datasets, problems = build_each(plan, request)
    if problems:
        raise DataError(problems)
    return datasets


def build_each(plan: Plan, request: Request) -> tuple[list[Dataset], list[Problem]]:
    """The datasets that could be read, and the problems of those that could not: with
    ``each``, one county's broken folder does not stop the others being judged."""
    vocabulary = Vocabulary(plan, request.options.roster)
    groups = _groups(request)
    problems: dict[Problem, None] = {}  # a sibling read for two inputs is reported once
    datasets: list[Dataset] = []
    for group in groups:
        try:
            datasets.append(_dataset(group, vocabulary, request.options))
        except DataError as exc:
            problems.update(dict.fromkeys(exc.problems))
    return datasets, list(problems)


def _groups(request: Request) -> list[list[Input]]:
    """The inputs of each dataset: all together; with ``each``, each path on its own, and
    a folder of folders given alone as its folders (``--each counties/``: each county's
    folder, as ``counties/*`` would give them). A folder holding data files stays one
    dataset, so that ``--each counties/*`` means the same whether it matches two counties
    or one."""
    inputs = list(request.inputs)
    if not request.each:
        return [inputs]
    if len(inputs) == 1 and isinstance(inputs[0], Path) and inputs[0].is_dir():
        folders = _county_folders(inputs[0])
        if folders:
            return [[folder] for folder in folders]
    return [[item] for item in inputs]


def _county_folders(folder: Path) -> list[Path]:
    """The folders in ``folder``, if it holds folders and no data files (a roster, a note or
    a hidden file beside them is no county)."""
    entries = [entry for entry in sorted(folder.iterdir()) if not entry.name.startswith(".")]
    data = [
        entry
        for entry in entries
        if entry.is_file()
        and entry.suffix.lower() in DATA_SUFFIXES
        and not _looks_like_roster(entry)
    ]
    folders = [entry for entry in entries if entry.is_dir()]
    return folders if folders and not data else []


def _dataset(group: list[Input], vocabulary: Vocabulary, options: ReadOptions) -> Dataset:
    roster = options.roster.path if options.roster is not None else None
    files, skipped = _files(group, roster)
    reads: list[FileRead] = []
    problems: list[Problem] = []
    partial: list[Observation] = []
    for number, item in enumerate(files, start=1):
        if options.progress is not None:
            options.progress(number, len(files))
        try:
            reads.append(_read(item, vocabulary, options))
        except DataError as exc:
            problems.extend(exc.problems)
            partial += exc.observations if isinstance(exc, ReadError) else []
    if problems:
        given = partial + [o for read in reads for o in read.observations]
        # the other files' warnings too: every problem is said in one run, not after a fix
        read_fine = [notice for read in reads for notice in read.notices]
        derived = _derived_errors(vocabulary, given, options)
        raise DataError([*problems, *derived, *skipped, *read_fine])
    own = [observation for read in reads for observation in read.observations]
    notices = (*skipped, *(notice for read in reads for notice in read.notices))
    name = _name(group)
    others = sorted({plan for read in reads for plan in read.companions})
    years = _years(name, own, options.year, files, others)
    history: list[Observation] = []
    siblings: list[Path] = []
    if len(group) == 1 and isinstance(group[0], Path) and group[0].is_file():
        siblings = _siblings(group[0], min(years))
        history = _sibling_history(group[0], siblings, min(years), vocabulary)
    merged = _merge(own)
    # a sibling supplies what the file itself does not say, never overrides it
    for earlier in _merge(history).values() if history else ():
        if merged.get(earlier.indicator, earlier.year, earlier.entity) is None:
            merged.put(earlier)
    if any(indicator.derived for indicator in vocabulary.plan.indicators):
        from .derived import derive  # only plans with derived figures pay for it

        notices = (*notices, *derive(vocabulary.plan, merged, options.roster))
    shown = tuple(_shown(item) for item in files)
    dataset = Dataset(
        name, merged, years, notices, shown, tuple(map(str, siblings)), options.roster
    )
    dataset.companions = frozenset(plan for read in reads for plan in read.companions)
    dataset.inputs = tuple(group)
    return dataset


def _only_theirs(others: list[str]) -> str:
    """Why a dataset giving only other bundled plans' figures is not judged, and how to."""
    from .planfile import CRITERIA_PLANS

    criteria = " (both sets of national criteria at once: lzplan readiness)"
    return (
        f"gives none of this plan's figures, only those of the bundled plans "
        f"{', '.join(others)}: check them with {' or '.join(f'--plan {o}' for o in others)}"
        + (criteria if not set(others).isdisjoint(CRITERIA_PLANS) else "")
    )


def _derived_errors(
    vocabulary: Vocabulary, given: list[Observation], options: ReadOptions
) -> list[Problem]:
    """The errors the figures read so far make when derived (a ratio no school could have,
    from equipment typed in 万元), so that a file with problems gets them all in one run."""
    if not any(indicator.derived for indicator in vocabulary.plan.indicators):
        return []
    from .derived import derive

    try:
        derive(vocabulary.plan, _merge(given), options.roster)
    except DataError as exc:
        return [problem for problem in exc.problems if problem.severity == "error"]
    return []


def _shown(item: Input) -> str:
    """An input's name as messages show it (``.`` as the folder it is)."""
    if isinstance(item, RawFile):
        return item.name
    return str(item.resolve()) if item.name in ("", ".", "..") else str(item)


def _read(item: Input, vocabulary: Vocabulary, options: ReadOptions) -> FileRead:
    if isinstance(item, RawFile):
        return read_raw(item, vocabulary, options)
    return read_path(item, vocabulary, options)


def _files(group: list[Input], roster: Path | None = None) -> tuple[list[Input], list[Problem]]:
    """The inputs with folders replaced by the data files inside them (sorted, recursive),
    and a note for each file there that looks like a table lzplan cannot read. The roster
    kept beside the data in a county's folder is the roster, not data."""
    files: list[Input] = []
    skipped: list[Problem] = []
    for item in group:
        if isinstance(item, Path) and item.is_dir():
            found = sorted(_data_files(item))
            if roster is not None:
                found = [path for path in found if not _same_file(path, roster)]
            rosters = [path for path in found if _looks_like_roster(path)]
            skipped += [Problem(str(path), _ROSTER_NOTE, severity="note") for path in rosters]
            found = [path for path in found if path not in rosters]
            skipped += [
                Problem(
                    str(path), "skipped: save it as .csv or .xlsx to have it read", severity="note"
                )
                for path in sorted(_data_files(item, _OTHER_TABLES))
            ]
            if not found:
                message = "is a folder with no data files (.csv, .xlsx, .xlsm) inside"
                raise DataError([Problem(str(item), message), *skipped])
            files.extend(found)
        else:
            files.append(item)
    return files, skipped


_ROSTER_NOTE = "skipped: a roster, not data; give it with --roster to have it used"


def _looks_like_roster(path: Path) -> bool:
    """A roster CSV kept beside the data (``# complete: yes`` or a ``name,aliases,code,kind``
    header), which is read as a roster only when named with ``--roster``."""
    if path.suffix.lower() != ".csv":
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(200).decode("utf-8-sig", "replace").lstrip().lower()
    except OSError:
        return False
    return head.startswith(("# complete", "name,aliases,code,kind"))


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.samefile(other)
    except OSError:
        return False


def _data_files(folder: Path, suffixes: tuple[str, ...] = DATA_SUFFIXES) -> Iterator[Path]:
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            # ~$x.xlsx is Excel's lock file beside an open workbook, not data
            if name.startswith((".", "~$")) or not name.lower().endswith(suffixes):
                continue
            yield Path(root) / name


def _name(group: list[Input]) -> str:
    shown = [_shown(item) for item in group]
    if len(shown) <= 3:
        return " + ".join(shown)
    return f"{shown[0]} + {len(shown) - 1} more"


def _merge(observations: list[Observation]) -> Index:
    """One observation per indicator, year and entity; different values are a conflict.
    Kept by indicator, as derived figures read them."""
    merged = Index()
    problems: list[Problem] = []
    for first, observation in merged.add(observations):
        if _same(first, observation):
            continue
        key = (observation.indicator, observation.year, observation.entity)
        what = ", ".join(str(part) for part in key if part != "")
        message = (
            f"conflict: {what} is {first.shown()} at {first.place} but {observation.shown()} "
            "here: keep one of them"
        )
        column = observation.column or None
        problems.append(Problem(observation.file, message, observation.row, column))
    if problems:
        raise DataError(problems)
    return merged


def _same(a: Observation, b: Observation) -> bool:
    if a.value is None or b.value is None:
        return a.value is None and b.value is None
    if a.flag is not None or b.flag is not None:
        return a.flag == b.flag
    return abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def _years(
    name: str, own: list[Observation], year: int | None, files: list[Input], others: list[str]
) -> tuple[int, ...]:
    """The years the observations describe (``year`` alone, when given); without any, the
    year the file's name gives. ``others``: bundled plans whose figures the files give."""
    found = sorted({observation.year for observation in own})
    if year is not None:
        if found and year not in found:
            listed = ", ".join(map(str, found))
            raise DataError([Problem(name, f"has no rows for --year {year} (it has {listed})")])
        return (year,)
    if found:
        return tuple(found)
    for item in files:
        named = year_from_name(Path(_shown(item)))
        if named is not None:
            return (named,)
    if others:  # it has rows, but of other plans' figures only
        raise DataError([Problem(name, _only_theirs(others))])
    raise DataError([Problem(name, "has no rows and no year: name it YYYY.csv or pass --year")])


def _sibling_history(
    path: Path, siblings: list[Path], before: int, vocabulary: Vocabulary
) -> list[Observation]:
    """Earlier years from ``YYYY.csv``/``YYYY.xlsx`` beside a single file: history only."""
    history: list[Observation] = []
    for sibling in siblings:
        try:
            rows = read_path(sibling, vocabulary, ReadOptions(roster=vocabulary.roster))
        except DataError as exc:
            why = f"(read for the years before {before} of {path})"
            problems = [replace(p, message=f"{p.message} {why}") for p in exc.problems]
            raise DataError(problems) from None
        history.extend(row for row in rows.observations if row.year < before)
    return history


def _siblings(path: Path, before: int) -> list[Path]:
    """Regular ``YYYY.csv``/``YYYY.xlsx`` files beside ``path`` for years before ``before``."""
    folder = path.parent  # as the user named it, so that messages show short paths
    by_year: dict[int, list[Path]] = {}
    for candidate in folder.iterdir():
        year = year_from_name(candidate)
        if (
            year is not None
            and year < before
            and candidate.suffix.lower() in DATA_SUFFIXES
            and candidate.is_file()  # never a pipe, device or folder
        ):
            by_year.setdefault(year, []).append(candidate)
    clashes = [sorted(files) for files in by_year.values() if len(files) > 1]
    if clashes:
        names = " and ".join(file.name for file in clashes[0])
        problem = Problem(str(folder), f"{names} both give the same year: keep one of them")
        raise DataError([problem])
    return sorted(files[0] for files in by_year.values())
