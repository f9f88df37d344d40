"""Reading the rows of one sheet, below its header, into observations, every problem located.

Rows are read in long form (one row per indicator) or wide form (one row per school,
one column per indicator). Signature, note, heading and 栏次 rows are skipped
(:mod:`lzplan.layout`); totals rows are checked (:mod:`lzplan.totals`); names are
resolved (:mod:`lzplan.entitynames`); years come from :mod:`lzplan.years`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import layout, sheets
from .batches import Batches
from .cells import CellReader
from .entitynames import Named
from .errors import Problem
from .header import Search, check_header, close
from .layout import Layout
from .model import Indicator
from .observations import Observation, make
from .plainbatch import PlainBatches
from .plainrows import ANY_YEAR, PlainRows
from .problems import NoticeList, ProblemList
from .totals import BLANK, Totals, label_of
from .values import Flag, UnitProblem, ValueProblem, summable
from .vocabulary import Vocabulary
from .widebatch import WideBatches, WideColumn
from .years import FileYear, SheetYear, sheet_year, year_of_cell

if TYPE_CHECKING:
    pass


#: How many texts' labels a sheet keeps (a province's names: a few megabytes at most).
_LABELS_KEPT = 100_000

_KIND_WORDS = {"school": "school (学校)", "town": "town (乡镇)", "project": "item (项目)"}


class SheetReader:
    """Reads the rows of one sheet below its header into observations."""

    def __init__(
        self,
        sheet: sheets.Sheet,
        file: str,
        vocabulary: Vocabulary,
        year: int | None,
        problems: ProblemList,
        notices: NoticeList,
    ) -> None:
        self.sheet = sheet
        self.name = sheet.name
        self.file = file
        self.vocabulary = vocabulary
        self.option_year = year  # --year: the year of a sheet that states none
        self.problems = problems
        self.notices = notices
        self.table = Layout(0, (), "long")
        self.years = SheetYear(FileYear(None, ""), False)
        self.texts: dict[str, str] = {}
        self.totals = Totals()
        self.named: dict[tuple[str, str, str, int | None], Named] = {}
        self.warned: set[tuple[str | None, int | None]] = set()  # (name, year) said
        self._columns: list[WideColumn] | None = None
        self._at: dict[str, int] = {}  # the column of each role, by role
        self._headers: dict[str, str] = {}
        self._places: tuple[int, ...] = (0,)  # where a totals row says 合计
        self._labels: dict[str, str] = {}  # label_of of the texts seen there
        self._blank: tuple[int, ...] = ()  # columns under a blank header cell
        self._readers: dict[tuple[str, str, bool], CellReader] = {}
        self._scopes: dict[str, str] = {}
        self._plain: PlainRows | None = None  # a long table's plain rows, read from lookups
        self._seen = 0  # rows of data met so far
        #: another bundled plan's indicators met in this file, by plan (shared by its sheets)
        self.unused: dict[str, set[str]] = {}
        #: whether a table of other plans' figures is read too (``ReadOptions.every_table``)
        self.every_table = False

    def read(self, search: Search, rows: Iterator[tuple[int, list[str]]]) -> list[Observation]:
        """Every observation of ``rows``, the rows below the header ``search`` found."""
        assert search.table is not None
        checked = check_header(search.table, self.vocabulary)
        self.table = checked.table
        self._learn_columns()
        for plan_name, ids in checked.unused.items():
            self.unused.setdefault(plan_name, set()).update(ids)
        for message in checked.problems:
            self.problems.add(Problem(self.name, message, self.table.header_row))
        self._settle_year()
        if self._year_misspelt():
            self.years.said = True  # its "no year" would only repeat the unknown column
        found: list[Observation] = []
        if self._theirs(checked.unused):
            return found
        if PlainRows.fits(self._at, self.table.form, bool(self.table.year_columns)):
            self._plain = PlainRows(self._at, self.name)
        self._rows(rows, found)
        for number, column, message in self.totals.finish():
            self._problem(number, column, message)
        for number, column, message in self.totals.doubtful:
            self.notices.add(Problem(self.name, message, number, column, severity="warning"))
        return found

    def _year_misspelt(self) -> bool:
        """Whether an unknown column is most like a year column (``yaer``), the table having
        none: the sheet's rows then have no year because of it, which is said once."""
        unknown = [column.text.strip() for column in self.table.columns if column.role == "unknown"]
        if not unknown or self.table.role("year") is not None:
            return False
        names = [name for names in layout.COLUMN_NAMES.values() for name in names]
        years = set(layout.COLUMN_NAMES["year"])
        return any(layout.closest(text, names) in years for text in unknown)

    def _theirs(self, unused: dict[str, set[str]]) -> bool:
        """Whether the table is one row per school giving none of this plan's figures, only
        other bundled plans': its rows are theirs to read and report on, as the notes say
        (a province's kindergartens are not read for the schools' criteria, and a
        kindergarten's missing name does not stop the schools being judged)."""
        if self.table.form != "wide" or not unused or self.every_table:
            return False
        roles = ("indicator_value", "unknown")  # an unknown column may be a misspelt own one
        return not any(column.role in roles for column in self.table.columns)

    def _learn_columns(self) -> None:
        """What every row asks of the header, worked out once (a province's file has a
        million rows)."""
        columns = self.table.columns
        for role in {column.role for column in columns}:
            found = self.table.role(role)
            if found is not None:
                self._at[role] = found.index
                self._headers[role] = found.text.strip()
        roles = ("entity", "code", "ignored")
        self._places = tuple(dict.fromkeys((*(c.index for c in columns if c.role in roles), 0)))
        self._blank = tuple(c.index for c in columns if c.role == "blank")

    def _settle_year(self) -> None:
        if self.table.year_columns:
            return  # each value column says its own year: nothing else to settle
        value = self.table.role("value")
        header = (value.text, value.year) if value and value.year is not None else None
        title = layout.title_lines(self.table.above)
        column = self.table.role("year") is not None
        self.years = sheet_year(
            header, self.file, self.sheet.title, title, self.option_year, column
        )
        if self.years.fixed.problem:
            self.problems.add(Problem(self.name, self.years.fixed.problem, self.table.header_row))

    def _rows(self, rows: Iterator[tuple[int, list[str]]], found: list[Observation]) -> None:
        """Reads ``rows`` into ``found`` (a list, not a generator: a province's wide file is
        millions of figures, each of which a chain of generators would pass on one by one)."""
        footer = False
        width, blank = len(self.table.columns), bool(self._blank)
        batches = self._batches(width)
        if batches is not None:
            rows = batches.rows(rows, found)  # the plain rows are read there, in bulk
        for number, raw in rows:
            cells = [cell.strip() for cell in raw]  # every cell below is read stripped
            filled = [cell for cell in cells if cell]
            if not filled:
                continue
            if (footer and len(filled) == 1) or layout.is_footer(filled[0]):
                footer = True  # 注：… and its continuation lines, 填报人：…
                continue
            if (len(filled) == 1 and layout.is_heading(filled)) or (
                not self._seen and layout.is_column_numbers(filled)
            ):
                continue  # 一、学前教育, or the 栏次 row 甲, 乙, 1, 2, 3 under the header
            self._seen += 1
            if (blank or len(cells) > width) and self._stray(number, cells):
                continue
            label = self._total_label(cells)
            plain = None if label or self._plain is None else self._read_plain(number, cells)
            if plain is not None:
                found.append(plain)
            elif self.table.form == "long":
                found.extend(self._long(number, cells, label))
            elif label:
                self._wide_total(number, cells, label, self._year(number, cells))
            else:
                self._wide(number, cells, found)
        if not self._seen:
            message = "has a header but no rows of data"
            self.problems.add(Problem(self.name, message, self.table.header_row))

    def _batches(self, width: int) -> Batches | None:
        """What reads the sheet's plain rows a batch at a time, if they can be."""
        batches: Batches
        if self._plain is not None:
            plain = PlainBatches(
                self._plain, width, self._places, self._readers, self.named, self._scopes,
                self.totals, self.texts, self.vocabulary.entities,
            )  # fmt: skip
            plain.counted = self._counted_only
            batches = plain
        elif self.table.form != "wide":
            return None
        else:
            columns, year = self._wide_columns(), self.years.fixed.year
            if not WideBatches.fits(self._at, columns, year):
                return None
            assert year is not None
            batches = WideBatches(
                width, self._at, self._places, columns, year, self.name, self.named,
                self.vocabulary, self.totals, self.texts,
            )  # fmt: skip
        batches.started = lambda: self._seen > 0  # the 栏次 row is known only before the first
        batches.headless = self._blank
        return batches

    def _read_plain(self, number: int, cells: list[str]) -> Observation | None:
        assert self._plain is not None
        return self._plain.read(
            number, cells, self._readers, self.named, self._scopes, self.totals, self.texts
        )

    def _stray(self, number: int, cells: list[str]) -> bool:
        """A value beyond the header, or under a blank header cell: an error, never dropped."""
        width = len(self.table.columns)
        if len(cells) <= width and not self._blank:
            return False
        beyond = [i for i in range(width, len(cells)) if cells[i]]
        blank = [i for i in self._blank if i < len(cells) and cells[i]]
        if beyond:
            last = beyond[-1]
            message = (
                f"has {last + 1} cells but the header has {width} columns: column {last + 1} "
                f"holds {cells[last]!r} under no header; delete it or give its column a header"
            )
            if self.file.lower().endswith(".csv"):  # a workbook's cells are not split by commas
                message += " (in a CSV, a name with a comma must be in quotes)"
            self.problems.add(Problem(self.name, message, number))
        elif blank:
            message = f"has a value in column {blank[0] + 1}, which has no header"
            self.problems.add(Problem(self.name, message, number))
        if beyond or blank:
            self._sums_unknown(cells)
        return bool(beyond or blank)

    def _sums_unknown(self, cells: list[str]) -> None:
        """A row refused whole: the sums it is part of are unknown, so no 合计 is checked
        against them (its cells may be shifted by a comma; one error is enough)."""
        text = self._cell(cells, "year")
        year = year_of_cell(text) if text else self.years.fixed.year
        if self.table.form == "wide":
            indicators = [column[1] for column in self._wide_columns()]
            years = [year]
        else:
            named = self._cell(cells, "indicator") or self._cell(cells, "indicator_name")
            found = self.vocabulary.names.find(named) if named else None
            indicators = [found] if found is not None else []
            years = [column.year for column in self.table.year_columns] or [year]
        for indicator in indicators:
            for each in years:
                if each is not None:
                    self.totals.count(indicator, each, None)

    def _cell(self, cells: list[str], role: str) -> str:
        """The text of the row's ``role`` cell (empty without that column)."""
        index = self._at.get(role)
        if index is None or index >= len(cells):
            return ""
        return cells[index]

    def _header(self, role: str) -> str:
        """The header of the ``role`` column, as the sheet writes it (else the role)."""
        return self._headers.get(role, role)

    def _total_label(self, cells: list[str]) -> str:
        """``合计``, ``小计``, ``平均`` when the row totals others (entity, 序号 or first cell)."""
        size, labels = len(cells), self._labels
        for index in self._places:
            if index < size:
                text = cells[index]
                label = labels.get(text)
                if label is None:  # a long file's ids and names, row after row: asked once
                    label = label_of(text)
                    if len(labels) < _LABELS_KEPT:
                        labels[text] = label
                if label:
                    return label
        return ""

    # --- long form: one row per indicator (and entity) ---------------------------

    def _long(self, number: int, cells: list[str], label: str) -> Iterator[Observation]:
        if label and not (self._cell(cells, "indicator") or self._cell(cells, "indicator_name")):
            return  # 合计 under the schools of a long table, naming no indicator: nothing to read
        indicator = self._indicator(number, cells)
        if indicator is None:
            return
        columns = self.table.year_columns
        if not columns:  # one value column: the year is the row's or the file's
            year = self._year(number, cells)
            text = self._cell(cells, "value")
            yield from self._long_value(number, cells, label, indicator, year, text, "")
        for column in columns:  # 2023年 | 2024年 side by side: each column its own year
            text = cells[column.index] if column.index < len(cells) else ""
            yield from self._long_value(
                number, cells, label, indicator, column.year, text, column.text.strip()
            )

    def _long_value(
        self,
        number: int,
        cells: list[str],
        label: str,
        indicator: Indicator,
        year: int | None,
        text: str,
        column: str,
    ) -> Iterator[Observation]:
        """One value of a long row; ``column`` names a year column, else the value column."""
        where = column or self._header("value")
        entity = self._entity(number, cells, indicator, label, year)
        total = bool(label) and indicator.per_entity
        parsed = self._value(number, where, indicator, text, self._cell(cells, "unit"), not total)
        if parsed is None or year is None or entity is None:
            if not total and year is not None:
                # a figure refused leaves the sum unknown; one whose school is refused (a
                # misspelt name) is still in the 合计, which is checked in the same run
                self.totals.count(indicator, year, None if parsed is None else _counted(parsed[0]))
            return
        if total:
            self._total(number, indicator, year, label, parsed[0], where)
            return
        self.totals.count(indicator, year, _counted(parsed[0]))
        yield self._observation(indicator, year, parsed, number, entity, cells, column)

    def _indicator(self, number: int, cells: list[str]) -> Indicator | None:
        text, where = self._cell(cells, "indicator"), self._header("indicator")
        name = self._cell(cells, "indicator_name")
        if not text:
            text, where, name = name, self._header("indicator_name"), ""
        if label_of(text):
            return None  # a totals line of a long table: nothing to read
        names = self.vocabulary.names
        indicator = names.find(text)
        foreign = self.vocabulary.foreign(text) if indicator is None and text else None
        if foreign is not None:
            self.unused.setdefault(foreign[0], set()).add(foreign[1])
            return None
        if indicator is None:
            hint = close(text, names.names()) if self.problems.room and text else ""
            message = f"unknown indicator {text!r}{hint}" if text else "empty indicator"
            self._problem(number, where, message)
            return None
        if name and names.find(name) is not indicator:
            message = f"{indicator.id} ({indicator.name_zh}) does not match the name {name!r}"
            self._problem(
                number, self._header("indicator_name"), f"{message}: correct the code or the name"
            )
            return None
        if self._plain is not None:
            self._plain.indicators[text] = indicator  # its next rows are read from here
        return indicator

    def _entity(
        self, number: int, cells: list[str], indicator: Indicator, label: str, year: int | None
    ) -> str | None:
        name, code = self._cell(cells, "entity"), self._cell(cells, "code")
        where = self._header("entity")
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
            self._problem(number, where if name else self._header("code"), message)
            return None
        if not (name or code):
            return ""
        return self._resolve(number, indicator.id, name, code, year)

    def _resolve(
        self, number: int, indicator: str, name: str, code: str, year: int | None
    ) -> str | None:
        """The entity's own name; each name is worked out once per sheet, and an unknown
        one is reported once (a school is named in every column of a wide row)."""
        scope = self._scopes.get(indicator)
        if scope is None:
            scope = self._scopes[indicator] = self.vocabulary.entities.scope(indicator)
        named = self.named.get((scope, name, code, ANY_YEAR)) or self.named.get(
            (scope, name, code, year)
        )
        if named is None:
            entities = self.vocabulary.entities
            partial = entities.roster is not None and not entities.roster.complete
            warned = partial and indicator not in entities.listed  # else it is an error
            hint = self.notices.room if warned else self.problems.room  # where it is said
            named = entities.resolve(indicator, name, code, year, hint)
            self.named[(scope, name, code, ANY_YEAR if named.any_year else year)] = named
            where = self._header("code") if named.column == "code" else self._header("entity")
            if named.problem:
                self._problem(number, where, named.problem)
            elif named.warning:
                self._warn_once(number, where, named, year)
        return named.name

    def _counted_only(self, number: int, named: Named, year: int | None) -> bool:
        """Says ``named``'s warning at row ``number`` if the file's warnings are no longer
        listed, only counted, as :meth:`_resolve` would at that row; whether it did."""
        if self.notices.room:
            return False
        where = self._header("code") if named.column == "code" else self._header("entity")
        self._warn_once(number, where, named, year)
        return True

    def _warn_once(self, number: int, where: str, named: Named, year: int | None) -> None:
        """A name's warning at its first row: once per name, or per name and year."""
        said = (named.name, year if named.per_year else None)
        if said not in self.warned:
            self.warned.add(said)
            self.notices.add(Problem(self.name, named.warning, number, where, severity="warning"))

    # --- wide form: one row per entity, one column per indicator -----------------

    def _wide(self, number: int, cells: list[str], found: list[Observation]) -> None:
        """One school's row: its figures appended to ``found``."""
        year = self._year(number, cells)
        name, code = self._cell(cells, "entity"), self._cell(cells, "code")
        if not (name or code):
            self._problem(
                number, self._header("entity"), "no entity: name the school, town or item"
            )
            self._count_only(cells, year)
            return
        note, source = self._cell(cells, "note"), self._cell(cells, "source")
        # notes and sources repeat down a long file: keep one copy of each
        note, source = self.texts.setdefault(note, note), self.texts.setdefault(source, source)
        entities: dict[str, str | None] = {}  # by scope: a school is named once per row
        refused = False  # a name refused once: the row's figures are only counted
        size, totals, sheet = len(cells), self.totals, self.name
        for column, indicator, reader, scope, summed in self._wide_columns():
            # a workbook row ends at its last filled cell: what lies beyond is empty
            text = cells[column.index] if column.index < size else ""
            value = reader.plain(text) if text else None
            flag = None
            if value is None and text:  # not a plain number: read the general way
                try:
                    value, flag = reader.read(text)
                except ValueProblem as exc:
                    self._value_problem(number, column.text, column.unit, exc)
                    if year is not None:
                        totals.count(indicator, year, None)  # refused: the sum is not known
                    continue
            if year is None:
                continue
            if not refused:
                if scope not in entities:
                    entities[scope] = self._resolve(number, indicator.id, name, code, year)
                entity = entities[scope]
                refused = entity is None
            if refused or entity is None:  # a misspelt name: its figures are still counted
                if summed:
                    totals.add((indicator.id, year), BLANK if value is None else value)
                continue
            if summed:
                totals.add((indicator.id, year), self._counted(value, indicator, entity))
            if flag is not None and flag.year is not None and flag.year > year:
                message = f"done on {flag.on}, after {year}, the year this row describes"
                self._problem(number, column.text or self._header("value"), message)
            found.append(make(Observation, (
                indicator.id, year, value, sheet, number, entity, flag, note, source, column.text
            )))  # fmt: skip

    def _counted(self, value: float | None, indicator: Indicator, entity: str) -> float | str:
        """What a school's cell adds to its 合计: a blank is none where the roster says the
        school teaches no stage the figure counts (a 初中's 小学 pupils), else unknown."""
        if value is not None:
            return value
        return 0.0 if self.vocabulary.not_taught(indicator.id, entity) else BLANK

    def _count_only(self, cells: list[str], year: int | None) -> None:
        """A row without a name: its figures are counted in the 合计 it is part of (what is
        wrong in them is said once the row names its school)."""
        if year is None:
            return
        for column, indicator, reader, _, summed in self._wide_columns():
            text = cells[column.index] if column.index < len(cells) else ""
            try:
                value = reader.read(text)[0]
            except ValueProblem:
                self.totals.count(indicator, year, None)
                continue
            if summed:
                self.totals.add((indicator.id, year), BLANK if value is None else value)

    def _wide_total(self, number: int, cells: list[str], label: str, year: int | None) -> None:
        """A 合计 row of a wide table: each figure checked against the rows' sum."""
        for column, indicator, _, _, _ in self._wide_columns():
            text = cells[column.index] if column.index < len(cells) else ""
            parsed = self._value(number, column.text, indicator, text, column.unit, False)
            if parsed is not None and year is not None:
                self._total(number, indicator, year, label, parsed[0], column.text)

    def _wide_columns(self) -> list[WideColumn]:
        """The per-entity indicator columns, each with its reader, its names' scope and
        whether totals rows sum it, worked out once per sheet."""
        if self._columns is None:
            entities = self.vocabulary.entities
            self._columns = [
                (column, indicator, CellReader(indicator, column.unit, self.table.unit),
                 entities.scope(indicator.id), summable(indicator))
                for column in self.table.columns
                for indicator in [self._wide_indicator(column)]
                if indicator is not None
            ]  # fmt: skip
        return self._columns

    def _wide_indicator(self, column: layout.Column) -> Indicator | None:
        """The per-entity indicator a wide column gives (district totals were refused once,
        at the header)."""
        if column.role != "indicator_value":
            return None
        indicator = self.vocabulary.plan.indicator(column.indicator)
        return indicator if indicator.per_entity else None

    # --- cells --------------------------------------------------------------------

    def _year(self, number: int, cells: list[str]) -> int | None:
        text = self._cell(cells, "year")
        year, problem, in_cell = self.years.of_row(text)
        if problem:
            self._problem(number, self._header("year") if in_cell else None, problem)
        elif year is not None and self._plain is not None:
            self._plain.years[text] = year  # its next rows are read from here
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
        key = (indicator.id, unit, one_entity)
        reader = self._readers.get(key)
        if reader is None:
            reader = self._readers[key] = CellReader(indicator, unit, self.table.unit, one_entity)
        try:
            return reader.read(text)
        except ValueProblem as exc:
            self._value_problem(number, where, unit, exc)
            return None

    def _value_problem(self, number: int, where: str, unit: str, exc: ValueProblem) -> None:
        blamed = isinstance(exc, UnitProblem) and unit and self.table.role("unit") is not None
        self._problem(number, self._header("unit") if blamed else where, str(exc))

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
            self._problem(number, column or self._header("value"), message)
        note, source = self._cell(cells, "note"), self._cell(cells, "source")
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
        wrong = self.totals.check(indicator, year, label, value, (number, where))
        if wrong:
            self._problem(number, where, wrong)

    def _problem(self, number: int, column: str | None, message: str) -> None:
        self.problems.add(Problem(self.name, message, number, column))


def _counted(value: float | None) -> float | str:
    """A value as totals rows add it: a cell without a value is a blank, not a refusal."""
    return BLANK if value is None else value
