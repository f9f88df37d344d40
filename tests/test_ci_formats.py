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
    mark, *lines = result.stdout.splitlines()
    assert mark == "<!-- written by lzplan -->"  # invisible, and how lzplan knows its own
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


def test_under_github_actions_auto_gives_annotations_at_the_figures_row(
    runner: CliRunner, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = runner.invoke(main, ["check", DATA])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert errors and all("title=lzplan%3A " in line for line in errors)
    # a failure with a figure is annotated where the figure was read
    assert any(line.startswith(f"::error file={DATA},line=") for line in errors)
    assert [line for line in lines if line][-1].startswith(
        "::notice title=lzplan::data/illustrative/2025.csv 2025: "
    )
    assert runner.invoke(main, ["check", DATA, "--format", "table"]).stdout.startswith(DATA)


def test_colour_always_never_and_no_color(
    runner: CliRunner, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    escape = "\x1b["
    plain = runner.invoke(main, ["check", DATA]).stdout
    assert escape not in plain  # a pipe: the plain table
    always = runner.invoke(main, ["check", DATA, "--color", "always"]).stdout
    assert escape in always
    monkeypatch.setenv("NO_COLOR", "1")
    assert escape in runner.invoke(main, ["check", DATA, "--color", "always"]).stdout
    from lzplan import cliio

    monkeypatch.setattr(cliio, "terminal", lambda: True)
    assert cliio.drawing("auto", None) == (True, False)  # NO_COLOR: drawn, not coloured
    monkeypatch.delenv("NO_COLOR")
    assert cliio.drawing("auto", None) == (True, True)
    assert cliio.drawing("never", None) == (True, False)
    assert cliio.drawing("auto", "out.txt") == (False, False)  # a file gets the plain table


def test_validate_in_markdown_and_junit(runner: CliRunner, in_root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "2025.csv"
    bad.write_text("指标,数值\n学前三年毛入园率,0.99\n", "utf-8")
    markdown = runner.invoke(main, ["validate", str(bad), "--format", "markdown"])
    assert markdown.exit_code == 2
    lines = markdown.stdout.splitlines()[1:]
    assert lines[:2] == ["| severity | where | problem |", "|---|---|---|"]
    assert lines[2].startswith(f"| error | {bad}:2 (数值) |") and "0.99" in lines[2]
    junit = runner.invoke(main, ["validate", str(bad), DATA, "--each", "--format", "junit"])
    assert junit.exit_code == 2
    xml = junitparser.JUnitXml.fromstring(junit.stdout_bytes)
    cases = {case.name: case for suite in xml for case in suite}
    assert {type(r).__name__ for r in cases[str(bad)].result} == {"Failure"}
    assert not cases[DATA].result  # the good file passes


def test_validate_annotates_under_github_actions(
    runner: CliRunner, in_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "2025.csv"
    bad.write_text("指标,数值\n学前三年毛入园率,0.99\n", "utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2
    assert result.stdout.startswith(f"::error file={bad},line=2,")


@pytest.mark.parametrize("command", ["check", "progress"])
def test_a_refused_file_reaches_the_job_summary_and_the_annotations(
    command: str, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI appends check's Markdown to the job summary and reads its annotations: a file
    refused there is said in those forms too, where the results would have gone."""
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nkindergartens,abc\n", encoding="utf-8")
    summary = runner.invoke(main, [command, str(data), "--format", "markdown"])
    assert summary.exit_code == 2
    assert f"| error | {data}:2 (value) | expected a number, found 'abc' |" in summary.stdout
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    annotated = runner.invoke(main, [command, str(data)])
    assert annotated.exit_code == 2
    assert annotated.stdout == (
        f"::error file={data},line=2,title=lzplan::column 'value': expected a number, found 'abc'\n"
    )
