"""``lzplan template`` end to end: written safely, blank it validates, filled it is read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from lzplan.cli import main


def test_blank_csv_template_validates_with_every_value_missing(
    tmp_path: Path, runner: CliRunner
) -> None:
    made = runner.invoke(main, ["template", "2025"])
    assert made.exit_code == 0
    assert made.stdout_bytes.startswith("\ufeff".encode())
    path = tmp_path / "2025年填报.csv"
    path.write_bytes(made.stdout_bytes)
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    checked = runner.invoke(main, ["check", str(path), "--format", "json"])
    statuses = {row["status"] for row in json.loads(checked.stdout)}
    assert statuses <= {"missing", "pending"}


def _filled(data: bytes) -> bytes:
    """The CSV template with every 数值 filled as a person would: 是 for yes/no, else 1."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows[0]
    value, hint = header.index("数值"), header.index("填写说明")
    for row in rows[1:]:
        row[value] = "是" if "是/否" in row[hint] else _number(row[header.index("指标代码")])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _number(indicator: str) -> str:
    """A plausible figure for any indicator of the bundled plan: its range's middle, as a
    whole number where the range has one there (counts of schools and teachers are whole)."""
    from lzplan.planfile import load_plan
    from lzplan.plausible import plausible_range

    found = plausible_range(load_plan().indicator(indicator))
    low, high = found if found else (0.0, 1.0)
    middle = low if high == float("inf") else (low + high) / 2
    return str(round(middle) if low <= round(middle) <= high else middle)


def test_filled_csv_template_is_read_back_without_problems(
    tmp_path: Path, runner: CliRunner
) -> None:
    made = runner.invoke(main, ["template", "2025"])
    path = tmp_path / "2025.csv"
    path.write_bytes(_filled(made.stdout_bytes))
    result = runner.invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""
    rows = json.loads(result.stdout)
    missing = [row for row in rows if row["status"] == "missing"]
    # only year-on-year rules lack data: last year's figure is in last year's file
    assert missing and {row["kind"] for row in missing} == {"yearly_change"}
    assert all(row["lacking"] == [f"{row['indicators'][0]} (2024)"] for row in missing)


def test_workbook_templates_validate_and_are_never_overwritten(
    tmp_path: Path, runner: CliRunner
) -> None:
    for args in ([], ["--wide"]):
        path = tmp_path / f"t{len(args)}.xlsx"
        made = runner.invoke(main, ["template", "2025", "--format", "xlsx", "-o", str(path), *args])
        assert made.exit_code == 0, made.stderr
        book = openpyxl.load_workbook(path)
        assert book.sheetnames[0] == "2025年数据" and book.sheetnames[-1] == "填表说明"
        assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
        before = path.read_bytes()
        again = runner.invoke(main, ["template", "2025", "--format", "xlsx", "-o", str(path)])
        assert again.exit_code == 2
        assert f"error: {path}: exists: pass --force to replace it\n" == again.stderr
        assert path.read_bytes() == before
        forced = ["template", "2024", "--format", "xlsx", "-o", str(path), "--force"]
        assert runner.invoke(main, forced).exit_code == 0


def test_template_usage_errors_exit_2(runner: CliRunner) -> None:
    xlsx = runner.invoke(main, ["template", "2025", "--format", "xlsx"])
    assert (xlsx.exit_code, xlsx.stderr) == (
        2,
        "error: --format xlsx: a workbook needs --output FILE.xlsx\n",
    )
    wide = runner.invoke(main, ["template", "2025", "--wide"])
    assert wide.exit_code == 2
    assert "a wide CSV holds one table" in wide.stderr
    assert runner.invoke(main, ["template", "year"]).exit_code == 2


DISTRICT_PLAN = """\
id: district-only
title_zh: 区级规划
title_en: District figures only
issued: "2023-01-01"
period_start: 2023
period_end: 2025
baseline_year: 2022
sections:
  - {id: s, name_zh: 总体, name_en: Overall}
indicators:
  - {id: rate, name_zh: 入园率, name_en: Enrolment rate, unit: "%"}
targets:
  - id: s.rate
    section: s
    name_zh: 入园率
    name_en: Enrolment rate
    unit: "%"
    nature: binding
    nature_note: 确保
    deadline: 2025
    source: {heading: 一、目标, quote: 入园率不低于95%}
    rule: {kind: threshold, indicator: rate, op: ">=", value: 95}
"""


def test_wide_template_of_a_plan_without_per_entity_figures_exits_2(
    tmp_path: Path, runner: CliRunner
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(DISTRICT_PLAN, encoding="utf-8")
    expected = "this plan has no per-school or per-town figures: leave out --wide\n"
    for extra in ([], ["--format", "xlsx", "-o", str(tmp_path / "t.xlsx")]):
        made = runner.invoke(main, ["template", "2025", "--plan", str(plan), "--wide", *extra])
        assert made.exit_code == 2
        assert made.stderr.startswith("error: --wide: ") and made.stderr.endswith(expected)
        assert not (tmp_path / "t.xlsx").exists()
    assert runner.invoke(main, ["template", "2025", "--plan", str(plan)]).exit_code == 0


def test_a_criteria_template_asks_each_school_for_its_own_stages(
    runner: CliRunner, in_root: Path
) -> None:
    # 甲小学 (小学), 乙初中 (初中), 丙学校 (九年一贯制): a stage's pupils only of schools
    # teaching it, 小学部/初中部 teachers only of the school of two stages, the whole
    # school's teachers only of the others; rooms of every school; nobody teaches 高中.
    roster = "tests/examples/criteria/compulsory/roster.csv"
    args = ["template", "2025", "--plan", "compulsory-quality-balance", "--roster", roster]
    lines = runner.invoke(main, args).stdout_bytes.decode("utf-8-sig").splitlines()
    asked: dict[str, list[str]] = {}
    for line in lines[1:]:
        indicator, _, _, entity = line.split(",")[:4]
        asked.setdefault(indicator, []).append(entity)
    assert sorted(asked["pupils_primary"]) == ["丙学校", "甲小学"]
    assert sorted(asked["pupils_junior"]) == ["丙学校", "乙初中"]
    assert "pupils_senior" not in asked
    assert sorted(asked["teachers_above_degree"]) == ["乙初中", "甲小学"]
    assert asked["teachers_above_degree_primary"] == ["丙学校"]
    assert sorted(asked["teaching_aux_area"]) == ["丙学校", "乙初中", "甲小学"]
    wide = runner.invoke(main, [*args, "--wide"]).stdout_bytes.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in wide] == ["学校名称", "甲小学", "丙学校", "乙初中"]


def test_a_criteria_template_asks_nothing_of_schools_outside_the_criteria(
    runner: CliRunner, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "# complete: yes\nname,aliases,code,kind,town,ownership,from,to\n"
        "甲小学,,,小学,,公办,,\n特教学校,,,特殊教育学校,,公办,,\n职教中心,,,职业学校,,公办,,\n",
        "utf-8",
    )
    args = ["template", "2025", "--plan", "compulsory-quality-balance", "--roster", str(roster)]
    text = runner.invoke(main, args).stdout_bytes.decode("utf-8-sig")
    assert "甲小学" in text
    assert "特教学校" not in text and "职教中心" not in text
