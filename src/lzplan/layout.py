"""The table in a sheet: what each header cell says its column holds, long or wide form,
and the rows around the data (title and unit lines, signatures, notes, group headings).

:mod:`lzplan.header` finds the header row with these; :mod:`lzplan.rows` reads below it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .model import Indicator, Plan

#: How far down a sheet the header is looked for.
HEADER_SEARCH_ROWS = 30

#: Column roles and the header names that mean them (compared without case or spaces).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "指标", "指标代码", "指标项"),
    "indicator_name": ("indicator_name", "指标名称"),
    "value": ("value", "数值", "值", "数据", "本年", "本年数", "本年度"),
    "unit": ("unit", "单位", "计量单位"),
    "entity": (
        "entity", "主体", "学校", "学校名称", "园所名称", "幼儿园名称", "单位名称",
        "乡镇", "镇街", "乡镇街道", "镇（街道）", "乡镇（街道）", "项目", "校名", "园名",
        "学校（园）名称", "机构名称",
    ),
    "code": ("code", "学校标识码", "标识码", "学校代码"),
    "year": ("year", "年份", "年度", "统计年度"),
    "note": ("note", "备注", "说明"),
    "source": ("source", "来源", "数据来源"),
    "ignored": ("序号", "编号", "no.", "填写说明", "用于目标"),
}  # fmt: skip
#: Roles a wide table may have besides its indicator columns.
WIDE_ROLES = frozenset({"entity", "code", "year", "note", "source", "ignored"})

# 2024年, 2024年度, 2024年数据, 2024年数值 over the value column: the value column of that year
_YEAR_HEADER = re.compile(r"^((?:19|20|21)\d\d)(?:年(?:度)?(?:数据|数值|数)?)?$")
# 在园幼儿数（人）: an indicator column whose header carries the unit
_UNIT_SUFFIX = re.compile(r"^(.+?)[（(]([^（()）]+)[)）]$")
# 金额单位：万元 and 面积单位：平方米 name the kind of figure they apply to; a unit line
# applies only where its unit converts, so the kind need not be checked
_UNIT_LINE = re.compile(r"^(?:计量|金额|货币|面积|数量|人数)?单位[：:]\s*(\S+)$")


@functools.lru_cache(maxsize=1 << 16)  # every name of a province, matched by every rule
def fold(text: str) -> str:
    """A header or name as compared: NFKC, no spaces or line breaks, case-folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


#: A header's role by its folded text: 镇（街道） and 镇(街道) alike, as headers are compared.
_ROLE_OF = {fold(name): role for role, names in COLUMN_NAMES.items() for name in names}


def without_unit(text: str) -> str:
    """``在园幼儿数`` for ``在园幼儿数（人）``; the text itself when no unit ends it."""
    with_unit = _UNIT_SUFFIX.match(unicodedata.normalize("NFKC", text).strip())
    return with_unit.group(1) if with_unit else text


