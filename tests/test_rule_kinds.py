"""The rule-kind registry: every kind the model knows has every part, in one entry."""

from __future__ import annotations

import typing

from lzplan import model
from lzplan.describe import describe
from lzplan.planfile import load_plan
from lzplan.rules.kinds import KINDS, kind_of

from .conftest import EXAMPLES


def test_every_rule_class_of_the_model_has_one_kind_with_its_name() -> None:
    classes = typing.get_args(typing.get_args(model.Rule)[0])  # Annotated[Union[...], ...]
    assert {kind.rule for kind in KINDS} == set(classes)
    assert len(KINDS) == len(classes)
    for kind in KINDS:
        (literal,) = typing.get_args(typing.get_type_hints(kind.rule)["kind"])
        assert kind.name == literal
    assert tuple(kind.name for kind in KINDS) == model.RULE_KINDS


def test_every_kind_has_a_judge_a_description_and_its_needs() -> None:
    for kind in KINDS:
        assert callable(kind.judge) and callable(kind.describe) and callable(kind.check)
        assert kind.values in ("number", "flag")
        assert kind.rule.indicator_fields  # what a data file must give for it


def test_every_kind_describes_a_real_target() -> None:
    plans = [
        load_plan(),
        load_plan(EXAMPLES / "library_plan" / "plan.yaml"),
        load_plan(EXAMPLES / "criteria" / "plan.yaml"),
    ]
    targets = [target for plan in plans for target in plan.targets]
    described = {kind_of(target.rule).name: describe(target) for target in targets}
    assert set(described) == {kind.name for kind in KINDS}
    assert all(text.strip() for text in described.values())
