"""Unit tests for the rule kinds in ``lzplan.rules``.

Plans are built directly from the dataclasses; every expected number below is
worked out by hand in a comment next to the assertion.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lzplan.dataset import Dataset
from lzplan.model import (
    Aggregate,
    Approximate,
    Baseline,
    Checklist,
    ChecklistItem,
    Citation,
    Comparison,
    Each,
    Indicator,
    Milestone,
    Plan,
    Projection,
    Section,
    Target,
    Threshold,
    YearlyChange,
)
from lzplan.observations import Observation
from lzplan.results import Result
from lzplan.roster import Entity, Roster
from lzplan.rules import Context, compare, evaluate, judge, path_value
from lzplan.values import Flag

# --- helpers ---------------------------------------------------------------------------


def make_target(
    rule,
    *,
    deadline: int = 2025,
    baseline: tuple[int, float] | None = None,
    unit: str = "%",
    id: str = "t1",
) -> Target:
    return Target(
        id=id,
        section="s",
        name_zh="目标",
        name_en="target",
        unit=unit,
        nature="binding",
        nature_note="",
        deadline=deadline,
        source=Citation(heading="一、测试", quote="测试目标。"),
        rule=rule,
        baseline=Baseline(*baseline) if baseline else None,
    )


def make_plan(*targets: Target, indicators: tuple[Indicator, ...] = ()) -> Plan:
    """A 2021–2025 plan with baseline year 2020; indicators default to those the targets use."""
    if not indicators:
        ids = dict.fromkeys(i for target in targets for i in target.indicators)
        indicators = tuple(Indicator(id=i, name_zh=i, name_en=i, unit="%") for i in ids)
    return Plan(
        id="test",
        title_zh="测试规划",
        title_en="Test plan",
        issued="2021-06",
        period_start=2021,
        period_end=2025,
        baseline_year=2020,
        sections=(Section(id="s", name_zh="测试", name_en="Test"),),
        indicators=indicators,
        targets=targets,
    )


def obs(
    indicator: str, year: int, value: float | None, entity: str = "", flag: Flag | None = None
) -> Observation:
    return Observation(indicator, year, value, "test.csv", 2, entity, flag)


def flag(
    indicator: str, year: int, done: bool, on: str | None = None, entity: str = ""
) -> Observation:
    """A done/not-done observation as the loader makes it (value 1.0/0.0 plus the flag)."""
    return obs(indicator, year, 1.0 if done else 0.0, entity, Flag(done, on))


def check(target: Target, observations: list[Observation], year: int) -> Result:
    return evaluate(target, Context(make_plan(target), Dataset("test", observations), year))


# --- compare and path_value ------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "op", "expected", "met"),
    [
        (98.30000000000001, ">=", 98.3, True),
        (98.30000000000001, "<=", 98.3, True),
        (98.30000000000001, "==", 98.3, True),
        (98.30000000000001, ">", 98.3, False),
        (98.29999999999999, "<", 98.3, False),
        (98.4, ">", 98.3, True),
        (98.2, "<", 98.3, True),
        (98.2, ">=", 98.3, False),
        (98.4, "<=", 98.3, False),
        (98.4, "==", 98.3, False),
    ],
)
def test_compare_forgives_float_noise(actual, op, expected, met):
    assert compare(actual, op, expected) is met


_REFERENCE = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
}


@given(
    st.floats(allow_nan=True) | st.sampled_from([98.3, 98.30000000000001, 0.0, -0.0, 1e-10]),
    st.sampled_from(sorted(_REFERENCE)),
    st.floats(allow_nan=True) | st.sampled_from([98.3, 98.29999999999999, 0.0, 1e-10]),
)
def test_compare_is_the_operator_with_close_figures_taken_as_equal(actual, op, expected):
    # the definition compare's written-out branches must keep: close means equal
    close = math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)
    meant = op in (">=", "<=", "==") if close else _REFERENCE[op](actual, expected)
    assert compare(actual, op, expected) is meant


def test_path_value():
    target = make_target(Threshold("threshold", "x", ">=", 95.0), baseline=(2020, 90.0))
    # 90 + (95 - 90) * (year - 2020) / (2025 - 2020) = 90 + (year - 2020)
    assert path_value(target, 95.0, 2019) == 90.0  # before the baseline: the baseline
    assert path_value(target, 95.0, 2020) == 90.0
    assert path_value(target, 95.0, 2022) == pytest.approx(92.0)
    assert path_value(target, 95.0, 2024) == pytest.approx(94.0)
    assert path_value(target, 95.0, 2025) == 95.0
    assert path_value(target, 95.0, 2027) == 95.0  # after the deadline: the target
    no_baseline = make_target(Threshold("threshold", "x", ">=", 95.0))
    assert path_value(no_baseline, 95.0, 2022) == 95.0


# --- threshold -------------------------------------------------------------------------


def threshold(op: str = ">=", value: float = 95.0, every_year: bool = False) -> Threshold:
    return Threshold("threshold", "x", op, value, every_year)


def test_threshold_on_path_passes():
    target = make_target(threshold(), baseline=(2020, 90.0))
    result = check(target, [obs("x", 2022, 92.5)], 2022)
    # path in 2022: 90 + 5 * 2/5 = 92; gap 92.5 - 92 = 0.5
    assert (result.status, result.expected, result.actual, result.gap) == ("pass", 92.0, 92.5, 0.5)
    assert result.op == ">="
    assert result.detail == "met"
    assert result.numbers == {"baseline": 90.0, "baseline_year": 2020.0, "final": 95.0}


def test_threshold_off_path_fails_before_deadline():
    target = make_target(threshold(), baseline=(2020, 90.0))
    result = check(target, [obs("x", 2023, 92.0)], 2023)
    # path in 2023: 90 + 5 * 3/5 = 93; gap 92 - 93 = -1
    assert (result.status, result.expected, result.actual, result.gap) == ("fail", 93.0, 92.0, -1.0)
    assert result.detail == "off the straight path to the target"


def test_threshold_path_downwards_with_le():
    # e.g. a pupil-teacher ratio brought down from 20 to 15
    target = make_target(threshold("<=", 15.0), baseline=(2020, 20.0))
    # path in 2021: 20 - 5 * 1/5 = 19
    passed = check(target, [obs("x", 2021, 18.5)], 2021)
    assert (passed.status, passed.expected, passed.gap) == ("pass", 19.0, -0.5)
    failed = check(target, [obs("x", 2021, 19.5)], 2021)
    assert (failed.status, failed.expected, failed.gap) == ("fail", 19.0, 0.5)


def test_threshold_without_baseline_is_pending_before_deadline():
    target = make_target(threshold())
    result = check(target, [obs("x", 2023, 93.0)], 2023)
    assert (result.status, result.expected, result.actual, result.gap) == (
        "pending",
        95.0,
        93.0,
        -2.0,
    )
    assert result.detail == "not yet met; due by 2025"
    assert result.numbers == {"final": 95.0}


def test_threshold_without_baseline_met_early_passes():
    result = check(make_target(threshold()), [obs("x", 2022, 96.0)], 2022)
    assert (result.status, result.expected, result.gap) == ("pass", 95.0, 1.0)


def test_threshold_every_year_fails_before_deadline():
    result = check(make_target(threshold(every_year=True)), [obs("x", 2022, 94.0)], 2022)
    assert (result.status, result.expected, result.gap) == ("fail", 95.0, -1.0)
    assert result.detail == "not met"


@pytest.mark.parametrize("year", [2025, 2026])
def test_threshold_at_and_after_deadline_uses_target(year):
    target = make_target(threshold(), baseline=(2020, 90.0))
    result = check(target, [obs("x", year, 94.0)], year)
    assert (result.status, result.expected, result.gap) == ("fail", 95.0, -1.0)
    assert result.detail == "not met"
    assert check(target, [obs("x", year, 95.0)], year).status == "pass"


@pytest.mark.parametrize(
    ("op", "actual", "status"),
    [
        (">=", 95.0, "pass"),
        (">=", 94.9, "fail"),
        (">", 95.1, "pass"),
        (">", 95.0, "fail"),
        ("<=", 95.0, "pass"),
        ("<=", 95.1, "fail"),
        ("<", 94.9, "pass"),
        ("<", 95.0, "fail"),
        ("==", 95.0, "pass"),
        ("==", 95.1, "fail"),
    ],
)
def test_threshold_ops_at_deadline(op, actual, status):
    result = check(make_target(threshold(op)), [obs("x", 2025, actual)], 2025)
    assert result.status == status
    assert result.op == op


@pytest.mark.parametrize(
    ("op", "status"), [(">=", "pass"), ("<=", "pass"), ("==", "pass"), (">", "fail")]
)
def test_threshold_float_noise_on_path(op, status):
    # 97.4 + (98.9 - 97.4) * 3/5 is 98.30000000000001 in floats; the data says 98.3
    target = make_target(threshold(op, 98.9), baseline=(2020, 97.4))
    assert path_value(target, 98.9, 2023) == pytest.approx(98.3)
    result = check(target, [obs("x", 2023, 98.3)], 2023)
    assert result.status == status
    assert result.expected == 98.3  # reported without the noise
    assert result.gap == 0.0


@pytest.mark.parametrize("rows", [[], [obs("x", 2023, None)], [obs("x", 2022, 99.0)]])
def test_threshold_missing(rows):
    result = check(make_target(threshold()), rows, 2023)
    assert result.status == "missing"
    # the expected value is still reported, so a table can show what data would meet
    assert (result.op, result.expected, result.actual, result.gap) == (">=", 95.0, None, None)
    assert result.detail == "no value for x in 2023"


# --- projection ------------------------------------------------------------------------


def projection(tolerance: float = 0.1) -> Projection:
    return Projection("projection", "enrol", 12000.0, tolerance)


def enrol_target() -> Target:
    return make_target(projection(), baseline=(2020, 10000.0), unit="人")


def test_projection_within_tolerance_passes():
    result = check(enrol_target(), [obs("enrol", 2023, 12000.0)], 2023)
    # path in 2023: 10000 + 2000 * 3/5 = 11200; gap 800; deviation 800 / 11200 = 1/14 ≈ +7.1%
    assert (result.status, result.op, result.expected, result.actual, result.gap) == (
        "pass",
        "≈",
        11200.0,
        12000.0,
        800.0,
    )
    assert result.numbers["deviation"] == pytest.approx(1 / 14)
    assert result.numbers["tolerance"] == 0.1
    assert result.numbers["final"] == 12000.0
    assert result.detail == "off the projection by +7.1% (tolerance ±10%)"


def test_projection_exactly_at_tolerance_passes():
    # 11200 * 1.1 = 12320: a deviation of exactly 10%
    result = check(enrol_target(), [obs("enrol", 2023, 12320.0)], 2023)
    assert result.status == "pass"
    assert result.gap == 1120.0


@pytest.mark.parametrize(
    ("year", "actual", "expected", "deviation"),
    [
        (2023, 13000.0, 11200.0, 1800 / 11200),  # +16.1%
        (2023, 9000.0, 11200.0, -2200 / 11200),  # -19.6%
        (2025, 10000.0, 12000.0, -2000 / 12000),  # at the deadline: still only a warning
    ],
)
def test_projection_outside_tolerance_warns_never_fails(year, actual, expected, deviation):
    result = check(enrol_target(), [obs("enrol", year, actual)], year)
    assert result.status == "warn"
    assert result.expected == expected
    assert result.gap == actual - expected
    assert result.numbers["deviation"] == pytest.approx(deviation)


def test_projection_without_baseline_compares_with_final_value():
    target = make_target(projection(0.05), unit="人")
    result = check(target, [obs("enrol", 2022, 11500.0)], 2022)
    # deviation -500 / 12000 ≈ -4.2%, within 5%
    assert (result.status, result.expected, result.gap) == ("pass", 12000.0, -500.0)
    assert result.detail == "off the projection by -4.2% (tolerance ±5%)"


def test_projection_missing():
    result = check(enrol_target(), [obs("enrol", 2022, 11000.0)], 2023)
    assert result.status == "missing"
    assert result.detail == "no value for enrol in 2023"


# --- yearly_change ---------------------------------------------------------------------


def yearly(op: str = ">=", delta: float = 50.0) -> Target:
    return make_target(YearlyChange("yearly_change", "teachers", op, delta), unit="人")


def test_yearly_change_passes():
    rows = [obs("teachers", 2022, 1130.0), obs("teachers", 2023, 1200.0)]
    result = check(yearly(), rows, 2023)
    # change 1200 - 1130 = 70 >= 50; expected 1130 + 50 = 1180; gap 1200 - 1180 = 20
    assert (result.status, result.expected, result.actual, result.gap) == (
        "pass",
        1180.0,
        1200.0,
        20.0,
    )
    assert result.numbers == {"previous": 1130.0, "change": 70.0, "delta": 50.0}
    assert result.detail == "changed 70 from 2022 (1,130)"


def test_yearly_change_fails():
    rows = [obs("teachers", 2022, 1130.0), obs("teachers", 2023, 1160.0)]
    result = check(yearly(), rows, 2023)
    # change 30 < 50; expected 1180; gap -20
    assert (result.status, result.expected, result.gap) == ("fail", 1180.0, -20.0)
    assert result.numbers["change"] == 30.0


def test_yearly_change_decrease_allowed():
    # "must not rise": change <= 0
    rows = [obs("teachers", 2022, 100.0), obs("teachers", 2023, 98.0)]
    assert check(yearly("<=", 0.0), rows, 2023).status == "pass"
    rows = [obs("teachers", 2022, 100.0), obs("teachers", 2023, 101.0)]
    assert check(yearly("<=", 0.0), rows, 2023).status == "fail"


def test_yearly_change_first_plan_year_compares_with_baseline_year():
    rows = [obs("teachers", 2020, 1000.0), obs("teachers", 2021, 1050.0)]
    result = check(yearly(), rows, 2021)
    assert (result.status, result.expected, result.gap) == ("pass", 1050.0, 0.0)


def test_yearly_change_missing_current():
    result = check(yearly(), [obs("teachers", 2022, 1130.0)], 2023)
    assert result.status == "missing"
    assert result.detail == "no value for teachers in 2023"


@pytest.mark.parametrize("previous", [[], [obs("teachers", 2022, None)]])
def test_yearly_change_missing_previous_year(previous):
    result = check(yearly(), [*previous, obs("teachers", 2023, 1200.0)], 2023)
    assert result.status == "missing"
    assert result.actual == 1200.0
    assert result.detail == "no value for teachers in 2022 to compare with"


def test_yearly_change_before_period_start_is_pending():
    rows = [obs("teachers", 2019, 1000.0), obs("teachers", 2020, 900.0)]
    result = check(yearly(), rows, 2020)
    assert result.status == "pending"
    assert result.detail == "applies from 2021, the plan's first year"


# --- comparison ------------------------------------------------------------------------


def comparison(op: str = ">=", factor: float = 1.0) -> Target:
    return make_target(Comparison("comparison", "spend_growth", op, "revenue_growth", factor))


def test_comparison_passes():
    rows = [obs("spend_growth", 2023, 8.0), obs("revenue_growth", 2023, 6.5)]
    result = check(comparison(), rows, 2023)
    # 8 >= 6.5; gap 1.5
    assert (result.status, result.op, result.expected, result.actual, result.gap) == (
        "pass",
        ">=",
        6.5,
        8.0,
        1.5,
    )
    assert result.numbers == {"left": 8.0, "right": 6.5, "factor": 1.0}
    assert result.detail == "spend_growth ≥ revenue_growth (6.5)"


def test_comparison_fails():
    rows = [obs("spend_growth", 2023, 6.0), obs("revenue_growth", 2023, 6.5)]
    result = check(comparison(), rows, 2023)
    assert (result.status, result.expected, result.gap) == ("fail", 6.5, -0.5)


@pytest.mark.parametrize(("left", "status", "gap"), [(5.5, "fail", -0.5), (6.0, "pass", 0.0)])
def test_comparison_factor(left, status, gap):
    rows = [obs("spend_growth", 2023, left), obs("revenue_growth", 2023, 4.0)]
    result = check(comparison(factor=1.5), rows, 2023)
    # expected 1.5 * 4 = 6
    assert (result.status, result.expected, result.gap) == (status, 6.0, gap)
    assert result.detail == "spend_growth ≥ 1.5 × revenue_growth (4)"


def test_comparison_factor_float_noise():
    # 1.1 * 3.0 is 3.3000000000000003 in floats
    rows = [obs("spend_growth", 2023, 3.3), obs("revenue_growth", 2023, 3.0)]
    result = check(comparison(factor=1.1), rows, 2023)
    assert (result.status, result.expected, result.gap) == ("pass", 3.3, 0.0)


@pytest.mark.parametrize(
    ("rows", "detail"),
    [
        ([obs("revenue_growth", 2023, 6.5)], "no value for spend_growth in 2023"),
        ([obs("spend_growth", 2023, 8.0)], "no value for revenue_growth in 2023"),
        (
            [obs("spend_growth", 2023, 8.0), obs("revenue_growth", 2023, None)],
            "no value for revenue_growth in 2023",
        ),
        ([], "no value for spend_growth and revenue_growth in 2023"),
    ],
)
def test_comparison_missing(rows, detail):
    result = check(comparison(), rows, 2023)
    assert result.status == "missing"
    assert result.detail == detail


# --- each ------------------------------------------------------------------------------


def each(
    entities: tuple[str, ...] = ("A", "B", "C"),
    op: str = ">=",
    value: float = 90.0,
    every_year: bool = False,
) -> Target:
    return make_target(Each("each", "rate", op, value, entities, every_year))


def rates(year: int, **values: float | None) -> list[Observation]:
    return [obs("rate", year, value, entity) for entity, value in values.items()]


def test_each_passes():
    result = check(each(), rates(2025, A=95.0, B=90.0, C=100.0), 2025)
    assert (result.status, result.op, result.expected, result.actual) == (
        "pass",
        ">=",
        90.0,
        "3/3 meet",
    )
    assert result.gap is None
    assert result.misses == ()
    assert result.detail == "all 3 meet ≥ 90"
    assert result.numbers == {"entities": 3.0, "meeting": 3.0, "failing": 0.0, "no_data": 0.0}


def test_each_fails_naming_entity_and_value():
    result = check(each(), rates(2025, A=95.0, B=88.5, C=90.0), 2025)
    assert result.status == "fail"
    assert result.misses == ("B (88.5)",)
    assert result.actual == "2/3 meet"
    assert result.detail == "1 not meeting ≥ 90"
    assert result.numbers == {"entities": 3.0, "meeting": 2.0, "failing": 1.0, "no_data": 0.0}


def test_each_failing_value_shown_with_thousands_separator():
    target = each(("一中", "二中"), "<=", 1200.0)
    result = check(target, rates(2025, 一中=1370.0, 二中=1100.0), 2025)
    assert result.status == "fail"
    assert result.misses == ("一中 (1,370)",)


@pytest.mark.parametrize("rows", [rates(2025, A=95.0, B=92.0), rates(2025, A=95.0, B=92.0, C=None)])
def test_each_missing_entity_listed(rows):
    result = check(each(), rows, 2025)
    assert result.status == "missing"
    assert result.misses == ("C (no data)",)
    assert result.actual == "2/3 meet, 1 without data"
    assert result.detail == "1 without data"
    assert result.numbers["no_data"] == 1.0


def test_each_failing_and_missing_is_fail_listing_both():
    result = check(each(), rates(2025, A=80.0, B=95.0), 2025)
    assert result.status == "fail"
    assert result.misses == ("A (80)", "C (no data)")
    assert result.actual == "1/3 meet, 1 without data"


def test_each_entities_from_data_when_list_empty():
    result = check(each(()), rates(2025, Z=85.0, X=95.0, Y=80.0), 2025)
    assert result.status == "fail"
    assert result.misses == ("Y (80)", "Z (85)")  # sorted by name
    assert result.actual == "1/3 meet"


def test_each_no_entity_data_is_missing():
    result = check(each(()), [obs("rate", 2024, 95.0, "A")], 2025)
    assert result.status == "missing"
    assert result.detail == "no value for rate per entity in 2025"


def test_each_before_deadline_is_pending():
    result = check(each(), rates(2023, A=95.0, B=88.5, C=90.0), 2023)
    assert result.status == "pending"
    assert result.misses == ("B (88.5)",)


def test_each_before_deadline_failing_does_not_hide_missing():
    # C alone without data is "missing" before the deadline (see above); B failing too
    # must not make it milder.
    assert check(each(), rates(2023, A=95.0, B=92.0), 2023).status == "missing"
    result = check(each(), rates(2023, A=95.0, B=88.5), 2023)
    assert result.misses == ("B (88.5)", "C (no data)")
    assert result.status == "missing"


def test_each_every_year_fails_before_deadline():
    result = check(each(every_year=True), rates(2023, A=95.0, B=88.5, C=90.0), 2023)
    assert result.status == "fail"
    assert result.misses == ("B (88.5)",)


# --- aggregate -------------------------------------------------------------------------


def aggregate(stat: str, op: str, value: float, every_year: bool = False, **where) -> Target:
    return make_target(
        Aggregate("aggregate", "score", stat, op, value, every_year=every_year, **where)
    )


def scores(year: int, *values: float | None) -> list[Observation]:
    return [obs("score", year, value, f"school{i}") for i, value in enumerate(values)]


FOUR = (80.0, 90.0, 100.0, 110.0)


@pytest.mark.parametrize(
    ("stat", "where", "actual"),
    [
        ("count", {"where_op": ">=", "where_value": 95.0}, 2.0),  # 100, 110
        ("count", {"where_op": "<", "where_value": 90.0}, 1.0),  # 80
        ("share", {"where_op": ">=", "where_value": 90.0}, 75.0),  # 3 of 4
        ("mean", {}, 95.0),  # 380 / 4
        ("min", {}, 80.0),
        ("max", {}, 110.0),
        ("sum", {}, 380.0),
    ],
)
def test_aggregate_statistics(stat, where, actual):
    result = check(aggregate(stat, ">=", actual, **where), scores(2025, *FOUR), 2025)
    assert (result.status, result.actual, result.expected, result.gap) == (
        "pass",
        actual,
        actual,
        0.0,
    )
    assert result.numbers == {"entities": 4.0}
    assert result.detail == f"{stat} over 4 entities"


def test_aggregate_default_where_counts_flags():
    # where defaults to >= 1.0: the share of schools whose flag is 1
    rows = scores(2025, 1.0, 0.0, 1.0, 1.0, 0.0)
    result = check(aggregate("share", ">=", 60.0), rows, 2025)
    assert (result.status, result.actual) == ("pass", 60.0)  # 3 of 5


def test_aggregate_cv():
    # 2,4,4,4,5,5,7,9: mean 5, population variance 32/8 = 4, sd 2, cv 2/5 = 0.4
    rows = scores(2025, 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)
    passed = check(aggregate("cv", "<=", 0.5), rows, 2025)
    assert (passed.status, passed.actual, passed.gap) == ("pass", 0.4, -0.1)
    failed = check(aggregate("cv", "<=", 0.35), rows, 2025)
    assert (failed.status, failed.actual, failed.gap) == ("fail", 0.4, 0.05)


# The national guidance's worked example (books per pupil, 5 primary schools): pupils and
# books 45/279, 37/137, 89/935, 76/160, 55/402; X̄ = 1913/302 = 6.33, S = 3.26, CV = 0.5153.
PUPILS = (45.0, 37.0, 89.0, 76.0, 55.0)
BOOKS = (279.0, 137.0, 935.0, 160.0, 402.0)


def weighted_cv(value: float) -> Target:
    rule = Aggregate("aggregate", "books_per_pupil", "cv", "<=", value, weight="pupils")
    return make_target(rule, unit="")


def national_example(year: int = 2025) -> list[Observation]:
    per_pupil = [
        obs("books_per_pupil", year, books / pupils, f"school{i}")
        for i, (pupils, books) in enumerate(zip(PUPILS, BOOKS, strict=True))
    ]
    return per_pupil + [obs("pupils", year, p, f"school{i}") for i, p in enumerate(PUPILS)]


def test_weighted_cv_reproduces_the_national_worked_example():
    result = check(weighted_cv(0.50), national_example(), 2025)
    assert result.actual == pytest.approx(0.5153, abs=5e-5)
    assert result.status == "fail"  # 0.5153 > 0.50: the district would not pass
    assert result.numbers == {"entities": 5.0, "weight_total": 302.0}
    assert result.detail == "cv over 5 entities, weighted by pupils"


def test_unweighted_cv_of_the_same_schools_differs_and_would_pass():
    # The plain standard deviation of school values, the known mistake: 0.4888 ≤ 0.50.
    rule = Aggregate("aggregate", "books_per_pupil", "cv", "<=", 0.50)
    result = check(make_target(rule, unit=""), national_example(), 2025)
    assert result.actual == pytest.approx(0.4888, abs=5e-5)
    assert result.status == "pass"


def test_weighted_mean_is_total_over_total():
    rule = Aggregate("aggregate", "books_per_pupil", "mean", ">=", 6.0, weight="pupils")
    result = check(make_target(rule, unit=""), national_example(), 2025)
    assert result.actual == pytest.approx(1913 / 302)


def test_weighted_cv_school_without_pupils_is_named_and_left_out():
    rows = [
        row for row in national_example() if (row.indicator, row.entity) != ("pupils", "school4")
    ]
    result = check(weighted_cv(0.60), rows, 2025)
    assert result.status == "missing"
    assert result.misses == ("school4 (no data)",)
    assert result.numbers == {"entities": 4.0, "weight_total": 247.0}


def test_aggregate_fails_at_deadline():
    result = check(aggregate("share", ">=", 80.0, where_value=90.0), scores(2025, *FOUR), 2025)
    # share 75 < 80; gap -5
    assert (result.status, result.expected, result.actual, result.gap) == ("fail", 80.0, 75.0, -5.0)


def test_aggregate_pending_before_deadline_unless_every_year():
    rows = scores(2023, *FOUR)
    assert check(aggregate("mean", ">=", 100.0), rows, 2023).status == "pending"
    assert check(aggregate("mean", ">=", 100.0, every_year=True), rows, 2023).status == "fail"


def test_aggregate_computes_over_entities_with_a_value_and_names_the_rest():
    result = check(aggregate("mean", ">=", 90.0), scores(2025, 80.0, None, 100.0), 2025)
    # mean of 80 and 100 only; school1 has no value, so the verdict is "missing"
    assert (result.status, result.actual) == ("missing", 90.0)
    assert result.numbers == {"entities": 2.0}
    assert result.misses == ("school1 (no data)",)


@pytest.mark.parametrize("rows", [[], scores(2025, None, None), scores(2024, *FOUR)])
def test_aggregate_missing(rows):
    result = check(aggregate("mean", ">=", 90.0), rows, 2025)
    assert result.status == "missing"
    assert result.detail == "no value for score per entity in 2025"


# --- milestone -------------------------------------------------------------------------


def milestone(deadline: int = 2025) -> Target:
    return make_target(Milestone("milestone", "m"), deadline=deadline, unit="")


def test_milestone_done_yes_passes():
    result = check(milestone(), [flag("m", 2023, True)], 2023)
    assert (result.status, result.expected, result.actual) == ("pass", "done by 2025", "yes")
    assert result.op is None
    assert result.gap is None
    assert result.detail == "done (yes)"
    assert result.numbers == {"deadline": 2025.0}


@pytest.mark.parametrize("on", ["2024-06-30", "2025-12-31", "2025"])
def test_milestone_done_by_date_in_time_passes(on):
    result = check(milestone(), [flag("m", 2025, True, on)], 2025)
    assert (result.status, result.actual) == ("pass", on)


def test_milestone_done_late_fails():
    result = check(milestone(), [flag("m", 2026, True, "2026-03-01")], 2026)
    assert (result.status, result.actual) == ("fail", "2026-03-01")
    assert result.detail == "done late (2026-03-01, due 2025)"


def test_milestone_not_done_before_deadline_is_pending():
    result = check(milestone(), [flag("m", 2023, False)], 2023)
    assert (result.status, result.actual) == ("pending", "no")
    assert result.detail == "not yet done; due by 2025"


@pytest.mark.parametrize("year", [2025, 2026])
def test_milestone_not_done_at_deadline_fails(year):
    result = check(milestone(), [flag("m", year, False)], year)
    assert (result.status, result.actual) == ("fail", "no")
    assert result.detail == "not done; due by 2025"


def test_milestone_done_earlier_carries_forward():
    rows = [flag("m", 2021, False), flag("m", 2022, True, "2022-09-01"), obs("m", 2024, None)]
    result = check(milestone(), rows, 2025)
    # 2024 has "no value" and 2025 nothing: the 2022 row is the latest with a value
    assert (result.status, result.actual) == ("pass", "2022-09-01")


def test_milestone_undated_yes_after_missed_deadline_fails():
    rows = [flag("m", 2025, False), flag("m", 2026, True)]
    assert check(milestone(), rows, 2025).status == "fail"
    assert check(milestone(), rows, 2026).status == "fail"


def test_milestone_ignores_later_years():
    rows = [flag("m", 2022, False), flag("m", 2023, False), flag("m", 2024, True, "2024-05-01")]
    result = check(milestone(), rows, 2023)
    assert (result.status, result.actual) == ("pending", "no")


def test_milestone_not_done_before_deadline_does_not_carry_forward():
    # "no" in 2022 says nothing about 2023: the 2023 data must say it.
    result = check(milestone(), [flag("m", 2022, False)], 2023)
    assert (result.status, result.actual) == ("missing", None)


def test_milestone_not_done_at_deadline_stays_failed_without_later_data():
    # m is due by 2024 and 2024 said "no": the deadline was missed, whatever 2025 lacks.
    result = check(milestone(deadline=2024), [flag("m", 2024, False)], 2025)
    assert (result.status, result.actual) == ("fail", "no")


@pytest.mark.parametrize("rows", [[], [obs("m", 2023, None)], [flag("m", 2024, True)]])
def test_milestone_missing(rows):
    result = check(milestone(), rows, 2023)
    assert result.status == "missing"
    assert result.detail == "no value for m in 2023"


# --- checklist -------------------------------------------------------------------------


def checklist() -> Target:
    items = (ChecklistItem("A", 2022), ChecklistItem("B", 2023), ChecklistItem("C", 2025))
    return make_target(Checklist("checklist", "reform", items), unit="")


def item(name: str, year: int, done: bool, on: str | None = None) -> Observation:
    return flag("reform", year, done, on, entity=name)


def test_checklist_due_items_done_passes():
    rows = [item("A", 2022, True, "2022-09-01"), item("B", 2023, True)]
    result = check(checklist(), rows, 2023)
    assert result.status == "pass"
    assert result.expected == "2 of 3 due by 2023"
    assert result.actual == "2 of 3 done"
    assert result.misses == ()
    assert result.detail == "all 2 due item(s) done"
    assert result.numbers == {"items": 3.0, "due": 2.0, "done": 2.0}


def test_checklist_all_done_passes():
    rows = [item("A", 2022, True), item("B", 2023, True), item("C", 2025, True, "2025-01-15")]
    result = check(checklist(), rows, 2025)
    assert (result.status, result.detail, result.actual) == (
        "pass",
        "all items done",
        "3 of 3 done",
    )


def test_checklist_item_done_early_counts_as_done():
    rows = [item("A", 2022, True), item("B", 2023, True), item("C", 2023, True)]
    result = check(checklist(), rows, 2023)
    assert result.status == "pass"
    assert result.numbers == {"items": 3.0, "due": 2.0, "done": 3.0}


def test_checklist_missed_item_named():
    rows = [item("A", 2022, True), item("B", 2023, False), item("C", 2023, False)]
    result = check(checklist(), rows, 2023)
    assert result.status == "fail"
    # C is not due until 2025, so its "no" is not a miss
    assert result.misses == ("B (not done; due by 2023)",)
    assert result.actual == "1 of 3 done"
    assert result.detail == "1 due item(s) not done in time"


def test_checklist_item_done_late_fails():
    rows = [item("A", 2022, True), item("B", 2024, True, "2024-03-01")]
    result = check(checklist(), rows, 2024)
    assert result.status == "fail"
    assert result.misses == ("B (done late (2024-03-01, due 2023))",)
    assert result.expected == "2 of 3 due by 2024"


def test_checklist_nothing_due_yet_is_pending():
    result = check(checklist(), [item("A", 2021, False)], 2021)
    assert result.status == "pending"
    assert result.expected == "0 of 3 due by 2021"
    assert result.actual == "0 of 3 done"
    assert result.misses == ()
    assert result.detail == "nothing due until 2022"


def test_checklist_due_item_without_data_is_missing():
    rows = [item("A", 2022, True)]
    result = check(checklist(), rows, 2023)
    assert result.status == "missing"
    assert result.misses == ("B (no data)",)  # C is not due: pending, not missing
    assert result.detail == "1 due item(s) without data"


def test_checklist_fail_outranks_missing():
    result = check(checklist(), [item("A", 2022, False)], 2023)
    assert result.status == "fail"
    assert result.misses == ("A (not done; due by 2022)", "B (no data)")


# --- approximate -----------------------------------------------------------------------


def approximate(tolerance: float = 2.0) -> Target:
    return make_target(Approximate("approximate", "parks", 22.0, tolerance), unit="个")


@pytest.mark.parametrize("actual", [20.0, 21.0, 22.0, 24.0])
def test_approximate_within_tolerance_passes(actual):
    result = check(approximate(), [obs("parks", 2025, actual)], 2025)
    assert (result.status, result.op, result.expected, result.actual) == ("pass", "≈", 22.0, actual)
    assert result.gap == actual - 22.0
    assert result.numbers == {"low": 20.0, "high": 24.0}
    assert result.detail == "within 20–24"


@pytest.mark.parametrize("year", [2023, 2025])
def test_approximate_above_warns(year):
    result = check(approximate(), [obs("parks", year, 25.0)], year)
    assert (result.status, result.gap) == ("warn", 3.0)
    assert result.detail == "more than planned (about 22 ± 2)"


def test_approximate_below_at_deadline_fails():
    result = check(approximate(), [obs("parks", 2025, 18.0)], 2025)
    assert (result.status, result.gap) == ("fail", -4.0)
    assert result.detail == "short of 20"


def test_approximate_below_before_deadline_is_pending():
    result = check(approximate(), [obs("parks", 2023, 15.0)], 2023)
    assert (result.status, result.gap) == ("pending", -7.0)
    assert result.detail == "short of 20; due by 2025"


def test_approximate_zero_tolerance():
    assert check(approximate(0.0), [obs("parks", 2025, 22.0)], 2025).status == "pass"
    assert check(approximate(0.0), [obs("parks", 2025, 23.0)], 2025).status == "warn"


def test_approximate_missing():
    result = check(approximate(), [obs("parks", 2025, None)], 2025)
    assert result.status == "missing"
    assert result.detail == "no value for parks in 2025"


# --- judge -----------------------------------------------------------------------------


def test_judge_gives_one_result_per_target_with_target_fields():
    first = make_target(threshold(), id="t1")
    second = make_target(Milestone("milestone", "m"), id="t2", unit="")
    plan = make_plan(first, second)
    results = judge(plan, Dataset("test", [obs("x", 2025, 96.0)]), 2025)
    assert [(r.target, r.kind, r.status, r.year) for r in results] == [
        ("t1", "threshold", "pass", 2025),
        ("t2", "milestone", "missing", 2025),
    ]
    assert (results[0].section, results[0].nature, results[0].unit) == ("s", "binding", "%")
    assert (results[0].name_zh, results[0].name_en) == ("目标", "target")


def test_every_year_threshold_ignores_the_path():
    # every_year: 99 is the standard in each year, not a point on a path from a baseline.
    target = make_target(
        Threshold("threshold", "rate", ">=", 99.0, every_year=True),
        baseline=(2020, 97.0),
    )
    result = check(target, [obs("rate", 2022, 98.0)], 2022)
    assert (result.status, result.expected, result.gap) == ("fail", 99.0, -1.0)


def test_aggregate_entity_without_value_is_missing():
    rows = [obs("score", 2025, 80.0, entity="A"), obs("score", 2025, None, entity="B")]
    result = check(aggregate("mean", ">=", 70.0), rows, 2025)
    assert (result.status, result.actual, result.misses) == ("missing", 80.0, ("B (no data)",))


def test_a_cv_over_its_limit_names_the_schools_that_make_it():
    # National example, X̄ = 6.33: weighted squared deviations (the notes' figures) 0.003
    # (school0, 6.2), 0.85 (school1, 3.70), 5.13 (school2, 10.51), 4.50 (school3, 2.11),
    # 0.17 (school4, 7.31); sum 10.65. school2 48 %, school3 42 %: together 90 % ≥ 80 %.
    result = check(weighted_cv(0.50), national_example(), 2025)
    assert result.misses == (
        "school2 (10.51, above the mean 6.33; 48% of the spread)",
        "school3 (2.11, below the mean 6.33; 42% of the spread)",
    )


def test_a_cv_within_its_limit_names_no_school():
    assert check(weighted_cv(0.60), national_example(), 2025).misses == ()


def stage_roster() -> Roster:
    kinds = ("小学", "小学", "初中", "初中", "小学")
    entities = tuple(
        Entity(f"school{i}", (), "", kind, "", "", None, None, i + 2)
        for i, kind in enumerate(kinds)
    )
    return Roster("roster.csv", entities, True)


def stage_cv(kinds: tuple[str, ...]) -> Target:
    rule = Aggregate("aggregate", "books_per_pupil", "cv", "<=", 0.5, weight="pupils", kinds=kinds)
    return make_target(rule, unit="")


def test_a_cv_over_one_stage_counts_only_the_roster_schools_of_that_stage():
    # 小学 school0, school1, school4: pupils 45, 37, 55 (137); books 279, 137, 402 (818);
    # X̄ = 818 / 137 = 5.9708; values 6.2, 3.7027, 7.3091; weighted squared deviations
    # 0.0173, 1.3893, 0.7190 → 2.1256; S = 1.4579; CV = 0.2442.
    target = stage_cv(("小学",))
    context = Context(make_plan(target), Dataset("t", national_example()), 2025, stage_roster())
    result = evaluate(target, context)
    assert result.actual == pytest.approx(0.2442, abs=5e-5)
    assert (result.status, result.numbers["weight_total"]) == ("pass", 137.0)


def test_a_cv_over_a_stage_names_schools_the_roster_does_not_know_or_that_sent_nothing():
    rows = [row for row in national_example() if row.entity != "school0"]
    rows += [obs("books_per_pupil", 2025, 5.0, "新学校"), obs("pupils", 2025, 50.0, "新学校")]
    target = stage_cv(("小学",))
    result = evaluate(target, Context(make_plan(target), Dataset("t", rows), 2025, stage_roster()))
    assert result.status == "missing"
    assert result.misses == ("school0 (no data)", "新学校 (not in the roster: of which kind?)")


def test_a_cv_over_a_stage_without_a_roster_counts_what_is_reported_and_says_so():
    result = check(stage_cv(("小学", "九年一贯制")), national_example(), 2025)
    assert (result.status, result.detail) == (
        "fail",
        "cv over 5 entities, weighted by pupils (no roster: those the data reports)",
    )


def test_a_school_with_zero_pupils_is_left_out_of_a_weighted_cv_and_named():
    rows = [
        row for row in national_example() if (row.indicator, row.entity) != ("pupils", "school4")
    ]
    rows.append(obs("pupils", 2025, 0.0, "school4"))
    result = check(weighted_cv(0.60), rows, 2025)
    assert (result.status, result.misses) == ("missing", ("school4 (no data)",))
    assert result.numbers == {"entities": 4.0, "weight_total": 247.0}
