"""``read_value`` end to end: one cell, its units, and the checks that refuse a typing mistake.

Every case runs on the bundled plan's real indicators and their declared ranges.
"""

from __future__ import annotations

import pytest

from lzplan.cells import read_value
from lzplan.planfile import load_plan
from lzplan.values import Flag, UnitProblem, ValueProblem

PLAN = load_plan()


def read(
    indicator_id: str, cell: str, unit: str = "", sheet_unit: str = "", checked: bool = True
) -> float | None:
    """The number ``cell`` gives the bundled plan's ``indicator_id``."""
    value, flag = read_value(PLAN.indicator(indicator_id), cell, unit, sheet_unit, checked)
    assert flag is None
    return value


# --- units written in the cell ---------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "cell", "expected"),
    [
        ("kindergarten_enrolment", "1.2万人", 1.2),
        ("kindergarten_enrolment", "12,000人", 1.2),
        ("kindergarten_enrolment", "12000名", 1.2),
        ("kindergartens", "98所", 98.0),
        ("kindergartens", "98 所", 98.0),
        ("education_general_budget_expenditure", "18.24亿元", 182400.0),
        ("education_general_budget_expenditure", "182400万元", 182400.0),
        ("teacher_average_pay", "11.86万元", 118600.0),
        ("myopia_rate", "56%", 56.0),
        ("myopia_rate", "56％", 56.0),
        ("students_total", "1.5万人", 15000.0),
    ],
)
def test_a_unit_in_the_cell_converts(indicator_id: str, cell: str, expected: float) -> None:
    assert read(indicator_id, cell) == pytest.approx(expected)


def test_a_unit_in_the_cell_may_repeat_the_unit_column() -> None:
    assert read("kindergartens", "98所", unit="所") == 98.0
    assert read("myopia_rate", "56％", unit="%") == 56.0


# --- a bare 万 or 亿 multiplies ---------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "cell", "unit", "expected"),
    [
        ("kindergarten_enrolment", "1.52万", "", 1.52),  # 15,200 人
        ("education_general_budget_expenditure", "18.2亿", "", 182000.0),  # 18.2 亿元
        ("education_general_budget_expenditure", "18.24亿", "元", 182400.0),
        ("kindergarten_enrolment", "1.52万", "人", 1.52),  # 万 of the unit column's 人
        ("teacher_average_pay", "11.86万", "", 118600.0),
        ("students_total", "1.2万", "", 12000.0),
    ],
)
def test_a_bare_wan_or_yi_is_a_multiplier(
    indicator_id: str, cell: str, unit: str, expected: float
) -> None:
    assert read(indicator_id, cell, unit) == pytest.approx(expected)


def test_a_multiplied_figure_is_still_held_to_the_range() -> None:
    with pytest.raises(ValueProblem, match="not a plausible count for kindergartens"):
        read("kindergartens", "1万")  # 10,000 kindergartens


# --- a cell unit that disagrees ---------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "cell", "unit", "message"),
    [
        (
            "kindergarten_enrolment",
            "1.2万人",
            "人",
            "'1.2万人' is written in 万人 but the unit column says '人'",
        ),
        ("kindergartens", "98所", "个", "'98所' is written in 所 but the unit column says '个'"),
        ("myopia_rate", "56%", "fraction", "'56%' is written in % but the unit column says"),
    ],
)
def test_a_cell_unit_that_contradicts_the_unit_column_names_both(
    indicator_id: str, cell: str, unit: str, message: str
) -> None:
    with pytest.raises(UnitProblem) as raised:
        read(indicator_id, cell, unit)
    assert str(raised.value).startswith(message)


def test_a_cell_unit_of_another_family_is_refused() -> None:
    with pytest.raises(UnitProblem, match="unit '元' does not convert to '万人'"):
        read("kindergarten_enrolment", "15370元")
    with pytest.raises(UnitProblem, match="unit '个' does not convert to '所'"):
        read("kindergartens", "98个")


def test_a_percentage_for_a_count_is_refused() -> None:
    with pytest.raises(ValueProblem, match="'56%' is a percentage but kindergartens is in 所"):
        read("kindergartens", "56%")


# --- the sheet's unit line ------------------------------------------------------------


def test_the_unit_line_applies_to_indicators_it_converts_to() -> None:
    assert read("kindergarten_enrolment", "15370", sheet_unit="人") == pytest.approx(1.537)
    assert read("education_general_budget_expenditure", "18.24", sheet_unit="亿元") == (
        pytest.approx(182400.0)
    )


@pytest.mark.parametrize(
    ("indicator_id", "cell", "sheet_unit", "expected"),
    [
        ("myopia_rate", "56", "人", 56.0),  # a rate on a sheet of counts
        ("kindergartens", "98", "人", 98.0),  # 人 does not convert to 所
        ("kindergarten_enrolment", "1.537", "所", 1.537),
    ],
)
def test_the_unit_line_leaves_other_indicators_alone(
    indicator_id: str, cell: str, sheet_unit: str, expected: float
) -> None:
    assert read(indicator_id, cell, sheet_unit=sheet_unit) == expected


def test_a_unit_line_that_converts_is_taken_at_its_word() -> None:
    # 2 under 单位：万人 is 20,000 teachers in one school: refused, not read as 2
    with pytest.raises(ValueProblem, match="not a plausible count for mental_health_teachers"):
        read("mental_health_teachers", "2", sheet_unit="万人")


