"""Display helpers: a text's terminal width is the sum of its characters' widths."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lzplan.display import char_width, width_of


@given(st.text())
def test_width_of_is_the_sum_of_its_characters_widths(text: str) -> None:
    assert width_of(text) == sum(char_width(char) for char in text)


def test_wide_narrow_and_combining_characters() -> None:
    # 学 and the full-width Ａ take two columns; é as e + a combining accent takes one
    assert width_of("学校Ａ1") == 7
    assert width_of("e\u0301") == 1
