"""Datasets: files and folders merged into one (or one per path with --each), conflicts
between them, earlier years from siblings, and the roster of who must report."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.datafile import ReadOptions
from lzplan.dataset import Dataset, Request, build
from lzplan.errors import DataError, Problem
from lzplan.model import Plan
from lzplan.observations import Index, Observation
from lzplan.planfile import load_plan, plan_roster
from lzplan.rawfile import RawFile
from lzplan.roster import Roster

from .conftest import EXAMPLES

openpyxl = pytest.importorskip("openpyxl")

BUREAU = EXAMPLES / "bureau"
TOWN_PLAN = BUREAU / "town_plan.yaml"


@functools.cache
def bundled() -> tuple[Plan, Roster | None]:
    plan = load_plan()
    return plan, plan_roster(plan, None, None)


@functools.cache
def towns() -> tuple[Plan, Roster | None]:
    plan = load_plan(TOWN_PLAN)
    return plan, plan_roster(plan, TOWN_PLAN, None)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def datasets(
    *inputs: Path | RawFile,
    each: bool = False,
    year: int | None = None,
    plan: tuple[Plan, Roster | None] | None = None,
) -> list[Dataset]:
    chosen, roster = plan or bundled()
    options = ReadOptions(year=year, roster=roster)
    return build(chosen, Request(tuple(inputs), options, each))


def refused(*inputs: Path | RawFile, **kwargs: object) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        datasets(*inputs, **kwargs)  # type: ignore[arg-type]
    return caught.value.problems


def values(dataset: Dataset) -> list[tuple[int, str, str, float | None]]:
    return [(o.year, o.indicator, o.entity, o.value) for o in dataset.observations()]


# --- folders --------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_into_one_dataset(tmp_path: Path) -> None:
    folder = tmp_path / "临淄区"
    write(folder / "2024.csv", "指标,数值\n幼儿园数,98\n")
    write(folder / "义务教育" / "补充2024.csv", "指标,数值\n巩固率,100\n", "gbk")
    book = openpyxl.Workbook()
    book.active.append(["指标", "2024年"])
    book.active.append(["毛入园率", 99.5])
    (folder / "学前").mkdir()
    book.save(folder / "学前" / "学前.xlsx")
    # not data: Excel's lock file, hidden files and folders, other kinds of file
    write(folder / "~$学前.xlsx", "locked")
    write(folder / ".2024.csv", "garbage,\n")
    write(folder / ".git" / "2024.csv", "garbage,\n")
    write(folder / "说明.txt", "not a table")
    write(folder / "义务教育" / "附件.docx", "x")
    (dataset,) = datasets(folder)
    assert values(dataset) == [
        (2024, "compulsory_retention_rate", "", 100.0),
        (2024, "kindergartens", "", 98.0),
        (2024, "preschool_gross_enrolment_rate", "", 99.5),
    ]
    assert dataset.name == str(folder)
    assert sorted(Path(file).name for file in dataset.files) == [
        "2024.csv",
        "学前.xlsx",
        "补充2024.csv",
    ]
    assert dataset.years == (2024,)


def test_a_folder_without_data_files_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "~$2024.xlsx", "locked")
    write(tmp_path / "empty" / ".2024.csv", "指标,数值\n")
    (problem,) = refused(tmp_path / "empty")
    assert problem.message.startswith("is a folder with no data files")


def test_files_and_folders_together_form_one_dataset_named_after_them(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "2024.csv", "指标,数值\n幼儿园数,98\n")
    b = write(tmp_path / "b" / "x" / "2024年.csv", "指标,数值\n巩固率,100\n")
    (dataset,) = datasets(a, tmp_path / "b")
    assert dataset.name == f"{a} + {tmp_path / 'b'}"
    assert dataset.files == (str(a), str(b))
    assert len(dataset.observations()) == 2


def test_validate_a_folder_says_how_many_files(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    write(tmp_path / "f" / "2024.csv", "指标,数值\n幼儿园数,98\n")
    write(tmp_path / "f" / "sub" / "2023.csv", "指标,数值\n幼儿园数,101\n")
    write(tmp_path / "f" / "~$2024.xlsx", "locked")
    result = runner.invoke(main, ["validate", str(tmp_path / "f")])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / 'f'}: ok (2 files, 2023, 2024)\n"


# --- conflicts ------------------------------------------------------------------------------


def test_different_values_in_two_files_are_a_conflict_naming_both_places(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "2024.csv", "指标,数值\n幼儿园数,98\n巩固率,100\n")
    b = write(tmp_path / "b" / "2024补报.csv", "指标,单位,数值\n巩固率,%,100\n幼儿园数,所,97\n")
    (problem,) = refused(tmp_path / "a", tmp_path / "b")
    assert (problem.file, problem.line) == (str(b), 3)
    assert problem.message == (
        f"conflict: kindergartens, 2024 is 98 at {a}:2 but 97 here: keep one of them"
    )


def test_a_conflict_between_schools_names_the_school_and_the_columns(tmp_path: Path) -> None:
    a = write(tmp_path / "2024.csv", "学校名称,专兼职心理健康教育教师数\n城西中学,2\n")
    b = write(tmp_path / "补报.csv", "指标,学校,数值,年份\n心理健康教师数,城西中学,3,2024\n")
    (problem,) = refused(a, b)
    assert problem.message == (
        f"conflict: mental_health_teachers, 2024, 城西中学 is 2 at {a}:2 "
        "(专兼职心理健康教育教师数) but 3 here: keep one of them"
    )


def test_equal_values_after_unit_conversion_are_no_conflict(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "2024.csv", "指标,数值,单位\n幼儿园在园幼儿数,13500,人\n")
    b = write(tmp_path / "b" / "2024.csv", "指标,数值\n在园幼儿数,1.35万人\n")
    c = write(tmp_path / "c" / "2024.csv", "单位：人\n指标,数值\n幼儿在园人数,13500\n")
    (dataset,) = datasets(a, b, c)
    (observation,) = dataset.observations()
    assert observation.value == pytest.approx(1.35)
    assert observation.place == f"{a}:2"  # the first is kept


def test_a_conflict_between_two_sheets_of_one_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "学前"
    book.active.append(["指标", "数值"])
    book.active.append(["幼儿园数", 98])
    other = book.create_sheet("汇总")
    other.append(["指标", "数值"])
    other.append(["幼儿园数", 96])
    book.save(tmp_path / "2024.xlsx")
    (problem,) = refused(tmp_path / "2024.xlsx")
    assert problem.file == f"{tmp_path / '2024.xlsx'}[汇总]"
    assert f"is 98 at {tmp_path / '2024.xlsx'}[学前]:2 but 96 here" in problem.message


def test_the_same_school_by_alias_and_by_name_is_one_school(tmp_path: Path) -> None:
    text = "学校名称,心理健康教育教师数\n东城小学,1\n东城镇中心小学,2\n"
    (problem,) = refused(write(tmp_path / "2024.csv", text), plan=towns())
    assert problem.message.startswith("conflict: counsellors, 2024, 东城镇中心小学 is 1 at ")


def test_conflicts_on_the_command_line(runner: CliRunner, in_root: Path) -> None:
    folder = "tests/examples/bureau/conflict"
    result = runner.invoke(main, ["check", f"{folder}/a", f"{folder}/b"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {folder}/b/2024年补报.csv:3: conflict: kindergartens, 2024 is 98 at "
        f"{folder}/a/2024.csv:3 but 97 here: keep one of them\n"
    )


# --- --each ---------------------------------------------------------------------------------


def _json(runner: CliRunner, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_each_gives_the_same_results_as_separate_runs(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    # a county folder, a single file that draws 2023 from its sibling, and a long file
    write(tmp_path / "东县" / "2024.csv", "指标,数值\n幼儿园数,98\n儿童青少年总体近视率,40\n")
    write(tmp_path / "西县" / "2023.csv", "指标,数值\n儿童青少年总体近视率,50\n")
    single = write(tmp_path / "西县" / "2024.csv", "指标,数值\n儿童青少年总体近视率,49.5\n")
    long = write(
        tmp_path / "南县.csv",
        "指标,数值,年份\n儿童青少年总体近视率,45,2023\n儿童青少年总体近视率,43,2024\n",
    )
    paths = [str(tmp_path / "东县"), str(single), str(long)]
    alone = [_json(runner, path) for path in paths]
    code, together = _json(runner, "--each", *paths)
    assert together == [row for _, rows in alone for row in rows]
    assert code == max(code for code, _ in alone)
    assert {row["dataset"] for row in together} == set(paths)
    myopia = {
        row["dataset"]: row["status"]
        for row in together
        if row["target"] == "health_pe.myopia_reduction"
    }
    assert myopia == {paths[0]: "missing", paths[1]: "fail", paths[2]: "pass"}


def test_each_on_the_county_example_matches_separate_runs(runner: CliRunner, in_root: Path) -> None:
    plan = ["--plan", "tests/examples/bureau/town_plan.yaml"]
    counties = ["tests/examples/bureau/each_county/东县", "tests/examples/bureau/each_county/西县"]
    alone = [row for county in counties for row in _json(runner, *plan, county)[1]]
    assert _json(runner, *plan, "--each", *counties)[1] == alone


def test_each_on_a_folder_of_folders_takes_each_folder_as_a_dataset(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    """``--each counties/`` is ``--each counties/*`` when it holds county folders (a roster,
    hidden files and other files beside them are no county); a folder holding data files
    stays one dataset, so ``--each one/*`` matching a single county means that county."""
    plan = ["--plan", "tests/examples/bureau/town_plan.yaml"]
    counties = tmp_path / "counties"
    for county in ("东县", "西县"):
        shutil.copytree(Path("tests/examples/bureau/each_county") / county, counties / county)
    write(
        counties / "roster.csv", "# complete: no\nname,aliases,code,kind,town,ownership,from,to\n"
    )
    write(counties / ".hidden.csv", "not data")
    write(counties / "说明.txt", "the bureau's note")
    each = [str(counties / "东县"), str(counties / "西县")]
    rows = _json(runner, *plan, "--each", str(counties))[1]
    assert rows == _json(runner, *plan, "--each", *each)[1]
    assert {row["dataset"] for row in rows} == set(each)
    alone = _json(runner, *plan, "--each", each[0])[1]  # one county's folder: one dataset
    assert {row["dataset"] for row in alone} == {each[0]}
    assert alone == _json(runner, *plan, each[0])[1]


def test_each_builds_one_dataset_per_path_and_without_it_one(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "2024.csv", "乡镇,中心幼儿园数\n东城镇,1\n")
    b = write(tmp_path / "b" / "2024.csv", "乡镇,中心幼儿园数\n东城镇,2\n")
    one, two = datasets(a, b, each=True, plan=towns())
    assert [values(one), values(two)] == [
        [(2024, "town_central_kindergartens", "东城镇", 1.0)],
        [(2024, "town_central_kindergartens", "东城镇", 2.0)],
    ]
    (problem,) = refused(a, b, plan=towns())  # one dataset: the same town twice
    assert problem.message.startswith("conflict: town_central_kindergartens, 2024, 东城镇")


def test_each_reports_the_problems_of_every_path(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "2024.csv", "指标,数值\n幼儿园数x,98\n")
    b = write(tmp_path / "b" / "2024.csv", "指标,数值\n幼儿园数,98\n")
    c = write(tmp_path / "c" / "2024.csv", "指标,数值\n巩固率,abc\n")
    problems = refused(a, b, c, each=True)
    assert [p.file for p in problems] == [str(a), str(c)]


# --- siblings -------------------------------------------------------------------------------


def test_a_single_file_takes_earlier_years_from_its_siblings(tmp_path: Path) -> None:
    write(tmp_path / "2022.csv", "指标,数值\n儿童青少年总体近视率,52\n")
    write(tmp_path / "2023.csv", "指标,数值\n儿童青少年总体近视率,50\n幼儿园数,101\n")
    write(tmp_path / "2025.csv", "指标,数值\n儿童青少年总体近视率,10\n")  # later: not read
    named = write(tmp_path / "报表.csv", "指标,2024年\n儿童青少年总体近视率,49.5\n幼儿园数,98\n")
    (dataset,) = datasets(named)
    assert dataset.years == (2024,)  # siblings are history, not judged
    assert values(dataset) == [
        (2022, "myopia_rate", "", 52.0),
        (2023, "kindergartens", "", 101.0),
        (2023, "myopia_rate", "", 50.0),
        (2024, "kindergartens", "", 98.0),
        (2024, "myopia_rate", "", 49.5),
    ]


def test_several_paths_take_nothing_from_siblings(tmp_path: Path) -> None:
    write(tmp_path / "2023.csv", "指标,数值\n儿童青少年总体近视率,50\n")
    one = write(tmp_path / "2024.csv", "指标,数值\n儿童青少年总体近视率,49.5\n")
    other = write(tmp_path / "other" / "2024.csv", "指标,数值\n幼儿园数,98\n")
    (dataset,) = datasets(one, other)
    assert {o.year for o in dataset.observations()} == {2024}
    (alone,) = datasets(one)
    assert {o.year for o in alone.observations()} == {2023, 2024}


def test_a_folder_takes_nothing_from_files_beside_it(tmp_path: Path) -> None:
    write(tmp_path / "2023.csv", "指标,数值\n儿童青少年总体近视率,50\n")
    write(tmp_path / "county" / "2024.csv", "指标,数值\n儿童青少年总体近视率,49.5\n")
    (dataset,) = datasets(tmp_path / "county")
    assert [o.year for o in dataset.observations()] == [2024]


def test_data_that_is_not_a_file_takes_nothing_from_siblings(tmp_path: Path) -> None:
    write(tmp_path / "2023.csv", "指标,数值\n儿童青少年总体近视率,50\n")
    raw = RawFile(str(tmp_path / "2024.csv"), "指标,数值\n儿童青少年总体近视率,49\n".encode())
    (dataset,) = datasets(raw)
    assert [o.year for o in dataset.observations()] == [2024]


def test_each_single_file_takes_its_own_siblings(tmp_path: Path) -> None:
    write(tmp_path / "a" / "2023.csv", "指标,数值\n儿童青少年总体近视率,50\n")
    a = write(tmp_path / "a" / "2024.csv", "指标,数值\n儿童青少年总体近视率,49.5\n")
    write(tmp_path / "b" / "2023.csv", "指标,数值\n儿童青少年总体近视率,60\n")
    b = write(tmp_path / "b" / "2024.csv", "指标,数值\n儿童青少年总体近视率,55\n")
    first, second = datasets(a, b, each=True)
    assert [o.value for o in first.observations()] == [50.0, 49.5]
    assert [o.value for o in second.observations()] == [60.0, 55.0]


def test_the_file_says_its_own_years_and_a_sibling_never_overrides_them(tmp_path: Path) -> None:
    write(tmp_path / "2023.csv", "指标,数值\n幼儿园数,1\n")
    long = write(tmp_path / "all.csv", "指标,数值,年份\n幼儿园数,101,2023\n幼儿园数,98,2024\n")
    (dataset,) = datasets(long)
    assert values(dataset) == [
        (2023, "kindergartens", "", 101.0),
        (2024, "kindergartens", "", 98.0),
    ]


# --- the roster -----------------------------------------------------------------------------


def incomplete_roster(tmp_path: Path) -> Path:
    text = (BUREAU / "roster.csv").read_text(encoding="utf-8")
    return write(tmp_path / "roster.csv", text.replace("# complete: yes", "# complete: no"))


def test_a_complete_roster_refuses_an_unknown_school_with_a_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path / "2024.csv", "学校名称,心理健康教育教师数\n南山中学校,1\n北山中学,1\n")
    problems = refused(path, plan=towns())
    roster = BUREAU / "roster.csv"
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, "学校名称", f"'南山中学校' is not in the roster ({roster}); did you mean '南山中学'?"),
        (3, "学校名称", f"'北山中学' is not in the roster ({roster}); did you mean '南山中学'?"),
    ]


def test_an_incomplete_roster_warns_once_and_still_reads(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    roster = incomplete_roster(tmp_path)
    path = write(
        tmp_path / "2024.csv",
        "学校名称,心理健康教育教师数,在校生数\n北山中学,1,300\n南山中学,2,400\n",
    )
    args = ["--plan", str(TOWN_PLAN), "--roster", str(roster), str(path)]
    result = runner.invoke(main, ["validate", "--show", *args])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {path}:2: column '学校名称': '北山中学' is not in the roster ({roster}, which "
        "lists only some); did you mean '南山中学'?"
    ]
    assert "在校生数 (pupils) [北山中学] = 300 人" in result.stdout


def test_a_school_code_column_resolves_the_school(tmp_path: Path) -> None:
    path = write(
        tmp_path / "2024.csv",
        "学校标识码,学校名称,心理健康教育教师数\n3703050004,,1\n3703050001,东城小学,2\n",
    )
    (dataset,) = datasets(path, plan=towns())
    assert values(dataset) == [
        (2024, "counsellors", "东城镇中心小学", 2.0),
        (2024, "counsellors", "南山中学", 1.0),
    ]


def test_an_unknown_code_alone_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "2024.csv", "学校标识码,心理健康教育教师数\n3703059999,1\n")
    (problem,) = refused(path, plan=towns())
    assert (problem.line, problem.column) == (2, "学校标识码")
    assert problem.message.startswith("code '3703059999' is not in the roster")


def test_a_code_and_a_name_that_name_different_schools_are_refused(tmp_path: Path) -> None:
    # regression: the row was silently given to the code's school
    # (3703050001 is 东城镇中心小学; 南山中学 is 3703050004)
    text = "学校标识码,学校名称,心理健康教育教师数\n3703050001,南山中学,1\n3703050004,南山中学,2\n"
    (problem,) = refused(write(tmp_path / "2024.csv", text), plan=towns())
    assert (problem.line, problem.column) == (2, "学校标识码")
    assert problem.message == (
        f"code '3703050001' is '东城镇中心小学' in the roster ({BUREAU / 'roster.csv'}), "
        "but the name says '南山中学': correct one of them"
    )


@pytest.mark.parametrize(
    "row",
    [
        "3703059999,南山中学",  # an unknown code; 南山中学's code is 3703050004
        "3703050004,北山中学",  # 南山中学's code with a name the roster does not have
    ],
)
def test_a_code_and_a_name_that_do_not_agree_with_a_complete_roster_are_refused(
    row: str, tmp_path: Path
) -> None:
    path = write(tmp_path / "2024.csv", f"学校标识码,学校名称,心理健康教育教师数\n{row},1\n")
    refused(path, plan=towns())


def _misses(runner: CliRunner, path: Path, year: int) -> dict[str, object]:
    args = ["--plan", str(TOWN_PLAN), "--year", str(year), str(path)]
    _, rows = _json(runner, *args)
    (row,) = [row for row in rows if row["target"] == "schools.counsellor"]
    return {"status": row["status"], "misses": row["misses"]}


def test_a_school_is_required_only_in_the_years_it_exists(
    tmp_path: Path, runner: CliRunner, in_root: Path
) -> None:
    # 西城镇中心小学 closes after 2023; 西城镇实验学校 opens in 2024
    old = "学校名称,心理健康教育教师数\n东城小学,1\n西城镇中心小学,1\n南山中学,1\n"
    new = "学校名称,心理健康教育教师数\n东城小学,1\n西城镇实验学校,1\n南山中学,1\n"
    assert _misses(runner, write(tmp_path / "a" / "2023.csv", old), 2023) == {
        "status": "pass",
        "misses": [],
    }
    assert _misses(runner, write(tmp_path / "b" / "2024.csv", new), 2024) == {
        "status": "pass",
        "misses": [],
    }
    assert _misses(runner, write(tmp_path / "c" / "2024.csv", old), 2024) == {
        "status": "missing",
        "misses": ["西城镇实验学校 (no data)"],
    }
    assert _misses(runner, write(tmp_path / "d" / "2023.csv", new), 2023) == {
        "status": "missing",
        "misses": ["西城镇中心小学 (no data)"],
    }


def test_a_school_reported_outside_its_roster_years_is_warned(
    tmp_path: Path, runner: CliRunner
) -> None:
    """西城镇中心小学 ends in 2023 (the roster's `to`): its 2024 figure is not judged, and
    the file is told so rather than silently left out."""
    path = write(tmp_path / "2024.csv", "学校名称,心理健康教育教师数\n西城镇中心小学,1\n")
    result = runner.invoke(main, ["validate", "--plan", str(TOWN_PLAN), str(path)])
    assert result.exit_code == 0
    assert (
        f"warning: {path}:2: column '学校名称': '西城镇中心小学' closed after 2023 (roster "
        f"{BUREAU / 'roster.csv'}): its 2024 figures are not counted in the rules over its kind; "
        "check the year, or the roster's from/to (起始/终止年份)\n"
    ) in result.stdout


def test_each_judges_the_readable_datasets_and_names_the_broken_ones(
    tmp_path: Path, runner: CliRunner
) -> None:
    good = write(tmp_path / "东县" / "2024.csv", "乡镇,中心幼儿园数\n东城镇,1\n西城镇,1\n")
    bad = write(tmp_path / "西县" / "2024.csv", "乡镇,中心幼儿园数\n东城镇,abc\n")
    args = ["--plan", str(TOWN_PLAN), "--each", str(good.parent), str(bad.parent)]
    checked = runner.invoke(main, ["check", "--format", "json", *args])
    assert checked.exit_code == 2  # a dataset could not be read, even though one was judged
    assert {row["dataset"] for row in json.loads(checked.stdout)} == {str(good.parent)}
    assert (
        f"error: {bad}:2: column '中心幼儿园数': expected a number, found 'abc'" in checked.stderr
    )
    validated = runner.invoke(main, ["validate", *args])
    assert validated.exit_code == 2
    assert validated.stdout == f"{good.parent}: ok (2024)\n"
    assert "found 'abc'" in validated.stderr


def test_the_library_judges_against_the_roster_as_the_command_line_does(
    tmp_path: Path, runner: CliRunner
) -> None:
    from lzplan.check import check_files
    from lzplan.planfile import load_plan, plan_roster

    path = write(tmp_path / "2024.csv", "学校名称,心理健康教育教师数\n东城小学,1\n南山中学,1\n")
    plan = load_plan(TOWN_PLAN)
    (report,) = check_files(plan, [path], roster=plan_roster(plan, TOWN_PLAN, None))
    library = {r.target: (r.status, r.actual) for r in report.results}
    _, rows = _json(runner, "--plan", str(TOWN_PLAN), str(path))
    assert library == {row["target"]: (row["status"], row["actual"]) for row in rows}
    # 西城镇实验学校 opened in 2024 and sent nothing: 2 of 3 schools, not "all 2 meet"
    assert library["schools.counsellor"] == ("missing", "2/3 meet, 1 without data")


def test_a_dataset_takes_over_an_index_as_it_would_read_its_observations() -> None:
    # the same figures, given as a list or as the index reading made of them: the same
    # district figures, the same schools in the same order, the same years
    given = [
        Observation("pupils", 2024, 300.0, "a.csv", 2, "乙校"),
        Observation("pupils", 2024, 200.0, "a.csv", 3, "甲校"),
        Observation("pupils", 2024, 500.0, "a.csv", 4),
        Observation("pupils", 2025, 510.0, "a.csv", 5),
        Observation("teachers", 2025, 30.0, "a.csv", 6, "甲校"),
    ]
    index = Index()
    assert index.add(given) == []
    listed, taken = Dataset("d", given), Dataset("d", index)
    for dataset in (listed, taken):
        assert dataset.years == (2024, 2025)
        assert dataset.entity_years() == (2024, 2025)
        assert dataset.value("pupils", 2024) == given[2]
        assert list(dataset.entities("pupils", 2024)) == ["乙校", "甲校"]
        assert dataset.entities("pupils", 2025) == {}
        assert dataset.history("pupils", 2025) == [given[2], given[3]]
    assert listed.observations() == taken.observations()


def test_validate_says_how_to_check_the_figures_of_other_plans_a_folder_gives(
    runner: CliRunner, in_root: Path
) -> None:
    # a county's folder under the district plan: its schools' figures are the criteria
    # plans', which validate would otherwise pass over as "ok"
    result = runner.invoke(main, ["validate", "data/illustrative-county"])
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "data/illustrative-county: ok (4 files, 2025)\n"
        "  its files also give figures of the bundled plans compulsory-quality-balance, "
        "preschool-universal: check them with --plan NAME; lzplan readiness runs the "
        "accreditation criteria on them\n"
    )
    chinese = runner.invoke(main, ["validate", "data/illustrative-county", "--lang", "zh"])
    assert "data/illustrative-county：通过（4 个文件，2025 年）\n" in chinese.stdout
    plain = runner.invoke(main, ["validate", "data/actuals", "--lang", "zh"])
    assert plain.stdout == "data/actuals：通过（3 个文件，2020、2021、2023 年）\n"


def test_a_refused_folder_still_says_the_other_files_warnings(
    runner: CliRunner, tmp_path: Path
) -> None:
    # 2024.csv has a typing mistake (refused); 2025.csv names a school the partial bundled
    # roster does not list (a warning): both in one run, not the warning after the fix
    (tmp_path / "2024.csv").write_text("indicator,value\nkindergartens,abc\n", "utf-8")
    (tmp_path / "2025.csv").write_text(
        "indicator,value,entity\nmental_health_teachers,2,无名小学\n", "utf-8"
    )
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "expected a number, found 'abc'" in result.stderr
    assert "'无名小学' is not in the roster" in result.stderr + result.stdout
