"""How text and numbers are shown to people: escaping, widths, number formatting.

Reporters and messages use these; reading data and judging rules do not need them.
"""

from __future__ import annotations

import re
import unicodedata

# control characters, and the bidirectional overrides that can reorder what a reader sees
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Control characters (terminal escapes, newlines) shown as ``\\x1b``, never sent raw."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def width_of(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two."""
    if text.isascii():
        return len(text)
    return sum(char_width(char) for char in text)


def char_width(char: str) -> int:
    """Columns one character takes: 0 for combining marks, 2 for wide (CJK) ones."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def format_number(value: float) -> str:
    """Up to six decimals, without trailing zeros (98.49999 must not show as 98.5)."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


#: How reports for people write comparison operators.
OP_SYMBOL = {">=": "≥", "<=": "≤", "==": "="}


def symbol(op: str) -> str:
    """``>=`` → ``≥``: operators as people read them."""
    return OP_SYMBOL.get(op, op)


def scaled(factor: float, name: str) -> str:
    """``name``, or ``5 × name`` when the factor is not 1."""
    return name if factor == 1 else f"{format_number(factor)} × {name}"


def unit_suffix(unit: str) -> str:
    """`` 万人`` after a number, ``%`` right against it, nothing for no unit."""
    return unit if unit in ("", "%") else f" {unit}"
