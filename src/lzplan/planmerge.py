"""A plan that ``extends`` another: a province or city that raises a few values writes only
those, and takes the rest from a bundled plan (or another plan file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Lists whose items are matched by their ``id`` when a plan extends another.
_BY_ID = ("sections", "indicators", "targets")


def merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override``'s fields over ``base``'s: mappings merged key by key, the sections,
    indicators and targets matched by ``id`` (a known id's fields merged, a new id added),
    anything else replaced."""
    result = dict(base)
    for key, value in override.items():
        old = result.get(key)
        if key in _BY_ID and isinstance(old, list) and isinstance(value, list):
            result[key] = _by_id(old, value)
        elif isinstance(old, dict) and isinstance(value, dict):
            result[key] = merged(old, value)
        else:
            result[key] = value
    return result


def _by_id(base: list[Any], override: list[Any]) -> list[Any]:
    items = list(base)
    where = {item.get("id"): index for index, item in enumerate(items) if isinstance(item, dict)}
    for item in override:
        index = where.get(item.get("id")) if isinstance(item, dict) else None
        if index is None:
            items.append(item)
        else:
            items[index] = merged(items[index], item)
    return items


def rooted(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The plan's own files (its roster) named from ``folder``, where the plan stands, so
    that a plan extending it from elsewhere still finds them."""
    roster = data.get("roster")
    if isinstance(roster, str) and roster and not Path(roster).is_absolute():
        return {**data, "roster": str(folder.resolve() / roster)}
    return data
