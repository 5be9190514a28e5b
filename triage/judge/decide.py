"""Decide: features become a genre, the dimensions present and a verdict, with the trace of why.

``Decider`` is the seam: anything with ``decide(features) -> Decision`` can judge. The policy's
decider is ``PolicyDecider``; ``triage explain`` prints the trace its decisions carry.
"""

from __future__ import annotations

from itertools import product
from operator import itemgetter
from typing import Literal, NamedTuple, Protocol

from triage.judge.features import Features
from triage.report import DIMENSIONS, Dimensions, Verdict
from triage.rulebook import Condition, Policy, VerdictRule

Absence = Literal["no-build-genre", "suppressed", "below-threshold", "requires-any-missing"]


class DimensionStep(NamedTuple):
    """One dimension's score against its threshold, and why it is absent (``None``: present)."""

    name: str
    score: float
    threshold: float
    absent: Absence | None


class GenreStep(NamedTuple):
    """Every genre's score (points, or ``probabilities`` of fitted models), best first.

    Ties in the policy's order. ``fell_short``: no score was positive and over its genre's
    ``min_score``: the fallback genre. ``deferred``: the policy's own choice when fitted genre
    models chose instead (``None``: it stands).
    """

    ranked: tuple[tuple[str, float], ...]
    fell_short: bool
    deferred: str | None = None
    probabilities: bool = False


class VerdictStep(NamedTuple):
    """One verdict rule tried, in policy order (1-based ``number``), and whether it held."""

    number: int
    rule: VerdictRule
    held: bool


class Term(NamedTuple):
    """One feature's share of a fitted model's score: ``value × weight → points``."""

    feature: str
    value: float
    weight: float
    points: float


class ModelStep(NamedTuple):
    """A fitted model applied: bias, terms (largest first), probability, threshold, answer."""

    name: str
    bias: float
    terms: tuple[Term, ...]
    probability: float
    threshold: float
    said: str


class LanguageStep(NamedTuple):
    """The document's language against those the rules read, and the verdict before and after.

    ``code``: ISO 639-1 (a document not checked has no step); ``question``: asked first when the
    language is outside those the rules read and the verdict is not buildable.
    """

    code: str
    covered: bool
    before: Verdict
    after: Verdict
    question: str | None = None


_NO_RANKING = GenreStep((), fell_short=False)
# The eight possible ``Dimensions``, by which are present: one model less per document.
OUTCOMES = {
    flags: Dimensions(**dict(zip(DIMENSIONS, flags, strict=True)))
    for flags in product((False, True), repeat=len(DIMENSIONS))
}


class Trace(NamedTuple):
    """How a decision was reached, step by step; a decider may leave any part empty.

    ``models``: the fitted models applied, in the order they decided (a fitted decider's).
    ``language``: the language step (``settle_language``), last; ``None`` without a check.
    """

    genre: GenreStep = _NO_RANKING
    dimensions: tuple[DimensionStep, ...] = ()
    verdicts: tuple[VerdictStep, ...] = ()
    models: tuple[ModelStep, ...] = ()
    language: LanguageStep | None = None


_NO_TRACE = Trace()


class Decision(NamedTuple):
    """A judgment's outcome: ``genre`` and ``runner_up`` are genre ids of the policy."""

    verdict: Verdict
    reason: str
    genre: str
    confidence: float
    runner_up: str | None
    dimensions: Dimensions
    trace: Trace = _NO_TRACE


class Decider(Protocol):
    """Anything that turns a document's features into a decision."""

    def decide(self, features: Features) -> Decision:
        """Return the decision on one document's features."""
        ...


class GenreOpinion(Protocol):
    """A second opinion on a close genre call (``GenreModels``: fitted genre models)."""

    def choose(
        self, features: Features, intent: str
    ) -> tuple[str, float, str | None, tuple[ModelStep, ...]]:
        """Return the genre among those of ``intent``, its probability, runner-up and steps."""


