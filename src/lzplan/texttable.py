"""Table layout for a width, and a lean box-drawn table for output that is not a terminal.

:func:`fit` decides the column widths and :func:`wrap` the lines of each cell; the
plain renderer here and the rich one in :mod:`lzplan.report_table` both use them, so
the two show the same cells. Chinese characters count as two columns. The plain
renderer exists because rich's import and per-cell layout cost more than the whole rest
of ``lzplan check`` (see ``docs/design.md``); on a terminal, rich draws instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .display import char_width, safe, width_of

#: A cell is one or more paragraphs, each wrapped on its own (a :class:`Dotted` one is an id).
Cell = tuple[str, ...]

_TOKENS = re.compile(r"\S+\s*|\s+")
_DOT_PARTS = re.compile(r"[^.]*\.|[^.]+")
_MIN_WIDTH = 4
# A word too long for its column breaks after one of these; not after a decimal point,
# since "98." / "5%" would read as 98.
_BREAKS = "_-/"
#: Marks a line may not start with (Chinese 避头点).
_NO_LINE_START = frozenset("，。、；：？！）》」』】”’%％·…")


class Dotted(str):
    """A paragraph broken only after a dot, never mid-word: a target id such as
    ``preschool.gross_enrolment_rate``. Its column is kept as wide as its widest part."""

    __slots__ = ()


@dataclass(frozen=True)
class Row:
    """One row of cells; ``end_section`` draws a rule below it."""

    cells: tuple[Cell, ...]
    end_section: bool = False


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns, at spaces where it can.

    A longer word breaks after a ``_``, ``-`` or ``/`` where one fits, else
    anywhere; a :class:`Dotted` text breaks only after a dot, and a part of it wider
    than ``width`` is left whole rather than split.
    """
    dotted = isinstance(text, Dotted)
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
            head = _head(token, width, dotted)
            if head == token:
                break
            lines.append(head)
            token = token[len(head) :]
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def hang(text: str, width: int, indent: int = 2) -> list[str]:
    """``text`` wrapped to ``width``, its later lines indented by ``indent`` spaces."""
    first = wrap(text, width)[0]
    rest = text[len(first) :].strip()
    later = wrap(rest, width - indent) if rest else []
    return [first] + [" " * indent + line for line in later]


def _head(word: str, width: int, dotted: bool) -> str:
    """The first line of a word too wide for ``width``: up to the last break that fits."""
    prefix = _fit(word, width)
    if dotted:
        cut = prefix.rfind(".") + 1 or word.find(".") + 1  # a part too wide stays whole
        return word[:cut] if cut else word
    cut = max(prefix.rfind(mark, 1) for mark in _BREAKS) + 1
    if cut:
        return prefix[:cut]
    # Chinese line breaking: a line never starts with a closing mark (，。；）…), so the
    # character before it moves down with it
    while 1 < len(prefix) < len(word) and word[len(prefix)] in _NO_LINE_START:
        prefix = prefix[:-1]
    return prefix


def _fit(text: str, width: int) -> str:
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > width:
            return text[: max(index, 1)]
    return text


def fit(headers: Sequence[str], rows: Sequence[Row], limit: int) -> list[int]:
    """Column widths for a table of at most ``limit`` columns, borders included.

    Natural widths shrink in three steps, each only as far as needed, always narrowing
    the column furthest above its floor, so the Target column with its long names gives
    way first: down to each column's longest word or id part (text wraps at spaces, ids
    at their dots); then to its header (long words break); last to its widest id part,
    or four columns (headers are shortened). So a table is wider than ``limit`` only
    when its id parts alone do not fit.
    """
    texts = [
        [p for row in rows if i < len(row.cells) for p in row.cells[i]] for i in range(len(headers))
    ]
    floors = [
        _floors(header, paragraphs) for header, paragraphs in zip(headers, texts, strict=True)
    ]
    widths = [natural for natural, *_ in floors]
    room = limit - (3 * len(headers) + 1)
    for step in (1, 2, 3):
        _shrink(widths, [steps[step] for steps in floors], room)
    return widths


def _floors(header: str, paragraphs: list[str]) -> tuple[int, int, int, int]:
    """A column's widths: natural, words whole, header whole, and the least it takes."""
    natural = max([width_of(header)] + [width_of(p) for p in paragraphs])
    parts = [_DOT_PARTS.findall(p) for p in paragraphs if isinstance(p, Dotted)]
    words = [_longest_word(p) for p in paragraphs if not isinstance(p, Dotted)]
    least = max([min(natural, _MIN_WIDTH)] + [width_of(part) for p in parts for part in p])
    headed = max(least, width_of(header))
    return natural, max([headed, *words]), headed, least


def _longest_word(text: str) -> int:
    # a Chinese run may break between any two characters
    return max((width_of(word) if word.isascii() else 2 for word in text.split()), default=0)


def _shrink(widths: list[int], floors: Sequence[int], room: int) -> None:
    """Narrow the column furthest above its floor, one column at a time, until all fit."""
    while sum(widths) > room:
        excess = [width - floor for width, floor in zip(widths, floors, strict=False)]
        if max(excess) <= 0:
            return
        widths[excess.index(max(excess))] -= 1


def heading(header: str, width: int) -> str:
    """``header`` as it fits a column: ``Expected`` in four columns is ``Exp.``."""
    return header if width_of(header) <= width else _fit(header, width - 1) + "."


def clean(rows: Sequence[Row]) -> list[Row]:
    """The rows with control characters shown, never sent (ids stay :class:`Dotted`)."""
    return [
        Row(tuple(tuple(_safe(p) for p in cell) for cell in row.cells), row.end_section)
        for row in rows
    ]


def _safe(paragraph: str) -> str:
    return Dotted(safe(paragraph)) if isinstance(paragraph, Dotted) else safe(paragraph)


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
    rows = clean(rows)
    widths = fit(headers, rows, width)
    shown = [heading(header, size) for header, size in zip(headers, widths, strict=True)]
    out = hang(safe(title), width) if title else []
    out.append(_rule(widths, "┏", "━", "┳", "┓"))
    out.append(_line(shown, widths, flush, "┃"))
    out.append(_rule(widths, "┡", "━", "╇", "┩"))
    for number, row in enumerate(rows):
        wrapped = [
            [line for paragraph in cell for line in wrap(paragraph, size)] or [""]
            for cell, size in zip(row.cells, widths, strict=False)
        ]
        wrapped += [[""]] * (len(widths) - len(wrapped))
        for depth in range(max(len(lines) for lines in wrapped)):
            texts = [lines[depth] if depth < len(lines) else "" for lines in wrapped]
            out.append(_line(texts, widths, flush, "│"))
        if row.end_section and number < len(rows) - 1:
            out.append(_rule(widths, "├", "─", "┼", "┤"))
    out.append(_rule(widths, "└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"
