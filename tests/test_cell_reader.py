"""The column reader's fast path gives what :func:`read_value` gives, value or refusal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lzplan.cells import CellReader, read_value
from lzplan.planfile import find_plan, load_plan
from lzplan.values import ValueProblem

NAMES = (None, "compulsory-quality-balance", "preschool-universal")
PLANS = [load_plan(find_plan(name)) for name in NAMES]
INDICATORS = [i for plan in PLANS for i in plan.indicators if i.type == "number"]
UNITS = ["", "人", "万人", "%", "％", "所", "个", "m²", "元", "万元", "比例", "班"]
NUMBERS = st.one_of(
    st.integers(-(10**6), 10**9).map(str),
    st.floats(-1e6, 1e9, allow_nan=False).map(lambda x: format(x, "f").rstrip("0")),
    st.sampled_from(["0", "1.0", "1.5", "98.5", "100", "100.0001", "-1", "0.5", "15370"]),
)


def _outcome(read: object, *args: object) -> object:
    try:
        return read(*args)  # type: ignore[operator]
    except ValueProblem as exc:
        return ("refused", str(exc))


@settings(max_examples=2000, deadline=None)
@given(
    st.sampled_from(INDICATORS),
    NUMBERS,
    st.sampled_from(UNITS),
    st.sampled_from(UNITS),
    st.booleans(),
)
def test_the_fast_path_reads_as_read_value_does(
    indicator: object, cell: str, unit: str, sheet_unit: str, checked: bool
) -> None:
    reader = CellReader(indicator, unit, sheet_unit, checked)  # type: ignore[arg-type]
    fast = _outcome(reader.read, cell)
    slow = _outcome(read_value, indicator, cell, unit, sheet_unit, checked)
    assert fast == slow


def test_a_whole_count_within_range_takes_the_fast_path_and_a_fraction_does_not() -> None:
    # teachers count whole people: 12 is read as it is, 12.5 is refused as read_value
    # refuses it (a fraction of whole things), never read as 12.5
    teachers = next(i for i in INDICATORS if i.unit == "人" and i.plausible is None)
    reader = CellReader(teachers, "人")
    assert reader.fast and reader.whole
    assert reader.read("12") == (12.0, None)
    assert _outcome(reader.read, "12.5") == _outcome(read_value, teachers, "12.5", "人")
    assert _outcome(reader.read, "12.5")[0] == "refused"  # type: ignore[index]
