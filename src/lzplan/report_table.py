"""Tables for people: check verdicts and the plan's targets, rendered to text.

The cells are built once; on a terminal rich draws them in colour (``rich=True``),
elsewhere :mod:`lzplan.texttable` draws the same box without rich's start-up cost.
Text from data files is never read as markup or sent as terminal escapes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from . import texttable
from .describe import describe, symbol
from .display import figure, format_number, safe
from .i18n import CATALOGUE, LANGS, say, zh_detail, zh_words
from .model import Plan, Target
from .results import STATUSES, Report, Result
from .texttable import Cell, Dotted, Row

_STYLE = {
    "pass": "green",
    "fail": "bold red",
    "warn": "yellow",
    "missing": "dim",
    "pending": "cyan",
}
_VERDICT_STYLE = {
    say(f"status.{status}", lang): style for status, style in _STYLE.items() for lang in LANGS
}
_STYLE["flag"] = "magenta"  # a note on a figure, never a verdict
_STYLE["note"] = "dim"
_CHECK_COLUMNS = ("col.target", "col.expected", "col.actual", "col.verdict", "col.gap")
_TARGET_COLUMNS = ("col.target", "col.rule", "col.nature")
#: Headers of the columns rich styles, in every language.
_TARGET_HEADERS = frozenset(say("col.target", lang) for lang in LANGS)
_VERDICT_HEADERS = frozenset(say("col.verdict", lang) for lang in LANGS)


def _headers(keys: Sequence[str], lang: str) -> tuple[str, ...]:
    return tuple(say(key, lang) for key in keys)


def label(status: str, lang: str = "en") -> str:
    """A verdict as people read it: ``FAIL``, ``未达标``."""
    return say(f"status.{status}", lang)


# title, headers, rows, right-justified columns, (status, text) lines below the table
_Block = tuple[str, Sequence[str], list[Row], Sequence[bool], list[tuple[str, str]]]


def _value(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    suffix = f" {unit}" if unit and unit != "%" else unit
    return format_number(value) + suffix


def _expected(result: Result, lang: str = "en") -> str:
    text = _value(result.expected, result.unit if result.expected is not None else "")
    text = zh_words(text) if lang == "zh" and isinstance(result.expected, str) else text
    return f"{symbol(result.op)} {text}" if result.op else text


def _actual(result: Result, lang: str) -> str:
    if isinstance(result.actual, float) and not math.isfinite(result.actual):
        return "—"  # undefined (a CV over a mean of 0), not infinite
    if isinstance(result.actual, (int, float)) and not isinstance(result.actual, bool):
        bound = result.expected if isinstance(result.expected, (int, float)) else None
        shown = figure(float(result.actual), result.op, bound)
        return shown + (f" {result.unit}" if result.unit and result.unit != "%" else result.unit)
    text = _value(result.actual, result.unit)
    return zh_words(text) if lang == "zh" and isinstance(result.actual, str) else text


def _gap(result: Result) -> str:
    """The gap, to as many decimals as the actual and expected beside it show (92% against
    ≥ 85%: +7, not +7.001; 1.2 against 1.37: -0.17), never rounded to 0 when it is not."""
    gap, actual, expected = result.gap, result.actual, result.expected
    if gap is None or not math.isfinite(gap):
        return ""
    shown = figure(gap, "==", 0.0)
    if isinstance(actual, float) and isinstance(expected, (int, float)) and math.isfinite(actual):
        beside = (figure(actual, result.op, expected), format_number(expected))
        decimals = max(len(text.partition(".")[2]) for text in beside)
        rounded = round(gap, decimals)
        shown = format_number(rounded) if rounded != 0 and decimals < 6 else shown
    return ("+" if gap > 0 else "") + shown


def _section_title(plan: Plan, section_id: str, lang: str = "en") -> str:
    section = plan.section(section_id)
    if section is None:
        return section_id
    return section.name_zh if lang == "zh" else f"{section.name_zh} · {section.name_en}"


def _sections(plan: Plan, ids: Sequence[str]) -> list[str]:
    order = {section.id: index for index, section in enumerate(plan.sections)}
    return sorted(dict.fromkeys(ids), key=lambda key: order.get(key, len(order)))


def _grouped_rows(
    plan: Plan, items: Sequence[Any], cells: Any, width: int, lang: str = "en"
) -> list[Row]:
    rows: list[Row] = []
    for section in _sections(plan, [item.section for item in items]):
        members = [item for item in items if item.section == section]
        rows.append(Row(((_section_title(plan, section, lang),),) + ((),) * (width - 1)))
        rows.extend(
            Row(cells(item), end_section=index == len(members) - 1)
            for index, item in enumerate(members)
        )
    return rows


def named(name_zh: str, target_id: str, confidence: str, lang: str = "en") -> Cell:
    """A target's name cell: Chinese name, id, and a mark when its criterion is unverified."""
    unverified = (say("unverified", lang),) if confidence == "unverified" else ()
    return (name_zh, Dotted(target_id), *unverified)


