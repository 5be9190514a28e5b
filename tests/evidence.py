"""Helpers shared by the rule-evidence tests: does a default rule fire, what a dimension scores."""

from __future__ import annotations

from functools import cache

import re2

from triage import assess_text, default_ruleset


@cache
def _pattern(rule_id: str) -> re2._Regexp:
    return re2.compile(default_ruleset().rule(rule_id).pattern())


def fires(rule_id: str, text: str) -> bool:
    """Whether the default rule ``rule_id`` matches anywhere in ``text``."""
    return _pattern(rule_id).search(text) is not None


def dimension_score(text: str, dimension: str) -> float:
    """The score of ``dimension`` for ``text`` read as Markdown by the default rules."""
    report = assess_text(text, markdown=True)
    assert report.scores is not None
    return report.scores.dimensions[dimension]


def dimension_held(text: str, dimension: str) -> bool:
    """Whether ``dimension`` reaches its policy threshold for ``text``."""
    threshold = default_ruleset().policy.dimensions[dimension].threshold
    return dimension_score(text, dimension) >= threshold


def signal_points(text: str, signal: str) -> float:
    """The points one signal collects in ``text`` (read as plain text)."""
    seed = assess_text(text)
    assert seed.scores is not None
    return seed.scores.signals.get(signal, 0.0)


def assert_genre_not_buildable(text: str, genre: str) -> None:
    """Assert that ``text`` is read as ``genre`` and is not called buildable."""
    seed = assess_text(text)
    assert seed.genre_id == genre, seed.summary
    assert seed.verdict != "buildable", seed.summary


def assert_buildable_spec(text: str) -> None:
    """Assert that ``text`` is called buildable and holds a software spec."""
    seed = assess_text(text)
    assert seed.verdict == "buildable", seed.summary
    assert dimension_held(text, "software_spec")


def assert_spec_in_language(text: str, code: str) -> None:
    """Assert that a Markdown ``text`` is read in language ``code`` as a software spec."""
    report = assess_text(text, markdown=True)
    assert report.language == code
    assert report.dimensions is not None and report.dimensions.software_spec, report.summary
    assert report.verdict != "not-a-spec", report.summary
