"""Finding a sheet's header row, and checking what its columns say.

The header is the first of the first :data:`~lzplan.layout.HEADER_SEARCH_ROWS` non-empty
rows that names indicators (long form) or entities and indicators (wide form); the rows
above it are the title and unit lines. A fixed list of column words rather than a fuzzy
score: a wrong guess would read the wrong column silently.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from . import layout
from .layout import Column, Layout
from .vocabulary import Vocabulary

#: The first cells of lzplan's own CSV results, which may be saved beside the data.
RESULT_HEADER = ("dataset", "year", "section", "target")
RESULT_FILE = "an lzplan result file, not data"

_Row = tuple[int, list[str]]


@dataclass
class Search:
    """What the search found: the table, or why there is none and where it was likeliest.

    ``read`` holds the rows it consumed past the header's (none) or, without a header,
    every row it looked at; ``must`` says a missing header is an error, not a skipped
    sheet (a sheet of indicator columns without a school column is not a cover sheet).
    """

    table: Layout | None = None
    why: str = ""
    row: int = 1
    must: bool = False
    read: list[_Row] = field(default_factory=list)


def find_header(rows: Iterator[_Row], vocabulary: Vocabulary) -> Search:
    """Look for the header in ``rows``, consuming only as far as the header."""
    search = Search()
    above: list[str] = []
    unit = ""
    best: tuple[int, int, list[Column]] | None = None
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if not search.read and [c.strip() for c in cells[:4]] == list(RESULT_HEADER):
            search.why = RESULT_FILE  # lzplan's own --format csv, left beside the data
            return search
        search.read.append((number, cells))
        columns = [layout.column_of(i, cell, vocabulary.names) for i, cell in enumerate(cells)]
        form = layout.form_of(columns) or _foreign_wide(columns, vocabulary)
        if form is not None:
            search.table = Layout(number, tuple(columns), form, unit, tuple(above))
            search.read.clear()
            return search
        unit = layout.unit_line(cells) or unit
        above.extend(cell.strip() for cell in cells if cell.strip())
        if best is None or layout.score(columns) > best[1]:
            best = (number, layout.score(columns), columns)
        if len(search.read) >= layout.HEADER_SEARCH_ROWS:
            break
    two_rows = _two_rows(search.read, vocabulary)
    search.why, search.must = (two_rows, True) if two_rows else _no_header(best)
    search.row = best[0] if best else 1
    return search


def _foreign_wide(columns: list[Column], vocabulary: Vocabulary) -> str | None:
    """``wide`` for a per-school table of another bundled plan's indicators only."""
    if not any(column.role in ("entity", "code") for column in columns):
        return None
    unknown = [column for column in columns if column.role == "unknown"]
    return "wide" if any(vocabulary.foreign(c.text) for c in unknown) else None


@dataclass(frozen=True)
class Checked:
    """The table with other plans' columns set aside, what they were, and the problems."""

    table: Layout
    unused: dict[str, set[str]]
    problems: list[str]


def check_header(table: Layout, vocabulary: Vocabulary) -> Checked:
    """Unknown columns (with the accepted names), columns that clash with the form."""
    table, unused = _set_aside_foreign(table, vocabulary)
    taken = f" (row {table.header_row} was taken for the header)" if table.header_row > 1 else ""
    problems = []
    clashes = [message + taken for message in _clashes(table, vocabulary)]
    unknown = [column for column in table.columns if column.role == "unknown"]
    for column in unknown:
        hint = close(column.text, vocabulary.names.names() + _column_words(), 0.7)
        problems.append(
            f"unknown column {column.text!r}{hint}{taken}: rename it, or delete it "
            "(to keep what it says, head it 备注)"
        )
    if unknown:
        problems.append(f"accepted columns: {accepted(table.form)}")
    problems.extend(clashes)
    return Checked(_without_bad_units(table, vocabulary), unused, problems)


def _without_bad_units(table: Layout, vocabulary: Vocabulary) -> Layout:
    """A column whose header unit does not convert is reported once (:func:`_clashes`) and
    then not read, rather than refused again in every row."""
    columns = tuple(
        replace(column, role="ignored")
        if column.role == "indicator_value"
        and column.unit
        and not _converts(column.unit, vocabulary.plan.indicator(column.indicator).unit)
        else column
        for column in table.columns
    )
    return replace(table, columns=columns)


def _set_aside_foreign(table: Layout, vocabulary: Vocabulary) -> tuple[Layout, dict[str, set[str]]]:
    """Columns of another bundled plan's indicators are not read, and not an error."""
    unused: dict[str, set[str]] = {}
    columns = []
    for column in table.columns:
        foreign = vocabulary.foreign(column.text) if column.role == "unknown" else None
        if _district_total(column, table, vocabulary):
            # a per-kindergarten 在园幼儿数 is another plan's figure, not this one's total
            foreign = vocabulary.foreign_per_entity(column.text)
        if foreign is not None:
            unused.setdefault(foreign[0], set()).add(foreign[1])
            column = replace(column, role="ignored")
        columns.append(column)
    return replace(table, columns=tuple(columns)), unused


