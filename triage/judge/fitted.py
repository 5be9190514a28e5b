"""The fitted decider: the linear models of ``weights.yaml`` decide, in pure Python.

Features (``fitfeatures``, the same for fitting and judging): per rule ``log1p(min(hits, cap))``,
``log1p(words)``, and per signal its section coverage ``share:SIGNAL`` (``signal_shares``: the
share of the words in the sections its hits lie in); no per-thousand-words scaling, no
short-text multiplier. A model's score is
``bias + sum(weight × feature)``, read as a logit. The decisions, in order:

1. ``spec``: does the document intend a build? (no: the verdict is not-a-spec; a spec whose
   probability stays below the weights' ``buildable_above`` needs clarification at best)
2. genre: the genre models compared by softmax among the genres whose ``intent`` matches (build
   genres for a spec, the others for not-a-spec); ties go to the genre listed first in the policy.
3. each dimension's model, for a spec only; no genre switches a dimension off.
4. ``buildable``: a spec is buildable when this model says so, its spec probability reaches
   ``buildable_above``, a software spec or a hardware target is present and nothing safer holds
   it back (the safety order: the best genre of all intends a build, and no policy verdict rule
   with a condition asks for clarification first, as for a pitch or a paper); else it needs
   clarification.

The reason is that of the policy's first verdict rule of the same verdict whose condition holds
(else its first rule of that verdict); the questions are the policy's, as for any decider.
"""

from __future__ import annotations

from collections.abc import Sequence

from triage.judge.decide import (
    OUTCOMES,
    Absence,
    Decision,
    DimensionStep,
    GenreStep,
    ModelStep,
    Trace,
    VerdictStep,
    _Test,
)
from triage.judge.features import Features, RuleRow
from triage.judge.fitfeatures import signal_shares
from triage.judge.models import Compiled, GenreModels, model_inputs, policy_reason
from triage.report import DIMENSIONS, Dimensions, Verdict
from triage.rulebook import Condition, Policy, Weights


class FittedDecider:
    """Decides with the fitted models of a rule set's ``weights.yaml`` (see the module doc)."""

    def __init__(self, policy: Policy, weights: Weights, rules: Sequence[RuleRow]) -> None:
        """Index every model by rule position, once."""
        self.policy = policy
        self._spec = Compiled.of("spec", weights.spec, rules)
        self._buildable = Compiled.of("buildable", weights.buildable, rules)
        self._dimensions = tuple(
            Compiled.of(name, weights.dimensions[name], rules) for name in DIMENSIONS
        )
        self._genre_models = GenreModels(policy, weights, rules)
        self._genres = self._genre_models.by_intent
        self._tests = tuple((rule, _Test.of(rule.when)) for rule in policy.verdicts)
        self._above = weights.buildable_above
        self.safe_order = True
        self.genre_agrees = True
        """Whether the policy's clarification rules (pitch, paper) hold back a buildable."""
        models = [self._spec, self._buildable, *self._dimensions, *self._genres["build"]]
        self._reads_shares = any(m.shares for m in [*models, *self._genres["none"]])

    def decide(self, features: Features) -> Decision:
        """Return the genre, the dimensions and the verdict of one document's features."""
        shares = self.shares(features)
        spec = self._spec.step(features, shares, "spec", "not-a-spec")
        is_spec = spec.said == "spec"
        doubtful = is_spec and spec.probability < self._above
        if doubtful:
            spec = spec._replace(said=f"spec, below {self._above:g}: not buildable")
        genre, confidence, runner_up, ranking, genre_steps = self.rank(features, shares, is_spec)
        dim_steps = [model.step(features, shares) for model in self._dimensions]
        flags = tuple(is_spec and step.said == "yes" for step in dim_steps)
        dims = OUTCOMES[flags]
        built = self._buildable.step(features, shares, "buildable", "needs-clarification")
        verdict: Verdict = "needs-clarification" if is_spec else "not-a-spec"
        can = (dims.software_spec or dims.hardware_target) and not doubtful
        if is_spec and can and built.said == "buildable":
            held = self.held_back(features, shares, genre, dims) if self.safe_order else None
            if held:
                built = built._replace(said=f"held back: {held}")
            else:
                verdict = "buildable"
        reason, tried = self.reason(verdict, genre, dims, features.signals)
        models = (spec, *genre_steps, *dim_steps, *((built,) if is_spec else ()))
        trace = Trace(ranking, self._dimension_trace(dim_steps, is_spec), tried, models)
        return Decision(verdict, reason, genre, confidence, runner_up, dims, trace)

    def held_back(
        self, features: Features, shares: dict[str, float], genre: str, dims: Dimensions
    ) -> str | None:
        """Return why a safer answer holds back a buildable (the safety order), else None.

        Held back when the best of all genres (of either intent) intends no build, or when the
        policy's first verdict rule that holds asks for clarification; only a rule with a
        condition counts (a pitch, a paper), not the policy's last rule, which always holds.
        """
        every = [*self._genres["none"], *self._genres["build"]]
        if every and self.genre_agrees:
            inputs = model_inputs(features, shares)
            scores = [model.score(inputs) for model in every]
            best = every[scores.index(max(scores))].name
            if self.policy.genres[best].intent != "build":
                return f"the best genre of all, {best}, intends no build"
        signals = features.signals
        intent = self.policy.genres[genre].intent
        present = frozenset(name for name in DIMENSIONS if getattr(dims, name))
        for number, (rule, test) in enumerate(self._tests, start=1):
            if test.holds(genre, intent, present, signals):
                if rule.verdict == "needs-clarification" and rule.when != Condition():
                    return f"policy verdict rule {number} asks for clarification"
                return None
        return None

    def shares(self, features: Features) -> dict[str, float]:
        """Return the section coverage of each signal that fired, if any model weighs one."""
        if not self._reads_shares:
            return {}
        return signal_shares(features.rules, features.scan, features.hits, features.words)

    def rank(
        self, features: Features, shares: dict[str, float], is_spec: bool
    ) -> tuple[str, float, str | None, GenreStep, tuple[ModelStep, ...]]:
        """Return the genre among those of the spec's intent by softmax, and its traced steps."""
        return self._genre_models.rank(features, shares, "build" if is_spec else "none")

    def reason(
        self, verdict: Verdict, genre: str, dims: Dimensions, signals: dict[str, float]
    ) -> tuple[str, tuple[VerdictStep, ...]]:
        """Return the reason of the policy's first rule of this verdict whose condition holds."""
        return policy_reason(self.policy, self._tests, verdict, genre, dims, signals)

    @staticmethod
    def _dimension_trace(steps: Sequence[ModelStep], is_spec: bool) -> tuple[DimensionStep, ...]:
        absent: dict[bool, Absence | None] = {True: None, False: "below-threshold"}
        return tuple(
            DimensionStep(
                s.name,
                s.probability,
                s.threshold,
                absent[s.said == "yes"] if is_spec else "no-build-genre",
            )
            for s in steps
        )
