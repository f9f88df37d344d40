"""A long table's plain rows, read from the lookups their first reading left behind, give
exactly what the general reading gives: the same observations, problems, warnings and
totals checks, on generated sheets that mix plain rows with every kind of odd one."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lzplan import batches, plainbatch
from lzplan.datafile import FileRead, ReadOptions, Vocabulary, read_raw
from lzplan.errors import DataError, Problem
from lzplan.observations import Observation
from lzplan.plainrows import PlainRows
from lzplan.planfile import load_plan, plan_roster
from lzplan.rawfile import RawFile
from lzplan.totals import Totals

HEADER = "indicator,value,year,unit,entity,note,source"
INDICATORS = [
    "mental_health_teachers",  # per school, in 人: whole numbers
    "daily_in_school_exercise_hours",  # per school, in 小时/天: fractions
    "kindergartens",  # a district total
    "preschool_gross_enrolment_rate",  # a district rate, in %
    "no_such_indicator",
    "合计",
    "",
]
VALUES = ["1", "2", "3", "0", "1.5", "2.0", "98.5", "-1", "1e3", "1.2万", "", "abc", "99999"]
YEARS = ["2023", "2024", "2025", "", "2024年", "20x4", "1890"]
UNITS = ["", "", "人", "万人", "%", "小时/天"]
ENTITIES = [
    "齐都镇桓公小学",  # in the roster, closed after 2021: a warning for each later year
    "城西中学",  # in the roster, open every year
    "学校1",  # not in the (partial) roster: a warning, once
    "学校2",
    "",
    "合计",
]
ROW = st.tuples(
    st.sampled_from(INDICATORS),
    st.sampled_from(VALUES),
    st.sampled_from(YEARS),
    st.sampled_from(UNITS),
    st.sampled_from(ENTITIES),
    st.sampled_from(["", "说明"]),
)


@functools.cache
def vocabulary() -> Vocabulary:
    plan = load_plan()
    return Vocabulary(plan, plan_roster(plan, None, None))


Outcome = tuple[str, list[Observation], list[Problem]]


def outcome(text: str, name: str = "学校数据.csv") -> Outcome:
    """What reading ``text`` as a file gives: its observations and every message."""
    raw = RawFile(name, text.encode("utf-8"), ".csv")
    options = ReadOptions(roster=vocabulary().roster)
    try:
        found: FileRead = read_raw(raw, vocabulary(), options)
    except DataError as refused:
        return "refused", list(getattr(refused, "observations", [])), list(refused.problems)
    return "read", found.observations, found.notices


def both(text: str, name: str = "学校数据.csv") -> tuple[Outcome, Outcome]:
    """``text`` read with plain rows, and read the general way only. The plain rows are
    read in batches of one, three and the default size (then the first batch's rows are
    all read one by one), which must give the same."""
    batched = []
    for size in (1, 3, batches.BATCH):
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(batches, "BATCH", size)
            batched.append(outcome(text, name))
    fast = batched[0]
    assert batched[1] == fast and batched[2] == fast
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(PlainRows, "fits", staticmethod(lambda *args: False))
        slow = outcome(text, name)
    return fast, slow


@settings(max_examples=400, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=40), st.sampled_from(["学校数据.csv", "2024.csv"]))
def test_plain_rows_read_as_the_general_reading_does(
    rows: list[tuple[str, ...]], name: str
) -> None:
    text = HEADER + "\n" + "".join(",".join((*row, "来源")) + "\n" for row in rows)
    fast, slow = both(text, name)
    assert fast == slow


CHINESE_HEADER = "指标,数值,年份,单位,学校名称,学校标识码,备注,来源"
CODES = ["", "", "3703050001", "1.2E+9", " 3703050002 "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(ROW, st.sampled_from(CODES)), min_size=1, max_size=30))
def test_with_chinese_headers_and_school_codes_too(
    rows: list[tuple[tuple[str, ...], str]],
) -> None:
    lines = [",".join((*row[:5], code, row[5], "来源")) for row, code in rows]
    fast, slow = both(CHINESE_HEADER + "\n" + "\n".join(lines) + "\n")
    assert fast == slow


def test_the_plain_path_is_taken_and_gives_the_general_readings_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A thousand rows of two schools over three years: all but the first of each
    indicator, year and school are plain; the result is the same either way."""
    rows = [
        f"mental_health_teachers,{1 + i % 3},{2023 + i % 3},人,{('城西中学', '学校1')[i % 2]},,x"
        for i in range(1000)
    ]
    text = HEADER + "\n" + "\n".join(rows) + "\n"
    calls = {"plain": 0}
    read = PlainRows.read

    def counted(self: PlainRows, *args: object) -> Observation | None:
        found = read(self, *args)  # type: ignore[arg-type]
        calls["plain"] += found is not None
        return found

    monkeypatch.setattr(PlainRows, "read", counted)
    batched = batched_rows(monkeypatch)  # the batches read all of them: 1000 rows, 3 sizes
    fast, slow = both(text)
    assert calls["plain"] + batched["plain"] >= 990 * 3  # read in batches of 1, 3 and 4096
    assert fast == slow and len(fast[1]) == 1000
    assert [p.message for p in fast[2]] == [
        "'学校1' is not in the roster (the bundled roster, roster.csv, which lists only some)"
    ]


