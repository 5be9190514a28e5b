"""The fitted decider: the linear models of ``weights.yaml`` decide, in pure Python.

Features (the same for fitting and judging): per rule ``log1p(min(hits, cap))``, and
``log1p(words)``; no per-thousand-words scaling, no short-text multiplier. A model's score is
``bias + sum(weight × feature)``, read as a logit. The decisions, in order:

1. ``spec``: does the document intend a build? (no: the verdict is not-a-spec)
2. genre: the genre models compared by softmax among the genres whose ``intent`` matches (build
   genres for a spec, the others for not-a-spec); ties go to the genre listed first in the policy.
3. each dimension's model, for a spec only; no genre switches a dimension off.
4. ``buildable``: a spec is buildable when this model says so and a software spec or a hardware
   target is present, else it needs clarification.

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
from triage.report import DIMENSIONS, Dimensions, Verdict
from triage.rulebook import WORDS_FEATURE, LinearModel, Policy, Weights


def rule_value(hits: int, cap: int) -> float:
    """Return one rule's feature: ``log1p`` of its hits, capped."""
    return math.log1p(min(hits, cap))


def words_value(words: int) -> float:
    """Return the length feature: ``log1p`` of the word count."""
    return math.log1p(words)


def feature_names(rules: Sequence[RuleRow]) -> list[str]:
    """Return the names of the dense feature row: every rule id, then ``words``."""
    return [*(row.id for row in rules), WORDS_FEATURE]


def feature_row(rules: Sequence[RuleRow], hits: Sequence[int], words: int) -> list[float]:
    """Return the dense feature row of one document (``feature_names`` order), for fitting."""
    values = [rule_value(n, row.cap) if n else 0.0 for row, n in zip(rules, hits, strict=True)]
    return [*values, words_value(words)]


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

    @classmethod
    def of(cls, name: str, model: LinearModel, rules: Sequence[RuleRow]) -> Compiled:
        """Index a model's weights by the rule positions of a rule set (unknown ids weigh 0)."""
        weights = model.weights
        positions = {i: weights[row.id] for i, row in enumerate(rules) if row.id in weights}
        return cls(name, model, positions, weights.get(WORDS_FEATURE, 0.0))

    def terms(self, features: Features) -> list[Term]:
        """Return the terms of the features that weigh in this model."""
        rows, hits, weights = features.rules, features.hits, self.by_position
        terms = []
        for i in features.points:
            if i in weights:
                value = rule_value(hits[i], rows[i].cap)
                terms.append(Term(rows[i].id, value, weights[i], value * weights[i]))
        if self.words:
            value = words_value(features.words)
            terms.append(Term(WORDS_FEATURE, value, self.words, value * self.words))
        return terms

    def score(self, features: Features) -> float:
        """Return the logit of one document."""
        return self.model.bias + math.fsum(term.points for term in self.terms(features))

    def step(self, features: Features, yes: str = "yes", no: str = "no") -> ModelStep:
        """Apply the model as a yes/no decision and return the traced step."""
        terms = self.terms(features)
        probability = sigmoid(self.model.bias + math.fsum(t.points for t in terms))
        said = yes if probability >= self.model.threshold else no
        ranked = tuple(sorted(terms, key=lambda t: (-abs(t.points), t.feature)))
        model = self.model
        return ModelStep(
            self.name, model.bias, ranked, round(probability, 4), model.threshold, said
        )


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
        order = list(policy.genres)
        fitted = sorted((g for g in weights.genres if g in policy.genres), key=order.index)
        self._genres = {
            intent: tuple(
                Compiled.of(g, weights.genres[g], rules)
                for g in fitted
                if policy.genres[g].intent == intent
            )
            for intent in ("build", "none")
        }
        self._tests = tuple((rule, _Test.of(rule.when)) for rule in policy.verdicts)
        self._outcomes = {
            flags: Dimensions(**dict(zip(DIMENSIONS, flags, strict=True)))
            for flags in product((False, True), repeat=len(DIMENSIONS))
        }

    def decide(self, features: Features) -> Decision:
        """Return the genre, the dimensions and the verdict of one document's features."""
        spec = self._spec.step(features, "spec", "not-a-spec")
        is_spec = spec.said == "spec"
        genre, confidence, runner_up, ranking, genre_steps = self.rank(features, is_spec)
        dim_steps = [model.step(features) for model in self._dimensions]
        flags = tuple(is_spec and step.said == "yes" for step in dim_steps)
        dims = self._outcomes[flags]
        built = self._buildable.step(features, "buildable", "needs-clarification")
        verdict: Verdict = "not-a-spec"
        if is_spec:
            can = dims.software_spec or dims.hardware_target
            verdict = "buildable" if built.said == "buildable" and can else "needs-clarification"
        reason, tried = self.reason(verdict, genre, dims, features.signals)
        models = (spec, *genre_steps, *dim_steps, *((built,) if is_spec else ()))
        trace = Trace(ranking, self._dimension_trace(dim_steps, is_spec), tried, models)
        return Decision(verdict, reason, genre, confidence, runner_up, dims, trace)

    def rank(
        self, features: Features, is_spec: bool
    ) -> tuple[str, float, str | None, GenreStep, tuple[ModelStep, ...]]:
        """Return the genre among those of the spec's intent by softmax, and its traced steps.

        Ties go to the genre listed first in the policy (a stable sort of the policy order).
        """
        models = self._genres["build" if is_spec else "none"]
        if not models:
            return self.policy.fallback_genre, 0.0, None, GenreStep((), True), ()
        scores = [model.score(features) for model in models]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = math.fsum(exps)
        probs = [round(e / total, 4) for e in exps]
        order = sorted(range(len(models)), key=lambda i: -scores[i])
        ranked = tuple((models[i].name, probs[i]) for i in order)
        steps = tuple(
            models[i]
            .step(features)
            ._replace(name=f"genre {models[i].name}", probability=probs[i], said=said)
            for i, said in zip(order, ("best", "runner-up"), strict=False)
        )
        runner_up = ranked[1][0] if len(ranked) > 1 else None
        return ranked[0][0], ranked[0][1], runner_up, GenreStep(ranked, False), steps

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
