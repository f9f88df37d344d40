"""The options several commands share, declared once (click decorators)."""

from __future__ import annotations

import click

from .reporters import CHECK_FORMATS

PLAN = click.option(
    "--plan",
    "plan_path",
    type=click.Path(),
    default=None,
    help="A bundled plan's name (lzplan plans lists them) or a plan file (YAML). "
    "Default: the Linzi plan.",
)
YEAR = click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="Year of the data when neither a year column nor the file name gives it; "
    "for a long file, the one year to judge.",
)
ENCODING = click.option(
    "--encoding", help="Text encoding of CSV files (default: UTF-8, else GBK/GB18030)."
)
SHEET = click.option(
    "--sheet",
    help="Read only this sheet of a workbook (default: every visible sheet with a table).",
)
PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path())
EACH = click.option(
    "--each",
    is_flag=True,
    help="Judge every path as its own dataset (a county's folder, a school's file); a "
    "folder of folders alone: each folder in it. By default all paths form one dataset.",
)
OUTPUT = click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(),
    help="Write the result to FILE (- for standard output): an earlier lzplan report is "
    "replaced, another existing file only with --force, a file this run reads never.",
)
FORCE = click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["auto", *CHECK_FORMATS]),
    default="auto",
    show_default=True,
    help="auto: a table, or github annotations under GitHub Actions; json for programs, "
    "csv for Excel, xlsx a workbook (needs --output), markdown for a pull-request comment "
    "or the job summary, junit for CI test reports.",
)
COLOR = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in tables: auto (on a terminal, unless NO_COLOR is set), always, never.",
)


def remember_lang(ctx: click.Context, _: click.Parameter, value: str | None) -> str | None:
    # kept for every message of the run, the ones said before a command's body too
    ctx.meta[LANG_KEY] = value
    return value


#: Where ``--lang`` is kept in click's context (:func:`lzplan.cliio.language` reads it).
LANG_KEY = "lzplan.lang"
LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    callback=remember_lang,
    help="The language of tables: zh (中文) or en. Default: the locale's "
    "(LANG, LC_ALL; on Windows the interface language). JSON and CSV keep their values.",
)
ROSTER = click.option(
    "--roster",
    "roster_path",
    type=click.Path(),
    help="Roster CSV of the schools and towns that must report (default: the plan's own).",
)