def test_a_school_closed_is_warned_of_in_each_later_year_on_either_path() -> None:
    rows = [f"mental_health_teachers,1,{year},人,齐都镇桓公小学,," for year in (2022, 2023) * 3]
    fast, slow = both(HEADER + "\n" + "\n".join(rows) + "\n")
    assert fast == slow
    warned = [(p.line, p.message[:30]) for p in fast[2]]
    assert [line for line, _ in warned] == [2, 3]  # 2022 once, 2023 once


def test_the_example_files_read_alike(in_root: Path) -> None:
    for path in sorted(Path("data").glob("**/*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        fast, slow = both(text, path.name)
        assert fast == slow, path


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(ROW, st.integers(min_value=2, max_value=7)), min_size=1, max_size=30),
    st.sampled_from(["indicator,value,year,entity", "entity,year,indicator,value,note"]),
)
def test_rows_ending_early_and_tables_without_some_columns_too(
    rows: list[tuple[tuple[str, ...], int]], header: str
) -> None:
    # a workbook row ends at its last filled cell; a table may lack the unit, note or
    # source columns: the plain reading takes each role's cell or "" as the general one does
    roles = header.split(",")
    full = dict(
        zip(("indicator", "value", "year", "unit", "entity", "note"), ROW_ORDER, strict=True)
    )
    lines = []
    for row, kept in rows:
        cells = [row[full[role]] for role in roles]
        lines.append(",".join(cells[:kept]))
    fast, slow = both(header + "\n" + "".join(line + "\n" for line in lines))
    assert fast == slow


ROW_ORDER = range(6)  # ROW's fields: indicator, value, year, unit, entity, note


