"""Reading a data file's rows into observations, every problem located.

A file has one or more sheets (:mod:`lzplan.sheets`); in each, :mod:`lzplan.layout`
finds the header, and the rows below it are read in long form (one row per
indicator) or wide form (one row per school, one column per indicator). Title,
unit, signature and note rows around the data are skipped; totals rows are
checked (:mod:`lzplan.totals`); names are resolved (:mod:`lzplan.entitynames`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import layout, rawfile, sheets
from .cells import read_value
from .entitynames import EntityNames
from .errors import DataError, Problem
from .layout import Column, IndicatorNames, Layout
from .model import Indicator, Plan
from .observations import Observation
from .problems import ProblemList
from .roster import Roster
from .totals import Totals, label_of
from .values import Flag, UnitProblem, ValueProblem, normalise
from .years import FileYear, YearHint, hint_from, settle

#: The first cells of lzplan's own CSV results, which may be saved beside the data.
RESULT_HEADER = ("dataset", "year", "section", "target")
RESULT_FILE = "an lzplan result file, not data"
#: Sheets skipped by name: instructions, not data.
INSTRUCTION_SHEETS = frozenset({"填表说明", "说明", "填报说明", "instructions", "readme"})

_FOOTER = re.compile(
    r"^(?:注|说明|备注|填报人|填表人|审核人|审核|制表人|制表|负责人|单位负责人|统计负责人|"
    r"填报日期|填表日期|联系电话|联系人)\s*[:：0-9]"
)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十]+[)])")
_KIND_WORDS = {"school": "school (学校)", "town": "town (乡镇)", "project": "item (项目)"}
_YEAR_CELL = re.compile(r"^(\d{4})(?:\.0+|年(?:度)?)?$")
_NO_YEAR = (
    "no year: add a year column (年份), write the year over the values (2024年), "
    "put it in the file name (2024年统计.xlsx) or pass --year"
)


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about reading: the fallback year, encoding, sheet, roster."""

    year: int | None = None
    encoding: str | None = None
    sheet: str | None = None
    roster: Roster | None = None


@dataclass
class FileRead:
    """What one file gave: observations, and notices (warnings, notes) that are not errors."""

    observations: list[Observation] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)


class Vocabulary:
    """What rows are read against, built once per run: the plan's indicators by every
    name, and the names of entities (plan items, roster)."""

    def __init__(self, plan: Plan, roster: Roster | None) -> None:
        self.plan = plan
        self.roster = roster
        self.names = IndicatorNames(plan)
        self.entities = EntityNames(plan, roster)
        self._foreign: dict[str, tuple[str, str]] | None = None

    def foreign(self, text: str) -> tuple[str, str] | None:
        """(plan name, indicator id) when another bundled plan defines the indicator ``text``
        names: such a row is not an error, only not used. The other plans are read on the
        first unknown name, so a file that names only this plan's indicators never pays."""
        if self._foreign is None:
            self._foreign = _other_plans(self.plan)
        return self._foreign.get(layout.fold(text))


def _other_plans(plan: Plan) -> dict[str, tuple[str, str]]:
    from .planfile import bundled_plans, load_plan

    found: dict[str, tuple[str, str]] = {}
    for name, path in bundled_plans().items():
        other = load_plan(path)
        if other.id == plan.id:
            continue
        for indicator in other.indicators:
            if plan.indicator_map.get(indicator.id) is None:
                for text in (indicator.id, indicator.name_zh, *indicator.aliases):
                    found.setdefault(layout.fold(text), (name, indicator.id))
    return found


def read_path(path: Path, vocabulary: Vocabulary, options: ReadOptions) -> FileRead:
    """Read one data file; raise :class:`DataError` listing every problem in it."""
    return read_raw(rawfile.read_path(path), vocabulary, options)


