"""Writing a result file (``--output``) so that nothing the user gave is lost.

The bytes go to a temporary file in the same folder, are flushed to disk and only
then renamed over the target, so a reader never sees half a file and a failed write
leaves the old one as it was. A data file being read is never the output.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from .errors import LzplanError, Problem

_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate newlines


class OutputError(LzplanError):
    """The output file cannot be written (a real write error), or must not be."""


def write_output(
    path: Path,
    data: bytes | Iterable[bytes],
    inputs: Sequence[Path] = (),
    force: bool = True,
    reports: bool = False,
) -> None:
    """Write ``data`` (or its chunks, as they are made) to ``path`` atomically.

    Refused with :class:`OutputError` when ``path`` is (or links to) one of ``inputs``
    or lies in one that is a folder, is itself a folder, or exists while ``force`` is
    off (with ``reports``, an earlier lzplan report may still be replaced: a report is
    regenerated, a bureau's own file never silently overwritten); an :class:`OSError`
    (no permission, no such folder, disk full) becomes an
    :class:`OutputError` with its reason. A symbolic link is written through: the file
    it points to is replaced. A device or pipe (``/dev/stdout``) is written to directly.
    """
    mode = _existing(path, inputs, force or (reports and is_report(path)))
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise _error(path, f"cannot write the file: there is no folder {path.parent}")
    try:
        if mode is None or stat.S_ISREG(mode):
            _replace(target, data, mode)
        else:
            with path.open("wb") as device:  # a device or pipe cannot be replaced, only written to
                _write(device, data)
    except OSError as exc:
        raise _error(path, f"cannot write the file: {exc.strerror or exc}") from exc


def _existing(path: Path, inputs: Sequence[Path], force: bool) -> int | None:
    """The mode of the file ``path`` names (``None``: no file yet), if it may be written."""
    for given in inputs:
        if _same_file(path, given):
            raise _error(path, "is one of the files this run reads: choose another --output")
        if given.is_dir() and path.resolve().is_relative_to(given.resolve()):
            raise _error(path, f"is inside {given}, a folder being read: choose another --output")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _error(path, f"cannot write the file: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(mode):
        raise _error(path, "is a folder: name a file for --output")
    if not force:
        raise _error(path, "exists: pass --force to replace it")
    return mode


def _same_file(path: Path, given: Path) -> bool:
    """Whether two names lead to one file: the same path, a link or a hard link to it."""
    try:
        return os.path.samefile(path, given)
    except OSError:  # one of them does not exist (yet)
        return path.resolve() == given.resolve()


def _write(file: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    for chunk in [data] if isinstance(data, bytes) else data:
        file.write(chunk)


def _replace(target: Path, data: bytes | Iterable[bytes], mode: int | None) -> None:
    """Write a temporary file beside ``target``, sync it, and rename it over ``target``."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    # O_EXCL: never write into a file that is already there; 0o666 lets the umask decide
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        with open(handle, "wb") as file:
            _write(file, data)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))  # a replaced file keeps its permissions
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _error(path: Path, message: str) -> OutputError:
    return OutputError([Problem(str(path), message)])


# How lzplan's reports begin: CSV results (check, progress), problem lists, tables, JSON.
def _office_by_lzplan(path: Path) -> bool:
    """A workbook or Word document whose author lzplan recorded as itself."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    import re

    return re.search(rf"<dc:creator[^>]*>{MARK}</dc:creator>", core) is not None


_REPORT_STARTS = (
    "\ufeffdataset,", "error: ", "warning: ", "note: ", "::error ", "::warning ", "::notice ",
)  # fmt: skip


#: How lzplan marks the reports it writes in formats that have a place for it.
MARK = "lzplan"
#: The first line of a Markdown report: invisible when shown, and how lzplan knows its own.
MARKDOWN_MARK = "<!-- written by lzplan -->"


def is_report(path: Path) -> bool:
    """Whether ``path`` holds a report lzplan wrote (so that writing it again may replace it)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(4096)
    except OSError:
        return False
    if raw.startswith(b"PK"):
        return _office_by_lzplan(path)
    head = raw.decode("utf-8", "replace")
    if head.startswith((MARKDOWN_MARK, "<?xml")) and (
        head.startswith(MARKDOWN_MARK) or '<testsuites name="lzplan"' in head
    ):
        return True
    if head.startswith("<!DOCTYPE html>") and f'<meta name="generator" content="{MARK}">' in head:
        return True
    if head.startswith(_REPORT_STARTS) or head.strip() == "[]":
        return True
    if head.lstrip().startswith("[") and ('"dataset":' in head or '"message":' in head):
        return True  # JSON results, or a JSON problem list
    first, _, rest = head.partition("\n")
    return (" — " in first and rest.startswith(("┏", "╭"))) or ": ok (" in first
