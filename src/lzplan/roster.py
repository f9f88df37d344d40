"""Rosters: the schools, kindergartens, towns and subdistricts that must report.

A roster is a CSV file (UTF-8 with or without BOM, or GBK) with the columns
``name, aliases, code, kind, town, ownership, from, to`` (or their Chinese names);
only ``name`` and ``kind`` are required. Its first line may say whether it lists
every entity of the district: ``# complete: yes`` or ``# complete: no`` (also
``#完整: 是/否``); without that line a roster is taken as incomplete.

Every problem is reported with its file, row and column, all together, as a
:class:`~lzplan.errors.DataError`. ``docs/roster-and-template.md`` describes the format
and where each row of the bundled roster comes from.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .errors import DataError, Problem
from .rawfile import read_path
from .sheets import decode

#: The one vocabulary of entity kinds; plan rules name these in ``kinds``.
KINDS: tuple[str, ...] = (
    "小学",
    "初中",
    "九年一贯制",
    "十二年一贯制",
    "完全中学",
    "高中",
    "教学点",
    "幼儿园",
    "特殊教育学校",
    "职业学校",
    "镇",
    "街道",
)
#: Kinds that are places (a school's ``town`` must be one of them).
TOWN_KINDS: tuple[str, ...] = ("镇", "街道")
#: Ownership values; an empty cell means "not stated".
OWNERSHIPS: tuple[str, ...] = ("公办", "民办", "普惠性民办")
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
#: How many problems of one roster are listed before the rest are counted.
MAX_PROBLEMS = 50

_ALIAS_SEPARATORS = re.compile(r"[;；、]")
_COMPLETE = re.compile(r"^#\s*(complete|完整)\s*:\s*(yes|no|是|否)$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})(?:\.0+|年)?$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?e\+?\d+$", re.IGNORECASE)
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True, slots=True)
class Entity:
    """One school, kindergarten, town or subdistrict, and the years it exists.

    ``start`` and ``end`` are the first and last year it exists (``None``: open);
    ``row`` is its row in the roster file (the header row is row 1, or 2 below a
    ``# complete`` line).
    """

    name: str
    aliases: tuple[str, ...]
    code: str
    kind: str
    town: str
    ownership: str
    start: int | None
    end: int | None
    row: int

    def exists(self, year: int) -> bool:
        """Whether it exists in ``year`` (schools open, close and merge during a plan)."""
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    @property
    def keys(self) -> tuple[str, ...]:
        """The texts that identify it: code, name and aliases, as written."""
        return tuple(text for text in (self.code, self.name, *self.aliases) if text)


def key(text: str) -> str:
    """How names are compared: NFKC-normalised, case-folded, without any spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


@dataclass(frozen=True)
class Roster:
    """The entities of a district (or province) and whether the list is complete."""

    file: str
    entities: tuple[Entity, ...]
    complete: bool

    @cached_property
    def _index(self) -> dict[str, Entity]:
        """Each code, name and alias (as :func:`key` folds it) → its entity; the first wins."""
        index: dict[str, Entity] = {}
        for entity in self.entities:
            for text in entity.keys:
                index.setdefault(key(text), entity)
        return index

    @cached_property
    def _names(self) -> dict[str, str]:
        """Each folded name and alias → the name of its entity (the first entity wins)."""
        names: dict[str, str] = {}
        for entity in self.entities:
            for text in (entity.name, *entity.aliases):
                names.setdefault(key(text), entity.name)
        return names

    def match(self, text: str) -> Entity | None:
        """The entity whose code, name or alias is ``text`` (NFKC-normalised, spaces ignored)."""
        return self._index.get(key(text))

    def suggest(self, text: str) -> str | None:
        """The name of the entity whose name or alias is closest to ``text``, or ``None``.

        Closeness is difflib's ratio (at least 0.6) over the folded texts; it takes about
        a second for 500,000 entities, so call it only for the problems you list.
        """
        import difflib

        close = difflib.get_close_matches(key(text), self._names, n=1)
        return self._names[close[0]] if close else None

    def of_kinds(self, kinds: Iterable[str], year: int) -> list[Entity]:
        """The entities of ``kinds`` that exist in ``year``, in roster order."""
        wanted = frozenset(kinds)
        return [e for e in self.entities if e.kind in wanted and e.exists(year)]


def bundled_roster_path() -> Path:
    """The roster shipped with lzplan (in a source checkout, ``data/roster.csv``)."""
    here = Path(__file__).resolve().parent
    installed = here / "_bundled" / "roster.csv"
    if installed.is_file():
        return installed
    return here.parents[1] / "data" / "roster.csv"


def load_roster(path: Path) -> Roster:
    """Read and check the roster at ``path``; raise :class:`DataError` with every problem."""
    source = read_path(path)
    return parse_roster(decode(source), source.name)


def parse_roster(text: str, file: str) -> Roster:
    """Check the text of a roster file called ``file``; raise :class:`DataError` if it is wrong."""
    return _Parser(file).parse(text)


def did_you_mean(text: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the closest of ``choices``, else ``"; expected one of …"``."""
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(text, options, n=1, cutoff=0.5)
    if close:
        return f"; did you mean {close[0]!r}?"
    return f"; expected one of {', '.join(options)}"


class _Parser:
    """Reads one roster, collecting every problem with its row and column."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.headers: dict[str, str] = {}  # column → its header as the file writes it
        self.width = 0  # cells in the header row
        self.blank: list[int] = []  # header cells left empty: a value under one is a problem
        self.problems: list[Problem] = []
        self.found = 0

    def parse(self, text: str) -> Roster:
        records = self._records(text)
        complete, header = self._complete(records)
        if header is None:
            raise DataError([Problem(self.file, "is empty: expected a header row", 1)])
        columns = self._columns(*header)
        entities = [entity for entity in self._entities(records, columns) if entity is not None]
        if not entities and not self.found:
            self._problem(header[0], None, "has a header but no rows: list the entities below it")
        entities = self._resolve_towns(entities)
        index = self._check_unique(entities)
        if self.found:
            raise DataError(self._listed())
        roster = Roster(self.file, tuple(entities), complete)
        roster.__dict__["_index"] = index  # built while checking: a big roster is not indexed twice
        return roster

    # --- the file's records --------------------------------------------------------

    def _records(self, text: str) -> Iterator[tuple[int, list[str]]]:
        """Records numbered as a spreadsheet numbers rows (a quoted line break stays in one)."""
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        row = 1
        try:
            for cells in reader:
                yield row, cells
                row += 1
        except csv.Error as exc:
            hint = '; is a quote (") left open?' if "end of data" in str(exc) else ""
            message = f"is not readable CSV: {exc}{hint}"
            raise DataError([*self._listed(), Problem(self.file, message, row)]) from None

    def _complete(
        self, records: Iterator[tuple[int, list[str]]]
    ) -> tuple[bool, tuple[int, list[str]] | None]:
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
                hint = did_you_mean(written, (*COLUMNS, *HEADER_ALIASES))
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
            raise DataError(self._listed())
        self.width = len(header)
        return columns

    def _entities(
        self, records: Iterator[tuple[int, list[str]]], columns: dict[str, int]
    ) -> Iterator[Entity | None]:
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
        before = self.found
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
        if self.found > before:
            return None
        aliases = tuple(alias for alias in aliases if key(alias) != key(name))
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
            self._problem(row, column, f"unknown {column} {text!r}{did_you_mean(value, allowed)}")
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

    def _check_unique(self, entities: list[Entity]) -> dict[str, Entity]:
        """A code, name or alias may identify one entity only; returns the index by key."""
        owner: dict[str, Entity] = {}
        for entity in entities:
            for column, text in _keys_by_column(entity):
                other = owner.setdefault(key(text), entity)
                if other is entity:
                    continue
                message = (
                    f"{text!r} already identifies {other.name!r} (row {other.row}); a name, "
                    "alias or code may identify one entity only: rename one or drop the alias"
                )
                self._problem(entity.row, column, message)
        return owner

    def _resolve_towns(self, entities: list[Entity]) -> list[Entity]:
        """Each ``town`` as the roster's own name for it, once the roster lists any town."""
        towns = {
            key(text): entity.name
            for entity in entities
            if entity.kind in TOWN_KINDS
            for text in (entity.name, *entity.aliases)
        }
        if not towns:
            return entities
        resolved = []
        for entity in entities:
            if entity.town and entity.kind not in TOWN_KINDS:
                name = towns.get(key(entity.town))
                if name is None:
                    self._unknown_town(entity, towns)
                else:
                    entity = replace(entity, town=name)
            resolved.append(entity)
        return resolved

    def _unknown_town(self, entity: Entity, towns: dict[str, str]) -> None:
        names = sorted(set(towns.values()))
        message = f"{entity.town!r} is not a 镇 or 街道 of this roster"
        self._problem(entity.row, "town", message + did_you_mean(entity.town, names))

    # --- problems ----------------------------------------------------------------------

    def _problem(self, row: int, column: str | None, message: str) -> None:
        self.found += 1
        if len(self.problems) < MAX_PROBLEMS:  # the rest are counted, not held
            shown = self.headers.get(column, column) if column else None
            self.problems.append(Problem(self.file, message, row, shown))

    def _listed(self) -> list[Problem]:
        more = self.found - len(self.problems)
        if not more:
            return self.problems
        return [*self.problems, Problem(self.file, f"… and {more} more problem(s) not listed")]


def _is_comment(cells: list[str]) -> bool:
    """A ``#`` line, as written or as Excel saves it (with trailing empty cells)."""
    return (
        bool(cells)
        and cells[0].lstrip("\ufeff ").startswith("#")
        and not any(cell.strip() for cell in cells[1:])
    )


def _keys_by_column(entity: Entity) -> Iterator[tuple[str, str]]:
    """Each identifying text of ``entity`` with the column it was written in."""
    if entity.code:
        yield "code", entity.code
    yield "name", entity.name
    for alias in entity.aliases:
        yield "aliases", alias
