"""Check results as CSV for Excel: UTF-8 with a BOM, and no cell Excel would run as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .display import safe
from .results import Report

if TYPE_CHECKING:
    from .progress import Progress, ProgressReport

COLUMNS = (
    "dataset", "year", "section", "target", "name_zh", "name_en", "nature", "kind",
    "status", "op", "expected", "actual", "unit", "gap", "detail", "misses", "flags", "label",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that Excel would read as a formula gets a leading apostrophe; numbers stay numbers.

    Control characters in text are written as ``\\x1b``: a result file is no place for
    terminal escapes. Numbers are written by us, as numbers, and are never touched.
    """
    if not isinstance(value, str):
        return value
    value = safe(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv_bytes(reports: list[Report], lang: str = "en") -> bytes:
    """:func:`render_csv` encoded as UTF-8 with its BOM, whatever the console's encoding.

    Write these bytes to ``sys.stdout.buffer`` or a file: a GBK console cannot encode the
    BOM (or much else), and Excel needs the BOM to read the file as UTF-8.
    """
    # a file name that is not valid UTF-8 reaches us with lone surrogates: shown, not fatal
    return render_csv(reports, lang).encode("utf-8", "backslashreplace")


def render_csv(reports: list[Report], lang: str = "en") -> str:
    """One row per dataset, year and target, in :data:`COLUMNS` order, after a BOM; the
    ``label`` is the status as people read it, in ``lang``."""
    from .i18n import say

    rows = (
        (
            report.dataset,
            result.year,
            result.section,
            result.target,
            result.name_zh,
            result.name_en,
            result.nature,
            result.kind,
            result.status,
            result.op,
            result.expected,
            result.actual,
            result.unit,
            result.gap,
            result.detail,
            "; ".join(result.misses),
            "; ".join(result.flags),
            say(f"status.{result.status}", lang),
        )
        for report in reports
        for result in report.results
    )
    return table_text(COLUMNS, rows)


def table_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV table for Excel: a BOM, CRLF line ends, formula-like text neutralised."""
    out = io.StringIO()
    out.write("\ufeff")  # Excel on Chinese Windows reads UTF-8 only with a BOM
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return out.getvalue()


_NUMBERS = (
    "base_year", "base_value", "current_year", "current_value", "target_year", "target_value",
    "observed", "required", "ratio",
)  # fmt: skip
PROGRESS_COLUMNS = (
    "dataset", "now", "section", "target", "name_zh", "nature", "kind", "deadline", "status",
    "label_zh", "label", "method", *_NUMBERS, "required_per_year", "projected", "final", "gap",
    "broken",
)  # fmt: skip


def render_progress_bytes(reports: list[ProgressReport], lang: str = "en") -> bytes:
    """One row per dataset and target, UTF-8 with a BOM, formula-like text neutralised: the
    status (and its ``label`` in ``lang``) and the numbers behind it, the pace still
    required, the outcome, and each year's figure and verdict (the matrix, for Excel)."""
    from .progress_measure import LABELS_ZH

    years = sorted({c.year for report in reports for p in report.results for c in p.years})
    columns = (*PROGRESS_COLUMNS, *(f"{kind} {year}" for year in years for kind in _BY_YEAR))
    rows = (
        (
            report.dataset,
            report.now,
            p.target.section,
            p.target.id,
            p.target.name_zh,
            p.target.nature,
            p.target.rule.kind,
            p.target.deadline,
            p.status,
            LABELS_ZH[p.status],
            LABELS_ZH[p.status] if lang == "zh" else p.status,
            p.method,
            *(p.numbers.get(key) for key in _NUMBERS),
            p.pace.get("required_per_year"),
            p.pace.get("projected"),
            p.final,
            p.gap,
            "; ".join((*p.broken, *p.behind)),
            *_by_year(p, years),
        )
        for report in reports
        for p in report.results
    )
    return table_text(columns, rows).encode("utf-8", "backslashreplace")


_BY_YEAR = ("value", "verdict")


def _by_year(progress: Progress, years: list[int]) -> list[object]:
    cells = {cell.year: cell for cell in progress.years}
    found: list[object] = []
    for year in years:
        cell = cells.get(year)
        value = cell.counted or cell.actual if cell is not None and cell.data else None
        found += [value, cell.status if cell is not None else None]
    return found
