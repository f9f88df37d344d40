"""Input problems as text for people, JSON for programs, or GitHub workflow commands."""

from __future__ import annotations

import json
from dataclasses import asdict

from .display import safe
from .errors import Problem


def render_text(problems: tuple[Problem, ...]) -> str:
    """One ``error: file:line: …`` (or ``warning:``, ``note:``) line per problem."""
    return "".join(f"{problem.severity}: {problem.render()}\n" for problem in problems)


def render_json(problems: tuple[Problem, ...]) -> str:
    """A JSON list of problems: file, line, column, where, message."""
    return json.dumps([asdict(problem) for problem in problems], ensure_ascii=False, indent=2)


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
