"""The policy's second opinion on close genre calls: ``fitted_genre`` and the genre models."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import run
from triage import RuleSet, default_ruleset
from triage.errors import RuleError
from triage.inputs import make_document
from triage.judge import (
    Features,
    GenreModels,
    Judge,
    ModelStep,
    PolicyDecider,
    explain_document,
)
from triage.rulebook import WEIGHTS_FILE, default_rules_dir, load_rules
from triage.rulebook.opinions import FittedGenreSpec
from triage.scan import compile_scanner

FIXTURES = ROOT / "tests" / "fixtures" / "labelled"
STEP = ModelStep("genre blog-post", 0.0, (), 0.9, 0.5, "best")


class StubOpinion:
    """Chooses one genre, and remembers the intents it was asked about."""

    def __init__(self, genre: str) -> None:
        self.genre = genre
        self.asked: list[str] = []

    def choose(
        self, features: Features, intent: str
    ) -> tuple[str, float, str | None, tuple[ModelStep, ...]]:
        self.asked.append(intent)
        return self.genre, 0.9, None, (STEP,)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.fixture(scope="module")
def reference_features(ruleset: RuleSet, reference_text: str) -> Features:
    doc = make_document(reference_text, "seed.txt")
    result = compile_scanner(ruleset.rules, "re2").scan(doc.text)
    return Judge(ruleset).judge(doc, result).features


def _deciding(ruleset: RuleSet, lead_below: float, opinion: StubOpinion) -> PolicyDecider:
    spec = FittedGenreSpec(lead_below=lead_below)
    return PolicyDecider(ruleset.policy.model_copy(update={"fitted_genre": spec}), opinion)


def test_the_default_rules_ask_for_a_second_opinion_and_ship_its_weights(
    ruleset: RuleSet,
) -> None:
    assert ruleset.policy.fitted_genre is not None
    assert ruleset.weights is not None
    assert set(ruleset.weights.genres) == set(ruleset.policy.genres)
    assert ruleset.weights.made_by.startswith("triage fit ")


def test_a_close_call_goes_to_the_opinion_within_the_same_intent(
    ruleset: RuleSet, reference_features: Features
) -> None:
    opinion = StubOpinion("blog-post")
    decision = _deciding(ruleset, 1e9, opinion).decide(reference_features)
    assert opinion.asked == ["none"]  # the policy's best, opinion-article, intends no build
    assert decision.genre == "blog-post"
    assert decision.trace.genre.deferred == "opinion-article"
    assert decision.trace.models == (STEP,)
    assert decision.verdict == "not-a-spec"


def test_a_clear_lead_keeps_the_policys_genre(
    ruleset: RuleSet, reference_features: Features
) -> None:
    opinion = StubOpinion("blog-post")
    decision = _deciding(ruleset, 1e-9, opinion).decide(reference_features)
    assert opinion.asked == []
    assert decision.genre == "opinion-article"
    assert decision.trace.genre.deferred is None
    assert decision.trace.models == ()


def test_without_an_opinion_the_policy_decides_alone(
    ruleset: RuleSet, reference_features: Features
) -> None:
    spec = FittedGenreSpec(lead_below=1e9)
    policy = ruleset.policy.model_copy(update={"fitted_genre": spec})
    decision = PolicyDecider(policy).decide(reference_features)
    assert decision.genre == "opinion-article"
    assert decision.trace.genre.deferred is None


def test_explain_names_the_close_call_and_the_fitted_terms(
    ruleset: RuleSet, reference_text: str
) -> None:
    assert ruleset.weights is not None
    policy = ruleset.policy.model_copy(update={"fitted_genre": FittedGenreSpec(lead_below=1e9)})
    judge = Judge(ruleset)
    models = GenreModels(policy, ruleset.weights, judge.tables.rules)
    judge = Judge(ruleset, decider=PolicyDecider(policy, models))
    doc = make_document(reference_text, "seed.txt")
    result = compile_scanner(ruleset.rules, "re2").scan(doc.text)
    text = explain_document(doc, result, ruleset, judge=judge)
    assert "too close to call (opinion-article by the points" in text
    assert "fitted models (feature value × weight → points" in text
    assert "opinion-article: " in text  # the policy's points stay shown


def _rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    return folder


def test_fitted_genre_without_weights_is_refused_with_the_fix(tmp_path: Path) -> None:
    folder = _rules_copy(tmp_path)
    (folder / WEIGHTS_FILE).unlink()
    with pytest.raises(
        RuleError, match=r"fitted_genre and fitted_verdict need\(s\) a weights\.yaml beside it"
    ):
        load_rules(folder, include_defaults=False)


def test_fitting_reads_no_weights_so_stale_ones_can_be_replaced(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    folder = _rules_copy(tmp_path)
    weights = folder / WEIGHTS_FILE
    stale = weights.read_text().replace("  weights:\n", "  weights:\n    gone-rule: 1.0\n", 1)
    weights.write_text(stale)
    with pytest.raises(RuleError, match="gone-rule"):
        load_rules(folder, include_defaults=False)
    assert load_rules(folder, include_defaults=False, weights=False).weights is None
    done = run(["fit", str(FIXTURES), "--no-default-rules", "--rules", str(folder)])
    assert done.returncode == 0, done.stderr
    assert str(weights) in done.stderr  # written beside the rules given, not the defaults
    assert load_rules(folder, include_defaults=False).weights is not None
