"""One data file read: its sheets (:mod:`lzplan.sheets`), each one's header
(:mod:`lzplan.header`) and rows (:mod:`lzplan.rows`), into observations and notices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import layout, rawfile, sheets
from .errors import DataError, Problem
from .header import RESULT_FILE, Search, find_header
from .observations import Observation
from .problems import NoticeList, ProblemList
from .rows import SheetReader
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .roster import Roster

__all__ = ["FileRead", "ReadOptions", "Vocabulary", "read_path", "read_raw"]

#: Sheets skipped by name: instructions, not data.
INSTRUCTION_SHEETS = frozenset({"填表说明", "说明", "填报说明", "instructions", "readme"})


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about reading: the fallback year, encoding, sheet, roster."""

    year: int | None = None
    encoding: str | None = None
    sheet: str | None = None
    roster: Roster | None = None
    #: Bundled plans read in the same run (``readiness``): their indicators are expected,
    #: not noted as unused.
    companions: frozenset[str] = frozenset()
    #: Read the rows of every table, those giving only other bundled plans' figures too
    #: (``validate``: every file's mistakes are said, whichever plan reads it; ``check`` and
    #: ``readiness`` leave such a table to its plan, so a kindergarten's missing name does
    #: not stop the schools' criteria).
    every_table: bool = False
    #: Told (files read, files in all) as a long run reads its files: a terminal's progress.
    progress: Callable[[int, int], None] | None = None


class ReadError(DataError):
    """A file's problems, with the observations it did give: the figures computed from
    them may be wrong too, and a bureau would rather hear it in the same run."""

    def __init__(self, problems: list[Problem], observations: list[Observation]) -> None:
        super().__init__(problems)
        self.observations = observations


@dataclass
class FileRead:
    """What one file gave: observations, and notices (warnings, notes) that are not errors."""

    observations: list[Observation] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    #: Other bundled plans whose indicators the file gives (set aside, not read).
    companions: set[str] = field(default_factory=set)


def read_path(path: Path, vocabulary: Vocabulary, options: ReadOptions) -> FileRead:
    """Read one data file; raise :class:`DataError` listing every problem in it."""
    return read_raw(rawfile.read_path(path), vocabulary, options)


def read_raw(raw: rawfile.RawFile, vocabulary: Vocabulary, options: ReadOptions) -> FileRead:
    """Read data already in memory (standard input, tests) like a file of that name.

    The :class:`DataError` carries the file's warnings and notes after its errors: a
    skipped sheet is exactly what someone mending a refused file needs to know.
    """
    found = FileRead()
    problems = ProblemList()
    notices = NoticeList()
    unused: dict[str, set[str]] = {}  # another bundled plan's indicators, by plan
    tables = 0
    for sheet in sheets.sheets_of(raw, options.encoding, options.sheet):
        if not sheet.chosen and layout.fold(sheet.title) in INSTRUCTION_SHEETS:
            notices.add(_note(sheet.name, "skipped: an instructions sheet"))
            continue
        reader = SheetReader(sheet, raw.name, vocabulary, options.year, problems, notices)
        rows = iter(sheet.rows)  # a CSV's rows are read once: the search stops at the header
        search = find_header(rows, vocabulary)
        if search.table is None:
            _no_table(sheet, search, problems, notices)
            continue
        tables += 1
        reader.unused = unused
        reader.every_table = options.every_table
        found.observations.extend(reader.read(search, rows))
    found.companions.update(unused)
    for plan_name, ids in sorted(unused.items()):
        if plan_name in options.companions:
            continue
        used = f"not used: {', '.join(sorted(ids))}, indicators of the bundled plan {plan_name}"
        notices.add(_note(raw.name, used))
    found.notices = notices.listed(raw.name)
    only_results = bool(found.notices) and all(
        n.message.endswith(RESULT_FILE) for n in found.notices
    )
    if not tables and not problems.found and not only_results:
        why = "; ".join(f"{n.file}: {n.message}" for n in found.notices)
        problems.add(Problem(raw.name, f"has no sheet with a table of data ({why})"))
    if problems.found:
        raise ReadError([*problems.listed(raw.name), *found.notices], found.observations)
    return found


def _no_table(
    sheet: sheets.Sheet, search: Search, problems: ProblemList, notices: NoticeList
) -> None:
    """A sheet without a header: an error where it must have one, else a skipped sheet."""
    must = search.must or sheet.chosen or not sheet.title
    if must and search.why != RESULT_FILE:
        problems.add(Problem(sheet.name, search.why, search.row))
    else:
        notices.add(_note(sheet.name, f"skipped: {search.why}"))


def _note(file: str, message: str) -> Problem:
    return Problem(file, message, severity="note")
