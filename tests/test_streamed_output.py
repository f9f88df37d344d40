"""check's JSON is written as it is judged (a province's results are never held whole):
the same bytes to a file as to standard output, and the same exit code as a table's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.check import judge_datasets, judged
from lzplan.cli import main
from lzplan.report_json import render_check, stream_check

SERIES = "data/illustrative"


@pytest.mark.parametrize("fail_on", ["fail", "warn", "missing"])
def test_the_exit_code_is_the_tables(fail_on: str, runner: CliRunner, in_root: Path) -> None:
    args = ["check", SERIES, "--fail-on", fail_on]
    table = runner.invoke(main, [*args, "--format", "table"])
    streamed = runner.invoke(main, [*args, "--format", "json"])
    assert streamed.exit_code == table.exit_code
    assert len(json.loads(streamed.stdout)) == 6 * 49  # 2020–2025, every target


def test_a_file_gets_the_bytes_standard_output_gets(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    out = tmp_path / "结果.json"
    to_file = runner.invoke(main, ["check", SERIES, "--format", "json", "-o", str(out)])
    to_stdout = runner.invoke(main, ["check", SERIES, "--format", "json"])
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert out.read_bytes() == to_stdout.stdout_bytes


def test_judged_a_report_at_a_time_is_judged_all_at_once(in_root: Path) -> None:
    from lzplan.check import load
    from lzplan.datafile import ReadOptions

    loaded = load(None, None, [Path(SERIES)], ReadOptions())
    plan, datasets = loaded.plan, loaded.datasets
    assert list(judged(plan, datasets)) == judge_datasets(plan, datasets)
    reports = judge_datasets(plan, datasets)
    assert b"".join(stream_check(iter(reports), "zh")) == render_check(reports, "zh")


@pytest.mark.parametrize("fail_on", ["fail", "warn", "missing"])
def test_progress_streams_with_the_tables_exit_code(
    fail_on: str, tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    args = ["progress", SERIES, "--fail-on", fail_on]
    table = runner.invoke(main, [*args, "--format", "table"])
    streamed = runner.invoke(main, [*args, "--format", "json"])
    assert streamed.exit_code == table.exit_code
    out = tmp_path / "进展.json"
    to_file = runner.invoke(main, [*args, "--format", "json", "-o", str(out)])
    assert to_file.exit_code == table.exit_code
    assert out.read_bytes() == streamed.stdout_bytes
    assert len(json.loads(streamed.stdout)) == 49


def test_a_year_before_the_base_year_is_refused_before_anything_is_written(
    runner: CliRunner, in_root: Path
) -> None:
    result = runner.invoke(main, ["progress", SERIES, "--format", "json", "--year", "2019"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "2019 is before the plan's base year 2020" in result.stderr
