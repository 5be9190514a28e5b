"""The language check's quick paths find what its plain reading finds, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from triage.inputs.language import (
    _ASCII_CUTS,
    _CODE,
    _OTHER_BREAKS,
    _WORD,
    _unfenced_lines,
    language_sample,
    words_of,
)

PIECES = ["```", "~~~", "`x`", "http://a.b/c", " ", "\n", "\r\n", "\u2028", "Ab", "é", "漢", "1_"]
PIECES += ["\x0b", "\x1c", "\x85", "\r", "’", "don’t", "naïve", "\ud800", "x²", "٣", "ǅ", "\t"]
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


CODE_AS_WRITTEN = re.compile(r"`[^`\n]{1,200}`|\b(?:https?|ftp)://\S{1,500}")
LINKS = ["`", "http://", "https://x", "ftp://", "ahttp://", "_ftp://", "éhttp://", "-https://"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES + LINKS) | st.text(max_size=4), max_size=40).map("".join))
def test_code_spans_and_addresses_are_those_of_the_pattern_as_written(text: str) -> None:
    assert _CODE.sub(" ", text) == CODE_AS_WRITTEN.sub(" ", text)


def test_the_line_breaks_the_quick_sample_knows_are_those_of_splitlines() -> None:
    breaks = {chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2}
    assert breaks == {"\n", *_OTHER_BREAKS}


def test_ascii_words_skip_digits_and_underscores() -> None:
    assert words_of("abc_def 12x Y") == ["abc", "def", "x", "Y"]
    assert re.fullmatch(r"[A-Za-z]+", "".join(words_of("a1b2_c")))


@settings(max_examples=300, deadline=None)
@given(TEXTS.filter(str.isascii))
def test_ascii_words_lowered_at_once_are_the_words_lowered_one_by_one(text: str) -> None:
    lowered = text.lower().translate(_ASCII_CUTS).split()
    assert lowered == [word.lower() for word in _WORD.findall(text)]
