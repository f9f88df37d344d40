"""The command line: parses options and hands over to the library.

Only click is imported at start-up; each command imports what it needs. Input errors
become exit 2 here and in :mod:`lzplan.cliio`, its plumbing, and nowhere else; the
options several commands share are declared in :mod:`lzplan.clioptions`.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from .cliio import (
    Output,
    chosen_format,
    columns,
    drawing,
    emit,
    exit_with_problems,
    file_only,
    finish,
    inputs,
    language,
    load,
    path_of,
    plan_path_of,
    problem_text,
    problems_as,
    read_options,
    say_last,
    say_problems,
    shown_path,
    terminal,
    width,
    write_stdout,
)
from .clioptions import (
    COLOR,
    EACH,
    ENCODING,
    FORCE,
    FORMAT,
    LANG,
    OUTPUT,
    PATHS,
    PLAN,
    ROSTER,
    SHEET,
    YEAR,
    remember_lang,
)
from .exitcodes import ExitCode
from .reporters import (
    CHECK_FORMATS,
    PROGRESS_FORMATS,
    READINESS_FORMATS,
    render,
    render_stream,
)

if TYPE_CHECKING:
    from .errors import Problem


class _Group(click.Group):
    """Turns a crash or a closed pipe into a message and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader (e.g. `| head`) has gone; say nothing more.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(ExitCode.OK)
        except KeyboardInterrupt:
            say_last("error: interrupted; nothing was judged")
        except Exception as exc:
            _last_words(exc)
        sys.exit(ExitCode.BAD_INPUT)  # never 1, which CI reads as "a target failed"


