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

import math
from collections.abc import Sequence
from itertools import product
from typing import NamedTuple

from triage.judge.decide import (
    Absence,
    Decision,
    DimensionStep,
    GenreStep,
    ModelStep,
    Term,
    Trace,
    VerdictStep,
    _Test,
)
from triage.judge.features import Features, RuleRow
from triage.judge.fitfeatures import rule_value, signal_shares, words_value
from triage.report import DIMENSIONS, Dimensions, Verdict
from triage.rulebook import SHARE_PREFIX, WORDS_FEATURE, Condition, LinearModel, Policy, Weights


def sigmoid(score: float) -> float:
    """Return the probability of a logit, without overflow."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    e = math.exp(score)
    return e / (1.0 + e)


class Compiled(NamedTuple):
    """A linear model with its weights by rule position, to score the rules that fired."""

    name: str
    model: LinearModel
    by_position: dict[int, float]
    words: float
    shares: dict[str, float]
    """Weights of section coverages, by signal."""

    @classmethod
    def of(cls, name: str, model: LinearModel, rules: Sequence[RuleRow]) -> Compiled:
        """Index a model's weights by the rule positions of a rule set (unknown ids weigh 0)."""
        weights = model.weights
        positions = {i: weights[row.id] for i, row in enumerate(rules) if row.id in weights}
        shares = {
            name.removeprefix(SHARE_PREFIX): w
            for name, w in weights.items()
            if name.startswith(SHARE_PREFIX)
        }
        return cls(name, model, positions, weights.get(WORDS_FEATURE, 0.0), shares)

    def terms(self, features: Features, shares: dict[str, float]) -> list[Term]:
        """Return the terms of the features that weigh in this model (``shares``: by signal)."""
        rows, hits, weights = features.rules, features.hits, self.by_position
        terms = []
        for i in features.points:
            if i in weights:
                value = rule_value(hits[i], rows[i].cap)
                terms.append(Term(rows[i].id, value, weights[i], value * weights[i]))
        if self.words:
            value = words_value(features.words)
            terms.append(Term(WORDS_FEATURE, value, self.words, value * self.words))
        for signal, weight in self.shares.items():
            value = shares.get(signal, 0.0)
            if value:
                terms.append(Term(SHARE_PREFIX + signal, value, weight, value * weight))
        return terms

    def score(self, features: Features, shares: dict[str, float]) -> float:
        """Return the logit of one document."""
        return self.model.bias + math.fsum(term.points for term in self.terms(features, shares))

    def step(
        self, features: Features, shares: dict[str, float], yes: str = "yes", no: str = "no"
    ) -> ModelStep:
        """Apply the model as a yes/no decision and return the traced step."""
        terms = self.terms(features, shares)
        probability = sigmoid(self.model.bias + math.fsum(t.points for t in terms))
        said = yes if probability >= self.model.threshold else no
        ranked = tuple(sorted(terms, key=lambda t: (-abs(t.points), t.feature)))
        model = self.model
        return ModelStep(
            self.name, model.bias, ranked, round(probability, 4), model.threshold, said
        )


class GenreModels:
    """The fitted genre models of ``weights.yaml``, by intent.

    The policy decider's second opinion on close genre calls (``GenreOpinion``), and the fitted
    decider's genre step.
    """

    def __init__(self, policy: Policy, weights: Weights, rules: Sequence[RuleRow]) -> None:
        """Index each genre's model by rule position, in the policy's order of genres."""
        self.policy = policy
        order = list(policy.genres)
        fitted = sorted((g for g in weights.genres if g in policy.genres), key=order.index)
        self.by_intent = {
            intent: tuple(
                Compiled.of(g, weights.genres[g], rules)
                for g in fitted
                if policy.genres[g].intent == intent
            )
            for intent in ("build", "none")
        }
        self.reads_shares = any(m.shares for models in self.by_intent.values() for m in models)

    def choose(
        self, features: Features, intent: str
    ) -> tuple[str, float, str | None, tuple[ModelStep, ...]]:
        """Return the genre of ``intent`` by softmax, its probability, runner-up and steps."""
        shares = signal_shares(features.rules, features.scan, features.hits)
        genre, confidence, runner_up, _, steps = self.rank(
            features, shares if self.reads_shares else {}, intent
        )
        return genre, confidence, runner_up, steps

    def rank(
        self, features: Features, shares: dict[str, float], intent: str
    ) -> tuple[str, float, str | None, GenreStep, tuple[ModelStep, ...]]:
        """Return the genre among those of ``intent`` by softmax, and its traced steps.

        Ties go to the genre listed first in the policy (a stable sort of the policy order).
        """
        models = self.by_intent.get(intent, ())
        if not models:
            return self.policy.fallback_genre, 0.0, None, GenreStep((), True), ()
        scores = [model.score(features, shares) for model in models]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = math.fsum(exps)
        probs = [round(e / total, 4) for e in exps]
        order = sorted(range(len(models)), key=lambda i: -scores[i])
        ranked = tuple((models[i].name, probs[i]) for i in order)
        steps = tuple(
            models[i]
            .step(features, shares)
            ._replace(name=f"genre {models[i].name}", probability=probs[i], said=said)
            for i, said in zip(order, ("best", "runner-up"), strict=False)
        )
        runner_up = ranked[1][0] if len(ranked) > 1 else None
        return ranked[0][0], ranked[0][1], runner_up, GenreStep(ranked, False), steps


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
        self._outcomes = {
            flags: Dimensions(**dict(zip(DIMENSIONS, flags, strict=True)))
            for flags in product((False, True), repeat=len(DIMENSIONS))
        }

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
        dims = self._outcomes[flags]
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
            scores = [model.score(features, shares) for model in every]
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
        return signal_shares(features.rules, features.scan, features.hits)

    def rank(
        self, features: Features, shares: dict[str, float], is_spec: bool
    ) -> tuple[str, float, str | None, GenreStep, tuple[ModelStep, ...]]:
        """Return the genre among those of the spec's intent by softmax, and its traced steps."""
        return self._genre_models.rank(features, shares, "build" if is_spec else "none")

    def reason(
        self, verdict: Verdict, genre: str, dims: Dimensions, signals: dict[str, float]
    ) -> tuple[str, tuple[VerdictStep, ...]]:
        """Return the reason of the policy's first rule of this verdict whose condition holds."""
        intent = self.policy.genres[genre].intent
        present = frozenset(name for name in DIMENSIONS if getattr(dims, name))
        same = [(n, r, t) for n, (r, t) in enumerate(self._tests, start=1) if r.verdict == verdict]
        for number, rule, test in same:
            if test.holds(genre, intent, present, signals):
                return rule.reason, (VerdictStep(number, rule, True),)
        if same:
            number, rule, _ = same[0]
            return rule.reason, (VerdictStep(number, rule, False),)
        return verdict, ()

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
