"""Rules over a set of entities (schools, towns): each of them, or a statistic across them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..display import format_number, symbol, unit_suffix
from ..model import Aggregate, Each, KOfN, Target
from ..observations import Observation
from ..results import Status
from .base import Context, Verdict, compare, is_due, missing

if TYPE_CHECKING:
    from ..roster import Roster


def entity_values(rule: Each | Aggregate, context: Context) -> dict[str, Observation]:
    """The rule's indicator for each entity in the plan's scope."""
    found = context.data.entities(rule.indicator, context.year)
    if not context.excluded:
        return found
    return {name: seen for name, seen in found.items() if name not in context.excluded}


def must_report(rule: Each | KOfN, roster: Roster | None, year: int) -> list[str] | None:
    """Who the rule ranges over in ``year``: the entities it lists, else the roster's
    entities of its kinds that exist then; ``None`` when neither says (the data decides)."""
    if rule.entities:
        return list(rule.entities)
    if rule.kinds and roster is not None:
        return [entity.name for entity in roster.of_kinds(rule.kinds, year)]
    return None


def each_names(rule: Each | KOfN, context: Context, reported: Mapping[str, object]) -> list[str]:
    """Who must meet the rule: :func:`must_report`, plus any reported entity an
    (incomplete) roster does not know; with neither list, those the data reports."""
    names = must_report(rule, context.roster, context.year)
    if names is None:
        return sorted(reported)
    roster = context.roster
    if not rule.entities and roster is not None:
        # one the roster does not know (a typo under an incomplete roster) is in the rules it
        # gives a figure for, not in every rule whose column it left blank
        names += [name for name in roster.sorted_strangers(reported) if _has(reported[name])]
    return [name for name in names if name not in context.excluded]


def _has(seen: object) -> bool:
    return getattr(seen, "value", None) is not None


def excluded_note(rule: Each | KOfN | Aggregate, context: Context) -> str:
    """``; 2 excluded (丁教学点: …)``: who of the rule's kinds the plan leaves out."""
    if not context.excluded or context.roster is None or not rule.kinds:
        return ""
    of_kinds = {e.name for e in context.roster.of_kinds(rule.kinds, context.year)}
    named = [f"{name}: {why}" for name, why in context.excluded.items() if name in of_kinds]
    return f"; {len(named)} excluded ({'; '.join(named)})" if named else ""


def judge_each(target: Target, rule: Each, context: Context) -> Verdict:
    reported = entity_values(rule, context)
    names = each_names(rule, context, reported)
    if not names:
        return missing((rule.indicator,), f"per entity in {context.year}", rule.op, rule.value)
    failing, absent = [], []
    for name in names:
        found = reported.get(name)
        if found is None or found.value is None:
            absent.append(f"{name} (no data)")
        elif not compare(found.value, rule.op, rule.value):
            failing.append(f"{name} ({found.shown()})")
    meeting = len(names) - len(failing) - len(absent)
    actual = _counted(meeting, len(names), len(absent))
    numbers = {
        "entities": float(len(names)),
        "meeting": float(meeting),
        "failing": float(len(failing)),
        "no_data": float(len(absent)),
    }
    due = is_due(target, context.year, rule.every_year)
    standard = f"{symbol(rule.op)} {format_number(rule.value)}"
    not_meeting = f"{len(failing)} not meeting {standard}"
    if failing and due:
        status: Status = "fail"
        detail = not_meeting
    elif absent:
        status, detail = "missing", f"{len(absent)} without data"
    elif failing:
        status, detail = "pending", f"{not_meeting}; due by {target.deadline}"
    else:
        status, detail = "pass", f"all {len(names)} meet {standard}"
    detail += excluded_note(rule, context)
    return Verdict(
        status, detail, rule.op, rule.value, actual, None, tuple(failing + absent), numbers
    )


