"""Rich tables, rendered to text. Text from data files is never read as markup."""

from __future__ import annotations

from collections.abc import Iterable
from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .actuals import format_number
from .describe import describe, symbol
from .model import Plan, Target
from .results import STATUSES, Report, Result

_STYLE = {
    "pass": "green",
    "fail": "bold red",
    "warn": "yellow",
    "missing": "dim",
    "pending": "cyan",
}
_LABEL = {"pass": "pass", "fail": "FAIL", "warn": "warn", "missing": "missing", "pending": "pending"}


def _console(width: int, color: bool) -> Console:
    return Console(
        file=StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def _render(parts: Iterable[object], width: int, color: bool) -> str:
    console = _console(width, color)
    for part in parts:
        console.print(part)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return str(output)


def _section_title(plan: Plan, section_id: str) -> Text:
    section = plan.section(section_id)
    title = f"{section.name_zh} · {section.name_en}" if section else section_id
    return Text(title, style="bold")


def _grouped(plan: Plan, items: list[Result]) -> list[tuple[str, list[Result]]]:
    order = {section.id: index for index, section in enumerate(plan.sections)}
    groups: dict[str, list[Result]] = {}
    for item in items:
        groups.setdefault(item.section, []).append(item)
    return sorted(groups.items(), key=lambda pair: order.get(pair[0], len(order)))


def _value(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    suffix = f" {unit}" if unit and unit != "%" else unit
    return format_number(value) + suffix


def _expected(result: Result) -> Text:
    text = _value(result.expected, result.unit if result.expected is not None else "")
    op = symbol(result.op) if result.op else None
    return Text(f"{op} {text}" if op else text)


def _gap(result: Result) -> Text:
    if result.gap is None:
        return Text("")
    sign = "+" if result.gap > 0 else ""
    return Text(sign + format_number(result.gap))


def summary(report: Report) -> str:
    """``2023: 3 pass · 1 fail · … (40 targets)``."""
    counts = report.counts()
    parts = " · ".join(f"{counts[status]} {status}" for status in STATUSES if counts[status])
    return f"{report.year}: {parts or 'nothing judged'} ({len(report.results)} targets)"


def check_table(report: Report, plan: Plan) -> Table:
    """One table of verdicts for one file and year, grouped by section."""
    table = Table(title=Text(f"{report.file} — {report.year}"), title_justify="left")
    table.add_column("Target")
    table.add_column("Expected")
    table.add_column("Actual")
    table.add_column("Verdict")
    table.add_column("Gap", justify="right")
    for section, results in _grouped(plan, list(report.results)):
        table.add_row(_section_title(plan, section))
        for index, result in enumerate(results):
            name = Text(result.name_zh)
            name.append(f"\n{result.target}", style="dim")
            table.add_row(
                name,
                _expected(result),
                Text(_value(result.actual, result.unit)),
                Text(_LABEL[result.status], style=_STYLE[result.status]),
                _gap(result),
                end_section=index == len(results) - 1,
            )
    return table


def _notes(report: Report) -> list[Text]:
    notes = []
    for result in report.results:
        if result.status in ("pass", "pending"):
            continue
        line = Text(f"{_LABEL[result.status]} ", style=_STYLE[result.status])
        line.append(f"{result.target}: {result.detail}")
        if result.misses:
            line.append("; " + ", ".join(result.misses))
        notes.append(line)
    return notes


def render_check(reports: list[Report], plan: Plan, width: int = 100, color: bool = False) -> str:
    """Tables, notes and a summary line for every report."""
    parts: list[object] = []
    for report in reports:
        parts.append(check_table(report, plan))
        parts.extend(_notes(report))
        parts.append(Text(summary(report), style="bold"))
        parts.append(Text(""))
    return _render(parts, width, color)


def render_targets(targets: list[Target], plan: Plan, width: int = 100, color: bool = False) -> str:
    """The plan's targets, grouped by section."""
    table = Table(title=Text(plan.title_zh), title_justify="left")
    table.add_column("Target")
    table.add_column("Rule")
    table.add_column("Nature")
    groups: dict[str, list[Target]] = {}
    for target in targets:
        groups.setdefault(target.section, []).append(target)
    for section in plan.sections:
        members = groups.get(section.id, [])
        if not members:
            continue
        table.add_row(_section_title(plan, section.id))
        for index, target in enumerate(members):
            name = Text(target.name_zh)
            name.append(f"\n{target.id}", style="dim")
            table.add_row(
                name, Text(describe(target)), Text(target.nature),
                end_section=index == len(members) - 1,
            )
    return _render([table, Text(f"{len(targets)} targets")], width, color)
