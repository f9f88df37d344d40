"""Which year a file describes: a year column, 2024年 over the values, the file or sheet
name, a title row, else --year; sources that disagree are refused, naming both."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.datafile import FileRead, ReadOptions, Vocabulary, read_raw
from lzplan.errors import DataError, Problem
from lzplan.planfile import load_plan, plan_roster
from lzplan.rawfile import RawFile
from lzplan.years import FileYear, YearHint, hint_from, settle

openpyxl = pytest.importorskip("openpyxl")


@functools.cache
def bundled() -> Vocabulary:
    plan = load_plan()
    return Vocabulary(plan, plan_roster(plan, None, None))


def read(data: str | bytes, name: str, year: int | None = None) -> FileRead:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    vocabulary = bundled()
    options = ReadOptions(year=year, roster=vocabulary.roster)
    return read_raw(RawFile(name, raw, Path(name).suffix), vocabulary, options)


def refused(data: str | bytes, name: str, year: int | None = None) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        read(data, name, year)
    return caught.value.problems


def years(found: FileRead) -> list[int]:
    return [observation.year for observation in found.observations]


def workbook(rows: list[list[object]], title: str = "Sheet1") -> bytes:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PLAIN = "指标,数值\n幼儿园数,98\n巩固率,100\n毛入园率,99\n"


# --- hint_from and settle -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024", 2024),
        ("2024年统计", 2024),
        ("临淄区2024年度", 2024),
        ("临淄区2024年教育统计（截至2024年12月31日）", 2024),  # the same year twice
        ("报表_2024-01-01", None),  # a date: when it was made, not the year it describes
        ("2024年学校统计表（2025年1月10日报送）", 2024),  # the date sent is not a year
        ("3703050001东城小学", None),  # a 学校标识码
        ("3703202401东城小学", None),  # a code with 2024 inside it
        ("20240101", None),
        ("2023年和2024年对比", None),  # two years: no single year
        ("报表", None),
        ("1899年", None),
    ],
)
def test_hint_from_reads_one_four_digit_year(text: str, year: int | None) -> None:
    hint = hint_from("title", text)
    assert (hint.year if hint else None) == year


@pytest.mark.parametrize(
    "text", ["2023-2024学年", "2023—2024学年度", "2023 / 2024 学年", "2023至2024学年"]
)
def test_hint_from_a_school_year(text: str) -> None:
    assert hint_from("file name", text) == YearHint("file name", school_year="2023-2024")


def test_settle_takes_the_first_year_and_falls_back_to_the_option() -> None:
    header, name = YearHint("header '2024年'", 2024), YearHint("file name", 2024)
    assert settle([header, name], 2021) == FileYear(2024, "header '2024年'")
    assert settle([], 2021) == FileYear(2021, "--year")
    assert settle([], None) == FileYear(None, "")


def test_settle_refuses_two_years_naming_both() -> None:
    settled = settle([YearHint("header '2024年'", 2024), YearHint("file name", 2023)], 2024)
    assert settled.year is None
    assert settled.problem == (
        "the header '2024年' says 2024 but the file name says 2023: make them agree"
    )


def test_settle_a_school_year_needs_the_option_unless_a_year_is_given() -> None:
    school = YearHint("file name", school_year="2023-2024")
    assert "names the school year 2023-2024, not a year" in settle([school], None).problem
    assert settle([school], 2024) == FileYear(2024, "--year")
    assert settle([school, YearHint("title", 2024)], None) == FileYear(2024, "title")


# --- where a file says its year -------------------------------------------------------------


def test_a_year_column_gives_each_rows_year() -> None:
    found = read(
        "指标,数值,年份\n幼儿园数,98,2023\n幼儿园数,99,2024年\n巩固率,100,2024.0\n", "x.csv"
    )
    assert years(found) == [2023, 2024, 2024]


@pytest.mark.parametrize("header", ["2024年", "2024年度", "2024", "2024年数据"])
def test_a_year_over_the_value_column(header: str) -> None:
    assert years(read(f"指标,{header}\n幼儿园数,98\n", "报表.csv")) == [2024]


@pytest.mark.parametrize(
    "name", ["2024.csv", "2024年统计.csv", "临淄区2024年度.csv", "教育2024.xlsx"]
)
def test_the_file_name(name: str) -> None:
    data = workbook([["指标", "数值"], ["幼儿园数", 98]]) if name.endswith("xlsx") else PLAIN
    assert set(years(read(data, name))) == {2024}


def test_the_sheet_name() -> None:
    data = workbook([["指标", "数值"], ["幼儿园数", 98]], title="2022年数据")
    assert years(read(data, "报表.xlsx")) == [2022]


def test_a_title_row() -> None:
    assert years(read("临淄区2022年教育统计,\n单位：人,\n" + PLAIN, "报表.csv")) == [2022] * 3


def test_year_option_is_only_a_fallback() -> None:
    assert years(read(PLAIN, "报表.csv", year=2021)) == [2021] * 3
    assert years(read(PLAIN, "2024.csv", year=2021)) == [2024] * 3  # the file's own year wins
    assert years(read("指标,2024年\n幼儿园数,98\n", "报表.csv", year=2021)) == [2024]


def test_year_option_judges_only_the_file_rows_of_that_year(
    tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "2024.csv"
    path.write_text(PLAIN, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--year", "2021"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: has no rows for --year 2021 (it has 2024)\n"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            "指标,2024年\n幼儿园数,98\n",
            "2023.csv",
            "the header '2024年' says 2024 but the file name says 2023: make them agree",
        ),
        (
            "临淄区2022年统计\n" + PLAIN,
            "2024.csv",
            "the file name says 2024 but the title says 2022: make them agree",
        ),
        (
            "临淄区2022年统计\n指标,2024年\n幼儿园数,98\n",
            "报表.csv",
            "the header '2024年' says 2024 but the title says 2022: make them agree",
        ),
    ],
)
def test_two_sources_that_disagree_give_one_error_naming_both(
    data: str, name: str, message: str
) -> None:
    (problem,) = refused(data, name)
    assert problem.message == message
    assert problem.line == (2 if data.startswith("临淄区") else 1)  # the header row


def test_the_sheet_name_disagreeing_with_the_file_name() -> None:
    data = workbook([["指标", "数值"], ["幼儿园数", 98], ["巩固率", 100]], title="2023年")
    (problem,) = refused(data, "2024年统计.xlsx")
    assert problem.file == "2024年统计.xlsx[2023年]"
    assert (
        problem.message == "the file name says 2024 but the sheet name says 2023: make them agree"
    )


def test_a_school_year_needs_year_option() -> None:
    (problem,) = refused(PLAIN, "2023-2024学年.csv")
    assert problem.message == (
        "the file name names the school year 2023-2024, not a year: "
        "add a year column (年份) or pass --year"
    )
    assert years(read(PLAIN, "2023-2024学年.csv", year=2024)) == [2024] * 3


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ("指标,数值,年份\n幼儿园数,98,2024\n", "2023-2024学年.csv"),
        ("临淄区2023-2024学年教育统计\n指标,数值,年份\n幼儿园数,98,2024\n", "报表.csv"),
    ],
)
def test_a_school_year_with_a_year_column_is_read(data: str, name: str) -> None:
    # regression: refused, asking for the year column the file already has
    assert years(read(data, name)) == [2024]
    assert settle([YearHint("file name", school_year="2023-2024")], None, True) == FileYear(
        None, ""
    )


def test_a_file_without_a_year_gets_exactly_one_message() -> None:
    rows = "".join(f"幼儿园数,{90 + i}\n" for i in range(20))
    (problem,) = refused("指标,数值\n" + rows, "报表.csv")
    assert problem.line == 2
    assert problem.message.startswith("no year: add a year column (年份)")
    wide = "学校名称,专兼职心理健康教育教师数\n" + "".join(f"某校{i},1\n" for i in range(20))
    assert len(refused(wide, "学校.csv")) == 1


def test_a_workbook_without_a_year_gets_one_message_per_sheet_not_per_row() -> None:
    book = openpyxl.Workbook()
    for title in ("学前", "义务"):
        sheet = book.create_sheet(title)
        sheet.append(["指标", "数值"])
        sheet.append(["幼儿园数", 98])
        sheet.append(["巩固率", 100])
    book.remove(book.active if book.active.title == "Sheet" else book["Sheet"])
    buffer = io.BytesIO()
    book.save(buffer)
    problems = refused(buffer.getvalue(), "报表.xlsx")
    assert [p.file for p in problems] == ["报表.xlsx[学前]", "报表.xlsx[义务]"]


def test_a_year_cell_contradicting_the_file_name_is_refused_per_row() -> None:
    data = "指标,数值,年份\n幼儿园数,98,2024\n巩固率,100,2023\n毛入园率,99,2022\n"
    problems = refused(data, "2024.csv")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, "年份", "year 2023 contradicts the file name, which says 2024"),
        (4, "年份", "year 2022 contradicts the file name, which says 2024"),
    ]


def test_a_year_cell_contradicting_the_header_year() -> None:
    (problem,) = refused("指标,2024年,年份\n幼儿园数,98,2023\n", "报表.csv")
    assert problem.message == "year 2023 contradicts the header '2024年', which says 2024"


def test_a_year_cell_may_differ_from_year_option() -> None:
    data = "指标,数值,年份\n幼儿园数,98,2023\n幼儿园数,99,2024\n"
    assert years(read(data, "报表.csv", year=2024)) == [2023, 2024]


def test_an_empty_year_cell_in_a_file_without_another_year_is_refused() -> None:
    (problem,) = refused("指标,数值,年份\n幼儿园数,98,\n", "报表.csv", year=2024)
    assert (problem.line, problem.column) == (2, "年份")
    assert problem.message.startswith("empty: every row")


@pytest.mark.parametrize("code", ["3703050001", "3703202401", "37030520230"])
def test_long_digit_runs_in_a_name_are_not_years(code: str) -> None:
    (problem,) = refused(PLAIN, f"{code}东城小学.csv")
    assert problem.message.startswith("no year")
    assert years(read(PLAIN, f"{code}东城小学2024.csv")) == [2024] * 3


def test_a_school_code_in_a_title_is_not_a_year() -> None:
    found = read("学校标识码：3703202301,\n" + PLAIN, "2024.csv")
    assert years(found) == [2024] * 3


def test_a_filing_date_above_the_header_is_not_the_data_year() -> None:
    # regression: the date the form was filled in (2025) was read as the data's year
    data = "临淄区教育事业统计表,\n填报单位：临淄区教育局,填报日期：2025年1月10日\n" + PLAIN
    assert years(read(data, "报表.csv", year=2024)) == [2024] * 3
    (problem,) = refused(data, "报表.csv")
    assert problem.message.startswith("no year")


def test_a_filing_date_above_the_header_leaves_the_title_year() -> None:
    # regression: the filing date made two years above the header, so the title's was lost
    data = "临淄区2024年教育事业统计表,\n填报日期：2025年1月10日,\n" + PLAIN
    assert years(read(data, "报表.csv")) == [2024] * 3


def test_years_on_the_command_line(runner: CliRunner, in_root: Path) -> None:
    folder = "tests/examples/bureau/years_ok"
    result = runner.invoke(
        main, ["validate", "--each", f"{folder}/报表.csv", f"{folder}/临淄区2023年度统计.csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{folder}/报表.csv: ok (2024)",
        f"{folder}/临淄区2023年度统计.csv: ok (2023)",
    ]


def test_a_misspelt_year_column_is_said_once_not_again_as_a_missing_year() -> None:
    # 'yaer' is most like 'year': its rows have no year because of it, said by the header
    said = [p.message for p in refused("indicator,value,yaer\nkindergartens,98,2024\n", "data.csv")]
    assert any("unknown column 'yaer'; did you mean 'year'?" in m for m in said), said
    assert not any(m.startswith("no year") for m in said), said


def test_an_unknown_column_unlike_a_year_leaves_the_missing_year_said() -> None:
    said = [p.message for p in refused("indicator,value,valeu2\nkindergartens,98,1\n", "data.csv")]
    assert any(m.startswith("no year") for m in said), said
