"""Readiness for people and programs: a text report (the criteria table, what each failing
school would take, the district's bill, the CVs and who would move them, who is outside
the scope), JSON with every number, and the 问题清单 as CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from .display import format_number, symbol
from .problemlist import HEADER, problem, rows
from .readiness import PlanReadiness
from .relief import Relief
from .report_csv import neutralise
from .report_json import finite
from .results import Report
from .shortfalls import Need
from .texttable import Row

if TYPE_CHECKING:
    from .model import Plan
    from .report_table import Block

_VERDICT = {
    "pass": "would pass",
    "fail": "would NOT pass",
    "missing": "cannot tell: data missing",
}
_NEED_HEADERS = ("School or place", "Criterion", "Now", "Needs", "To add")


def headline(readiness: PlanReadiness) -> str:
    """``…: would NOT pass (3 fail · 2 missing · 40 pass)``."""
    counts = Report(readiness.dataset, readiness.year, readiness.results).counts()
    parts = " · ".join(f"{n} {status}" for status, n in counts.items() if n)
    return f"{readiness.title_zh}: {_VERDICT[readiness.verdict]} ({parts})"


def render_table(
    assessed: list[PlanReadiness], plans: list[Plan], width: int, terminal: bool
) -> str:
    """One report per criteria plan: the criteria, then what failing ones would take."""
    from .report_table import check_block, render_blocks

    blocks: list[Block] = []
    for readiness, plan in zip(assessed, plans, strict=True):
        report = Report(readiness.dataset, readiness.year, readiness.results)
        title = f"{headline(readiness)} — {readiness.dataset} — {readiness.year}"
        blocks.append(check_block(report, plan, title))
        short = [need for need in readiness.needs if need.value is not None]
        if short or readiness.reliefs or readiness.excluded:
            lines = [("summary", line) for line in _after(readiness)]
            cells = [_need_cells(need) for need in short]
            blocks.append(("What it would take, school by school", _NEED_HEADERS, cells, (), lines))
    return render_blocks(blocks, width, terminal)


def _need_cells(need: Need) -> Row:
    assert need.value is not None  # the table lists shortfalls; blanks are listed below it
    now = format_number(round(need.value, 2))
    needs = f"{symbol(need.op)} {format_number(round(need.raise_to, 2))}"
    if need.raise_to != need.required:
        share = (
            need.raise_to / need.required
            if need.op in (">=", ">")
            else (need.required / need.raise_to)
        )
        needs += f" ({share:.0%} of {format_number(need.required)})"
    add = "" if need.add is None else f"+{format_number(need.add)} {need.add_unit}"
    gap = format_number(round(abs(need.value - need.raise_to), 2))
    over = need.op in ("<=", "<")
    what = (
        (add, need.add_name_zh)
        if add
        else (f"over the limit by {gap}" if over else f"short by {gap}",)
    )
    return Row(((need.entity,), (need.name_zh, need.target), (now,), (needs,), what))


def _after(readiness: PlanReadiness) -> list[str]:
    """The bill, the data a school still owes, the CVs, and who is outside the scope."""
    lines = []
    if readiness.bill:
        costs = "; ".join(
            f"{cost.name_zh} +{format_number(cost.amount)} {cost.unit}" for cost in readiness.bill
        )
        lines.append(f"In all, to add: {costs}")
    lacking: dict[str, list[str]] = {}
    for need in readiness.needs:
        if need.value is None:
            blank = lacking.setdefault(need.entity, [])
            for name in (need.add_name_zh or need.name_zh).split("，"):
                if name not in blank:
                    blank.append(name)
    if lacking:
        owed = "; ".join(f"{school}: {'、'.join(names)}" for school, names in lacking.items())
        lines.append(f"Left blank, so not judged (to fill in): {owed}")
    for eased in readiness.reliefs:
        lines.append(_relief_line(eased))
    for entity, why in readiness.excluded:
        lines.append(f"Excluded: {entity} — {why}")
    return lines


def _relief_line(eased: Relief) -> str:
    cv = f"{eased.target}: CV {format_number(round(eased.cv, 4))} > {format_number(eased.limit)}"
    if eased.requirement is not None and eased.raised:
        cv += (
            f"; with the {len(eased.raised)} school(s) below "
            f"{format_number(eased.requirement)} raised to it: "
            f"{format_number(round(eased.cv_after, 4))}"
        )
    moves = ", ".join(
        f"{move.entity} ({format_number(round(move.value, 2))} → mean: CV "
        f"{format_number(round(move.cv_after, 4))})"
        for move in eased.moves
    )
    return f"{cv}; then moving most: {moves}" if moves else cv


def render_json(assessed: list[PlanReadiness]) -> str:
    """Every number behind every verdict: results, shortfalls, bill, CVs, exclusions."""
    data = [{"verdict": readiness.verdict, **asdict(readiness)} for readiness in assessed]
    for item, readiness in zip(data, assessed, strict=True):
        for need, raw in zip(item["needs"], readiness.needs, strict=True):
            need["problem"] = _PROBLEM_EN[problem(raw)]
    return json.dumps(finite(data), ensure_ascii=False, indent=2)


_PROBLEM_EN = {"缺数据": "no_data", "超出限额": "over_limit", "未达标": "below_requirement"}


def _cell(value: object) -> object:
    """A number as Excel should read it (2000, 0.604230: six decimals at most, no
    thousands commas); text made safe from being run as a formula."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value).replace(",", "")
    return neutralise(value)


def render_csv_bytes(assessed: list[PlanReadiness]) -> bytes:
    """The 问题清单 as CSV: UTF-8 with a BOM for Excel, no cell Excel would run."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(assessed):
        writer.writerow([_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8", "backslashreplace")
