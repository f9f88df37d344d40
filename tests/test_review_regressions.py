"""Inputs that were once read wrongly or crashed; each must now be refused or read right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

PLAN = str(EXAMPLES / "library_plan" / "plan.yaml")


def _check(runner: CliRunner, data: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["check", "--plan", PLAN, str(data), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('visits_per_capita,"98,5",', "expected a number with a decimal point, found '98,5'"),
        ("visits_per_capita,2,%", "unit '%' does not convert to '次'"),
        ("visits_per_capita,2%,", "'2%' is a percentage but visits_per_capita is in 次"),
        ("members,98.5%,fraction", "'98.5%' is written in % but the unit column says 'fraction'"),
    ],
)
def test_numbers_that_would_be_misread_are_refused(
    row: str, message: str, tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text(f"indicator,value,unit\n{row}\n", encoding="utf-8")
    code, _, err = _check(runner, data)
    assert code == 2
    assert message in err, err


def test_a_row_with_more_cells_than_the_header_is_refused(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nvisits_per_capita,2,5\n", encoding="utf-8")
    assert _check(runner, data) == (
        2,
        "",
        f"error: {data}:2: has 3 cells but the header has 2 columns: column 3 holds '5' under "
        "no header; delete it or give its column a header (in a CSV, a name with a comma must "
        "be in quotes)\n",
    )


def test_an_unclosed_quote_is_located_not_swallowed(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2024.csv"
    data.write_text(
        'indicator,value,note\nvisits_per_capita,2.5,"unclosed, see\nbudget,1,ok\n',
        encoding="utf-8",
    )
    code, _, err = _check(runner, data)
    assert code == 2
    assert err == (
        f'error: {data}:2: is not readable CSV: unexpected end of data; is a quote (") left open?\n'
    )


@pytest.mark.parametrize("cell", ["inf", "2023.9", "2e3", "20x4", "-2023"])
def test_loose_years_are_refused(cell: str, tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "long.csv"
    data.write_text(f"indicator,value,year\nvisits_per_capita,2,{cell}\n", encoding="utf-8")
    code, _, err = _check(runner, data)
    assert code == 2
    assert f"expected a year such as 2023, found '{cell}'" in err


@pytest.mark.parametrize("cell", ["2024", "2024.0", "2024年"])
def test_years_as_spreadsheets_write_them(cell: str, tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "long.csv"
    data.write_text(f"indicator,value,year\nvisits_per_capita,2,{cell}\n", encoding="utf-8")
    code, out, _ = _check(runner, data, "--format", "json")
    assert code == 0
    assert {row["year"] for row in json.loads(out)} == {2024}


@pytest.mark.parametrize("name", ["9999.csv", "0000.csv"])
def test_file_names_outside_the_years_give_no_year(
    name: str, tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / name
    data.write_text("indicator,value\nvisits_per_capita,2\n", encoding="utf-8")
    code, _, err = _check(runner, data)
    assert code == 2
    assert "no year: add a year column (年份)" in err


def test_a_sibling_never_supplies_the_judged_year(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "2024.csv").write_text("indicator,value\nvisits_per_capita,1\n", encoding="utf-8")
    (tmp_path / "2023.csv").write_text("indicator,value\nbudget,100\n", encoding="utf-8")
    submission = tmp_path / "submission.csv"
    submission.write_text("indicator,value,year\nbudget,110,2024\n", encoding="utf-8")
    code, out, _ = _check(runner, submission, "--format", "json")
    rows = {row["target"]: row for row in json.loads(out)}
    assert rows["reading.visits"]["status"] == "missing"  # 2024.csv's value is not this file's
    assert rows["reading.budget"]["numbers"]["previous"] == 100.0  # 2023.csv is history
    assert code == 0


def test_a_broken_sibling_says_why_it_was_read(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "2023.csv").write_text("indicator,value\nbudget,lots\n", encoding="utf-8")
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nbudget,110\n", encoding="utf-8")
    code, _, err = _check(runner, data)
    assert code == 2
    assert err == (
        f"error: {tmp_path / '2023.csv'}:2: column 'value': expected a number, found 'lots' "
        f"(read for the years before 2024 of {data})\n"
    )


def test_a_done_date_after_the_rows_year_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2022.csv"
    data.write_text("indicator,value\ndigital_archive,2024-11-30\n", encoding="utf-8")
    code, _, err = _check(runner, data)
    assert code == 2
    assert "done on 2024-11-30, after 2022, the year this row describes" in err


def test_escapes_in_data_never_reach_the_terminal_through_errors(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    name = "\x1b[2J\x1b]0;pwned\x07\u202eSchool"
    data.write_text(
        f"indicator,value,entity\nbranch_books,1,{name}\nbranch_books,2,{name}\n", encoding="utf-8"
    )
    code, _, err = _check(runner, data)
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "\\x1b[2J\\x1b]0;pwned\\x07\\u202eSchool" in err


def test_values_are_shown_precisely_enough_to_explain_the_verdict(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2027.csv"
    data.write_text("indicator,value\nvisits_per_capita,1.99999\n", encoding="utf-8")
    code, out, _ = _check(runner, data)
    assert code == 1
    (line,) = [line for line in out.splitlines() if "1.99999" in line]
    assert [cell.strip() for cell in line.split("│")][3:6] == ["1.99999 次", "FAIL", "-0.00001"]


def test_a_narrow_terminal_keeps_the_table_aligned(runner: CliRunner) -> None:
    data = EXAMPLES / "library_plan" / "data" / "2024.csv"
    result = CliRunner(env={"COLUMNS": "30"}).invoke(main, ["check", "--plan", PLAN, str(data)])
    table = [line for line in result.stdout.splitlines() if line and line[0] in "┏┃┡│├└"]
    from lzplan.display import width_of

    assert len({width_of(line) for line in table}) == 1
