"""Which patterns the hyperscan engine keeps out of start-of-match tracking (a speed guess)."""

from __future__ import annotations

import pytest

from triage.rulebook import RegexRule
from triage.scan import Re2Scanner, compile_scanner, costly_start


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
