"""Result workbooks (``lzplan[xlsx]``): one sheet per view, Chinese headers, numbers as
numbers, the header row frozen with filters on, verdict cells coloured, and text never taken
for a formula. openpyxl is imported only when a workbook is written."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from .template_xlsx import need_openpyxl, put_cell, size_columns

#: Verdict cell colours (Excel's own good / bad / neutral fills).
FILL = {
    "pass": "C6EFCE",
    "fail": "FFC7CE",
    "warn": "FFEB9C",
    "missing": "EDEDED",
    "pending": "DDEBF7",
    # progress (Open SDG's statuses)
    "target_achieved": "C6EFCE",
    "substantial_progress": "C6EFCE",
    "moderate_progress": "FFEB9C",
    "limited_progress": "FFEB9C",
    "deterioration": "FFC7CE",
    "not_available": "EDEDED",
}
Cells = Sequence[str | float | int | None]


def new_book() -> Any:
    """An empty workbook (its first sheet is renamed by the first :func:`add_sheet`)."""
    need_openpyxl()
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    book.active.title = "_"
    book.properties.creator = "lzplan"  # how lzplan knows its own workbook, to replace it
    return book


def add_sheet(
    book: Any,
    title: str,
    header: Sequence[str],
    body: Iterable[Cells],
    status: int = 0,
    coloured: int = 0,
) -> None:
    """A sheet of ``header`` and ``body``; with ``status`` (the 1-based column holding a
    machine status), the ``coloured`` column (default: that one) takes its verdict's colour."""
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]

    sheet = book.active if book.active.title == "_" else book.create_sheet()
    sheet.title = title
    bold = Font(bold=True)
    for column, text in enumerate(header, start=1):
        put_cell(sheet, 1, column, text).font = bold
    last = 1
    for last, cells in enumerate(body, start=2):
        for column, value in enumerate(cells, start=1):
            if value is not None:
                put_cell(sheet, last, column, value)
        if status:
            colour = FILL.get(str(cells[status - 1]), "FFFFFF")
            fill = PatternFill("solid", fgColor=colour)
            sheet.cell(row=last, column=coloured or status).fill = fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(row=max(last, 1), column=len(header)).coordinate}"
    size_columns(sheet)


def book_bytes(book: Any) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
