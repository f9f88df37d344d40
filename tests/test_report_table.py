"""Exact output of the table reporters, and the plain renderer's layout rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan import texttable
from lzplan.check import check_files
from lzplan.cli import main
from lzplan.display import safe, width_of
from lzplan.planfile import load_plan
from lzplan.report_table import render_check, render_targets
from lzplan.texttable import Row, wrap

from .conftest import EXAMPLES

LIBRARY = EXAMPLES / "library_plan"


@pytest.fixture
def library_reports(in_root: Path):  # type: ignore[no-untyped-def]
    plan = load_plan(Path("tests/examples/library_plan/plan.yaml"))
    return plan, check_files(plan, [Path("tests/examples/library_plan/data/2024.csv")])


def test_rich_table_exact_output(library_reports) -> None:  # type: ignore[no-untyped-def]
    plan, reports = library_reports
    expected = (LIBRARY / "expected" / "check-2024-rich.txt").read_text(encoding="utf-8")
    assert render_check(reports, plan, 90, rich=True, color=False) == expected


def test_plain_and_rich_tables_show_the_same_cells(library_reports) -> None:  # type: ignore[no-untyped-def]
    plan, reports = library_reports
    plain = render_check(reports, plan, 90)
    fancy = render_check(reports, plan, 90, rich=True, color=False)

    def cells(text: str) -> list[str]:
        return [" ".join(line.split()) for line in text.splitlines()]

    assert cells(plain) == cells(fancy)


def test_rich_colour_marks_failures(library_reports) -> None:  # type: ignore[no-untyped-def]
    plan, reports = library_reports
    coloured = render_check(reports, plan, 90, rich=True, color=True)
    assert "\x1b[" in coloured
    assert "FAIL" in coloured


def test_targets_table_exact_output(in_root: Path) -> None:
    plan = load_plan(Path("tests/examples/library_plan/plan.yaml"))
    text = render_targets(list(plan.targets)[:2], plan, 70)
    assert text == (
        "样例图书馆发展规划\n"
        "┏━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓\n"
        "┃ Target             ┃ Rule                           ┃ Nature       ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩\n"
        "│ 全民阅读 · Reading │                                │              │\n"
        "│ 持证读者           │ ≈ 15 万人 by 2027 (±5%,        │ anticipatory │\n"
        "│ reading.members    │ projection) (from 10 in 2022)  │              │\n"
        "│ 人均到馆次数       │ ≥ 2 次 by 2027                 │ anticipatory │\n"
        "│ reading.visits     │                                │              │\n"
        "└────────────────────┴────────────────────────────────┴──────────────┘\n"
        "2 targets\n"
        "\n"
    )


def test_width_counts_chinese_as_two_columns() -> None:
    assert width_of("abc") == 3
    assert width_of("学前教育") == 8
    assert width_of("９８％") == 6  # full-width forms are wide too
    assert width_of("e\u0301") == 1  # a combining accent takes no column


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("short", 10, ["short"]),
        ("two words here", 9, ["two words", "here"]),
        ("学前教育普及普惠", 6, ["学前教", "育普及", "普惠"]),
        ("preschool.kindergarten_enrolment", 12, ["preschool.ki", "ndergarten_e", "nrolment"]),
        ("", 5, [""]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines
    assert all(width_of(line) <= width for line in lines)


def test_control_characters_are_shown_not_sent() -> None:
    assert safe("a\x1b[31mred\x07\nb") == "a\\x1b[31mred\\x07\\x0ab"


def test_table_fits_the_width_by_shrinking_the_column_with_slack() -> None:
    rows = [Row((("一个很长很长很长很长很长很长的名字",), ("≥ 99%",)))]
    text = texttable.render("", ("Target", "Expected"), rows, 30)
    assert all(width_of(line) <= 30 for line in text.splitlines())
    assert "│ ≥ 99%    │" in text  # the short column keeps its words whole


def test_markup_and_escapes_from_data_are_shown_literally(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "2024.csv"
    data.write_text(
        "indicator,value,entity\n"
        "branch_books,10,[bold red]北城[/bold red]\n"
        "branch_books,6000,\x1b[31m南城\x1b[0m\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check", "--plan", str(LIBRARY / "plan.yaml"), str(data)])
    assert "[bold red]北城[/bold red] (10)" in result.stdout
    assert "\x1b" not in result.stdout
    assert "\\x1b[31m南城\\x1b[0m" not in result.stdout  # it passed: not named at all
    assert result.exit_code == 1
