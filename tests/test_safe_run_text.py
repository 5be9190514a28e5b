"""Issue 14: the Markdown clean-up takes linear time, and blanks what the plain regex blanks.

``'[a](' * 50000`` took over 300 s: as a regex, a link target that never closes was read to the
end again from every ``](``. Adversarial repeats of every kind of noise now finish in bounded time.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.inputs import HTML_TAGS, make_document

# The plain noise regex (look-behind, line starts): quadratic, so for small texts only.
REFERENCE = re.compile(
    r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"
    rf"|</?(?:{HTML_TAGS})\b[^>\n]{{0,200}}>|<!--|-->"
    r"|\*\*|__|^[ \t]{0,3}>",
    re.IGNORECASE | re.MULTILINE,
)
TOKENS = st.sampled_from(
    ["](", ")", "(", "]", "[", " ", "\t", "\n", '"', "a", "é", "\u2003", "\x1c", "**", "__", "*",
     "_", "<", ">", "<b", "</em", "<a href=", "<!--", "-->", "-", "> ", "\n  >", "x)", '" )']
)  # fmt: skip
# Each repeated 50,000 times: the shapes that make a backtracking or restarting matcher quadratic.
ADVERSARIAL = [
    "[a](",
    "](",
    '](a "',
    "](a ",
    '](a "b',
    "<a",
    "<b ",
    "<!--",
    "**_",
    "\n>",
    "](\u2003",
    '" ',
]
BUDGET_SECONDS = 2.0  # each takes well under 0.2 s here; the quadratic form took minutes


def reference(text: str) -> str:
    """Blank as the plain regex does."""
    return REFERENCE.sub(lambda m: " " * len(m.group()), text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=80).map("".join))
def test_markdown_clean_up_blanks_what_the_plain_regex_blanks(text: str) -> None:
    assert make_document(text, markdown=True).text == reference(text)


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_markdown_clean_up_of_adversarial_repeats_takes_linear_time(unit: str) -> None:
    text = unit * 50_000
    started = time.perf_counter()
    cleaned = make_document(text, markdown=True).text
    assert time.perf_counter() - started < BUDGET_SECONDS
    assert len(cleaned) == len(text)


@pytest.mark.parametrize("unit", ["[a](", '](a "', "<a"])
def test_markdown_clean_up_time_grows_linearly(unit: str) -> None:
    """Eight times the text takes well under 64 times as long (quadratic) — under 20 times."""

    def seconds(repeats: int) -> float:
        text = unit * repeats
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            make_document(text, markdown=True)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(20_000), seconds(160_000)
    assert large < 20 * max(small, 1e-3)


def test_a_closed_link_after_many_open_ones_is_still_blanked() -> None:
    text = "[a](" * 1000 + "[docs](http://x.y/z) end"
    cleaned = make_document(text, markdown=True).text
    assert "http" not in cleaned and cleaned.endswith(" end")
    assert cleaned == reference(text)