#: The errors of writing to a closed or full output (others are not the output's fault).
_WRITE_ERRORS = frozenset(
    {errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
)


def _last_words(exc: Exception) -> None:
    """What to say of an exception no command caught: a library error is said as any
    problem is; a full or closed output as such; anything else is a bug."""
    from .errors import LzplanError

    if isinstance(exc, LzplanError):  # e.g. a reporter's extra that is not installed
        exit_with_problems(exc.problems)
    if isinstance(exc, OSError) and exc.errno in _WRITE_ERRORS:  # stdout or stderr
        say_last(f"error: cannot write the output: {exc.strerror or exc}")
        return
    if os.environ.get("LZPLAN_DEBUG"):
        raise exc
    say_last(f"error: internal error ({type(exc).__name__}: {exc}); this is a bug in lzplan")


def _reading(command: Callable[..., None]) -> Callable[..., None]:
    """The options of every command that reads data: output, datasets, roster, encoding."""
    for option in (SHEET, ENCODING, ROSTER, EACH, FORCE, OUTPUT):
        command = option(command)
    return command


@click.group(
    cls=_Group,
    context_settings={
        "help_option_names": ["-h", "--help"],
        # click's own default (terminal width up to 80), found without importing shutil
        "terminal_width": max(min(columns(80), 80) - 2, 50),
    },
)
@click.version_option(package_name="lzplan")
def main() -> None:
    """Check annual education data against the Linzi 14th Five-Year education plan."""
    # a province's data is millions of small objects that live until the run ends: the
    # default collector would scan them over and over (a fifth of a large run), so it runs
    # rarely, as mypy's does
    import gc

    gc.set_threshold(200_000, 30, 30)
    for stream in (sys.stdout, sys.stderr):
        # a GBK console cannot show 𠮷 (a place name's rare character): shown as \U00020bb7
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


@main.command()
@click.option("--section", help="Only this section: its id or Chinese name (学前教育).")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@PLAN
@LANG
def targets(
    section: str | None, output_format: str, plan_path: str | None, lang: str | None
) -> None:
    """List the plan's targets."""
    from .errors import LzplanError
    from .planfile import load_plan
    from .selection import select_targets

    try:
        plan = load_plan(plan_path_of(plan_path))
        chosen = select_targets(plan, section)
    except LzplanError as error:
        exit_with_problems(error.problems)
    if output_format == "json":
        from .report_json import render_targets as render_json

        click.echo(render_json(chosen))
        return
    from .report_table import render_targets

    words = language(lang)
    click.echo(render_targets(chosen, plan, width(), terminal(), lang=words), nl=False)


@main.command()
@LANG
def plans(lang: str | None) -> None:
    """List the bundled plans, by the names --plan takes."""
    from .i18n import say
    from .planfile import bundled_plans, load_plan

    words = language(lang)
    for name, path in bundled_plans().items():
        plan = load_plan(path)
        title = plan.title_zh if words == "zh" else f"{plan.title_zh} · {plan.title_en}"
        count = say("targets.count", words, count=len(plan.targets))
        click.echo(f"{name}  {title}（{count}）" if words == "zh" else f"{name}  {title} ({count})")


@main.command()
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@PLAN
@LANG
def indicators(output_format: str, plan_path: str | None, lang: str | None) -> None:
    """List what a data file may give: every indicator's id, Chinese name and other names."""
    from .errors import LzplanError
    from .planfile import load_plan

    try:
        plan = load_plan(plan_path_of(plan_path))
    except LzplanError as error:
        exit_with_problems(error.problems)
    if output_format == "json":
        from .report_json import render_indicators as render_json

        click.echo(render_json(plan))
        return
    from .report_table import render_indicators

    click.echo(render_indicators(plan, width(), terminal(), lang=language(lang)), nl=False)


@main.command()
@PATHS
@PLAN
@YEAR
@FORMAT
@click.option(
    "--fail-on",
    type=click.Choice(["fail", "warn", "missing"]),
    default="fail",
    show_default=True,
    help="Exit 1 when a target fails; with warn also when one warns; "
    "with missing also when data is missing.",
)
@_reading
@LANG
@COLOR
def check(
    paths: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    output_format: str,
    fail_on: str,
    output: str | None,
    force: bool,
    each: bool,
    roster_path: str | None,
    encoding: str | None,
    sheet: str | None,
    lang: str | None,
    color: str,
) -> None:
    """Judge data (CSV or .xlsx files, folders; - for standard input) against the plan.

    All PATHS form one dataset (one district's data, merged per year) unless --each.
    """
    from .check import Watched, failed, judge_datasets, judged

    output_format = chosen_format(output_format)
    file_only(output_format, output)
    options = read_options(year, encoding, sheet)
    loaded = load(plan_path, paths, options, roster_path, each, problems_as(output_format))
    say_problems(loaded, language(lang))
    chosen = CHECK_FORMATS[output_format]
    if chosen.stream:  # written as judged: a province's results are never held whole
        watched = Watched(judged(loaded.plan, loaded.datasets), lambda some: failed(some, fail_on))
        finish(render_stream(chosen, watched, language(lang)), output, force, loaded, watched)
    reports = judge_datasets(loaded.plan, loaded.datasets)
    rich, colored = drawing(color, output)
    data = render(chosen, reports, loaded.plan, width(), rich, language(lang), colored)
    finish(data, output, force, loaded, failed(reports, fail_on))


@main.command()
@PATHS
@PLAN
@YEAR
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["auto", "text", "json", "github", "markdown", "junit"]),
    default="auto",
    show_default=True,
    help="auto: text, or github annotations under GitHub Actions; json for programs, "
    "markdown for a pull-request comment, junit for CI test reports.",
)
@click.option("--show", is_flag=True, help="Also list every value read, and where from.")
@_reading
@LANG
def validate(
    paths: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    output_format: str,
    show: bool,
    output: str | None,
    force: bool,
    each: bool,
    roster_path: str | None,
    encoding: str | None,
    sheet: str | None,
    lang: str | None,
) -> None:
    """Check the shape of data files without judging targets (exit 2 on any problem)."""
    words = language(lang)
    from . import report_problems
    from .check import summarise

    if output_format == "auto":
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    options = read_options(year, encoding, sheet, every_table=True)
    to = Output(output, force)
    loaded = load(plan_path, paths, options, roster_path, each, output_format, to, words)
    notices = tuple(notice for dataset in loaded.datasets for notice in dataset.notices)
    listed = (*notices, *loaded.problems)
    if output_format != "text":
        files = tuple(file for dataset in loaded.datasets for file in dataset.files)
        text = problem_text(listed, output_format, files)
    else:
        text = report_problems.render_text(notices, words)
        if show:
            from .report_values import render_values

            text += render_values(loaded.datasets, loaded.plan)
        text += "".join(line + "\n" for line in summarise(loaded.datasets, words))
        if loaded.problems and to.path is not None:  # a file gets the whole report
            text += report_problems.render_text(tuple(loaded.problems), words)
    to.inputs = loaded.files
    emit(text, to)
    if loaded.problems:
        if output_format == "text" and to.path is None:
            text = report_problems.render_text(tuple(loaded.problems), words)
            click.echo(text, nl=False, err=True)
        sys.exit(ExitCode.BAD_INPUT)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@PLAN
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Now: the year to measure progress to (default: the latest year with data).",
)
@FORMAT
@click.option(
    "--fail-on",
    type=click.Choice(["fail", "warn", "missing"]),
    default="fail",
    show_default=True,
    help="Exit 1 when a target was not met by a deadline that has passed or a year broke a "
    "yearly rule; with warn also on limited progress or deterioration; with missing also "
    "when a passed deadline has no data.",
)
@_reading
@LANG
@COLOR
def progress(
    paths: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    output_format: str,
    fail_on: str,
    output: str | None,
    force: bool,
    each: bool,
    roster_path: str | None,
    encoding: str | None,
    sheet: str | None,
    lang: str | None,
    color: str,
) -> None:
    """Each target over the plan's years: verdicts, progress status, pace and outcome.

    PATHS (files and folders) form one dataset; the default is the bundled real data.
    """
    from .check import Watched
    from .errors import LzplanError
    from .planfile import bundled_actuals
    from .progress import measure
    from .progress_exit import progress_failed

    output_format = chosen_format(output_format)
    file_only(output_format, output)

    chosen = paths or (shown_path(bundled_actuals()),)
    options = read_options(None, encoding, sheet)
    loaded = load(plan_path, chosen, options, roster_path, each, problems_as(output_format))
    say_problems(loaded, language(lang))
    reporter = PROGRESS_FORMATS[output_format]
    if reporter.stream:  # written as measured, a county at a time (a year given too early
        # is refused by the first county, before anything is written)
        measured = (measure(loaded.plan, dataset, year) for dataset in loaded.datasets)
        watched = Watched(measured, lambda some: progress_failed(some, fail_on))
        chunks = render_stream(reporter, watched, language(lang))
        finish(chunks, output, force, loaded, watched)
    try:
        reports = [measure(loaded.plan, dataset, year) for dataset in loaded.datasets]
    except LzplanError as error:
        exit_with_problems(error.problems)
    rich, colored = drawing(color, output)
    data = render(reporter, reports, loaded.plan, width(), rich, language(lang), colored)
    finish(data, output, force, loaded, progress_failed(reports, fail_on))