def read_raw(raw: rawfile.RawFile, vocabulary: Vocabulary, options: ReadOptions) -> FileRead:
    """Read data already in memory (standard input, tests) like a file of that name."""
    found = FileRead()
    problems = ProblemList()
    unused: dict[str, set[str]] = {}  # another bundled plan's indicators, by plan
    tables = 0
    for sheet in sheets.sheets_of(raw, options.encoding, options.sheet):
        title = sheet.name[len(raw.name) :].strip("[]")
        if not sheet.chosen and title and layout.fold(title) in INSTRUCTION_SHEETS:
            found.notices.append(Problem(sheet.name, "skipped: an instructions sheet", None))
            found.notices[-1] = _note(found.notices[-1])
            continue
        reader = _SheetReader(sheet, raw.name, vocabulary, options, problems, found.notices)
        reader.unused = unused
        if not reader.find_header(must=sheet.chosen or not title):
            found.notices.append(_note(Problem(sheet.name, f"skipped: {reader.why_no_header}")))
            continue
        tables += 1
        found.observations.extend(reader.read())
    for plan_name, ids in sorted(unused.items()):
        message = f"not used: {', '.join(sorted(ids))}, indicators of the bundled plan {plan_name}"
        found.notices.append(_note(Problem(raw.name, message)))
    results = all(note.message.endswith(RESULT_FILE) for note in found.notices)
    if not tables and not problems.found and not (found.notices and results):
        why = "; ".join(f"{n.file}: {n.message}" for n in found.notices)
        problems.add(Problem(raw.name, f"has no sheet with a table of data ({why})"))
    if problems.found:
        raise DataError(problems.listed(raw.name))
    return found


def _note(problem: Problem) -> Problem:
    return replace(problem, severity="note")