def _check_cells(lang: str) -> Any:
    def cells(result: Result) -> tuple[Cell, ...]:
        return (
            named(result.name_zh, result.target, result.confidence, lang),
            (_expected(result, lang),),
            (_actual(result, lang),),
            (label(result.status, lang),),
            (_gap(result),),
        )

    return cells


def _target_cells(lang: str) -> Any:
    def cells(target: Target) -> tuple[Cell, ...]:
        name = named(target.name_zh, target.id, target.source.confidence, lang)
        rule = describe(target)
        rule = zh_words(rule) if lang == "zh" else rule
        return (name, (rule,), (say(f"nature.{target.nature}", lang),))

    return cells


def summary(report: Report, lang: str = "en") -> str:
    """``2023: 3 pass · 1 fail · … (40 targets)``, ``2023年：达标 3 · 未达标 1（共 40 项）``."""
    counts = report.counts()
    parts = " · ".join(
        say("summary.part", lang, count=counts[status], status=_word(status, lang))
        for status in STATUSES
        if counts[status]
    )
    parts = parts or say("summary.none", lang)
    return say("summary", lang, year=report.year, parts=parts, count=len(report.results))


def _word(status: str, lang: str) -> str:
    """A status in a count (``3 fail``): the English word as machines write it."""
    return label(status, lang) if lang == "zh" else status


def notes(report: Report, plan: Plan | None = None, lang: str = "en") -> list[tuple[str, str]]:
    """(status, text) for what failed or warned or is behind before its deadline, one line
    naming the data that is missing (with Chinese names, given the ``plan``), and a
    ``flag`` line for each figure that moved surprisingly (never a verdict)."""
    found: list[tuple[str, str]] = []
    absent: dict[str, None] = {}
    for result in report.results:
        if result.status == "missing" and not result.misses:
            absent.update(dict.fromkeys(result.lacking))
            continue
        if result.status == "pass" or (result.status == "pending" and not result.misses):
            continue
        parts = [result.detail, *result.misses]
        if lang == "zh":
            parts = [zh_detail(part) for part in parts]
        zh = lang == "zh"
        text = f"{result.target}{'：' if zh else ': '}{parts[0]}"
        if result.misses:
            text += ("；" if zh else "; ") + ("、" if zh else ", ").join(parts[1:])
        found.append((result.status, text))
    if absent:
        names = ", ".join(_with_name(item, plan) for item in absent)
        found.append(("missing", say("no_data", lang, count=len(absent), names=names)))
    found.extend(
        ("flag", f"{r.target}: {zh_detail(flag) if lang == 'zh' else flag}")
        for r in report.results
        for flag in r.flags
    )
    found.extend(
        ("note", f"{r.target}: {zh_detail(note) if lang == 'zh' else note}")
        for r in report.results
        for note in r.notes
    )
    return found


