"""Counting from Hyperscan's start-of-match events gives RE2's counts and spans, on any text.

The hyperscan engine counts a small document's hits from one pass of start-of-match events and
has RE2 recount only the rules it is unsure of (overlapping events, a grown match RE2 ends
elsewhere). This shows, on random texts, that the counts and spans are RE2's whatever the rule's
shape: greedy tails, alternatives that are prefixes of each other, overlapping candidates, caps.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import regex_rule
from triage.scan import Re2Scanner

hsengine = pytest.importorskip("triage.scan.hsengine", exc_type=ImportError)

PATTERNS = [
    r"ab|a",
    r"a|ab",
    r"a+b?",
    r"bcd|c",
    r"x[^x]*x",
    r"a\w*?",
    r"a(?:b|bc)",
    r"\bab+\b",
    r"(?i)\bab\s+cd\b",
    r"`[^`\n]{1,6}`",
    r"(?m)^a.*$",
    r"\d+(?:\.\d+)?\s*ms",
]
ALPHABET = st.sampled_from([*"abcdx`ms.1 \n", "AB", "é", "ab cd"])


RULES = [
    regex_rule(f"r{n}-{cap}", regex, cap) for n, regex in enumerate(PATTERNS) for cap in (1, 2, 50)
]


@pytest.fixture(scope="module")
def engines() -> tuple[Re2Scanner, object]:
    return Re2Scanner(RULES), hsengine.HyperscanScanner(RULES)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(ALPHABET, max_size=40).map("".join))
def test_event_counts_are_re2_counts(engines: tuple[Re2Scanner, object], text: str) -> None:
    re2_scanner, hyper = engines
    assert len(text.encode()) < hsengine.EVENT_BYTES  # the event pass, not the presence pass
    assert hyper.scan(text) == re2_scanner.scan(text)  # type: ignore[attr-defined]
