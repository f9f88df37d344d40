"""A private cache of validated inputs (the plan, the roster), so that later runs skip
parsing and validating them: pickles keyed by a digest of the input's bytes and of the
code that shapes the result (see ``docs/design.md``). ``LZPLAN_NO_CACHE=1`` bypasses it."""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")
_HERE = Path(__file__).resolve().parent
#: Cached entries of each kind kept; older ones are removed when a new one is written.
_KEEP = 16


def cached(kind: str, raw: bytes, code: tuple[str, ...], build: Callable[[], T], of: type[T]) -> T:
    """The cached ``kind`` for ``raw`` (its modules ``code`` unchanged), else ``build()``,
    cached for next time. Only an instance of ``of`` is ever returned from the cache."""
    key = _key(raw, code)
    kept = _IN_PROCESS.get((kind, key, cache_dir()))
    if isinstance(kept, of):  # ``readiness`` loads one roster for each criteria plan
        return kept
    found = _read(kind, key)
    if isinstance(found, of):
        return _kept(kind, key, found)
    value = build()
    _write(kind, key, value)
    return _kept(kind, key, value)


#: What this process has loaded already, by kind, key and the cache it mirrors (a few
#: plans and rosters).
_IN_PROCESS: dict[tuple[str, str, Path | None], object] = {}


def _kept(kind: str, key: str, value: T) -> T:
    if len(_IN_PROCESS) >= _KEEP:
        _IN_PROCESS.pop(next(iter(_IN_PROCESS)))
    _IN_PROCESS[(kind, key, cache_dir())] = value
    return value


def _key(raw: bytes, code: tuple[str, ...]) -> str:
    """A digest of the input's bytes, of the code that shapes what is cached and of the
    Python that pickled it."""
    return digest(raw + f"{sys.version_info[:2]}".encode(), code)


def digest(raw: bytes, code: tuple[str, ...]) -> str:
    """A digest of ``raw`` and of the lzplan modules ``code`` (and lzplan's version)."""
    import hashlib

    found = hashlib.sha256(raw)
    for module in code:
        found.update((_HERE / module).read_bytes())
    found.update(__version__.encode())
    return found.hexdigest()[:32]


def cache_dir() -> Path | None:
    """The cache folder; never a relative one, which would land beside the user's data."""
    if os.environ.get("LZPLAN_NO_CACHE"):
        return None
    explicit = os.environ.get("LZPLAN_CACHE_DIR")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(explicit) if explicit else Path(base) / "lzplan"
    return folder if folder.is_absolute() else None


def _private(path: Path) -> bool:
    """Whether only this user can write ``path``: a pickle from anywhere else is never loaded."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the profile folder is private already
        return True
    stat = path.stat()
    return stat.st_uid == getuid() and not stat.st_mode & 0o022


def _read(kind: str, key: str) -> object:
    folder = cache_dir()
    if folder is None:
        return None
    file = folder / f"{kind}-{key}.pickle"
    try:
        if not (_private(folder) and _private(file)):
            return None
        with open(file, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a missing, partial or stale cache is simply rebuilt
        return None


def _write(kind: str, key: str, value: object) -> None:
    folder = cache_dir()
    if folder is None:
        return
    temporary = folder / f".{kind}-{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(folder):
            return
        temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, folder / f"{kind}-{key}.pickle")
        _prune(folder, kind)
    except OSError:  # a read-only home is no reason to fail a check
        return
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda file: file.stat().st_mtime)
    for old in entries[:-_KEEP]:
        old.unlink(missing_ok=True)
