"""What rows are read against: the plan's indicators by every name, the names of the
entities it knows (plan items, the roster), and other bundled plans' indicators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entitynames import EntityNames
from .layout import IndicatorNames, fold, without_unit

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
        self._taught_by: dict[str, frozenset[str]] | None = None
        self._kind_of: dict[str, str] = {}  # a school's roster kind, by its name

    def not_taught(self, indicator: str, entity: str) -> bool:
        """Whether the roster says ``entity`` teaches no stage that ``indicator`` counts (a
        初中's 小学在校生数, or its 小学部 teachers): a blank cell of it then means none."""
        if self._taught_by is None:
            self._taught_by = _taught_by(self.plan)
        kinds = self._taught_by.get(indicator)
        if not kinds or self.roster is None:
            return False
        kind = self._kind_of.get(entity)
        if kind is None:  # a school's blanks are several: its kind is looked up once
            found = self.roster.match(entity)
            kind = self._kind_of[entity] = found.kind if found is not None else ""
        return bool(kind) and kind not in kinds

    def foreign(self, text: str) -> tuple[str, str] | None:
        """(plan name, indicator id) when another bundled plan defines the indicator ``text``
        names: such a figure is not an error, only not used. The other plans are read on the
        first unknown name, so a file that names only this plan's indicators never pays."""
        if self._foreign is None:
            self._foreign = _other_plans(self.plan)
        found = self._foreign.get(fold(text))
        if found is None:  # 小学在校生数（人）: the name without the unit in its header
            bare = without_unit(text)
            found = self._foreign.get(fold(bare)) if bare != text else None
        return found

    def foreign_per_entity(self, text: str) -> tuple[str, str] | None:
        """:meth:`foreign`, when the other plan gives that figure per school or kindergarten:
        a wide table's 在园幼儿数 is then each kindergarten's, not this plan's district total."""
        found = self.foreign(text)
        if found is None:
            return None
        from .planfile import find_plan, load_plan

        other = load_plan(find_plan(found[0])).indicator_map.get(found[1])
        return found if other is not None and other.per_entity else None


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


def _taught_by(plan: Plan) -> dict[str, frozenset[str]]:
    """Each indicator that counts one stage (its pupils, a figure given for the stage) →
    the roster kinds of school that teach the stage."""
    from .model import StagePart

    kinds = {stage.stage: frozenset(stage.kinds) for stage in plan.stages if stage.kinds}
    found = {stage.pupils: kinds[stage.stage] for stage in plan.stages if stage.stage in kinds}
    for indicator in plan.indicators:
        part = indicator.derived
        if isinstance(part, StagePart) and part.per_stage and part.stage in kinds:
            found[part.per_stage] = kinds[part.stage]
    return found
