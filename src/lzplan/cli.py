"""The command line: parses options and hands over to the library.

Only click is imported at start-up; each command imports what it needs. Input
errors become exit 2 here and nowhere else.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .exitcodes import ExitCode

if TYPE_CHECKING:
    from pathlib import Path

    from .dataset import Input, Subject
    from .errors import Problem
    from .model import Plan

_PLAN = click.option(
    "--plan",
    "plan_path",
    type=click.Path(),
    default=None,
    help="Plan file (YAML). Default: the bundled Linzi plan.",
)
_YEAR = click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Year of the data when neither a year column nor the file name gives it; "
    "for a long file, the one year to judge.",
)
_ENCODING = click.option(
    "--encoding", help="Text encoding of CSV files (default: UTF-8, else GBK/GB18030)."
)
_SHEET = click.option("--sheet", help="Sheet of an Excel workbook (default: the first).")
_FILES = click.argument("files", nargs=-1, required=True, type=click.Path())


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
            _say("error: interrupted; nothing was judged")
        except OSError as exc:  # stdout or stderr closed or full
            _say(f"error: cannot write the output: {exc.strerror or exc}")
        except Exception as exc:
            if os.environ.get("LZPLAN_DEBUG"):
                raise
            _say(f"error: internal error ({type(exc).__name__}: {exc}); this is a bug in lzplan")
        sys.exit(ExitCode.BAD_INPUT)  # never 1, which CI reads as "a target failed"


def _say(message: str) -> None:
    """A last message on stderr, which may itself be closed or full."""
    import contextlib

    with contextlib.suppress(OSError):
        click.echo(message, err=True)


def _problems(problems: tuple[Problem, ...], output_format: str = "text") -> NoReturn:
    from . import report_problems

    try:
        if output_format == "json":
            click.echo(report_problems.render_json(problems))
        elif output_format == "github":
            click.echo(report_problems.render_github(problems), nl=False)
        else:
            click.echo(report_problems.render_text(problems), nl=False, err=True)
    except OSError:
        pass  # nowhere to say it; the exit code still does
    sys.exit(ExitCode.BAD_INPUT)


def _columns(default: int) -> int:
    """The terminal's width (``COLUMNS`` first), without importing shutil for it.

    A terminal that reports no size (``ssh -tt``, ``script``) or a silly one gets the default.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            columns = default
    return columns if columns >= 40 else default


def _width() -> int:
    return _columns(100)


def _terminal() -> bool:
    """A person at a terminal gets rich's colour tables; pipes and CI get plain ones."""
    return sys.stdout.isatty()


def _plan_path(text: str | None) -> Path | None:
    from pathlib import Path

    return None if text is None else Path(text)


def _inputs(files: tuple[str, ...]) -> list[Input]:
    """Paths, with ``-`` read from standard input (once)."""
    from pathlib import Path

    from .errors import Problem, UsageError
    from .rawfile import read_stream

    if files.count("-") > 1:
        raise UsageError([Problem("-", "standard input can be read only once")])
    inputs: list[Input] = []
    for name in files:
        if name == "-":
            inputs.append(read_stream("<stdin>", sys.stdin.buffer))
        else:
            inputs.append(Path(name))
    return inputs


def _read(
    plan_path: str | None,
    files: tuple[str, ...],
    year: int | None,
    encoding: str | None,
    sheet: str | None,
    problem_format: str = "text",
) -> tuple[Plan, list[Subject]]:
    """The plan and every data file read; on any input problem, report it and exit 2."""
    from .dataset import Options, gather
    from .errors import LzplanError
    from .planfile import load_plan

    try:
        plan = load_plan(_plan_path(plan_path))
        return plan, gather(_inputs(files), plan, Options(year, encoding, sheet))
    except LzplanError as error:
        _problems(error.problems, problem_format)


@click.group(
    cls=_Group,
    context_settings={
        "help_option_names": ["-h", "--help"],
        # click's own default (terminal width up to 80), found without importing shutil
        "terminal_width": max(min(_columns(80), 80) - 2, 50),
    },
)
@click.version_option(package_name="lzplan")
def main() -> None:
    """Check annual education data against the Linzi 14th Five-Year education plan."""


@main.command()
@click.option("--section", help="Only this section: its id or Chinese name (学前教育).")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@_PLAN
def targets(section: str | None, output_format: str, plan_path: str | None) -> None:
    """List the plan's targets."""
    from .check import select_targets
    from .errors import LzplanError
    from .planfile import load_plan

    try:
        plan = load_plan(_plan_path(plan_path))
        chosen = select_targets(plan, section)
    except LzplanError as error:
        _problems(error.problems)
    if output_format == "json":
        from .report_json import render_targets as render_json

        click.echo(render_json(chosen))
        return
    from .report_table import render_targets

    click.echo(render_targets(chosen, plan, _width(), _terminal()), nl=False)


@main.command()
@_FILES
@_PLAN
@_YEAR
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table for people, json for programs, csv for Excel.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["fail", "warn", "missing"]),
    default="fail",
    show_default=True,
    help="Exit 1 when a target fails; with warn also when one warns; "
    "with missing also when data is missing.",
)
@_ENCODING
@_SHEET
def check(
    files: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    output_format: str,
    fail_on: str,
    encoding: str | None,
    sheet: str | None,
) -> None:
    """Judge data files (CSV or .xlsx; - for standard input) against the plan's targets."""
    from .check import failed, judge_subjects

    plan, subjects = _read(plan_path, files, year, encoding, sheet)
    reports = judge_subjects(plan, subjects)
    if output_format == "json":
        from .report_json import render_check as render_json

        click.echo(render_json(reports))
    elif output_format == "csv":
        from .report_csv import render_csv

        click.echo(render_csv(reports), nl=False)
    else:
        from .report_table import render_check

        click.echo(render_check(reports, plan, _width(), _terminal()), nl=False)
    sys.exit(ExitCode.FAILED if failed(reports, fail_on) else ExitCode.OK)


@main.command()
@_FILES
@_PLAN
@_YEAR
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, github for GitHub Actions annotations.",
)
@_ENCODING
@_SHEET
def validate(
    files: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    output_format: str,
    encoding: str | None,
    sheet: str | None,
) -> None:
    """Check the shape of data files without judging targets (exit 2 on any problem)."""
    from .check import summarise

    _, subjects = _read(plan_path, files, year, encoding, sheet, output_format)
    if output_format == "json":
        click.echo("[]")
    elif output_format == "text":
        click.echo("\n".join(summarise(subjects)))