def batched_rows(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the rows read in batches (``["plain"]``) while the test runs: as columns, or
    once the row handed back before them has named their school."""
    made = {"plain": 0}
    batch, retry = plainbatch.PlainBatches._made, plainbatch.PlainBatches._retry

    def counted(self: plainbatch.PlainBatches, rows: list[tuple[int, list[str]]]) -> list[object]:
        found = batch(self, rows)
        made["plain"] += sum(seen is not None for seen in found)
        return found  # type: ignore[return-value]

    def retried(self: plainbatch.PlainBatches, index: int) -> Observation | None:
        found = retry(self, index)
        made["plain"] += found is not None
        return found

    monkeypatch.setattr(plainbatch.PlainBatches, "_made", counted)
    monkeypatch.setattr(plainbatch.PlainBatches, "_retry", retried)
    return made


def test_plain_rows_are_read_in_batches_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand rows in batches of 100: all but the first batch are read as columns."""
    rows = [
        f"mental_health_teachers,{1 + i % 3},{2023 + i % 3},人,{('城西中学', '学校1')[i % 2]},,x"
        for i in range(1000)
    ]
    text = HEADER + "\n" + "\n".join(rows) + "\n"
    monkeypatch.setattr(batches, "BATCH", 100)
    made = batched_rows(monkeypatch)
    fast, slow = both(text)
    assert made["plain"] >= 900
    assert fast == slow and len(fast[1]) == 1000


def test_totals_rows_add_up_the_rows_read_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """合计 at the top and bottom and 小计 between groups check the rows read in batches of
    four. Ten schools give 2 health vice-principals each (20; the 小计 rows make 10 + 10)
    after their mental-health teachers, so that their names are known and those rows are
    read as columns."""
    monkeypatch.setattr(batches, "BATCH", 4)
    teachers = [f"mental_health_teachers,1,2024,人,学校{i},," for i in range(10)]
    heads = [f"health_vice_principals,2,2024,人,学校{i},," for i in range(10)]
    lines = [
        *teachers,
        "health_vice_principals,20,2024,人,合计,,",
        *heads[:5],
        "health_vice_principals,10,2024,人,小计,,",
        *heads[5:],
        "health_vice_principals,11,2024,人,小计,,",
        "health_vice_principals,21,2024,人,合计,,",
    ]
    made = batched_rows(monkeypatch)
    fast, slow = both(HEADER + "\n" + "\n".join(lines) + "\n")
    assert made["plain"] >= 8
    assert fast == slow
    wrong = [(p.line, p.message[:46]) for p in fast[2] if p.severity == "error"]
    assert wrong == [
        (24, "the 小计 row gives 11 for health_vice_principals"),
        (25, "the 合计 row gives 21 for health_vice_principals"),
    ]


def test_runs_of_batched_rows_with_nothing_between_are_kept_as_one_and_added_in_order() -> None:
    # blank lines between every row (a CSV written on Windows without newline="") hand
    # nothing back to the sums: the batched rows around them are one run, not one a row
    found = [
        Observation("mental_health_teachers", 2024, float(i), "f.csv", i + 2) for i in range(7)
    ]
    counted: list[float | None] = []
    totals = Totals()
    for start in range(7):
        totals.defer(found, start, start + 1, lambda seen: counted.append(seen.value))
    assert len(totals._deferred) == 7  # a counter of its own each: not one run
    totals = Totals()
    count = lambda seen: counted.append(seen.value)  # noqa: E731
    for start in range(7):
        totals.defer(found, start, start + 1, count)
    assert len(totals._deferred) == 1
    totals.finish()  # no 合计 pending: nothing needs the sums yet
    assert counted == []
    totals.add(("other", 2024), 1.0)  # another row's value comes after them
    assert counted == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]


def test_a_school_met_first_in_a_batch_is_read_there_or_after_its_first_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Three rows a school, schools one after another (a province's first year): a school in
    the roster is known in the batch itself; one the (partial) roster lacks is warned of at
    its first row, by the general reading, and its other rows are read in the batch after."""
    indicators = ("mental_health_teachers", "health_vice_principals", "collective_labour_weeks")
    units = {"collective_labour_weeks": "周"}
    schools = [
        *(f"学校{i}" for i in range(100)),
        "城西中学",
        *(f"学校{i}" for i in range(100, 200)),
    ]
    rows = [
        f"{ind},1,2024,{units.get(ind, '人')},{school},,x"
        for school in schools
        for ind in indicators
    ]
    made = batched_rows(monkeypatch)
    fast, slow = both(HEADER + "\n" + "\n".join(rows) + "\n")
    assert fast == slow
    # in batches of 1 and 3, every row but each unknown school's first and the first
    # school's, which teach the lookups the indicators; 城西中学's first row too (one batch
    # of 4,096 holds the whole sheet, taken apart before its rows taught those lookups)
    assert made["plain"] >= 2 * (len(rows) - 200 - 2)
    warned = [p for p in fast[2] if p.severity == "warning"]
    assert len(warned) == 51 and "学校0" in warned[0].message  # 50 listed, then how many more


def test_schools_warned_of_once_the_warnings_are_only_counted_are_read_in_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the 50 listed warnings, a school the partial roster lacks is only counted: that
    is done in the batch, at its first row, and its rows are read there; the listing and
    the count are the general reading's."""
    indicators = ("mental_health_teachers", "health_vice_principals", "collective_labour_weeks")
    units = {"collective_labour_weeks": "周"}
    rows = [
        f"{ind},1,2024,{units.get(ind, '人')},学校{school},,x"
        for school in range(400)
        for ind in indicators
    ]
    made = batched_rows(monkeypatch)
    fast, slow = both(HEADER + "\n" + "\n".join(rows) + "\n")
    assert fast == slow
    # in batches of 1 and 3: all but the first school's rows and the first row of each of
    # the 50 schools whose warnings are listed
    assert made["plain"] >= 2 * (len(rows) - 3 - 50)
    warned = [p.message for p in fast[2] if p.severity == "warning"]
    assert len(warned) == 51 and warned[-1] == "… and 350 more warning(s) not listed"
