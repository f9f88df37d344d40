"""The fill-in template: what a year's data file must give, ready to be filled in.

:func:`template_rows` lists one row per indicator the plan's targets need (one per
entity for per-school and per-town figures, one per item for checklists);
:mod:`lzplan.template_csv` and :mod:`lzplan.template_xlsx` turn the rows into a file's
bytes, in the long layout that ``lzplan check`` reads, or wide (one row per entity,
one column per indicator). :func:`template_bytes` does both steps for the CLI; writing
the bytes to a file is the caller's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import Problem, UsageError
from .model import Aggregate, Checklist, Each, Indicator, KOfN, Plan, Target, Total
from .rules.entities import must_report
from .templatestages import asked_of

if TYPE_CHECKING:
    from .roster import Roster

#: What a yes/no cell takes.
FLAG_HINT = "是/否 或 完成日期（如 2024-06-30）"

_ENTITY_WORDS = {"school": "学校", "town": "乡镇", "project": "项目"}


@dataclass(frozen=True)
class TemplateRow:
    """One cell to fill: an indicator's value for one year (and one entity or item).

    ``entity`` is empty for district totals, and for a per-entity indicator whose
    entities nobody listed (the person filling it in names them). ``feeds`` lists the
    targets it is used by, ``; ``-joined. ``flag``, ``per_entity`` and ``entity_kind``
    come from the indicator and tell the renderers how to lay the row out.
    """

    indicator: str
    name_zh: str
    unit: str
    entity: str
    year: int
    kind_hint: str
    feeds: str
    flag: bool = False
    per_entity: bool = False
    entity_kind: str = ""


def template_rows(plan: Plan, year: int, roster: Roster | None) -> list[TemplateRow]:
    """Every row a data file for ``year`` should fill, in the order the targets come.

    An indicator no target uses is left out. A per-entity indicator gets a row per
    checklist item and per entity an ``each`` rule ranges over in ``year`` (as the
    rule judges it: :func:`~lzplan.rules.entities.must_report`); with none of these,
    one row with an empty entity to be filled in. When an incomplete roster supplied
    the entities, their hint says that entities it does not list must be added.
    """
    rows: list[TemplateRow] = []
    for indicator_id, targets in _needed(plan).items():
        indicator = plan.indicator(indicator_id)
        feeds = "; ".join(target.id for target in targets)
        entities, partial = _entities(
            indicator, targets, year, roster, _summed_kinds(plan, indicator)
        )
        entities = asked_of(plan, indicator_id, roster, entities)
        for entity in entities:
            hint = _hint(indicator, entity, partial)
            rows.append(_row(indicator, entity, year, hint, feeds))
    return rows


def wide_omitted(rows: Iterable[TemplateRow]) -> list[TemplateRow]:
    """The district-level rows, which a wide template leaves out (callers should say so)."""
    return [row for row in rows if not row.per_entity]


def wide_groups(rows: Iterable[TemplateRow]) -> list[list[TemplateRow]]:
    """The per-entity rows split into the tables of a wide template.

    Indicators over the same entities (and year) share a table; one over other entities
    (the items of a checklist, the towns) needs a table of its own, since a wide table
    gives every indicator a cell for every entity.
    """
    kept = [row for row in rows if row.per_entity]
    entities: dict[tuple[str, int], list[str]] = {}
    for row in kept:
        entities.setdefault((row.indicator, row.year), []).append(row.entity)
    groups: dict[tuple[str, int, tuple[str, ...]], list[TemplateRow]] = {}
    for row in kept:
        names = tuple(entities[row.indicator, row.year])
        groups.setdefault((row.entity_kind, row.year, names), []).append(row)
    return _merged(groups)


def _merged(
    groups: dict[tuple[str, int, tuple[str, ...]], list[TemplateRow]],
) -> list[list[TemplateRow]]:
    """Groups whose entities are among another's of the same kind and year join it: a
    school not asked for a figure (a 小学's 初中 pupils) leaves its cell blank rather than
    need a sheet of its own; a checklist's items, not all schools, keep theirs."""
    order = sorted(groups, key=lambda key: -len(key[2]))
    merged: dict[tuple[str, int, tuple[str, ...]], list[TemplateRow]] = {}
    for key in order:
        home = next(
            (other for other in merged if other[:2] == key[:2] and set(key[2]) <= set(other[2])),
            None,
        )
        if home is None:
            merged[key] = list(groups[key])
        else:
            merged[home].extend(groups[key])
    first = {key: index for index, key in enumerate(groups)}
    return [merged[key] for key in sorted(merged, key=lambda key: first[key])]


def value_hint(flag: bool, unit: str) -> str:
    """What to type in an indicator's value cell."""
    if flag:
        return FLAG_HINT
    return f"数值（单位：{unit}）" if unit else "数值"


def template_bytes(
    plan: Plan, year: int, roster: Roster | None, output_format: str, wide: bool
) -> bytes:
    """The template for ``year`` as file contents (``csv`` or ``xlsx``).

    Raises :class:`~lzplan.errors.UsageError` for a year before the plan's base year, when
    openpyxl is missing for xlsx, or when ``wide`` cannot be laid out: the plan has no
    per-entity figures, or a CSV would need several tables.
    """
    # the renderers import this module, so they are imported here rather than at the top
    from .template_csv import csv_bytes, tables_of

    if year < plan.baseline_year:  # as progress refuses such a year: no target asks for it
        message = f"{year} is before the plan's base year {plan.baseline_year}: name a later year"
        raise UsageError([Problem("YEAR", message)])

    rows = template_rows(plan, year, roster)
    if output_format == "xlsx":
        from .template_xlsx import need_openpyxl, workbook_bytes

        need_openpyxl()
        groups = _groups(rows, single=False) if wide else None
        return workbook_bytes(rows, tables_of(rows, groups), wide)
    (table,) = tables_of(rows, _groups(rows, single=True) if wide else None)
    return csv_bytes(table)


def _groups(rows: Sequence[TemplateRow], single: bool) -> list[list[TemplateRow]]:
    """:func:`wide_groups`, refused when there are none, or (``single``) more than one."""
    groups = wide_groups(rows)
    if not groups:
        message = (
            "a wide template has one row per school, town or item, and this plan has no "
            "per-school or per-town figures: leave out --wide"
        )
        raise UsageError([Problem("--wide", message)])
    if single and len(groups) > 1:
        message = (
            f"a wide CSV holds one table, and this plan's per-entity figures need "
            f"{len(groups)} (schools, towns, items): use --format xlsx, which puts each on "
            "its own sheet, or leave out --wide"
        )
        raise UsageError([Problem("--wide", message)])
    return groups


# --- rows ------------------------------------------------------------------------------


def _needed(plan: Plan) -> dict[str, list[Target]]:
    """Each indicator some target needs → the targets needing it, in target order."""
    needed: dict[str, list[Target]] = {}
    for target in plan.targets:
        for indicator_id in target.indicators:
            for given in plan.given_as(indicator_id):
                feeds = needed.setdefault(given, [])
                if target not in feeds:  # a count behind several ratios of one target
                    feeds.append(target)
    return needed


def _summed_kinds(plan: Plan, indicator: Indicator) -> tuple[str, ...]:
    """The roster kinds a district total sums ``indicator`` over (幼儿园 for children)."""
    kinds: dict[str, None] = {}
    for other in plan.indicators:
        if isinstance(other.derived, Total) and other.derived.sum_of == indicator.id:
            kinds.update(dict.fromkeys(other.derived.kinds))
    return tuple(kinds)


def _entities(
    indicator: Indicator,
    targets: list[Target],
    year: int,
    roster: Roster | None,
    summed: tuple[str, ...] = (),
) -> tuple[list[str], bool]:
    """The entities rows are made for (``[""]`` for a district total or nobody listed),
    and whether an incomplete roster supplied some of them."""
    if not indicator.per_entity:
        return [""], False
    names: dict[str, None] = {}  # ordered, without repeats
    partial = False
    for target in targets:
        rule = target.rule
        if isinstance(rule, Checklist):
            names.update(dict.fromkeys(item.name for item in rule.items))
        elif isinstance(rule, (Each, KOfN)):
            names.update(dict.fromkeys(must_report(rule, roster, year) or ()))
            partial = partial or _from_partial_roster(rule, roster)
        elif isinstance(rule, Aggregate) and rule.kinds and roster is not None:
            names.update(dict.fromkeys(e.name for e in roster.of_kinds(rule.kinds, year)))
            partial = partial or not roster.complete
    if summed and roster is not None:
        names.update(dict.fromkeys(e.name for e in roster.of_kinds(summed, year)))
        partial = partial or not roster.complete
    return list(names) or [""], partial


def _from_partial_roster(rule: Each | KOfN, roster: Roster | None) -> bool:
    """Whether :func:`must_report` takes the rule's entities from a roster that does
    not list them all (it does when the rule names kinds and no entities)."""
    return roster is not None and not roster.complete and bool(rule.kinds) and not rule.entities


def _hint(indicator: Indicator, entity: str, partial: bool = False) -> str:
    """What to type in the value cell (and, for an unnamed entity, in the entity cell)."""
    hint = value_hint(indicator.type == "flag", indicator.unit)
    word = _ENTITY_WORDS.get(indicator.entity_kind, "主体")
    if indicator.per_entity and not entity:
        hint += f"；在“主体”列填写{word}名称，每个{word}一行"
    elif partial:
        hint += f"；名单不全：未列出的{word}请另加一行"
    return hint


def _row(indicator: Indicator, entity: str, year: int, hint: str, feeds: str) -> TemplateRow:
    return TemplateRow(
        indicator=indicator.id,
        name_zh=indicator.name_zh,
        unit=indicator.unit,
        entity=entity,
        year=year,
        kind_hint=hint,
        feeds=feeds,
        flag=indicator.type == "flag",
        per_entity=indicator.per_entity,
        entity_kind=indicator.entity_kind,
    )
