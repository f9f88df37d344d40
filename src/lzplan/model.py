"""The plan as data: sections, indicators, targets and the rule each target applies.

The rule kinds are in :mod:`lzplan.rulemodel`, derived figures, stages and exclusions in
:mod:`lzplan.derivedmodel`, the shared constraints in :mod:`lzplan.modelbase`; all are
re-exported here. They are frozen stdlib dataclasses rather than pydantic models so that a cached,
already validated plan can be used without importing pydantic at all (see
``docs/design.md``). pydantic validates them all the same: ``planfile`` builds a
``TypeAdapter`` over :class:`Plan`, which honours ``__pydantic_config__`` (unknown
fields are refused) and the ``Annotated`` constraints below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

from .derivedmodel import Addition, Exclusion, Ratio, Stage, StagePart, Total
from .modelbase import _STRICT, Identifier, MinLen, Nature, Op, Year
from .rulemodel import (
    RULE_KINDS,
    Aggregate,
    Approximate,
    Checklist,
    ChecklistItem,
    Comparison,
    Criterion,
    Each,
    KOfN,
    Milestone,
    Projection,
    Rule,
    Stat,
    Threshold,
    YearlyChange,
    indicator_slots,
    rule_indicators,
)

__all__ = [
    "RULE_KINDS", "Addition", "Aggregate", "Approximate", "Baseline", "Checklist",
    "ChecklistItem", "Citation", "Comparison", "Criterion", "Each", "Exclusion", "Indicator",
    "KOfN", "Milestone", "Nature", "Op", "Plan", "Projection", "Ratio", "Rule", "Section",
    "Stage", "StagePart", "Stat", "Target", "Threshold", "Total", "YearlyChange",
    "indicator_slots", "rule_indicators",
]  # fmt: skip


@dataclass(frozen=True)
class Citation:
    """Where in the plan a target comes from: the heading and the verbatim sentence.

    ``confidence`` is for criteria known only from secondary sources (the national
    accreditation texts): ``agreed`` (the same value in two or more independent sources),
    ``one source``, or ``unverified``; empty when the plan's own text is quoted.
    """

    __pydantic_config__ = _STRICT
    heading: Annotated[str, MinLen(1)]
    quote: Annotated[str, MinLen(1)]
    confidence: Literal["", "agreed", "one source", "unverified"] = ""


@dataclass(frozen=True)
class Baseline:
    """The plan's own value for its baseline year."""

    __pydantic_config__ = _STRICT
    year: Year
    value: float


@dataclass(frozen=True)
class Section:
    """A chapter of the plan that groups targets (preschool, funding, ...)."""

    __pydantic_config__ = _STRICT
    id: Identifier
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    """A measured quantity that data files supply, one value per year (and entity).

    ``type`` is ``number`` for quantities and ``flag`` for done/not-done facts,
    which a data file gives as yes/no or as the date they were done.
    """

    __pydantic_config__ = _STRICT
    id: Identifier
    name_zh: str
    name_en: str
    unit: str
    type: Literal["number", "flag"] = "number"
    per_entity: bool = False
    entity_kind: str = ""
    note: str = ""
    #: Other names bureaus write for it (在园幼儿数 for 幼儿在园人数); data rows may use them.
    aliases: tuple[str, ...] = ()
    #: The range (in ``unit``) outside which a value is almost certainly a typing mistake.
    plausible: tuple[float, float] | None = None
    #: Computed from other indicators where the data does not give it.
    derived: Ratio | Total | StagePart | Addition | None = None

    @property
    def inputs(self) -> tuple[str, ...]:
        """The indicators a derived one is computed from (none for a given one)."""
        if isinstance(self.derived, Ratio):
            return (self.derived.numerator, self.derived.denominator)
        if isinstance(self.derived, Total):
            return (self.derived.sum_of,)
        if isinstance(self.derived, StagePart):
            return tuple(filter(None, (self.derived.part_of, self.derived.per_stage)))
        if isinstance(self.derived, Addition):
            return self.derived.add
        return ()


# --- rules ---------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One checkable commitment of the plan."""

    __pydantic_config__ = _STRICT
    id: Identifier
    section: Identifier
    name_zh: str
    name_en: str
    unit: str
    nature: Nature
    nature_note: str
    deadline: Year
    source: Citation
    rule: Rule
    baseline: Baseline | None = None
    note: str = ""
    #: Which way is better, for the progress measure: ``increase`` or ``decrease``.
    direction: Literal["increase", "decrease"] | None = None
    #: The bundled criteria plan that decides it (a national accreditation), which
    #: ``lzplan readiness`` runs on per-school data.
    criteria: str = ""

    @cached_property
    def indicators(self) -> tuple[str, ...]:
        """The indicator ids a data file must supply for this target."""
        return rule_indicators(self.rule)


@dataclass(frozen=True)
class Plan:
    """A whole plan: its period, sections, indicators and targets."""

    __pydantic_config__ = _STRICT
    id: Identifier
    title_zh: str
    title_en: str
    issued: str
    period_start: Year
    period_end: Year
    baseline_year: Year
    sections: tuple[Section, ...]
    indicators: tuple[Indicator, ...]
    targets: tuple[Target, ...]
    source_document: str = ""
    #: The roster of who must report, relative to the plan file (``roster.csv``).
    roster: str = ""
    #: The stages a school may teach, for indicators that are a stage's part of a school's.
    stages: tuple[Stage, ...] = ()
    #: Schools outside the scope of every rule of the plan (教学点 under 50 pupils).
    exclude: tuple[Exclusion, ...] = ()

    def section(self, key: str) -> Section | None:
        """The section whose id or Chinese name is ``key``."""
        for section in self.sections:
            if key in (section.id, section.name_zh):
                return section
        return None

    def given_as(self, indicator_id: str) -> tuple[str, ...]:
        """The indicators a data file gives for ``indicator_id``: the counts a derived one
        is computed from, followed through derived ones (bureaus keep counts, not ratios);
        itself for a given one. A stage part needs every stage's pupils, to split by."""
        given: dict[str, None] = {}
        seen: set[str] = set()
        waiting = [indicator_id]
        while waiting:
            name = waiting.pop(0)
            if name in seen:
                continue  # a cycle, which the plan checks refuse
            seen.add(name)
            found = self.indicator_map.get(name)
            inputs = found.inputs if found is not None else ()
            if found is not None and isinstance(found.derived, StagePart):
                inputs = (*inputs, *(stage.pupils for stage in self.stages))
            waiting.extend(inputs)
            if not inputs:
                given[name] = None
        return tuple(given)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator called ``indicator_id`` (the plan was validated to have it)."""
        return self.indicator_map[indicator_id]

    @cached_property
    def indicator_map(self) -> dict[str, Indicator]:
        """Indicators by id."""
        return {indicator.id: indicator for indicator in self.indicators}
