"""Presence forms: patterns a set or a presence database matches wherever the rule does."""

from __future__ import annotations

import pytest
import re2

from triage.rulebook import load_rules
from triage.scan.patternshape import presence_form


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
        (r"[]{1,50}]", r"[]{1,50}]"),  # a leading "]" is a literal inside the class
        (r"[^]{1,50}]{2,30}", r"[^]{1,50}]{2,}"),
        (r"[\]{1,50}]{1,30}", r"[\]{1,50}]{1,}"),  # an escaped "]" does not close it
        (r"\x{41}{1,30}", r"\x{41}{1,}"),
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
