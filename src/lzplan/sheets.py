"""Sheets: a raw file's cells, from CSV in any encoding Excel writes or an Excel workbook.

The result is a :class:`Sheet` of text cells with the row numbers a spreadsheet
would show; reading observations out of the rows is :mod:`lzplan.rows`' job.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import DataError, Problem
from .rawfile import RawFile

#: A sheet's rows and columns read at most (a workbook may claim a million of each).
MAX_ROWS, MAX_COLUMNS = 1_000_000, 200
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_UTF16 = (b"\xff\xfe", b"\xfe\xff")
# A number format's quoted text ("%") and escaped characters (\%) are shown, not applied.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.')


@dataclass(frozen=True)
class Sheet:
    """A grid of text cells; ``rows`` pairs each row with its 1-based number.

    Rows with no cell at all may be left out (their numbers are skipped). For CSV,
    ``rows`` is read as it is iterated, and may raise :class:`DataError`.
    ``chosen`` is true when the user named this sheet (``--sheet``); ``title`` is a
    workbook sheet's own name (empty for CSV), which ``name`` shows as ``file[title]``.
    """

    name: str
    rows: Iterable[tuple[int, list[str]]]
    chosen: bool = False
    title: str = ""


def sheets_of(
    source: RawFile, encoding: str | None = None, sheet: str | None = None
) -> list[Sheet]:
    """The sheets of ``source``: a workbook's visible sheets (or the one named), else CSV."""
    if source.data.startswith(_OLE) or source.suffix == ".xls":  # also an .xls renamed .xlsx
        raise DataError([Problem(source.name, "is an old .xls workbook: save it as .xlsx or CSV")])
    if source.data.startswith(_ZIP) or source.suffix in (".xlsx", ".xlsm"):
        return _workbook(source, sheet)
    if sheet is not None:
        raise DataError([Problem(source.name, "--sheet applies to Excel workbooks only")])
    return [_csv(source.name, csv_text(source, encoding))]


def csv_text(source: RawFile, encoding: str | None = None) -> io.TextIOBase:
    """CSV text, decoded as it is read: ``encoding`` if given, else UTF-16 by its BOM,
    UTF-8, else GB18030/GBK.

    The bytes are checked whole first, a chunk at a time, so that a file in the wrong
    encoding is refused before any of it is read, but the text is never held whole: a
    province's file would hold it twice more (four bytes a character in a ``StringIO``).
    """
    data = source.data
    if encoding is None and data.startswith(_UTF16):
        encoding = "utf-16"
    if b"\x00" in data[:8192] and encoding is None:
        raise DataError([Problem(source.name, "is a binary file, not CSV text")])
    if encoding is not None:
        return _stream(data, encoding) if _decodes(data, encoding) else _whole(source, encoding)
    if _decodes(data, "utf-8"):
        return _stream(data, "utf-8-sig")
    if _decodes(data, "gb18030"):
        return _stream(data, "gb18030")
    try:
        data.decode("utf-8")  # to say where: the error path alone pays a whole decode
    except UnicodeDecodeError as exc:
        first = exc.start
    line = data[:first].count(b"\n") + 1
    message = f"is neither UTF-8 nor GBK/GB18030 text (byte {first}): pass --encoding"
    raise DataError([Problem(source.name, message, line)]) from None


