"""Raw files: the bytes of a data file on disk or on standard input, within the size limit."""

from __future__ import annotations

import math
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import DataError, Problem

#: The largest CSV file read: a province's per-school file (about 5 million rows of a long
#: table) is well within it; anything larger is a mistake, refused before it is read.
MAX_BYTES = 256 * 1024 * 1024
#: The largest workbook read: a workbook is compressed, and openpyxl holds its cells at
#: twenty to fifty times the file's size.
MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
_WORKBOOKS = (".xlsx", ".xlsm", ".xls")
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class RawFile:
    """A data file as it arrived: its name as shown in messages, its bytes and its suffix."""

    name: str
    data: bytes
    suffix: str = ""


def _too_big(name: str, size: float, workbook: bool = False) -> DataError:
    limit = (MAX_WORKBOOK_BYTES if workbook else MAX_BYTES) // (1024 * 1024)
    kind = "workbooks" if workbook else "CSV files"
    # near the limit one decimal, rounded up: "is 50 MB; … up to 50 MB" would say nothing
    mb = size / 1048576
    shown = f"{mb:.0f}" if mb >= 1.1 * limit else f"{math.ceil(mb * 10) / 10:.1f}"
    return DataError([Problem(name, f"is {shown} MB; {kind} may be up to {limit} MB")])


def _checked(raw: RawFile) -> RawFile:
    """``raw``, unless it is a workbook (by its name or its bytes) over the workbook limit."""
    workbook = raw.suffix in _WORKBOOKS or raw.data.startswith(_ZIP)
    if workbook and len(raw.data) > MAX_WORKBOOK_BYTES:
        raise _too_big(raw.name, len(raw.data), workbook=True)
    return raw


def read_path(path: Path) -> RawFile:
    """The bytes of ``path``: a regular file no larger than :data:`MAX_BYTES`."""
    shown = str(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise DataError([Problem(shown, "is a directory, not a data file")])
        if not stat.S_ISREG(status.st_mode):  # a pipe or device could block or never end
            raise DataError([Problem(shown, "is not a regular file")])
        workbook = path.suffix.lower() in _WORKBOOKS
        if status.st_size > (MAX_WORKBOOK_BYTES if workbook else MAX_BYTES):
            raise _too_big(shown, status.st_size, workbook)
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataError([Problem(shown, f"cannot read the file: {reason}")]) from None
    return _checked(RawFile(shown, data, path.suffix.lower()))


def read_stream(name: str, stream: BinaryIO) -> RawFile:
    """Up to :data:`MAX_BYTES` of a stream (standard input); more is refused, and so is
    a workbook over :data:`MAX_WORKBOOK_BYTES`."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    return _checked(RawFile(name, data))