class PolicyDecider:
    """The policy's decision.

    The best genre, the dimensions over their thresholds, the first verdict rule that holds.
    With ``opinion`` and the policy's ``fitted_genre``, a genre call closer than its
    ``lead_below`` (or one where no genre reached its ``min_score``) goes to the opinion, which
    chooses among the genres of the same intent; dimensions and verdict rules read its choice.
    """

    def __init__(self, policy: Policy, opinion: GenreOpinion | None = None) -> None:
        """Keep the policy; read its verdict conditions as sets, once."""
        self.policy = policy
        spec = policy.fitted_genre
        self._opinion = (opinion, spec.lead_below) if opinion and spec else None
        self._dimensions = tuple((name, policy.dimensions[name]) for name in DIMENSIONS)
        # Ties between genres go to the one listed first in the policy (its stated order).
        self._genre_names = tuple(policy.genres)
        self._verdicts = tuple(
            (number, rule, _Test.of(rule.when))
            for number, rule in enumerate(policy.verdicts, start=1)
        )

    def decide(self, features: Features) -> Decision:
        """Return the genre, the dimensions and the verdict of one document's features."""
        genre, confidence, runner_up, genre_step = self.rank_genres(features.genres)
        models: tuple[ModelStep, ...] = ()
        if self._opinion and self.too_close(genre_step, genre, self._opinion[1]):
            own, intent = genre, self.policy.genres[genre].intent
            genre, confidence, runner_up, models = self._opinion[0].choose(features, intent)
            genre_step = genre_step._replace(deferred=own)
        steps = self.weigh_dimensions(features, genre)
        dims = OUTCOMES[tuple([step.absent is None for step in steps])]
        tried = self.try_verdicts(genre, dims, features.signals)
        rule = tried[-1].rule if tried[-1].held else self.policy.verdicts[-1]
        return Decision(
            verdict=rule.verdict,
            reason=rule.reason,
            genre=genre,
            confidence=confidence,
            runner_up=runner_up,
            dimensions=dims,
            trace=Trace(genre=genre_step, dimensions=steps, verdicts=tried, models=models),
        )

    def too_close(self, step: GenreStep, genre: str, lead_below: float) -> bool:
        """Return whether no genre reached its minimum or the best leads by under ``lead_below``."""
        if step.fell_short:
            return True
        intent = self.policy.genres[genre].intent
        same = [s for name, s in step.ranked if self.policy.genres[name].intent == intent]
        return len(same) > 1 and same[0] - same[1] < lead_below

    def rank_genres(self, scores: dict[str, float]) -> tuple[str, float, str | None, GenreStep]:
        """Return the genre, a confidence in [0, 1], the runner-up and the ranking behind them."""
        # Best first, ties by the policy's order: a stable sort by score of the names in order.
        by_name = [(name, scores[name]) for name in self._genre_names]
        ranked = sorted(by_name, key=itemgetter(1), reverse=True)
        best, top = ranked[0]
        if top <= 0 or top < self.policy.genres[best].min_score:
            fallback = self.policy.fallback_genre
            return fallback, 0.0, best if top > 0 else None, GenreStep(tuple(ranked), True)
        positive = sum([score for score in scores.values() if score > 0])
        runner_up = ranked[1][0] if len(ranked) > 1 and ranked[1][1] > 0 else None
        return best, round(top / positive, 3), runner_up, GenreStep(tuple(ranked), False)

    def weigh_dimensions(self, features: Features, genre: str) -> tuple[DimensionStep, ...]:
        """Return each dimension's score against its threshold, and why it is absent if it is."""
        spec = self.policy.genres[genre]
        signals = features.signals
        steps = []
        for name, dim in self._dimensions:
            score = features.dimensions[name]
            absent: Absence | None = None
            if spec.intent != "build":
                absent = "no-build-genre"
            elif name in spec.suppress and not clearly_held(score, dim.threshold, dim.held_above):
                absent = "suppressed"
            elif score < dim.threshold:
                absent = "below-threshold"
            elif dim.requires_any and not any(signals.get(s, 0.0) > 0 for s in dim.requires_any):
                absent = "requires-any-missing"
            steps.append(DimensionStep(name, score, dim.threshold, absent))
        return tuple(steps)

    def try_verdicts(
        self, genre: str, dims: Dimensions, signals: dict[str, float]
    ) -> tuple[VerdictStep, ...]:
        """Return the verdict rules tried in order, up to the first that holds."""
        intent = self.policy.genres[genre].intent
        present = frozenset(name for name in DIMENSIONS if getattr(dims, name))
        tried = []
        for number, rule, test in self._verdicts:
            held = test.holds(genre, intent, present, signals)
            tried.append(VerdictStep(number, rule, held))
            if held:
                break
        return tuple(tried)


def settle_language(policy: Policy, decision: Decision, language: str | None) -> Decision:
    """Return a decision with the language step; ``Judge`` passes every decider's decision here.

    A document outside the policy's covered languages is never not-a-spec (the rules cannot
    read it): unless buildable (its evidence held despite the language), it needs
    clarification, with the policy's language reason and question. Else nothing changes.
    """
    rules = policy.languages
    if rules is None or language is None:
        return decision
    verdict = decision.verdict
    covered = language in rules.covered
    if covered or verdict == "buildable":
        step = LanguageStep(language, covered, verdict, verdict)
        return decision._replace(trace=decision.trace._replace(language=step))
    name = rules.name(language)
    question = rules.question.format(
        language=name, covered=", ".join(rules.name(code) for code in rules.covered)
    )
    step = LanguageStep(language, False, verdict, "needs-clarification", question)
    return decision._replace(
        verdict="needs-clarification",
        reason=rules.reason.format(language=name),
        trace=decision.trace._replace(language=step),
    )


def clearly_held(score: float, threshold: float, held_above: float | None) -> bool:
    """Return whether a dimension's score is so far over its threshold that no genre silences it."""
    return held_above is not None and score >= held_above * threshold


class _Test(NamedTuple):
    """A verdict condition with its lists as sets, to test many documents against."""

    condition: Condition
    genre_in: frozenset[str]
    any_dimension: frozenset[str]
    no_dimension: frozenset[str]

    @classmethod
    def of(cls, condition: Condition) -> _Test:
        return cls(
            condition,
            frozenset(condition.genre_in),
            frozenset(condition.any_dimension),
            frozenset(condition.no_dimension),
        )

    def holds(
        self, genre: str, intent: str, present: frozenset[str], signals: dict[str, float]
    ) -> bool:
        """Return whether the condition holds; every field it gives must hold."""
        condition = self.condition
        return (
            (condition.genre_intent is None or condition.genre_intent == intent)
            and (not self.genre_in or genre in self.genre_in)
            and (not self.any_dimension or bool(present & self.any_dimension))
            and not present & self.no_dimension
            and all(signals.get(s, 0.0) >= v for s, v in condition.min_signal.items())
            and all(signals.get(s, 0.0) <= v for s, v in condition.max_signal.items())
        )
