"""Exact output of the table reporters, and the layout rules both renderers share.

Whatever the width (60 to 140, and the 100 of a pipe), no line is wider than it, a
target id is never split except after a dot, and nothing is truncated.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lzplan import cliio, texttable
from lzplan.check import check_files
from lzplan.cli import main
from lzplan.display import safe, width_of
from lzplan.model import Plan
from lzplan.planfile import load_plan
from lzplan.report_table import notes, render_check, render_targets, summary
from lzplan.results import STATUSES, Report, Result
from lzplan.texttable import Dotted, Row, hang, heading, wrap

from .conftest import EXAMPLES

LIBRARY = EXAMPLES / "library_plan"


@cache
def _library_plan() -> Plan:
    return load_plan(LIBRARY / "plan.yaml")


@cache
def _bundled_plan() -> Plan:
    return load_plan()


@pytest.fixture
def library_reports(in_root: Path):  # type: ignore[no-untyped-def]
    plan = load_plan(Path("tests/examples/library_plan/plan.yaml"))
    return plan, check_files(plan, [Path("tests/examples/library_plan/data/2024.csv")])


# --- what every rendering must satisfy ---------------------------------------------------


def _target_column(text: str) -> list[str]:
    return [line.split("│")[1].strip() for line in text.splitlines() if line.startswith("│")]


def _whole_or_split_at_dots(target: str, column: list[str]) -> bool:
    """Whether ``target`` is one line of the column, or consecutive lines each ending at a dot."""
    for start in range(len(column)):
        if not column[start]:
            continue
        joined = ""
        for end in range(start, len(column)):
            joined += column[end]
            if joined == target:
                return all(column[i].endswith(".") for i in range(start, end))
            if not target.startswith(joined):
                break
    return False


def _notes_below(text: str) -> list[list[list[str]]]:
    """Per table, the notes below it: each note's first line and its indented continuations."""
    blocks: list[list[list[str]]] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not line.startswith("└"):
            continue
        found: list[list[str]] = []
        for below in lines[index + 1 :]:
            if not below:
                break
            if below.startswith("  "):
                found[-1].append(below)
            else:
                found.append([below])
        blocks.append(found)
    return blocks


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _assert_reaches_its_reader(
    text: str, reports: list[Report], width: int, plan: Plan | None = None
) -> None:
    assert max(width_of(line) for line in text.splitlines()) <= width
    column = _target_column(text)
    for report in reports:
        for result in report.results:
            assert _whole_or_split_at_dots(safe(result.target), column), result.target
    shown = _notes_below(text)
    assert len(shown) == len(reports)
    for report, found in zip(reports, shown, strict=True):
        wanted = [safe(text) for _, text in notes(report, plan)] + [summary(report)]
        assert len(found) == len(wanted)
        for lines, note in zip(found, wanted, strict=True):  # each after its verdict label
            assert _squeezed("".join(lines)).endswith(_squeezed(note))


# --- the bundled plan and data, as users see them ------------------------------------------


@pytest.mark.parametrize("data", ["data/actuals/2023.csv", "data/illustrative/2025.csv"])
@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
def test_bundled_check_fits_the_width(data: str, width: int, rich: bool, in_root: Path) -> None:
    plan = _bundled_plan()
    reports = check_files(plan, [Path(data)])
    text = render_check(reports, plan, width, rich=rich, color=False)
    _assert_reaches_its_reader(text, reports, width, plan)


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
def test_bundled_targets_fit_the_width(width: int, rich: bool) -> None:
    plan = _bundled_plan()
    text = render_targets(list(plan.targets), plan, width, rich=rich, color=False)
    assert max(width_of(line) for line in text.splitlines()) <= width
    column = _target_column(text)
    assert all(_whole_or_split_at_dots(target.id, column) for target in plan.targets)


def test_a_pipe_gets_100_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_terminal(fd: int) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert cliio.width() == 100


# --- made-up results: the hard cases, whatever state the data readers are in ----------------


def _result(target: str, name: str, status: str = "fail", **fields: object) -> Result:
    values: dict[str, object] = {
        "section": target.split(".")[0],
        "name_en": "",
        "kind": "threshold",
        "nature": "binding",
        "year": 2025,
        "unit": "%",
        "op": ">=",
        "expected": 99.0,
        "actual": 98.5,
        "gap": -0.5,
        "detail": "not met",
    }
    values.update(fields)
    return Result(target=target, name_zh=name, status=status, **values)  # type: ignore[arg-type]


