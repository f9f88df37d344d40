"""A one-row-per-school table giving none of a plan's figures, only another bundled plan's,
is left to that plan: under ``readiness`` it is read once, what is wrong in it is said by
the plan that reads it, and it stops neither the other plan's judging nor a ``check`` of
that plan alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.datafile import ReadOptions, Vocabulary, read_path
from lzplan.errors import DataError
from lzplan.planfile import find_plan, load_plan

KINDERGARTENS = "幼儿园名称,在园幼儿数,专任教师数,班数,班额达标班数\n甲幼儿园,120,10,4,4\n"
SCHOOLS = "学校名称,小学在校生数,高于规定学历教师数\n甲小学,400,30\n"


def _compulsory() -> Vocabulary:
    return Vocabulary(load_plan(find_plan("compulsory-quality-balance")), None)


def _kindergartens(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "幼儿园-2025.csv"
    path.write_text(KINDERGARTENS + extra, "utf-8")
    return path


def _county(tmp_path: Path, schools: str, kindergartens: str | None = None) -> Path:
    """A county folder with the schools' table and, given its extra rows, the
    kindergartens'."""
    county = tmp_path / "county"
    county.mkdir()
    (county / "学校-2025.csv").write_text(schools, "utf-8")
    if kindergartens is not None:
        _kindergartens(county, kindergartens)
    return county


def test_a_kindergarten_table_is_left_to_the_preschool_plan(tmp_path: Path) -> None:
    # the row without a name is the preschool plan's to report; the compulsory criteria
    # read none of the table's rows, so they find nothing in it, not even that row
    path = _kindergartens(tmp_path, ",30,3,1,1\n")
    read = read_path(path, _compulsory(), ReadOptions(year=2025))
    assert read.observations == []
    assert read.companions == {"linzi-2021-2025", "preschool-universal"}


def test_the_preschool_plan_reads_the_rows_and_finds_what_is_wrong(tmp_path: Path) -> None:
    path = _kindergartens(tmp_path, ",30,3,1,1\n")
    preschool = Vocabulary(load_plan(find_plan("preschool-universal")), None)
    with pytest.raises(DataError) as refused:
        read_path(path, preschool, ReadOptions(year=2025))
    assert [(p.line, p.message) for p in refused.value.problems if p.severity == "error"] == [
        (3, "no entity: name the school, town or item")
    ]


