"""``lzplan indicators``: what a data file may give, by every name it may be given."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lzplan.cli import main
from lzplan.planfile import load_plan


def test_json_lists_every_indicator_with_its_names_and_targets(runner: CliRunner) -> None:
    result = runner.invoke(main, ["indicators", "--format", "json"])
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {indicator.id for indicator in load_plan().indicators}
    enrolment = rows["kindergarten_enrolment"]
    assert enrolment["name_zh"] == "幼儿在园人数"
    assert "在园幼儿数" in enrolment["aliases"]
    assert enrolment["used_by"] == ["preschool.kindergarten_enrolment"]
    # a context figure (published, but by count, not the plan's share of children)
    assert rows["public_kindergarten_share_by_count"]["used_by"] == []


def test_table_shows_names_units_and_aliases(runner: CliRunner) -> None:
    result = runner.invoke(main, ["indicators"])
    assert result.exit_code == 0
    text = result.stdout
    assert "幼儿在园人数" in text and "kindergarten_enrolment" in text and "万人" in text
    assert "在园幼儿数、在园幼儿" in text
    assert "per school" in text  # mental-health teachers are given per school
    plan = load_plan()
    used = {name for target in plan.targets for name in target.indicators}
    assert f"{len(plan.indicators)} indicators, {len(used)} used by the plan's targets" in text
