"""The command line: parses options and hands over to the library.

Only click is imported at start-up; each command imports what it needs. Input
errors become exit 2 here and nowhere else.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .exitcodes import ExitCode
from .reporters import CHECK_FORMATS, FILE_ONLY, PROGRESS_FORMATS, READINESS_FORMATS, render

if TYPE_CHECKING:
    from pathlib import Path

    from .check import Loaded
    from .datafile import ReadOptions
    from .dataset import Input
    from .errors import Problem

_PLAN = click.option(
    "--plan",
    "plan_path",
    type=click.Path(),
    default=None,
    help="A bundled plan's name (lzplan plans lists them) or a plan file (YAML). "
    "Default: the Linzi plan.",
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
_SHEET = click.option(
    "--sheet",
    help="Read only this sheet of a workbook (default: every visible sheet with a table).",
)
_PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path())
_EACH = click.option(
    "--each",
    is_flag=True,
    help="Judge every path as its own dataset (a county's folder, a school's file); "
    "by default all paths form one dataset.",
)
_OUTPUT = click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(),
    help="Write the result to FILE (- for standard output): an earlier lzplan report is "
    "replaced, another existing file only with --force, a file this run reads never.",
)
_FORCE = click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["auto", *CHECK_FORMATS]),
    default="auto",
    show_default=True,
    help="auto: a table, or github annotations under GitHub Actions; json for programs, "
    "csv for Excel, xlsx a workbook (needs --output), markdown for a pull-request comment "
    "or the job summary, junit for CI test reports.",
)
_COLOR = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in tables: auto (on a terminal, unless NO_COLOR is set), always, never.",
)
_LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    help="The language of tables: zh (中文) or en. Default: the locale's "
    "(LANG, LC_ALL; on Windows the interface language). JSON and CSV keep their values.",
)
_ROSTER = click.option(
    "--roster",
    "roster_path",
    type=click.Path(),
    help="Roster CSV of the schools and towns that must report (default: the plan's own).",
)


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


def _problems(
    problems: tuple[Problem, ...],
    output_format: str = "text",
    to: _Output | None = None,
    lang: str | None = None,
) -> NoReturn:
    """Report input problems (to ``to``, a validation's ``--output``, if given); exit 2."""

    try:
        machine = output_format in ("json", "github", "markdown", "junit")
        text = _problem_text(problems, output_format, lang=lang)
        if to is not None and to.path is not None:
            _emit(text, to)
        elif machine:
            click.echo(text, nl=False)
        else:
            click.echo(text, nl=False, err=True)
    except OSError:
        pass  # nowhere to say it; the exit code still does
    sys.exit(ExitCode.BAD_INPUT)


def _problem_text(
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
        return report_problems.render_markdown(problems)
    if output_format == "junit":
        return report_problems.render_junit(problems, files)
    return report_problems.render_text(problems, _lang(lang))


class _Output:
    """Where a result goes: ``--output`` (with ``--force``) or standard output (``-`` too),
    and the files it must never replace."""

    def __init__(self, path: str | None, force: bool, inputs: list[Path] | None = None) -> None:
        self.path = None if path in (None, "-") else path
        self.force = force
        self.inputs = inputs or []


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


def _plan(text: str | None) -> Path | None:
    """The plan ``--plan`` names: a bundled plan's name or a file."""
    from .planfile import find_plan

    return find_plan(text)


def _path(text: str | None) -> Path | None:
    from pathlib import Path

    return None if text is None else Path(text)


def _inputs(paths: tuple[str, ...]) -> list[Input]:
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


def _load(
    plan_path: str | None,
    paths: tuple[str, ...],
    options: ReadOptions,
    roster_path: str | None,
    each: bool,
    problem_format: str = "text",
    to: _Output | None = None,
    lang: str | None = None,
) -> Loaded:
    """The plan and the datasets read; on a problem that stops the run, report it (to
    ``to``, a validation's ``--output``, if given) and exit 2."""
    from pathlib import Path

    from .check import load
    from .errors import LzplanError

    try:
        return load(_plan(plan_path), _path(roster_path), _inputs(paths), options, each)
    except LzplanError as error:
        if to is not None:
            named = [*paths, plan_path, roster_path]
            to.inputs = [Path(name) for name in named if name and name != "-"]
        _problems(error.problems, problem_format, to, lang)


def _emit(data: str | bytes, to: _Output) -> None:
    """The result to ``to`` (atomically; never over a file read; over an existing file only
    with ``--force``) or to standard output."""
    if to.path is None:
        if isinstance(data, bytes):
            _write_stdout(data)
        else:
            # the only escapes in a result are the colours asked for (data text is made
            # safe): click must not strip them from a pipe given --color always
            click.echo(data, nl=False, color=True)
        return
    from pathlib import Path

    from .errors import LzplanError
    from .output import write_output

    encoded = data if isinstance(data, bytes) else data.encode()
    try:
        write_output(Path(to.path), encoded, to.inputs, force=to.force, reports=True)
    except LzplanError as error:
        _problems(error.problems)


def _say_problems(loaded: Loaded, lang: str = "en") -> None:
    """Warnings and notes (which do not change the exit code), then the problems of
    datasets that could not be read (``--each``), on standard error."""
    notices = tuple(notice for dataset in loaded.datasets for notice in dataset.notices)
    if notices or loaded.problems:
        from . import report_problems

        text = report_problems.render_text((*notices, *loaded.problems), lang)
        click.echo(text, nl=False, err=True)


def _reading(command: Callable[..., None]) -> Callable[..., None]:
    """The options of every command that reads data: output, datasets, roster, encoding."""
    for option in (_SHEET, _ENCODING, _ROSTER, _EACH, _FORCE, _OUTPUT):
        command = option(command)
    return command


def _finish(
    data: str | bytes, output: str | None, force: bool, loaded: Loaded, failing: bool
) -> NoReturn:
    """Write the result; exit 2 if a dataset could not be read (``--each``), else 1 when
    ``failing``, else 0."""
    _emit(data, _Output(output, force, loaded.files))
    if loaded.problems:
        sys.exit(ExitCode.BAD_INPUT)
    sys.exit(ExitCode.FAILED if failing else ExitCode.OK)


def _chosen_format(output_format: str) -> str:
    """``auto``: github annotations under GitHub Actions, else a table."""
    if output_format != "auto":
        return output_format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"


def _drawing(color: str, output: str | None) -> tuple[bool, bool]:
    """Whether rich draws the table, and in colour: on a terminal (or ``--color always``),
    coloured unless ``--color never`` or ``NO_COLOR`` (which ``always`` overrides)."""
    terminal = _terminal() and output is None
    if color == "always":
        return True, True
    if color == "never":
        return terminal, False
    return terminal, terminal and not os.environ.get("NO_COLOR")


def _file_only(output_format: str, output: str | None) -> None:
    """A workbook is a file's bytes: ``--format xlsx`` needs ``--output``."""
    if output_format in (*FILE_ONLY, "docx") and output in (None, "-"):
        from .errors import Problem

        what = "a Word document" if output_format == "docx" else "a workbook"
        message = f"{what} needs --output FILE.{output_format}"
        _problems((Problem(f"--format {output_format}", message),))


def _lang(chosen: str | None) -> str:
    """``--lang``, else the locale's language."""
    if chosen is not None:
        return chosen
    from .i18n import default_lang

    return default_lang()


def _options(year: int | None, encoding: str | None, sheet: str | None) -> ReadOptions:
    from .datafile import ReadOptions

    return ReadOptions(year, encoding, sheet, progress=_progress_line())


def _progress_line() -> Callable[[int, int], None] | None:
    """On a terminal, a line on standard error saying how many files of a long run are
    read (rewritten in place, cleared at the end); elsewhere nothing at all."""
    if not sys.stderr.isatty():
        return None

    def told(number: int, total: int) -> None:
        if total < _LONG_RUN:
            return
        if number == total:
            sys.stderr.write("\r\033[K")
        elif number == 1 or number % 25 == 0:
            sys.stderr.write(f"\rreading {number}/{total} files …")
        sys.stderr.flush()

    return told


#: How many files make a run long enough to show its progress.
_LONG_RUN = 50


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
@_PLAN
@_LANG
def targets(
    section: str | None, output_format: str, plan_path: str | None, lang: str | None
) -> None:
    """List the plan's targets."""
    from .errors import LzplanError
    from .planfile import load_plan
    from .selection import select_targets

    try:
        plan = load_plan(_plan(plan_path))
        chosen = select_targets(plan, section)
    except LzplanError as error:
        _problems(error.problems)
    if output_format == "json":
        from .report_json import render_targets as render_json

        click.echo(render_json(chosen))
        return
    from .report_table import render_targets

    words = _lang(lang)
    click.echo(render_targets(chosen, plan, _width(), _terminal(), lang=words), nl=False)


@main.command()
@_LANG
def plans(lang: str | None) -> None:
    """List the bundled plans, by the names --plan takes."""
    from .i18n import say
    from .planfile import bundled_plans, load_plan

    words = _lang(lang)
    for name, path in bundled_plans().items():
        plan = load_plan(path)
        title = plan.title_zh if words == "zh" else f"{plan.title_zh} · {plan.title_en}"
        count = say("targets.count", words, count=len(plan.targets))
        click.echo(f"{name}  {title}（{count}）" if words == "zh" else f"{name}  {title} ({count})")


@main.command()
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@_PLAN
@_LANG
def indicators(output_format: str, plan_path: str | None, lang: str | None) -> None:
    """List what a data file may give: every indicator's id, Chinese name and other names."""
    from .errors import LzplanError
    from .planfile import load_plan

    try:
        plan = load_plan(_plan(plan_path))
    except LzplanError as error:
        _problems(error.problems)
    if output_format == "json":
        from .report_json import render_indicators as render_json

        click.echo(render_json(plan))
        return
    from .report_table import render_indicators

    click.echo(render_indicators(plan, _width(), _terminal(), lang=_lang(lang)), nl=False)


@main.command()
@_PATHS
@_PLAN
@_YEAR
@_FORMAT
@click.option(
    "--fail-on",
    type=click.Choice(["fail", "warn", "missing"]),
    default="fail",
    show_default=True,
    help="Exit 1 when a target fails; with warn also when one warns; "
    "with missing also when data is missing.",
)
@_reading
@_LANG
@_COLOR
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
    from .check import failed, judge_datasets

    output_format = _chosen_format(output_format)
    _file_only(output_format, output)
    options = _options(year, encoding, sheet)
    loaded = _load(plan_path, paths, options, roster_path, each)
    _say_problems(loaded, _lang(lang))
    reports = judge_datasets(loaded.plan, loaded.datasets)
    chosen = CHECK_FORMATS[output_format]
    rich, colored = _drawing(color, output)
    data = render(chosen, reports, loaded.plan, _width(), rich, _lang(lang), colored)
    _finish(data, output, force, loaded, failed(reports, fail_on))


@main.command()
@_PATHS
@_PLAN
@_YEAR
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
@_LANG
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
    words = _lang(lang)
    from . import report_problems
    from .check import summarise

    if output_format == "auto":
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    options = _options(year, encoding, sheet)
    to = _Output(output, force)
    loaded = _load(plan_path, paths, options, roster_path, each, output_format, to, words)
    notices = tuple(notice for dataset in loaded.datasets for notice in dataset.notices)
    listed = (*notices, *loaded.problems)
    if output_format != "text":
        files = tuple(file for dataset in loaded.datasets for file in dataset.files)
        text = _problem_text(listed, output_format, files)
    else:
        text = report_problems.render_text(notices, words)
        if show:
            from .report_values import render_values

            text += render_values(loaded.datasets, loaded.plan)
        text += "".join(line + "\n" for line in summarise(loaded.datasets))
        if loaded.problems and to.path is not None:  # a file gets the whole report
            text += report_problems.render_text(tuple(loaded.problems), words)
    to.inputs = loaded.files
    _emit(text, to)
    if loaded.problems:
        if output_format == "text" and to.path is None:
            text = report_problems.render_text(tuple(loaded.problems), words)
            click.echo(text, nl=False, err=True)
        sys.exit(ExitCode.BAD_INPUT)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_PLAN
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Now: the year to measure progress to (default: the latest year with data).",
)
@_FORMAT
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
@_LANG
@_COLOR
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
    from .errors import LzplanError
    from .planfile import bundled_actuals
    from .progress import measure
    from .progress_exit import progress_failed

    output_format = _chosen_format(output_format)
    _file_only(output_format, output)

    chosen = paths or (_shown_path(bundled_actuals()),)
    loaded = _load(plan_path, chosen, _options(None, encoding, sheet), roster_path, each)
    _say_problems(loaded, _lang(lang))
    try:
        reports = [measure(loaded.plan, dataset, year) for dataset in loaded.datasets]
    except LzplanError as error:
        _problems(error.problems)
    reporter = PROGRESS_FORMATS[output_format]
    rich, colored = _drawing(color, output)
    data = render(reporter, reports, loaded.plan, _width(), rich, _lang(lang), colored)
    _finish(data, output, force, loaded, progress_failed(reports, fail_on))


@main.command()
@_PATHS
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
@_LANG
@_COLOR
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

    from .errors import Problem
    from .planfile import BUNDLED_PLANS
    from .readiness import CRITERIA_PLANS, assess, latest_year

    _file_only(output_format, output)
    names = plan_paths or CRITERIA_PLANS
    # a county's folder holds figures for every plan: none of them is worth a note
    options = replace(_options(year, encoding, sheet), companions=frozenset(BUNDLED_PLANS))
    loads = [_load(name, paths, options, roster_path, each) for name in names]
    said: set[Problem] = set()  # a note on a shared file is said once, not once per plan
    for loaded in loads:
        fresh = [n for dataset in loaded.datasets for n in dataset.notices if n not in said]
        said.update(fresh)
        _say_problems(
            replace(loaded, datasets=[], problems=[*fresh, *loaded.problems]), _lang(lang)
        )
    assessed = []
    for loaded in loads:
        for dataset in loaded.datasets:  # --each: every county at its own latest year
            now = year or latest_year([dataset])
            if now is None:
                _problems((Problem(dataset.name, "no year with data: give --year"),))
            assessed.append(assess(loaded.plan, dataset, now))
    plans = [loaded.plan for loaded in loads for _ in loaded.datasets]
    chosen = READINESS_FORMATS[output_format]
    rich, colored = _drawing(color, output)
    data = render(chosen, assessed, plans, _width(), rich, _lang(lang), colored)
    failing = any(item.verdict == "fail" for item in assessed)
    merged = loads[0]
    files = [file for loaded in loads for file in loaded.files]
    problems = [problem for loaded in loads for problem in loaded.problems]
    _finish(data, output, force, replace(merged, files=files, problems=problems), failing)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_PLAN
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
@click.option("--output", "-o", "output", type=click.Path(), help="Write the report to FILE.")
@_FORCE
@_ROSTER
@_ENCODING
@_SHEET
def report(
    paths: tuple[str, ...],
    plan_path: str | None,
    year: int | None,
    notes_path: str | None,
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

    from .errors import LzplanError, Problem
    from .evaluation import evaluate, read_explanations
    from .planfile import bundled_actuals
    from .report_html import render_html

    if output_format == "docx":
        _file_only("docx", output)
    chosen = paths or (_shown_path(bundled_actuals()),)
    loaded = _load(plan_path, chosen, _options(None, encoding, sheet), roster_path, False)
    _say_problems(loaded, _lang(None))
    explanations: dict[str, str] = {}
    if notes_path is not None:
        try:
            explanations = read_explanations(Path(notes_path).read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            _problems((Problem(notes_path, f"cannot read the explanations: {exc}"),))
        unknown = sorted(set(explanations) - {t.id for t in loaded.plan.targets})
        if unknown:
            message = (
                f"no such target in the plan: {', '.join(unknown)}; use the ids of lzplan targets"
            )
            _problems((Problem(notes_path, message),))
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
        _problems(error.problems)
    _finish(page, output, force, loaded, False)


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
@_PLAN
@_ROSTER
@_LANG
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
    from .planfile import bundled_plan_path, load_plan, plan_roster
    from .template import template_bytes

    try:
        if output_format == "xlsx" and output is None:
            raise UsageError([Problem("--format xlsx", "a workbook needs --output FILE.xlsx")])
        plan = load_plan(_plan(plan_path))
        roster = plan_roster(plan, _plan(plan_path), _path(roster_path))
        data = template_bytes(plan, year, roster, output_format, wide)
        if output is None:
            _write_stdout(data)
            return
        from .output import write_output

        read = [_plan(plan_path) or bundled_plan_path()]
        read += [roster.path] if roster is not None and roster.path is not None else []
        write_output(Path(output), data, read, force=force)
    except LzplanError as error:
        _problems(error.problems)
    from .i18n import say

    click.echo(say("wrote", _lang(lang), file=output), err=True)


def _shown_path(path: Path) -> str:
    """``path`` relative to here when it lies below, as a person would type it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output as they are, whatever the console's encoding."""
    sys.stdout.flush()  # text already echoed goes first
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
