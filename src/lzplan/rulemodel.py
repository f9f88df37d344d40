"""The plan model's rules: one frozen dataclass per rule kind, the union pydantic picks
from by ``kind``, and which fields of a rule name indicators. Each kind's judge, description
and plan checks are registered in :mod:`lzplan.rules.kinds`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

from .modelbase import _STRICT, Ge, Gt, Identifier, Le, MinLen, Op, Year


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
