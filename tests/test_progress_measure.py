"""Open SDG's progress measure, with numbers worked out by hand in the comments."""

from __future__ import annotations

import pytest

from lzplan.progress_measure import (
    LABELS_ZH,
    STATUSES,
    direction_only,
    grade,
    growth,
    with_target,
)


def test_growth_is_the_compound_annual_rate() -> None:
    # (121 / 100) ^ (1 / 2) - 1 = 1.1 - 1 = 0.1
    assert growth(121, 100, 2) == pytest.approx(0.1)


def test_a_rate_on_track_is_substantial_progress() -> None:
    # base 90 (2020), now 94 (2023), target 95 by 2025
    # observed = (94/90)^(1/3) - 1: ln(1.044444) = 0.043485, / 3 = 0.014495, e^x - 1 = 0.014601
    # required = (95/90)^(1/5) - 1: ln(1.055556) = 0.054067, / 5 = 0.010813, e^x - 1 = 0.010872
    # ratio = 0.014601 / 0.010872 = 1.3429 >= 0.95
    found = with_target((2020, 90.0), (2023, 94.0), (2025, 95.0), "increase")
    assert found.status == "substantial_progress"
    assert found.numbers["observed"] == pytest.approx((94 / 90) ** (1 / 3) - 1)
    assert found.numbers["required"] == pytest.approx((95 / 90) ** (1 / 5) - 1)
    assert found.numbers["ratio"] == pytest.approx(1.3429, abs=1e-4)


def test_a_slow_rate_needs_acceleration_or_is_limited() -> None:
    # base 90, now 91 after 3 years, target 95 by 2025:
    # observed = (91/90)^(1/3) - 1: ln(1.011111) = 0.011050, / 3 = 0.0036833 -> 0.0036901
    # ratio = 0.0036901 / 0.010872 = 0.3394 -> limited (below 0.6)
    limited = with_target((2020, 90.0), (2023, 91.0), (2025, 95.0), "increase")
    assert limited.status == "limited_progress"
    assert limited.numbers["ratio"] == pytest.approx(0.3394, abs=1e-4)
    # now 92: observed = (92/90)^(1/3) - 1 = 0.0073532; ratio = 0.0073532 / 0.010872 = 0.6763
    moderate = with_target((2020, 90.0), (2023, 92.0), (2025, 95.0), "increase")
    assert moderate.status == "moderate_progress"
    assert moderate.numbers["ratio"] == pytest.approx(0.6763, abs=1e-4)


def test_going_the_wrong_way_is_deterioration() -> None:
    found = with_target((2020, 90.0), (2023, 88.0), (2025, 95.0), "increase")
    assert found.status == "deterioration"
    assert found.numbers["ratio"] < 0  # type: ignore[operator]


def test_less_is_better_works_through_the_signs() -> None:
    # myopia 60 % (2020) to 55 % by 2025, now 57 (2023):
    # observed = (57/60)^(1/3) - 1: ln(0.95) = -0.051293, / 3 = -0.017098 -> -0.016952
    # required = (55/60)^(1/5) - 1: ln(0.916667) = -0.087011, / 5 = -0.017402 -> -0.017252
    # ratio = -0.016952 / -0.017252 = 0.9827 >= 0.95 -> substantial progress
    found = with_target((2020, 60.0), (2023, 57.0), (2025, 55.0), "decrease")
    assert found.status == "substantial_progress"
    assert found.numbers["ratio"] == pytest.approx(0.9827, abs=1e-4)
    assert with_target((2020, 60.0), (2023, 54.0), (2025, 55.0), "decrease").status == (
        "target_achieved"
    )


def test_a_met_target_is_achieved_before_anything_is_computed() -> None:
    found = with_target((2020, 99.0), (2021, 100.0), (2025, 100.0), "increase")
    assert found.status == "target_achieved"
    assert "ratio" not in found.numbers


def test_a_target_of_zero_is_taken_as_0_001() -> None:
    # decrease from 10 (2020) to 0 by 2025 (taken as 0.001), now 5 (2023):
    # observed = (5/10)^(1/3) - 1 = -0.206299; required = (0.001/10)^(1/5) - 1 = -0.841511
    # ratio = 0.24515 -> limited progress
    found = with_target((2020, 10.0), (2023, 5.0), (2025, 0.0), "decrease")
    assert found.status == "limited_progress"
    assert found.numbers["ratio"] == pytest.approx(0.24515, abs=1e-4)


def test_a_zero_base_compares_absolute_changes() -> None:
    # 0 (2020) to 6 by 2025, now 3 (2023): observed change 3; required by 2023 = 6 * 3/5 = 3.6
    # ratio = 0.8333 -> moderate progress
    found = with_target((2020, 0.0), (2023, 3.0), (2025, 6.0), "increase")
    assert found.status == "moderate_progress"
    assert found.method.startswith("absolute change")
    assert found.numbers["ratio"] == pytest.approx(3 / 3.6)


def test_a_target_equal_to_the_base_not_met_is_deterioration() -> None:
    found = with_target((2020, 100.0), (2023, 99.0), (2025, 100.0), "increase")
    assert found.status == "deterioration"


def test_a_direction_only_grades_the_observed_rate() -> None:
    # 100 -> 103 in 2 years: (1.03)^(1/2) - 1 = 0.014889 < 0.015 -> moderate progress
    assert direction_only((2020, 100.0), (2022, 103.0), "increase").status == "moderate_progress"
    # 100 -> 104 in 2 years: 0.019804 >= 0.015 -> substantial
    assert direction_only((2020, 100.0), (2022, 104.0), "increase").status == (
        "substantial_progress"
    )
    # less is better, 100 -> 104: the sign flips, -0.0198 < 0 -> deterioration
    assert direction_only((2020, 100.0), (2022, 104.0), "decrease").status == "deterioration"


def test_grades_at_the_thresholds() -> None:
    assert grade(0.95, (0.95, 0.6, 0)) == "substantial_progress"
    assert grade(0.6, (0.95, 0.6, 0)) == "moderate_progress"
    assert grade(0.0, (0.95, 0.6, 0)) == "limited_progress"
    assert grade(-0.0001, (0.95, 0.6, 0)) == "deterioration"


def test_every_status_has_a_chinese_label_distinct_from_the_check_verdicts() -> None:
    check_labels = {"达标", "未达标", "预警", "无数据", "未到期"}
    assert set(LABELS_ZH) == set(STATUSES)
    assert len(set(LABELS_ZH.values())) == len(STATUSES)
    assert not set(LABELS_ZH.values()) & check_labels


def test_the_rules_own_operator_decides_whether_a_target_is_met() -> None:
    # "more than 99": 99 does not meet it, though the direction alone would say it does
    # observed (99/98)^(1/3) - 1 = 0.003390; required (99/98)^(1/5) - 1 = 0.002033; ratio 1.667
    found = with_target((2020, 98.0), (2023, 99.0), (2025, 99.0), "increase", met=False)
    assert found.status == "substantial_progress"  # not met yet, but well on course
    assert found.numbers["ratio"] == pytest.approx(1.667, abs=1e-3)
    assert with_target((2020, 98.0), (2023, 99.0), (2025, 99.0), "increase").status == (
        "target_achieved"
    )
