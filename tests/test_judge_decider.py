"""The Decider seam: a decider plugged into a Judge decides the verdict and traces it."""

from __future__ import annotations

import pytest

from triage import RuleSet, default_ruleset
from triage.inputs import Document, make_document
from triage.judge import (
    Decision,
    Features,
    Judge,
    PolicyDecider,
    Trace,
    VerdictStep,
    explain_document,
)
from triage.report import Dimensions
from triage.rulebook import Condition, VerdictRule
from triage.scan import ScanResult, compile_scanner

TRUSTED = VerdictRule(verdict="buildable", when=Condition(), reason="the requester is trusted")


class TrustingDecider:
    """Decides as the policy does, then calls every document buildable."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.policy = PolicyDecider(ruleset.policy)

    def decide(self, features: Features) -> Decision:
        decision = self.policy.decide(features)
        trace = decision.trace._replace(verdicts=(VerdictStep(1, TRUSTED, held=True),))
        return decision._replace(verdict="buildable", reason=TRUSTED.reason, trace=trace)


class FixedDecider:
    """Always the same decision, with no trace at all."""

    def decide(self, features: Features) -> Decision:
        nothing = Dimensions(software_spec=False, hardware_target=False, performance_core=False)
        return Decision("needs-clarification", "fixed", "design-card", 1.0, None, nothing)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.fixture(scope="module")
def opinion(ruleset: RuleSet, reference_text: str) -> tuple[Document, ScanResult]:
    doc = make_document(reference_text, "seed.txt")
    return doc, compile_scanner(ruleset.rules, "re2").scan(doc.text)


def test_the_default_decider_is_the_policy(
    ruleset: RuleSet, opinion: tuple[Document, ScanResult]
) -> None:
    doc, result = opinion
    plain = Judge(ruleset).report(doc, result, "seed.txt", "seed.txt")
    explicit = Judge(ruleset, decider=PolicyDecider(ruleset.policy))
    assert explicit.report(doc, result, "seed.txt", "seed.txt") == plain
    assert plain.verdict == "not-a-spec"


def test_a_plugged_decider_changes_the_verdict(
    ruleset: RuleSet, opinion: tuple[Document, ScanResult]
) -> None:
    doc, result = opinion
    report = Judge(ruleset, decider=TrustingDecider(ruleset)).report(doc, result, "s", "s")
    assert (report.verdict, report.reason) == ("buildable", TRUSTED.reason)
    assert report.genre == "opinion article"  # the rest of the decision is the policy's
    assert report.questions == ()  # a buildable seed asks nothing


def test_the_report_words_the_deciders_genre_and_dimensions(
    ruleset: RuleSet, opinion: tuple[Document, ScanResult]
) -> None:
    doc, result = opinion
    report = Judge(ruleset, decider=FixedDecider()).report(doc, result, "s", "s")
    assert report.verdict == "needs-clarification"
    assert report.summary is not None and report.summary.startswith("design card — no software")
    assert report.questions  # every missing dimension's questions


def test_explain_prints_the_verdict_rules_the_decider_traced(
    ruleset: RuleSet, opinion: tuple[Document, ScanResult]
) -> None:
    doc, result = opinion
    judge = Judge(ruleset, decider=TrustingDecider(ruleset))
    explained = explain_document(doc, result, ruleset, judge=judge)
    assert explained.endswith(
        "verdict rules, first that holds decides:\n"
        "  1. buildable when always: HOLDS\n"
        "     → buildable: the requester is trusted\n"
    )
    assert explained.startswith("seed.txt: buildable — opinion article — no software spec")


def test_explain_of_a_decision_without_trace_prints_empty_sections(
    ruleset: RuleSet, opinion: tuple[Document, ScanResult]
) -> None:
    doc, result = opinion
    explained = explain_document(doc, result, ruleset, judge=Judge(ruleset, decider=FixedDecider()))
    assert explained.endswith("verdict rules, first that holds decides:\n")
    assert "genre: design card (confidence 1)\n\n" in explained
    assert Trace() == FixedDecider().decide(Judge(ruleset).judge(doc, result).features).trace
