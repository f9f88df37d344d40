"""The result formats of ``check`` and ``progress``, by name: ``--format`` is built from
here, and adding a format is one module and one line in each table. Reporter modules are
imported only when their format is asked for, so a plain check never loads rich or json;
this module itself is imported by every run (``--help`` too), hence a plain class rather
than a dataclass."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


class Format:
    """A reporter: ``module.function``. A ``table`` (for people: a terminal table,
    Markdown, a workbook) takes the plan, the width, whether it writes to a terminal and the
    language;
    the others take the reports alone, and with ``words`` the language of their labels
    (text gets a final newline and is UTF-8 whatever the console; bytes are written as
    they are)."""

    __slots__ = ("function", "module", "stream", "table", "words")

    def __init__(
        self,
        module: str,
        function: str,
        table: bool = False,
        words: bool = False,
        stream: str = "",
    ) -> None:
        self.module, self.function, self.table, self.words = module, function, table, words
        #: a function of the module that gives the same bytes a chunk at a time, from the
        #: reports as they are judged (``words`` as ``function``)
        self.stream = stream

    def __repr__(self) -> str:
        return f"{self.module}.{self.function}"


CHECK_FORMATS: dict[str, Format] = {
    "table": Format("report_table", "render_check", table=True),
    "json": Format("report_json", "render_check", words=True, stream="stream_check"),
    "csv": Format("report_csv", "render_csv_bytes", words=True),
    "xlsx": Format("report_xlsx", "render_check", table=True),
    "markdown": Format("report_markdown", "render_check", table=True),
    "junit": Format("report_junit", "render_check", words=True),
    "github": Format("report_github", "render_check", words=True),
}
PROGRESS_FORMATS: dict[str, Format] = {
    "table": Format("report_progress", "render_progress", table=True),
    "json": Format("report_json", "render_progress", words=True, stream="stream_progress"),
    "csv": Format("report_csv", "render_progress_bytes", words=True),
    "xlsx": Format("report_xlsx", "render_progress", table=True),
    "markdown": Format("report_markdown", "render_progress", table=True),
    "junit": Format("report_junit", "render_progress", words=True),
    "github": Format("report_github", "render_progress", words=True),
}
assert CHECK_FORMATS.keys() == PROGRESS_FORMATS.keys()  # the commands share one --format
#: Formats written as a file's bytes only: they need ``--output``.
FILE_ONLY = frozenset({"xlsx"})
#: ``readiness``: its table takes the criteria plans; csv is the 问题清单 (problem list).
READINESS_FORMATS: dict[str, Format] = {
    "table": Format("report_readiness", "render_table", table=True),
    "json": Format("report_readiness", "render_json"),
    "csv": Format("report_readiness", "render_csv_bytes"),
    "xlsx": Format("report_readiness_xlsx", "render_xlsx"),
    "markdown": Format("report_markdown", "render_readiness", table=True),
}


def render_stream(chosen: Format, reports: Iterable[Any], lang: str = "en") -> Iterator[bytes]:
    """The reports, as they come, in the ``chosen`` format's ``stream``."""
    import importlib

    module = importlib.import_module(f".{chosen.module}", __package__)
    chunks: Iterator[bytes] = getattr(module, chosen.stream)(reports, lang=lang)
    return chunks


def render(
    chosen: Format,
    reports: Any,
    plan: Any,
    width: int,
    terminal: bool,
    lang: str = "en",
    color: bool = True,
) -> str | bytes:
    """The reports in the ``chosen`` format: a table drawn by rich when ``terminal`` (in
    colour unless ``color`` is off), its words in ``lang``."""
    import importlib

    reporter = getattr(importlib.import_module(f".{chosen.module}", __package__), chosen.function)
    if chosen.table:
        drawn: str | bytes = reporter(reports, plan, width, terminal, lang=lang, color=color)
        return drawn
    data: str | bytes = reporter(reports, lang=lang) if chosen.words else reporter(reports)
    return (data + "\n").encode() if isinstance(data, str) else data
