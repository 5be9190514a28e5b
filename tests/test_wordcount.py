"""Word counts and line/column lookups that avoid building lists the size of the document."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.inputs import UNICODE_SPACES, count_words, make_document

ALPHABET = st.sampled_from(list("ab \n\t\x0b\x1cé\u2019😀\u2003\xa0\u3000\x85\ud800"))


def test_the_unicode_space_list_is_what_str_split_uses() -> None:
    spaces = {c for c in map(chr, range(128, 0x110000)) if c.isspace()}
    assert max(map(ord, spaces)) < 0x3100
    listed = {c for c in map(chr, range(128, 0x3100)) if re.fullmatch(f"[{UNICODE_SPACES}]", c)}
    assert listed == spaces


@given(st.text(ALPHABET, max_size=60))
def test_words_are_counted_like_str_split(text: str) -> None:
    assert count_words(text) == len(text.split())


@given(st.text(ALPHABET, max_size=60))
def test_words_are_counted_like_str_split_across_pieces(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("triage.inputs.text.WORD_CHUNK", 5)
        patch.setattr("triage.inputs.text.MANY_SPACES", 2)
        assert count_words(text) == len(text.split())


CJK_ALPHABET = st.sampled_from(list("ab \n字か\u3000。，한"))


def test_each_chinese_or_japanese_character_counts_as_a_word() -> None:
    assert count_words("hello 世界 and こんにちは") == 4 + 2 + 5
    assert count_words("系统应导出报表。") == 1 + 7  # the full stop is no word of its own
    assert count_words("한국어 문장") == 2  # Korean puts spaces between words


@given(st.text(CJK_ALPHABET, max_size=60))
def test_cjk_words_are_the_same_counted_whole_or_in_chunks(text: str) -> None:
    expected = len(text.split()) + text.count("字") + text.count("か")
    assert count_words(text) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("triage.inputs.text.WORD_CHUNK", 5)
        assert count_words(text) == expected


@given(st.text(st.sampled_from(list("ab\n é")), max_size=40), st.integers(0, 40))
def test_locate_agrees_with_the_line_map(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    fresh = make_document(text)
    mapped = make_document(text)
    _ = mapped.line_starts
    assert fresh.locate(offset) == mapped.locate(offset)
