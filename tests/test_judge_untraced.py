"""A report without scores skips the models' terms: the same decisions as a traced judgment."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from triage import RuleSet, default_ruleset
from triage.inputs import make_document
from triage.judge import FittedDecider, Judge
from triage.judge.decide import Decision
from triage.scan import compile_scanner

DOCS = sorted((ROOT / "tests" / "fixtures" / "labelled" / "docs").iterdir())[:40]


def _without_terms(decision: Decision) -> tuple[object, ...]:
    """The decision, its spec model's probabilities kept, every model's terms left out."""
    probabilities = tuple(
        (step.name, step.probability, step.said)
        for step in decision.trace.models
        if not step.name.startswith("genre ")
    )
    return (*decision[:6], probabilities)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.mark.parametrize("fitted", [False, True])
def test_an_untraced_judgment_decides_as_a_traced_one(ruleset: RuleSet, fitted: bool) -> None:
    assert len(DOCS) >= 20
    judge = Judge(ruleset)
    if fitted:
        assert ruleset.weights is not None
        judge = Judge(
            ruleset, decider=FittedDecider(ruleset.policy, ruleset.weights, judge.tables.rules)
        )
    scanner = compile_scanner(ruleset.rules, "re2")
    verdicts = set()
    for path in DOCS:
        doc = make_document(path.read_text(encoding="utf-8", errors="replace"), path.name)
        result = scanner.scan(doc.text)
        traced = judge.judge(doc, result).decision
        untraced = judge.judge(doc, result, traced=False).decision
        assert _without_terms(untraced) == _without_terms(traced), path.name
        assert all(step.terms == () for step in untraced.trace.models)
        assert any(step.terms for step in traced.trace.models), path.name
        verdicts.add(traced.verdict)
    assert len(verdicts) >= 2  # the documents are judged differently: the check means something


def test_a_report_without_scores_is_the_report_with_them_less_the_scores(ruleset: RuleSet) -> None:
    judge = Judge(ruleset)
    scanner = compile_scanner(ruleset.rules, "re2")
    for path in DOCS[:10]:
        doc = make_document(path.read_text(encoding="utf-8", errors="replace"), path.name)
        result = scanner.scan(doc.text)
        full = judge.report(doc, result, "p", "f", keep_scores=True)
        bare = judge.report(doc, result, "p", "f", keep_scores=False)
        assert full.scores is not None and bare.scores is None
        assert bare == full.model_copy(update={"scores": None})
