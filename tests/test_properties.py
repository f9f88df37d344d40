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


# --- bureau-shaped sheets: grids of cells, and long tables against their wide pivot ----------

from dataclasses import dataclass  # noqa: E402

GRID_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Cells a bureau sheet is made of: headers, names, titles, unit lines, totals, footers and
# headings, values with units, Chinese and other text, numbers, blanks.
GRID_CELLS = st.one_of(
    st.just(""),
    st.sampled_from(
        [
            "指标", "指标名称", "指标代码", "数值", "2024年", "年份", "单位", "学校名称",
            "学校标识码", "乡镇", "序号", "备注", "幼儿园数", "在园幼儿数", "在园幼儿数（人）",
            "专兼职心理健康教育教师数", "劳动教育课程周课时", "毛入园率", "kindergartens",
            "合计", "小计", "平均", "全区", "一、学前教育", "注：1. 本表", "填报人：张三",
            "填报日期：2025年1月", "单位：人", "单位：万人", "临淄区2024年统计表",
            "2023-2024学年", "1.2万人", "98所", "18.24亿元", "56%", "—", "是", "2024",
            "3703050001", "城西中学", "东城镇", "=A1+1",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
    st.text("临淄区学校中小幼儿园镇合计注一二、：:（）()年人万所%0123456789.", max_size=8),
    st.integers(-(10**7), 10**7).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda number: f"{number:g}"),
)  # fmt: skip
GRID_NAMES = ["2024", "报表", "临淄区2023年度", "2023-2024学年"]
# Sheets with a bureau's structure, so that most reach the rows (and some are judged):
# title, blank and unit rows; a header; rows whose cells mostly fit their column; then
# totals, heading and footer rows.
HEADERS = [
    ["指标", "数值"],
    ["序号", "指标名称", "本年", "备注"],
    ["指标", "数值", "年份"],
    ["指标", "2024年", "单位"],
    ["指标代码", "指标名称", "数值"],
    ["学校名称", "专兼职心理健康教育教师数", "劳动教育课程周课时"],
    ["序号", "学校标识码", "学校名称", "心理健康教师数", "学生每天校内体育锻炼时间"],
    ["乡镇", "乡镇具有独立法人资格的公办中心幼儿园数", "年份"],
]
# Cells that fit their column (for the district indicators here, 98 to 100 are plausible).
_DISTRICT = ["幼儿园数", "kindergartens", "毛入园率", "巩固率", "高中段毛入学率", "普惠园覆盖率"]
_FIGURE = ["98", "99.5", "100", "98.5%", "—", ""]
FITTING = {
    "指标": st.sampled_from(_DISTRICT),
    "指标名称": st.sampled_from(_DISTRICT),
    "指标代码": st.sampled_from(["kindergartens", "compulsory_retention_rate"]),
    "数值": st.sampled_from(_FIGURE),
    "本年": st.sampled_from(_FIGURE),
    "2024年": st.sampled_from(_FIGURE),
    "年份": st.sampled_from(["2024", "2024年", "2023"]),
    "单位": st.sampled_from(["", "", "%"]),
    "序号": st.integers(1, 30).map(str),
    "备注": GRID_CELLS,
    "学校名称": st.sampled_from(["城西中学", "齐陵二中", "临淄八中", "临淄区实验小学", "合计"]),
    "学校标识码": st.sampled_from(["", "", "3703050001"]),
    "乡镇": st.sampled_from(["齐都镇", "皇城镇", "金岭镇", "稷下街道", "小计"]),
    "专兼职心理健康教育教师数": st.sampled_from(["0", "1", "2", "—"]),
    "心理健康教师数": st.sampled_from(["0", "1", "2"]),
    "劳动教育课程周课时": st.sampled_from(["1", "1.5", "2", ""]),
    "学生每天校内体育锻炼时间": st.sampled_from(["1", "1.2", "—"]),
    "乡镇具有独立法人资格的公办中心幼儿园数": st.sampled_from(["0", "1", "2"]),
}
AROUND = st.sampled_from(
    [[], ["临淄区2024年教育统计表"], ["单位：人"], ["填报日期：2025年1月"], ["一、学前教育"],
     ["注：1. 本表"], ["2. 另附说明"], ["填报人：张三", "审核人：李四"]]
)  # fmt: skip
# True nine times in ten (st.integers would favour its bounds)
MOSTLY = st.sampled_from([True] * 9 + [False])


@st.composite
def bureau_grids(draw: st.DrawFn) -> list[list[str]]:
    header = draw(st.sampled_from(HEADERS))
    rows = [*draw(st.lists(AROUND, max_size=3)), header]
    for _ in range(draw(st.integers(0, 5))):
        cells = [draw(FITTING[name] if draw(MOSTLY) else GRID_CELLS) for name in header]
        stray = not draw(MOSTLY)  # now and then a cell beyond the header
        rows.append(cells + ([draw(GRID_CELLS)] if stray else []))
    return rows + draw(st.lists(AROUND, max_size=3))


GRIDS = st.one_of(st.lists(st.lists(GRID_CELLS, max_size=6), max_size=12), bureau_grids())


def _csv_text(grid: list[list[str]]) -> str:
    quoted = (",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in grid)
    return "".join(line + "\r\n" for line in quoted)


def _workbook_bytes(grid: list[list[object]]) -> bytes:
    import io

    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()
    for row in grid:
        clean = [ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row]
        book.active.append(clean)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _as_number(cell: str) -> object:
    """A workbook cell as a program writes it: integers as numbers, the rest as text."""
    return int(cell) if cell.lstrip("-").isdecimal() and len(cell) < 12 else cell


@GRID_SETTINGS
@given(GRIDS, st.sampled_from(GRID_NAMES), st.sampled_from(["utf-8", "gbk", "xlsx"]))
def test_bureau_like_grids_never_crash(grid: list[list[str]], name: str, kind: str) -> None:
    if kind == "xlsx":
        data = _workbook_bytes([[_as_number(cell) for cell in row] for row in grid])
        file = f"{name}.xlsx"
    else:
        data = _csv_text(grid).encode(kind, "replace")
        file = f"{name}.csv"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file
        path.write_bytes(data)
        for args in (["validate", "--show"], ["check", "--format", "json"]):
            _assert_clean(CliRunner().invoke(main, [*args, str(path)]))


# Per-school and per-town indicators of the bundled plan, the names a sheet may give them,
# and values each may take (within the plan's plausible ranges).
PER_ENTITY: dict[str, tuple[list[str], st.SearchStrategy[float]]] = {
    "mental_health_teachers": (
        ["mental_health_teachers", "专兼职心理健康教育教师数", "心理健康教师数"],
        st.integers(0, 15).map(float),
    ),
    "labour_education_class_hours": (
        ["labour_education_class_hours", "劳动教育课程周课时", "劳动课周课时"],
        st.integers(0, 10).map(lambda half: half / 2),
    ),
    "daily_in_school_exercise_hours": (
        ["学生每天校内体育锻炼时间", "校内体育锻炼时间"],
        st.integers(0, 40).map(lambda tenth: tenth / 10),
    ),
    "town_public_central_kindergartens": (
        ["town_public_central_kindergartens", "乡镇具有独立法人资格的公办中心幼儿园数"],
        st.integers(0, 10).map(float),
    ),
}
# Names of these characters are never totals labels, headings or footer lines, and the
# bundled roster resolves none of them to another name.
ENTITY_NAMES = st.text("城西东南北中小学实验临淄齐陵稷下镇街道幼儿园八", min_size=2, max_size=6)
NO_VALUE_CELLS = st.sampled_from([None, "", "—", "/"])


@dataclass(frozen=True)
class PerEntityTable:
    """Per-entity data: each indicator under one of its names, each entity's value or none."""

    ids: list[str]
    headers: list[str]
    entities: list[str]
    values: dict[tuple[str, str], float | str | None]
    year_column: bool
    totals: bool

    def expected(self) -> list[tuple[int, str, str, float | None]]:
        """The observations the table holds, worked out from the data itself."""
        found = [
            (2024, id_, entity, value if isinstance(value, float) else None)
            for (entity, id_), value in self.values.items()
        ]
        return sorted(found, key=lambda o: (o[0], o[1], o[2]))

    def total(self, id_: str) -> float:
        numbers = (v for (_, i), v in self.values.items() if i == id_ and isinstance(v, float))
        return sum(numbers)

    def long_csv(self) -> bytes:
        year = ["年份"] if self.year_column else []
        lines = [["学校名称", "指标", "数值", *year]]
        for entity in self.entities:
            for id_, header in zip(self.ids, self.headers, strict=True):
                value = _text(self.values[entity, id_])
                lines.append([entity, header, value, *(["2024"] if year else [])])
        if self.totals:
            for id_, header in zip(self.ids, self.headers, strict=True):
                total = _text(self.total(id_))
                lines.append(["合计", header, total, *(["2024"] if year else [])])
        return _csv_text(lines).encode("utf-8")

    def wide_rows(self) -> list[list[object]]:
        year = ["年份"] if self.year_column else []
        rows: list[list[object]] = [["序号", "学校名称", *self.headers, *year]]
        for number, entity in enumerate(self.entities, start=1):
            cells = [self.values[entity, id_] for id_ in self.ids]
            rows.append([number, entity, *cells, *([2024] if year else [])])
        if self.totals:
            rows.append(["合计", "", *(self.total(id_) for id_ in self.ids)])
        return rows


def _text(value: object) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


@st.composite
def per_entity_tables(draw: st.DrawFn) -> PerEntityTable:
    ids = draw(st.lists(st.sampled_from(sorted(PER_ENTITY)), min_size=1, max_size=4, unique=True))
    entities = draw(st.lists(ENTITY_NAMES, min_size=1, max_size=6, unique=True))
    return PerEntityTable(
        ids=ids,
        headers=[draw(st.sampled_from(PER_ENTITY[id_][0])) for id_ in ids],
        entities=entities,
        values={
            (entity, id_): draw(st.one_of(PER_ENTITY[id_][1], NO_VALUE_CELLS))
            for entity in entities
            for id_ in ids
        },
        year_column=draw(st.booleans()),
        totals=draw(st.booleans()),
    )


def _observations(name: str, data: bytes) -> list[tuple[int, str, str, float | None]]:
    """The observations of a dataset of one file: year, indicator, entity and value."""
    from lzplan.datafile import ReadOptions
    from lzplan.dataset import Request, build
    from lzplan.planfile import load_plan, plan_roster
    from lzplan.rawfile import RawFile

    plan = load_plan()
    options = ReadOptions(roster=plan_roster(plan, None, None))
    raw = RawFile(name, data, Path(name).suffix)
    (dataset,) = build(plan, Request((raw,), options))
    return [(o.year, o.indicator, o.entity, o.value) for o in dataset.observations()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(per_entity_tables(), st.sampled_from(["csv", "xlsx"]))
def test_a_long_table_and_its_wide_pivot_give_the_same_observations(
    table: PerEntityTable, wide_kind: str
) -> None:
    long = _observations("2024.csv", table.long_csv())
    if wide_kind == "xlsx":
        wide = _observations("2024.xlsx", _workbook_bytes(table.wide_rows()))
    else:
        text = [[_text(cell) for cell in row] for row in table.wide_rows()]
        wide = _observations("2024.csv", _csv_text(text).encode("utf-8"))
    assert long == wide
    assert long == table.expected()