def _district_total(column: Column, table: Layout, vocabulary: Vocabulary) -> bool:
    """A wide table's column naming one of this plan's district totals."""
    if column.role != "indicator_value" or table.form != "wide":
        return False
    return not vocabulary.plan.indicator(column.indicator).per_entity


def _clashes(table: Layout, vocabulary: Vocabulary) -> Iterator[str]:
    """Columns that contradict the table's form, or give the same thing twice."""
    seen: dict[str, Column] = {}
    wide_only = ("indicator", "unit", "indicator_name", "value")
    for column in table.columns:
        if column.role == "indicator_value" and table.form == "long":
            yield f"column {column.text!r} names an indicator, but the table has a 指标 column"
        elif column.role == "indicator_value":
            indicator = vocabulary.plan.indicator(column.indicator)
            if not indicator.per_entity:
                yield (
                    f"column {column.text!r}: {indicator.id} is a district total, not given per "
                    "school or town: give it in a long table (指标, 数值)"
                )
            elif column.unit and not _converts(column.unit, indicator.unit):
                yield (
                    f"column {column.text!r}: unit {column.unit!r} does not convert to "
                    f"{indicator.unit!r}: write （{indicator.unit}） or leave the unit out"
                )
        elif table.form == "wide" and column.role in wide_only:
            yield f"column {column.text!r} does not belong in a table with one row per entity"
        elif column.role not in ("blank", "ignored", "unknown"):
            if column.role in seen and not (column.role == "value" and table.year_columns):
                first = seen[column.role].text
                yield f"columns {first!r} and {column.text!r} both give the {column.role}"
            seen[column.role] = column
    if table.form == "long" and "value" not in seen:
        yield "missing required column: value (数值), or a year such as 2024年 over the values"


def _converts(unit: str, to: str) -> bool:
    from .values import converts

    return converts(unit, to)


def close(text: str, names: Iterable[str], cutoff: float = 0.6) -> str:
    """``; did you mean 'x'?`` for the closest of ``names`` (folded), or ``""``."""
    found = layout.closest(layout.fold(text), names, cutoff)
    return f"; did you mean {found!r}?" if found else ""


def _column_words() -> list[str]:
    return [layout.fold(name) for names in layout.COLUMN_NAMES.values() for name in names]


def accepted(form: str) -> str:
    """The header names of each column role, English first, for an unknown column's message."""
    roles = [role for role in layout.COLUMN_NAMES if form == "long" or role in layout.WIDE_ROLES]
    listed = "; ".join("/".join(layout.COLUMN_NAMES[role]) for role in roles if role != "ignored")
    ignored = "/".join(layout.COLUMN_NAMES["ignored"])
    extra = "; and indicator ids or Chinese names as headers" if form == "wide" else ""
    return f"{listed}; ignored: {ignored}{extra}"


def _two_rows(read: list[_Row], vocabulary: Vocabulary) -> str:
    """Why the header is no header when it spans two rows — 学校名称 merged down over both,
    the indicator names in the lower one, which leaves the lower row's school cell blank —
    else ``""``."""
    for (upper, above), (lower, cells) in itertools.pairwise(read):
        if lower != upper + 1:
            continue
        columns = [layout.column_of(i, cell, vocabulary.names) for i, cell in enumerate(cells)]
        if not any(column.role == "indicator_value" for column in columns):
            continue
        for index, cell in enumerate(above):
            below = cells[index].strip() if index < len(cells) else ""
            role = layout.column_of(index, cell, vocabulary.names).role
            if role in ("entity", "code") and not below:
                return (
                    f"the header spans rows {upper} and {lower}: {cell.strip()!r} is in row "
                    f"{upper}, the indicator names in row {lower}; put them in one row (unmerge "
                    f"the cells and write {cell.strip()!r} in row {lower} too)"
                )
    return ""


def _no_header(best: tuple[int, int, list[Column]] | None) -> tuple[str, bool]:
    """Why no header was found, and whether that is an error even in a workbook."""
    expected = (
        "no header row: expected a row with 指标 and 数值 (indicator, value), or with 学校名称 "
        "(entity) and indicator names as columns, in one row"
    )
    if best is None:
        return "is empty: expected a header row", False
    number, _, columns = best
    indicators = [c.text for c in columns if c.role == "indicator_value"]
    if indicators:  # indicator columns with no school column: data, not a cover sheet
        shown = ", ".join(map(repr, indicators[:3]))
        message = (
            f"row {number} has indicator columns ({shown}) but no school or town column: "
            "head it 学校名称 (or 乡镇, 学校标识码, entity)"
        )
        return message, True
    known = [c.text for c in columns if c.role not in ("unknown", "blank")]
    if not known:
        return f"{expected}, in the first {layout.HEADER_SEARCH_ROWS} rows", False
    others = [c.text for c in columns if c.role == "unknown"][:3]
    unknown = (
        f"; its other cells ({', '.join(map(repr, others))}) name no indicator" if others else ""
    )
    return (
        f"{expected}; row {number} was the likeliest, with {', '.join(map(repr, known))}{unknown}",
        False,
    )
