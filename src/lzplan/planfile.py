"""Finding, reading and validating a plan file.

A validated plan is cached (:mod:`lzplan.cache`) so that later runs skip YAML parsing
and pydantic entirely; ``docs/design.md`` says why.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import cached
from .errors import LzplanError, PlanError, Problem
from .model import Indicator, Plan, Target, indicator_slots

if TYPE_CHECKING:
    from .roster import Roster

_HERE = Path(__file__).resolve().parent


#: The plans shipped with lzplan, by name: file names in ``data/`` (``lzplan/_bundled/``).
BUNDLED_PLANS = {
    "linzi-2021-2025": "plan.yaml",
    "preschool-universal": "preschool-universal.yaml",
    "compulsory-quality-balance": "compulsory-quality-balance.yaml",
}
#: The bundled criteria plans ``lzplan readiness`` runs unless told otherwise.
CRITERIA_PLANS: tuple[str, ...] = ("compulsory-quality-balance", "preschool-universal")


def bundled_plans() -> dict[str, Path]:
    """Every bundled plan's file, by name."""
    return {name: _bundled_file(file) for name, file in BUNDLED_PLANS.items()}


def bundled_actuals() -> Path:
    """The folder of real published figures shipped with lzplan (``data/actuals``)."""
    return _bundled_file("actuals")


def bundled_plan_path() -> Path:
    """The default plan shipped with lzplan (in a source checkout, ``data/plan.yaml``)."""
    return _bundled_file("plan.yaml")


def _bundled_file(name: str) -> Path:
    installed = _HERE / "_bundled" / name
    if installed.exists():
        return installed
    return _HERE.parents[1] / "data" / name


def plan_roster(plan: Plan, plan_path: Path | None, given: Path | None) -> Roster | None:
    """The roster to use: ``given`` (``--roster``), else the one the plan names, if any."""
    from .roster import load_roster

    if given is not None:
        return load_roster(given)
    if not plan.roster:
        return None
    folder = (plan_path or bundled_plan_path()).parent
    roster = load_roster(folder / plan.roster)
    if plan_path is None:
        from dataclasses import replace

        return replace(roster, file=f"the bundled roster, {plan.roster}")
    return roster


def find_plan(text: str | None) -> Path | None:
    """The plan ``--plan`` names: a bundled plan's name (``linzi-2021-2025``) or a file."""
    if text is None:
        return None
    if text in BUNDLED_PLANS and not Path(text).exists():
        return _bundled_file(BUNDLED_PLANS[text])
    return Path(text)


def load_plan(path: Path | None = None) -> Plan:
    """Read and validate the plan at ``path`` (the bundled plan when ``None``)."""
    path = path or bundled_plan_path()
    raw = _read(path)
    bases = _bases(raw, path)
    key = raw + b"".join(_read(base) for base in bases)  # what it extends, too
    if bases:  # its base's roster is named by where the base stands
        key += str(path.resolve()).encode("utf-8", "surrogateescape")
    return cached(
        "plan", key, PLAN_CODE, lambda: _shipped(path, raw) or parse_plan(raw, str(path)), Plan
    )


#: The modules that shape a validated plan: the cache's key, and a shipped plan's, has them.
PLAN_CODE = (
    "model.py", "rulemodel.py", "derivedmodel.py", "modelbase.py", "planfile.py",
    "planmerge.py", "derived.py", "additions.py", "exclusions.py",
)  # fmt: skip


def _shipped(path: Path, raw: bytes) -> Plan | None:
    """A bundled plan as validated when the wheel was built (:mod:`lzplan.prevalidated`)."""
    if path.parent != _HERE / "_bundled":
        return None
    from .prevalidated import read

    return read(path, raw, PLAN_CODE)


def _read(path: Path) -> bytes:
    shown = str(path)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise PlanError([Problem(shown, "is a directory, not a plan file")]) from None
    except FileNotFoundError:
        names = ", ".join(BUNDLED_PLANS)
        message = f"is neither a plan file nor a bundled plan ({names}; lzplan plans lists them)"
        raise PlanError([Problem(shown, message)]) from None
    except OSError as exc:
        raise PlanError([Problem(shown, f"cannot read the plan file: {exc.strerror}")]) from None


