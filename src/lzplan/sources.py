"""Getting a data file's cells: CSV in any encoding Excel writes, Excel workbooks, stdin.

The result is a :class:`Sheet` of text cells with the row numbers a spreadsheet
would show; reading values out of the cells is :mod:`lzplan.actuals`' job.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DataError, Problem

#: Data files are small tables; anything larger is a mistake, refused before it is read.
MAX_BYTES = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


@dataclass(frozen=True)
class Sheet:
    """A table of text cells; ``rows`` pairs each row with its 1-based number.

    For CSV, ``rows`` is read as it is iterated, and may raise :class:`DataError`.
    """

    name: str
    header: list[str]
    rows: Iterable[tuple[int, list[str]]]


@dataclass(frozen=True)
class Source:
    """Where a data file comes from: its name as shown in messages, and its bytes."""

    name: str
    data: bytes
    suffix: str = ""


def read_source(path: Path) -> Source:
    """The bytes of ``path``, refusing directories, unreadable and oversized files."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DataError([Problem(shown, "is a directory, not a data file")])
        if size > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            raise DataError(
                [Problem(shown, f"is {size / 1048576:.0f} MB; data files may be up to {limit} MB")]
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(shown, f"cannot read the file: {exc.strerror}")]) from None
    return Source(shown, data, path.suffix.lower())


def sheet_of(source: Source, encoding: str | None = None, sheet: str | None = None) -> Sheet:
    """The cells of ``source``: a workbook's sheet (first, or ``sheet``), else CSV text."""
    if source.data.startswith(_ZIP) or source.suffix in (".xlsx", ".xlsm"):
        return _workbook(source, sheet)
    if source.data.startswith(_OLE) or source.suffix == ".xls":
        raise DataError([Problem(source.name, "is an old .xls workbook: save it as .xlsx or CSV")])
    if sheet is not None:
        raise DataError([Problem(source.name, "--sheet applies to Excel workbooks only")])
    return _csv(source.name, decode(source, encoding))


def decode(source: Source, encoding: str | None = None) -> str:
    """CSV text: ``encoding`` if given, else UTF-8 (BOM or not), else GB18030/GBK."""
    data = source.data
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(source.name, "is a binary file, not CSV text")])
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise DataError([Problem(source.name, f"unknown encoding {encoding!r}")]) from None
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            message = f"is not {encoding} text (byte {exc.start})"
            raise DataError([Problem(source.name, message, line)]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first = exc.start
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[:first].count(b"\n") + 1
        message = f"is neither UTF-8 nor GBK/GB18030 text (byte {first}): pass --encoding"
        raise DataError([Problem(source.name, message, line)]) from None


def _csv(name: str, text: str) -> Sheet:
    # strict: a stray or unclosed quote is an error, not a cell that swallows later rows
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise _unreadable(name, exc, 1) from None
    if header is None or not any(cell.strip() for cell in header):
        raise DataError([Problem(name, "is empty: expected a header row", 1)])
    return Sheet(name, header, _rows(name, reader))


def _delimiter(text: str) -> str:
    """Comma, unless the header has none but tabs (Excel's "Unicode text") or semicolons."""
    header = text.split("\n", 1)[0]
    if "," in header:
        return ","
    return max(("\t", ";"), key=header.count) if ("\t" in header or ";" in header) else ","


def _rows(name: str, reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows one at a time (a long file is never held twice), with the line each starts on."""
    start = reader.line_num + 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _unreadable(name, exc, start) from None


def _unreadable(name: str, exc: csv.Error, line: int) -> DataError:
    hint = '; is a quote (") left open?' if "end of data" in str(exc) else ""
    return DataError([Problem(name, f"is not readable CSV: {exc}{hint}", line)])


def _workbook(source: Source, wanted: str | None) -> Sheet:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        message = "reading Excel files needs openpyxl: pip install 'lzplan[xlsx]'"
        raise DataError([Problem(source.name, message)]) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        message = f"is not a readable .xlsx workbook ({type(exc).__name__})"
        raise DataError([Problem(source.name, message)]) from None
    try:
        names = book.sheetnames
        if wanted is not None and wanted not in names:
            listed = ", ".join(names)
            raise DataError([Problem(source.name, f"has no sheet {wanted!r}; it has {listed}")])
        worksheet = book[wanted or names[0]]
        table = list(_cells(worksheet.iter_rows()))
    finally:
        book.close()
    shown = f"{source.name}[{wanted or names[0]}]"
    if not table or not any(cell.strip() for cell in table[0][1]):
        raise DataError([Problem(shown, "is empty: expected a header row", 1)])
    return Sheet(shown, table[0][1], table[1:])


def _cells(rows: Iterable[Iterable[object]]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(rows, start=1):
        yield number, [_text(cell) for cell in row]


def _text(cell: object) -> str:
    """A workbook cell as the text a person sees (98.5% for 0.985 formatted as percent)."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        if "%" in str(getattr(cell, "number_format", "")):
            return f"{value * 100:.10g}%"
        return f"{value:.15g}"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)
