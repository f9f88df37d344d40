"""When ``lzplan progress`` exits 1: what counts as failing at each ``--fail-on`` level."""

from __future__ import annotations

from .progress import Progress, ProgressReport


def _fails(progress: Progress, level: str) -> bool:
    if progress.final == "not met" or progress.broken:
        return True
    if level in ("warn", "missing") and progress.status in ("limited_progress", "deterioration"):
        return True
    return level == "missing" and progress.final == "no data"


def progress_failed(reports: list[ProgressReport], fail_on: str) -> bool:
    """A target not met by a deadline that has passed, or a year that broke a yearly rule
    (``fail``); also limited progress or deterioration (``warn``); also a passed deadline
    without data (``missing``)."""
    return any(_fails(p, fail_on) for report in reports for p in report.results)
