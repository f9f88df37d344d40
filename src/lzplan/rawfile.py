"""Raw files: the bytes of a data file on disk or on standard input, within the size limit."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import DataError, Problem

#: Data files are tables; anything larger is a mistake, refused before it is read.
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class RawFile:
    """A data file as it arrived: its name as shown in messages, its bytes and its suffix."""

    name: str
    data: bytes
    suffix: str = ""


def _too_big(name: str, size: float) -> DataError:
    limit = MAX_BYTES // (1024 * 1024)
    message = f"is {size / 1048576:.0f} MB; data files may be up to {limit} MB"
    return DataError([Problem(name, message)])


def read_path(path: Path) -> RawFile:
    """The bytes of ``path``: a regular file no larger than :data:`MAX_BYTES`."""
    shown = str(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise DataError([Problem(shown, "is a directory, not a data file")])
        if not stat.S_ISREG(status.st_mode):  # a pipe or device could block or never end
            raise DataError([Problem(shown, "is not a regular file")])
        if status.st_size > MAX_BYTES:
            raise _too_big(shown, status.st_size)
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataError([Problem(shown, f"cannot read the file: {reason}")]) from None
    return RawFile(shown, data, path.suffix.lower())


def read_stream(name: str, stream: BinaryIO) -> RawFile:
    """Up to :data:`MAX_BYTES` of a stream (standard input); more is refused."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    return RawFile(name, data)
