"""Property-based tests: whatever the bytes or text, lzplan answers 0, 1 or 2, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lzplan.cli import main
from lzplan.values import ValueProblem, parse_flag, parse_number

from .conftest import EXAMPLES

PLAN = str(EXAMPLES / "library_plan" / "plan.yaml")
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
INDICATORS = [
    "members", "visits_per_capita", "budget", "branch_books", "branch_open", "digital_archive",
    "nope", "",
]  # fmt: skip
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["98.5%", "１２０", "1,370", "—", "是", "否", "2024-06-30", "2024年6月", "-1"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-(10**20), 10**20).map(str),
)
ROWS = st.lists(
    st.tuples(
        st.sampled_from(INDICATORS),
        CELLS,
        st.one_of(st.just(""), st.integers(1800, 2300).map(str), st.text(max_size=5)),
        st.sampled_from(["", "人", "万人", "元", "亿元", "%", "fraction", "km", "[bold]x"]),
        st.sampled_from(["", "北城分馆", "东城分馆", "西城分馆", "\x1b[31mx", "[red]y"]),
    ),
    max_size=12,
)


def _assert_clean(result: Result) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ")


def _run(data: bytes, *args: str, name: str = "2024.csv") -> Result:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return CliRunner().invoke(main, [*args, "--plan", PLAN, str(path)])


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_as_data(data: bytes) -> None:
    _assert_clean(_run(data, "check"))


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_workbook(data: bytes) -> None:
    _assert_clean(_run(b"PK\x03\x04" + data, "check", name="2024.xlsx"))


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text_as_data(text: str) -> None:
    for command in ("check", "validate"):
        _assert_clean(_run(text.encode("utf-8", "surrogatepass"), command))


@SETTINGS
@given(ROWS, st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
def test_plausible_rows_as_data(rows: list[tuple[str, ...]], encoding: str) -> None:
    lines = ["indicator,value,year,unit,entity"]
    lines += [",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows]
    data = "\r\n".join(lines).encode(encoding, "replace")
    result = _run(data, "check", "--format", "json")
    _assert_clean(result)
    if result.exit_code != 2:
        assert "\x1b" not in result.stdout.replace("\\u001b", "")


@SETTINGS
@given(st.text(max_size=1500))
def test_arbitrary_text_as_a_plan(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.yaml"
        plan.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(
            main, ["targets", "--plan", str(plan)], env={"LZPLAN_NO_CACHE": "1"}
        )
    _assert_clean(result)


@SETTINGS
@given(st.text(max_size=40))
def test_parsers_return_a_value_or_say_what_was_expected(cell: str) -> None:
    for parse in (parse_number, parse_flag):
        try:
            parse(cell)
        except ValueProblem as problem:
            assert "expected" in str(problem)


@pytest.mark.parametrize("text", ["a: &a [1]\nb: *a\n", "x: !!python/name:os.system\n"])
def test_hostile_yaml_is_refused(text: str, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["targets", "--plan", str(plan)])
    assert result.exit_code == 2
