"""The policy's decision, checked by the fitted spec model (policy ``fitted_verdict``).

The policy decides first (its rules, and the fitted genre models on close genre calls). Then the
spec model of ``weights.yaml`` gives the probability ``p`` that the document intends a build,
and overrules the verdict where it is sure (bounds in ``FittedVerdictSpec``): under
``not_a_spec_below`` the verdict becomes not-a-spec; at or over ``spec_above`` a not-a-spec
becomes needs-clarification; under ``buildable_above`` a buildable becomes needs-clarification.
A verdict that changes intent takes the fitted genre models' genre of the new intent, and its
dimensions are weighed again for that genre. The spec model's step is traced with the others,
so ``triage explain`` shows the probability, the bound and what it overruled.
"""

from __future__ import annotations

from collections.abc import Sequence

from triage.judge.decide import OUTCOMES, Decision, ModelStep, PolicyDecider, _Test
from triage.judge.features import Features, RuleRow
from triage.judge.fitfeatures import signal_shares
from triage.judge.models import Compiled, GenreModels, policy_reason
from triage.report import Verdict
from triage.rulebook import Policy, Weights
from triage.rulebook.opinions import FittedVerdictSpec


class CheckedDecider:
    """Decides as the policy does, then lets the fitted spec model overrule a sure verdict."""

    def __init__(
        self, policy: Policy, weights: Weights, rules: Sequence[RuleRow], check: FittedVerdictSpec
    ) -> None:
        """Build the policy's decider (with its genre opinion, if asked) and the spec model."""
        self.policy = policy
        self._genres = GenreModels(policy, weights, rules)
        self._decider = PolicyDecider(policy, self._genres if policy.fitted_genre else None)
        self._spec = Compiled.of("spec", weights.spec, rules)
        self._check = check
        self._tests = tuple((rule, _Test.of(rule.when)) for rule in policy.verdicts)

    def decide(self, features: Features) -> Decision:
        """Return the policy's decision, overruled where the spec model is sure."""
        decision = self._decider.decide(features)
        spec = self._spec
        shares = (
            signal_shares(features.rules, features.scan, features.hits, features.words)
            if spec.shares
            else {}
        )
        step = spec.step(features, shares, "spec", "not-a-spec")
        verdict, bound = self.overruled(decision.verdict, step.probability)
        if verdict is None:
            said = f"{step.said}; the rules' {decision.verdict} stands"
            return self._traced(decision, step._replace(said=said))
        said = f"{verdict}, overruling the rules' {decision.verdict}"
        return self._traced(
            self._recast(decision, features, verdict), step._replace(threshold=bound, said=said)
        )

    def overruled(self, verdict: Verdict, probability: float) -> tuple[Verdict | None, float]:
        """Return the verdict the spec probability imposes (``None``: none) and its bound."""
        check = self._check
        if probability < check.not_a_spec_below and verdict != "not-a-spec":
            return "not-a-spec", check.not_a_spec_below
        if probability >= check.spec_above and verdict == "not-a-spec":
            return "needs-clarification", check.spec_above
        if probability < check.buildable_above and verdict == "buildable":
            return "needs-clarification", check.buildable_above
        return None, 0.5

    def _recast(self, decision: Decision, features: Features, verdict: Verdict) -> Decision:
        """Return the decision with a new verdict: genre, dimensions and reason to match."""
        intent = "none" if verdict == "not-a-spec" else "build"
        genre, confidence, runner_up = decision.genre, decision.confidence, decision.runner_up
        models: tuple[ModelStep, ...] = decision.trace.models
        if self.policy.genres[genre].intent != intent:
            genre, confidence, runner_up, models = self._genres.choose(features, intent)
        steps = self._decider.weigh_dimensions(features, genre)
        flags = tuple(verdict != "not-a-spec" and s.absent is None for s in steps)
        dims = OUTCOMES[flags]
        reason, tried = policy_reason(
            self.policy, self._tests, verdict, genre, dims, features.signals
        )
        trace = decision.trace._replace(dimensions=steps, verdicts=tried, models=models)
        return Decision(verdict, reason, genre, confidence, runner_up, dims, trace)

    @staticmethod
    def _traced(decision: Decision, step: ModelStep) -> Decision:
        trace = decision.trace
        return decision._replace(trace=trace._replace(models=(*trace.models, step)))
