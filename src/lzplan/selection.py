"""Choosing targets: all of a plan's, or one section's (by id or Chinese name)."""

from __future__ import annotations

from .errors import Problem, UsageError
from .model import Plan, Target


def select_targets(plan: Plan, section: str | None) -> list[Target]:
    """The plan's targets, or those of one section (by id or Chinese name)."""
    if section is None:
        return list(plan.targets)
    found = plan.section(section)
    if found is None:
        known = ", ".join(f"{s.id} ({s.name_zh})" for s in plan.sections)
        raise UsageError([Problem("--section", f"unknown section {section!r}; known: {known}")])
    return [target for target in plan.targets if target.section == found.id]
