"""Acceptance: ``lzplan readiness`` on the illustrative county (data/illustrative-county,
invented figures), exact outputs kept in tests/examples/readiness/. Regenerate them with the
commands in each test after a deliberate change, and read the diff."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES

COUNTY = [
    "readiness",
    "data/illustrative-county",
    "--roster",
    "data/illustrative-county/roster.csv",
]
EXPECTED = EXAMPLES / "readiness"


def test_the_report_exact_output(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, COUNTY)
    assert result.exit_code == 1  # both criteria fail, on purpose
    assert result.stderr == ""  # nothing to warn about, and no note on the other plans
    assert result.stdout == (EXPECTED / "illustrative-county.txt").read_text("utf-8")


def test_the_problem_list_exact_output(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(main, [*COUNTY, "--format", "csv"])
    expected = (EXPECTED / "illustrative-county-问题清单.csv").read_bytes()
    assert result.stdout_bytes == expected


def test_what_fails_on_purpose_fails(runner: CliRunner, in_root: Path) -> None:
    # The county's README lists what fails on purpose: the JSON says the same.
    data = json.loads(runner.invoke(main, [*COUNTY, "--format", "json"]).stdout)
    failing = {
        item["plan"]: sorted(r["target"] for r in item["results"] if r["status"] == "fail")
        for item in data
    }
    assert failing == {
        "compulsory-quality-balance": [
            "guarantee.class_size_junior",
            "guarantee.class_size_primary",
            "guarantee.rotation",
            "guarantee.school_size",
            "resources.cv_primary_sports_area_per_pupil",
            "resources.each_junior_school",
            "resources.each_primary_school",
        ],
        "preschool-universal": ["inclusive.public_share", "inclusive.town_central_kindergartens"],
    }
    compulsory = data[0]
    assert sorted(name for name, _ in compulsory["excluded"]) == [
        "杏花镇石坡教学点", "松岭镇枣坡教学点", "示例县特殊教育学校", "示例县职业教育中心",
    ]  # fmt: skip
    (relief,) = compulsory["reliefs"]
    assert relief["cv"] > 0.5 and relief["cv_after"] < relief["cv"]
