"""The template's tables (long, or one wide table per group of entities), and CSV.

A :class:`Table` is what both renderers lay out: this module writes one as CSV,
:mod:`lzplan.template_xlsx` writes several as the sheets of a workbook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from .report_csv import neutralise
from .template import TemplateRow, wide_groups

#: The long layout's headers, in order; ``lzplan check`` reads them back.
LONG_COLUMNS: tuple[str, ...] = (
    "指标代码",
    "指标名称",
    "单位",
    "主体",
    "年份",
    "数值",
    "填写说明",
    "用于目标",
    "备注",
    "数据来源",
)
#: The wide layout's first column, by the indicator's ``entity_kind``.
ENTITY_HEADERS: dict[str, str] = {"school": "学校名称", "town": "乡镇", "project": "项目"}
#: Why a wide template of no per-entity rows is refused.
NOTHING_WIDE = "no per-school, per-town or per-item indicators to lay out wide"


@dataclass(frozen=True)
class Table:
    """One table of the output: a header, its rows, and which value cells are yes/no.

    ``flags`` holds (row index, column index) pairs, 0-based within ``rows``.
    """

    header: list[str]
    rows: list[list[str | int]]
    flags: list[tuple[int, int]]


def render_csv(rows: Sequence[TemplateRow], wide: bool) -> bytes:
    """The template as CSV: UTF-8 with a BOM (for Excel), CRLF line ends.

    A CSV file holds one table: when the per-entity rows need several wide tables (see
    :func:`~lzplan.template.wide_groups`), or none, this raises :class:`ValueError`;
    write each group to a file of its own, or use
    :func:`~lzplan.template_xlsx.render_xlsx`, which gives each table its own sheet.
    """
    groups = wide_groups(rows) if wide else None
    if groups == []:
        raise ValueError(NOTHING_WIDE)
    if groups is not None and len(groups) > 1:
        firsts = "; ".join(group[0].name_zh for group in groups)
        raise ValueError(
            f"a wide CSV holds one table, but these indicators need {len(groups)} "
            f"(their entities differ: {firsts}): use xlsx, which gives each its own sheet"
        )
    (table,) = tables_of(rows, groups)
    return csv_bytes(table)


def tables_of(rows: Sequence[TemplateRow], groups: list[list[TemplateRow]] | None) -> list[Table]:
    """The long table of ``rows``; given their :func:`~lzplan.template.wide_groups`,
    one wide table per group instead."""
    if groups is None:
        return [_long_table(rows)]
    return [_wide_table(group) for group in groups]


def csv_bytes(table: Table) -> bytes:
    """``table`` as CSV bytes; text Excel would run as a formula gets a leading ``'``."""
    out = io.StringIO()
    out.write("\ufeff")  # Excel on Chinese Windows reads UTF-8 only with a BOM
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in table.header])
    for cells in table.rows:
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue().encode("utf-8")


def _long_table(rows: Sequence[TemplateRow]) -> Table:
    cells: list[list[str | int]] = []
    flags: list[tuple[int, int]] = []
    value_column = LONG_COLUMNS.index("数值")
    for index, row in enumerate(rows):
        line: list[str | int] = [row.indicator, row.name_zh, row.unit, row.entity, row.year]
        cells.append([*line, "", row.kind_hint, row.feeds, "", ""])
        if row.flag:
            flags.append((index, value_column))
    return Table(list(LONG_COLUMNS), cells, flags)


def _wide_table(group: list[TemplateRow]) -> Table:
    """One row per entity of ``group``, one column per indicator (a school not asked for
    a figure, a 小学's 初中 pupils, leaves its cell blank)."""
    first = group[0]
    names = list(dict.fromkeys(row.entity for row in group))
    indicators: dict[str, TemplateRow] = {}
    for row in group:
        indicators.setdefault(row.indicator, row)
    header = [ENTITY_HEADERS.get(first.entity_kind, "主体"), "年份"]
    header += [row.name_zh for row in indicators.values()]
    blank: list[str | int] = [""] * len(indicators)
    cells: list[list[str | int]] = [[name, first.year, *blank] for name in names]
    flags = [
        (row_index, column_index)
        for column_index, row in enumerate(indicators.values(), start=2)
        if row.flag
        for row_index in range(len(names))
    ]
    return Table(header, cells, flags)
