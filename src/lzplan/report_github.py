"""Results as GitHub Actions workflow commands: each failed target an ``::error``, each
warning a ``::warning``, at the file and row its figure was read from (a target with no
figure at all: on the run, without a file). ``--format auto`` picks it under Actions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .i18n import say, zh_detail
from .report_problems import escape

if TYPE_CHECKING:
    from .progress import Progress, ProgressReport
    from .results import Report, Result

#: ``file[sheet]:row (column)`` → file and row (of a run of rows ``2–5``, the last; also
#: with the count of a file's rows, ``, 200000 rows``).
_PLACE = re.compile(
    r"^(?P<file>.*?)(?:\[[^\]]*\])?:(?:\d+–)?(?P<row>\d+)(?: \(.*\))?(?:, \d+ rows?)?$"
)
_COMMAND = {"fail": "error", "warn": "warning"}


#: Rule kinds judged over many schools or items: their sources are every entity looked at,
#: so an annotation names the file of the latest figure, not a row that may have passed.
_OVER_MANY = frozenset({"each", "k_of_n", "aggregate", "checklist"})


def _where(result: Result) -> list[str]:
    """The file and row of the figure that decided (the latest read, for a yes/no fact with
    its history); the file alone for a rule over many entities."""
    found = _PLACE.match(result.sources[-1]) if result.sources else None
    if found is None:
        return []
    where = [f"file={escape(found['file'], True)}"]
    return where if result.kind in _OVER_MANY else [*where, f"line={found['row']}"]


def _line(command: str, where: list[str], title: str, message: str) -> str:
    fields = ",".join([*where, f"title={escape(title, True)}"])
    return f"::{command} {fields}::{escape(message)}\n"


def _message(result: Result, lang: str) -> str:
    if lang == "zh":
        misses = "；".join(zh_detail(miss) for miss in result.misses)
        return f"{result.name_zh}（{result.year}年）：{zh_detail(result.detail)}" + (
            f"；{misses}" if misses else ""
        )
    misses = f"; {', '.join(result.misses)}" if result.misses else ""
    return f"{result.name_zh} ({result.year}): {result.detail}{misses}"


def render_check(reports: list[Report], lang: str = "en") -> str:
    """An annotation per failed or warned target, then one notice with the counts; the
    messages in ``lang`` (people read them on a pull request)."""
    lines = []
    for report in reports:
        for result in report.results:
            command = _COMMAND.get(result.status)
            if command is not None:
                title = f"lzplan: {result.target}"
                lines.append(_line(command, _where(result), title, _message(result, lang)))
        counts = report.counts().items()
        if lang == "zh":
            tally = " · ".join(f"{say(f'status.{status}', lang)} {n}" for status, n in counts if n)
            said = f"{report.dataset} {report.year}年：{tally}"
        else:
            tally = " · ".join(f"{n} {status}" for status, n in counts if n)
            said = f"{report.dataset} {report.year}: {tally}"
        lines.append(f"::notice title=lzplan::{escape(said)}\n")
    return "".join(lines)


def render_progress(reports: list[ProgressReport], lang: str = "en") -> str:
    """An ``::error`` per target not met by a passed deadline or broken in a year."""
    lines = []
    for report in reports:
        for progress in report.results:
            if progress.final == "not met" or progress.broken:
                target = progress.target
                lines.append(_line("error", [], f"lzplan: {target.id}", _outcome(progress, lang)))
    return "".join(lines)


def _outcome(progress: Progress, lang: str) -> str:
    target = progress.target
    if lang == "zh":
        final = say(f"final.{(progress.final or 'pending').replace(' ', '_')}", lang)
        years = "、".join(zh_detail(year) for year in progress.broken)
        return f"{target.name_zh}：{final}" + (f"；{years}未达到逐年要求" if years else "")
    broken = f"; broken in {', '.join(progress.broken)}" if progress.broken else ""
    return f"{target.name_zh}: {progress.final or progress.status}{broken}"
