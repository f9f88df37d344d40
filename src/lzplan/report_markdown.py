"""Results as GitHub-flavoured Markdown: for a pull-request comment or the job summary
(``$GITHUB_STEP_SUMMARY``). One table per dataset and year, grouped by section, the notes
on what did not pass, and the summary line; words in ``lang``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .i18n import say
from .output import MARKDOWN_MARK
from .report_table import check_rows_text, label, notes, summary

if TYPE_CHECKING:
    from .model import Plan
    from .progress import ProgressReport
    from .results import Report


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, lines joined."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "---|" * len(headers))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_check(
    reports: list[Report],
    plan: Plan,
    width: int = 0,
    rich: bool = False,
    lang: str = "en",
    color: bool = False,
) -> str:
    """A section per report: its table, its notes, its summary."""
    out: list[str] = [MARKDOWN_MARK]
    for report in reports:
        out += [f"## {cell(report.dataset)} — {report.year}", ""]
        headers, rows = check_rows_text(report, plan, lang)
        out += _table(headers, [_row(row) for row in rows])
        out.append("")
        for status, text in notes(report, plan, lang):
            out.append(f"- **{cell(label(status, lang))}** {cell(text)}")
        out += ["", f"**{cell(summary(report, lang))}**", ""]
    return "\n".join(out)


def render_readiness(
    assessed: list[Any],
    plans: list[Plan],
    width: int = 0,
    rich: bool = False,
    lang: str = "en",
    color: bool = False,
) -> str:
    """Per criteria plan: its verdict, the criteria table, what failing schools would take,
    and the bill, the CVs and the exclusions as a list."""
    from .report_readiness import NEED_COLUMNS, after_lines, headline, need_cells, refused_lines
    from .results import Report

    out: list[str] = [MARKDOWN_MARK]
    for readiness, plan in zip(assessed, plans, strict=True):
        if readiness.refused:
            out += [f"## {cell(headline(readiness, lang))}", "", cell(readiness.dataset), ""]
            out += [f"- {cell(line)}" for line in refused_lines(readiness, lang)] + [""]
            continue
        report = Report(readiness.dataset, readiness.year, readiness.results)
        out += [f"## {cell(headline(readiness, lang))}", ""]
        out.append(f"{cell(readiness.dataset)} — {readiness.year}")
        out.append("")
        headers, rows = check_rows_text(report, plan, lang)
        out += _table(headers, [_row(row) for row in rows])
        short = [need for need in readiness.needs if need.value is not None]
        if short:
            out += ["", f"### {say('readiness.take', lang)}", ""]
            cells = [
                ["<br>".join(cell(part) for part in column) for column in need_cells(n, lang).cells]
                for n in short
            ]
            out += _table([say(key, lang) for key in NEED_COLUMNS], cells)
        out += [""] + [f"- {cell(line)}" for line in after_lines(readiness, lang)] + [""]
    return "\n".join(out)


def _row(row: list[str]) -> list[str]:
    """A result's cells, or a section's title in bold across an otherwise empty row."""
    if not any(row[1:]):
        return [f"**{cell(row[0])}**", *([""] * (len(row) - 1))]
    return [_marked(text) for text in row]


def _marked(text: str) -> str:
    """A cell's paragraphs on separate lines: a target's id in code."""
    parts = text.split("\n")
    head = cell(parts[0])
    rest = [f"`{part}`" if "." in part and " " not in part else cell(part) for part in parts[1:]]
    return "<br>".join([head, *rest])


def render_progress(
    reports: list[ProgressReport],
    plan: Plan,
    width: int = 0,
    rich: bool = False,
    lang: str = "en",
    color: bool = False,
) -> str:
    """A table per dataset: each target's progress status and the outcome at its deadline."""
    from .progress_measure import LABELS_ZH

    out: list[str] = [MARKDOWN_MARK]
    headers = [say("col.target", lang), say("col.status", lang), say("col.final", lang)]
    for report in reports:
        out += [f"## {cell(report.dataset)} — {report.now}", ""]
        rows: list[list[str]] = []
        for progress in report.results:
            target: Any = progress.target
            status = LABELS_ZH[progress.status] if lang == "zh" else progress.status
            name = f"{cell(target.name_zh)}<br>`{target.id}`"
            final = say(f"final.{progress.final or 'pending'}".replace(" ", "_"), lang)
            rows.append([name, cell(status), cell(final)])
        out += _table(headers, rows)
        out.append("")
    return "\n".join(out)
