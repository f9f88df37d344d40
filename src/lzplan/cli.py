"""The command line: parses options and hands over to the library.

Only click is imported at start-up; each command imports what it needs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

import click

from .exitcodes import ExitCode

if TYPE_CHECKING:
    from pathlib import Path

_PLAN = click.option(
    "--plan",
    "plan_path",
    type=click.Path(dir_okay=True),
    default=None,
    help="Plan file (YAML). Default: the bundled Linzi plan.",
)
_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def _bad_input(error: Exception) -> NoReturn:
    from .errors import LzplanError

    assert isinstance(error, LzplanError)
    for problem in error.problems:
        click.echo(f"error: {problem.render()}", err=True)
    sys.exit(ExitCode.BAD_INPUT)


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _path(text: str | None) -> Path | None:
    from pathlib import Path

    return None if text is None else Path(text)


def _terminal() -> bool:
    """A person at a terminal gets rich's colour tables; pipes and CI get plain ones."""
    return sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lzplan")
def main() -> None:
    """Check annual education data against the Linzi 14th Five-Year education plan."""


@main.command()
@click.option("--section", help="Only this section: its id or Chinese name (学前教育).")
@_FORMAT
@_PLAN
def targets(section: str | None, output_format: str, plan_path: str | None) -> None:
    """List the plan's targets."""
    from .check import select_targets
    from .errors import LzplanError
    from .planfile import load_plan

    try:
        plan = load_plan(_path(plan_path))
        chosen = select_targets(plan, section)
    except LzplanError as error:
        _bad_input(error)
    if output_format == "json":
        from .report_json import render_targets as render_json

        click.echo(render_json(chosen))
        return
    from .report_table import render_targets

    click.echo(render_targets(chosen, plan, _width(), _terminal()), nl=False)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@_PLAN
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Year of the data, or the one year of a long file to judge.",
)
@_FORMAT
@click.option(
    "--fail-on",
    type=click.Choice(["fail", "warn", "missing"]),
    default="fail",
    show_default=True,
    help="Exit 1 when a target fails; with warn also when one warns; "
    "with missing also when data is missing.",
)
def check(
    files: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    output_format: str,
    fail_on: str,
) -> None:
    """Judge data files (CSV) against the plan's targets."""
    from pathlib import Path

    from .check import check_files, failed
    from .errors import LzplanError
    from .planfile import load_plan

    try:
        plan = load_plan(_path(plan_path))
        reports = check_files(plan, [Path(file) for file in files], year)
    except LzplanError as error:
        _bad_input(error)
    if output_format == "json":
        from .report_json import render_check as render_json

        click.echo(render_json(reports))
    else:
        from .report_table import render_check

        click.echo(render_check(reports, plan, _width(), _terminal()), nl=False)
    sys.exit(ExitCode.FAILED if failed(reports, fail_on) else ExitCode.OK)
