"""Reading a roster file, every problem located by row and column.

A roster is a table with the columns ``name, aliases, code, kind, town, ownership,
from, to`` (or their Chinese names); only ``name`` and ``kind`` are required. It is
read as data files are (:func:`lzplan.sheets.sheets_of`): CSV in UTF-8 with or
without BOM, GBK or UTF-16, separated by commas, tabs or semicolons, or a workbook's
one visible sheet. Its first line may say whether it lists every entity of the
district: ``# complete: yes`` or ``# complete: no`` (also ``#完整: 是/否``); without
that line a roster is taken as incomplete.

Every problem is reported with its file, row and column, all together (the first
:data:`~lzplan.problems.MAX_PROBLEMS`, then a count), as a
:class:`~lzplan.errors.DataError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .errors import DataError, Problem
from .layout import closest, fold
from .problems import ProblemList
from .rawfile import RawFile
from .roster import KINDS, OWNERSHIPS, TOWN_KINDS, Entity, Roster
from .sheets import Sheet, sheets_of

#: Columns in their English names, in the order the format lists them.
COLUMNS: tuple[str, ...] = ("name", "aliases", "code", "kind", "town", "ownership", "from", "to")
REQUIRED: tuple[str, ...] = ("name", "kind")
#: Chinese headers and the column each stands for.
HEADER_ALIASES: dict[str, str] = {
    "名称": "name",
    "学校名称": "name",
    "别名": "aliases",
    "学校标识码": "code",
    "代码": "code",
    "类型": "kind",
    "乡镇": "town",
    "镇街": "town",
    "办学性质": "ownership",
    "起始年份": "from",
    "终止年份": "to",
}

_Records = Iterator[tuple[int, list[str]]]

_ALIAS_SEPARATORS = re.compile(r"[;；、]")
_COMPLETE = re.compile(r"^#\s*(complete|完整)\s*:\s*(yes|no|是|否)$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})(?:\.0+|年)?$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?e\+?\d+$", re.IGNORECASE)
_FORMULA_START = ("=", "+", "-", "@")


def read_roster(source: RawFile, path: Path | None = None) -> Roster:
    """Check the roster in ``source`` (read from ``path``, if a file); raise
    :class:`DataError` with every problem."""
    sheet = _one_sheet(source)
    return _Parser(sheet.name).parse(sheet.rows, source.name, path)


def did_you_mean(text: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the closest of ``choices``, else ``"; expected one of …"``."""
    options = list(choices)
    found = closest(text, options, cutoff=0.5)
    if found is not None:
        return f"; did you mean {found!r}?"
    return f"; expected one of {', '.join(options)}"


def _one_sheet(source: RawFile) -> Sheet:
    sheets = sheets_of(source)
    if len(sheets) > 1:
        names = ", ".join(sheet.name for sheet in sheets)
        message = f"has {len(sheets)} sheets ({names}): a roster is one table; keep one"
        raise DataError([Problem(source.name, message)])
    return sheets[0]


