"""Bundled plans by name, and plans that extend another with only what they change."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lzplan.cli import main
from lzplan.planfile import load_plan

from .conftest import EXAMPLES

STRICTER = str(EXAMPLES / "extends" / "stricter.yaml")


def _targets(runner: CliRunner, *args: str) -> dict[str, dict]:  # type: ignore[type-arg]
    result = runner.invoke(main, ["targets", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_plans_lists_the_bundled_plans_by_name(runner: CliRunner) -> None:
    result = runner.invoke(main, ["plans"])
    assert result.exit_code == 0
    assert result.stdout.startswith("linzi-2021-2025  临淄区教育事业发展“十四五”规划")
    assert _targets(runner, "--plan", "linzi-2021-2025") == _targets(runner)


def test_an_unknown_plan_name_lists_the_bundled_ones(runner: CliRunner) -> None:
    result = runner.invoke(main, ["targets", "--plan", "linzi"])
    assert (result.exit_code, result.stderr) == (
        2,
        "error: linzi: is neither a plan file nor a bundled plan (linzi-2021-2025, "
        "preschool-universal, compulsory-quality-balance; lzplan plans lists them)\n",
    )


def test_a_plan_that_extends_the_bundled_one_changes_only_what_it_writes(
    runner: CliRunner, in_root: Path
) -> None:
    base, stricter = _targets(runner), _targets(runner, "--plan", STRICTER)
    assert set(stricter) == set(base)
    assert stricter["preschool.gross_enrolment_rate"]["rule"]["value"] == 99.5
    assert stricter["preschool.gross_enrolment_rate"]["rule"]["every_year"] is True  # kept
    assert stricter["preschool.public_enrolment_share"]["rule"]["value"] == 70
    changed = {key for key in base if base[key] != stricter[key]}
    assert changed == {"preschool.gross_enrolment_rate", "preschool.public_enrolment_share"}
    # the bundled roster is still found, from the extended plan's folder
    result = runner.invoke(
        main, ["check", "--plan", STRICTER, "data/illustrative/2025.csv", "--format", "json"]
    )
    rows = {row["target"]: row for row in json.loads(result.stdout)}
    assert rows["preschool.gross_enrolment_rate"]["status"] == "fail"  # 99.3 < 99.5
    assert rows["health_pe.mental_health_teachers"]["misses"] == ["示例镇中心小学 (0)"]


def test_a_change_to_the_extended_plan_is_seen_through_the_cache(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(
        (EXAMPLES / "library_plan" / "plan.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nid: child\n", encoding="utf-8")
    assert load_plan(child).id == "child"
    first = load_plan(child).title_zh
    base.write_text(base.read_text(encoding="utf-8").replace(first, "改过的标题"), encoding="utf-8")
    assert load_plan(child).title_zh == "改过的标题"


def test_a_plan_that_extends_itself_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "loop.yaml"
    plan.write_text("extends: loop.yaml\nid: loop\n", encoding="utf-8")
    result = runner.invoke(main, ["targets", "--plan", str(plan)])
    assert result.exit_code == 2
    assert "plans extend each other more than 5 deep (one extends itself?)" in result.stderr