def _with_name(lacking: str, plan: Plan | None) -> str:
    """``kindergarten_enrolment (幼儿在园人数)``: an indicator id with its Chinese name."""
    indicator = plan.indicator_map.get(lacking.split(" ")[0]) if plan else None
    return f"{lacking} ({indicator.name_zh})" if indicator else lacking


def render_check(
    reports: list[Report],
    plan: Plan,
    width: int = 100,
    rich: bool = False,
    color: bool = True,
    lang: str = "en",
) -> str:
    """A table per report, the notes on what did not pass, and a summary line each.

    ``rich`` draws with rich (for terminals), in colour unless ``color`` is off; ``lang``
    the words (``zh`` or ``en``).
    """
    blocks = [check_block(r, plan, f"{r.dataset} — {r.year}", lang) for r in reports]
    return _rich(blocks, width, color) if rich else _plain(blocks, width)


def render_targets(
    targets: list[Target],
    plan: Plan,
    width: int = 100,
    rich: bool = False,
    color: bool = True,
    lang: str = "en",
) -> str:
    """The plan's targets, grouped by section (``rich``, ``color``: as for checks)."""
    rows = _grouped_rows(plan, targets, _target_cells(lang), len(_TARGET_COLUMNS), lang)
    block: _Block = (
        plan.title_zh,
        _headers(_TARGET_COLUMNS, lang),
        rows,
        (),
        [("summary", say("targets.count", lang, count=len(targets)))],
    )
    return _rich([block], width, color) if rich else _plain([block], width)


_INDICATOR_COLUMNS = ("col.indicator", "col.unit", "col.also")


def _per(kind: str | None) -> str:
    """The catalogue's key for ``per school`` … (a plan's own kind: ``per entity``)."""
    key = f"per.{kind}"
    return key if key in CATALOGUE else "per.entity"


def render_indicators(
    plan: Plan, width: int = 100, rich: bool = False, color: bool = True, lang: str = "en"
) -> str:
    """Every indicator a data file may give: its Chinese name and id, the unit (per school,
    town or item, or yes/no), and the other names accepted (``--format json`` adds the
    targets each feeds)."""
    rows = [
        Row(
            (
                (indicator.name_zh, Dotted(indicator.id)),
                (
                    say("unit.flag", lang) if indicator.type == "flag" else indicator.unit,
                    *([say(_per(indicator.entity_kind), lang)] if indicator.per_entity else []),
                    *([f"= {indicator.derived.text()}"] if indicator.derived else []),
                ),
                ("、".join(indicator.aliases),),
            )
        )
        for indicator in plan.indicators
    ]
    used = {
        given
        for target in plan.targets
        for name in target.indicators
        for given in (name, *plan.given_as(name))
    }
    fed = sum(1 for indicator in plan.indicators if indicator.id in used)
    lines = [("summary", say("indicators.count", lang, count=len(plan.indicators), used=fed))]
    block: _Block = (plan.title_zh, _headers(_INDICATOR_COLUMNS, lang), rows, (), lines)
    return _rich([block], width, color) if rich else _plain([block], width)


Block = _Block


def grouped_rows(
    plan: Plan, items: Sequence[Any], cells: Any, width: int, lang: str = "en"
) -> list[Row]:
    """Rows of ``cells(item)`` under a title row for each of the plan's sections, in order."""
    return _grouped_rows(plan, items, cells, width, lang)


def check_block(report: Report, plan: Plan, title: str, lang: str = "en") -> Block:
    """The check table of one report under ``title``, with its notes and summary below."""
    rows = _grouped_rows(plan, report.results, _check_cells(lang), len(_CHECK_COLUMNS), lang)
    lines = [(s, f"{label(s, lang)} {text}") for s, text in notes(report, plan, lang)]
    lines.append(("summary", summary(report, lang)))
    headers = _headers(_CHECK_COLUMNS, lang)
    return (title, headers, rows, (False, False, False, False, True), lines)