HARD = Report(
    "data/submissions/临淄区教育局/二〇二五年度/各学校上报汇总/2025年教育事业统计快报（最终版）.csv",
    2025,
    (
        _result("preschool.kindergarten_enrolment", "幼儿在园人数", "warn", kind="projection"),
        _result("preschool.kindergarten_enrolment_share", "幼儿在园人数占比"),
        _result(
            "preschool.supervisor_ratio",
            "每5所幼儿园配备1名责任督学",
            "pass",
            op="<=",
            expected="5 × kindergarten_responsible_supervisors",
            actual=None,
            gap=None,
        ),
        _result(
            "compulsory.balanced_accreditation",
            "通过县域义务教育优质均衡发展国家认定，实现义务教育优质均衡发展",
            "missing",
            op=None,
            expected="done by 2025",
            actual=None,
            gap=None,
            lacking=("compulsory_balanced_accreditation", "education_general_budget_expenditure"),
        ),
        _result(
            "health_pe.mental_health_teachers",
            "中小学至少配备1名专兼职心理健康教育教师",
            detail="6 not meeting ≥ 1",
            misses=tuple(f"示例镇第{n}中心小学 (0)" for n in "一二三四五六"),
        ),
        _result("vocational.secondary_vocational_enrolment", "中职在校生", "pending"),
    ),
)


@pytest.mark.parametrize("width", [62, 80, 100, 140])
@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
def test_hard_cases_fit_the_width(width: int, rich: bool) -> None:
    text = render_check([HARD, HARD], _bundled_plan(), width, rich=rich, color=False)
    _assert_reaches_its_reader(text, [HARD, HARD], width, _bundled_plan())


def test_ids_break_at_dots_and_long_words_after_underscores() -> None:
    text = render_check([HARD], _bundled_plan(), 80)
    assert "\n│ preschool.                     │                   │" in text
    assert "\n│ kindergarten_enrolment_share   │                   │" in text
    assert "\n│ preschool.supervisor_ratio     │ kindergarten_     │" in text
    assert "\n│                                │ responsible_      │" in text


def test_notes_hang_below_their_first_line() -> None:
    text = render_check([HARD], _bundled_plan(), 80)
    assert (
        "\nFAIL health_pe.mental_health_teachers: 6 not meeting ≥ 1; 示例镇第一中心小学\n"
        "  (0), 示例镇第二中心小学 (0), 示例镇第三中心小学 (0), 示例镇第四中心小学 (0),\n"
        "  示例镇第五中心小学 (0), 示例镇第六中心小学 (0)\n"
    ) in text
    assert text.startswith(
        "data/submissions/临淄区教育局/二〇二五年度/各学校上报汇总/\n"
        "  2025年教育事业统计快报（最终版）.csv — 2025\n"
    )


def test_an_id_part_wider_than_the_room_widens_its_column() -> None:
    part = "a_single_part_far_too_wide_for_a_sixty_column_terminal_to_hold"
    rows = [Row((("名称", Dotted(f"section.{part}")), ("≥ 99%",), ("ok",)))]
    text = texttable.render("", ("Target", "Expected", "Verdict"), rows, 60)
    assert f"\n│ {part} │      │      │\n" in text  # whole: the others gave their room
    assert "┃ Exp. ┃ Ver. ┃" in text


def test_the_bundled_plan_needs_62_columns_at_least(in_root: Path) -> None:
    """Its widest id part (``secondary_vocational_enrolment``) and four narrow columns."""
    plan = _bundled_plan()
    reports = check_files(plan, [Path("data/illustrative/2025.csv")])
    text = render_check(reports, plan, 40)
    assert max(width_of(line) for line in text.splitlines()) <= 62
    assert "│ secondary_vocational_enrolment │" in text  # whole, though 40 were asked for


def test_similar_ids_are_never_shown_as_the_same_text() -> None:
    ids = [Dotted("preschool.kindergarten_enrolment_" + year) for year in ("2020", "2021")]
    rows = [Row(((target,), ("x",))) for target in ids]
    text = texttable.render("", ("Target", "Gap"), rows, 40)
    column = _target_column(text)
    assert all(_whole_or_split_at_dots(target, column) for target in ids)


# --- exact output ----------------------------------------------------------------------------


