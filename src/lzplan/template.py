"""The fill-in template: what a year's data file must give, ready to be filled in.

:func:`template_rows` lists one row per indicator the plan's targets need (one per
entity for per-school and per-town figures, one per item for checklists);
:func:`render_csv` and :func:`render_xlsx` turn the rows into a file's bytes, in the
long layout that ``lzplan check`` reads, or wide (one row per entity, one column per
indicator). Writing the bytes to a file is the caller's job.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .display import safe, width_of
from .model import Checklist, Each, Indicator, Plan, Target
from .report_csv import neutralise
from .roster import Roster

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
#: What a yes/no cell takes.
FLAG_HINT = "是/否 或 完成日期（如 2024-06-30）"

_ENTITY_WORDS = {"school": "学校", "town": "乡镇", "project": "项目"}
_MAX_WIDTH = 60  # columns wider than this are cut off on screen, not in the cell


@dataclass(frozen=True)
class TemplateRow:
    """One cell to fill: an indicator's value for one year (and one entity or item).

    ``entity`` is empty for district totals, and for a per-entity indicator whose
    entities nobody listed (the person filling it in names them). ``feeds`` lists the
    targets it is used by, ``; ``-joined. ``flag``, ``per_entity`` and ``entity_kind``
    come from the indicator and tell the renderers how to lay the row out.
    """

    indicator: str
    name_zh: str
    unit: str
    entity: str
    year: int
    kind_hint: str
    feeds: str
    flag: bool = False
    per_entity: bool = False
    entity_kind: str = ""


def template_rows(plan: Plan, year: int, roster: Roster | None) -> list[TemplateRow]:
    """Every row a data file for ``year`` should fill, in the order the targets come.

    An indicator no target uses is left out. A per-entity indicator gets a row per
    checklist item, per entity an ``each`` rule lists and per roster entity of the
    rule's ``kinds`` existing in ``year``; with none of these, one row with an empty
    entity to be filled in. When an incomplete roster supplied the entities, their
    hint says that entities it does not list must be added.
    """
    rows: list[TemplateRow] = []
    for indicator_id, targets in _needed(plan).items():
        indicator = plan.indicator(indicator_id)
        feeds = "; ".join(target.id for target in targets)
        partial = _from_partial_roster(indicator, targets, roster)
        for entity in _entities(indicator, targets, year, roster):
            hint = _hint(indicator, entity, partial)
            rows.append(_row(indicator, entity, year, hint, feeds))
    return rows


def wide_omitted(rows: Iterable[TemplateRow]) -> list[TemplateRow]:
    """The district-level rows, which a wide template leaves out (callers should say so)."""
    return [row for row in rows if not row.per_entity]


def wide_groups(rows: Iterable[TemplateRow]) -> list[list[TemplateRow]]:
    """The per-entity rows split into the tables of a wide template.

    Indicators over the same entities (and year) share a table; one over other entities
    (the items of a checklist, the towns) needs a table of its own, since a wide table
    gives every indicator a cell for every entity.
    """
    kept = [row for row in rows if row.per_entity]
    entities: dict[tuple[str, int], list[str]] = {}
    for row in kept:
        entities.setdefault((row.indicator, row.year), []).append(row.entity)
    groups: dict[tuple[str, int, tuple[str, ...]], list[TemplateRow]] = {}
    for row in kept:
        names = tuple(entities[row.indicator, row.year])
        groups.setdefault((row.entity_kind, row.year, names), []).append(row)
    return list(groups.values())


def render_csv(rows: Sequence[TemplateRow], wide: bool) -> bytes:
    """The template as CSV: UTF-8 with a BOM (for Excel), CRLF line ends.

    A CSV file holds one table: when the per-entity rows need several wide tables (see
    :func:`wide_groups`), this raises :class:`ValueError`; write each group to a file
    of its own, or use :func:`render_xlsx`, which gives each table its own sheet.
    """
    (table,) = _long_tables(rows) if not wide else _wide_tables(rows, single=True)
    out = io.StringIO()
    out.write("\ufeff")  # Excel on Chinese Windows reads UTF-8 only with a BOM
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in table.header])
    for cells in table.rows:
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue().encode("utf-8")


def render_xlsx(rows: Sequence[TemplateRow], wide: bool) -> bytes:
    """The template as an Excel workbook: the data sheet(s), then the instructions sheet.

    The data sheet is named ``{year}年数据`` (a wide template's further tables follow as
    ``{year}年数据（2）``, …); each header is bold and frozen, columns are sized to their
    content, and yes/no cells offer 是/否 in a list (a date is accepted too). Text is
    always written as text, never as a formula. Raises :class:`ValueError` for a wide
    template without per-entity rows.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]

    tables = _wide_tables(rows, single=False) if wide else _long_tables(rows)
    book = Workbook()
    titles = _sheet_titles(rows, len(tables))
    for index, (title, table) in enumerate(zip(titles, tables, strict=True)):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        _write_table(sheet, table)
    _write_notes(book.create_sheet("填表说明"), rows, wide, titles)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- rows ------------------------------------------------------------------------------


