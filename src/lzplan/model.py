"""The plan as data: sections, indicators, targets and the rule each target applies.

These are frozen stdlib dataclasses rather than pydantic models so that a cached,
already validated plan can be used without importing pydantic at all (see
``docs/design.md``). pydantic validates them all the same: ``planfile`` builds a
``TypeAdapter`` over :class:`Plan`, which honours ``__pydantic_config__`` (unknown
fields are refused) and the ``Annotated`` constraints below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union


class _Constraint:
    """A field constraint that pydantic reads as the ``annotated_types`` one.

    ``annotated_types`` is imported only when pydantic builds a schema, so that
    the cached path (which never validates) does not pay for it at start-up.
    """

    def __init__(self, name: str, value: float) -> None:
        self.name, self.value = name, value

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        import annotated_types

        constraint = getattr(annotated_types, self.name)(self.value)
        return handler(Annotated[source, constraint])


def Ge(value: float) -> Any:
    """At least ``value``."""
    return _Constraint("Ge", value)


def Gt(value: float) -> Any:
    """More than ``value``."""
    return _Constraint("Gt", value)


def Le(value: float) -> Any:
    """At most ``value``."""
    return _Constraint("Le", value)


def MinLen(value: int) -> Any:
    """At least ``value`` long."""
    return _Constraint("MinLen", value)


_STRICT: dict[str, Any] = {"extra": "forbid", "allow_inf_nan": False}

Op = Literal[">=", ">", "<=", "<", "=="]
Nature = Literal["binding", "anticipatory"]
Identifier = Annotated[str, MinLen(1)]
Year = Annotated[int, Ge(1900), Le(2200)]


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
class Ratio:
    """``numerator / denominator × scale``, for each entity and year that gives both: a
    figure bureaus do not keep (teachers per 100 pupils) from counts they do."""

    __pydantic_config__ = _STRICT
    numerator: Identifier
    denominator: Identifier
    scale: float = 1.0

    def text(self) -> str:
        """``teachers ÷ pupils × 100``."""
        scale = f" × {self.scale:g}" if self.scale != 1 else ""
        return f"{self.numerator} ÷ {self.denominator}{scale}"


@dataclass(frozen=True)
class Total:
    """A district figure as the sum of a per-entity one over the entities that give it (of
    the roster's ``kinds`` and ``ownership`` when given): 在园幼儿 summed over kindergartens,
    or over the public and inclusive ones only."""

    __pydantic_config__ = _STRICT
    sum_of: Identifier
    kinds: tuple[str, ...] = ()
    ownership: tuple[str, ...] = ()

    def text(self) -> str:
        """``Σ children_enrolled over 公办、普惠性民办``."""
        over = "、".join((*self.kinds, *self.ownership))
        return f"Σ {self.sum_of}" + (f" over {over}" if over else "")


@dataclass(frozen=True)
class Addition:
    """The sum of several figures of the same entity and year: a school's pupils over all
    the stages it teaches. A figure the entity does not give counts as none of it (a 小学
    gives no 初中 pupils); an entity giving none of them gets no value."""

    __pydantic_config__ = _STRICT
    add: Annotated[tuple[Identifier, ...], MinLen(2)]

    def text(self) -> str:
        """``pupils_primary + pupils_junior``."""
        return " + ".join(self.add)


@dataclass(frozen=True)
class StagePart:
    """A school's figure for one stage (小学, 初中, 高中) of the stages it teaches.

    Without ``per_stage`` the whole school's figure (rooms, grounds, equipment) is split
    between its stages by weighted pupils (see :class:`Stage`); with it, the figure is the
    one given per stage (teachers), or the whole figure for a school of that stage only.
    """

    __pydantic_config__ = _STRICT
    part_of: Identifier
    stage: Identifier
    per_stage: str = ""

    def text(self) -> str:
        """``sports_area, 小学's part``."""
        how = f", or {self.per_stage}" if self.per_stage else " by weighted pupils"
        return f"{self.part_of} of the {self.stage} part{how}"


@dataclass(frozen=True)
class Stage:
    """One stage a school may teach: the indicator of its pupils, and the weight of one of
    them when a school's shared figures are split between its stages (the national
    九年一贯制 小学:初中 = 1:1.1, 完全中学 初中:高中 = 1:1.2, 十二年一贯制 1:1.1:1.32 are
    the weights 1, 1.1, 1.32)."""

    __pydantic_config__ = _STRICT
    stage: Identifier
    pupils: Identifier
    weight: Annotated[float, Gt(0)] = 1.0
    #: The roster kinds of school that teach it (完全中学 teaches 初中 and 高中): a school of
    #: such a kind without pupils of the stage is named, not silently split without it.
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exclusion:
    """Schools outside a set of criteria's scope: those of the roster's ``kinds`` (with
    ``fewer_pupils_than``: only those with fewer pupils over all the plan's stages), listed
    as excluded with the ``reason``, never silently left out."""

    __pydantic_config__ = _STRICT
    kinds: Annotated[tuple[str, ...], MinLen(1)]
    reason: Annotated[str, MinLen(1)]
    fewer_pupils_than: Annotated[int, Ge(1)] | None = None


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
class Threshold:
    """``indicator op value``, due by the deadline or, with ``every_year``, held every year.

    Before the deadline a target with a baseline is judged against the straight path
    from baseline to target; without one it is ``pending`` until it is met.
    """

    __pydantic_config__ = _STRICT
    kind: Literal["threshold"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    op: Op
    value: float
    every_year: bool = False


@dataclass(frozen=True)
class Projection:
    """A forecast (enrolment counts): deviation from the path beyond ``tolerance`` warns."""

    __pydantic_config__ = _STRICT
    kind: Literal["projection"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    value: float
    tolerance: Annotated[float, Gt(0), Le(1)] = 0.1


@dataclass(frozen=True)
class YearlyChange:
    """``value(year) - value(year - 1) op delta`` in every year of the plan period."""

    __pydantic_config__ = _STRICT
    kind: Literal["yearly_change"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    op: Op
    delta: float


@dataclass(frozen=True)
class Comparison:
    """``left op factor × right`` for two measured quantities, every year."""

    __pydantic_config__ = _STRICT
    kind: Literal["comparison"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("left", "right")
    left: Identifier
    op: Op
    right: Identifier
    factor: Annotated[float, Gt(0)] = 1.0


@dataclass(frozen=True)
class Each:
    """Every entity (school, town) must satisfy ``value op threshold``; misses are named.

    ``entities`` lists the entities that must report; else ``kinds`` names the roster's
    kinds it ranges over (镇, 小学, ...), and every entity of those kinds that exists that
    year must report; with neither, the entities are those the data reports.
    """

    __pydantic_config__ = _STRICT
    kind: Literal["each"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    op: Op
    value: float
    entities: tuple[str, ...] = ()
    every_year: bool = False
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """One requirement of a :class:`KOfN` rule: ``indicator op value``."""

    __pydantic_config__ = _STRICT
    indicator: Identifier
    op: Op
    value: Annotated[float, Gt(0)]


@dataclass(frozen=True)
class KOfN:
    """Every entity meets at least ``at_least`` of the ``criteria``, and reaches ``floor``
    of each requirement it misses: the national "每所学校至少有6项指标达到要求，余项不能低于
    要求的85%" is ``at_least: 6, floor: 0.85`` over seven criteria (a ≥ 4.2 requirement
    missed at 3.57 or more). Who must meet it is chosen as for :class:`Each`.
    """

    __pydantic_config__ = _STRICT
    kind: Literal["k_of_n"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("criteria",)
    criteria: Annotated[tuple[Criterion, ...], MinLen(1)]
    at_least: Annotated[int, Ge(1)]
    floor: Annotated[float, Ge(0), Le(1)] = 0.0
    entities: tuple[str, ...] = ()
    every_year: bool = False
    kinds: tuple[str, ...] = ()


Stat = Literal["count", "share", "mean", "min", "max", "sum", "cv"]


@dataclass(frozen=True)
class Aggregate:
    """A statistic over a set of entities compared with a value.

    ``count``/``share`` count the entities whose value satisfies ``where_op
    where_value``; ``cv`` is the coefficient of variation (population standard
    deviation over mean). With ``weight`` (a per-entity indicator such as pupils), the
    mean and the deviations are weighted by it, as the national criteria compute the
    校际差异系数: X̄ = Σ PᵢXᵢ / ΣPᵢ, S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²), CV = S / X̄.
    """

    __pydantic_config__ = _STRICT
    kind: Literal["aggregate"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator", "weight")
    indicator: Identifier
    stat: Stat
    op: Op
    value: float
    where_op: Op = ">="
    where_value: float = 1.0
    every_year: bool = False
    weight: str = ""
    #: Only the roster's entities of these kinds (小学 apart from 初中); needs a roster.
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Milestone:
    """A yes/no achievement due by the target's deadline (value: yes/no or a date); with
    ``every_year``, a condition that must hold in each year judged (an accreditation's
    yes/no item): that year's own answer decides."""

    __pydantic_config__ = _STRICT
    kind: Literal["milestone"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    every_year: bool = False


@dataclass(frozen=True)
class ChecklistItem:
    """One named item of a checklist and the year it is due."""

    __pydantic_config__ = _STRICT
    name: Identifier
    due: Year


@dataclass(frozen=True)
class Checklist:
    """Named items each due by a year; data rows name the item in ``entity``."""

    __pydantic_config__ = _STRICT
    kind: Literal["checklist"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    items: Annotated[tuple[ChecklistItem, ...], MinLen(1)]


@dataclass(frozen=True)
class Approximate:
    """An approximate count ("about 22") reached by the deadline, ± ``tolerance``."""

    __pydantic_config__ = _STRICT
    kind: Literal["approximate"]
    indicator_fields: ClassVar[tuple[str, ...]] = ("indicator",)
    indicator: Identifier
    value: float
    tolerance: Annotated[float, Ge(0)]


_RULES = (
    Threshold,
    Projection,
    YearlyChange,
    Comparison,
    Each,
    KOfN,
    Aggregate,
    Milestone,
    Checklist,
    Approximate,
)
RULE_KINDS: tuple[str, ...] = (
    "threshold",
    "projection",
    "yearly_change",
    "comparison",
    "each",
    "k_of_n",
    "aggregate",
    "milestone",
    "checklist",
    "approximate",
)


class _KindDiscriminator:
    """Tells pydantic to pick the rule class by its ``kind`` field.

    pydantic is imported only when a schema is built, so importing this module
    stays cheap for the cached path.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Discriminator

        return Discriminator("kind").__get_pydantic_core_schema__(source, handler)


if TYPE_CHECKING:
    Rule = Union[  # noqa: UP007
        Threshold,
        Projection,
        YearlyChange,
        Comparison,
        Each,
        KOfN,
        Aggregate,
        Milestone,
        Checklist,
        Approximate,
    ]
else:
    Rule = Annotated[Union[_RULES], _KindDiscriminator()]  # noqa: UP007


def rule_indicators(rule: Rule) -> tuple[str, ...]:
    """The indicator ids a data file must supply for ``rule`` (its kind's
    ``indicator_fields``)."""
    return tuple(name for _, name in indicator_slots(rule))


def indicator_slots(rule: Rule) -> list[tuple[tuple[str | int, ...], str]]:
    """Each indicator ``rule`` names and where (``("criteria", 2, "indicator")``): a field
    of the kind's ``indicator_fields`` holds an id, or a list of items with an indicator."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    for field in type(rule).indicator_fields:
        held = getattr(rule, field)
        if isinstance(held, tuple):
            found.extend(((field, i, "indicator"), item.indicator) for i, item in enumerate(held))
        elif held:  # an optional one (a weight) may be unset
            found.append(((field,), held))
    return found


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

    @property
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
