"""A wide table's plain rows, read a batch at a time by column, give exactly what the
general reading gives: the same observations, problems, warnings and 合计 checks, on
generated sheets that mix plain rows with every kind of odd one."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lzplan import batches
from lzplan.datafile import FileRead, ReadOptions, Vocabulary, read_raw
from lzplan.errors import DataError, Problem
from lzplan.observations import Observation
from lzplan.planfile import find_plan, load_plan
from lzplan.rawfile import RawFile
from lzplan.roster import Roster, load_roster
from lzplan.widebatch import WideBatches

COUNTY = Path(__file__).resolve().parent.parent / "data" / "illustrative-county"
HEADER = (
    "学校名称,小学在校生数,初中在校生数,高于规定学历教师数,教学及辅助用房面积,教学仪器设备值,备注"
)
NAMES = [
    "清溪街道中心小学",  # a 小学: its blank 初中在校生数 is none
    "清溪街道中学",  # a 初中: its blank 小学在校生数 is none
    "明湖街道中心小学",
    "清溪街道中心小",  # misspelt: an error (complete roster) or a warning (partial)
    "",
    "合计",
    "小计",
    "填报人：张三",
    "一、小学",
    "甲",
]
CELLS = ["", "0", "3", "12", "1534", "2.5", " 40 ", "1.2万", "abc", "-3", "99999999"]
ROW = st.tuples(
    st.sampled_from(NAMES),
    st.lists(st.sampled_from(CELLS), min_size=5, max_size=5),
    st.sampled_from(["", "说明"]),
    st.sampled_from(["", "", "", ",多余", ",", ", "]),  # a cell beyond the header, or blank
    st.sampled_from([0, 0, 0, 1, 3]),  # cells cut off the end (a workbook's row ends early)
)


@functools.cache
def vocabulary(complete: bool) -> Vocabulary:
    plan = load_plan(find_plan("compulsory-quality-balance"))
    roster: Roster = load_roster(COUNTY / "roster.csv")
    return Vocabulary(plan, dataclasses.replace(roster, complete=complete))


Outcome = tuple[str, list[Observation], list[Problem]]


def outcome(text: str, complete: bool) -> Outcome:
    """What reading ``text`` as a county's 2025 school file gives, and every message."""
    raw = RawFile("学校办学条件-2025.csv", text.encode("utf-8"), ".csv")
    words = vocabulary(complete)
    try:
        found: FileRead = read_raw(raw, words, ReadOptions(roster=words.roster))
    except DataError as refused:
        return "refused", list(getattr(refused, "observations", [])), list(refused.problems)
    return "read", found.observations, found.notices


def both(text: str, complete: bool = True) -> tuple[Outcome, Outcome]:
    """``text`` read in batches of one, three and the default size (which must agree), and
    read the general way only."""
    batched = []
    for size in (1, 3, batches.BATCH):
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(batches, "BATCH", size)
            batched.append(outcome(text, complete))
    assert batched[1] == batched[0] and batched[2] == batched[0]
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(WideBatches, "fits", staticmethod(lambda *args: False))
        slow = outcome(text, complete)
    return batched[0], slow


def batched_rows(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the rows read as columns (``["rows"]``) while the test runs."""
    made = {"rows": 0}
    batch = WideBatches._made

    def counted(self: WideBatches, rows: list[tuple[int, list[str]]]) -> list[object]:
        found = batch(self, rows)
        made["rows"] += sum(seen is not None for seen in found)
        return found  # type: ignore[return-value]

    monkeypatch.setattr(WideBatches, "_made", counted)
    return made


def sheet(rows: list[tuple[str, list[str], str, str, int]]) -> str:
    lines = []
    for name, cells, note, extra, cut in rows:
        row = [name, *cells, note]
        lines.append(",".join(row[: len(row) - cut]) + (extra if not cut else ""))
    return HEADER + "\n" + "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=30), st.booleans())
def test_wide_rows_read_in_batches_as_the_general_reading_does(
    rows: list[tuple[str, list[str], str, str, int]], complete: bool
) -> None:
    fast, slow = both(sheet(rows), complete)
    assert fast == slow


def test_the_batches_are_taken_and_a_blank_the_roster_explains_counts_as_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two hundred rows of a 小学 and a 初中 (each with its other stage blank), then a 合计
    of 小学 pupils 100 too many: the rows are read as columns, and the 合计 is an error,
    not a doubt, for the 初中's blanks are none."""
    schools = [("清溪街道中心小学", "100,,5,400,20000"), ("清溪街道中学", ",50,3,200,10000")]
    lines = [f"{schools[i % 2][0]},{schools[i % 2][1]}," for i in range(200)]
    lines.append("合计,10100,5000,800,60000,3000000,")
    made = batched_rows(monkeypatch)
    fast, slow = both(HEADER + "\n" + "\n".join(lines) + "\n")
    assert made["rows"] >= 190 * 3
    assert fast == slow
    assert fast[0] == "refused" and len(fast[1]) == 1000  # the 合计 is wrong
    wrong = [(p.line, p.column, p.message[:50]) for p in fast[2]]
    assert wrong == [(202, "小学在校生数", "the 合计 row gives 10,100 for pupils_primary but the")]


def test_rows_ending_early_or_with_blank_cells_beyond_the_header_are_batched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A workbook's row ends at its last filled cell (its 备注 is empty), and some CSVs end
    every row with empty cells: such rows are read in batches, as the general reading reads
    them."""
    lines = [f"清溪街道中心小学,{i},,5,400,20000" + ("" if i % 2 else ",,") for i in range(1, 300)]
    made = batched_rows(monkeypatch)
    fast, slow = both(HEADER + "\n" + "\n".join(lines) + "\n")
    assert fast == slow
    assert made["rows"] >= 290 * 3


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(ROW, st.sampled_from(["", "", "", "7"])), min_size=1, max_size=25),
    st.booleans(),
)
def test_a_column_under_a_blank_header_cell_is_read_alike(
    rows: list[tuple[tuple[str, list[str], str, str, int], str]], complete: bool
) -> None:
    """A header with a blank cell (merged cells above): a row with a value under it is
    refused by the general reading, the others are read in batches."""
    header = HEADER.replace(",初中在校生数,", ",,初中在校生数,")
    lines = []
    for (name, cells, note, extra, _), headless in rows:
        lines.append(",".join((name, cells[0], headless, *cells[1:], note)) + extra)
    fast, slow = both(header + "\n" + "\n".join(lines) + "\n", complete)
    assert fast == slow