def _needed(plan: Plan) -> dict[str, list[Target]]:
    """Each indicator some target needs → the targets needing it, in target order."""
    needed: dict[str, list[Target]] = {}
    for target in plan.targets:
        for indicator_id in target.indicators:
            needed.setdefault(indicator_id, []).append(target)
    return needed


def _entities(
    indicator: Indicator, targets: list[Target], year: int, roster: Roster | None
) -> list[str]:
    """The entities rows are made for: ``[""]`` for a district total or nobody listed."""
    if not indicator.per_entity:
        return [""]
    names: dict[str, None] = {}  # ordered, without repeats
    for target in targets:
        names.update(dict.fromkeys(_rule_entities(target, year, roster)))
    return list(names) or [""]


def _rule_entities(target: Target, year: int, roster: Roster | None) -> Iterator[str]:
    rule = target.rule
    if isinstance(rule, Checklist):
        yield from (item.name for item in rule.items)
    elif isinstance(rule, Each):
        yield from rule.entities
        if rule.kinds and roster is not None:
            yield from (entity.name for entity in roster.of_kinds(rule.kinds, year))


def _from_partial_roster(
    indicator: Indicator, targets: list[Target], roster: Roster | None
) -> bool:
    """Whether the entities come (in part) from a roster that does not list them all."""
    if roster is None or roster.complete or not indicator.per_entity:
        return False
    return any(isinstance(t.rule, Each) and t.rule.kinds for t in targets)


def _hint(indicator: Indicator, entity: str, partial: bool = False) -> str:
    """What to type in the value cell (and, for an unnamed entity, in the entity cell)."""
    if indicator.type == "flag":
        hint = FLAG_HINT
    elif indicator.unit:
        hint = f"数值（单位：{indicator.unit}）"
    else:
        hint = "数值"
    word = _ENTITY_WORDS.get(indicator.entity_kind, "主体")
    if indicator.per_entity and not entity:
        hint += f"；在“主体”列填写{word}名称，每个{word}一行"
    elif partial:
        hint += f"；名单不全：未列出的{word}请另加一行"
    return hint


def _row(indicator: Indicator, entity: str, year: int, hint: str, feeds: str) -> TemplateRow:
    return TemplateRow(
        indicator=indicator.id,
        name_zh=indicator.name_zh,
        unit=indicator.unit,
        entity=entity,
        year=year,
        kind_hint=hint,
        feeds=feeds,
        flag=indicator.type == "flag",
        per_entity=indicator.per_entity,
        entity_kind=indicator.entity_kind,
    )


