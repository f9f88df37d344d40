"""``--format xlsx`` on check and progress: a workbook a bureau opens as it is — Chinese
headers, numbers as numbers, verdicts coloured, the header frozen with filters on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.planfile import load_plan

openpyxl = pytest.importorskip("openpyxl")


def test_check_results_as_a_workbook(runner: CliRunner, in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "检查结果.xlsx"
    args = ["check", "data/illustrative/2025.csv", "--format", "xlsx", "-o", str(out)]
    assert runner.invoke(main, args).exit_code == 1  # the illustrative year fails some
    sheet = openpyxl.load_workbook(out)["检查结果"]
    header = [cell.value for cell in sheet[1]]
    assert header[:8] == ["数据集", "年份", "领域", "目标代码", "目标名称", "性质", "结论", "状态"]
    rows = {row[3]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    rate = rows["preschool.gross_enrolment_rate"]
    assert isinstance(rate[9], float)  # 实际: a number, not text
    assert rate[6] in ("达标", "未达标") and rate[7] in ("pass", "fail")
    failing = next(index for index, row in enumerate(sheet.iter_rows(min_row=2), start=2)
                   if row[7].value == "fail")  # fmt: skip
    assert sheet.cell(row=failing, column=7).fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")


def test_progress_as_a_workbook(runner: CliRunner, in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "进展.xlsx"
    args = ["progress", "data/illustrative", "--format", "xlsx", "-o", str(out)]
    assert runner.invoke(main, args).exit_code in (0, 1)
    sheet = openpyxl.load_workbook(out)["进展"]
    header = [cell.value for cell in sheet[1]]
    assert "2025年数值" in header and "2025年结论" in header and header[7] == "进展"
    assert header[12] == "单位"
    rows = {row[3].value: row for row in sheet.iter_rows(min_row=2)}
    enrolment = rows["preschool.kindergarten_enrolment"]
    assert (enrolment[2].value, enrolment[12].value) == ("学前教育", "万人")
    assert enrolment[7].value == "进展缓慢" and enrolment[7].fill.fgColor.rgb.endswith("FFEB9C")


#: English words a reader would stumble on (ids such as health_pe.myopia_rate excepted).
ENGLISH = re.compile(r"(?<![_a-z.\-])[a-z]{3,}(?![_a-z.\-])")


@pytest.mark.parametrize("command", ["check", "progress"])
def test_the_workbooks_speak_chinese(
    command: str, runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    """A bureau's workbook: the explanations, methods and sections in Chinese, whatever
    --lang (a formula of indicator ids may stay as the plan writes it)."""
    out = tmp_path / f"{command}.xlsx"
    runner.invoke(main, [command, "data/illustrative", "--format", "xlsx", "-o", str(out)])
    sheet = openpyxl.load_workbook(out).active
    machine = [cell.value for cell in sheet[1]].index("状态")  # its stable values: pass, fail
    ids = sorted((i.id for i in load_plan().indicators), key=len, reverse=True)
    words = re.compile("|".join(map(re.escape, ids)))
    english = {
        value
        for row in sheet.iter_rows(min_row=2, values_only=True)
        for index, value in enumerate(row)
        if index != machine
        and isinstance(value, str) and not value.startswith("data/") and "×" not in value
        and "lzplan readiness" not in value and ENGLISH.search(words.sub("", value))
    }  # fmt: skip
    assert english == set()


def test_a_workbook_needs_a_file(runner: CliRunner, in_root: Path) -> None:
    for command in (["check", "data/actuals/2023.csv"], ["progress"]):
        result = runner.invoke(main, [*command, "--format", "xlsx"])
        assert result.exit_code == 2
        assert "a workbook needs --output FILE.xlsx" in result.stderr