def _counted(meeting: int, of: int, absent: int) -> str:
    """``4/5 meet``; without data, how many: ``0/8 meet`` would read as eight failures."""
    if absent == of:
        return f"no data ({of} to report)"
    return f"{meeting}/{of} meet" + (f", {absent} without data" if absent else "")


def statistic(rule: Aggregate, values: list[float], weights: list[float] | None = None) -> float:
    """The rule's statistic over ``values``; ``weights`` (pupils, say) weight a mean or a cv."""
    if rule.stat in ("count", "share"):
        hits = sum(1 for value in values if compare(value, rule.where_op, rule.where_value))
        return float(hits) if rule.stat == "count" else 100.0 * hits / len(values)
    if rule.stat == "min":
        return min(values)
    if rule.stat == "max":
        return max(values)
    if rule.stat == "sum":
        return sum(values)
    shares, mean = _weighted_mean(values, weights)
    if rule.stat == "mean":
        return mean
    deviations = (share * (value - mean) ** 2 for share, value in zip(shares, values, strict=True))
    spread = math.sqrt(sum(deviations))
    return spread / mean if mean else math.inf


def _weighted_mean(values: list[float], weights: list[float] | None) -> tuple[list[float], float]:
    total = sum(weights) if weights else 0.0
    shares = [w / total for w in weights] if weights else [1 / len(values)] * len(values)
    return shares, sum(share * value for share, value in zip(shares, values, strict=True))


def spread_shares(values: list[float], weights: list[float] | None) -> list[float]:
    """Each entity's part of the squared deviations behind a CV (the parts sum to 1): who
    makes the schools unequal."""
    shares, mean = _weighted_mean(values, weights)
    parts = [share * (value - mean) ** 2 for share, value in zip(shares, values, strict=True)]
    total = sum(parts)
    return [part / total if total else 0.0 for part in parts]


def _most_unequal(
    names: list[str], values: list[float], weights: list[float] | None
) -> tuple[str, ...]:
    """The entities that make most of a CV (up to 5, until 80 % of it), furthest first."""
    _, mean = _weighted_mean(values, weights)
    ranked = sorted(
        zip(spread_shares(values, weights), names, values, strict=True), key=lambda t: -t[0]
    )
    named: list[str] = []
    covered = 0.0
    for share, name, value in ranked:
        if covered >= 0.8 or len(named) == 5 or share == 0:
            break
        side = "above" if value > mean else "below"
        named.append(
            f"{name} ({format_number(round(value, 2))}, {side} the mean "
            f"{format_number(round(mean, 2))}; {share:.0%} of the spread)"
        )
        covered += share
    return tuple(named)


def counted(
    rule: Aggregate, context: Context
) -> tuple[list[tuple[str, float, float | None]], tuple[str, ...]]:
    """The (entity, value, weight) an aggregate counts, by name, and the entities it cannot
    count (without a figure or a weight, of its kinds without data, unknown to the roster)."""
    reported = entity_values(rule, context)
    outside: tuple[str, ...] = ()
    if rule.kinds and context.roster is not None:
        reported, outside = in_kinds(rule, context.roster, context.year, reported, context.excluded)
    weights = context.data.entities(rule.weight, context.year) if rule.weight else {}
    lacking: list[str] = []
    found: list[tuple[str, float, float | None]] = []
    for name, seen in sorted(reported.items()):
        if seen.value is None or (rule.weight and _no_weight(weights.get(name))):
            lacking.append(f"{name} (no data)")
        else:
            found.append((name, seen.value, weights[name].value if rule.weight else 1.0))
    return found, outside + tuple(lacking)


