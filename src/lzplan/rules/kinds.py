"""The rule kinds: one entry per kind holds everything lzplan knows of it — the model
class (:mod:`lzplan.model`), its judge, its description, what indicator it needs, and the
plan checks only it has. Adding a kind is a model class, a module with its parts, and one
line here; a test proves that no kind lacks a part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..model import (
    Aggregate,
    Approximate,
    Checklist,
    Comparison,
    Each,
    KOfN,
    Milestone,
    Projection,
    Target,
    Threshold,
    YearlyChange,
)
from .base import Context, Verdict
from .criteria import check_k_of_n, describe_k_of_n, judge_k_of_n
from .done import (
    check_checklist,
    describe_checklist,
    describe_milestone,
    judge_checklist,
    judge_milestone,
)
from .entities import (
    check_aggregate,
    check_each,
    describe_aggregate,
    describe_each,
    judge_aggregate,
    judge_each,
)
from .numeric import (
    describe_approximate,
    describe_comparison,
    describe_projection,
    describe_threshold,
    describe_yearly_change,
    judge_approximate,
    judge_comparison,
    judge_projection,
    judge_threshold,
    judge_yearly_change,
)

PlanProblems = list[tuple[tuple[str | int, ...], str]]


def _no_checks(rule: Any) -> PlanProblems:
    return []


@dataclass(frozen=True)
class Kind:
    """One rule kind: its model class and every part lzplan needs of it.

    ``name`` is the ``kind:`` a plan writes; ``values`` the type its indicators must have
    (``number`` or ``flag``) and ``per_entity`` whether they are given per school, town or
    item; ``check`` the plan checks only this kind has.
    """

    name: str
    rule: type
    judge: Callable[[Target, Any, Context], Verdict]
    describe: Callable[[Target, Any], str]
    values: Literal["number", "flag"]
    per_entity: bool
    check: Callable[[Any], PlanProblems] = _no_checks


KINDS: tuple[Kind, ...] = (
    Kind("threshold", Threshold, judge_threshold, describe_threshold, "number", False),
    Kind("projection", Projection, judge_projection, describe_projection, "number", False),
    Kind(
        "yearly_change", YearlyChange, judge_yearly_change, describe_yearly_change, "number", False
    ),
    Kind("comparison", Comparison, judge_comparison, describe_comparison, "number", False),
    Kind("each", Each, judge_each, describe_each, "number", True, check_each),
    Kind("k_of_n", KOfN, judge_k_of_n, describe_k_of_n, "number", True, check_k_of_n),
    Kind(
        "aggregate", Aggregate, judge_aggregate, describe_aggregate, "number", True, check_aggregate
    ),
    Kind("milestone", Milestone, judge_milestone, describe_milestone, "flag", False),
    Kind(
        "checklist", Checklist, judge_checklist, describe_checklist, "flag", True, check_checklist
    ),
    Kind("approximate", Approximate, judge_approximate, describe_approximate, "number", False),
)
_BY_RULE = {kind.rule: kind for kind in KINDS}


def kind_of(rule: object) -> Kind:
    """The kind of a rule of the plan."""
    return _BY_RULE[type(rule)]
