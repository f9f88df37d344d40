"""Unit tests for the cell parsers and unit conversion in ``lzplan.values``."""

from __future__ import annotations

import pytest

from lzplan.model import Indicator
from lzplan.values import (
    AREA_UNITS,
    COUNT_UNITS,
    DECIMAL_UNITS,
    FAMILIES,
    MONEY_UNITS,
    TIME_UNITS,
    WHOLE_UNITS,
    Flag,
    UnitProblem,
    ValueProblem,
    canonical_unit,
    convert,
    converts,
    counts_whole_things,
    expand,
    is_multiplier,
    is_no_value,
    parse_flag,
    parse_number,
    parse_quantity,
    relatives,
    same_unit,
    summable,
    with_unit,
)

# --- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "number", "percent"),
    [
        ("98.5", 98.5, False),
        ("98.5%", 98.5, True),
        ("98.5％", 98.5, True),  # full-width percent sign
        ("98.5 %", 98.5, True),
        ("1,370", 1370.0, False),
        ("1 370", 1370.0, False),
        ("１，３７０", 1370.0, False),  # full-width digits and comma
        ("９８.５", 98.5, False),  # full-width digits
        ("９８．５％", 98.5, True),
        ("  98.5  ", 98.5, False),
        ("\u300098.5\u3000", 98.5, False),  # ideographic spaces
        ("\u00a098.5", 98.5, False),  # no-break space
        ("0", 0.0, False),
        ("-3.2", -3.2, False),
        ("+1.5", 1.5, False),
        ("1e3", 1000.0, False),
    ],
)
def test_parse_number(cell, number, percent):
    assert parse_number(cell) == (number, percent)


@pytest.mark.parametrize(
    "cell", ["abc", "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "%", "98.5%%", "9 8.5x", ""]
)
def test_parse_number_rejects(cell):
    with pytest.raises(ValueProblem, match="number"):
        parse_number(cell)


def test_parse_number_rejects_underscore():
    with pytest.raises(ValueProblem):
        parse_number("98_5")


# --- no-value cells --------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "   ",
        "—",
        "–",
        "-",
        "--",
        "－",
        "/",
        "／",
        "无",
        "暂无",
        "N/A",
        "n/a",
        "NA",
        "None",
        "null",
    ],
)
def test_is_no_value(cell):
    assert is_no_value(cell)


@pytest.mark.parametrize("cell", ["0", "98.5", "否", "no", "-1"])
def test_is_not_no_value(cell):
    assert not is_no_value(cell)


# --- flags -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    ["是", "已完成", "完成", "通过", "yes", "YES", "Yes", "y", "true", "True", "1", "done", " 是 "],
)
def test_parse_flag_yes(cell):
    assert parse_flag(cell) == Flag(True)


@pytest.mark.parametrize(
    "cell", ["否", "未完成", "no", "No", "n", "false", "FALSE", "0", "not done"]
)
def test_parse_flag_no(cell):
    assert parse_flag(cell) == Flag(False)


@pytest.mark.parametrize(
    ("cell", "on"),
    [
        ("2024-06-30", "2024-06-30"),
        ("2024/6/3", "2024-06-03"),
        ("2024.6.3", "2024-06-03"),
        ("2024年6月", "2024-06"),
        ("2024年6月3日", "2024-06-03"),
        ("2024-6", "2024-06"),
        ("2024", "2024"),
        ("2024年", "2024"),
        ("２０２４-０６-３０", "2024-06-30"),  # full-width digits
        ("2024-02-29", "2024-02-29"),  # leap day
    ],
)
def test_parse_flag_date(cell, on):
    flag = parse_flag(cell)
    assert flag == Flag(True, on)
    assert flag.year == 2024
    assert flag.text() == on


@pytest.mark.parametrize(
    "cell",
    [
        "2024-13-01",
        "2024-00-10",
        "2024-02-30",
        "2023-02-29",
        "2024-04-31",
        "1899",
        "2201",
        "maybe",
        "",
        "24-06-30",
    ],
)
def test_parse_flag_rejects(cell):
    with pytest.raises(ValueProblem, match="yes/no"):
        parse_flag(cell)


@pytest.mark.parametrize("cell", ["1899-12-31", "0000-01-01"])
def test_parse_flag_rejects_out_of_range_year_with_month(cell):
    with pytest.raises(ValueProblem):
        parse_flag(cell)


def test_flag_text_and_year():
    assert Flag(False).text() == "no"
    assert Flag(True).text() == "yes"
    assert Flag(True).year is None
    assert Flag(True, "2023-09").year == 2023


