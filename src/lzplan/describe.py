"""Short human descriptions of rules, shared by the reporters."""

from __future__ import annotations

from .display import format_number
from .model import (
    Aggregate,
    Approximate,
    Checklist,
    Comparison,
    Each,
    Milestone,
    Projection,
    Target,
    Threshold,
    YearlyChange,
)

#: How reports for people write comparison operators.
OP_SYMBOL = {">=": "≥", "<=": "≤", "==": "="}


def symbol(op: str) -> str:
    """``>=`` → ``≥``: operators as people read them."""
    return OP_SYMBOL.get(op, op)


def scaled(factor: float, name: str) -> str:
    """``name``, or ``5 × name`` when the factor is not 1."""
    return name if factor == 1 else f"{format_number(factor)} × {name}"


def describe(target: Target) -> str:
    """What ``target`` asks for, e.g. ``≥ 98.5 by 2025 (from 98 in 2020)``."""
    rule = target.rule
    unit = target.unit if target.unit in ("", "%") else f" {target.unit}"
    by = f"by {target.deadline}"
    if isinstance(rule, Threshold):
        when = "every year" if rule.every_year else by
        text = f"{symbol(rule.op)} {format_number(rule.value)}{unit} {when}"
    elif isinstance(rule, Projection):
        text = f"≈ {format_number(rule.value)}{unit} {by} (±{rule.tolerance:.0%}, projection)"
    elif isinstance(rule, YearlyChange):
        text = f"change {symbol(rule.op)} {format_number(rule.delta)}{unit} every year"
    elif isinstance(rule, Comparison):
        text = f"{rule.left} {symbol(rule.op)} {scaled(rule.factor, rule.right)} every year"
    elif isinstance(rule, Each):
        when = "every year" if rule.every_year else by
        text = f"each: {symbol(rule.op)} {format_number(rule.value)}{unit} {when}"
    elif isinstance(rule, Aggregate):
        text = f"{rule.stat} {symbol(rule.op)} {format_number(rule.value)} {by}"
    elif isinstance(rule, Milestone):
        text = f"done {by}"
    elif isinstance(rule, Checklist):
        dues = sorted({item.due for item in rule.items})
        span = f"{dues[0]}" if len(dues) == 1 else f"{dues[0]}–{dues[-1]}"
        text = f"{len(rule.items)} items due {span}"
    else:
        assert isinstance(rule, Approximate)
        text = f"about {format_number(rule.value)} ± {format_number(rule.tolerance)}{unit} {by}"
    if target.baseline is not None:
        text += f" (from {format_number(target.baseline.value)} in {target.baseline.year})"
    return text
