"""The exit codes of every command, in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """0: nothing failed; 1: a target failed (or warned/lacked data, by --fail-on);
    2: bad input or usage."""

    OK = 0
    FAILED = 1
    BAD_INPUT = 2
