"""Short human descriptions of targets, shared by the reporters: each rule kind describes
itself (:mod:`lzplan.rules.kinds`); the baseline is added here."""

from __future__ import annotations

from .display import format_number, scaled, symbol
from .model import Target

__all__ = ["describe", "scaled", "symbol"]


def describe(target: Target) -> str:
    """What ``target`` asks for, e.g. ``≥ 98.5 by 2025 (from 98 in 2020)``."""
    from .rules.kinds import kind_of

    text = kind_of(target.rule).describe(target, target.rule)
    if target.baseline is not None:
        text += f" (from {format_number(target.baseline.value)} in {target.baseline.year})"
    return text
