"""The bundled Linzi plan: valid, faithful to the plan's text, and complete where it must be."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lzplan.model import RULE_KINDS, Plan
from lzplan.planfile import bundled_plan_path, parse_plan

from .conftest import ROOT

PLAN_TEXT = (ROOT / "data" / "source" / "linzi-education-14th-five-year-plan.txt").read_text(
    encoding="utf-8"
)


@pytest.fixture(scope="module")
def plan() -> Plan:
    path = bundled_plan_path()
    return parse_plan(path.read_bytes(), str(path))


def test_every_quote_occurs_verbatim_in_the_plan_text(plan: Plan) -> None:
    absent = [target.id for target in plan.targets if target.source.quote not in PLAN_TEXT]
    assert absent == []


def test_every_heading_names_a_heading_of_the_plan(plan: Plan) -> None:
    for target in plan.targets:
        first = re.split(r"\s*/\s*", target.source.heading)[0]
        assert first in PLAN_TEXT, (target.id, first)


def test_ids_are_unique_and_sections_used(plan: Plan) -> None:
    counts = Counter(target.id for target in plan.targets)
    assert [name for name, n in counts.items() if n > 1] == []
    used = {target.section for target in plan.targets}
    assert used == {section.id for section in plan.sections}


def test_every_rule_kind_but_the_criteria_ones_is_used(plan: Plan) -> None:
    # aggregate and k_of_n serve the accreditation criteria (per-school figures).
    kinds = {target.rule.kind for target in plan.targets}
    assert kinds == set(RULE_KINDS) - {"aggregate", "k_of_n"}


def test_main_indicator_table_is_encoded_with_its_baselines(plan: Plan) -> None:
    table = {
        target.rule.indicator: (
            target.rule.kind,
            target.baseline.value if target.baseline else None,
        )
        for target in plan.targets
        if target.source.heading.startswith("临淄区教育事业发展“十四五”主要预期目标")
        and hasattr(target.rule, "indicator")
    }
    values = sorted((kind, base) for kind, base in table.values())
    assert ("projection", 2.02) in values
    assert ("projection", 4.9) in values
    assert ("projection", 1.3) in values
    assert ("projection", 0.45) in values
    assert ("threshold", 98.0) in values


def test_checklists_name_the_plans_schools(plan: Plan) -> None:
    items = {
        item.name: item.due
        for target in plan.targets
        if target.rule.kind == "checklist"
        for item in target.rule.items  # type: ignore[union-attr]
    }
    for school in (
        "溡源学校",
        "城西中学",
        "齐陵二中",
        "遄台中学东校区",
        "临淄益中外语学校",
        "现代双语学校",
        "临淄八中",
    ):
        assert items.get(school) == 2025, school
    for school, year in (
        ("齐都镇桓公小学", 2022),
        ("临淄区蜂山学校", 2022),
        ("稷下街道安次小学", 2023),
        ("稷下街道董褚小学", 2024),
    ):
        assert items.get(school) == year, school
    for name in items:
        assert name in PLAN_TEXT
