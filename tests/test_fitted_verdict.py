"""The fitted spec model checks the policy's verdict (policy ``fitted_verdict``)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from triage import RuleSet, default_ruleset
from triage.inputs import make_document
from triage.judge import CheckedDecider, Decision, Judge, explain_document
from triage.rulebook.opinions import FittedVerdictSpec
from triage.scan import compile_scanner

CARD = (
    "# Pomodoro timer\n\nA web app that runs 25-minute work timers.\n\n## User stories\n\n"
    "- As a user I can start, pause and reset a timer from the main screen.\n"
    "- As a user I can see the sessions I finished today in a list.\n"
    "- The app stores sessions in the browser's local storage as JSON.\n"
    "- The settings page lets me change the work and break lengths.\n"
)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


def _decide(ruleset: RuleSet, text: str, **bounds: float) -> Decision:
    assert ruleset.weights is not None
    check = FittedVerdictSpec(**{"not_a_spec_below": 0.0, "spec_above": 1.0, **bounds})
    judge = Judge(ruleset)
    decider = CheckedDecider(ruleset.policy, ruleset.weights, judge.tables.rules, check)
    doc = make_document(text, "t.md")
    result = compile_scanner(ruleset.rules, "re2").scan(doc.text)
    return Judge(ruleset, decider=decider).judge(doc, result).decision


def test_the_default_rules_check_verdicts_with_the_spec_model(ruleset: RuleSet) -> None:
    assert ruleset.policy.fitted_verdict is not None
    assert ruleset.policy.fitted_verdict.not_a_spec_below < ruleset.policy.fitted_verdict.spec_above


def test_a_verdict_the_model_is_not_sure_of_stands_and_is_traced(
    ruleset: RuleSet, reference_text: str
) -> None:
    decision = _decide(ruleset, reference_text)
    assert decision.verdict == "not-a-spec"
    assert decision.genre == "opinion-article"
    spec = decision.trace.models[-1]
    assert spec.name == "spec" and spec.said.endswith("the rules' not-a-spec stands")


def test_a_sure_spec_turns_not_a_spec_into_a_question_with_a_build_genre(
    ruleset: RuleSet, reference_text: str
) -> None:
    decision = _decide(ruleset, reference_text, spec_above=1e-9)
    assert decision.verdict == "needs-clarification"
    assert ruleset.policy.genres[decision.genre].intent == "build"
    assert decision.trace.models[-1].said == "needs-clarification, overruling the rules' not-a-spec"
    assert decision.reason in {r.reason for r in ruleset.policy.verdicts}


def test_a_sure_non_spec_turns_buildable_into_not_a_spec_with_no_dimension(
    ruleset: RuleSet,
) -> None:
    assert _decide(ruleset, CARD).verdict == "buildable"
    decision = _decide(ruleset, CARD, not_a_spec_below=0.999999)
    assert decision.verdict == "not-a-spec"
    assert ruleset.policy.genres[decision.genre].intent == "none"
    assert not any(decision.dimensions.model_dump().values())
    assert decision.trace.models[-1].threshold == 0.999999


def test_a_doubtful_buildable_needs_clarification_and_keeps_its_genre(ruleset: RuleSet) -> None:
    before = _decide(ruleset, CARD)
    decision = _decide(ruleset, CARD, buildable_above=0.999999)
    assert decision.verdict == "needs-clarification"
    assert decision.genre == before.genre
    assert decision.dimensions == before.dimensions


def test_explain_shows_what_the_spec_model_overruled(ruleset: RuleSet) -> None:
    assert ruleset.weights is not None
    check = FittedVerdictSpec(not_a_spec_below=0.999999, spec_above=1.0)
    judge = Judge(ruleset)
    decider = CheckedDecider(ruleset.policy, ruleset.weights, judge.tables.rules, check)
    doc = make_document(CARD, "card.md")
    result = compile_scanner(ruleset.rules, "re2").scan(doc.text)
    text = explain_document(doc, result, ruleset, judge=Judge(ruleset, decider=decider))
    assert "spec: p=" in text and "not-a-spec, overruling the rules' buildable" in text


def test_bounds_that_leave_no_room_are_refused() -> None:
    with pytest.raises(ValidationError, match="not_a_spec_below must be under spec_above"):
        FittedVerdictSpec(not_a_spec_below=0.6, spec_above=0.4)
