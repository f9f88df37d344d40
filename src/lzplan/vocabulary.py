"""What rows are read against: the plan's indicators by every name, the names of the
entities it knows (plan items, the roster), and other bundled plans' indicators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entitynames import EntityNames
from .layout import IndicatorNames, fold

if TYPE_CHECKING:
    from .model import Plan
    from .roster import Roster


class Vocabulary:
    """Built once per run and shared by every file read."""

    def __init__(self, plan: Plan, roster: Roster | None) -> None:
        self.plan = plan
        self.roster = roster
        self.names = IndicatorNames(plan)
        self.entities = EntityNames(plan, roster)
        self._foreign: dict[str, tuple[str, str]] | None = None

    def foreign(self, text: str) -> tuple[str, str] | None:
        """(plan name, indicator id) when another bundled plan defines the indicator ``text``
        names: such a figure is not an error, only not used. The other plans are read on the
        first unknown name, so a file that names only this plan's indicators never pays."""
        if self._foreign is None:
            self._foreign = _other_plans(self.plan)
        return self._foreign.get(fold(text))


def _other_plans(plan: Plan) -> dict[str, tuple[str, str]]:
    from .planfile import bundled_plans, load_plan

    found: dict[str, tuple[str, str]] = {}
    for name, path in bundled_plans().items():
        other = load_plan(path)
        if other.id == plan.id:
            continue
        for indicator in other.indicators:
            if plan.indicator_map.get(indicator.id) is None:
                for text in (indicator.id, indicator.name_zh, *indicator.aliases):
                    found.setdefault(fold(text), (name, indicator.id))
    return found
