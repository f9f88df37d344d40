"""A table of one criteria plan's figures is read once when ``readiness`` runs both plans:
the other plan leaves its rows alone (``ReadOptions.read_by``), and what is wrong in them is
still said, by the plan that reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.datafile import ReadOptions, Vocabulary, read_path
from lzplan.errors import DataError
from lzplan.planfile import find_plan, load_plan

BOTH = frozenset({"compulsory-quality-balance", "preschool-universal"})
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


def test_a_kindergarten_table_is_left_to_the_preschool_plan_running_beside(
    tmp_path: Path,
) -> None:
    # the row without a name is the preschool plan's to report; the compulsory criteria
    # read none of the table's rows, so they find nothing in it, not even that row
    path = _kindergartens(tmp_path, ",30,3,1,1\n")
    read = read_path(path, _compulsory(), ReadOptions(year=2025, read_by=BOTH))
    assert read.observations == []
    assert read.companions == {"linzi-2021-2025", "preschool-universal"}


def test_alone_the_compulsory_plan_still_reads_the_rows_and_finds_what_is_wrong(
    tmp_path: Path,
) -> None:
    path = _kindergartens(tmp_path, ",30,3,1,1\n")
    with pytest.raises(DataError) as refused:
        read_path(path, _compulsory(), ReadOptions(year=2025))
    assert [(p.line, p.message) for p in refused.value.problems if p.severity == "error"] == [
        (3, "no entity: name the school, town or item")
    ]


def test_a_table_with_one_of_the_plan_s_own_columns_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2025.csv"
    path.write_text(SCHOOLS, "utf-8")
    read = read_path(path, _compulsory(), ReadOptions(read_by=BOTH))
    assert [(o.indicator, o.entity, o.value) for o in read.observations] == [
        ("pupils_primary", "甲小学", 400.0),
        ("teachers_above_degree", "甲小学", 30.0),
    ]


def test_named_by_knows_a_column_any_of_the_plans_defines() -> None:
    vocabulary = _compulsory()
    # 在园幼儿数 is Linzi's district figure and the preschool criteria's per kindergarten
    assert vocabulary.named_by("在园幼儿数", frozenset({"preschool-universal"}))
    assert vocabulary.named_by("专任教师数（人）", frozenset({"preschool-universal"}))
    assert not vocabulary.named_by("在园幼儿数", frozenset({"compulsory-quality-balance"}))


def test_readiness_still_refuses_a_nameless_kindergarten_row_once(
    tmp_path: Path, runner: CliRunner
) -> None:
    county = _county(tmp_path, SCHOOLS, ",30,3,1,1\n")
    result = runner.invoke(main, ["readiness", str(county)])
    assert result.exit_code == 2, result.output
    assert result.output.count("no entity: name the school, town or item") == 1


def test_a_plan_that_knows_a_column_as_a_district_total_still_reads_the_table(
    tmp_path: Path, runner: CliRunner
) -> None:
    # 在园幼儿数 is Linzi's district total and no per-school figure of the compulsory
    # criteria: neither plan of this run reads the kindergartens' table as its own, so
    # neither may leave it to the other; its rows' problems are said
    county = _county(tmp_path, SCHOOLS)
    (county / "幼儿园-2025.csv").write_text("幼儿园名称,在园幼儿数\n甲幼儿园,120\n,100\n", "utf-8")
    argv = ["readiness", str(county), "--plan", "linzi-2021-2025"]
    result = runner.invoke(main, [*argv, "--plan", "compulsory-quality-balance"])
    assert result.exit_code == 2, result.output
    assert "no entity: name the school, town or item" in result.output


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
    assert [item["plan"] for item in json.loads(result.stdout)] == ["compulsory-quality-balance"]
    assert result.stderr.count("no entity: name the school, town or item") == 1
    assert result.stderr.count("skipped: save it as .csv or .xlsx") == 1
