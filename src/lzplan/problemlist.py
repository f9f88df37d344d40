"""The 问题清单: one row per school and problem, to send back to the schools — what a
readiness assessment found lacking, in the words and units a school works in."""

from __future__ import annotations

from collections.abc import Iterator

from .display import format_number, symbol
from .readiness import PlanReadiness
from .shortfalls import Need

HEADER: tuple[str, ...] = (
    "学校", "学校标识码", "乡镇（街道）", "评估标准", "问题", "指标", "现值", "要求", "需达到",
    "需增加", "增加项目", "单位", "需填报", "依据",
)  # fmt: skip

ProblemRow = tuple[str | float | None, ...]


def problem(need: Need) -> str:
    """未达标 (below a requirement), 超出限额 (over a limit) or 缺数据 (not given)."""
    if need.value is None:
        return "缺数据"
    return "超出限额" if need.op in ("<=", "<") else "未达标"


def header(assessed: list[PlanReadiness]) -> tuple[str, ...]:
    """:data:`HEADER`, after a 数据集 column when several counties (``--each``) are listed."""
    return ("数据集", *HEADER) if _several(assessed) else HEADER


def _several(assessed: list[PlanReadiness]) -> bool:
    return len({readiness.dataset for readiness in assessed}) > 1


def rows(assessed: list[PlanReadiness]) -> Iterator[ProblemRow]:
    """The problem rows of every plan assessed, school by school (in name order)."""
    found = [(need.entity, index, need) for index, r in enumerate(assessed) for need in r.needs]
    places = {name: (code, town) for r in assessed for name, code, town in r.places}
    several = _several(assessed)
    for entity, index, need in sorted(
        found, key=lambda item: (assessed[item[1]].dataset, item[0], item[1])
    ):
        readiness = assessed[index]
        code, town = places.get(entity, ("", ""))
        given = need.value is not None
        yield (
            *((readiness.dataset,) if several else ()),
            entity,
            code or None,
            town or None,
            readiness.title_zh,
            problem(need),
            need.name_zh,
            None if need.value is None else round(need.value, 6),
            f"{symbol(need.op)} {format_number(need.required)}",
            round(need.raise_to, 4) if given else None,
            need.add,
            need.add_name_zh if given and need.add_name_zh else None,
            need.add_unit or None,
            None if given else need.add_name_zh or need.name_zh,
            need.target,
        )