def test_rich_table_exact_output(library_reports) -> None:  # type: ignore[no-untyped-def]
    plan, reports = library_reports
    expected = (LIBRARY / "expected" / "check-2024-rich.txt").read_text(encoding="utf-8")
    assert render_check(reports, plan, 90, rich=True, color=False) == expected


def test_plain_and_rich_tables_show_the_same_cells(library_reports) -> None:  # type: ignore[no-untyped-def]
    plan, reports = library_reports
    assert _same_cells(
        render_check(reports, plan, 90), render_check(reports, plan, 90, True, False)
    )


def _same_cells(plain: str, fancy: str) -> bool:
    def cells(text: str) -> list[str]:
        return [" ".join(line.split()) for line in text.splitlines()]

    return cells(plain) == cells(fancy)


def test_rich_colour_marks_failures(library_reports) -> None:  # type: ignore[no-untyped-def]
    plan, reports = library_reports
    coloured = render_check(reports, plan, 90, rich=True, color=True)
    assert "\x1b[" in coloured
    assert "FAIL" in coloured


def test_targets_table_exact_output() -> None:
    plan = _library_plan()
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


# --- the pieces -------------------------------------------------------------------------------


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
        ("preschool.kindergarten_enrolment", 12, ["preschool.ki", "ndergarten_", "enrolment"]),
        (
            "kindergarten_responsible_supervisors",
            20,
            ["kindergarten_", "responsible_", "supervisors"],
        ),
        (Dotted("preschool.kindergarten_enrolment"), 26, ["preschool.", "kindergarten_enrolment"]),
        (Dotted("a.b.c"), 4, ["a.b.", "c"]),
        (Dotted("preschool.kindergarten_enrolment"), 12, ["preschool.", "kindergarten_enrolment"]),
        ("", 5, [""]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines
    unbreakable = isinstance(text, Dotted) and width < 22
    assert unbreakable or all(width_of(line) <= width for line in lines)


def test_hang_indents_the_lines_after_the_first() -> None:
    assert hang("FAIL a.b: one two three four", 14) == ["FAIL a.b: one", "  two three", "  four"]
    assert hang("short", 14) == ["short"]


def test_heading_shortens_a_header_only_when_it_must() -> None:
    assert heading("Expected", 8) == "Expected"
    assert heading("Expected", 4) == "Exp."


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
    # it met the each rule, so it is named only as one of the two making the CV, escaped
    assert "\\x1b[31m南城\\x1b[0m (6,000)" not in result.stdout
    assert "\\x1b[31m南城\\x1b[0m (6,000, above the mean" in result.stdout
    assert result.exit_code == 1


# --- properties: random cells at random widths ---------------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_ASCII = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
_WORD = st.one_of(
    st.text(_ASCII, min_size=1, max_size=30),
    st.text(_CJK, min_size=1, max_size=20),
    st.text(st.one_of(_ASCII, _CJK), min_size=1, max_size=12),
)
_TEXT = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_PART = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz_0123456789"), min_size=1, max_size=25)
_ID = st.lists(_PART, min_size=1, max_size=4).map(".".join)
_PARAGRAPH = st.one_of(_TEXT, _ID.map(Dotted))
_HEADER = st.text(
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=12
)
PROPERTY = settings(max_examples=150, deadline=None)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[str], list[Row]]:
    headers = draw(st.lists(_HEADER, min_size=1, max_size=6))
    cell = st.lists(_PARAGRAPH, max_size=3).map(tuple)
    rows = draw(
        st.lists(
            st.builds(Row, st.lists(cell, min_size=len(headers), max_size=len(headers)).map(tuple)),
            min_size=1,
            max_size=6,
        )
    )
    return headers, rows


def _least(headers: list[str], rows: list[Row]) -> int:
    """The narrowest the renderer promises: id parts whole, no column under four (or its text)."""
    total = 3 * len(headers) + 1
    for index, header in enumerate(headers):
        texts = [p for row in rows for p in row.cells[index]]
        natural = max([width_of(header)] + [width_of(p) for p in texts])
        parts = [len(part) for p in texts if isinstance(p, Dotted) for part in _dot_parts(p)]
        total += max([min(natural, 4), *parts])
    return total


def _dot_parts(text: str) -> list[str]:
    parts = text.split(".")
    return [part + "." for part in parts[:-1]] + parts[-1:]


