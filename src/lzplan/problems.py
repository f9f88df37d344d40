"""Collecting a file's problems: the first :data:`MAX_PROBLEMS` are held, the rest counted.

A file of 200,000 mistakes must neither fill memory nor take minutes: did-you-mean hints
are worked out only while there is :attr:`ProblemList.room` to list them.
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
