"""Data as it really arrives: encodings, Excel, typed values, standard input, hostile files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

PLAN = str(EXAMPLES / "library_plan" / "plan.yaml")
INPUTS = EXAMPLES / "inputs"


@pytest.mark.parametrize(
    "folder", sorted(p for p in INPUTS.iterdir() if p.is_dir()), ids=lambda p: p.name
)
def test_example_input_reads_to_the_expected_verdicts(folder: Path, runner: CliRunner) -> None:
    case = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    data = str(folder / case["file"])
    plan = [] if case.get("plan") == "bundled" else ["--plan", PLAN]
    result = runner.invoke(main, ["check", *plan, data, *case["args"], "--format", "json"])
    assert result.exit_code == case["exit"], result.output
    verdicts = {row["target"]: [row["status"], row["actual"]] for row in json.loads(result.stdout)}
    assert {target: verdicts[target] for target in case["verdicts"]} == case["verdicts"]
    others = {verdicts[target][0] for target in verdicts.keys() - case["verdicts"].keys()}
    assert others <= {"missing", "pending"}


def test_standard_input_is_read_as_a_file(runner: CliRunner) -> None:
    text = "indicator,value\nvisits_per_capita,2.5\n"
    result = runner.invoke(
        main, ["check", "--plan", PLAN, "-", "--year", "2026", "--format", "json"], input=text
    )
    visits = next(row for row in json.loads(result.stdout) if row["target"] == "reading.visits")
    assert (visits["dataset"], visits["status"], visits["actual"]) == ("<stdin>", "pass", 2.5)


def test_gbk_file_read_with_a_wrong_explicit_encoding_is_refused(runner: CliRunner) -> None:
    data = str(INPUTS / "gbk_chinese_headers" / "submission.csv")
    result = runner.invoke(main, ["check", "--plan", PLAN, data, "--encoding", "utf-8"])
    assert result.exit_code == 2
    # 指 (D6 B8) happens to be valid UTF-8; 标 (B1 EA) is not: the first bad byte is 2
    assert result.stderr == f"error: {data}:1: is not utf-8 text (byte 2)\n"


def test_unknown_encoding_is_refused(runner: CliRunner) -> None:
    data = str(INPUTS / "utf8_bom_crlf" / "2024.csv")
    result = runner.invoke(main, ["check", "--plan", PLAN, data, "--encoding", "klingon"])
    assert (result.exit_code, result.stderr) == (2, f"error: {data}: unknown encoding 'klingon'\n")


def test_unknown_sheet_lists_the_sheets(runner: CliRunner) -> None:
    data = str(INPUTS / "workbook" / "2024.xlsx")
    result = runner.invoke(main, ["check", "--plan", PLAN, data, "--sheet", "Sheet9"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {data}: has no sheet 'Sheet9'; it has 说明, 2024年数据\n"


def test_sheet_option_on_a_csv_is_refused(runner: CliRunner) -> None:
    data = str(INPUTS / "utf8_bom_crlf" / "2024.csv")
    result = runner.invoke(main, ["check", "--plan", PLAN, data, "--sheet", "x"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {data}: --sheet applies to Excel workbooks only\n",
    )


def test_workbook_without_openpyxl_says_how_to_install_it(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    data = str(INPUTS / "workbook" / "2024.xlsx")
    result = runner.invoke(main, ["check", "--plan", PLAN, data])
    assert result.exit_code == 2
    assert 'reading Excel files needs openpyxl: pip install "lzplan[xlsx]"' in result.stderr


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path, runner: CliRunner) -> None:
    big = tmp_path / "2024.csv"
    with big.open("wb") as handle:  # sparse: 300 MB on paper, nothing on disk
        handle.truncate(300 * 1024 * 1024)
    result = runner.invoke(main, ["check", "--plan", PLAN, str(big)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {big}: is 300 MB; CSV files may be up to 256 MB\n"


def test_a_province_csv_is_within_the_limit_but_a_workbook_that_size_is_not(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The limit refuses absurd files, not a province's 2 million rows (about 100 MB of
    CSV); a workbook is held at many times its size, so its limit is lower — also for a
    workbook that arrives under a CSV name, and just over the limit the size says so."""
    rows = tmp_path / "2024.csv"
    with rows.open("wb") as handle:  # sparse: a 100 MB file of zero bytes
        handle.truncate(100 * 1024 * 1024)
    result = runner.invoke(main, ["validate", "--plan", PLAN, str(rows)])
    assert "is a binary file, not CSV text" in result.stderr  # read, not refused for size
    just_over = tmp_path / "2023.csv"
    with just_over.open("wb") as handle:
        handle.truncate(256 * 1024 * 1024 + 4000)
    over = runner.invoke(main, ["validate", "--plan", PLAN, str(just_over)])
    assert over.stderr == f"error: {just_over}: is 256.1 MB; CSV files may be up to 256 MB\n"
    book = tmp_path / "2024.xlsx"
    with book.open("wb") as handle:
        handle.truncate(int(50.2 * 1024 * 1024))
    refused = runner.invoke(main, ["validate", "--plan", PLAN, str(book)])
    assert refused.stderr == f"error: {book}: is 50.2 MB; workbooks may be up to 50 MB\n"
    named_csv = tmp_path / "2025.csv"
    named_csv.write_bytes(b"PK\x03\x04" + b"\0" * (51 * 1024 * 1024))
    zipped = runner.invoke(main, ["validate", "--plan", PLAN, str(named_csv)])
    assert zipped.stderr == f"error: {named_csv}: is 51.1 MB; workbooks may be up to 50 MB\n"


