"""Inputs from the hostile-input review: each must be read right or refused clearly (exit 2)."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan import planfile
from lzplan.cli import main

from .conftest import EXAMPLES

PLAN = str(EXAMPLES / "library_plan" / "plan.yaml")


def _run(runner: CliRunner, *args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(main, [*args], input=stdin)


def test_siblings_are_read_with_detection_not_the_users_options(
    tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "2023.csv").write_text("indicator,value\nbudget,100\n", encoding="utf-8")
    data = tmp_path / "2024.csv"
    data.write_bytes("指标,数值\nbudget,110\n".encode("gbk"))
    result = _run(
        runner, "check", "--plan", PLAN, str(data), "--encoding", "gbk", "--format", "json"
    )
    budget = next(row for row in json.loads(result.stdout) if row["target"] == "reading.budget")
    assert (budget["status"], budget["numbers"]["previous"]) == ("pass", 100.0)


def test_two_siblings_for_one_year_are_a_conflict(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "2023.csv").write_text("indicator,value\nbudget,100\n", encoding="utf-8")
    (tmp_path / "2023.CSV").write_text("indicator,value\nbudget,90\n", encoding="utf-8")
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nbudget,95\n", encoding="utf-8")
    if len(list(tmp_path.iterdir())) < 3:
        pytest.skip("case-insensitive file system")
    result = _run(runner, "check", "--plan", PLAN, str(data))
    assert result.exit_code == 2
    assert "2023.CSV and 2023.csv both give the same year: keep one of them" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_pipes_are_never_read_as_data(tmp_path: Path, runner: CliRunner) -> None:
    os.mkfifo(tmp_path / "2023.csv")  # a sibling that would block a read for ever
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nbudget,95\n", encoding="utf-8")
    assert _run(runner, "validate", "--plan", PLAN, str(data)).exit_code == 0
    named = _run(runner, "validate", "--plan", PLAN, str(tmp_path / "2023.csv"))
    assert (named.exit_code, named.stderr) == (
        2,
        f"error: {tmp_path / '2023.csv'}: is not a regular file\n",
    )


@pytest.mark.parametrize("columns", ["0", "-5", "7"])
def test_a_terminal_without_a_size_still_gets_a_table(columns: str) -> None:
    data = str(EXAMPLES / "library_plan" / "data" / "2024.csv")
    result = CliRunner(env={"COLUMNS": columns}).invoke(main, ["check", "--plan", PLAN, data])
    assert "│ 持证读者" in result.stdout


def test_escapes_in_file_names_and_github_output_are_shown_not_sent(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "\x1b[2Jx.csv"
    data.write_text(
        "indicator,value,year,entity\n"
        'branch_books,1,2024,"\x1b[31mRED\x1b]0;pwn\x07"\n'
        'branch_books,2,2024,"\x1b[31mRED\x1b]0;pwn\x07"\n',
        encoding="utf-8",
    )
    github = _run(runner, "validate", "--plan", PLAN, str(data), "--format", "github")
    assert github.exit_code == 2
    assert "\x1b" not in github.stdout and "\x07" not in github.stdout
    good = tmp_path / "\x1b[2Jok.csv"
    good.write_text("indicator,value,year\nbudget,1,2024\n", encoding="utf-8")
    ok = _run(runner, "validate", "--plan", PLAN, str(good))
    assert ok.exit_code == 0 and "\x1b" not in ok.stdout and "\\x1b[2Jok.csv: ok" in ok.stdout


def test_csv_output_neutralises_every_formula_like_text(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "-nan"
    data.write_text("indicator,value,year\nbudget,1,2024\n", encoding="utf-8")
    result = _run(runner, "check", "--plan", PLAN, str(data), "--format", "csv")
    lines = result.stdout.splitlines()[1:]
    assert lines and all(not line.startswith(("-", "=", "+", "@")) for line in lines)


def test_interrupt_is_not_a_failed_target(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("lzplan.check.build", interrupted)
    data = EXAMPLES / "library_plan" / "data" / "2024.csv"
    result = _run(runner, "check", "--plan", PLAN, str(data))
    assert (result.exit_code, result.stderr) == (2, "error: interrupted; nothing was judged\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("delta: .nan", "Input should be a finite number"),
        ("delta: .inf", "Input should be a finite number"),
    ],
)
def test_plans_with_nan_or_infinity_are_refused(
    text: str, message: str, tmp_path: Path, runner: CliRunner
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        Path(PLAN).read_text(encoding="utf-8").replace("delta: 0", text), encoding="utf-8"
    )
    result = _run(runner, "targets", "--plan", str(plan))
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_plan_without_targets_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.yaml"
    text = Path(PLAN).read_text(encoding="utf-8")
    plan.write_text(text[: text.index("targets:")] + "targets: []\n", encoding="utf-8")
    result = _run(runner, "targets", "--plan", str(plan))
    assert result.exit_code == 2
    assert "targets: a plan needs at least one of its targets" in result.stderr


def test_trailing_empty_header_columns_are_ignored(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value,year,,\nbudget,1,2024,,\n", encoding="utf-8")
    assert _run(runner, "validate", "--plan", PLAN, str(data)).exit_code == 0
    data.write_text("indicator,value,year,,\nbudget,1,2024,,x\n", encoding="utf-8")
    result = _run(runner, "validate", "--plan", PLAN, str(data))
    assert "has a value in column 5, which has no header" in result.stderr


def test_year_option_never_fills_an_empty_year_cell(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "long.csv"
    data.write_text("indicator,value,year\nbudget,52,2023\nbudget,50,\n", encoding="utf-8")
    result = _run(runner, "validate", "--plan", PLAN, str(data), "--year", "2024")
    assert result.exit_code == 2
    assert f"{data}:3: column 'year': empty: every row of a file with a year column needs one" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("data", "args", "message"),
    [
        (b"\xff\xfei\x00n\x00d", (), "is not utf-16 text"),
        (b"indicator,value\n", ("--encoding", "punycode"), "is not punycode text"),
    ],
)
def test_undecodable_text_is_an_input_error(
    data: bytes, args: tuple[str, ...], message: str, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "2024.csv"
    path.write_bytes(data if args == () else "指标".encode() + data)
    result = _run(runner, "validate", "--plan", PLAN, str(path), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "internal error" not in result.stderr


def test_a_symlink_loop_is_an_input_error(tmp_path: Path, runner: CliRunner) -> None:
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    result = _run(runner, "validate", "--plan", PLAN, str(loop))
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr


def test_standard_input_is_capped_and_read_once(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lzplan.rawfile.MAX_BYTES", 10)
    big = _run(runner, "validate", "--plan", PLAN, "-", stdin=b"indicator,value\n" * 3)
    assert (big.exit_code, big.stderr) == (
        2,
        "error: <stdin>: is 0 MB; CSV files may be up to 0 MB\n",
    )
    twice = _run(runner, "validate", "--plan", PLAN, "-", "-", stdin=b"")
    assert (twice.exit_code, twice.stderr) == (
        2,
        "error: -: standard input can be read only once\n",
    )


def test_a_relative_cache_folder_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LZPLAN_CACHE_DIR", "relative-cache")
    planfile.load_plan(Path(PLAN))
    assert not (tmp_path / "relative-cache").exists()


def test_rows_are_numbered_as_a_spreadsheet_numbers_them(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2024.csv"
    data.write_text(
        'indicator,value,note\nbudget,1,"two\nlines"\nvisits_per_capita,lots,\n', encoding="utf-8"
    )
    result = _run(runner, "validate", "--plan", PLAN, str(data))
    assert f"{data}:3: column 'value': expected a number, found 'lots'" in result.stderr


@pytest.mark.parametrize("codec", ["hex", "base64", "zlib", "uu", "quopri", "bz2", "rot13"])
def test_a_codec_that_is_no_text_encoding_is_refused_plainly(
    codec: str, tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "ok.csv"
    data.write_text("indicator,value,year\nkindergartens,50,2024\n", encoding="utf-8")
    result = _run(runner, "validate", "--encoding", codec, str(data))
    assert (result.exit_code, result.stderr) == (2, f"error: {data}: unknown encoding '{codec}'\n")


def test_a_plan_named_item_keeps_its_hint_after_fifty_warnings(
    tmp_path: Path, runner: CliRunner
) -> None:
    """Sixty schools the partial roster lacks fill the warnings; a misspelt item the plan
    names is an error, and errors still have room for their did-you-mean."""
    rows = "".join(f"mental_health_teachers,1,2024,学校{i}\n" for i in range(60))
    data = tmp_path / "2024.csv"
    data.write_text(
        "indicator,value,year,entity\n"
        + rows
        + "school_construction_projects,是,2024,临淄八中学\n",
        encoding="utf-8",
    )
    result = _run(runner, "validate", str(data))
    assert result.exit_code == 2
    assert (
        "'临淄八中学' is not named by the plan for school_construction_projects; did you mean"
        in (result.stderr)
    )


def test_an_excel_format_without_openpyxl_is_said_plainly(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as where the extra is not installed
    for command in ("check", "progress"):
        out = tmp_path / f"{command}.xlsx"
        result = _run(runner, command, str(EXAMPLES.parent.parent / "data" / "illustrative"),
                      "--format", "xlsx", "-o", str(out))  # fmt: skip
        assert result.exit_code == 2
        assert result.stderr.endswith(
            'error: --format xlsx: writing Excel files needs openpyxl: pip install "lzplan[xlsx]"\n'
        ), result.stderr
        assert not out.exists()


def test_an_os_error_that_is_not_the_outputs_is_not_called_a_write_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("lzplan.check.judged", refuse)
    result = _run(runner, "check", str(EXAMPLES.parent.parent / "data" / "actuals" / "2021.csv"))
    assert result.exit_code == 2
    assert "internal error (PermissionError" in result.stderr
    assert "cannot write the output" not in result.stderr


def test_a_full_output_is_said_as_such(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("lzplan.cliio.write_stdout", full)
    data = str(EXAMPLES.parent.parent / "data" / "actuals" / "2021.csv")
    result = _run(runner, "check", data, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.endswith("error: cannot write the output: No space left on device\n")
