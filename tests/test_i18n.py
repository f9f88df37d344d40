"""The catalogue of report words: both languages for every key, the locale's default, and
Chinese tables that keep their machine values in JSON."""

from __future__ import annotations

import csv
import io
import json
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.i18n import CATALOGUE, default_lang, say

from .conftest import EXAMPLES

COUNTY = [
    "readiness",
    "data/illustrative-county",
    "--roster",
    "data/illustrative-county/roster.csv",
]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_word_has_both_languages_with_the_same_fields(key: str) -> None:
    english, chinese = CATALOGUE[key]
    assert english.strip() and chinese.strip()
    assert _fields(english) == _fields(chinese)


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.GBK", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL first
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "zh_CN", "LANG": "C"}, "zh"),  # empty is unset
        ({}, "en"),
    ],
)
def test_the_default_language_follows_the_locale(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_say_fills_fields_in_either_language() -> None:
    assert say("readiness.bill", "en", costs="x") == "In all, to add: x"
    assert say("readiness.bill", "zh", costs="x") == "合计需增加：x"
    assert say("status.fail", "zh") == "未达标"


def test_the_readiness_report_in_chinese_exact_output(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, [*COUNTY, "--lang", "zh"])
    assert result.exit_code == 1
    expected = (EXAMPLES / "readiness" / "illustrative-county-zh.txt").read_text("utf-8")
    assert result.stdout == expected


def test_a_chinese_locale_gives_chinese_tables_and_the_same_json(
    runner: CliRunner, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = runner.invoke(main, ["check", "data/actuals/2023.csv", "--format", "json"]).stdout
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    table = runner.invoke(main, ["check", "data/actuals/2023.csv"]).stdout
    assert "结论" in table and "无数据" in table and "Verdict" not in table
    chinese = runner.invoke(main, ["check", "data/actuals/2023.csv", "--format", "json"]).stdout
    zh_rows, en_rows = json.loads(chinese), json.loads(english)
    assert {row.pop("label") for row in zh_rows} == {"无数据", "未到期"}
    assert {row.pop("label") for row in en_rows} == {"missing", "pending"}
    assert zh_rows == en_rows  # machine values never translated, only the label
    forced = runner.invoke(main, ["check", "data/actuals/2023.csv", "--lang", "en"]).stdout
    assert "Verdict" in forced


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("≥ 98.5% by 2025 (from 98 in 2020)", "2025年底前 ≥ 98.5%（2020年基数 98）"),
        ("≥ 100% every year", "每年 ≥ 100%"),
        ("done by 2024", "2024年底前完成"),
        ("6 of 7, the rest at ≥ 85%", "7项中至少6项达标，其余不低于要求的85%"),
        ("38/42 meet", "38/42 达标"),
        ("each: ≥ 1 所 by 2025", "2025年底前每个均 ≥ 1 所"),
        ("≈ 1.3 万人 by 2025 (±10%, projection)", "2025年约 1.3 万人（±10%，预测性）"),
        (
            "cv weighted by pupils_primary over 小学、教学点 ≤ 0.5 every year",
            "差异系数（按 pupils_primary 加权，小学、教学点）每年 ≤ 0.5",
        ),
        ("something the rules never say", "something the rules never say"),
    ],
)
def test_the_rules_wording_in_chinese(english: str, chinese: str) -> None:
    from lzplan.i18n import zh_words

    assert zh_words(english) == chinese


def test_targets_in_chinese_describe_every_rule_in_chinese(runner: CliRunner) -> None:
    table = runner.invoke(main, ["targets", "--lang", "zh"]).stdout
    assert "2024年底前完成" in table and "done by" not in table and " by 20" not in table
    assert "约束性" in table and "binding" not in table


def test_csv_adds_a_label_in_the_chosen_language(runner: CliRunner, in_root: Path) -> None:
    args = ["check", "data/actuals/2023.csv", "--format", "csv"]
    for lang, labels in (("zh", {"无数据", "未到期"}), ("en", {"missing", "pending"})):
        text = runner.invoke(main, [*args, "--lang", lang]).stdout_bytes.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0][-1] == "label" and rows[0][8] == "status"
        assert {row[-1] for row in rows[1:]} == labels
        assert {row[8] for row in rows[1:]} == {"missing", "pending"}  # machine values


def test_progress_in_chinese_exact_output(in_root: Path) -> None:
    result = CliRunner(env={"COLUMNS": "100"}).invoke(
        main, ["progress", "data/illustrative", "--lang", "zh"]
    )
    assert result.exit_code == 1
    expected = (EXAMPLES / "progress" / "illustrative-zh-100.txt").read_text("utf-8")
    assert result.stdout == expected


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("1 not meeting ≥ 1", "1 个未达到 ≥ 1"),
        (
            "甲小学 (5 of 7 met; 小学生均体育运动场馆面积 6.6, needs ≥ 7.5 (reaches 87.9%))",
            "甲小学 (7项中5项达标；小学生均体育运动场馆面积 6.6, 要求 ≥ 7.5（达到要求的 87.9%）)",
        ),
        ("乙校 (no data)", "乙校（无数据）"),
        (
            "梨园镇中心小学 (45.42, above the mean 12.51; 20% of the spread)",
            "梨园镇中心小学（45.42，高于平均值 12.51，占离散程度的 20%）",
        ),
        ("off the projection by -12.4% (tolerance ±10%)", "偏离预测 -12.4%（允许 ±10%）"),
        ("不足50人的教学点不在评估范围 (36 pupils)", "不足50人的教学点不在评估范围（36 名学生）"),
    ],
)
def test_a_verdicts_explanation_in_chinese(english: str, chinese: str) -> None:
    from lzplan.i18n import zh_detail

    assert zh_detail(english) == chinese


def test_validate_in_chinese_says_the_common_problems_in_chinese(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "2025.csv"
    data.write_text("指标,数值\n学前三年毛入园率,0.99\n", "utf-8")
    result = runner.invoke(main, ["validate", str(data), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"错误：{data}:2: 列“数值”: 0.99 不是 preschool_gross_enrolment_rate 的合理百分比"
        "（应为 50–120）；是小数形式吗？是否应为 99？请填写 99，或注明单位“fraction”\n"
    )
    english = runner.invoke(main, ["validate", str(data)])
    assert english.stderr.startswith(f"error: {data}:2: column '数值': 0.99 is not a plausible")


def test_every_command_takes_lang(runner: CliRunner) -> None:
    from click import Group

    assert isinstance(main, Group)
    for name, command in main.commands.items():
        assert "lang" in {p.name for p in command.params}, name  # report: zh only
    plans = runner.invoke(main, ["plans", "--lang", "zh"]).stdout
    assert "linzi-2021-2025  临淄区教育事业发展“十四五”规划（共 49 项目标）" in plans


@pytest.mark.parametrize("command", ["check", "progress", "report"])
def test_input_problems_are_said_in_the_language_asked_for_by_every_command(
    command: str, tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("indicator,value\nkindergartens,abc\n", encoding="utf-8")
    result = runner.invoke(main, [command, str(data), "--lang", "zh"])
    assert result.exit_code == 2
    assert "应为数字，实为“abc”" in result.stderr, result.stderr


def test_the_criteria_plans_chinese_names_are_their_titles() -> None:
    from lzplan.i18n import CRITERIA_ZH
    from lzplan.planfile import find_plan, load_plan

    for name, chinese in CRITERIA_ZH.items():
        assert chinese in load_plan(find_plan(name)).title_zh
