"""The command line's plumbing: reading the inputs a command names, writing its result
(never over a file the run reads), and saying problems — the only place besides
:mod:`lzplan.cli` that prints, and where input errors become exit 2."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NoReturn

import click

from .exitcodes import ExitCode
from .reporters import FILE_ONLY

if TYPE_CHECKING:
    from pathlib import Path

    from .check import Loaded
    from .datafile import ReadOptions
    from .dataset import Input
    from .errors import Problem


def say_last(message: str) -> None:
    """A last message on stderr, which may itself be closed or full."""
    import contextlib

    with contextlib.suppress(OSError):
        click.echo(message, err=True)


def exit_with_problems(
    problems: tuple[Problem, ...],
    output_format: str = "text",
    to: Output | None = None,
    lang: str | None = None,
) -> NoReturn:
    """Report input problems (to ``to``, a validation's ``--output``, if given); exit 2."""

    try:
        machine = output_format in ("json", "github", "markdown", "junit")
        text = problem_text(problems, output_format, lang=lang)
        if to is not None and to.path is not None:
            emit(text, to)
        elif machine:
            click.echo(text, nl=False)
        else:
            click.echo(text, nl=False, err=True)
    except OSError:
        pass  # nowhere to say it; the exit code still does
    sys.exit(ExitCode.BAD_INPUT)


def problems_as(output_format: str) -> str:
    """How a run whose results were to be in ``output_format`` says the input problems that
    stop it: as GitHub annotations, a Markdown table (a job summary) or a JUnit report, in
    the place the results would have gone; else as text on standard error (a JSON list of
    problems where results were expected would break the reader's schema)."""
    return output_format if output_format in ("github", "markdown", "junit") else "text"


def problem_text(
    problems: tuple[Problem, ...],
    output_format: str,
    files: tuple[str, ...] = (),
    lang: str | None = None,
) -> str:
    """Input problems in a validation's ``--format``."""
    from . import report_problems

    if output_format == "json":
        return report_problems.render_json(problems) + "\n"
    if output_format == "github":
        return report_problems.render_github(problems)
    if output_format == "markdown":
        return report_problems.render_markdown(problems, language(lang))
    if output_format == "junit":
        return report_problems.render_junit(problems, files)
    return report_problems.render_text(problems, language(lang))


class Output:
    """Where a result goes: ``--output`` (with ``--force``) or standard output (``-`` too),
    and the files it must never replace."""

    def __init__(self, path: str | None, force: bool, inputs: list[Path] | None = None) -> None:
        self.path = None if path in (None, "-") else path
        self.force = force
        self.inputs = inputs or []


def columns(default: int) -> int:
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


def width() -> int:
    return columns(100)


def terminal() -> bool:
    """A person at a terminal gets rich's colour tables; pipes and CI get plain ones."""
    return sys.stdout.isatty()


def plan_path_of(text: str | None) -> Path | None:
    """The plan ``--plan`` names: a bundled plan's name or a file."""
    from .planfile import find_plan

    return find_plan(text)


def path_of(text: str | None) -> Path | None:
    from pathlib import Path

    return None if text is None else Path(text)


def inputs(paths: tuple[str, ...]) -> list[Input]:
    """Paths, with ``-`` read from standard input (once)."""
    from pathlib import Path

    from .errors import Problem, UsageError
    from .rawfile import read_stream

    if paths.count("-") > 1:
        raise UsageError([Problem("-", "standard input can be read only once")])
    inputs: list[Input] = []
    for name in paths:
        if name == "-":
            inputs.append(read_stream("<stdin>", sys.stdin.buffer))
        else:
            inputs.append(Path(name))
    return inputs


def load(
    plan_path: str | None,
    paths: tuple[str, ...],
    options: ReadOptions,
    roster_path: str | None,
    each: bool,
    problem_format: str = "text",
    to: Output | None = None,
    lang: str | None = None,
) -> Loaded:
    """The plan and the datasets read; on a problem that stops the run, report it (to
    ``to``, a validation's ``--output``, if given) and exit 2."""
    from pathlib import Path

    from .check import load
    from .errors import LzplanError

    try:
        return load(plan_path_of(plan_path), path_of(roster_path), inputs(paths), options, each)
    except LzplanError as error:
        if to is not None:
            named = [*paths, plan_path, roster_path]
            to.inputs = [Path(name) for name in named if name and name != "-"]
        exit_with_problems(error.problems, problem_format, to, lang)


def emit(data: str | bytes | Iterator[bytes], to: Output) -> None:
    """The result (or its chunks, as they are made) to ``to`` (atomically; never over a
    file read; over an existing file only with ``--force``) or to standard output."""
    if to.path is None:
        if isinstance(data, bytes):
            write_stdout(data)
        elif not isinstance(data, str):
            for chunk in data:
                write_stdout(chunk)
        else:
            # the only escapes in a result are the colours asked for (data text is made
            # safe): click must not strip them from a pipe given --color always
            click.echo(data, nl=False, color=True)
        return
    from pathlib import Path

    from .errors import LzplanError
    from .output import write_output

    encoded = data.encode() if isinstance(data, str) else data
    try:
        write_output(Path(to.path), encoded, to.inputs, force=to.force, reports=True)
    except LzplanError as error:
        exit_with_problems(error.problems)


def say_problems(loaded: Loaded, lang: str = "en") -> None:
    """Warnings and notes (which do not change the exit code), then the problems of
    datasets that could not be read (``--each``), on standard error."""
    notices = tuple(notice for dataset in loaded.datasets for notice in dataset.notices)
    if notices or loaded.problems:
        from . import report_problems

        text = report_problems.render_text((*notices, *loaded.problems), lang)
        click.echo(text, nl=False, err=True)


def finish(
    data: str | bytes | Iterator[bytes],
    output: str | None,
    force: bool,
    loaded: Loaded,
    failing: bool | Callable[[], bool],
) -> NoReturn:
    """Write the result; exit 2 if a dataset could not be read (``--each``), else 1 when
    ``failing`` (asked once the result is written, when it is being judged as it is
    written), else 0."""
    emit(data, Output(output, force, loaded.files))
    if loaded.problems:
        sys.exit(ExitCode.BAD_INPUT)
    failed = failing() if callable(failing) else failing
    sys.exit(ExitCode.FAILED if failed else ExitCode.OK)


def chosen_format(output_format: str) -> str:
    """``auto``: github annotations under GitHub Actions, else a table."""
    if output_format != "auto":
        return output_format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"


def drawing(color: str, output: str | None) -> tuple[bool, bool]:
    """Whether rich draws the table, and in colour: on a terminal (or ``--color always``),
    coloured unless ``--color never`` or ``NO_COLOR`` (which ``always`` overrides)."""
    drawn = terminal() and output is None
    if color == "always":
        return True, True
    if color == "never":
        return drawn, False
    return drawn, drawn and not os.environ.get("NO_COLOR")


def file_only(output_format: str, output: str | None) -> None:
    """A workbook is a file's bytes: ``--format xlsx`` needs ``--output``; and an output
    named for one format (``结果.xlsx``) is never written in another (CSV text in it)."""
    from .errors import Problem

    if output_format in (*FILE_ONLY, "docx") and output in (None, "-"):
        what = "a Word document" if output_format == "docx" else "a workbook"
        message = f"{what} needs --output FILE.{output_format}"
        exit_with_problems((Problem(f"--format {output_format}", message),))
    suffix = os.path.splitext(output or "")[1].lower()
    named = _FORMAT_OF_SUFFIX.get(suffix)
    if named is None or named == output_format or _SUFFIX_OF.get(output_format) == suffix:
        return
    if named in _format_choices():
        fix = f"add --format {named}, or name the file for {output_format}"
    else:
        report = " (lzplan report writes the HTML and Word reports)" if named != "xlsx" else ""
        fix = f"name the file for {output_format}{report}"
    message = f"is named {suffix}, but --format is {output_format}: {fix}"
    exit_with_problems((Problem(f"--output {output}", message),))


def _format_choices() -> tuple[str, ...]:
    """The ``--format`` choices of the command being run."""
    context = click.get_current_context(silent=True)
    for param in context.command.params if context is not None else ():
        if param.name == "output_format" and isinstance(param.type, click.Choice):
            return tuple(param.type.choices)
    return ()


#: The file name ending each written format has, and the format each such ending names.
_SUFFIX_OF = {
    "xlsx": ".xlsx", "docx": ".docx", "csv": ".csv", "json": ".json", "markdown": ".md",
    "junit": ".xml", "html": ".html",
}  # fmt: skip
_FORMAT_OF_SUFFIX = {suffix: name for name, suffix in _SUFFIX_OF.items()} | {".htm": "html"}


def language(chosen: str | None = None) -> str:
    """``chosen``, else the run's ``--lang``, else the locale's language."""
    from .clioptions import LANG_KEY

    context = click.get_current_context(silent=True)
    found = chosen or (context.meta.get(LANG_KEY) if context is not None else None)
    if found is not None:
        return str(found)
    from .i18n import default_lang

    return default_lang()


def read_options(
    year: int | None, encoding: str | None, sheet: str | None, every_table: bool = False
) -> ReadOptions:
    from .datafile import ReadOptions

    return ReadOptions(year, encoding, sheet, progress=progress_line(), every_table=every_table)


def progress_line() -> Callable[[int, int], None] | None:
    """On a terminal, a line on standard error saying how many files of a long run are
    read (rewritten in place, cleared at the end); elsewhere nothing at all."""
    if not sys.stderr.isatty():
        return None

    def told(number: int, total: int) -> None:
        if total < LONG_RUN:
            return
        if number == total:
            sys.stderr.write("\r\033[K")
        elif number == 1 or number % 25 == 0:
            sys.stderr.write(f"\rreading {number}/{total} files …")
        sys.stderr.flush()

    return told


#: How many files make a run long enough to show its progress.
LONG_RUN = 50


def shown_path(path: Path) -> str:
    """``path`` relative to here when it lies below, as a person would type it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def write_stdout(data: bytes) -> None:
    """Bytes to standard output as they are, whatever the console's encoding."""
    sys.stdout.flush()  # text already echoed goes first
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