# --- tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """One table of the output: a header, its rows, and which value cells are yes/no.

    ``flags`` holds (row index, column index) pairs, 0-based within ``rows``.
    """

    header: list[str]
    rows: list[list[str | int]]
    flags: list[tuple[int, int]]


def _long_tables(rows: Sequence[TemplateRow]) -> list[_Table]:
    cells: list[list[str | int]] = []
    flags: list[tuple[int, int]] = []
    value_column = LONG_COLUMNS.index("数值")
    for index, row in enumerate(rows):
        line: list[str | int] = [row.indicator, row.name_zh, row.unit, row.entity, row.year]
        cells.append([*line, "", row.kind_hint, row.feeds, "", ""])
        if row.flag:
            flags.append((index, value_column))
    return [_Table(list(LONG_COLUMNS), cells, flags)]


def _wide_tables(rows: Sequence[TemplateRow], single: bool) -> list[_Table]:
    groups = wide_groups(rows)
    if not groups:
        raise ValueError("no per-school, per-town or per-item indicators to lay out wide")
    if single and len(groups) > 1:
        firsts = "; ".join(group[0].name_zh for group in groups)
        raise ValueError(
            f"a wide CSV holds one table, but these indicators need {len(groups)} "
            f"(their entities differ: {firsts}): use xlsx, which gives each its own sheet"
        )
    return [_wide_table(group) for group in groups]


def _wide_table(group: list[TemplateRow]) -> _Table:
    """One row per entity, one column per indicator of ``group`` (which share entities)."""
    first = group[0]
    names = [row.entity for row in group if row.indicator == first.indicator]
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
    return _Table(header, cells, flags)


# --- workbook ----------------------------------------------------------------------------


def _sheet_titles(rows: Sequence[TemplateRow], count: int) -> list[str]:
    """``2025年数据``, then ``2025年数据（2）``, … (``数据`` when the rows span years)."""
    years = {row.year for row in rows}
    first = f"{years.pop()}年数据" if len(years) == 1 else "数据"
    return [first] + [f"{first}（{number}）" for number in range(2, count + 1)]


def _write_table(sheet: Any, table: _Table) -> None:
    """The header (bold, frozen), the rows, the 是/否 lists, and columns sized to fit."""
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    bold = Font(bold=True)
    for column, text in enumerate(table.header, start=1):
        _put(sheet, 1, column, text).font = bold
    for row_index, cells in enumerate(table.rows, start=2):
        for column, value in enumerate(cells, start=1):
            _put(sheet, row_index, column, value)
    if table.flags:
        validation = _yes_no_validation()
        for row_index, column_index in table.flags:
            validation.add(sheet.cell(row=row_index + 2, column=column_index + 1))
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    _size_columns(sheet)


def _put(sheet: Any, row: int, column: int, value: str | int) -> Any:
    """Write one cell; text is stored as text even when it starts with = + - @."""
    cell = sheet.cell(row=row, column=column)
    if value == "":
        return cell
    if isinstance(value, str):
        cell.value = safe(value)
        cell.data_type = "s"  # openpyxl would otherwise take "=…" for a formula
    else:
        cell.value = value
    return cell


def _yes_no_validation() -> Any:
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped]
        DataValidation,
    )

    return DataValidation(
        type="list",
        formula1='"是,否"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="information",  # a date is a valid answer too: inform, do not refuse
        errorTitle="是/否 或 日期",
        error="请选择 是 或 否；已完成的也可以填写完成日期，如 2024-06-30。",
        showInputMessage=True,
        promptTitle="是/否 或 日期",
        prompt="选择 是 或 否，或填写完成日期（如 2024-06-30）。",
    )


def _size_columns(sheet: Any, limit: int = _MAX_WIDTH) -> None:
    """Each column as wide as its widest cell (CJK characters count two), within a limit."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                width = width_of(str(cell.value))
                widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width, 4) + 2, limit)