# --- units -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [
        (20249.0, "人", "万人", 2.0249),  # 20249 / 10^4
        (2.0249, "万人", "人", 20249.0),
        (35.0, "名", "人", 35.0),
        (1.3, "亿元", "万元", 13000.0),  # 1.3 * 10^8 / 10^4
        (5000.0, "元", "万元", 0.5),
        (0.985, "fraction", "%", 98.5),  # 0.985 * 100
        (98.5, "%", "fraction", 0.985),
        (98.5, "％", "%", 98.5),  # full-width percent is the same unit
        (98.5, "percent", "%", 98.5),
        (12.0, "所", "所", 12.0),  # same unknown unit: unchanged
        (12.0, "", "所", 12.0),  # no unit given: taken as the indicator's
    ],
)
def test_convert(value, unit, to, expected):
    assert convert(value, unit, to) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("unit", "to"), [("人", "%"), ("万元", "人"), ("所", "人"), ("人", "所"), ("fraction", "元")]
)
def test_convert_refuses_other_families(unit, to):
    with pytest.raises(UnitProblem, match="does not convert"):
        convert(1.0, unit, to)


def test_unit_problem_is_a_value_problem():
    assert issubclass(UnitProblem, ValueProblem)


@pytest.mark.parametrize(
    ("unit", "canonical"),
    [("％", "%"), ("percent", "%"), ("PCT", "%"), ("百分比", "%"), (" 人 ", "人")],
)
def test_canonical_unit(unit, canonical):
    assert canonical_unit(unit) == canonical


@pytest.mark.parametrize("unit", ["比例", "ratio"])
def test_ambiguous_share_units_are_not_guessed(unit):
    # 比例 labels percentages as often as fractions in Chinese sheets: never converted
    with pytest.raises(UnitProblem):
        convert(90.5, unit, "%")


def test_a_fraction_over_one_is_a_percentage_written_wrongly():
    with pytest.raises(UnitProblem, match=r"90\.5 is not a fraction"):
        convert(90.5, "fraction", "%")


# --- what lzplan knows about units -------------------------------------------------------


def made(
    unit: str, name: str = "某指标", aliases: tuple[str, ...] = (), kind: str = "number"
) -> Indicator:
    return Indicator(
        id="x",
        name_zh=name,
        name_en="x",
        unit=unit,
        type="flag" if kind == "flag" else "number",
        aliases=aliases,
    )


def test_every_known_unit_is_written_as_compared() -> None:
    known = set(WHOLE_UNITS | COUNT_UNITS | MONEY_UNITS | TIME_UNITS | AREA_UNITS | DECIMAL_UNITS)
    known |= {unit for family in FAMILIES.values() for unit in family}
    assert {unit for unit in known if canonical_unit(unit) != unit} == set()


def test_each_family_starts_with_its_base_unit() -> None:
    assert {name: next(iter(units.items())) for name, units in FAMILIES.items()} == {
        "persons": ("人", 1.0),
        "yuan": ("元", 1.0),
        "percent": ("%", 1.0),
        "hours a day": ("小时/天", 1.0),
        "class hours a week": ("课时/周", 1.0),
    }


@pytest.mark.parametrize(
    ("cell", "unit", "read"),
    [
        ("1小时", "小时/天", 1.0),
        ("60分钟", "小时/天", 1.0),
        ("1课时", "课时/周", 1.0),
        ("2节", "课时/周", 2.0),
    ],
)
def test_a_rate_per_day_or_week_typed_with_its_bare_unit(cell: str, unit: str, read: float) -> None:
    from lzplan.values import convert, parse_quantity

    number, written = parse_quantity(cell)
    assert convert(number, written, unit) == pytest.approx(read)


@pytest.mark.parametrize(
    ("unit", "family"),
    [
        ("名", ("人", "名", "万人")),
        ("亿元", ("元", "万元", "亿元")),
        ("％", ("%", "fraction")),
        ("所", ()),
        ("", ()),
    ],
)
def test_relatives(unit: str, family: tuple[str, ...]) -> None:
    assert relatives(unit) == family


@pytest.mark.parametrize(
    ("unit", "to", "expected"),
    [
        ("人", "万人", True),
        ("亿元", "万元", True),
        ("fraction", "％", True),
        ("所", "所", True),
        ("％", "percent", True),
        ("所", "个", False),
        ("元", "万人", False),
        ("比例", "%", False),
        ("万", "万人", False),  # a multiplier, not a unit: see expand
    ],
)
def test_converts(unit: str, to: str, expected: bool) -> None:
    assert converts(unit, to) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("％", "%", True), ("平方米", "m²", True), ("㎡", "m2", True), ("人", "名", False)],
)
def test_same_unit(a: str, b: str, same: bool) -> None:
    assert same_unit(a, b) is same