def judge_aggregate(target: Target, rule: Aggregate, context: Context) -> Verdict:
    included, absent = counted(rule, context)
    if not included:
        return missing(target.indicators, f"per entity in {context.year}", rule.op, rule.value)
    values = [float(value or 0.0) for _, value, _ in included]
    weighting = [float(weight or 0.0) for _, _, weight in included] if rule.weight else None
    actual = statistic(rule, values, weighting)
    met = compare(actual, rule.op, rule.value)
    names = [name for name, _, _ in included]
    unequal = _most_unequal(names, values, weighting) if rule.stat == "cv" and not met else ()
    numbers: dict[str, float | None] = {"entities": float(len(values))}
    if weighting:
        numbers["weight_total"] = sum(weighting)
    weighted = f", weighted by {rule.weight}" if rule.weight else ""
    unchecked = " (no roster: those the data reports)" if rule.kinds and not context.roster else ""
    detail = f"{rule.stat} over {len(values)} entities{weighted}{unchecked}"
    detail += excluded_note(rule, context)
    due = is_due(target, context.year, rule.every_year)
    if not met and due:
        status: Status = "fail"
    elif absent:
        status, detail = "missing", f"{detail}; {len(absent)} without data"
    else:
        status = "pass" if met else "pending"
    misses = (*unequal, *absent)
    # without every school's figure the statistic is partial: shown, but with no gap to
    # read as a verdict
    gap = None if status == "missing" else actual - rule.value
    return Verdict(status, detail, rule.op, rule.value, actual, gap, misses, numbers)


def in_kinds(
    rule: Aggregate,
    roster: Roster,
    year: int,
    reported: dict[str, Observation],
    excluded: Mapping[str, str],
) -> tuple[dict[str, Observation], tuple[str, ...]]:
    """The reported entities of the rule's kinds, and those that could not be counted: of
    those kinds without data, or reported but unknown to the roster (of no known kind)."""
    members = [entity.name for entity in roster.of_kinds(rule.kinds, year)]
    members = [name for name in members if name not in excluded]
    kept = {name: reported[name] for name in members if name in reported}
    lacking = [f"{name} (no data)" for name in members if name not in reported]
    own = roster.names()
    unknown = [
        f"{name} (not in the roster: of which kind?)"
        for name in sorted(name for name in reported if name not in own and not roster.knows(name))
    ]
    return kept, tuple(lacking + unknown)


def _no_weight(found: Observation | None) -> bool:
    return found is None or found.value is None or found.value <= 0


# --- descriptions ---------------------------------------------------------------------


def describe_each(target: Target, rule: Each) -> str:
    when = "every year" if rule.every_year else f"by {target.deadline}"
    value = f"{format_number(rule.value)}{unit_suffix(target.unit)}"
    return f"each: {symbol(rule.op)} {value} {when}"


def describe_aggregate(target: Target, rule: Aggregate) -> str:
    stat = f"{rule.stat} weighted by {rule.weight}" if rule.weight else rule.stat
    if rule.kinds:
        stat = f"{stat} over {'、'.join(rule.kinds)}"
    when = "every year" if rule.every_year else f"by {target.deadline}"
    return f"{stat} {symbol(rule.op)} {format_number(rule.value)} {when}"


def check_aggregate(rule: Aggregate) -> list[tuple[tuple[str | int, ...], str]]:
    """A weight only where it means something (a mean or a CV), never the rule's own
    indicator; roster kinds as for ``each``."""
    found = check_each(rule)
    if rule.weight and rule.stat not in ("mean", "cv"):
        found.append((("rule", "weight"), f"a weight applies to a mean or a cv, not a {rule.stat}"))
    if rule.weight and rule.weight == rule.indicator:
        found.append((("rule", "weight"), "a value cannot weight itself"))
    return found


def check_each(rule: Each | KOfN | Aggregate) -> list[tuple[tuple[str | int, ...], str]]:
    """Roster kinds must be known ones: a misspelt kind would match no school, silently."""
    from ..roster import KINDS

    return [
        (("rule", "kinds", index), f"unknown roster kind {kind!r}; expected one of {list(KINDS)}")
        for index, kind in enumerate(rule.kinds)
        if kind not in KINDS
    ]
