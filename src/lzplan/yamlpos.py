"""Safe YAML reading that remembers where each value stood.

Only plain YAML is read (no Python tags); anchors/aliases and duplicate keys are
refused, which also rules out alias bombs ("billion laughs").
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import PlanError, Problem

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]

try:  # libyaml is several times faster; fall back where it is not built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def load(text: str, file: str) -> tuple[Any, Positions]:
    """Parse ``text``; return the data and a map from path to (line, column), 1-based."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise PlanError([_marked(file, exc)]) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise PlanError([Problem(file, f"not valid YAML: {exc}")]) from None
    if node is None:
        raise PlanError([Problem(file, "the plan file is empty")])
    positions: Positions = {}
    _walk(node, positions, file)
    try:
        data = yaml.constructor.SafeConstructor().construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise PlanError([_marked(file, exc)]) from None
    return data, positions


def _marked(file: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if mark is None:
        return Problem(file, message or str(exc))
    return Problem(file, message, mark.line + 1, mark.column + 1)


#: A plan nests a handful of levels; far deeper is a hostile or broken file.
MAX_DEPTH = 50


def _walk(root: yaml.Node, out: Positions, file: str) -> None:
    """Record every node's position; refuse aliases, duplicate keys and deep nesting."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if id(node) in seen:
            message = "YAML anchors and aliases are not allowed (this anchored value is reused)"
            raise PlanError([Problem(file, message, line, column)])
        if len(path) > MAX_DEPTH:
            raise PlanError([Problem(file, f"nested deeper than {MAX_DEPTH} levels", line, column)])
        seen.add(id(node))
        out[path] = (line, column)
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key in keys:
                    mark = key_node.start_mark
                    problem = Problem(
                        file, f"duplicate key {key!r}", mark.line + 1, mark.column + 1
                    )
                    raise PlanError([problem])
                keys.add(key)
                stack.append((value_node, (*path, key)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))


def dotted(path: Path_) -> str:
    """``("targets", 3, "rule")`` → ``targets[3].rule``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def locate(positions: Positions, path: Path_) -> tuple[int, int] | None:
    """The position of the deepest prefix of ``path`` that the file has."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return None