@main.command()
@PATHS
@click.option(
    "--plan",
    "plan_paths",
    multiple=True,
    type=click.Path(),
    help="A criteria plan (a bundled name or a file, such as a province's stricter one); "
    "repeat for more. Default: compulsory-quality-balance and preschool-universal.",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Now: the year to judge (default: the latest year with per-school data).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(READINESS_FORMATS)),
    default="table",
    show_default=True,
    help="table for people, json with every number, csv: the 问题清单 (one row per "
    "school and problem), xlsx: every view as a sheet (needs --output).",
)
@_reading
@LANG
@COLOR
def readiness(
    paths: tuple[str, ...],
    plan_paths: tuple[str, ...],
    year: int | None,
    output_format: str,
    output: str | None,
    force: bool,
    each: bool,
    roster_path: str | None,
    encoding: str | None,
    sheet: str | None,
    lang: str | None,
    color: str,
) -> None:
    """Would the county pass accreditation? The national criteria on per-school data,
    with what each failing school would take and the district's total.

    PATHS (files and folders) form one dataset unless --each.
    """
    from dataclasses import replace

    from .errors import LzplanError, Problem
    from .planfile import BUNDLED_PLANS, CRITERIA_PLANS
    from .readiness import assess, latest_year, load_criteria, not_judged

    file_only(output_format, output)
    names = plan_paths or CRITERIA_PLANS
    # a county's folder holds figures for every plan: none of them is worth a note
    options = replace(read_options(year, encoding, sheet), companions=frozenset(BUNDLED_PLANS))
    try:
        given = inputs(paths)  # standard input is read once, for every plan
        loads = load_criteria(names, path_of(roster_path), given, options, each)
    except LzplanError as error:
        exit_with_problems(error.problems, lang=language(lang))
    said: set[Problem] = set()  # a note on a shared file is said once, not once per plan
    for loaded in loads:
        listed = [n for dataset in loaded.datasets for n in dataset.notices]
        fresh = list(dict.fromkeys(p for p in (*listed, *loaded.problems) if p not in said))
        said.update(fresh)
        say_problems(replace(loaded, datasets=[], problems=fresh), language(lang))
    assessed, plans = [], []
    for loaded in loads:
        for dataset in loaded.datasets:  # --each: every county at its own latest year
            now = year or latest_year([dataset])
            if now is None:
                exit_with_problems((Problem(dataset.name, "no year with data: give --year"),))
            assessed.append(assess(loaded.plan, dataset, now))
            plans.append(loaded.plan)
        if not loaded.datasets and loaded.problems:  # refused: the report says so, and why
            assessed.append(not_judged(loaded))
            plans.append(loaded.plan)
    chosen = READINESS_FORMATS[output_format]
    rich, colored = drawing(color, output)
    data = render(chosen, assessed, plans, width(), rich, language(lang), colored)
    failing = any(item.verdict == "fail" for item in assessed)
    merged = loads[0]
    files = [file for loaded in loads for file in loaded.files]
    problems = [problem for loaded in loads for problem in loaded.problems]
    finish(data, output, force, replace(merged, files=files, problems=problems), failing)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@PLAN
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Now: the year the evaluation is as of (default: the latest year with data).",
)
@click.option(
    "--notes",
    "notes_path",
    type=click.Path(),
    help="A CSV of explanations (情况说明): target id, explanation; shown under each target.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "docx"]),
    default="html",
    show_default=True,
    help="html: one page for a browser and print; docx: a Word document (needs --output).",
)
@click.option(
    "--lang",
    type=click.Choice(["zh"]),
    callback=remember_lang,
    help="The report is written in Chinese (zh), for the meeting: the only language it has.",
)
@click.option("--output", "-o", "output", type=click.Path(), help="Write the report to FILE.")
@FORCE
@ROSTER
@ENCODING
@SHEET
def report(
    paths: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    notes_path: str | None,
    lang: str | None,
    output_format: str,
    output: str | None,
    force: bool,
    roster_path: str | None,
    encoding: str | None,
    sheet: str | None,
) -> None:
    """The final evaluation (总结评估) as one HTML page for the meeting: each target over the
    plan's years with a chart, its progress and outcome, and the explanation given for it.

    PATHS (files and folders) form one dataset; the default is the bundled real data.
    """
    from pathlib import Path

    from .errors import LzplanError
    from .evaluation import evaluate, read_explanations
    from .planfile import bundled_actuals
    from .report_html import render_html

    file_only(output_format, output)
    chosen = paths or (shown_path(bundled_actuals()),)
    loaded = load(plan_path, chosen, read_options(None, encoding, sheet), roster_path, False)
    say_problems(loaded, language(None))
    explanations: dict[str, str] = {}
    if notes_path is not None:
        known = {target.id for target in loaded.plan.targets}
        try:
            explanations = read_explanations(Path(notes_path), known)
        except LzplanError as error:
            exit_with_problems(error.problems)
        loaded.files.append(Path(notes_path))
    try:
        (dataset,) = loaded.datasets
        evaluation = evaluate(loaded.plan, dataset, year, explanations)
        if output_format == "docx":
            from .report_docx import render_docx

            page: str | bytes = render_docx(evaluation)
        else:
            page = render_html(evaluation)
    except LzplanError as error:
        exit_with_problems(error.problems)
    finish(page, output, force, loaded, False)


