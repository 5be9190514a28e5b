"""The language check's quick paths find what its plain reading finds, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from triage.inputs.language import _CODE, _WORD, _unfenced_lines, language_sample, words_of

PIECES = ["```", "~~~", "`x`", "http://a.b/c", " ", "\n", "\r\n", "\u2028", "Ab", "é", "漢", "1_"]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=60).map("".join)


def plain_sample(text: str, size: int) -> str:
    """The sample as read line by line, every line checked for a fence (the reference)."""
    return _CODE.sub(" ", "\n".join(_unfenced_lines(text[: size * 4], size)))[:size]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=80))
def test_the_sample_is_the_one_read_line_by_line(text: str, size: int) -> None:
    assert language_sample(text, size) == plain_sample(text, size)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_words_are_those_of_the_unicode_pattern(text: str) -> None:
    assert words_of(text) == _WORD.findall(text)


def test_ascii_words_skip_digits_and_underscores() -> None:
    assert words_of("abc_def 12x Y") == ["abc", "def", "x", "Y"]
    assert re.fullmatch(r"[A-Za-z]+", "".join(words_of("a1b2_c")))
