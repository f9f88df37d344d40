"""The formats for CI: Markdown for a pull-request comment or the job summary, JUnit XML
parsed back with a standard reader (junitparser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

junitparser = pytest.importorskip("junitparser")

DATA = "data/illustrative/2025.csv"


def test_junit_has_a_case_per_target_and_failures_with_their_numbers(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "results.xml"
    result = runner.invoke(main, ["check", DATA, "--format", "junit", "-o", str(out)])
    assert result.exit_code == 1
    json_rows = runner.invoke(main, ["check", DATA, "--format", "json"]).stdout
    statuses = {row["target"]: row["status"] for row in json.loads(json_rows)}
    xml = junitparser.JUnitXml.fromfile(str(out))
    (suite,) = list(xml)
    cases = {case.name: case for case in suite}
    assert set(cases) == set(statuses)
    for name, status in statuses.items():
        outcome = cases[name].result
        kinds = {type(item).__name__ for item in outcome}
        if status == "fail":
            assert kinds == {"Failure"}
            (failure,) = outcome
            assert "expected:" in failure.text and "actual:" in failure.text
        elif status in ("missing", "pending"):
            assert kinds == {"Skipped"}
        else:
            assert not outcome
    assert suite.failures == sum(1 for s in statuses.values() if s == "fail")


def test_progress_junit_fails_what_was_not_met(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, ["progress", "data/illustrative", "--format", "junit"])
    xml = junitparser.JUnitXml.fromstring(result.stdout_bytes)
    cases = [case for suite in xml for case in suite]
    failed = [c.name for c in cases if any(type(r).__name__ == "Failure" for r in c.result)]
    assert failed  # the illustrative series misses some targets on purpose
    assert result.exit_code == 1


def test_markdown_tables_escape_and_group_by_section(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, ["check", DATA, "--format", "markdown"])
    lines = result.stdout.splitlines()
    assert lines[0] == f"## {DATA} — 2025"
    assert lines[2] == "| Target | Expected | Actual | Verdict | Gap |"
    assert "| **学前教育 · Preschool education** |  |  |  |  |" in lines
    rows = [line for line in lines if line.startswith("| 学前三年毛入园率")]
    assert rows == [
        "| 学前三年毛入园率<br>`preschool.gross_enrolment_rate` | ≥ 99% | 99.3% | pass | +0.3 |"
    ]
    chinese = runner.invoke(main, ["check", DATA, "--format", "markdown", "--lang", "zh"]).stdout
    assert "| 目标 | 要求 | 实际 | 结论 | 差距 |" in chinese


def test_a_pipe_in_a_cell_does_not_break_the_table() -> None:
    from lzplan.report_markdown import cell

    assert cell("a|b\nc") == "a\\|b c"
