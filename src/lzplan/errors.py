"""Located problems and the error classes of each layer.

Every error the user can cause carries one or more :class:`Problem`, each naming
the file and the place in it. ``cli`` turns any :class:`LzplanError` into exit 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is.

    ``line`` is the 1-based line of a YAML file or row of a data file;
    ``column`` is a YAML column number or a data file's column name. ``severity``
    is ``error`` (nothing is judged), ``warning`` (judged, but look at it) or
    ``note`` (for information: a sheet skipped, data not used).
    """

    file: str
    message: str
    line: int | None = None
    column: int | str | None = None
    where: str = ""
    severity: Literal["error", "warning", "note"] = "error"

    def render(self) -> str:
        """``file:line:column: where: message``, leaving out what is unknown."""
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if isinstance(self.column, int):
                place += f":{self.column}"
        parts = [place]
        if isinstance(self.column, str):
            parts.append(f"column '{self.column}'")
        if self.where:
            parts.append(self.where)
        parts.append(self.message)
        from .display import safe  # file names and cells may hold terminal escapes

        return safe(": ".join(parts))


class LzplanError(Exception):
    """Base of every error caused by the user's input; carries the problems."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.render() for p in self.problems))


class PlanError(LzplanError):
    """The plan file is unreadable, not YAML, or not a valid plan."""


class DataError(LzplanError):
    """A data file is unreadable or holds values that cannot be read."""


class UsageError(LzplanError):
    """Options that contradict each other or name something that does not exist."""