def test_many_problems_are_capped(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\n" + "nope,1\n" * 120, encoding="utf-8")
    result = runner.invoke(main, ["validate", "--plan", PLAN, str(data)])
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert len(lines) == 51
    assert lines[-1] == f"error: {data}: … and 70 more problem(s) not listed"


def test_many_warnings_are_capped_and_counted(tmp_path: Path, runner: CliRunner) -> None:
    """120 schools the bundled (partial) roster lacks: 50 warnings, then a count of the
    rest, in both languages; the figures are still read, and nothing is judged wrong."""
    data = tmp_path / "2024.csv"
    rows = "".join(f"mental_health_teachers,1,学校{i}\n" for i in range(120))
    data.write_text("indicator,value,entity\n" + rows, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(data)])
    # validate's report is its output: the warnings are on standard output
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning")]
    assert result.exit_code == 0
    assert len(warnings) == 51
    assert "'学校49' is not in the roster" in warnings[49]
    assert warnings[-1] == f"warning: {data}: … and 70 more warning(s) not listed"
    zh = runner.invoke(main, ["validate", "--lang", "zh", str(data)])
    assert f"警告：{data}: ……另有 70 条警告未列出" in zh.stdout.splitlines()


def test_validate_reports_ok_files_and_exits_0(runner: CliRunner) -> None:
    data = str(EXAMPLES / "library_plan" / "data" / "2024.csv")
    result = runner.invoke(main, ["validate", "--plan", PLAN, data])
    assert (result.exit_code, result.stdout) == (0, f"{data}: ok (2024)\n")


def test_validate_github_format_escapes_and_locates(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2024.csv"
    data.write_text('indicator,value\nmembers,"1,2,x%"\n', encoding="utf-8")
    result = runner.invoke(main, ["validate", "--plan", PLAN, str(data), "--format", "github"])
    assert result.exit_code == 2
    assert result.stdout == (
        f"::error file={data},line=2,title=lzplan::column 'value': "
        "expected a number with a decimal point, found '1,2,x%25'; did you mean 1.2 or 12?\n"
    )


def test_validate_json_format(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nmembers,lots\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--plan", PLAN, str(data), "--format", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == [
        {
            "file": str(data),
            "message": "expected a number, found 'lots'",
            "line": 2,
            "column": "value",
            "where": "",
            "severity": "error",
        }
    ]


def test_check_csv_output_is_excel_ready_and_neutralises_formulas(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text(
        "indicator,value,entity\n"
        'branch_books,10,=HYPERLINK("http://x")\n'
        "branch_books,9000,@SUM(A1)\n"
        "visits_per_capita,1.5,\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check", "--plan", PLAN, str(data), "--format", "csv"])
    assert result.exit_code == 1
    assert result.stdout.startswith("\ufeff")
    rows = {row["target"]: row for row in csv.DictReader(io.StringIO(result.stdout[1:]))}
    books = rows["branches.books"]
    assert books["misses"] == '\'=HYPERLINK("http://x") (10)'
    assert rows["reading.visits"]["gap"] == "-0.5"  # a negative number stays a number
    for row in rows.values():
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@")), cell


def test_a_folder_without_data_files_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "README.md").write_text("not data", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--plan", PLAN, str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path}: is a folder with no data files (.csv, .xlsx, .xlsm) inside\n",
    )


def test_excel_unicode_text_is_read(tmp_path: Path, runner: CliRunner) -> None:
    """Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated."""
    data = tmp_path / "2024.csv"
    data.write_bytes("indicator\tvalue\r\nvisits_per_capita\t2.5\r\n".encode("utf-16"))
    result = runner.invoke(main, ["check", "--plan", PLAN, str(data), "--format", "json"])
    visits = next(row for row in json.loads(result.stdout) if row["target"] == "reading.visits")
    assert (visits["status"], visits["actual"]) == ("pass", 2.5)


def test_semicolon_separated_file_is_read_but_decimal_commas_are_not(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("indicator;value\nvisits_per_capita;2,5\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--plan", PLAN, str(data)])
    assert result.exit_code == 2
    assert "expected a number with a decimal point, found '2,5'" in result.stderr


def test_a_broken_later_year_never_blocks_an_earlier_check(
    tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "2025.csv").write_text("indicator,value\nbudget,lots\n", encoding="utf-8")
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nvisits_per_capita,2.5\n", encoding="utf-8")
    assert runner.invoke(main, ["check", "--plan", PLAN, str(data)]).exit_code == 0


def test_an_unreadable_file_is_an_input_error(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot stop root (CI runs as root), so the refusal is simulated where it happens
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nbudget,1\n", encoding="utf-8")

    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == data:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = runner.invoke(main, ["validate", "--plan", PLAN, str(data)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {data}: cannot read the file: Permission denied\n",
    )
