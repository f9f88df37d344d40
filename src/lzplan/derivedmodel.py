"""The plan model's derived figures — a ratio, a district total, a sum of one entity's
figures, a stage's part of a school's — the stages a school may teach, and who is outside a
plan's scope. Validated with the rest of the plan (see :mod:`lzplan.model`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from .modelbase import _STRICT, Ge, Gt, Identifier, MinLen


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