class _Parser:
    """Reads one roster, collecting every problem with its row and column."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.headers: dict[str, str] = {}  # column → its header as the file writes it
        self.width = 0  # cells in the header row
        self.blank: list[int] = []  # header cells left empty: a value under one is a problem
        self.problems = ProblemList()

    def parse(self, rows: Iterable[tuple[int, list[str]]], file: str, path: Path | None) -> Roster:
        """The roster in ``rows``, to be called ``file`` in messages, read from ``path``."""
        records = self._records(rows)
        complete, header = self._complete(records)
        if header is None:
            raise DataError([Problem(self.file, "is empty: expected a header row", 1)])
        columns = self._columns(*header)
        entities = [entity for entity in self._entities(records, columns) if entity is not None]
        if not entities and not self.problems.found:
            self._problem(header[0], None, "has a header but no rows: list the entities below it")
        roster = Roster(file, tuple(self._resolve_towns(entities)), complete, path)
        self._check_unique(roster)
        if self.problems.found:
            raise DataError(self.problems.listed(self.file))
        return roster

    # --- the file's records --------------------------------------------------------

    def _records(self, rows: Iterable[tuple[int, list[str]]]) -> _Records:
        try:
            yield from rows
        except DataError as exc:  # unreadable from here on (a quote left open)
            raise DataError([*self.problems.listed(self.file), *exc.problems]) from None

    def _complete(self, records: _Records) -> tuple[bool, tuple[int, list[str]] | None]:
        """Whether the first line says the roster is complete, and the header record."""
        first = next(records, None)
        if first is None or not _is_comment(first[1]):
            return False, first
        line = unicodedata.normalize("NFKC", first[1][0]).strip()
        said = _COMPLETE.match(line)
        if said is None:
            expected = "expected '# complete: yes' or '# complete: no' (#完整: 是/否)"
            message = f"{expected}, found {line!r}"
            self._problem(first[0], None, message)
            return False, next(records, None)
        return said.group(2).lower() in ("yes", "是"), next(records, None)

    def _columns(self, row: int, header: list[str]) -> dict[str, int]:
        """Each known column → its index; unknown, repeated and missing columns are problems."""
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            written = cell.strip().lstrip("\ufeff")
            name = HEADER_ALIASES.get(written, written.lower())
            if not written:
                self.blank.append(index)  # Excel's trailing commas
                continue
            if name not in COLUMNS:
                hint = self._did_you_mean(written, (*COLUMNS, *HEADER_ALIASES))
                self._problem(row, written, f"unknown column {written!r}{hint}")
            elif name in columns:
                self._problem(row, written, f"column {name!r} appears twice: keep one")
            else:
                columns[name] = index
                self.headers[name] = written
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            message = f"missing required column(s): {', '.join(missing)}; add them to the header"
            self._problem(row, None, message)
            raise DataError(self.problems.listed(self.file))
        self.width = len(header)
        return columns

    def _entities(self, records: _Records, columns: dict[str, int]) -> Iterator[Entity | None]:
        for row, cells in records:
            if not any(cell.strip() for cell in cells):
                continue
            stray = self._stray(cells)
            if stray is not None:
                where = "beyond the header" if stray >= self.width else "under no header"
                message = f"has a value in column {stray + 1}, {where}: remove it or name it"
                self._problem(row, None, message)
                continue
            count = len(cells)
            cell = {name: cells[i].strip() if i < count else "" for name, i in columns.items()}
            yield self._entity(row, cell)

    def _stray(self, cells: list[str]) -> int | None:
        """The index of the first value under no header or beyond the header, if any.

        Values under an unknown column are not listed again: the header's problem says it.
        """
        count = len(cells)
        for index in self.blank:
            if index < count and cells[index].strip():
                return index
        for index in range(self.width, count):
            if cells[index].strip():
                return index
        return None

    # --- one row ---------------------------------------------------------------------

    def _entity(self, row: int, cell: dict[str, str]) -> Entity | None:
        before = self.problems.found
        name = self._name(row, cell.get("name", ""))
        aliases = self._aliases(row, cell.get("aliases", ""))
        code = self._code(row, cell.get("code", ""))
        kind = self._choice(row, "kind", cell.get("kind", ""), KINDS, required=True)
        ownership = self._choice(row, "ownership", cell.get("ownership", ""), OWNERSHIPS)
        start = self._year(row, "from", cell.get("from", ""))
        end = self._year(row, "to", cell.get("to", ""))
        if start is not None and end is not None and start > end:
            message = f"the last year ({end}) is before the first ({start}): swap them or fix one"
            self._problem(row, "to", message)
        if self.problems.found > before:
            return None
        aliases = tuple(alias for alias in aliases if fold(alias) != fold(name))
        town = cell.get("town", "")
        return Entity(name, aliases, code, kind, town, ownership, start, end, row)

    def _name(self, row: int, text: str) -> str:
        if not text:
            self._problem(row, "name", "empty: every row needs the entity's name")
        elif text.startswith(_FORMULA_START):
            message = f"{text!r} starts with {text[0]!r}, which spreadsheets run as a formula"
            self._problem(row, "name", f"{message}: write the name without it")
        return text

    def _aliases(self, row: int, text: str) -> tuple[str, ...]:
        if not text:
            return ()
        aliases = tuple(part.strip() for part in _ALIAS_SEPARATORS.split(text) if part.strip())
        for alias in aliases:
            if alias.startswith(_FORMULA_START):
                message = f"alias {alias!r} starts with {alias[0]!r}, which spreadsheets run"
                self._problem(row, "aliases", f"{message} as a formula: write it without it")
        return aliases

    def _code(self, row: int, text: str) -> str:
        if (text.isascii() and text.isdigit()) or not text:
            return text
        code = unicodedata.normalize("NFKC", text).strip()
        if _SCIENTIFIC.match(code):
            message = f"expected the code as digits, found {text!r}, which Excel shortened"
            self._problem(row, "code", f"{message}: format the column as text and type it again")
        elif code and not code.isalnum():
            message = f"expected a code of digits or letters (学校标识码), found {text!r}"
            self._problem(row, "code", message)
        return code

    def _choice(
        self, row: int, column: str, text: str, allowed: tuple[str, ...], required: bool = False
    ) -> str:
        if text in allowed:
            return text
        value = unicodedata.normalize("NFKC", text).strip()
        if not value and required:
            self._problem(row, column, f"empty: expected one of {', '.join(allowed)}")
        elif value and value not in allowed:
            hint = self._did_you_mean(value, allowed)
            self._problem(row, column, f"unknown {column} {text!r}{hint}")
        return value

    def _year(self, row: int, column: str, text: str) -> int | None:
        if not text:
            return None
        match = _YEAR.match(unicodedata.normalize("NFKC", text).strip())
        year = int(match.group(1)) if match else 0
        if not 1900 <= year <= 2200:
            message = f"expected a year such as 2022, found {text!r}; leave it empty if open"
            self._problem(row, column, message)
            return None
        return year

    # --- across rows -------------------------------------------------------------------

    def _check_unique(self, roster: Roster) -> None:
        """A code, name or alias may identify one entity only: the first that uses it."""
        for entity, text, other in roster.clashes():
            message = (
                f"{text!r} already identifies {other.name!r} (row {other.row}); a name, "
                "alias or code may identify one entity only: rename one or drop the alias"
            )
            self._problem(entity.row, _column_of(entity, text), message)

    def _resolve_towns(self, entities: list[Entity]) -> list[Entity]:
        """Each ``town`` as the roster's own name for it, once the roster lists any town."""
        towns = {
            fold(text): entity.name
            for entity in entities
            if entity.kind in TOWN_KINDS
            for text in (entity.name, *entity.aliases)
        }
        if not towns:
            return entities
        resolved = []
        for entity in entities:
            if entity.town and entity.kind not in TOWN_KINDS:
                name = towns.get(fold(entity.town))
                if name is None:
                    self._unknown_town(entity, towns)
                else:
                    entity = replace(entity, town=name)
            resolved.append(entity)
        return resolved

    def _unknown_town(self, entity: Entity, towns: dict[str, str]) -> None:
        message = f"{entity.town!r} is not a 镇 or 街道 of this roster"
        hint = self._did_you_mean(entity.town, sorted(set(towns.values())))
        self._problem(entity.row, "town", message + hint)

    # --- problems ----------------------------------------------------------------------

    def _problem(self, row: int, column: str | None, message: str) -> None:
        shown = self.headers.get(column, column) if column else None
        self.problems.add(Problem(self.file, message, row, shown))

    def _did_you_mean(self, text: str, choices: Iterable[str]) -> str:
        """:func:`did_you_mean`, worked out only for a problem that will be listed."""
        return did_you_mean(text, choices) if self.problems.room else ""


def _is_comment(cells: list[str]) -> bool:
    """A ``#`` line, as written or as Excel saves it (with trailing empty cells)."""
    return (
        bool(cells)
        and cells[0].lstrip("\ufeff ").startswith("#")
        and not any(cell.strip() for cell in cells[1:])
    )


def _column_of(entity: Entity, text: str) -> str:
    """The column ``text``, one of the texts identifying ``entity``, was written in."""
    if text == entity.code:
        return "code"
    return "name" if text == entity.name else "aliases"
