"""What every part of the plan model shares: the field constraints pydantic reads (built
without importing ``annotated_types`` until a schema is built), the strict configuration,
and the small types (operators, identifiers, years)."""

from __future__ import annotations

from typing import Annotated, Any, Literal


class _Constraint:
    """A field constraint that pydantic reads as the ``annotated_types`` one.

    ``annotated_types`` is imported only when pydantic builds a schema, so that
    the cached path (which never validates) does not pay for it at start-up.
    """

    def __init__(self, name: str, value: float) -> None:
        self.name, self.value = name, value

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        import annotated_types

        constraint = getattr(annotated_types, self.name)(self.value)
        return handler(Annotated[source, constraint])


def Ge(value: float) -> Any:
    """At least ``value``."""
    return _Constraint("Ge", value)


def Gt(value: float) -> Any:
    """More than ``value``."""
    return _Constraint("Gt", value)


def Le(value: float) -> Any:
    """At most ``value``."""
    return _Constraint("Le", value)


def MinLen(value: int) -> Any:
    """At least ``value`` long."""
    return _Constraint("MinLen", value)


_STRICT: dict[str, Any] = {"extra": "forbid", "allow_inf_nan": False}

Op = Literal[">=", ">", "<=", "<", "=="]
Nature = Literal["binding", "anticipatory"]
Identifier = Annotated[str, MinLen(1)]
Year = Annotated[int, Ge(1900), Le(2200)]
