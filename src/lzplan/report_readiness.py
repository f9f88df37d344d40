"""Readiness for people and programs: a text report (the criteria table, what each failing
school would take, the district's bill, the CVs and who would move them, who is outside
the scope), JSON with every number, and the 问题清单 as CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING

from .display import format_number, symbol
from .i18n import say, zh_detail
from .problemlist import header, problem, rows
from .readiness import PlanReadiness
from .relief import Relief
from .report_csv import neutralise
from .report_json import finite
from .results import Report
from .shortfalls import Need
from .texttable import Cell, Row

if TYPE_CHECKING:
    from .model import Plan
    from .report_table import Block

NEED_COLUMNS = ("col.place", "col.criterion", "col.now", "col.needs", "col.to_add")


def headline(readiness: PlanReadiness, lang: str = "en") -> str:
    """``…: would NOT pass (3 fail · 2 missing · 40 pass)``, ``…：不能通过（未达标 3 · …）``."""
    from .report_table import label

    if readiness.refused:
        verdict = say("readiness.refused", lang)
        parts = say("readiness.errors", lang, count=len(readiness.refused))
        return say(
            "readiness.headline", lang, title=readiness.title_zh, verdict=verdict, parts=parts
        )
    assert readiness.year is not None
    counts = Report(readiness.dataset, readiness.year, readiness.results).counts()
    parts = " · ".join(
        say("summary.part", lang, count=n, status=label(status, lang) if lang == "zh" else status)
        for status, n in counts.items()
        if n
    )
    verdict = say(f"readiness.{readiness.verdict}", lang)
    return say("readiness.headline", lang, title=readiness.title_zh, verdict=verdict, parts=parts)


def render_table(
    assessed: list[PlanReadiness],
    plans: list[Plan],
    width: int,
    terminal: bool,
    lang: str = "en",
    color: bool = True,
) -> str:
    """One report per criteria plan: the criteria, then what failing ones would take."""
    from .report_table import check_block, render_blocks

    blocks: list[Block] = []
    headers = tuple(say(key, lang) for key in NEED_COLUMNS)
    for readiness, plan in zip(assessed, plans, strict=True):
        if readiness.refused:
            lines = [("summary", line) for line in refused_lines(readiness, lang)]
            blocks.append((f"{headline(readiness, lang)} — {readiness.dataset}", (), [], (), lines))
            continue
        assert readiness.year is not None
        report = Report(readiness.dataset, readiness.year, readiness.results)
        title = f"{headline(readiness, lang)} — {readiness.dataset} — {readiness.year}"
        blocks.append(check_block(report, plan, title, lang))
        short = [need for need in readiness.needs if need.value is not None]
        if short or readiness.reliefs or readiness.excluded:
            lines = [("summary", line) for line in after_lines(readiness, lang)]
            cells = [need_cells(need, lang) for need in short]
            blocks.append((say("readiness.take", lang), headers, cells, (), lines))
    return render_blocks(blocks, width, terminal, color)


def refused_lines(readiness: PlanReadiness, lang: str = "en") -> list[str]:
    """The errors that kept a criteria plan from being judged, as ``error: file:row: …``."""
    from .report_problems import render_text

    return render_text(readiness.refused, lang).splitlines()


def need_cells(need: Need, lang: str) -> Row:
    assert need.value is not None  # the table lists shortfalls; blanks are listed below it
    now = format_number(round(need.value, 2))
    needs = f"{symbol(need.op)} {format_number(round(need.raise_to, 2))}"
    if need.raise_to != need.required:
        rising = need.op in (">=", ">")
        share = need.raise_to / need.required if rising else need.required / need.raise_to
        required = format_number(need.required)
        needs += " " + say("readiness.share", lang, share=f"{share:.0%}", required=required)
    gap = format_number(round(abs(need.value - need.raise_to), 2))
    if need.add is not None:
        what: Cell = (f"+{format_number(need.add)} {need.add_unit}", need.add_name_zh)
    else:
        over = need.op in ("<=", "<")
        what = (say("readiness.over" if over else "readiness.short", lang, gap=gap),)
    return Row(((need.entity,), (need.name_zh, need.target), (now,), (needs,), what))


def after_lines(readiness: PlanReadiness, lang: str = "en") -> list[str]:
    """The bill, the data a school still owes, the CVs, and who is outside the scope."""
    lines = []
    if readiness.bill:
        costs = "; ".join(
            f"{cost.name_zh} +{format_number(cost.amount)} {cost.unit}" for cost in readiness.bill
        )
        lines.append(say("readiness.bill", lang, costs=costs))
    lacking: dict[str, list[str]] = {}
    for need in readiness.needs:
        if need.value is None:
            blank = lacking.setdefault(need.entity, [])
            for name in (need.add_name_zh or need.name_zh).split("，"):
                if name not in blank:
                    blank.append(name)
    if lacking:
        owed = "; ".join(f"{school}: {'，'.join(names)}" for school, names in lacking.items())
        lines.append(say("readiness.blank", lang, owed=owed))
    lines.extend(_relief_line(eased, lang) for eased in readiness.reliefs)
    lines.extend(
        say("readiness.excluded", lang, entity=entity, why=zh_detail(why) if lang == "zh" else why)
        for entity, why in readiness.excluded
    )
    return lines


def _relief_line(eased: Relief, lang: str = "en") -> str:
    def number(value: float, digits: int = 4) -> str:
        return format_number(round(value, digits))

    text = say(
        "relief.cv", lang, target=eased.target, cv=number(eased.cv), limit=number(eased.limit)
    )
    if eased.requirement is not None and eased.raised:
        raised = say(
            "relief.raised",
            lang,
            count=len(eased.raised),
            requirement=number(eased.requirement),
            after=number(eased.cv_after),
        )
        text += ("；" if lang == "zh" else "; ") + raised
    moves = ("、" if lang == "zh" else ", ").join(
        say("relief.move", lang, entity=m.entity, value=number(m.value, 2), cv=number(m.cv_after))
        for m in eased.moves
    )
    if not moves:
        return text
    return text + ("；" if lang == "zh" else "; ") + say("relief.moves", lang, moves=moves)


def render_json(assessed: list[PlanReadiness]) -> str:
    """Every number behind every verdict: results, shortfalls, bill, CVs, exclusions. Each
    plan's fields a line, and each of its results, needs, costs and reliefs a line: as
    readable in a diff as an indented file, and written by json's C encoder (an indent
    makes it fall back to Python's own, which took a province's report a third of a second)."""
    plans = []
    for readiness in assessed:
        lines = []
        for key, value in _fields(readiness).items():
            if isinstance(value, tuple) and value:
                items = ",\n      ".join(map(_encode, value))
                lines.append(f"    {_encode(key)}: [\n      {items}\n    ]")
            else:
                lines.append(f"    {_encode(key)}: {_encode(value)}")
        plans.append("  {\n" + ",\n".join(lines) + "\n  }")
    return "[\n" + ",\n".join(plans) + "\n]" if plans else "[]"


def _fields(value: object) -> dict[str, object]:
    """A result's fields by name, as json writes them (its verdict, and a need's problem,
    beside them); nested results are written the same way, as json meets them."""
    if not is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"{type(value).__name__} is not written as JSON")
    found = {field.name: getattr(value, field.name) for field in fields(value)}
    if isinstance(value, PlanReadiness):
        return {"verdict": value.verdict, **found}
    if isinstance(value, Need):
        found["problem"] = _PROBLEM_EN[problem(value)]
    return found


def _encode(value: object) -> str:
    try:
        return _STRICT.encode(value)
    except ValueError:  # JSON has no infinity or NaN: such numbers become null
        return _STRICT.encode(finite(json.loads(_LOOSE.encode(value))))


_STRICT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_fields)
_LOOSE = json.JSONEncoder(ensure_ascii=False, default=_fields)
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
    writer.writerow(header(assessed))
    for row in rows(assessed):
        writer.writerow([_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8", "backslashreplace")
