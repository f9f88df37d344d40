"""Excel workbooks as offices and other programs write them."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

openpyxl = pytest.importorskip("openpyxl")

ROWS = [
    ["indicator", "value", "year", "unit"],
    ["preschool_gross_enrolment_rate", 99.5, 2024, None],
    ["kindergarten_enrolment", 20249, 2024, "人"],
    ["compulsory_retention_rate", 90, 2024, None],
]


def _book(path: Path, rows: list[list[object]] = ROWS) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return book


def _judged(runner: CliRunner, path: Path, *args: str) -> tuple[int, dict[str, list[object]]]:
    result = runner.invoke(main, ["check", str(path), "--format", "json", *args])
    if result.exit_code == 2:
        return 2, {"error": [result.stderr]}
    rows = json.loads(result.stdout)
    seen = {r["target"]: [r["status"], r["actual"]] for r in rows if r["status"] != "missing"}
    return result.exit_code, {t: v for t, v in seen.items() if v[0] != "pending"}


EXPECTED = {
    "preschool.gross_enrolment_rate": ["pass", 99.5],
    "preschool.kindergarten_enrolment": ["warn", 2.0249],
    "compulsory.retention_rate": ["fail", 90.0],
}


@pytest.mark.parametrize("dimension", ["A1", "A1:D2", "A1:C2", "A1:XFD1048576"])
def test_a_wrong_recorded_size_neither_drops_nor_pads(
    dimension: str, tmp_path: Path, runner: CliRunner
) -> None:
    plain = tmp_path / "plain.xlsx"
    _book(plain)
    broken = tmp_path / "2024.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data
                )
            target.writestr(item, data)
    assert _judged(runner, broken) == (1, EXPECTED)


def test_the_first_visible_sheet_is_read(tmp_path: Path, runner: CliRunner) -> None:
    book = openpyxl.Workbook()
    old = book.active
    old.title = "旧"
    old.append(ROWS[0])
    old.append(["preschool_gross_enrolment_rate", 80, 2024, None])
    old.sheet_state = "hidden"
    data = book.create_sheet("数据")
    data.append(ROWS[0])
    data.append(ROWS[1])
    path = tmp_path / "2024.xlsx"
    book.save(path)
    assert _judged(runner, path) == (0, {"preschool.gross_enrolment_rate": ["pass", 99.5]})


@pytest.mark.parametrize("number_format", ['0.0"%"', "0.0\\%"])
def test_a_literal_percent_sign_in_a_format_is_not_a_percentage(
    number_format: str, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "2024.xlsx"
    book = _book(path, ROWS[:2])
    book.active["B2"].number_format = number_format
    book.save(path)
    assert _judged(runner, path) == (0, {"preschool.gross_enrolment_rate": ["pass", 99.5]})


def test_a_real_percent_format_reads_99_5_as_9950_which_is_implausible(
    tmp_path: Path, runner: CliRunner
) -> None:
    """99.5 in a cell formatted 0.0% shows as 9950.0%: a typing mistake, never judged."""
    path = tmp_path / "2024.xlsx"
    book = _book(path, ROWS[:2])
    book.active["B2"].number_format = "0.0%"
    book.save(path)
    code, found = _judged(runner, path)
    assert code == 2
    assert "9,950%" in found["error"][0] and "did you mean 99.5?" in found["error"][0]
    assert "if the cell is formatted as a percentage, format it as a number" in found["error"][0]


def test_a_formula_without_a_saved_value_is_named(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "2024.xlsx"
    _book(path, [ROWS[0], ["preschool_gross_enrolment_rate", "=99+0.5", 2024, None]])
    code, found = _judged(runner, path)
    assert code == 2
    assert (
        "expected a number, found a formula, '=99+0.5', without a saved value: save the file"
        in found["error"][0]
    )


def test_a_stray_cell_far_below_the_data_is_harmless(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "2024.xlsx"
    book = _book(path, ROWS[:2])
    book.active["C1048576"] = " "
    book.save(path)
    assert _judged(runner, path) == (0, {"preschool.gross_enrolment_rate": ["pass", 99.5]})


def test_empty_bordered_header_cells_are_ignored(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "2024.xlsx"
    _book(path, [[*ROWS[0], "", ""], ROWS[1]])
    assert _judged(runner, path) == (0, {"preschool.gross_enrolment_rate": ["pass", 99.5]})


def test_a_stray_cell_far_below_the_data_builds_no_empty_rows(tmp_path: Path) -> None:
    """Row 1,048,576 must not make a million empty rows (it once took seconds to read)."""
    from lzplan.rawfile import read_path
    from lzplan.sheets import sheets_of

    path = tmp_path / "2024.xlsx"
    book = _book(path, ROWS[:2])
    book.active["A1048576"] = "x"
    book.save(path)
    (sheet,) = sheets_of(read_path(path))
    numbers = [number for number, _ in sheet.rows]
    assert numbers == [1, 2, 1048576]