#: How much of a file is decoded at a time to check its encoding.
_CHUNK = 1 << 20


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether ``data`` is ``encoding`` text, checked a chunk at a time."""
    try:
        if not getattr(codecs.lookup(encoding), "_is_text_encoding", True):
            return False  # hex, base64, zlib …: bytes to bytes, which decode() refuses too
        decoder = codecs.getincrementaldecoder(encoding)()
        view = memoryview(data)
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start : start + _CHUNK], final=start + _CHUNK >= len(data))
        decoder.decode(b"", final=True)
    except (LookupError, ValueError, TypeError):  # UnicodeError is a ValueError
        return False
    return True


def _stream(data: bytes, encoding: str) -> io.TextIOBase:
    # BytesIO shares the bytes it is given: nothing is copied until it is written to
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")


def _whole(source: RawFile, encoding: str) -> io.TextIOBase:
    """An encoding the chunked check refused: decoded whole, which says why (or, for a
    codec that decodes only whole, gives the text)."""
    return io.StringIO(_decode_as(source, encoding), newline="")


def _decode_as(source: RawFile, encoding: str) -> str:
    try:
        return source.data.decode(encoding)
    except LookupError:
        raise DataError([Problem(source.name, f"unknown encoding {encoding!r}")]) from None
    except UnicodeDecodeError as exc:
        line = source.data[: exc.start].count(b"\n") + 1
        message = f"is not {encoding} text (byte {exc.start})"
        raise DataError([Problem(source.name, message, line)]) from None
    except UnicodeError as exc:  # codecs such as punycode fail without a position
        raise DataError([Problem(source.name, f"is not {encoding} text ({exc})")]) from None


def _delimiter(head: str) -> str:
    """Comma, unless the header has none but tabs (Excel's "Unicode text") or semicolons;
    ``head`` is the file's first 65,536 characters."""
    lines = head.split("\n")
    # the first line with separators: a title row may stand above the header
    header = next((line for line in lines if any(sep in line for sep in ",\t;")), "")
    if "," in header or not ("\t" in header or ";" in header):
        return ","
    return max(("\t", ";"), key=header.count)


def _csv(name: str, stream: io.TextIOBase) -> Sheet:
    head = stream.read(65536)
    stream.seek(0)
    # strict: a stray or unclosed quote is an error, not a cell that swallows later rows
    reader = csv.reader(stream, delimiter=_delimiter(head), strict=True)
    return Sheet(name, _rows(name, reader))


def _rows(name: str, reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows one at a time (a long file is never held twice), numbered as a spreadsheet
    numbers them: a cell with line breaks inside quotes is still one row."""
    row = 1
    try:
        for cells in reader:
            yield row, cells
            row += 1
    except csv.Error as exc:
        raise _unreadable(name, exc, row) from None


def _unreadable(name: str, exc: csv.Error, row: int) -> DataError:
    hint = '; is a quote (") left open?' if "end of data" in str(exc) else ""
    return DataError([Problem(name, f"is not readable CSV: {exc}{hint}", row)])


def _workbook(source: RawFile, wanted: str | None) -> list[Sheet]:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        message = 'reading Excel files needs openpyxl: pip install "lzplan[xlsx]"'

        raise DataError([Problem(source.name, message)]) from None
    values, formulas = _open(openpyxl, source, True), _open(openpyxl, source, False)
    try:
        chosen = _chosen(values, source.name, wanted)
        return [
            Sheet(
                f"{source.name}[{sheet.title}]",
                list(_cells(f"{source.name}[{sheet.title}]", sheet, formulas[sheet.title])),
                wanted is not None,
                sheet.title,
            )
            for sheet in chosen
        ]
    finally:
        values.close()
        formulas.close()


def _open(openpyxl: Any, source: RawFile, data_only: bool) -> Any:
    """The workbook's saved values (``data_only``), or its formulas."""
    try:
        return openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        message = f"is not a readable .xlsx workbook ({type(exc).__name__})"
        raise DataError([Problem(source.name, message)]) from None


def _chosen(book: Any, name: str, wanted: str | None) -> list[Any]:
    """The sheet asked for, else every visible one (a hidden sheet is never read)."""
    if wanted is not None:
        if wanted not in book.sheetnames:
            listed = ", ".join(book.sheetnames)
            raise DataError([Problem(name, f"has no sheet {wanted!r}; it has {listed}")])
        sheet = book[wanted]
        if not hasattr(sheet, "iter_rows"):
            raise DataError([Problem(name, f"sheet {sheet.title!r} is a chart, not a table")])
        return [sheet]
    visible = [
        sheet
        for sheet in book.worksheets
        if sheet.sheet_state == "visible" and hasattr(sheet, "iter_rows")
    ]
    if not visible:
        raise DataError([Problem(name, "has no visible worksheet")])
    return visible


def _cells(name: str, worksheet: Any, formulas: Any) -> Iterator[tuple[int, list[str]]]:
    """Each row's cells as text; a formula Excel never computed is given as its formula,
    so that reading it fails with the formula in the message instead of a blank."""
    # The size a workbook records can be wrong (too small drops rows, huge pads them):
    # read the cells that are really there instead.
    worksheet.reset_dimensions()
    formulas.reset_dimensions()
    filled = 0
    rows = zip(worksheet.iter_rows(), formulas.iter_rows(), strict=False)
    for number, (row, source) in enumerate(rows, start=1):
        if not row:  # rows between stray cells are skipped, not built (a cell at row 1,048,576)
            continue
        if len(row) > MAX_COLUMNS and any(_text(cell) for cell in row[MAX_COLUMNS:]):
            message = f"has a value beyond column {MAX_COLUMNS}: tables may be that wide at most"
            raise DataError([Problem(name, message, number)])
        cells = [
            _text(cell) or _formula(formula)
            for cell, formula in zip(row[:MAX_COLUMNS], source, strict=False)
        ]
        while cells and not cells[-1].strip():
            cells.pop()
        filled += bool(cells)
        if filled > MAX_ROWS:
            raise DataError([Problem(name, f"has more than {MAX_ROWS:,} rows", number)])
        yield number, cells


def _formula(cell: object) -> str:
    value = getattr(cell, "value", None)
    return value if isinstance(value, str) and value.startswith("=") else ""


def _text(cell: object) -> str:
    """A workbook cell as the text a person sees (98.5% for 0.985 formatted as percent)."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        number_format = _FORMAT_LITERALS.sub("", str(getattr(cell, "number_format", "")))
        if "%" in number_format:
            return f"{value * 100:.10g}%"
        return f"{value:.15g}"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)