@pytest.mark.parametrize(
    ("number", "unit", "to", "expected"),
    [
        (1.52, "万", "万人", (15200.0, "人")),
        (18.2, "亿", "万元", (1.82e9, "元")),
        (3.0, "万", "所", (30000.0, "所")),  # no family: its own unit
        (1.2, "万人", "人", (1.2, "万人")),  # a unit, not a multiplier: unchanged
    ],
)
def test_expand(number: float, unit: str, to: str, expected: tuple[float, str]) -> None:
    assert expand(number, unit, to) == pytest.approx(expected)


def test_multipliers() -> None:
    assert is_multiplier("万") and is_multiplier("亿")
    assert not is_multiplier("万人") and not is_multiplier("") and not is_multiplier("%")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1.2万人", (1.2, "万人")),
        ("98所", (98.0, "所")),
        ("18.24亿元", (18.24, "亿元")),
        ("56%", (56.0, "%")),
        ("1,370 人", (1370.0, "人")),
        ("1.52万", (1.52, "万")),
        ("98", (98.0, "")),
    ],
)
def test_parse_quantity(cell: str, expected: tuple[float, str]) -> None:
    assert parse_quantity(cell) == expected


@pytest.mark.parametrize(
    "unit", ["人", "名", "人次", "所", "个", "间", "班", "册", "台", "次", "项", "门"]
)
def test_units_of_whole_things_are_counted_whole_and_add_up(unit: str) -> None:
    assert counts_whole_things(made(unit))
    assert summable(made(unit))


@pytest.mark.parametrize("unit", ["万人", "元", "万元", "亿元", "m²", "平方米"])
def test_persons_in_wan_money_and_area_add_up_but_need_not_be_whole(unit: str) -> None:
    assert summable(made(unit))
    assert not counts_whole_things(made(unit))


@pytest.mark.parametrize("unit", ["%", "fraction", "小时/天", "课时/周", "", "km"])
def test_rates_hours_and_unknown_units_neither_add_up_nor_are_whole(unit: str) -> None:
    assert not summable(made(unit))
    assert not counts_whole_things(made(unit))


@pytest.mark.parametrize(
    ("unit", "name", "aliases"),
    [
        ("次", "人均到馆次数", ()),
        ("元", "中小学教师平均工资收入", ()),
        ("元", "按在校学生人数平均的一般公共预算教育支出", ("生均一般公共预算教育支出",)),
        ("台", "计算机数", ("每百名学生拥有计算机台数",)),
        ("册", "生均图书", ()),
    ],
)
def test_an_average_neither_adds_up_nor_is_whole(
    unit: str, name: str, aliases: tuple[str, ...]
) -> None:
    average = made(unit, name, aliases)
    assert not summable(average)
    assert not counts_whole_things(average)


def test_a_flag_is_no_count() -> None:
    assert not summable(made("", kind="flag"))
    assert not counts_whole_things(made("所", kind="flag"))


@pytest.mark.parametrize(
    ("number", "unit", "shown"),
    [
        (99.2, "%", "99.2%"),
        (99.2, "％", "99.2%"),
        (1.537, "万人", "1.537 万人"),
        (15370.0, "", "15,370"),
        (1.0, "小时/天", "1 小时/天"),
    ],
)
def test_with_unit(number: float, unit: str, shown: str) -> None:
    assert with_unit(number, unit) == shown


def test_a_comma_in_a_figure_asks_which_was_meant() -> None:
    from lzplan.values import ValueProblem, parse_number

    with pytest.raises(ValueProblem, match=r"found '1,2'; did you mean 1\.2 or 12\?"):
        parse_number("1,2")
    with pytest.raises(ValueProblem, match=r"did you mean 98\.5% or 985%\?"):
        parse_number("98,5%")
    assert parse_number("1,370") == (1370.0, False)  # thousands: no question


@pytest.mark.parametrize("cell", ["2O249", "1l00", "9,8O00"])
def test_a_letter_typed_among_the_digits_is_no_unit(cell: str) -> None:
    # 2O249 (the letter O for a 0): not "written in O249", but no number at all
    with pytest.raises(ValueProblem, match="expected a number, found"):
        parse_quantity(cell)


@pytest.mark.parametrize(("cell", "unit"), [("1200m2", "m2"), ("12人", "人"), ("1.5万", "万")])
def test_a_unit_with_a_digit_is_still_a_unit(cell: str, unit: str) -> None:
    assert parse_quantity(cell)[1] == unit