def _write_notes(sheet: Any, rows: Sequence[TemplateRow], wide: bool, titles: list[str]) -> None:
    """The instructions sheet: one line per column, then general notes."""
    from openpyxl.styles import Alignment, Font

    columns = _wide_notes(rows, titles) if wide else list(_LONG_NOTES)
    lines = [("栏目", "说明"), *columns, *_GENERAL_NOTES]
    for row_index, (topic, text) in enumerate(lines, start=1):
        _put(sheet, row_index, 1, topic)
        _put(sheet, row_index, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
    for column in (1, 2):
        sheet.cell(row=1, column=column).font = Font(bold=True)
    sheet.freeze_panes = "A2"
    _size_columns(sheet, limit=90)


_LONG_NOTES: tuple[tuple[str, str], ...] = (
    ("指标代码", "指标的代码，程序按它识别指标。不要修改。"),
    ("指标名称", "指标的中文名称，仅供参考。"),
    ("单位", "数值的单位。数值按本单位填写；若按其他单位填写（如“人”而非“万人”），请改写本栏。"),
    (
        "主体",
        "学校、乡镇或项目的名称；区级总数留空。为空且“填写说明”要求填写名称的行，每个主体填一行（可复制该行）。",
    ),
    ("年份", "数据所属年份。不要修改。"),
    ("数值", "要填写的数值，见“填写说明”。"),
    ("填写说明", "该行数值应填写的内容与单位。"),
    ("用于目标", "该指标用于规划中的哪些目标（目标代码，以“; ”分隔）。"),
    ("备注", "可选：口径说明等。"),
    ("数据来源", "可选：数据出处，如统计年报、文件名称。"),
)

_GENERAL_NOTES: tuple[tuple[str, str], ...] = (
    ("无数据", "没有数据时填“—”或留空，不要填 0：0 会被当作真实数值。"),
    ("数字", "可写 98.5、98.5%、1,370；小数点用“.”，不要用“,”。"),
    ("是/否", "填“是”或“否”；已完成的也可填写完成日期，如 2024-06-30、2024年6月。"),
    ("单位", "数值应按“单位”栏的单位填写；人与万人、元与万元/亿元之间会自动换算。"),
    (
        "读取",
        "本文件由 lzplan 读取：lzplan validate 文件名 检查填写问题，"
        "lzplan check 文件名 对照规划判定。"
        "请勿修改工作表名称、表头和指标代码，也不要把本说明页移到数据页之前。",
    ),
)


def _wide_notes(rows: Sequence[TemplateRow], titles: list[str]) -> list[tuple[str, str]]:
    """Per column of the wide layout: the indicator's code, unit and what to type."""
    notes = [
        (
            "工作表",
            f"数据分 {len(titles)} 张表（{'、'.join(titles)}），每张表的各列指标针对同一批主体。",
        ),
        ("学校名称/乡镇/项目", "每行一个主体；主体为空的行请填写名称，可增加行。"),
        ("年份", "数据所属年份。不要修改。"),
    ]
    seen: set[str] = set()
    for row in rows:
        if row.per_entity and row.indicator not in seen:
            seen.add(row.indicator)
            hint = FLAG_HINT if row.flag else f"数值（单位：{row.unit}）" if row.unit else "数值"
            notes.append((row.name_zh, f"指标代码 {row.indicator}；{hint}；用于目标 {row.feeds}"))
    omitted = wide_omitted(rows)
    if omitted:
        notes.append(("区级指标", f"宽表不含区级总数指标（{len(omitted)} 项），请另用长表填写。"))
    return notes


def template_bytes(
    plan: Plan, year: int, roster: Roster | None, output_format: str, wide: bool
) -> bytes:
    """The template for ``year`` as file contents (``csv`` or ``xlsx``).

    Raises :class:`~lzplan.errors.UsageError` when a wide CSV would need several tables.
    """
    from .errors import Problem, UsageError

    rows = template_rows(plan, year, roster)
    if output_format == "xlsx":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            message = 'writing Excel files needs openpyxl: pip install "lzplan[xlsx]"'
            raise UsageError([Problem("--format xlsx", message)]) from None
        return render_xlsx(rows, wide)
    if wide and len(wide_groups(rows)) != 1:
        count = len(wide_groups(rows))
        message = (
            f"a wide CSV holds one table, and this plan's per-entity figures need {count} "
            "(schools, towns, items): use --format xlsx, which puts each on its own sheet, "
            "or leave out --wide"
        )
        raise UsageError([Problem("--wide", message)])
    return render_csv(rows, wide)
