"""Input problems as text for people, JSON for programs, or GitHub workflow commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from .display import safe
from .errors import Problem

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "note": "说明"}


def render_text(problems: tuple[Problem, ...], lang: str = "en") -> str:
    """One ``error: file:line: …`` (or ``warning:``, ``note:``) line per problem; in Chinese
    (``lang``) the severity and the message (:func:`zh_input`)."""
    if lang != "zh":
        return "".join(f"{problem.severity}: {problem.render()}\n" for problem in problems)
    from .i18n import zh_input

    lines = []
    for problem in problems:
        text = problem.render().replace(f"column '{problem.column}'", f"列“{problem.column}”")
        lines.append(f"{_SEVERITY_ZH[problem.severity]}：{zh_input(text)}\n")
    return "".join(lines)


def _words(lang: str) -> tuple[Callable[[str], str], dict[str, str]]:
    """How a message is said in ``lang``, and the severities' words."""
    if lang != "zh":
        return (lambda text: text), {key: key for key in _SEVERITY_ZH}
    from .i18n import zh_input

    return zh_input, _SEVERITY_ZH


def render_json(problems: tuple[Problem, ...]) -> str:
    """A JSON list of problems: file, line, column, where, message."""
    from .report_json import json_list

    return json_list([asdict(problem) for problem in problems])


def escape(text: str, property_: bool = False) -> str:
    """Text made safe for a GitHub workflow command (``property_``: a field's value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = safe(text)  # other control characters (terminal escapes) shown, not sent
    if property_:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(problems: tuple[Problem, ...]) -> str:
    """``::error file=…,line=…::message`` lines that GitHub Actions shows on the file."""
    lines = []
    for problem in problems:
        fields = [f"file={escape(problem.file, True)}"]
        if problem.line is not None:
            fields.append(f"line={problem.line}")
        if isinstance(problem.column, int):
            fields.append(f"col={problem.column}")
        fields.append("title=lzplan")
        where = " ".join(
            part
            for part in (
                f"column '{problem.column}':" if isinstance(problem.column, str) else "",
                f"{problem.where}:" if problem.where else "",
                problem.message,
            )
            if part
        )
        command = {"error": "error", "warning": "warning", "note": "notice"}[problem.severity]
        lines.append(f"::{command} {','.join(fields)}::{escape(where)}\n")
    return "".join(lines)


def render_markdown(problems: tuple[Problem, ...], lang: str = "en") -> str:
    """A Markdown table of the problems (for a pull-request comment or the job summary),
    its headers, severities and messages in ``lang``."""
    from .i18n import say
    from .output import MARKDOWN_MARK
    from .report_markdown import cell

    if not problems:
        return f"{MARKDOWN_MARK}\n{say('problems.none', lang)}\n"
    said, severity = _words(lang)
    headers = " | ".join(say(f"col.{key}", lang) for key in ("severity", "where", "problem"))
    lines = [MARKDOWN_MARK, f"| {headers} |", "|---|---|---|"]
    for problem in problems:
        place = problem.file + (f":{problem.line}" if problem.line is not None else "")
        if isinstance(problem.column, str):
            place += f" ({problem.column})"
        message = cell(said(problem.message))
        lines.append(f"| {severity[problem.severity]} | {cell(place)} | {message} |")
    return "\n".join(lines) + "\n"


def render_junit(problems: tuple[Problem, ...], files: tuple[str, ...] = ()) -> str:
    """JUnit XML: a test case per file, failing with its errors (warnings as output)."""
    import xml.etree.ElementTree as ElementTree

    by_file: dict[str, list[Problem]] = {name: [] for name in files}
    for problem in problems:
        by_file.setdefault(problem.file.split("[")[0], []).append(problem)
    root = ElementTree.Element("testsuites", name="lzplan")
    suite = ElementTree.SubElement(root, "testsuite", name="lzplan validate")
    failures = 0
    for name, found in by_file.items():
        case = ElementTree.SubElement(suite, "testcase", classname="validate", name=name)
        errors = [p for p in found if p.severity == "error"]
        if errors:
            failures += 1
            failure = ElementTree.SubElement(case, "failure", message=f"{len(errors)} problem(s)")
            failure.text = "".join(f"{p.render()}\n" for p in errors)
        others = [p for p in found if p.severity != "error"]
        if others:
            output = ElementTree.SubElement(case, "system-out")
            output.text = "".join(f"{p.severity}: {p.render()}\n" for p in others)
    suite.set("tests", str(len(by_file)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ElementTree.indent(root)
    text: str = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n"