@main.command()
@click.argument("year", type=click.IntRange(1900, 2200))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "xlsx"]),
    default="csv",
    show_default=True,
    help="csv (UTF-8 with BOM, for Excel) or xlsx (needs --output).",
)
@click.option("--output", "-o", "output", type=click.Path(), help="Write to FILE.")
@click.option("--wide", is_flag=True, help="One row per school or town, one column per figure.")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@PLAN
@ROSTER
@LANG
def template(
    year: int,
    output_format: str,
    output: str | None,
    wide: bool,
    force: bool,
    plan_path: str | None,
    roster_path: str | None,
    lang: str | None,
) -> None:
    """Write a fill-in template: every figure the plan's targets need for YEAR."""
    from pathlib import Path

    from .errors import LzplanError, Problem, UsageError
    from .planfile import bundled_plan_path, load_plan, plan_files, plan_roster
    from .template import template_bytes

    try:
        output = None if output == "-" else output
        if output_format == "xlsx" and output is None:
            raise UsageError([Problem("--format xlsx", "a workbook needs --output FILE.xlsx")])
        plan = load_plan(plan_path_of(plan_path))
        roster = plan_roster(plan, plan_path_of(plan_path), path_of(roster_path))
        data = template_bytes(plan, year, roster, output_format, wide)
        if output is None:
            write_stdout(data)
            return
        from .output import write_output

        read = plan_files(plan_path_of(plan_path) or bundled_plan_path())
        read += [roster.path] if roster is not None and roster.path is not None else []
        write_output(Path(output), data, read, force=force)
    except LzplanError as error:
        exit_with_problems(error.problems)
    from .i18n import say

    click.echo(say("wrote", language(lang), file=output), err=True)
