"""The fitted decider: weights.yaml loaded and checked, decisions traced, no scikit-learn needed."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.errors import RuleError
from triage.inputs import SeedText, make_document
from triage.judge import FittedDecider, Judgment, Term, explain_document, signal_shares
from triage.report import SeedReport
from triage.rulebook import default_rules_dir, load_rules
from triage.run import default_ruleset, make_plan

# Written for these tests: a few rules weigh, everything else is bias.
WEIGHTS = """\
# hand-written weights for tests
spec:
  bias: -1.0
  weights:
    system-shall: 2.0
    modal-shall: 1.0
buildable:
  bias: 0.5
  weights:
    system-shall: 1.0
dimensions:
  software_spec:
    bias: -1.0
    weights:
      system-shall: 3.0
  hardware_target:
    bias: -1.0
    weights:
      hardware-parts: 3.0
  performance_core:
    bias: -2.0
    weights:
      unit-bearing-target: 3.0
genres:
  requirements-spec:
    bias: 0.0
    weights:
      system-shall: 1.0
  hardware-spec:
    bias: 0.0
    weights:
      hw-spec-sections: 2.0
  opinion-article:
    bias: 0.5
  news-report:
    bias: 0.0
    weights:
      attribution: 1.0
"""

SPEC = (
    "The system shall export the report as CSV within 2 seconds on a Raspberry Pi 4 board. "
    "The system shall keep the last 30 days of readings."
)


def _rules_with(tmp_path: Path, weights: str, decider: str = "fitted") -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    (folder / "weights.yaml").unlink(missing_ok=True)
    policy = folder / "policy.yaml"
    policy.write_text(
        policy.read_text(encoding="utf-8") + f"\ndecider: {decider}\n", encoding="utf-8"
    )
    (folder / "weights.yaml").write_text(weights, encoding="utf-8")
    return folder


def _report(tmp_path: Path, text: str) -> SeedReport:
    ruleset = load_rules([_rules_with(tmp_path, WEIGHTS)], include_defaults=False)
    plan = make_plan(ruleset)
    doc: SeedText = make_document(text, "x")
    return plan.judge.report(doc, plan.scanner.scan(doc.text), "x", "x")


def test_weights_turn_on_the_fitted_decider_and_decide(tmp_path: Path) -> None:
    ruleset = load_rules([_rules_with(tmp_path, WEIGHTS)], include_defaults=False)
    assert ruleset.weights is not None and ruleset.policy.decider == "fitted"
    assert isinstance(make_plan(ruleset).judge.decider, FittedDecider)
    report = _report(tmp_path / "again", SPEC)
    assert report.verdict == "buildable"
    assert report.genre_id == "requirements-spec"
    assert report.dimensions is not None and report.dimensions.software_spec


def test_a_genre_does_not_silence_a_dimension_its_evidence_holds(tmp_path: Path) -> None:
    text = SPEC + "\n\n## Register map\n\n## Theory of operation\n\n## Pin description\n"
    report = _report(tmp_path, text)
    assert report.genre_id == "hardware-spec"
    assert report.dimensions is not None and report.dimensions.software_spec


def test_a_text_with_no_spec_evidence_is_not_a_spec(tmp_path: Path) -> None:
    report = _report(tmp_path, "I think we were wrong about the war, said the mayor.")
    assert report.verdict == "not-a-spec"
    assert report.genre_id in {"opinion-article", "news-report"}
    assert report.questions and report.reason


def test_the_trace_shows_rule_times_weight_to_points(tmp_path: Path) -> None:
    ruleset = load_rules([_rules_with(tmp_path, WEIGHTS)], include_defaults=False)
    plan = make_plan(ruleset)
    doc = make_document(SPEC, "x")
    result = plan.scanner.scan(doc.text)
    decision = plan.judge.judge(doc, result).decision
    spec = decision.trace.models[0]
    assert spec.name == "spec" and spec.said == "spec"
    term = next(t for t in spec.terms if t.feature == "system-shall")
    assert term.weight == 2.0 and term.points == pytest.approx(term.value * 2.0)
    text = explain_document(doc, result, ruleset, judge=plan.judge)
    assert "fitted models" in text and f"system-shall: {term.value:.3f} × 2 →" in text
    assert "system-shall: 2 hit(s)" in text and "      1:" in text  # spans still printed


def test_policy_decider_stays_when_the_policy_says_so(tmp_path: Path) -> None:
    ruleset = load_rules([_rules_with(tmp_path, WEIGHTS, "policy")], include_defaults=False)
    assert ruleset.weights is not None
    assert not isinstance(make_plan(ruleset).judge.decider, FittedDecider)


def test_weights_join_the_fingerprint(tmp_path: Path) -> None:
    first = load_rules([_rules_with(tmp_path / "a", WEIGHTS)], include_defaults=False)
    changed = WEIGHTS.replace("bias: -1.0", "bias: -1.5", 1)
    second = load_rules([_rules_with(tmp_path / "b", changed)], include_defaults=False)
    assert first.fingerprint != second.fingerprint


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (
            WEIGHTS.replace("system-shall: 2.0", "no-such-rule: 2.0"),
            "unknown rule id 'no-such-rule'",
        ),
        (WEIGHTS.replace("  news-report:", "  gossip:"), "unknown genre 'gossip'"),
        (WEIGHTS.replace("  performance_core:", "  speed:"), "unknown dimension 'speed'"),
    ],
)
def test_a_broken_weights_file_is_refused_with_file_and_line(
    tmp_path: Path, broken: str, message: str
) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules([_rules_with(tmp_path, broken)], include_defaults=False)
    problem = next(p for p in caught.value.problems if message in p)
    where = problem.split(": ")[0]
    assert where.startswith(str(tmp_path / "rules" / "weights.yaml") + ":")
    line = int(where.rsplit(":", 1)[1])
    assert line > 1


def test_fitted_decider_without_weights_is_refused(tmp_path: Path) -> None:
    folder = _rules_with(tmp_path, WEIGHTS)
    (folder / "weights.yaml").unlink()
    with pytest.raises(RuleError, match=r"needs a weights\.yaml"):
        load_rules([folder], include_defaults=False)


def test_judging_with_weights_needs_no_scikit_learn(tmp_path: Path) -> None:
    folder = _rules_with(tmp_path, WEIGHTS)
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from triage import assess_text, load_rules
        rules = load_rules([Path({str(folder)!r})], include_defaults=False)
        report = assess_text({SPEC!r}, rules)
        assert report.verdict == "buildable", report
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sklearn", "numpy", "scipy"))
        assert not heavy, heavy
        """
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# Written for these tests: a story, then a short section of requirements.
STORY_THEN_SPEC = (
    "# Notes\n\n"
    + "We walked along the river and talked about the weather for a long while. " * 6
    + "\n\n## Requirements\n\n"
    + SPEC
    + "\n"
)


