"""A target's years as a PNG chart, for documents that cannot hold SVG (Word): the same
drawing as :mod:`lzplan.svgchart` — figures as a line of points coloured by verdict, the
plan's required path dashed — made with matplotlib (``lzplan[docx]``), imported only here."""

from __future__ import annotations

import io
from collections.abc import Sequence

from .svgchart import COLOURS

_REQUIRED = "#1565c0"


def chart_png(
    years: Sequence[int],
    actual: Sequence[float | None],
    expected: Sequence[float | None],
    statuses: Sequence[str],
) -> bytes:
    """The PNG bytes of one target's chart (about 16 × 5 cm at 150 dpi)."""
    import matplotlib

    matplotlib.use("Agg")  # no screen on a server: draw to memory only
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6.3, 2.0), dpi=150)
    try:
        shown = [(y, e) for y, e in zip(years, expected, strict=True) if e is not None]
        if len(shown) > 1:
            axes.plot(*zip(*shown, strict=True), linestyle="--", color=_REQUIRED, linewidth=1.5)
        points = [
            (y, a, s) for y, a, s in zip(years, actual, statuses, strict=True) if a is not None
        ]
        if points:
            axes.plot(
                [p[0] for p in points], [p[1] for p in points], color="#424242", linewidth=1.5
            )
            axes.scatter(
                [p[0] for p in points],
                [p[1] for p in points],
                color=[COLOURS.get(p[2], "#757575") for p in points],
                zorder=3,
                s=22,
            )
        axes.set_xticks(list(years))
        axes.tick_params(labelsize=7)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png")
        return out.getvalue()
    finally:
        pyplot.close(figure)