class _SheetReader:
    """Reads one sheet: finds its header, then turns its rows into observations."""

    def __init__(
        self,
        sheet: sheets.Sheet,
        file: str,
        vocabulary: Vocabulary,
        options: ReadOptions,
        problems: ProblemList,
        notices: list[Problem],
    ) -> None:
        self.name = sheet.name
        self.file = file
        self.vocabulary = vocabulary
        self.options = options
        self.problems = problems
        self.notices = notices
        self.rows = iter(sheet.rows)
        self.ahead: list[tuple[int, list[str]]] = []
        self.table = Layout(0, (), "long")
        self.why_no_header = ""
        self.file_year = FileYear(None, "")
        self.year_said = False
        self.texts: dict[str, str] = {}
        self.totals = Totals()
        self.unused: dict[str, set[str]] = {}

    # --- the header -------------------------------------------------------------

    def find_header(self, must: bool) -> bool:
        """Find the header among the first rows; ``must``: a missing header is an error."""
        above: list[str] = []
        unit = ""
        best: tuple[int, int, list[Column]] | None = None
        for number, cells in self.rows:
            if not any(cell.strip() for cell in cells):
                continue
            if not self.ahead and [c.strip() for c in cells[:4]] == list(RESULT_HEADER):
                self.why_no_header = RESULT_FILE  # lzplan's own --format csv, left beside data
                return False
            self.ahead.append((number, cells))
            names = self.vocabulary.names
            columns = [layout.column_of(i, cell, names) for i, cell in enumerate(cells)]
            form = layout.form_of(columns) or self._foreign_wide(columns)
            if form is not None:
                self.table = Layout(number, tuple(columns), form, unit, tuple(above))
                self.ahead.clear()
                self._check_columns()
                self._settle_year()
                return True
            unit = layout.unit_line(cells) or unit
            above.extend(cell.strip() for cell in cells if cell.strip())
            if best is None or layout.score(columns) > best[1]:
                best = (number, layout.score(columns), columns)
            if len(self.ahead) >= layout.HEADER_SEARCH_ROWS:
                break
        self.why_no_header = _no_header(best)
        if must:
            self.problems.add(Problem(self.name, self.why_no_header, best[0] if best else 1))
        return False

    def _check_columns(self) -> None:
        header = self.table.header_row
        taken = f" (row {header} was taken for the header)" if header > 1 else ""
        self._set_aside_foreign_columns()
        unknown = [column for column in self.table.columns if column.role == "unknown"]
        for column in unknown:
            hint = _close(column.text, self.vocabulary.names.names() + _all_names(), 0.7)
            self.problems.add(
                Problem(self.name, f"unknown column {column.text!r}{hint}{taken}", header)
            )
        if unknown:
            accepted = f"accepted columns: {_accepted(self.table.form)}"
            self.problems.add(Problem(self.name, accepted, header))
        for message in _column_clashes(self.table):
            self.problems.add(Problem(self.name, message + taken, header))

    def _foreign_wide(self, columns: list[Column]) -> str | None:
        """``wide`` for a per-school table of another bundled plan's indicators only."""
        if not any(column.role in ("entity", "code") for column in columns):
            return None
        unknown = [column for column in columns if column.role == "unknown"]
        return "wide" if any(self.vocabulary.foreign(c.text) for c in unknown) else None

    def _set_aside_foreign_columns(self) -> None:
        """Columns of another bundled plan's indicators are not read (and not an error)."""
        columns = []
        for column in self.table.columns:
            foreign = self.vocabulary.foreign(column.text) if column.role == "unknown" else None
            if foreign is not None:
                self.unused.setdefault(foreign[0], set()).add(foreign[1])
                column = replace(column, role="ignored")
            columns.append(column)
        self.table = replace(self.table, columns=tuple(columns))

    def _settle_year(self) -> None:
        hints: list[YearHint] = []
        value = self.table.role("value")
        if self.table.year_columns():
            return  # each value column says its own year: nothing else to settle
        if value is not None and value.year is not None:
            hints.append(YearHint(f"header {value.text!r}", value.year))
        for where, text in (
            ("file name", Path(Path(self.file).name).stem),
            ("sheet name", self.name[len(self.file) :].strip("[]")),
            ("title", _title(self.table.above)),
        ):
            hint = hint_from(where, text) if text else None
            if hint is not None:
                hints.append(hint)
        self.file_year = settle(hints, self.options.year, self.table.role("year") is not None)
        if self.file_year.problem:
            self.problems.add(Problem(self.name, self.file_year.problem, self.table.header_row))
            self.year_said = True

    # --- the rows ---------------------------------------------------------------

    def read(self) -> Iterator[Observation]:
        """Every observation of the sheet's data rows."""
        footer = False
        seen = 0
        for number, cells in self._remaining():
            filled = [cell.strip() for cell in cells if cell.strip()]
            if not filled:
                continue
            first = normalise(filled[0])
            if (footer and len(filled) == 1) or _FOOTER.match(first):
                footer = True  # 注：… and its continuation lines, 填报人：…
                continue
            if len(filled) == 1 and _HEADING.match(first):
                continue  # 一、学前教育: a group heading inside the table
            seen += 1
            if self._stray(number, cells):
                continue
            label = self._total_label(cells)
            if self.table.form == "long":
                yield from self._long(number, cells, label)
            else:
                yield from self._wide(number, cells, label)
        if not seen:
            message = "has a header but no rows of data"
            self.problems.add(Problem(self.name, message, self.table.header_row))

    def _remaining(self) -> Iterator[tuple[int, list[str]]]:
        yield from self.ahead
        yield from self.rows

    def _stray(self, number: int, cells: list[str]) -> bool:
        """A value beyond the header, or under a blank header cell: an error, never dropped."""
        width = len(self.table.columns)
        beyond = [i for i, text in enumerate(cells) if text.strip() and i >= width]
        blank = [
            column.index
            for column in self.table.columns
            if column.role == "blank" and column.index < len(cells) and cells[column.index].strip()
        ]
        if beyond:
            message = f"has {beyond[-1] + 1} cells but the header has {width} columns"
            self.problems.add(Problem(self.name, message, number))
        elif blank:
            message = f"has a value in column {blank[0] + 1}, which has no header"
            self.problems.add(Problem(self.name, message, number))
        return bool(beyond or blank)

    def _cell(self, cells: list[str], role: str) -> tuple[str, str]:
        """The text of the row's ``role`` cell, and the column's header (or the role)."""
        column = self.table.role(role)
        if column is None:
            return "", role
        text = cells[column.index].strip() if column.index < len(cells) else ""
        return text, column.text.strip()

    def _total_label(self, cells: list[str]) -> str:
        """``合计``, ``小计``, ``平均`` when the row totals others (entity, 序号 or first cell)."""
        places = [c.index for c in self.table.columns if c.role in ("entity", "code", "ignored")]
        for index in [*places, 0]:
            label = label_of(cells[index]) if index < len(cells) else ""
            if label:
                return label
        return ""

    # --- long form: one row per indicator (and entity) ---------------------------

    def _long(self, number: int, cells: list[str], label: str) -> Iterator[Observation]:
        if label and not any(
            self._cell(cells, role)[0] for role in ("indicator", "indicator_name")
        ):
            return  # 合计 under the schools of a long table, naming no indicator: nothing to read
        indicator = self._indicator(number, cells)
        if indicator is None:
            return
        unit, _ = self._cell(cells, "unit")
        columns = self.table.year_columns()
        if not columns:  # one value column: the year is the row's or the file's
            year = self._year(number, cells)
            text, where = self._cell(cells, "value")
            yield from self._long_value(number, cells, label, indicator, year, text, where, unit)
        for column in columns:  # 2023年 | 2024年 side by side: each column its own year
            text = cells[column.index].strip() if column.index < len(cells) else ""
            where = column.text.strip()
            yield from self._long_value(
                number, cells, label, indicator, column.year, text, where, unit
            )

    def _long_value(
        self,
        number: int,
        cells: list[str],
        label: str,
        indicator: Indicator,
        year: int | None,
        text: str,
        where: str,
        unit: str,
    ) -> Iterator[Observation]:
        entity = self._entity(number, cells, indicator, label, year)
        total = bool(label) and indicator.per_entity
        parsed = self._value(number, where, indicator, text, unit, not total)
        if parsed is None or year is None or entity is None:
            if not total and year is not None:
                self.totals.count(indicator, year, None)  # refused: the sum is not known
            return
        if total:
            self._total(number, indicator, year, label, parsed[0], where)
            return
        self.totals.count(indicator, year, parsed[0])
        column = where if self.table.year_columns() else ""
        yield self._observation(indicator, year, parsed, number, entity, cells, column)

    def _indicator(self, number: int, cells: list[str]) -> Indicator | None:
        text, where = self._cell(cells, "indicator")
        name, name_column = self._cell(cells, "indicator_name")
        if not text:
            text, where, name = name, name_column, ""
        if label_of(text):
            return None  # a totals line of a long table: nothing to read
        names = self.vocabulary.names
        indicator = names.find(text)
        foreign = self.vocabulary.foreign(text) if indicator is None and text else None
        if foreign is not None:
            self.unused.setdefault(foreign[0], set()).add(foreign[1])
            return None
        if indicator is None:
            hint = _close(text, names.names()) if self.problems.room and text else ""
            message = f"unknown indicator {text!r}{hint}" if text else "empty indicator"
            self._problem(number, where, message)
            return None
        if name and names.find(name) is not indicator:
            message = f"{indicator.id} ({indicator.name_zh}) does not match the name {name!r}"
            self._problem(number, name_column, message + ": correct the code or the name")
            return None
        return indicator

    def _entity(
        self, number: int, cells: list[str], indicator: Indicator, label: str, year: int | None
    ) -> str | None:
        name, where = self._cell(cells, "entity")
        code, code_column = self._cell(cells, "code")
        if label:
            return ""  # 全区 for a district total; a per-entity total is checked, not kept
        if indicator.per_entity and not (name or code):
            kind = _KIND_WORDS.get(indicator.entity_kind, indicator.entity_kind or "entity")
            column = "" if self.table.role("entity") else "; add a 学校名称 (entity) column"
            message = f"{indicator.id} is given per {kind}: name the {kind} in this row{column}"
            self._problem(number, where, message)
            return None
        if not indicator.per_entity and (name or code):
            message = f"{indicator.id} is a district total: leave {where} empty"
            self._problem(number, where if name else code_column, message)
            return None
        if not (name or code):
            return ""
        return self._resolve(number, indicator.id, name, code, where, year)

    def _resolve(
        self, number: int, indicator: str, name: str, code: str, where: str, year: int | None
    ) -> str | None:
        entities = self.vocabulary.entities
        named = entities.resolve(indicator, name, code, year, self.problems.room)
        column = self._cell([], named.column)[1] if named.column == "code" else where
        if named.problem:
            self._problem(number, column, named.problem)
        elif named.warning and all(n.message != named.warning for n in self.notices):
            # one warning per unknown name and file, at its first row
            self.notices.append(
                Problem(self.name, named.warning, number, column, severity="warning")
            )
        return named.name

    # --- wide form: one row per entity, one column per indicator -----------------

    def _wide(self, number: int, cells: list[str], label: str) -> Iterator[Observation]:
        year = self._year(number, cells)
        name, where = self._cell(cells, "entity")
        code, _ = self._cell(cells, "code")
        if not label and not (name or code):
            self._problem(number, where, "no entity: name the school, town or item")
            return
        for column in self.table.columns:
            if column.role != "indicator_value":
                continue
            indicator = self.vocabulary.plan.indicator(column.indicator)
            if not indicator.per_entity:
                message = f"{indicator.id} is a district total: it cannot be given per entity"
                self._problem(number, column.text, message + "; give it in a long table")
                continue
            # a workbook row ends at its last filled cell: what lies beyond is empty
            text = cells[column.index].strip() if column.index < len(cells) else ""
            parsed = self._value(number, column.text, indicator, text, column.unit, not label)
            if parsed is None or year is None:
                if not label and year is not None:
                    self.totals.count(indicator, year, None)  # refused: the sum is not known
                continue
            if label:
                self._total(number, indicator, year, label, parsed[0], column.text)
                continue
            entity = self._resolve(number, indicator.id, name, code, where, year)
            if entity is None:
                return  # one message for the row, not one per column
            self.totals.count(indicator, year, parsed[0])
            yield self._observation(indicator, year, parsed, number, entity, cells, column.text)

    # --- cells --------------------------------------------------------------------

    def _year(self, number: int, cells: list[str]) -> int | None:
        text, where = self._cell(cells, "year")
        fixed = self.file_year
        if not text:
            if self.table.role("year") is not None and fixed.where in ("", "--year"):
                message = "empty: every row of a file with a year column needs one"
                self._problem(number, where, message)
                return None
            if fixed.year is None and not self.year_said:
                self.year_said = True  # one message for the file, not one per row
                self._problem(number, None, _NO_YEAR)
            return fixed.year
        match = _YEAR_CELL.match(normalise(text))
        year = int(match.group(1)) if match else 0
        if not 1900 <= year <= 2200:
            self._problem(number, where, f"expected a year such as 2023, found {text!r}")
            return None
        if fixed.year is not None and fixed.where != "--year" and year != fixed.year:
            message = f"year {year} contradicts the {fixed.where}, which says {fixed.year}"
            self._problem(number, where, message)
            return None
        return year

    def _value(
        self,
        number: int,
        where: str,
        indicator: Indicator,
        text: str,
        unit: str,
        one_entity: bool = True,
    ) -> tuple[float | None, Flag | None] | None:
        """The cell's value; a totals row (not ``one_entity``) is not held to one entity's
        plausible range."""
        try:
            return read_value(indicator, text, unit, self.table.unit, one_entity)
        except ValueProblem as exc:
            unit_column = self.table.role("unit")
            blamed = isinstance(exc, UnitProblem) and unit and unit_column is not None
            self._problem(number, unit_column.text if blamed and unit_column else where, str(exc))
            return None

    def _observation(
        self,
        indicator: Indicator,
        year: int,
        parsed: tuple[float | None, Flag | None],
        number: int,
        entity: str,
        cells: list[str],
        column: str,
    ) -> Observation:
        value, flag = parsed
        if flag is not None and flag.year is not None and flag.year > year:
            message = f"done on {flag.on}, after {year}, the year this row describes"
            self._problem(number, column or self._cell([], "value")[1], message)
        note, _ = self._cell(cells, "note")
        source, _ = self._cell(cells, "source")
        # notes and sources repeat down a long file: keep one copy of each
        note, source = self.texts.setdefault(note, note), self.texts.setdefault(source, source)
        return Observation(
            indicator.id, year, value, self.name, number, entity, flag, note, source, column
        )

    def _total(
        self,
        number: int,
        indicator: Indicator,
        year: int,
        label: str,
        value: float | None,
        where: str,
    ) -> None:
        wrong = self.totals.check(indicator, year, label, value)
        if wrong:
            self._problem(number, where, wrong)

    def _problem(self, number: int, column: str | None, message: str) -> None:
        self.problems.add(Problem(self.name, message, number, column))


