"""Plausibility: typing mistakes refused with the likely intended value; surprising moves.

Every case runs on the bundled plan's real indicators, so the ranges declared in
``data/plan.yaml`` are tested together with the code that applies them.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lzplan.display import format_number
from lzplan.flags import surprising
from lzplan.model import Approximate, Each, Indicator, Plan, Projection, Threshold
from lzplan.planfile import load_plan
from lzplan.plausible import implausible, plausible_range, within
from lzplan.values import convert, counts_whole_things, is_no_value, normalise, parse_number

from .conftest import ROOT

PLAN = load_plan()
NUMBERS = [indicator for indicator in PLAN.indicators if indicator.type == "number"]

#: The roster's one vocabulary of entity kinds.
KINDS = (
    "小学",
    "初中",
    "九年一贯制",
    "十二年一贯制",
    "完全中学",
    "高中",
    "教学点",
    "幼儿园",
    "特殊教育学校",
    "职业学校",
    "镇",
    "街道",
)
#: The 中小学 the per-school rules range over (see the targets' notes).
PRIMARY_AND_SECONDARY = ("小学", "初中", "九年一贯制", "十二年一贯制", "完全中学", "高中")
#: Number indicators deliberately without a range: none.
WITHOUT_RANGE: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def plan() -> Plan:
    return PLAN


def indicator(indicator_id: str) -> Indicator:
    return PLAN.indicator(indicator_id)


def typed(indicator_id: str, written: float, unit: str = "") -> str | None:
    """What ``implausible`` says of ``written`` typed in ``unit`` (converted as the reader does)."""
    target = indicator(indicator_id)
    value = convert(written, unit, target.unit)
    return implausible(target, value, written, unit)


# --- default ranges --------------------------------------------------------------------


def made(
    unit: str,
    kind: Literal["number", "flag"] = "number",
    plausible: tuple[float, float] | None = None,
) -> Indicator:
    return Indicator(
        id="x", name_zh="某指标", name_en="x", unit=unit, type=kind, plausible=plausible
    )


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("%", (0.0, 100.0)),
        ("％", (0.0, 100.0)),
        ("人", (0.0, math.inf)),
        ("名", (0.0, math.inf)),
        ("万人", (0.0, math.inf)),
        ("所", (0.0, math.inf)),
        ("次", (0.0, math.inf)),
        ("门", (0.0, math.inf)),
        ("个", (0.0, math.inf)),
        ("间", (0.0, math.inf)),
        ("元", (0.0, math.inf)),
        ("万元", (0.0, math.inf)),
        ("亿元", (0.0, math.inf)),
        ("课时/周", (0.0, math.inf)),
        ("小时/天", (0.0, math.inf)),
        ("m²", (0.0, math.inf)),
        ("km", None),
        ("", None),
    ],
)
def test_default_range_by_unit(unit: str, expected: tuple[float, float] | None) -> None:
    assert plausible_range(made(unit)) == expected


def test_a_declared_range_wins_and_flags_have_none() -> None:
    assert plausible_range(made("%", plausible=(50, 150))) == (50, 150)
    assert plausible_range(made("人", plausible=(0, 20))) == (0, 20)
    assert plausible_range(made("", kind="flag")) is None


def test_no_range_means_nothing_is_refused() -> None:
    unknown = made("km")
    assert implausible(unknown, -5e9, -5e9, "") is None


# --- each kind of mistake, on the bundled plan's indicators -----------------------


def test_a_share_typed_as_a_fraction() -> None:
    assert typed("preschool_gross_enrolment_rate", 0.992) == (
        "0.992 is not a plausible percentage for preschool_gross_enrolment_rate "
        "(expected 50–120); a fraction? did you mean 99.2? write 99.2, "
        "or give the unit 'fraction'"
    )


@pytest.mark.parametrize(
    ("indicator_id", "written", "meant"),
    [
        ("myopia_rate", 0.516, "51.6"),
        ("compulsory_retention_rate", 1, "100"),  # 1 for 100 %: the commonest slip
        ("special_education_resource_coverage", 1, "100"),
        ("multimedia_classroom_coverage", 1, "100"),
        ("teacher_it_training_completion", 0.57, "57"),  # 56.99999999999999 shown as 57
        ("inclusive_kindergarten_coverage", 0.928, "92.8"),
    ],
)
def test_fractions_are_caught_for_every_share_with_a_realistic_floor(
    indicator_id: str, written: float, meant: str
) -> None:
    message = typed(indicator_id, written)
    assert message is not None
    assert f"a fraction? did you mean {meant}? write {meant}," in message


def test_a_fraction_typed_with_a_percent_sign_is_told_to_keep_it() -> None:
    message = typed("fitness_test_pass_rate", 0.964, "%")
    assert message == (
        "0.964% is not a plausible percentage for fitness_test_pass_rate (expected 30–100); "
        "a fraction? did you mean 96.4%? write 96.4%"
    )


def test_a_fraction_is_plausible_where_the_range_starts_at_zero() -> None:
    # a bare default share: 0.5 may be a real half a percent, so nothing is refused
    assert implausible(made("%"), 0.5, 0.5, "") is None


@pytest.mark.parametrize(
    ("indicator_id", "written", "meant"),
    [
        ("high_school_gross_enrolment_rate", 992, "99.2"),
        ("high_school_gross_enrolment_rate", 9920, "99.2"),
        ("preschool_gross_enrolment_rate", 9.93, "99.3"),
        ("myopia_rate", 516, "51.6"),
        ("kindergarten_enrolment", 0.0137, "1.37"),
        ("general_high_school_enrolment", 13, "1.3"),
        ("secondary_vocational_enrolment", 4.5, "0.45"),
    ],
)
def test_a_slipped_decimal_point(indicator_id: str, written: float, meant: str) -> None:
    message = typed(indicator_id, written)
    assert message is not None
    assert message.endswith(f"a misplaced decimal point? did you mean {meant}? write {meant}")


def test_a_rate_message_in_full() -> None:
    assert typed("high_school_gross_enrolment_rate", 992) == (
        "992 is not a plausible percentage for high_school_gross_enrolment_rate "
        "(expected 50–120); a misplaced decimal point? did you mean 99.2? write 99.2"
    )


def test_a_count_of_persons_under_an_indicator_in_wan() -> None:
    assert typed("kindergarten_enrolment", 15370) == (
        "15,370 is not a plausible count for kindergarten_enrolment (expected 0.2–5 万人); "
        "in 人? did you mean 1.537 万人? give the unit 人, or write 1.537"
    )
    message = typed("compulsory_enrolment", 49000)
    assert message is not None
    assert "did you mean 4.9 万人? give the unit 人" in message


def test_a_wrong_explicit_unit_is_refused_with_the_right_one() -> None:
    message = typed("kindergarten_enrolment", 15370, "万人")
    assert message is not None
    assert message.startswith("15,370 万人 is not a plausible count")
    assert "give the unit 人" in message
    message = typed("compulsory_enrolment", 49000, "名")  # 名 is 人: no point suggesting it
    assert message is None
    message = typed("compulsory_enrolment", 4.9, "名")
    assert message is not None
    assert "did you mean 4.9 万人? give the unit 万人" in message
    # and the other way round: 1.537 labelled 人 is 0.0001537 万人
    message = typed("kindergarten_enrolment", 1.537, "人")
    assert message is not None
    assert "found 0.000154 万人" in message
    assert "did you mean 1.537 万人? give the unit 万人" in message


@pytest.mark.parametrize(
    ("indicator_id", "written", "advice"),
    [
        ("teacher_average_pay", 11.86, "did you mean 118,600 元? give the unit 万元"),
        ("civil_servant_average_pay", 11.65, "did you mean 116,500 元? give the unit 万元"),
        (
            "education_general_budget_expenditure",
            1_824_000_000,
            "did you mean 182,400 万元? give the unit 元",
        ),
        (
            "education_general_budget_expenditure",
            18.24,
            "did you mean 182,400 万元? give the unit 亿元",
        ),
        (
            "education_general_budget_expenditure_per_student",
            2.231,
            "did you mean 22,310 元? give the unit 万元",
        ),
    ],
)
def test_money_in_the_wrong_unit(indicator_id: str, written: float, advice: str) -> None:
    message = typed(indicator_id, written)
    assert message is not None
    assert advice in message


def test_the_user_insists_by_giving_the_unit() -> None:
    assert typed("kindergarten_enrolment", 15370, "人") is None
    assert typed("kindergarten_enrolment", 20249, "名") is None
    assert typed("preschool_gross_enrolment_rate", 0.992, "fraction") is None
    assert typed("teacher_average_pay", 11.86, "万元") is None
    assert typed("education_general_budget_expenditure", 18.24, "亿元") is None


@pytest.mark.parametrize(
    ("indicator_id", "written", "shown"),
    [
        ("mental_health_teachers", -1, "-1 is not a plausible count"),
        ("kindergartens", -107, "-107 is not a plausible count"),
        ("education_general_budget_expenditure", -182400, "-182,400 is not a plausible amount"),
    ],
)
def test_negative_counts(indicator_id: str, written: float, shown: str) -> None:
    message = typed(indicator_id, written)
    assert message is not None
    assert message.startswith(shown)
    assert " cannot be negative (a change from last year?)" in message
    assert f"write the figure itself: {format_number(-written)}, if the sign is a slip" in message


def test_negative_money_reads_as_english() -> None:
    message = typed("education_general_budget_expenditure", -182400)
    assert message is not None
    assert "; an amount cannot be negative" in message


def test_a_negative_whose_size_is_implausible_too_gets_no_guess() -> None:
    message = typed("kindergartens", -5)
    assert message is not None
    assert message.endswith(
        "cannot be negative (a change from last year?); write the figure itself"
    )


def test_a_share_above_100_is_refused_where_it_cannot_be() -> None:
    assert typed("inclusive_kindergarten_coverage", 100.5) == (
        "100.5 is not a plausible percentage for inclusive_kindergarten_coverage "
        "(expected 20–100); a share cannot be more than 100 %; check the figure and the "
        "total it is a share of"
    )


def test_gross_and_retention_rates_may_exceed_100() -> None:
    assert typed("preschool_gross_enrolment_rate", 104.2) is None
    assert typed("high_school_gross_enrolment_rate", 112) is None
    assert typed("compulsory_retention_rate", 100.2) is None
    # but not by tens of points: 149 is a slip (the newcomer trial's case), never a pass
    assert typed("compulsory_retention_rate", 149) is not None
    assert typed("high_school_gross_enrolment_rate", 149) is not None


def test_minutes_typed_for_hours() -> None:
    assert typed("daily_in_school_exercise_hours", 60) == (
        "60 is not a plausible value for daily_in_school_exercise_hours (expected 0–4 小时/天); "
        "in 分钟/天? did you mean 1 小时/天? give the unit 分钟/天, or write 1"
    )


def test_a_weekly_figure_given_per_year_is_refused_without_a_guess() -> None:
    message = typed("labour_education_class_hours", 36)
    assert message is not None
    assert "did you mean" not in message
    assert message.endswith(
        "check the figure; if it really is right, ask whoever keeps the plan to widen its "
        "plausible range for labour_education_class_hours"
    )


def test_zero_under_a_floor_is_told_how_to_write_no_value() -> None:
    message = typed("myopia_rate", 0)
    assert message is not None
    assert message.endswith("if there is none, leave the value empty or write —")


# --- fractions of whole things ------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "written", "unit"),
    [
        ("mental_health_teachers", 1.5, "人"),  # per school
        ("town_public_central_kindergartens", 0.5, "所"),  # per town
        ("kindergarten_responsible_supervisors", 12.5, "人"),
        ("public_kindergarten_places_added", 300.5, "个"),
    ],
)
def test_a_fraction_of_whole_things_is_refused(
    indicator_id: str, written: float, unit: str
) -> None:
    assert typed(indicator_id, written) == (
        f"{format_number(written)} is not a plausible count for {indicator_id} "
        f"(expected a whole number); a count of whole {unit} cannot be "
        f"{format_number(written)}; check the figure"
    )


def test_a_fraction_of_whole_things_outside_the_range_says_both() -> None:
    assert typed("kindergartens", 0.5) == (
        "0.5 is not a plausible count for kindergartens (expected 20–300 所); "
        "a count of whole 所 cannot be 0.5; check the figure"
    )


def test_a_fraction_of_persons_may_be_a_figure_in_wan() -> None:
    # 1.5 在校生 is 1.5 万 typed without its unit: the whole number it most likely was
    assert typed("students_total", 1.5) == (
        "1.5 is not a plausible count for students_total (expected a whole number); "
        "in 万人? did you mean 15,000 人? give the unit 万人, or write 15,000"
    )


def test_a_fraction_of_whole_things_in_another_unit_names_the_converted_figure() -> None:
    assert typed("students_total", 1.53725, "万人") == (
        "1.53725 万人 is not a plausible count for students_total "
        "(expected a whole number, found 15,372.5 人); "
        "a count of whole 人 cannot be 15,372.5; check the figure"
    )


def test_a_negative_fraction_of_whole_things_gets_no_guess() -> None:
    message = typed("mental_health_teachers", -1.5)
    assert message is not None
    assert message.endswith(
        "cannot be negative (a change from last year?); write the figure itself"
    )


@pytest.mark.parametrize(
    ("indicator_id", "written", "unit"),
    [
        ("kindergarten_enrolment", 1.537, ""),  # 万人: not a count of whole things
        ("students_total", 1.537, "万人"),  # 15,370 人, whole after the conversion
        ("teacher_average_pay", 118600.5, ""),  # money
        ("education_general_budget_expenditure", 182400.25, ""),
        ("daily_in_school_exercise_hours", 1.5, ""),  # hours
        ("labour_education_class_hours", 1.5, ""),
        ("myopia_rate", 51.6, ""),  # %
        ("mental_health_teachers", 2, ""),
        ("mental_health_teachers", 2.0000000000000004, ""),  # float noise
    ],
)
def test_fractions_are_fine_where_they_are_real(
    indicator_id: str, written: float, unit: str
) -> None:
    assert typed(indicator_id, written, unit) is None


def test_an_average_in_a_unit_of_whole_things_may_be_fractional() -> None:
    visits = made("次")
    assert implausible(visits, 1.5, 1.5, "") is not None
    per_capita = replace(visits, name_zh="人均到馆次数")
    assert implausible(per_capita, 1.6, 1.6, "") is None
    per_hundred = replace(made("台"), aliases=("每百名学生拥有计算机台数",))
    assert implausible(per_hundred, 12.5, 12.5, "") is None


def test_just_outside_a_range_gets_no_decimal_guess() -> None:
    # 45 for a range from 50: not a slipped decimal point (4.5 or 450 would not fit either)
    message = typed("preschool_gross_enrolment_rate", 45)
    assert message is not None
    assert "did you mean" not in message


# --- boundaries ------------------------------------------------------------------------


@pytest.mark.parametrize("item", NUMBERS, ids=lambda item: item.id)
def test_range_ends_are_plausible_and_just_beyond_is_not(item: Indicator) -> None:
    bounds = plausible_range(item)
    assert bounds is not None
    low, high = bounds
    below = low - max(0.001, abs(low) * 1e-6)
    assert implausible(item, low, low, "") is None
    assert implausible(item, below, below, "") is not None
    if math.isinf(high):
        assert implausible(item, 1e15, 1e15, "") is None
    else:
        above = high + max(0.001, high * 1e-6)
        assert implausible(item, high, high, "") is None
        assert implausible(item, above, above, "") is not None


def test_float_noise_from_a_conversion_is_forgiven() -> None:
    # 2000 人 is 0.2 万人 exactly at the floor; 0.05 × 100 = 5.000000000000001
    assert typed("kindergarten_enrolment", 2000, "人") is None
    assert typed("fitness_test_good_rate", 0.05, "fraction") is None
    assert within(0.30000000000000004, (0.0, 0.3))


# --- every message, for any number --------------------------------------------------

_GUESS = re.compile(r"(?:did you mean|write the figure itself:) (-?[\d,.]+)")


@given(
    item=st.sampled_from(NUMBERS),
    written=st.one_of(
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
        st.sampled_from([0.0, 0.5, 1.0, 0.992, 9.92, 992.0, 15370.0, 60.0, -1.0]),
    ),
)
def test_every_value_is_plausible_or_refused_with_a_guess_that_fits(
    item: Indicator, written: float
) -> None:
    bounds = plausible_range(item)
    assert bounds is not None
    message = implausible(item, written, written, "")
    if fits(item, written, bounds):
        assert message is None
        return
    assert message is not None
    assert message.startswith(f"{format_number(written)} is not a plausible ")
    assert f" for {item.id} (expected " in message
    guess = _GUESS.search(message)
    if guess:
        meant = float(guess.group(1).replace(",", ""))
        assert fits(item, meant, bounds), message


def fits(item: Indicator, value: float, bounds: tuple[float, float]) -> bool:
    """In range and, for a count of whole things, whole (to within float noise)."""
    whole = abs(value - round(value)) <= 1e-9 * max(1.0, abs(value))
    return within(value, bounds) and (whole or not counts_whole_things(item))


# --- surprising moves --------------------------------------------------------------------


def test_a_count_that_rises_45_percent_is_flagged() -> None:
    assert surprising(indicator("kindergarten_enrolment"), 2.0, 2.9) == (
        "幼儿在园人数 rose 45 % in a year (2 → 2.9 万人); check the figure and its unit"
    )


def test_a_count_that_falls_35_percent_is_flagged() -> None:
    text = surprising(indicator("kindergarten_enrolment"), 2.0, 1.3)
    assert text is not None
    assert text.startswith("幼儿在园人数 fell 35 % in a year (2 → 1.3 万人)")


@pytest.mark.parametrize(("previous", "current"), [(2.0, 2.4), (2.0, 1.6), (2.0, 2.6), (2.0, 2.0)])
def test_moves_of_30_percent_or_less_are_not_flagged(previous: float, current: float) -> None:
    assert surprising(indicator("kindergarten_enrolment"), previous, current) is None


def test_percentages_and_flags_are_never_flagged() -> None:
    assert surprising(indicator("myopia_rate"), 40, 60) is None
    assert surprising(indicator("preschool_gross_enrolment_rate"), 60, 99) is None
    assert surprising(indicator("preschool_national_accreditation"), 1, 5) is None


def test_money_is_flagged_too() -> None:
    text = surprising(indicator("education_general_budget_expenditure"), 182400, 300000)
    assert text is not None
    assert text.startswith("一般公共预算教育支出 rose 64 % in a year")


def test_a_move_over_several_years_is_taken_per_year() -> None:
    kindergarten = indicator("kindergarten_enrolment")
    assert surprising(kindergarten, 2.0, 2.9, years=2) is None  # about 20 % a year
    text = surprising(kindergarten, 2.0, 4.0, years=2)
    assert text == (
        "幼儿在园人数 rose 100 % in 2 years (41 % a year) (2 → 4 万人); "
        "check the figure and its unit"
    )


def test_small_counts_of_whole_things_are_not_flagged() -> None:
    assert surprising(indicator("mental_health_teachers"), 1, 2) is None
    assert surprising(indicator("inclusive_education_provincial_demo_schools"), 3, 6) is None
    text = surprising(indicator("kindergartens"), 107, 60)
    assert text is not None
    assert text.startswith("幼儿园数 fell 44 %")


def test_a_move_from_zero_has_no_percentage() -> None:
    assert surprising(indicator("learning_organisations_cumulative"), 0, 40) is None


def test_years_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        surprising(indicator("kindergarten_enrolment"), 2.0, 2.9, years=0)


# --- the bundled plan's ranges ---------------------------------------------------------


def test_every_number_indicator_has_a_range(plan: Plan) -> None:
    without = {item.id for item in plan.indicators if item.type == "number"}
    without = {item_id for item_id in without if plausible_range(plan.indicator(item_id)) is None}
    assert without == WITHOUT_RANGE


def test_declared_ranges_are_ordered(plan: Plan) -> None:
    for item in plan.indicators:
        if item.plausible is not None:
            low, high = item.plausible
            assert low < high, item.id
            assert item.type == "number", item.id


def test_every_share_refuses_1_typed_for_100_percent(plan: Plan) -> None:
    # A % range starting at 0 would read 1 (or 0.98) as one percent: a silent wrong verdict.
    starts_low = [
        item.id
        for item in plan.indicators
        if item.unit == "%" and (plausible_range(item) or (0.0, 0.0))[0] <= 1
    ]
    assert starts_low == []


def test_the_plans_own_figures_are_plausible(plan: Plan) -> None:
    checked = 0
    for target in plan.targets:
        rule = target.rule
        if not isinstance(rule, (Threshold, Projection, Each, Approximate)):
            continue
        bounds = plausible_range(plan.indicator(rule.indicator))
        assert bounds is not None
        assert within(rule.value, bounds), target.id
        checked += 1
        if target.baseline is not None:
            assert within(target.baseline.value, bounds), target.id
    assert checked > 20


def bundled_rows() -> list[tuple[str, dict[str, str]]]:
    rows: list[tuple[str, dict[str, str]]] = []
    for folder in ("actuals", "illustrative"):
        for path in sorted((ROOT / "data" / folder).glob("*.csv")):
            with Path(path).open(encoding="utf-8-sig", newline="") as handle:
                rows.extend((f"{folder}/{path.name}", row) for row in csv.DictReader(handle))
    return rows


def test_the_bundled_data_is_plausible(plan: Plan) -> None:
    checked = 0
    for name, row in bundled_rows():
        item = plan.indicator(row["indicator"])
        if item.type != "number" or is_no_value(row["value"]):
            continue
        written, percent = parse_number(row["value"])
        unit = "%" if percent else row.get("unit", "")
        value = convert(written, unit, item.unit)
        assert implausible(item, value, written, unit) is None, (name, row)
        checked += 1
    assert checked > 50


# --- aliases ---------------------------------------------------------------------------


def test_no_name_or_alias_fits_two_indicators(plan: Plan) -> None:
    owners: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for item in plan.indicators:
        for name in (item.name_zh, *item.aliases):
            key = normalise(name)
            owners.setdefault(key, set()).add(item.id)
            counts[key] += 1
    shared = {name: owners[name] for name, count in counts.items() if count > 1}
    assert shared == {}


def test_no_alias_is_another_indicators_id(plan: Plan) -> None:
    ids = {item.id.lower() for item in plan.indicators}
    clashes = [
        (item.id, alias)
        for item in plan.indicators
        for alias in item.aliases
        if normalise(alias).lower() in ids
    ]
    assert clashes == []


def test_the_names_bureaus_write_are_aliases(plan: Plan) -> None:
    expected = {
        "在园幼儿数": "kindergarten_enrolment",
        "在园幼儿": "kindergarten_enrolment",
        "毛入园率": "preschool_gross_enrolment_rate",
        "巩固率": "compulsory_retention_rate",
        "近视率": "myopia_rate",
        "高中阶段教育毛入学率": "high_school_gross_enrolment_rate",
    }
    by_alias = {alias: item.id for item in plan.indicators for alias in item.aliases}
    assert {alias: by_alias.get(alias) for alias in expected} == expected


def test_a_count_based_share_is_never_an_alias_of_a_share_of_children(plan: Plan) -> None:
    # 公办幼儿园占比 is published by count of kindergartens: it must not reach the target.
    aliases = {alias for item in plan.indicators for alias in item.aliases}
    assert not {"公办幼儿园占比", "普惠性幼儿园占比", "公办园占比", "毛入学率"} & aliases


# --- roster kinds of the per-entity rules -----------------------------------------------


def each_rules(plan: Plan) -> dict[str, Each]:
    return {target.id: target.rule for target in plan.targets if isinstance(target.rule, Each)}


def test_every_each_rule_names_its_kinds_from_the_vocabulary(plan: Plan) -> None:
    rules = each_rules(plan)
    assert set(rules) == {
        "preschool.town_central_kindergartens",
        "health_pe.mental_health_teachers",
        "health_pe.daily_exercise",
        "labour.weekly_class_hours",
        "labour.labour_week",
        "labour.practice_activity_per_term",
        "health_pe.health_vice_principal",
    }
    for target_id, rule in rules.items():
        assert rule.kinds, target_id
        assert set(rule.kinds) <= set(KINDS), target_id
        assert len(set(rule.kinds)) == len(rule.kinds), target_id


def test_the_town_rule_is_for_towns_not_subdistricts(plan: Plan) -> None:
    assert each_rules(plan)["preschool.town_central_kindergartens"].kinds == ("镇",)


@pytest.mark.parametrize(
    "target_id",
    ["health_pe.mental_health_teachers", "health_pe.daily_exercise", "labour.weekly_class_hours"],
)
def test_the_school_rules_are_for_primary_and_secondary_schools(plan: Plan, target_id: str) -> None:
    assert each_rules(plan)[target_id].kinds == PRIMARY_AND_SECONDARY
    target = next(target for target in plan.targets if target.id == target_id)
    assert "mental_health_teachers" in target.note or "中小学" in target.note


def test_the_school_kinds_reasoning_is_recorded(plan: Plan) -> None:
    note = next(t.note for t in plan.targets if t.id == "health_pe.mental_health_teachers")
    for excluded in ("职业学校", "特殊教育学校", "教学点"):
        assert f"Not {excluded}" in note


def test_a_declared_range_is_used_over_the_default() -> None:
    # the same indicator without its declared range would accept 0.992 as a percentage
    rate = indicator("preschool_gross_enrolment_rate")
    assert implausible(replace(rate, plausible=None), 0.992, 0.992, "") is None
    assert implausible(rate, 0.992, 0.992, "") is not None
