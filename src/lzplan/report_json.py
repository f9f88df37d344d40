"""Machine-readable output: JSON text for check results and for the plan's targets."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from .model import Plan, Target
from .results import STATUSES, Report, Result

if TYPE_CHECKING:
    from .progress import ProgressReport


def finite(value: Any) -> Any:
    """JSON has no infinity or NaN: such numbers become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(item) for item in value]
    return value


def json_list(rows: list[Any]) -> str:
    """A JSON array with one object a line: as readable in a pull request's diff as an
    indented one, and written by json's C encoder (an indent makes it fall back to Python's
    own, five times slower on 2,800 counties' results)."""
    return json_list_bytes(rows).decode().removesuffix("\n")


def json_list_bytes(rows: Iterable[Any]) -> bytes:
    """:func:`json_list` as UTF-8 with its final newline, each row encoded as it is made."""
    return b"".join(json_list_chunks(rows))


def json_list_chunks(rows: Iterable[Any]) -> Iterator[bytes]:
    """:func:`json_list_bytes` a row at a time, to be written as it is made: 2,800
    counties' results are half a gigabyte of JSON, never held whole."""
    first = True
    encode = _ENCODER.encode  # one encoder for every row: json.dumps would make one a row
    for row in rows:
        yield (b"[\n" if first else b",\n") + encode(row).encode()
        first = False
    yield b"[]\n" if first else b"\n]\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def render_check(reports: list[Report], lang: str = "en") -> bytes:
    """A JSON list with one object per target, dataset and year (schemas/v1/check); the
    ``label`` is the status as people read it, in ``lang``."""
    return b"".join(stream_check(reports, lang))


def stream_check(reports: Iterable[Report], lang: str = "en") -> Iterator[bytes]:
    """:func:`render_check` as it is made, a report at a time (``--each`` over a province)."""
    from .i18n import say

    labels: dict[str, str] = {status: say(f"status.{status}", lang) for status in STATUSES}
    return json_list_chunks(
        _result_row(report.dataset, result, labels)
        for report in reports
        for result in report.results
    )


def _result_row(dataset: str, result: Result, labels: dict[str, str]) -> dict[str, Any]:
    """``asdict`` without its deep copy (2,800 counties' results are half a million): the
    fields are text, tuples of text and numbers, and only the numbers need :func:`finite`."""
    row: dict[str, Any] = {"dataset": dataset}
    row.update(zip(_RESULT_FIELDS, _result_values(result), strict=True))
    for name in ("expected", "actual", "gap"):
        value = row[name]
        if value.__class__ is float and not math.isfinite(value):
            row[name] = None
    row["numbers"] = {
        name: None if value is not None and not math.isfinite(value) else value
        for name, value in result.numbers.items()
    }
    row["label"] = labels[result.status]
    return row


_RESULT_FIELDS = tuple(field.name for field in fields(Result))
_result_values = attrgetter(*_RESULT_FIELDS)


def render_targets(targets: list[Target]) -> str:
    """A JSON list of targets with every field and the indicators each needs."""
    rows = [{**asdict(target), "indicators": list(target.indicators)} for target in targets]
    return json_list(finite(rows))


def render_indicators(plan: Plan) -> str:
    """A JSON list of indicators with every field and ``used_by``, the targets each feeds."""
    used: dict[str, list[str]] = {}
    for target in plan.targets:
        for indicator in target.indicators:
            used.setdefault(indicator, []).append(target.id)
    rows = [{**asdict(i), "used_by": used.get(i.id, [])} for i in plan.indicators]
    return json_list(finite(rows))


def render_progress(reports: list[ProgressReport], lang: str = "en") -> bytes:
    """A JSON list with one object per dataset and target: the status, every number behind
    it, each year's figure and verdict, the pace still required and the final outcome."""
    return b"".join(stream_progress(reports, lang))


def stream_progress(reports: Iterable[ProgressReport], lang: str = "en") -> Iterator[bytes]:
    """:func:`render_progress` as it is made, a dataset at a time."""
    from .progress import VERDICT_RULES
    from .progress_measure import LABELS_ZH

    rows = (
        finite(
            {
                "dataset": report.dataset,
                "now": report.now,
                "target": p.target.id,
                "section": p.target.section,
                "name_zh": p.target.name_zh,
                "name_en": p.target.name_en,
                "kind": p.target.rule.kind,
                "nature": p.target.nature,
                "direction": p.target.direction,
                "deadline": p.target.deadline,
                "status": p.status,
                "label_zh": LABELS_ZH[p.status],
                "label": LABELS_ZH[p.status] if lang == "zh" else p.status,
                "method": p.method,
                "rule_for_status": VERDICT_RULES.get(
                    p.target.rule.kind, "Open SDG progress measure"
                ),
                "numbers": p.numbers,
                "years": [asdict(cell) for cell in p.years],
                "broken": list(p.broken),
                "behind": list(p.behind),
                "pace": p.pace,
                "final": p.final or None,
                "gap": p.gap,
                "notes": list(p.notes),
            }
        )
        for report in reports
        for p in report.results
    )
    return json_list_chunks(rows)