def _title(above: tuple[str, ...]) -> str:
    """The text above the header that may state the year: not a 填报日期 or signature line."""
    return " ".join(text for text in above if not _FOOTER.match(normalise(text)))


def _column_clashes(table: Layout) -> Iterator[str]:
    """Columns that contradict the table's form, or give the same thing twice."""
    seen: dict[str, Column] = {}
    for column in table.columns:
        if column.role == "indicator_value" and table.form == "long":
            yield f"column {column.text!r} names an indicator, but the table has a 指标 column"
        elif table.form == "wide" and column.role in (
            "indicator",
            "unit",
            "indicator_name",
            "value",
        ):
            yield f"column {column.text!r} does not belong in a table with one row per entity"
        elif column.role not in ("blank", "ignored", "indicator_value", "unknown"):
            if column.role in seen and not (column.role == "value" and table.year_columns()):
                first = seen[column.role].text
                yield f"columns {first!r} and {column.text!r} both give the {column.role}"
            seen[column.role] = column
    if table.form == "long" and "value" not in seen:
        yield "missing required column: value (数值), or a year such as 2024年 over the values"


def _close(text: str, names: list[str], cutoff: float = 0.6) -> str:
    import difflib

    close = difflib.get_close_matches(layout.fold(text), names, n=1, cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else ""


def _all_names() -> list[str]:
    return [layout.fold(name) for names in layout.COLUMN_NAMES.values() for name in names]


def _accepted(form: str) -> str:
    """The header names of each column role, English first, for an unknown column's message."""
    roles = [role for role in layout.COLUMN_NAMES if form == "long" or role in layout.WIDE_ROLES]
    listed = "; ".join("/".join(layout.COLUMN_NAMES[role]) for role in roles if role != "ignored")
    ignored = "/".join(layout.COLUMN_NAMES["ignored"])
    extra = "; and indicator ids or Chinese names as headers" if form == "wide" else ""
    return f"{listed}; ignored: {ignored}{extra}"


def _no_header(best: tuple[int, int, list[Column]] | None) -> str:
    expected = (
        "no header row: expected a row with 指标 and 数值 (indicator, value), or with 学校名称 "
        "(entity) and indicator names as columns"
    )
    if best is None:
        return "is empty: expected a header row"
    known = [c.text for c in best[2] if c.role not in ("unknown", "blank")]
    if not known:
        return f"{expected}, in the first {layout.HEADER_SEARCH_ROWS} rows"
    return f"{expected}; row {best[0]} was the likeliest, with {', '.join(map(repr, known))}"