_EXTENDS = re.compile(rb"^extends:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)
#: How many plans deep ``extends`` may go (a plan extending itself is refused).
_MAX_BASES = 5


def plan_files(path: Path) -> list[Path]:
    """The plan file and every plan it extends: the files a run reads to know the plan,
    which an output may never replace."""
    try:
        return [path, *(base for base in _bases(_read(path), path) if base.exists())]
    except LzplanError:
        return [path]


def _bases(raw: bytes, path: Path, depth: int = 0) -> list[Path]:
    """The plans ``raw`` extends, nearest first, found as :func:`_base` finds them."""
    found = _EXTENDS.search(raw)
    if found is None or depth >= _MAX_BASES:
        return []
    base = _base(found.group(1).decode("utf-8", "replace"), path)
    return [base, *_bases(_read(base), base, depth + 1)]


def _base(name: str, path: Path) -> Path:
    """A plan to extend: a bundled plan's name, else a file beside the extending plan."""
    if name in BUNDLED_PLANS:
        return _bundled_file(BUNDLED_PLANS[name])
    return path.parent / name


def parse_plan(raw: bytes, file: str, depth: int = 0) -> Plan:
    """Validate the bytes of a plan file; raise :class:`PlanError` with every problem found."""
    data, positions = _data(raw, file, depth)
    plan = _validate(data, positions, file)
    problems = [_problem(file, positions, path, message) for path, message in _cross_check(plan)]
    if problems:
        raise PlanError(problems)
    return plan


def _data(raw: bytes, file: str, depth: int = 0) -> tuple[dict[str, Any], Any]:
    """The plan's fields, with those of the plan it ``extends`` under them."""
    from . import yamlpos
    from .planmerge import merged, rooted

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanError([Problem(file, f"not UTF-8 text (byte {exc.start})")]) from None
    data, positions = yamlpos.load(text, file)
    if not isinstance(data, dict):
        raise PlanError([Problem(file, "expected a mapping of plan fields at the top", 1, 1)])
    name = data.pop("extends", None)
    if name is None:
        return data, positions
    if not isinstance(name, str) or depth >= _MAX_BASES:
        where = positions.get(("extends",), (None, None))
        message = "extends names a plan: a bundled plan's name or a file beside this one"
        if depth >= _MAX_BASES:
            message = f"plans extend each other more than {_MAX_BASES} deep (one extends itself?)"
        raise PlanError([Problem(file, message, *where)])
    base_path = _base(name, Path(file))
    base, _ = _data(_read(base_path), str(base_path), depth + 1)
    return merged(rooted(base, base_path.parent), data), positions


def _validate(data: dict[str, Any], positions: Any, file: str) -> Plan:
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Plan).validate_python(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            path, extra = _data_path(data, error["loc"])
            problems.append(_problem(file, positions, path, _message(error, extra)))
        raise PlanError(problems) from None


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[tuple[str | int, ...], str]:
    """Map a pydantic error location onto the file's keys, dropping union tags."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part not in node and node.get("kind") == part:
            continue  # the discriminated union's tag, not a key in the file
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        else:
            return tuple(path), str(part)
        path.append(part)
    return tuple(path), ""


def _message(error: Any, missing_key: str) -> str:
    kind = error["type"]
    if kind == "missing" or (kind == "missing_argument"):
        return f"missing required field {missing_key!r}" if missing_key else "missing field"
    if kind == "unexpected_keyword_argument":
        return "unknown field"
    if kind == "union_tag_invalid":
        context = error.get("ctx", {})
        expected = context.get("expected_tags")
        return f"unknown rule kind {context.get('tag')!r}; expected one of {expected}"
    message = str(error["msg"])
    shown = repr(error.get("input"))
    if kind != "dataclass_type" and len(shown) <= 60:
        message += f" (found {shown})"
    return message


def _problem(file: str, positions: Any, path: tuple[str | int, ...], message: str) -> Problem:
    from .yamlpos import dotted, locate

    found = locate(positions, path)
    line, column = found if found else (None, None)
    return Problem(file, message, line, column, dotted(path))


def _cross_check(plan: Plan) -> list[tuple[tuple[str | int, ...], str]]:
    """Checks that span fields: unique ids, known sections and indicators, rule fit."""
    from .derived import check_plan as check_derived

    found: list[tuple[tuple[str | int, ...], str]] = []
    groups: dict[str, list[str]] = {
        "sections": [section.id for section in plan.sections],
        "indicators": [indicator.id for indicator in plan.indicators],
        "targets": [target.id for target in plan.targets],
    }
    for name, ids in groups.items():
        counts = Counter(ids)
        found.extend(
            ((name, index, "id"), f"duplicate id {id_!r}")
            for index, id_ in enumerate(ids)
            if counts[id_] > 1
        )
    for name, items in groups.items():
        if not items:
            found.append(((name,), f"a plan needs at least one of its {name}"))
    if plan.period_start > plan.period_end:
        found.append((("period_end",), "the period ends before it starts"))
    found.extend(_indicator_check(plan))
    found.extend(check_derived(plan))
    if plan.exclude:
        from .exclusions import check_exclusions

        found.extend(check_exclusions(plan))
    sections = {section.id for section in plan.sections}
    indicators = plan.indicator_map
    for index, target in enumerate(plan.targets):
        here: tuple[str | int, ...] = ("targets", index)
        if target.section not in sections:
            found.append(((*here, "section"), f"unknown section {target.section!r}"))
        if target.baseline is not None and target.baseline.year >= target.deadline:
            found.append(((*here, "baseline", "year"), "the baseline is not before the deadline"))
        found.extend(((*here, *path), message) for path, message in _rule_check(target, indicators))
        if target.criteria and target.criteria not in BUNDLED_PLANS:
            known = [name for name in BUNDLED_PLANS if name != plan.id]
            found.append(
                (
                    (*here, "criteria"),
                    f"unknown criteria plan {target.criteria!r}; bundled: {known}",
                )
            )
    return found


def _rule_check(
    target: Target, indicators: dict[str, Indicator]
) -> list[tuple[tuple[str | int, ...], str]]:
    """What the rule's kind needs of its indicators (numbers or flags, per entity or not),
    and the checks only that kind has."""
    from .rules.kinds import kind_of

    rule = target.rule
    kind = kind_of(rule)
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for path, wanted in indicator_slots(rule):
        indicator = indicators.get(wanted)
        where = ("rule", *path)
        if indicator is None:
            problems.append((where, f"unknown indicator {wanted!r}"))
            continue
        name, rule_kind = indicator.id, f"a rule of kind {rule.kind!r}"
        if indicator.type != kind.values:
            problems.append(
                (
                    where,
                    f"{rule_kind} needs a {kind.values} indicator; {name!r} is a {indicator.type}",
                )
            )
        if indicator.per_entity != kind.per_entity:
            need, has = ("per-entity", "district-level")[:: 1 if kind.per_entity else -1]
            problems.append(
                (
                    where,
                    f"{rule_kind} needs a {need} indicator (per_entity: "
                    f"{str(kind.per_entity).lower()}); {name!r} is {has}",
                )
            )
    return [*problems, *kind.check(rule)]


def _indicator_check(plan: Plan) -> list[tuple[tuple[str | int, ...], str]]:
    """Plausible ranges that are ranges, and names that say one thing: an id, Chinese name
    or alias that also names another indicator, or a column (数值), would be read wrongly."""
    from .layout import COLUMN_NAMES, fold

    columns = {fold(name) for names in COLUMN_NAMES.values() for name in names}
    owner: dict[str, str] = {}
    found: list[tuple[tuple[str | int, ...], str]] = []
    for index, indicator in enumerate(plan.indicators):
        here: tuple[str | int, ...] = ("indicators", index)
        if indicator.plausible is not None and indicator.plausible[0] > indicator.plausible[1]:
            found.append(((*here, "plausible"), "the range's low end is above its high end"))
        fields: dict[str, tuple[str, ...]] = {"id": (indicator.id,)}
        fields.update(name_zh=(indicator.name_zh,), aliases=indicator.aliases)
        for field, texts in fields.items():
            for name in dict.fromkeys(fold(text) for text in texts):
                other = owner.setdefault(name, indicator.id)
                if other != indicator.id:
                    found.append(((*here, field), f"{name!r} also names {other}"))
                elif name in columns:
                    found.append(((*here, field), f"{name!r} is a column name, not an indicator"))
    return found
