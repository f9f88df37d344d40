"""Totals (``derived: {sum_of, kinds, ownership}``): a district figure summed over the
entities that give a per-entity one — children in kindergartens, or in the public and
inclusive ones only (ownership from the roster).

A total is only as good as its parts: with a roster, every entity of the kinds (and
ownership) that exists that year must give its figure, or the total has no value and a
warning names those without one. Without a roster, a total over kinds or ownership
cannot tell who belongs and says so; a plain total sums what the data reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .derivedbase import Found, differs, empty, located, observation
from .display import format_number
from .errors import Problem
from .model import Indicator, Total
from .observations import Index, Observation

if TYPE_CHECKING:
    from .roster import Roster

#: How many entities a warning names before counting the rest.
_NAMED = 5


def compute_total(
    indicator: Indicator, total: Total, by_key: Index, roster: Roster | None
) -> Found:
    """The total for each year with a figure of ``total.sum_of``, and a problem to say."""
    found: Found = []
    by_year = {
        year: {entity: seen for entity, seen in held.items() if entity}
        for year, held in by_key.of(total.sum_of).items()
    }
    for year, parts in sorted((year, parts) for year, parts in by_year.items() if parts):
        anchor = next(iter(parts.values()))
        members, problem = _members(total, roster, year, parts)
        if problem:
            found.append(
                (empty(indicator, anchor, problem, ""), _warning(indicator, anchor, problem))
            )
            continue
        lacking = [name for name in members if _none(parts.get(name))]
        if lacking:
            why = _lacking(total, lacking)
            found.append((empty(indicator, anchor, why, ""), _warning(indicator, anchor, why)))
            continue
        value = sum(parts[name].value or 0.0 for name in members)
        note = f"computed: {total.text()} ({len(members)} entities)"
        given = by_key.get(indicator.id, year, "")
        said = _unchecked(indicator, total, roster, anchor, len(members))
        if given is not None and given.value is not None and differs(given.value, value):
            message = (
                f"{indicator.id} for {year} is given as {given.shown()}, but {total.text()} "
                f"over {len(members)} entities = {format_number(value)}: the entities' figures "
                "are used; check which one is mistyped"
            )
            said = located(given, message, "warning")
        found.append((observation(indicator, value, anchor, note, ""), said))
    return found


def _members(
    total: Total, roster: Roster | None, year: int, parts: dict[str, Observation]
) -> tuple[list[str], str]:
    """Who the total sums in ``year``, or why it cannot tell."""
    if not (total.kinds or total.ownership) or (roster is None and not total.ownership):
        return sorted(parts), ""  # without a roster, kinds are what the data reports
    if roster is None:
        return [], f"a roster must say which entities are {'、'.join(total.ownership)}"
    entities = [e for e in roster.entities if e.exists(year)]
    if total.kinds:
        entities = [e for e in entities if e.kind in total.kinds]
    unknown = sorted(name for name in parts if not roster.knows(name))
    if unknown:
        return [], f"the roster does not know {_names(unknown)}, so it cannot tell whom to count"
    if total.ownership:
        unstated = [e.name for e in entities if not e.ownership]
        if unstated:
            return [], f"the roster does not give the ownership of {_names(unstated)}"
        entities = [e for e in entities if e.ownership in total.ownership]
    return [e.name for e in entities], ""


def _unchecked(
    indicator: Indicator, total: Total, roster: Roster | None, anchor: Observation, count: int
) -> Problem | None:
    """A note that a total over kinds summed only what the data reports (no roster)."""
    if roster is not None or not total.kinds:
        return None
    message = (
        f"{indicator.id} for {anchor.year} sums the {count} entities the data reports; "
        f"give --roster to check that no {'、'.join(total.kinds)} is missing"
    )
    return Problem(anchor.file, message, severity="note")


def _none(found: Observation | None) -> bool:
    return found is None or found.value is None


def _names(names: list[str]) -> str:
    shown = "、".join(names[:_NAMED])
    more = len(names) - _NAMED
    return shown + (f" and {more} more" if more > 0 else "")


def _lacking(total: Total, lacking: list[str]) -> str:
    return f"{len(lacking)} without {total.sum_of}: {_names(lacking)}"


def _warning(indicator: Indicator, anchor: Observation, why: str) -> Problem:
    message = f"{indicator.id} for {anchor.year} is not summed: {why}"
    return located(anchor, message, "warning")
