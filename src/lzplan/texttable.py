"""A lean box-drawn table for output that is not a terminal (CI logs, pipes, files).

It draws the same heavy-headed box as rich's default table, counts Chinese
characters as two columns, and wraps cells to fit the width. It exists because
rich's import and per-cell layout cost more than the whole rest of ``lzplan check``
(see ``docs/design.md``); on a terminal, the rich renderer is used instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .display import char_width, safe, width_of

#: A cell is one or more paragraphs, each wrapped on its own.
Cell = tuple[str, ...]

_TOKENS = re.compile(r"\S+\s*|\s+")
_MIN_WIDTH = 4


@dataclass(frozen=True)
class Row:
    """One row of cells; ``end_section`` draws a rule below it."""

    cells: tuple[Cell, ...]
    end_section: bool = False


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns, at spaces where it can."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(text):
        if width_of(line + token.rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        while width_of(token.rstrip()) > width:
            head = _fit(token, width)
            lines.append(head)
            token = token[len(head) :]
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _fit(text: str, width: int) -> str:
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > width:
            return text[: max(index, 1)]
    return text


def _longest_word(text: str) -> int:
    """The widest run that wrapping should not break: a word, or one wide character."""
    return max((width_of(word) if word.isascii() else 2 for word in text.split()), default=0)


def _widths(headers: Sequence[str], rows: Sequence[Row], limit: int) -> list[int]:
    """Natural widths, shrunk to fit ``limit``: first the slack above each column's
    longest word, then, if that is not enough, the widest columns."""
    widths = [width_of(header) for header in headers]
    floors = [max(width_of(header), _MIN_WIDTH) for header in headers]
    for row in rows:
        for index, cell in enumerate(row.cells):
            for paragraph in cell:
                widths[index] = max(widths[index], width_of(paragraph))
                floors[index] = max(floors[index], _longest_word(paragraph))
    room = limit - (3 * len(widths) + 1)
    while sum(widths) > room:
        slack = [width - floor for width, floor in zip(widths, floors, strict=True)]
        if max(slack) > 0:
            widths[slack.index(max(slack))] -= 1
            continue
        # past every column's longest word: break words, but never a header
        breakable = [
            width - max(width_of(header), _MIN_WIDTH)
            for width, header in zip(widths, headers, strict=True)
        ]
        if max(breakable) <= 0:
            break  # wider than the terminal rather than misaligned
        widths[breakable.index(max(breakable))] -= 1
    return widths


def _line(cells: Sequence[str], widths: Sequence[int], right: Sequence[bool], edge: str) -> str:
    parts = []
    for text, width, flush_right in zip(cells, widths, right, strict=True):
        pad = " " * (width - width_of(text))
        parts.append(f" {pad}{text} " if flush_right else f" {text}{pad} ")
    return edge + edge.join(parts) + edge


def _rule(widths: Sequence[int], left: str, fill: str, middle: str, right: str) -> str:
    return left + middle.join(fill * (width + 2) for width in widths) + right


def render(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Row],
    width: int,
    right: Sequence[bool] = (),
) -> str:
    """The table as text; ``right`` says which columns are right-justified."""
    flush = [bool(right[i]) if i < len(right) else False for i in range(len(headers))]
    clean = [
        Row(tuple(tuple(safe(p) for p in cell) for cell in row.cells), row.end_section)
        for row in rows
    ]
    widths = _widths(headers, clean, width)
    out = [safe(title)] if title else []
    out.append(_rule(widths, "┏", "━", "┳", "┓"))
    out.append(_line(headers, widths, flush, "┃"))
    out.append(_rule(widths, "┡", "━", "╇", "┩"))
    for number, row in enumerate(clean):
        wrapped = [
            [line for paragraph in cell for line in wrap(paragraph, size)] or [""]
            for cell, size in zip(row.cells, widths, strict=False)
        ]
        wrapped += [[""]] * (len(widths) - len(wrapped))
        for depth in range(max(len(lines) for lines in wrapped)):
            texts = [lines[depth] if depth < len(lines) else "" for lines in wrapped]
            out.append(_line(texts, widths, flush, "│"))
        if row.end_section and number < len(clean) - 1:
            out.append(_rule(widths, "├", "─", "┼", "┤"))
    out.append(_rule(widths, "└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"
