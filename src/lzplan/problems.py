"""Collecting a file's problems: the first :data:`MAX_PROBLEMS` are held, the rest counted;
and its notices, with warnings capped alike.

A file of 200,000 mistakes (or 200,000 schools missing from a partial roster) must neither
fill memory, nor the screen, nor take minutes: did-you-mean hints are worked out only while
there is room (:attr:`ProblemList.room`, :attr:`NoticeList.room`) to list them.
"""

from __future__ import annotations

from .errors import Problem

#: How many problems of one file are listed before the rest are counted.
MAX_PROBLEMS = 50


class ProblemList:
    """A file's problems, capped."""

    def __init__(self) -> None:
        self.held: list[Problem] = []
        self.found = 0

    def add(self, problem: Problem) -> None:
        """Count ``problem``; hold it while fewer than :data:`MAX_PROBLEMS` are held."""
        self.found += 1
        if len(self.held) < MAX_PROBLEMS:
            self.held.append(problem)

    @property
    def room(self) -> bool:
        """Whether another problem would be listed (so a hint for it is worth working out)."""
        return len(self.held) < MAX_PROBLEMS

    def listed(self, file: str) -> list[Problem]:
        """The held problems, and a last line counting those not listed."""
        more = self.found - len(self.held)
        if not more:
            return list(self.held)
        return [*self.held, Problem(file, f"… and {more} more problem(s) not listed")]


class NoticeList:
    """A file's notices in the order met: every note (a skipped sheet), and the first
    :data:`MAX_PROBLEMS` warnings, the rest counted."""

    def __init__(self) -> None:
        self.held: list[Problem] = []
        self.warnings = 0

    def add(self, notice: Problem) -> None:
        """Hold ``notice``, unless it is a warning beyond the first :data:`MAX_PROBLEMS`."""
        if notice.severity == "warning":
            self.warnings += 1
            if self.warnings > MAX_PROBLEMS:
                return
        self.held.append(notice)

    @property
    def room(self) -> bool:
        """Whether another warning would be listed."""
        return self.warnings < MAX_PROBLEMS

    def listed(self, file: str) -> list[Problem]:
        """The held notices, and a last warning counting those not listed."""
        more = self.warnings - MAX_PROBLEMS
        if more <= 0:
            return list(self.held)
        message = f"… and {more} more warning(s) not listed"
        return [*self.held, Problem(file, message, severity="warning")]