def test_a_signal_covers_the_share_of_words_of_the_sections_its_hits_lie_in() -> None:
    plan = make_plan(default_ruleset())
    doc = make_document(STORY_THEN_SPEC, "x")
    result = plan.scanner.scan(doc.text)
    sections = result.structure.sections
    assert [s.title for s in sections] == ["Notes", "Requirements"]
    shares = signal_shares(plan.judge.tables.rules, result, result.counts)
    assert shares["feature"] == round(sections[1].words / doc.words, 3)
    assert shares["feature"] < 0.5 < shares["narrative"]
    one = make_document(SPEC, "y")  # one section: every signal that fired covers it all
    flat = plan.scanner.scan(one.text)
    assert set(signal_shares(plan.judge.tables.rules, flat, flat.counts).values()) == {1.0}


def _weighed(tmp_path: Path, weight: str, text: str) -> tuple[Judgment, str]:
    """Judge ``text`` with the test weights plus one spec weight; return it and its explain."""
    weights = WEIGHTS.replace("    modal-shall: 1.0\n", f"    modal-shall: 1.0\n    {weight}\n")
    ruleset = load_rules([_rules_with(tmp_path, weights)], include_defaults=False)
    plan = make_plan(ruleset)
    doc = make_document(text, "x")
    result = plan.scanner.scan(doc.text)
    explained = explain_document(doc, result, ruleset, judge=plan.judge)
    return plan.judge.judge(doc, result), explained


