"""Additions (``derived: {add: [...]}``): several figures of one entity and year summed —
a school's pupils over all the stages it teaches, for the school-size limit."""

from __future__ import annotations

from .derivedbase import Found, differs, located, observation
from .display import format_number
from .model import Addition, Indicator
from .observations import Index, Observation
from .ratios import input_problems


def compute_addition(indicator: Indicator, rule: Addition, by_key: Index) -> Found:
    """The sum for every entity and year that gives at least one of the figures; a given
    figure that the parts contradict is warned about and the parts' sum is used."""
    parts: dict[tuple[int, str], list[Observation]] = {}
    for name in rule.add:
        for year, held in by_key.of(name).items():
            for entity, seen in held.items():
                if seen.value is not None:
                    parts.setdefault((year, entity), []).append(seen)
    found: Found = []
    note = f"computed: {rule.text()}"  # one string for every school's figure
    for (year, entity), given in sorted(parts.items()):
        value = sum(part.value or 0.0 for part in given)
        anchor = given[0]
        computed = observation(indicator, value, anchor, note)
        stated = by_key.get(indicator.id, year, entity)
        problem = None
        if stated is not None and stated.value is not None and differs(stated.value, value):
            problem = located(
                stated,
                f"{indicator.id} is given as {stated.shown()}, but {rule.text()} = "
                f"{format_number(value)}: the parts are used; check which one is mistyped",
                "warning",
            )
        found.append((computed, problem))
    return found


def check_addition(
    indicator: Indicator, rule: Addition, indicators: dict[str, Indicator]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Known numbers at the indicator's level, each once."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    for index, name in enumerate(rule.add):
        if name in rule.add[:index]:
            found.append((("add", index), f"{name!r} is listed twice"))
        problems = input_problems(indicator, name, indicators, "sum")
        found.extend((("add", index), message) for message in problems)
    return found
