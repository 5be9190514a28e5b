"""The trace a decision carries: each step the policy took, and explain printing exactly that."""

from __future__ import annotations

import pytest

from tests.conftest import DESIGN_CARD
from triage import RuleSet, default_ruleset
from triage.inputs import Document, make_document
from triage.judge import Features, Judge, Judgment, PolicyDecider, explain_document
from triage.scan import ScanResult, compile_scanner

VAGUE_REQUEST = "I want an app that lets me track my expenses, with a chart per month."


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


def scanned(ruleset: RuleSet, text: str) -> tuple[Document, ScanResult]:
    doc = make_document(text, "seed.txt")
    return doc, compile_scanner(ruleset.rules, "re2").scan(doc.text)


def judged(ruleset: RuleSet, text: str) -> Judgment:
    return Judge(ruleset).judge(*scanned(ruleset, text))


def test_an_opinion_article_stops_at_the_first_verdict_rule(
    ruleset: RuleSet, reference_text: str
) -> None:
    decision = judged(ruleset, reference_text).decision
    trace = decision.trace
    assert (decision.genre, decision.runner_up) == ("opinion-article", "news-report")
    assert trace.genre.ranked[0][0] == "opinion-article" and not trace.genre.fell_short
    assert [step.absent for step in trace.dimensions] == ["no-build-genre"] * 3
    assert [(step.number, step.rule.verdict, step.held) for step in trace.verdicts] == [
        (1, "not-a-spec", True)
    ]


def test_a_vague_request_tries_every_verdict_rule_down_to_the_default(ruleset: RuleSet) -> None:
    trace = judged(ruleset, VAGUE_REQUEST).decision.trace
    absent = {step.name: step.absent for step in trace.dimensions}
    assert absent == {
        "software_spec": None,
        "hardware_target": "below-threshold",
        "performance_core": "below-threshold",
    }
    rules = len(ruleset.policy.verdicts)
    assert [step.held for step in trace.verdicts] == [False] * (rules - 1) + [True]
    assert trace.verdicts[-1].rule == ruleset.policy.verdicts[-1]


def test_the_design_card_is_buildable_by_the_first_buildable_rule(ruleset: RuleSet) -> None:
    decision = judged(ruleset, DESIGN_CARD.read_text()).decision
    assert decision.verdict == "buildable"
    verdicts = [rule.verdict for rule in ruleset.policy.verdicts]
    first = verdicts.index("buildable") + 1
    assert [step.number for step in decision.trace.verdicts] == list(range(1, first + 1))
    assert decision.reason == decision.trace.verdicts[-1].rule.reason


def test_the_trace_scores_are_the_features_scores(ruleset: RuleSet) -> None:
    features, decision = judged(ruleset, VAGUE_REQUEST)
    assert dict(decision.trace.genre.ranked) == features.genres
    assert {step.name: step.score for step in decision.trace.dimensions} == features.dimensions


def features_with(
    ruleset: RuleSet, genre: str, signals: dict[str, float], dimensions: dict[str, float]
) -> Features:
    """Features made by hand: one genre scored, the given signal and dimension scores."""
    policy = ruleset.policy
    return Features(
        words=300,
        rules=(),
        hits=(),
        points={},
        signals={name: signals.get(name, 0.0) for name in policy.signals},
        genres={name: 5.0 if name == genre else 0.0 for name in policy.genres},
        dimensions={name: dimensions.get(name, 0.0) for name in policy.dimensions},
    )


def test_a_dimension_without_any_required_signal_is_absent(ruleset: RuleSet) -> None:
    # software_spec over its threshold from data and acceptance alone: none of the signals it
    # requires (feature, requirement, build_intent, interface) is there.
    features = features_with(
        ruleset, "requirements-spec", {"data": 5.0, "acceptance": 5.0}, {"software_spec": 5.0}
    )
    steps = PolicyDecider(ruleset.policy).decide(features).trace.dimensions
    assert steps[0].name == "software_spec"
    assert steps[0].absent == "requires-any-missing"


def test_a_genre_suppresses_a_dimension(ruleset: RuleSet) -> None:
    features = features_with(
        ruleset, "hardware-spec", {"feature": 5.0, "hardware": 5.0}, {"software_spec": 5.0}
    )
    decision = PolicyDecider(ruleset.policy).decide(features)
    assert decision.trace.dimensions[0].absent == "suppressed"
    assert not decision.dimensions.software_spec


def test_no_genre_cue_falls_back_to_the_policy_genre(ruleset: RuleSet) -> None:
    decision = PolicyDecider(ruleset.policy).decide(features_with(ruleset, "none", {}, {}))
    assert decision.genre == ruleset.policy.fallback_genre
    assert decision.trace.genre.fell_short
    assert (decision.confidence, decision.runner_up) == (0.0, None)


def verdict_lines(explained: str) -> list[str]:
    lines = explained.splitlines()
    after = lines[lines.index("verdict rules, first that holds decides:") + 1 :]
    return after[: after.index("")] if "" in after else after  # fitted models may follow


@pytest.mark.parametrize("text", ["reference", VAGUE_REQUEST], ids=["opinion", "vague"])
def test_explain_lists_the_verdict_rules_the_decider_tried(
    ruleset: RuleSet, reference_text: str, text: str
) -> None:
    doc, result = scanned(ruleset, reference_text if text == "reference" else text)
    tried = Judge(ruleset).judge(doc, result).decision.trace.verdicts
    listed = [
        line for line in verdict_lines(explain_document(doc, result, ruleset)) if line[2] != " "
    ]
    assert [line.split(".")[0].strip() for line in listed] == [str(s.number) for s in tried]
    assert [line.endswith("HOLDS") for line in listed] == [s.held for s in tried]