def test_a_check_of_the_schools_criteria_is_not_stopped_by_a_kindergarten_s_mistake(
    tmp_path: Path,
) -> None:
    county = _county(tmp_path, SCHOOLS, ",30,3,1,1\n")
    args = ["check", str(county), "--plan", "compulsory-quality-balance", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    assert "no entity" not in result.output
    assert json.loads(result.stdout)  # judged


def test_a_misspelt_column_keeps_the_table_read(tmp_path: Path) -> None:
    # 小学再校生数 may be the plan's own 小学在校生数: the rows are read, and the column said
    path = tmp_path / "学校-2025.csv"
    path.write_text("学校名称,小学再校生数,在园幼儿数\n,400,30\n", "utf-8")
    with pytest.raises(DataError) as refused:
        read_path(path, _compulsory(), ReadOptions(year=2025))
    assert any("no entity" in p.message for p in refused.value.problems)


def test_a_table_with_one_of_the_plan_s_own_columns_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2025.csv"
    path.write_text(SCHOOLS, "utf-8")
    read = read_path(path, _compulsory(), ReadOptions())
    assert [(o.indicator, o.entity, o.value) for o in read.observations] == [
        ("pupils_primary", "甲小学", 400.0),
        ("teachers_above_degree", "甲小学", 30.0),
    ]


def test_readiness_still_refuses_a_nameless_kindergarten_row_once(
    tmp_path: Path, runner: CliRunner
) -> None:
    county = _county(tmp_path, SCHOOLS, ",30,3,1,1\n")
    result = runner.invoke(main, ["readiness", str(county)])
    assert result.exit_code == 2, result.output
    said = "no entity: name the school, town or item"
    assert result.stderr.count(said) == 1
    # the report itself names the criteria not judged, and why
    assert result.stdout.count(said) == 1 and "NOT JUDGED: its data were refused" in result.stdout


def test_a_kindergartens_table_is_read_by_neither_plan_of_a_run_without_the_preschool_one(
    tmp_path: Path, runner: CliRunner
) -> None:
    # 在园幼儿数 per kindergarten is the preschool criteria's figure (Linzi's is the district
    # total): with Linzi's plan and the compulsory criteria, neither reads the table's rows,
    # so a kindergarten without a name stops neither
    county = _county(tmp_path, SCHOOLS)
    (county / "幼儿园-2025.csv").write_text("幼儿园名称,在园幼儿数\n甲幼儿园,120\n,100\n", "utf-8")
    argv = ["readiness", str(county), "--plan", "linzi-2021-2025"]
    result = runner.invoke(main, [*argv, "--plan", "compulsory-quality-balance"])
    assert result.exit_code in (0, 1), result.output
    assert "no entity" not in result.output


def test_validate_says_what_is_wrong_in_every_table_whichever_plan_reads_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    # a CI job gating on validate: the kindergarten's missing name is an error there,
    # though the compulsory criteria's check leaves the table to the preschool plan
    county = _county(tmp_path, SCHOOLS, ",30,3,1,1\n")
    plan = ["--plan", "compulsory-quality-balance"]
    result = runner.invoke(main, ["validate", str(county), *plan])
    assert result.exit_code == 2, result.output
    assert "幼儿园-2025.csv:3: column '幼儿园名称': no entity" in result.output
    assert runner.invoke(main, ["check", str(county), *plan]).exit_code in (0, 1)


def test_a_folder_of_other_plans_figures_only_says_which_plans_read_them(
    tmp_path: Path, runner: CliRunner
) -> None:
    county = _county(tmp_path, SCHOOLS, "乙幼儿园,30,3,1,1\n")
    result = runner.invoke(main, ["validate", str(county)])
    assert result.exit_code == 2, result.output
    assert (
        "gives none of this plan's figures, only those of the bundled plans "
        "compulsory-quality-balance, preschool-universal: check them with --plan "
        "compulsory-quality-balance or --plan preschool-universal (both sets of national "
        "criteria at once: lzplan readiness)"
    ) in " ".join(result.output.split())
    zh = runner.invoke(main, ["validate", str(county), "--lang", "zh"])
    assert (
        "没有本规划的数据，只有内置规划 compulsory-quality-balance、preschool-universal 的数据："
        "请用 --plan compulsory-quality-balance 或 --plan preschool-universal 检查"
        "（两套国家认定标准可用 lzplan readiness 一并检查）"
    ) in zh.output


def test_each_plan_s_refusal_is_said_when_both_refuse(tmp_path: Path, runner: CliRunner) -> None:
    # a nameless school (the compulsory criteria's table) and a kindergarten row with a
    # cell beyond its header (the preschool criteria's): both said in one run
    county = _county(tmp_path, SCHOOLS + ",300,20\n", "乙幼儿园,100,8,4,4,99\n")
    result = runner.invoke(main, ["readiness", str(county)])
    assert result.exit_code == 2, result.output
    assert "no entity: name the school, town or item" in result.output
    assert "has 6 cells but the header has 5 columns" in result.output


def test_a_broken_kindergartens_table_still_lets_the_schools_be_judged(
    tmp_path: Path, runner: CliRunner
) -> None:
    # the kindergartens' table is refused (a nameless row): the compulsory criteria, which
    # do not read it, are still judged and printed, and the run exits 2 for the refused file
    county = _county(tmp_path, SCHOOLS, ",30,3,1,1\n")
    (county / "说明.txt").write_text("填报说明", "utf-8")  # a note both plans make: said once
    result = runner.invoke(main, ["readiness", str(county), "--format", "json"])
    assert result.exit_code == 2, result.output
    written = json.loads(result.stdout)
    assert [item["plan"] for item in written] == [
        "compulsory-quality-balance",
        "preschool-universal",
    ]
    assert written[0]["verdict"] != "refused" and written[0]["results"]
    assert written[1]["verdict"] == "refused" and written[1]["year"] is None
    assert [(p["line"], p["message"]) for p in written[1]["refused"]] == [
        (3, "no entity: name the school, town or item")
    ]
    assert result.stderr.count("no entity: name the school, town or item") == 1
    assert result.stderr.count("skipped: save it as .csv or .xlsx") == 1


def test_every_readiness_format_names_the_criteria_not_judged(
    tmp_path: Path, runner: CliRunner
) -> None:
    pytest.importorskip("openpyxl")
    import openpyxl

    county = _county(tmp_path, SCHOOLS, ",30,3,1,1\n")
    table = runner.invoke(main, ["readiness", str(county), "--lang", "zh"])
    assert "未评估：数据有误，被拒绝（错误 1 处，见下）" in table.stdout
    assert "错误：" in table.stdout and "缺少单位名称" in table.stdout
    markdown = runner.invoke(main, ["readiness", str(county), "--format", "markdown"])
    assert "NOT JUDGED: its data were refused (1 error(s) below)" in markdown.stdout
    book = tmp_path / "评估.xlsx"
    runner.invoke(main, ["readiness", str(county), "--format", "xlsx", "--output", str(book)])
    overview = list(openpyxl.load_workbook(book)["总览"].iter_rows(values_only=True))
    refused = [row for row in overview if row[4] == "refused"]
    assert len(refused) == 1 and refused[0][3] == "未评估：数据有误，被拒绝"
    assert "缺少单位名称" in str(refused[0][7])
