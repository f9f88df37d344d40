"""How text and numbers are shown to people: escaping, widths, number formatting.

Reporters and messages use these; reading data and judging rules do not need them.
"""

from __future__ import annotations

import functools
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
    return sum(map(_known_width, text))


def char_width(char: str) -> int:
    """Columns one character takes: 0 for combining marks, 2 for wide (CJK) ones."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def format_number(value: float) -> str:
    """Up to six decimals, without trailing zeros (98.49999 must not show as 98.5)."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold (control characters a cell may carry)
    shown as ``\\x0b``, for Word documents and JUnit files."""
    return _NOT_XML.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def figure(value: float, op: str | None = None, bound: float | None = None) -> str:
    """A figure for a table: about four significant digits (92.000865 → 92, 0.074227 →
    0.0742, 13.35804 → 13.36; whole digits are never dropped), and more wherever rounding
    would move it onto, or across, the ``bound`` it is judged against (84.996 against
    ``≥ 85`` stays 84.996, never 85)."""
    import math

    whole = len(str(int(abs(value)))) if math.isfinite(value) and abs(value) >= 1 else 0
    for places in (max(4 - whole, 0), 6):
        rounded = round(value, places)
        if op is None or bound is None or _same_side(value, rounded, bound):
            return format_number(rounded)
    return f"{value:.12g}"  # a hair's breadth from the bound: every digit it takes


def _same_side(value: float, rounded: float, bound: float) -> bool:
    return (value < bound) == (rounded < bound) and (value > bound) == (rounded > bound)


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


#: :func:`char_width` of each character met (a table of a province's school names wraps
#: a million characters, of a few thousand kinds)
_known_width = functools.lru_cache(maxsize=1 << 16)(char_width)