def check_rows_text(
    report: Report, plan: Plan, lang: str = "en"
) -> tuple[list[str], list[list[str]]]:
    """The check table's headers and rows as text (a cell's paragraphs on separate lines),
    for formats that draw their own tables (Markdown)."""
    rows = _grouped_rows(plan, report.results, _check_cells(lang), len(_CHECK_COLUMNS), lang)
    return list(_headers(_CHECK_COLUMNS, lang)), [
        ["\n".join(str(part) for part in cell) for cell in row.cells] for row in rows
    ]


def render_blocks(blocks: list[Block], width: int, rich: bool, color: bool = True) -> str:
    """Tables with their lines below, drawn by rich (terminals) or plainly (pipes, files)."""
    return _rich(blocks, width, color) if rich else _plain(blocks, width)


def _plain(blocks: list[_Block], width: int) -> str:
    out = []
    for title, headers, rows, right, lines in blocks:
        if headers:
            out.append(texttable.render(title, headers, rows, width, right))
        else:  # a block of lines alone (criteria not judged) draws no empty table
            out.extend(f"{line}\n" for line in texttable.hang(safe(title), width))
        out.extend(f"{line}\n" for _, text in lines for line in texttable.hang(safe(text), width))
        out.append("\n")
    return "".join(out)


def _rich(blocks: list[_Block], width: int, color: bool) -> str:
    """The same tables drawn by rich, in colour where the terminal has it.

    The layout is texttable's (column widths, wrapped lines): rich only draws, so both
    renderers show the same cells and rich never folds an id mid-word.
    """
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    tables = [_rich_table(headers, rows, right, width) for _, headers, rows, right, _ in blocks]
    console = Console(
        file=StringIO(),
        # a table whose id parts alone are too wide is drawn whole, not folded by rich
        width=max([width] + [table.width or 0 for table in tables]),
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
        color_system="auto" if color else None,
        no_color=not color,  # rich would read NO_COLOR itself, over --color always
    )
    for (title, headers, _, _, lines), table in zip(blocks, tables, strict=True):
        for line in texttable.hang(safe(title), width):
            console.print(Text(line, style="table.title"))
        if headers:  # a block of lines alone (criteria not judged) draws no empty table
            console.print(table)
        for status, text in lines:
            for line in texttable.hang(safe(text), width):
                console.print(Text(line, style=_STYLE.get(status, "bold")))
        console.print()
    return str(console.file.getvalue())  # type: ignore[attr-defined]


def _rich_table(headers: Sequence[str], rows: list[Row], right: Sequence[bool], width: int) -> Any:
    """A rich table with texttable's column widths; its ``width`` is the whole table's."""
    from rich.table import Table

    rows = texttable.clean(rows)
    sizes = texttable.fit(headers, rows, width)
    table = Table(width=sum(sizes) + 3 * len(sizes) + 1)
    for index, (header, size) in enumerate(zip(headers, sizes, strict=True)):
        flush = index < len(right) and right[index]
        table.add_column(
            texttable.heading(header, size), width=size, justify="right" if flush else "left"
        )
    for row in rows:
        cells = [_rich_cell(cell, headers[i], sizes[i]) for i, cell in enumerate(row.cells)]
        table.add_row(*cells, end_section=row.end_section)
    return table


def _rich_cell(cell: Cell, header: str, width: int) -> Any:
    """A cell's wrapped lines; the id under a target's name dim, verdicts in colour."""
    from rich.text import Text

    lines = []
    for number, paragraph in enumerate(cell):
        style = (
            "dim" if number else ("bold" if header in _TARGET_HEADERS and len(cell) == 1 else "")
        )
        if header in _VERDICT_HEADERS:
            style = _VERDICT_STYLE.get(paragraph, "")
        lines += [(line, style) for line in texttable.wrap(paragraph, width)]
    text = Text()
    for number, (line, style) in enumerate(lines):
        text.append(("\n" if number else "") + line, style=style)
    return text
