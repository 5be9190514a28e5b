"""Fitted linear models applied in pure Python: the pieces the fitted deciders share.

``Compiled`` is one linear model of ``weights.yaml`` indexed by rule position (its score, its
terms ``value × weight → points``, its traced step); ``GenreModels`` ranks genres by softmax
among those of one intent; ``policy_reason`` words a verdict with the policy's reasons.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from triage.judge.decide import GenreStep, ModelStep, Term, VerdictStep, _Test
from triage.judge.features import Features, RuleRow
from triage.judge.fitfeatures import genre_value, rule_value, signal_shares, words_value
from triage.report import DIMENSIONS, Dimensions, Verdict
from triage.rulebook import (
    GENRE_PREFIX,
    SHARE_PREFIX,
    WORDS_FEATURE,
    LinearModel,
    Policy,
    VerdictRule,
    Weights,
)


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
    genres: dict[str, float]
    """Weights of the policy's genre scores, by genre."""

    @classmethod
    def of(cls, name: str, model: LinearModel, rules: Sequence[RuleRow]) -> Compiled:
        """Index a model's weights by the rule positions of a rule set (unknown ids weigh 0)."""
        weights = model.weights
        positions = {i: weights[row.id] for i, row in enumerate(rules) if row.id in weights}
        shares = _prefixed(weights, SHARE_PREFIX)
        genres = _prefixed(weights, GENRE_PREFIX)
        return cls(name, model, positions, weights.get(WORDS_FEATURE, 0.0), shares, genres)

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
        for genre, weight in self.genres.items():
            value = genre_value(features.genres.get(genre, 0.0))
            if value:
                terms.append(Term(GENRE_PREFIX + genre, value, weight, value * weight))
        return terms

    def score(self, inputs: ModelInputs) -> float:
        """Return the logit of one document: the bias and the points of ``terms``.

        Computed from the document's ``model_inputs`` without building the terms (every genre
        model scores every document; only the two best are traced). ``fsum`` is exact, so a
        term of 0 left out or kept gives the same logit.
        """
        weights, shares, genres = self.by_position, self.shares, self.genres
        # Over the document's values (fewer than the model's weights): a value it lacks is 0.
        points = [value * weights[i] for i, value in inputs.rules if i in weights]
        points.append(inputs.words * self.words)
        points += [value * shares[s] for s, value in inputs.shares.items() if s in shares]
        points += [value * genres[g] for g, value in inputs.genres.items() if g in genres]
        return self.model.bias + math.fsum(points)

    def step(
        self, features: Features, shares: dict[str, float], yes: str = "yes", no: str = "no"
    ) -> ModelStep:
        """Apply the model as a yes/no decision and return the traced step.

        Its terms, largest first, when ``features.traced``; else none, and the same probability
        from ``score`` (the same points, summed exactly).
        """
        model = self.model
        ranked: tuple[Term, ...] = ()
        if features.traced:
            terms = self.terms(features, shares)
            logit = model.bias + math.fsum(t.points for t in terms)
            ranked = tuple(sorted(terms, key=lambda t: (-abs(t.points), t.feature)))
        else:
            logit = self.score(model_inputs(features, shares))
        probability = sigmoid(logit)
        said = yes if probability >= model.threshold else no
        return ModelStep(
            self.name, model.bias, ranked, round(probability, 4), model.threshold, said
        )


class ModelInputs(NamedTuple):
    """One document's feature values, computed once for every model that scores it."""

    rules: list[tuple[int, float]]
    """Per rule that fired: its position and value."""
    words: float
    shares: dict[str, float]
    genres: dict[str, float]
    """Per genre with a positive policy score: its value."""


def model_inputs(features: Features, shares: dict[str, float]) -> ModelInputs:
    """Return the feature values of one document (``shares``: section coverage by signal)."""
    rows, hits = features.rules, features.hits
    rules = [(i, rule_value(hits[i], rows[i].cap)) for i in features.points]
    genres = {g: genre_value(score) for g, score in features.genres.items() if score > 0}
    return ModelInputs(rules, words_value(features.words), shares, genres)


def _prefixed(weights: dict[str, float], prefix: str) -> dict[str, float]:
    """Return the weights of the features named ``prefix + name``, by name."""
    return {name.removeprefix(prefix): w for name, w in weights.items() if name.startswith(prefix)}


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
        shares = signal_shares(features.rules, features.scan, features.hits, features.words)
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
            return self.policy.fallback_genre, 0.0, None, GenreStep((), True, None, True), ()
        inputs = model_inputs(features, shares)
        scores = [model.score(inputs) for model in models]
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
            if features.traced  # untraced, the steps would only repeat ``ranked``
        )
        runner_up = ranked[1][0] if len(ranked) > 1 else None
        step = GenreStep(ranked, False, probabilities=True)
        return ranked[0][0], ranked[0][1], runner_up, step, steps


def policy_reason(
    policy: Policy,
    tests: Sequence[tuple[VerdictRule, _Test]],
    verdict: Verdict,
    genre: str,
    dims: Dimensions,
    signals: dict[str, float],
) -> tuple[str, tuple[VerdictStep, ...]]:
    """Return the reason of the policy's first rule of ``verdict`` whose condition holds.

    Else the reason of its first rule of that verdict; that rule is the one verdict step traced.
    """
    intent = policy.genres[genre].intent
    present = frozenset(name for name in DIMENSIONS if getattr(dims, name))
    same = [(n, r, t) for n, (r, t) in enumerate(tests, start=1) if r.verdict == verdict]
    for number, rule, test in same:
        if test.holds(genre, intent, present, signals):
            return rule.reason, (VerdictStep(number, rule, True),)
    if same:
        number, rule, _ = same[0]
        return rule.reason, (VerdictStep(number, rule, False),)
    return verdict, ()