def closest(text: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The one of ``choices`` most like ``text`` (difflib's ratio at least ``cutoff``): the
    did-you-mean of every message."""
    import difflib  # only when something is wrong: a correct run never pays for it

    found = difflib.get_close_matches(text, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None


@dataclass(frozen=True)
class Column:
    """One column of the header: its position, header text and role.

    ``role`` is one of :data:`COLUMN_NAMES`' keys, ``indicator_value`` (a wide
    table's column for one indicator) or ``unknown``; ``unit`` is a unit written in
    the header (``在园幼儿数（人）``); ``year`` a year written over a value column.
    """

    index: int
    text: str
    role: str
    indicator: str = ""
    unit: str = ""
    year: int | None = None


@dataclass(frozen=True)
class Layout:
    """Where a sheet's table is: the header row, its columns, long or wide form.

    ``unit`` is a unit line above the header (``单位：人``); ``above`` the text of
    the title rows (which may carry a year).
    """

    header_row: int
    columns: tuple[Column, ...]
    form: str  # "long" or "wide"
    unit: str = ""
    above: tuple[str, ...] = field(default_factory=tuple)

    def role(self, role: str) -> Column | None:
        """The first column with ``role``, if any."""
        return self._roles.get(role)

    @cached_property
    def _roles(self) -> dict[str, Column]:
        found: dict[str, Column] = {}
        for column in self.columns:
            found.setdefault(column.role, column)
        return found

    @cached_property
    def year_columns(self) -> tuple[Column, ...]:
        """Value columns headed by their years (``2023年``, ``2024年``), when there are several:
        each gives its own year's figures."""
        values = tuple(column for column in self.columns if column.role == "value")
        if len(values) > 1 and all(column.year is not None for column in values):
            return values
        return ()


class IndicatorNames:
    """Indicators by id, Chinese name and declared alias (all compared folded)."""

    def __init__(self, plan: Plan) -> None:
        self.by_name: dict[str, Indicator] = {}
        for indicator in plan.indicators:
            for name in (indicator.id, indicator.name_zh, *indicator.aliases):
                self.by_name.setdefault(fold(name), indicator)

    def find(self, text: str) -> Indicator | None:
        """The indicator ``text`` names, if any."""
        return self.by_name.get(fold(text))

    def names(self) -> list[str]:
        """Every id, name and alias, for did-you-mean."""
        return sorted(self.by_name)


def column_of(index: int, text: str, names: IndicatorNames) -> Column:
    """What the header cell ``text`` at ``index`` says its column holds."""
    key = fold(text.lstrip("\ufeff"))
    if not key:
        return Column(index, text, "blank")
    role = _ROLE_OF.get(key)
    if role is not None:
        return Column(index, text, role)
    year = _YEAR_HEADER.match(key)
    if year:
        return Column(index, text, "value", year=int(year.group(1)))
    indicator = names.find(text)
    if indicator is not None:
        return Column(index, text, "indicator_value", indicator.id)
    with_unit = _UNIT_SUFFIX.match(unicodedata.normalize("NFKC", text).strip())
    if with_unit:  # 在园幼儿数（人）
        indicator = names.find(with_unit.group(1))
        if indicator is not None:
            return Column(index, text, "indicator_value", indicator.id, with_unit.group(2))
    return Column(index, text, "unknown")


def form_of(columns: list[Column]) -> str | None:
    """``long`` (a column naming indicators), ``wide`` (entities and indicator columns)."""
    roles = {column.role for column in columns}
    if roles & {"indicator", "indicator_name"}:
        return "long"
    if roles & {"entity", "code"} and "indicator_value" in roles:
        return "wide"
    return None


def unit_line(cells: list[str]) -> str | None:
    """The unit a line such as ``单位：人`` above the header states."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    if len(filled) != 1:
        return None
    match = _UNIT_LINE.match(unicodedata.normalize("NFKC", filled[0]))
    return match.group(1) if match else None


def score(columns: list[Column]) -> int:
    """How much a row looks like a header: recognised columns count."""
    return sum(column.role not in ("unknown", "blank") for column in columns)


# --- rows around the data ------------------------------------------------------------

_FOOTER = re.compile(
    r"^(?:注|说明|备注|填报人|填表人|审核人|审核|制表人|制表|负责人|单位负责人|统计负责人|"
    r"填报单位|填表单位|填报日期|填表日期|联系电话|联系人)\s*(?:[(（][^)）]*[)）])?\s*[:：0-9]"
)
#: The first character of every footer.
_FOOTER_FIRST = frozenset("注说备填审制负单统联")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十]+[)])")
# 栏次 rows under a statistical form's header: 甲, 乙, 1, 2, 3 …
_COLUMN_MARKS = frozenset("甲乙丙丁戊己庚辛") | {"栏次"}


def is_footer(text: str) -> bool:
    """``填报人：…``, ``注：…``, ``填报单位（盖章）：…``: a line around the table, not data."""
    first = text[:1]
    if (
        first not in _FOOTER_FIRST
        and not first.isspace()
        and unicodedata.is_normalized("NFKC", text)
    ):
        return False  # a wide table's school names, each met once, pass here
    return _is_footer(text)


@functools.lru_cache(maxsize=4096)  # a long file's first cells: the same ids, row after row
def _is_footer(text: str) -> bool:
    return bool(_FOOTER.match(unicodedata.normalize("NFKC", text).strip()))


def is_heading(filled: list[str]) -> bool:
    """A group heading inside a table (``一、学前教育``): one cell, numbered in Chinese."""
    return len(filled) == 1 and bool(_HEADING.match(unicodedata.normalize("NFKC", filled[0])))


def is_column_numbers(filled: list[str]) -> bool:
    """The 栏次 row a statistical form puts under its header: 甲, 乙, then 1, 2, 3 …"""
    marks = [cell for cell in filled if cell in _COLUMN_MARKS]
    numbers = [cell for cell in filled if cell.isdigit()]
    return bool(marks) and len(marks) + len(numbers) == len(filled)


def title_lines(above: tuple[str, ...]) -> list[str]:
    """The lines above the header that may state the year: not 填报单位, dates or signatures."""
    return [line for line in above if not is_footer(line)]