@PROPERTY
@given(_tables(), st.integers(60, 140))
def test_random_tables_fit_and_lose_nothing(table: tuple[list[str], list[Row]], width: int) -> None:
    headers, rows = table
    text = texttable.render("", headers, rows, width)
    if _least(headers, rows) <= width:
        assert max(width_of(line) for line in text.splitlines()) <= width
    column_texts = _columns(text, len(headers))
    for index in range(len(headers)):
        shown = _squeezed("".join(column_texts[index]))
        assert shown == _squeezed("".join(p for row in rows for p in row.cells[index]))
        ids = [p for row in rows for p in row.cells[index] if isinstance(p, Dotted)]
        assert all(_whole_or_split_at_dots(target, column_texts[index]) for target in ids)


def _columns(text: str, count: int) -> list[list[str]]:
    rows = [line.split("│")[1:-1] for line in text.splitlines() if line.startswith("│")]
    return [[row[index].strip() for row in rows] for index in range(count)]


_RESULTS = st.lists(
    st.builds(
        _result,
        _ID.filter(lambda target: "." in target).map(lambda target: f"reading.{target}"),
        _TEXT,
        st.sampled_from(STATUSES),
        expected=st.one_of(_TEXT, st.floats(-1e6, 1e6), st.none()),
        actual=st.one_of(_TEXT, st.floats(-1e6, 1e6), st.none()),
        gap=st.one_of(st.floats(-1e6, 1e6), st.none()),
        detail=_TEXT,
        misses=st.lists(_TEXT, max_size=3).map(tuple),
        lacking=st.lists(_PART, max_size=5).map(tuple),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_RESULTS, _TEXT, st.integers(60, 140))
def test_random_checks_fit_in_both_renderers(results: list[Result], file: str, width: int) -> None:
    reports = [Report(file, 2025, tuple(results))]
    plain = render_check(reports, _library_plan(), width)
    fancy = render_check(reports, _library_plan(), width, rich=True, color=False)
    _assert_reaches_its_reader(plain, reports, width, _library_plan())
    _assert_reaches_its_reader(fancy, reports, width, _library_plan())
    assert _same_cells(plain, fancy)


@pytest.mark.parametrize(
    ("value", "op", "bound", "shown"),
    [
        (92.000865, ">=", 85.0, "92"),
        (0.0742271, "<=", 0.5, "0.0742"),
        (13.35804, "<=", 15.0, "13.36"),
        (118600.0, ">=", 100000.0, "118,600"),
        (84.99987, ">=", 85.0, "84.99987"),  # never shown as the bound it misses
        (85.00004, ">", 85.0, "85.00004"),  # nor as the bound it passes by a hair
        (0.5000001, "<=", 0.5, "0.5000001"),  # a hair over: every digit it takes
    ],
)
def test_a_figure_is_short_but_never_on_the_wrong_side_of_its_bound(
    value: float, op: str, bound: float, shown: str
) -> None:
    from lzplan.display import figure

    assert figure(value, op, bound) == shown


def test_a_chinese_line_never_starts_with_a_closing_mark() -> None:
    from lzplan.texttable import wrap

    for width in range(4, 20):
        lines = wrap("7项中至少6项达标，其余不低于要求的85%；未达标：甲小学（缺数据）", width)
        assert all(line[0] not in "，。；：）%" for line in lines), (width, lines)
        assert "".join(lines) == "7项中至少6项达标，其余不低于要求的85%；未达标：甲小学（缺数据）"


@pytest.mark.parametrize(
    ("actual", "expected", "op", "gap", "shown"),
    [
        (92.00107, 85.0, ">=", 7.00107, "+7"),  # 92% beside it: +7, not +7.001
        (47.99201, 50.0, ">=", -2.00799, "-2.01"),  # 47.99% beside it
        (1.2, 1.37, ">=", -0.17, "-0.17"),  # the expected's two decimals are kept
        (85.004, 85.0, ">=", 0.004, "+0.004"),  # never rounded to 0
        (84.9999, 85.0, ">=", -0.0001, "-0.0001"),  # nor onto the bound
    ],
)
def test_a_gap_shows_as_many_decimals_as_the_figures_beside_it(
    actual: float, expected: float, op: str, gap: float, shown: str
) -> None:
    from lzplan.report_table import _gap

    result = _result("a.b", "甲", actual=actual, expected=expected, op=op, gap=gap)
    assert _gap(result) == shown