def test_a_unit_in_the_row_or_the_cell_wins_over_the_unit_line() -> None:
    assert read("kindergarten_enrolment", "1.537", unit="万人", sheet_unit="人") == 1.537
    assert read("kindergarten_enrolment", "1.537万人", sheet_unit="人") == 1.537


# --- checked=False: a totals row ---------------------------------------------------------


def test_a_totals_row_is_not_held_to_one_schools_range() -> None:
    with pytest.raises(ValueProblem, match="not a plausible count for mental_health_teachers"):
        read("mental_health_teachers", "480")
    assert read("mental_health_teachers", "480", checked=False) == 480.0


def test_an_average_row_may_be_a_fraction_of_whole_things() -> None:
    assert read("mental_health_teachers", "1.5", checked=False) == 1.5


def test_an_unchecked_row_still_reads_its_unit() -> None:
    assert read("kindergarten_enrolment", "20249人", checked=False) == pytest.approx(2.0249)
    with pytest.raises(UnitProblem):
        read("kindergarten_enrolment", "20249元", checked=False)


# --- fractions of whole things ---------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "cell", "unit"),
    [
        ("mental_health_teachers", "1.5", "人"),
        ("mental_health_teachers", "1.5人", "人"),
        ("town_public_central_kindergartens", "0.5", "所"),
        ("town_public_central_kindergartens", "0.5所", "所"),
        ("kindergarten_responsible_supervisors", "12.5", "人"),
    ],
)
def test_a_fraction_of_whole_things_is_refused(indicator_id: str, cell: str, unit: str) -> None:
    with pytest.raises(ValueProblem) as raised:
        read(indicator_id, cell)
    number = cell.rstrip(unit)
    assert str(raised.value).endswith(
        f"a count of whole {unit} cannot be {number}; check the figure"
    )


@pytest.mark.parametrize(
    ("indicator_id", "cell", "expected"),
    [
        ("kindergarten_enrolment", "1.537万人", 1.537),
        ("kindergarten_enrolment", "1.537", 1.537),
        ("education_general_budget_expenditure", "182400.5", 182400.5),
        ("daily_in_school_exercise_hours", "1.5", 1.5),
        ("labour_education_class_hours", "1.5", 1.5),
        ("myopia_rate", "51.6%", 51.6),
        ("students_total", "1.537万人", 15370.0),  # whole once converted
    ],
)
def test_fractions_are_read_where_they_are_real(
    indicator_id: str, cell: str, expected: float
) -> None:
    assert read(indicator_id, cell) == pytest.approx(expected)


# --- no value, flags, and a typing mistake ------------------------------------------------


@pytest.mark.parametrize("cell", ["", "—", "无", "N/A"])
def test_no_value_is_none_never_zero(cell: str) -> None:
    assert read_value(PLAN.indicator("kindergartens"), cell) == (None, None)


def test_a_flag_reads_as_done_with_its_date() -> None:
    accreditation = PLAN.indicator("preschool_national_accreditation")
    assert read_value(accreditation, "是") == (1.0, Flag(True))
    assert read_value(accreditation, "否") == (0.0, Flag(False))
    assert read_value(accreditation, "2024年6月") == (1.0, Flag(True, "2024-06"))


def test_a_typing_mistake_is_refused_with_the_likely_intended_value() -> None:
    with pytest.raises(ValueProblem, match=r"a fraction\? did you mean 99\.2\?"):
        read("preschool_gross_enrolment_rate", "0.992")
    assert read("preschool_gross_enrolment_rate", "0.992", unit="fraction") == pytest.approx(99.2)


def test_a_cell_that_is_no_number_is_refused() -> None:
    with pytest.raises(ValueProblem, match="expected a number"):
        read("kindergartens", "abc")


def test_a_count_too_large_to_convert_is_refused_not_a_crash() -> None:
    with pytest.raises(ValueProblem, match="expected a whole number, found inf 人"):
        read("students_total", "1e305万人")


# --- the plain-number fast path ----------------------------------------------------------


def _slow(indicator_id: str, cell: str) -> float | str | None:
    """The value (or the refusal) the full unit machinery gives a cell with a unit in it."""
    indicator = PLAN.indicator(indicator_id)
    try:
        return read_value(indicator, f"{cell}{indicator.unit}")[0]
    except ValueProblem as exc:
        return type(exc).__name__


@pytest.mark.parametrize(
    ("indicator_id", "cell"),
    [
        ("kindergartens", "98"),
        ("kindergartens", "0098"),
        ("kindergartens", "-3"),  # a negative count: refused either way
        ("kindergartens", "1.5"),  # half a kindergarten: refused either way
        ("myopia_rate", "56.25"),
        ("myopia_rate", "156"),  # over 100 %: refused either way
        ("teacher_average_pay", "118600"),
    ],
)
def test_a_plain_number_reads_as_the_same_number_with_its_unit_written(
    indicator_id: str, cell: str
) -> None:
    # A province's cells are mostly plain numbers, read without the unit machinery; the
    # value and any refusal must be what the same figure with its unit written gives.
    try:
        fast: float | str | None = read_value(PLAN.indicator(indicator_id), cell)[0]
    except ValueProblem as exc:
        fast = type(exc).__name__
    assert fast == _slow(indicator_id, cell)
