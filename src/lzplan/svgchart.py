"""A target's years as a small inline SVG chart: its figures as a line of points, and the
plan's requirement year by year (the straight path to the target) as a dashed line. Inline
SVG needs no script and no network, weighs a few kilobytes, prints sharply on A4 and costs
nothing to import (see the README on the choice)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .display import format_number

WIDTH, HEIGHT = 520, 170
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 16, 14, 30
#: Verdict colours of the points, shared with the PNG charts.
COLOURS = {"pass": "#2e7d32", "fail": "#c62828", "warn": "#ef6c00"}


def chart(
    years: Sequence[int],
    actual: Sequence[float | None],
    expected: Sequence[float | None],
    statuses: Sequence[str],
    label: str,
) -> str:
    """The SVG for one target (``label`` is its accessible name)."""
    values = [v for v in (*actual, *expected) if v is not None]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    low, high = low - pad, high + pad

    def x(index: int) -> float:
        span = max(len(years) - 1, 1)
        return _LEFT + index * (WIDTH - _LEFT - _RIGHT) / span

    def y(value: float) -> float:
        return _TOP + (high - value) * (HEIGHT - _TOP - _BOTTOM) / (high - low)

    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{_LEFT}" y1="{HEIGHT - _BOTTOM}" x2="{WIDTH - _RIGHT}" y2="{HEIGHT - _BOTTOM}"'
        ' stroke="#999"/>',
    ]
    for tick in (low + pad, high - pad):
        parts.append(
            f'<text x="{_LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" class="tick">'
            f"{escape(format_number(round(tick, 2)))}</text>"
        )
    for index, year in enumerate(years):
        parts.append(
            f'<text x="{x(index):.1f}" y="{HEIGHT - 10}" text-anchor="middle" class="tick">'
            f"{year}</text>"
        )
    parts.append(_line(expected, x, y, 'stroke="#1565c0" stroke-dasharray="5 4"'))
    parts.append(_line(actual, x, y, 'stroke="#424242"'))
    for index, value in enumerate(actual):
        if value is not None:
            colour = COLOURS.get(statuses[index], "#757575")
            parts.append(
                f'<circle cx="{x(index):.1f}" cy="{y(value):.1f}" r="4" fill="{colour}">'
                f"<title>{years[index]}: {escape(format_number(value))}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _line(values: Sequence[float | None], x: object, y: object, style: str) -> str:
    points = [
        f"{x(i):.1f},{y(v):.1f}"  # type: ignore[operator]
        for i, v in enumerate(values)
        if v is not None
    ]
    if len(points) < 2:
        return ""
    return f'<polyline fill="none" stroke-width="2" {style} points="{" ".join(points)}"/>'