def _spec_term(judgment: Judgment, feature: str) -> Term:
    return next(t for t in judgment.decision.trace.models[0].terms if t.feature == feature)


def test_a_section_share_weighs_like_a_rule_and_shows_in_the_trace(tmp_path: Path) -> None:
    judgment, explained = _weighed(tmp_path, "share:feature: -4.0", STORY_THEN_SPEC)
    term = _spec_term(judgment, "share:feature")
    assert 0.0 < term.value < 0.5 and term.points == pytest.approx(term.value * -4.0)
    assert f"share:feature: {term.value:.3f} × -4 →" in explained


def test_a_policy_genre_score_weighs_like_a_rule_and_shows_in_the_trace(tmp_path: Path) -> None:
    judgment, explained = _weighed(tmp_path, "genre:requirements-spec: 0.5", SPEC)
    score = judgment.features.genres["requirements-spec"]
    term = _spec_term(judgment, "genre:requirements-spec")
    assert score > 0 and term.value == pytest.approx(math.log1p(score))
    assert term.points == pytest.approx(term.value * 0.5)
    assert f"genre:requirements-spec: {term.value:.3f} × 0.5 →" in explained


def test_a_score_of_an_unknown_genre_is_refused(tmp_path: Path) -> None:
    broken = WEIGHTS.replace("system-shall: 2.0", "genre:gossip-column: 2.0")
    with pytest.raises(RuleError, match=r"unknown genre in 'genre:gossip-column'.*GENRE"):
        load_rules([_rules_with(tmp_path, broken)], include_defaults=False)


def test_a_doubtful_spec_is_not_buildable(tmp_path: Path) -> None:
    sure = _report(tmp_path / "sure", SPEC)
    assert sure.verdict == "buildable"
    ruleset = load_rules(
        [_rules_with(tmp_path, "buildable_above: 0.99\n" + WEIGHTS)], include_defaults=False
    )
    plan = make_plan(ruleset)
    doc = make_document(SPEC, "x")
    decision = plan.judge.judge(doc, plan.scanner.scan(doc.text)).decision
    assert decision.verdict == "needs-clarification"
    assert decision.trace.models[0].said == "spec, below 0.99: not buildable"


def test_a_share_of_an_unknown_signal_is_refused(tmp_path: Path) -> None:
    broken = WEIGHTS.replace("system-shall: 2.0", "share:gossip: 2.0")
    with pytest.raises(RuleError, match="unknown signal in 'share:gossip'"):
        load_rules([_rules_with(tmp_path, broken)], include_defaults=False)


def test_the_policy_clarification_rules_hold_back_a_fitted_buildable(tmp_path: Path) -> None:
    paper = WEIGHTS + "  research-paper:\n    bias: 5.0\n"
    ruleset = load_rules([_rules_with(tmp_path, paper)], include_defaults=False)
    plan = make_plan(ruleset)
    doc = make_document(SPEC, "x")
    result = plan.scanner.scan(doc.text)
    decision = plan.judge.judge(doc, result).decision
    assert decision.genre == "research-paper" and decision.verdict == "needs-clarification"
    decider = plan.judge.decider
    assert isinstance(decider, FittedDecider)
    decider.safe_order = False
    assert plan.judge.judge(doc, result).decision.verdict == "buildable"


def test_a_buildable_is_held_back_when_the_best_genre_of_all_intends_no_build(
    tmp_path: Path,
) -> None:
    loud = WEIGHTS.replace(
        "  opinion-article:\n    bias: 0.5\n", "  opinion-article:\n    bias: 9.0\n"
    )
    ruleset = load_rules([_rules_with(tmp_path, loud)], include_defaults=False)
    plan = make_plan(ruleset)
    doc = make_document(SPEC, "x")
    decision = plan.judge.judge(doc, plan.scanner.scan(doc.text)).decision
    assert decision.genre == "requirements-spec"  # the best of the build genres
    assert decision.verdict == "needs-clarification"
    built = decision.trace.models[-1]
    assert built.name == "buildable"
    assert built.said == "held back: the best genre of all, opinion-article, intends no build"
