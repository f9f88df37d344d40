"""Stage parts (``derived: {part_of, stage, per_stage}``): a school's figure for one of
the stages it teaches, so that a 九年一贯制 school is judged as a 小学 and as a 初中.

A school has a stage when its pupils of that stage are above 0. A shared figure (rooms,
grounds, equipment) is split between its stages by weighted pupils — share = wₛPₛ ÷ Σ wₜPₜ
with the plan's ``stages`` weights. A figure given per stage (teachers) is used as given; a
school of one stage may give the whole figure instead; a school of several stages that
does not give it per stage has no value for it (named, never guessed).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .derivedbase import Found, differs, empty, located, observation
from .errors import Problem
from .model import Indicator, Plan, Stage, StagePart
from .observations import Index, Key, Observation

if TYPE_CHECKING:
    from .roster import Roster


def compute_stage_part(indicator: Indicator, part: StagePart, plan: Plan, by_key: Index) -> Found:
    """The stage's part for each school and year with pupils of that stage."""
    found: Found = []
    warned: Found = []
    wanted = _pupils_of(plan, part.stage)
    every = _all_stage_pupils(plan, by_key)
    wholes, owns = by_key.of(part.part_of), by_key.of(part.per_stage or "")
    weights = {stage.stage: stage.weight for stage in plan.stages}
    none: dict[str, Observation] = {}
    for year, pupils_of in list(by_key.of(wanted).items()):
        whole_of, own_of = wholes.get(year, none), owns.get(year, none)
        for entity, pupils in list(pupils_of.items()):
            if not entity or not (pupils.value or 0) > 0:
                continue
            whole, own = whole_of.get(entity), own_of.get(entity)
            stages = every[(year, entity)]
            computed, problem = _one(indicator, part, weights, pupils, stages, whole, own)
            found.append((computed, None))
            if problem is not None:
                warned.append((computed, problem))
    # what is said, in the order it was read (the figures come year by year): given again
    # with its problem, the same figure changes nothing
    warned.sort(key=lambda item: (item[1].file, item[1].line or 0) if item[1] else ("", 0))
    return found + warned


def _all_stage_pupils(plan: Plan, by_key: Index) -> dict[tuple[int, str], dict[str, float]]:
    """Each school's stages (pupils above 0) → its pupils, worked out once for all the
    stage parts of a run."""
    found = by_key.memo.get("stage pupils")
    if found is None:
        table: dict[tuple[int, str], dict[str, float]] = {}
        for stage in plan.stages:
            for year, pupils_of in by_key.of(stage.pupils).items():
                for entity, seen in pupils_of.items():
                    if entity and seen.value is not None and seen.value > 0:
                        table.setdefault((year, entity), {})[stage.stage] = seen.value
        by_key.memo["stage pupils"] = found = table
    return found  # type: ignore[return-value]


def no_stage(plan: Plan, by_key: Index, parts_of: set[str], roster: Roster | None) -> list[Problem]:
    """Schools that give a figure stages are parts of but no pupils of any stage (they
    would be in no stage's criteria), or, by their roster kind, not of every stage they
    teach (a 完全中学 without 高中 pupils would put all its rooms in its 初中): named, each at
    its first such figure (by indicator id), in that order."""
    first: dict[tuple[int, str], tuple[Key, Observation]] = {}
    for name in sorted(parts_of):
        for year, held in by_key.of(name).items():
            for entity, seen in held.items():
                if entity and (year, entity) not in first:
                    first[(year, entity)] = ((name, year, entity), seen)
    every = _all_stage_pupils(plan, by_key)
    taught: dict[str, list[Stage]] = {}
    found: list[tuple[Key, list[Problem]]] = []
    for (year, entity), (key, seen) in first.items():
        stages = every.get((year, entity), {})
        said: list[Problem] = []
        if not stages:
            pupils = "、".join(stage.pupils for stage in plan.stages)
            message = (
                f"{entity} gives figures for {year} but no pupils of any stage ({pupils}): "
                "it is in no stage's figures; give its pupils"
            )
            said.append(located(seen, message, "warning"))
        if entity not in taught:
            taught[entity] = _taught(plan, roster, entity)
        for stage in taught[entity]:
            if stage.stage not in stages:
                message = (
                    f"{entity} teaches {stage.stage} (a {_kind(roster, entity)} in the roster) "
                    f"but gives no {stage.pupils} for {year}: its shared figures are split "
                    "without that stage; give its pupils"
                )
                said.append(located(seen, message, "warning"))
        if said:
            found.append((key, said))
    # sorted are the few schools named, not a province's every figure
    return [problem for _, said in sorted(found, key=lambda item: item[0]) for problem in said]


def _kind(roster: Roster | None, entity: str) -> str:
    found = roster.match(entity) if roster is not None else None
    return found.kind if found is not None else ""


def _taught(plan: Plan, roster: Roster | None, entity: str) -> list[Stage]:
    """The stages the roster's kind of ``entity`` teaches (none without a roster)."""
    kind = _kind(roster, entity)
    return [stage for stage in plan.stages if kind and kind in stage.kinds]


def _pupils_of(plan: Plan, stage: str) -> str:
    return next(s.pupils for s in plan.stages if s.stage == stage)


def _one(
    indicator: Indicator,
    part: StagePart,
    weights: dict[str, float],
    pupils: Observation,
    stages: dict[str, float],
    whole: Observation | None,
    own: Observation | None,
) -> tuple[Observation, Problem | None]:
    """The part of one school in one year, from its whole figure and its own for the stage."""
    if part.per_stage:
        if own is not None and own.value is not None:
            said = _both_given(part, own, whole) if len(stages) == 1 else None
            return observation(indicator, own.value, own, _note("given: ", part.per_stage)), said
        if len(stages) > 1:
            why = f"a school of {len(stages)} stages gives {part.per_stage}, not {part.part_of}"
            return empty(indicator, pupils, why), None
        if whole is None or whole.value is None:
            return empty(indicator, pupils, _note("no ", part.part_of)), None
        return observation(indicator, whole.value, whole, _note("given: ", part.part_of)), None
    if whole is None or whole.value is None:
        return empty(indicator, pupils, _note("no ", part.part_of)), None
    if len(stages) == 1:
        return observation(indicator, whole.value, whole, _note("given: ", part.part_of)), None
    weighted = {stage: weights[stage] * count for stage, count in stages.items()}
    share = weighted[part.stage] / sum(weighted.values())
    return observation(indicator, whole.value * share, whole, _SPLIT_NOTE), None


@functools.lru_cache(maxsize=256)
def _note(words: str, indicator: str | None) -> str:
    """``given: …``, ``no …``: one string for every school's part it is said of."""
    return f"{words}{indicator}"


#: How a combined school's shared figure was split (the numbers are its pupils').
_SPLIT_NOTE = (
    "computed: the school's figure × the stage's weighted pupils ÷ all its weighted pupils"
)


def _both_given(part: StagePart, own: Observation, whole: Observation | None) -> Problem | None:
    """A school of one stage giving the figure both whole and for the stage, differently."""
    if whole is None or whole.value is None or own.value is None:
        return None
    if not differs(whole.value, own.value):
        return None
    message = (
        f"{own.entity} teaches only {part.stage} but gives {part.part_of} {whole.shown()} "
        f"and {part.per_stage} {own.shown()} for {own.year}: {part.per_stage} is used; "
        "check which one is mistyped"
    )
    return located(own, message, "warning")
