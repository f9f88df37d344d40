"""Naming entities as the plan and the roster do: item names, schools, towns.

A checklist item or a school an ``each`` rule lists must be named exactly as the
plan names it; a school or town is matched against the roster by its code, name
or alias. An unknown one is an error where the roster is complete, a warning
where it is not (the bundled roster lists only the schools the plan names).
"""

from __future__ import annotations

from dataclasses import dataclass

from .layout import closest
from .model import Checklist, Each, KOfN, Plan
from .roster import Entity, Roster

#: Entity kinds whose names are checked against the roster.
ROSTER_KINDS = frozenset({"school", "town", "kindergarten"})


#: The warning of a name beyond those a file lists: counted, never shown, so not worded.
UNLISTED = "not in the roster (not listed)"


@dataclass(frozen=True, slots=True)
class Named:
    """The entity's name as the plan or roster writes it (``None``: refused), and what
    to say: an error (``problem``) or a ``warning``, in ``column``; ``per_year``: the
    warning is about the row's year (said once per name and year, else once per name);
    ``any_year``: the same in every year (a name a province's file repeats each year is
    then worked out once)."""

    name: str | None
    problem: str = ""
    warning: str = ""
    column: str = "entity"
    per_year: bool = False
    any_year: bool = False


class EntityNames:
    """Resolves what a row names to the plan's or roster's own name."""

    def __init__(self, plan: Plan, roster: Roster | None) -> None:
        self.plan = plan
        self.roster = roster
        self.listed: dict[str, set[str]] = {}
        for target in plan.targets:
            rule = target.rule
            if isinstance(rule, Checklist):
                self.listed.setdefault(rule.indicator, set()).update(i.name for i in rule.items)
            elif isinstance(rule, (Each, KOfN)) and rule.entities:
                for name in target.indicators:  # and the counts a derived one comes from
                    for given in (name, *plan.given_as(name)):
                        self.listed.setdefault(given, set()).update(rule.entities)

    def scope(self, indicator: str) -> str:
        """What a name's meaning depends on for ``indicator``: its own list of items, the
        roster, or nothing (a name stands as written); names resolve alike within a scope."""
        if indicator in self.listed:
            return indicator
        kind = self.plan.indicator(indicator).entity_kind
        return " roster" if self.roster is not None and kind in ROSTER_KINDS else " free"

    def resolve(
        self, indicator: str, name: str, code: str, year: int | None = None, hint: bool = True
    ) -> Named:
        """What ``name`` (or ``code``) is for ``indicator`` in ``year``; ``hint``: work out a
        did-you-mean, and word a warning (without it, a warning is :data:`UNLISTED`)."""
        listed = self.listed.get(indicator)
        if listed is not None:
            return _listed(indicator, name, listed, hint)
        roster = self.roster
        if roster is None or self.plan.indicator(indicator).entity_kind not in ROSTER_KINDS:
            return Named(name or code, any_year=True)
        by_code = roster.match(code) if code else None
        by_name = roster.match(name) if name else None
        disagree = _disagreement(roster, code, name, by_code, by_name)
        if disagree:
            return Named(None, disagree, column="code")
        found = by_code or by_name
        if found is not None:
            return _existing(found, year, roster.file)
        if code and "E+" in code.upper():
            message = f"code {code!r} was shortened by Excel: format the column as text and "
            return Named(None, message + "type the codes again", column="code")
        if code and not name:
            message = f"code {code!r} is not in the roster ({roster.file}): name the school"
            return Named(None, message + " or add it to the roster", column="code")
        if not hint and not roster.complete:
            return Named(name, warning=UNLISTED, any_year=True)  # no text for each of them
        suggestion = roster.suggest(name) if hint else None
        close = f"; did you mean {suggestion!r}?" if suggestion else ""
        if roster.complete:
            return Named(None, f"{name!r} is not in the roster ({roster.file}){close}")
        message = f"{name!r} is not in the roster ({roster.file}, which lists only some){close}"
        return Named(name, warning=message, any_year=True)


def _disagreement(
    roster: Roster, code: str, name: str, by_code: Entity | None, by_name: Entity | None
) -> str:
    """Why a row's 学校标识码 and name cannot both be right, or ``""``.

    Under a complete roster both must be known; under an incomplete one, only two known
    entities that differ are a contradiction.
    """
    if by_code is not None and by_name is not None and by_code is not by_name:
        return (
            f"code {code!r} is {by_code.name!r} in the roster ({roster.file}), "
            f"but the name says {name!r}: correct one of them"
        )
    if not (code and name and roster.complete) or (by_code is None) == (by_name is None):
        return ""
    if by_code is None:
        return f"code {code!r} is not in the roster ({roster.file}), which has {name!r}"
    return f"code {code!r} is {by_code.name!r} in the roster ({roster.file}), not {name!r}"


def _existing(found: Entity, year: int | None, file: str) -> Named:
    """The roster's entity, with a warning when the roster says it does not exist that year."""
    if year is None or found.exists(year):
        return Named(found.name, any_year=found.start is None and found.end is None)
    when = f"closed after {found.end}" if found.end is not None and year > found.end else ""
    when = when or f"opens in {found.start}"
    message = (
        f"{found.name!r} {when} (roster {file}): its {year} figures are not counted in the "
        "rules over its kind; check the year, or the roster's from/to (起始/终止年份)"
    )
    return Named(found.name, warning=message, per_year=True)


def _listed(indicator: str, name: str, listed: set[str], hint: bool) -> Named:
    if name in listed:
        return Named(name, any_year=True)
    found = closest(name, sorted(listed), 0.5) if hint else None
    said = f"; did you mean {found!r}?" if found else f"; expected one of {sorted(listed)}"
    return Named(None, f"{name!r} is not named by the plan for {indicator}{said}")
