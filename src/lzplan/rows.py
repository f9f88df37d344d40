"""Reading data files of annual actuals into observations.

A data file (CSV or a workbook's sheet, see :mod:`lzplan.sheets`) has a header row;
``indicator`` and ``value`` are required and ``year``, ``unit``, ``entity``, ``note``,
``source`` optional. Each problem found is collected with its file, row and column
and all are raised together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import rawfile, sheets
from .errors import DataError, Problem
from .model import Checklist, Each, Indicator, Plan
from .observations import Observation, year_from_name
from .values import (
    Flag,
    UnitProblem,
    ValueProblem,
    canonical_unit,
    convert,
    is_no_value,
    normalise,
    parse_flag,
    parse_number,
)

REQUIRED = ("indicator", "value")
OPTIONAL = ("year", "unit", "entity", "note", "source")

# Headers as Chinese spreadsheets write them.
ALIASES = {
    "指标": "indicator",
    "指标代码": "indicator",
    "数值": "value",
    "值": "value",
    "年份": "year",
    "年度": "year",
    "单位": "unit",
    "主体": "entity",
    "学校": "entity",
    "项目": "entity",
    "备注": "note",
    "说明": "note",
    "来源": "source",
    "数据来源": "source",
}

# 2023, 2023年, and 2023.0 as a spreadsheet's number cell gives it
_YEAR_CELL = re.compile(r"^(\d{4})(?:\.0+|年)?$")

#: How many problems of one file are listed before the rest are counted.
MAX_PROBLEMS = 50


def read_file(
    path: Path,
    plan: Plan,
    default_year: int | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> list[Observation]:
    """Read one data file; raise :class:`DataError` listing every problem in it."""
    return read_source(rawfile.read_path(path), plan, default_year, encoding, sheet)


def read_source(
    source: rawfile.RawFile,
    plan: Plan,
    default_year: int | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> list[Observation]:
    """Read data already in memory (standard input, tests) like a file of that name."""
    table = sheets.sheet_of(source, encoding, sheet)
    named = year_from_name(Path(source.name))
    return _Reader(plan, table.name, named, default_year).read(table)


def _known_entities(plan: Plan) -> dict[str, set[str]]:
    """Entities the plan names for an indicator (checklist items, listed schools)."""
    known: dict[str, set[str]] = {}
    for target in plan.targets:
        rule = target.rule
        if isinstance(rule, Checklist):
            known.setdefault(rule.indicator, set()).update(item.name for item in rule.items)
        elif isinstance(rule, Each) and rule.entities:
            known.setdefault(rule.indicator, set()).update(rule.entities)
    return known


class _Reader:
    def __init__(
        self, plan: Plan, file: str, named_year: int | None, default_year: int | None
    ) -> None:
        self.plan = plan
        self.indicators = plan.indicator_map
        self.entities = _known_entities(plan)
        self.file = file
        self.named_year = named_year
        self.default_year = named_year if named_year is not None else default_year
        self.width = 0
        self.found = 0
        self.unnamed: list[int] = []
        self.rows_seen = 0
        self.has_year_column = False
        self.texts: dict[str, str] = {}
        self.problems: list[Problem] = []

    def read(self, table: sheets.Sheet) -> list[Observation]:
        self.width = len(table.header)
        columns = self._columns(table.header)
        observations = list(self._observations(table.rows, columns))
        observations = self._unique(observations)
        if not self.rows_seen:  # almost always the wrong file, or an unfilled template
            self._problem(1, None, "has a header but no rows of data")
        if self.problems:
            raise DataError(self._listed())
        return observations

    def _columns(self, header: list[str]) -> dict[str, int]:
        columns: dict[str, int] = {}
        self.unnamed = []
        for index, cell in enumerate(header):
            name = cell.strip().lstrip("\ufeff")
            name = ALIASES.get(name, name.lower())
            if not name:  # Excel's trailing commas and bordered empty cells
                self.unnamed.append(index)
            elif name not in REQUIRED + OPTIONAL:
                known = ", ".join(REQUIRED + OPTIONAL)
                self._problem(1, None, f"unknown column {cell!r}; expected {known}")
            elif name in columns:
                self._problem(1, None, f"column {name!r} appears twice")
            else:
                columns[name] = index
        self.has_year_column = "year" in columns
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            self._problem(1, None, f"missing required column(s): {', '.join(missing)}")
            raise DataError(self._listed())
        return columns

    def _observations(
        self, rows: Iterable[tuple[int, list[str]]], columns: dict[str, int]
    ) -> Iterator[Observation]:
        for number, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            self.rows_seen += 1
            if any(cell.strip() for cell in cells[self.width :]):
                found = max(i + 1 for i, text in enumerate(cells) if text.strip())
                message = f"has {found} cells but the header has {self.width} columns"
                self._problem(number, None, message)
                continue
            stray = [i + 1 for i in self.unnamed if i < len(cells) and cells[i].strip()]
            if stray:
                message = f"has a value in column {stray[0]}, which has no header"
                self._problem(number, None, message)
                continue
            cell = {name: cells[i].strip() if i < len(cells) else "" for name, i in columns.items()}
            observation = self._observation(number, cell)
            if observation is not None:
                yield observation

    def _observation(self, row: int, cell: dict[str, str]) -> Observation | None:
        indicator = self.indicators.get(cell["indicator"])
        if indicator is None:
            self._unknown_indicator(row, cell["indicator"])
            return None
        year = self._year(row, cell.get("year", ""))
        entity = cell.get("entity", "")
        if indicator.per_entity and not entity:
            self._problem(
                row,
                "entity",
                f"{indicator.id} is given per {indicator.entity_kind or 'entity'}: name it",
            )
            return None
        if not indicator.per_entity and entity:
            self._problem(row, "entity", f"{indicator.id} is a district total: leave entity empty")
            return None
        known = self.entities.get(indicator.id)
        if entity and known is not None and entity not in known:
            self._unknown_entity(row, indicator.id, entity, known)
            return None
        try:
            value, flag = self._value(indicator, cell["value"], cell.get("unit", ""))
        except ValueProblem as exc:
            column = "unit" if isinstance(exc, UnitProblem) else "value"
            self._problem(row, column, str(exc))
            return None
        if year is None:
            return None
        if flag is not None and flag.year is not None and flag.year > year:
            message = f"done on {flag.on}, after {year}, the year this row describes"
            self._problem(row, "value", message)
            return None
        return Observation(
            indicator.id,
            year,
            value,
            self.file,
            row,
            entity,
            flag,
            # notes and sources repeat down a long file: keep one copy of each
            self.texts.setdefault(cell.get("note", ""), cell.get("note", "")),
            self.texts.setdefault(cell.get("source", ""), cell.get("source", "")),
        )

    def _value(
        self, indicator: Indicator, cell: str, unit: str
    ) -> tuple[float | None, Flag | None]:
        if is_no_value(cell):
            return None, None
        if indicator.type == "flag":
            flag = parse_flag(cell)
            return (1.0 if flag.done else 0.0), flag
        number, percent = parse_number(cell)
        if percent and unit and canonical_unit(unit) != "%":
            raise ValueProblem(f"{cell!r} is written with % but the unit column says {unit!r}")
        if percent and canonical_unit(indicator.unit) != "%":
            raise ValueProblem(
                f"{cell!r} is a percentage but {indicator.id} is in {indicator.unit}"
            )
        return convert(number, unit or ("%" if percent else ""), indicator.unit), None

    def _year(self, row: int, cell: str) -> int | None:
        year = self._year_cell(row, cell)
        if year is not None and cell and self.named_year is not None and year != self.named_year:
            self._problem(
                row, "year", f"year {year} contradicts the file name, which says {self.named_year}"
            )
            return None
        return year

    def _year_cell(self, row: int, cell: str) -> int | None:
        if not cell and self.has_year_column and self.named_year is None:
            self._problem(row, "year", "empty: every row of a file with a year column needs one")
            return None
        if not cell:
            if self.default_year is None:
                self._problem(
                    row, "year", "no year: add a year column, name the file YYYY.csv or pass --year"
                )
            return self.default_year
        match = _YEAR_CELL.match(normalise(cell))
        year = int(match.group(1)) if match else 0
        if not 1900 <= year <= 2200:
            self._problem(row, "year", f"expected a year such as 2023, found {cell!r}")
            return None
        return year

    def _unknown_indicator(self, row: int, name: str) -> None:
        if not name:
            self._problem(row, "indicator", "empty indicator")
            return
        hint = ""
        if len(self.problems) < MAX_PROBLEMS:  # a did-you-mean is costly: only for shown ones
            import difflib

            close = difflib.get_close_matches(name, list(self.indicators), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
        self._problem(row, "indicator", f"unknown indicator {name!r}{hint}")

    def _listed(self) -> list[Problem]:
        more = self.found - len(self.problems)
        if not more:
            return self.problems
        return [*self.problems, Problem(self.file, f"… and {more} more problem(s) not listed")]

    def _unknown_entity(self, row: int, indicator: str, entity: str, known: set[str]) -> None:
        hint = ""
        if len(self.problems) < MAX_PROBLEMS:
            import difflib

            close = difflib.get_close_matches(entity, sorted(known), n=1, cutoff=0.5)
            hint = (
                f"; did you mean {close[0]!r}?" if close else f"; expected one of {sorted(known)}"
            )
        self._problem(row, "entity", f"{entity!r} is not named by the plan for {indicator}{hint}")

    def _unique(self, observations: list[Observation]) -> list[Observation]:
        first: dict[tuple[str, int, str], int] = {}
        for observation in observations:
            key = (observation.indicator, observation.year, observation.entity)
            if key in first:
                self._problem(
                    observation.row,
                    "indicator",
                    f"duplicate of row {first[key]} ({observation.indicator}, {observation.year}"
                    + (f", {observation.entity}" if observation.entity else "")
                    + ")",
                )
            else:
                first[key] = observation.row
        return observations

    def _problem(self, row: int, column: str | None, message: str) -> None:
        self.found += 1
        if len(self.problems) < MAX_PROBLEMS:  # the rest are counted, not held
            self.problems.append(Problem(self.file, message, row, column))
