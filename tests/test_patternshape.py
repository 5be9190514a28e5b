"""Which patterns the hyperscan engine keeps out of start-of-match tracking (a speed guess)."""

from __future__ import annotations

import pytest
import re2

from triage.rulebook import RegexRule, load_rules
from triage.scan import Re2Scanner, compile_scanner, costly_start
from triage.scan.patternshape import presence_form


@pytest.mark.parametrize(
    ("pattern", "costly"),
    [
        (r"\b[A-Za-z_]\w*\(", True),  # may start at any letter of any word
        (r"[^a]+", True),  # a negated class matches letters
        (r"[a-f0-9]+x", True),
        (r"(?mi)`[^`\n]{1,60}`", True),  # a class repeated up to a large bound
        (r"[x]{40}", True),
        (r"(?:a|[a-z]+_x)", True),  # in any alternative
        (r"(?i:\w+)x", True),
        (r"(?P<name>[a-z]+)", True),
        (r"\pL+x", True),
        (r"\p{Greek}+", True),
        (r"[]a]+", True),
        (r"(?i)\d+\s*ms\b", False),  # a run of digits: prose has few, cheap to track
        (r"[$€£]\d+", False),
        (r"\b\d+(?:[.,]\d+)?\s*(?:kb|mb)\b", False),
        (r"[0-9]+x", False),
        (r"\s+x", False),
        (r"\W+x", False),
        (r"(?mi)\bfoo\s+bar\b", False),  # starts at a literal
        (r"\b(?:the\s+)?(?:users?|admins?)\s+can", False),
        (r"(?m)^[ \t]*#", False),  # anchored at a line start
        (r"[x]{1,31}", False),
        (r"x{2}y", False),
        (r"\pLx", False),
        (r"a(?i)\w+", False),
        (r"(unclosed", False),  # not understood: left with start-of-match
        (r"(?<weird>x)+", False),
    ],
)
def test_costly_start_shapes(pattern: str, costly: bool) -> None:
    assert costly_start(pattern) is costly


def test_a_rule_left_out_of_start_tracking_is_still_counted_exactly() -> None:
    pytest.importorskip("hyperscan")
    regex = r"\b[A-Za-z_]\w*\([^)\n]*\)\s*->"
    rule = RegexRule.model_validate(
        {
            "id": "signature",
            "kind": "regex",
            "signal": "interface",
            "description": "A function signature with a return arrow.",
            "regex": regex,
            "cap": 3,
            "examples": {"fires": ["def f(x) -> int"], "quiet": ["f(x)"]},
        }
    )
    assert costly_start(rule.pattern())
    text = "def f(x) -> int\nsum(a, b) -> c; g() -> h\n" * 3 + "nothing(here"
    hyperscan = compile_scanner([rule], "hyperscan")
    assert hyperscan.scan(text) == Re2Scanner([rule]).scan(text)
    assert hyperscan.scan(text).counts == (3,)


@pytest.mark.parametrize(
    ("pattern", "form"),
    [
        (r"(?m)^[^\n]{0,30}\bkey", r"(?m)^[^\n]{0,}\bkey"),  # a large bound: unbounded
        (r"\pL[^.\n]{6,56}\n", r"\pL[^.\n]{6,}\n"),
        (r"\d{1,2}x{0,19}", r"\d{1,2}x{0,19}"),  # small bounds stay
        (r"\{1,50\}", r"\{1,50\}"),  # escaped braces are literal
        (r"[{1,50}]", r"[{1,50}]"),  # inside a class too
        (r"[[:alpha:]{]{3,40}", r"[[:alpha:]{]{3,}"),
        (r"\p{Greek}{2,30}", r"\p{Greek}{2,}"),
        (r"\Qa{1,50}\E", r"\Qa{1,50}\E"),  # quoted text: left alone
    ],
)
def test_presence_form_unbounds_large_repeats_only(pattern: str, form: str) -> None:
    assert presence_form(pattern) == form


def test_presence_form_finds_every_text_the_rule_finds() -> None:
    """A superset: every default rule's presence form fires on each of its examples that fire."""
    for rule in load_rules([]).rules:
        exact, relaxed = re2.compile(rule.pattern()), re2.compile(presence_form(rule.pattern()))
        for text in [*rule.examples.fires, *rule.examples.quiet]:
            if exact.search(text):
                assert relaxed.search(text), (rule.id, text)
