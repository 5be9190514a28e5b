"""Every number in a report's scores traces back to the rules that fired and the policy."""

from __future__ import annotations

import math

import pytest

from tests.conftest import DESIGN_CARD
from triage import RuleSet, SeedReport, assess_text, default_ruleset


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.fixture(scope="module", params=["reference", "card"])
def report(request: pytest.FixtureRequest, reference_text: str) -> SeedReport:
    text = reference_text if request.param == "reference" else DESIGN_CARD.read_text()
    return assess_text(text, markdown=request.param == "card")


def test_a_contribution_is_its_weight_times_its_capped_count(
    ruleset: RuleSet, report: SeedReport
) -> None:
    assert report.scores is not None and report.scores.contributions
    rules = {rule.id: rule for rule in ruleset.rules}
    per_thousand = 1000.0 / max(report.scores.words, ruleset.policy.min_words)
    for part in report.scores.contributions:
        rule = rules[part.rule]
        scale = per_thousand if rule.density else 1.0
        assert (part.signal, part.weight) == (rule.signal, rule.weight)
        assert part.points == round(rule.weight * min(part.count, rule.cap) * scale, 3)


def test_a_signal_score_is_the_sum_of_its_contributions(
    ruleset: RuleSet, report: SeedReport
) -> None:
    assert report.scores is not None
    assert list(report.scores.signals) == list(ruleset.policy.signals)
    for signal, score in report.scores.signals.items():
        parts = [p.points for p in report.scores.contributions if p.signal == signal]
        assert math.isclose(score, sum(parts), abs_tol=1e-3)


def test_genre_and_dimension_scores_are_weighted_sums_of_signals(
    ruleset: RuleSet, report: SeedReport
) -> None:
    assert report.scores is not None
    signals, policy = report.scores.signals, ruleset.policy
    for name, genre in policy.genres.items():
        expected = sum(weight * signals[s] for s, weight in genre.cues.items())
        assert math.isclose(report.scores.genres[name], expected, abs_tol=1e-3)
    for name, dimension in policy.dimensions.items():
        expected = sum(weight * signals[s] for s, weight in dimension.signals.items())
        assert math.isclose(report.scores.dimensions[name], expected, abs_tol=1e-3)


def test_the_same_text_gives_the_same_scores_to_the_last_bit(reference_text: str) -> None:
    # The weighted sums add their terms in the policy's order every time, so reports are
    # byte-identical from run to run.
    first, second = assess_text(reference_text), assess_text(reference_text)
    assert first.model_dump_json() == second.model_dump_json()
