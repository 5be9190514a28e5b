"""Judgment: one straight path from a document's scan result to its report.

features (``measure``, with the document's language) → decision (a ``Decider``, then the
language step every decision goes through: ``settle_language``) → advice (summary, questions,
evidence) → ``SeedReport``. ``Judge`` holds what that path reads, built once per run.
"""

from __future__ import annotations

from typing import NamedTuple

from triage.inputs import SeedText, document_language
from triage.judge.advice import evidence, questions, relevant_signals, summarise
from triage.judge.checked import CheckedDecider
from triage.judge.decide import Decider, Decision, PolicyDecider, settle_language
from triage.judge.features import Features, ScoreTables, contributions, measure
from triage.judge.fitted import FittedDecider
from triage.judge.models import GenreModels
from triage.report import Dimensions, SeedReport
from triage.rulebook import Policy, RuleSet
from triage.scan import ScanResult


class Judgment(NamedTuple):
    """The features of one document and the decision made on them."""

    features: Features
    decision: Decision


class Judge:
    """Judges documents against one rule set: its score tables and a decider, built once."""

    def __init__(self, ruleset: RuleSet, *, decider: Decider | None = None) -> None:
        """Build the score tables of ``ruleset``; decide as its policy says, or by ``decider``.

        The policy's ``decider: fitted`` decides with the rule set's fitted weights
        (``FittedDecider``); ``policy`` (the default) with its thresholds (``PolicyDecider``).
        """
        self.ruleset = ruleset
        self.policy = ruleset.policy
        self.tables = ScoreTables.build(ruleset.rules, ruleset.policy)
        self.decider: Decider = decider or default_decider(ruleset, self.tables)
        self._worded: dict[tuple[str, Dimensions], tuple[str, dict[str, float]]] = {}

    def judge(self, doc: SeedText, result: ScanResult, *, traced: bool = True) -> Judgment:
        """Return the features of one document and the decision on them.

        ``traced=False`` leaves each model's terms out of the decision's trace (``Features``).
        """
        language = document_language(doc, self.policy.languages)
        features = measure(self.tables, result, doc.words, language, traced=traced)
        decision = self.decider.decide(features)
        return Judgment(features, settle_language(self.policy, decision, language))

    def wording(self, genre: str, dims: Dimensions) -> tuple[str, dict[str, float]]:
        """Return the summary line and the weights of the signals behind a genre and dimensions.

        Both depend on nothing else, and few pairs occur: each is worded once per judge.
        """
        key = (genre, dims)
        if key not in self._worded:
            self._worded[key] = (
                summarise(self.policy, genre, dims),
                relevant_signals(self.policy, genre, dims),
            )
        return self._worded[key]

    def report(
        self,
        doc: SeedText,
        result: ScanResult,
        path: str,
        file: str,
        *,
        keep_scores: bool = True,
    ) -> SeedReport:
        """Return the report of one document from its scan result.

        ``keep_scores=False`` leaves out the numbers behind the judgment (``scores``, and the
        models' terms in the trace, for ``triage explain``): the printed reports never show them
        and they cost a good share of a report.
        """
        features, decision = self.judge(doc, result, traced=keep_scores)
        policy, genre, dims = self.policy, decision.genre, decision.dimensions
        summary, relevant = self.wording(genre, dims)
        # One validation of nested data: much cheaper than building each model on its own.
        return SeedReport.model_validate(
            {
                "path": path,
                "file": file,
                "verdict": decision.verdict,
                "genre": policy.genres[genre].label,
                "genre_id": genre,
                "genre_confidence": decision.confidence,
                "runner_up": policy.genres[decision.runner_up].label
                if decision.runner_up
                else None,
                "summary": summary,
                "dimensions": dims,
                "reason": decision.reason,
                "language": features.language,
                "questions": _questions(policy, decision, features),
                "evidence": evidence(doc, features, result, relevant),
                "scores": _scores(features) if keep_scores else None,
            }
        )


def default_decider(ruleset: RuleSet, tables: ScoreTables) -> Decider:
    """Return the decider the rule set's policy names: fitted (with weights) or the policy's.

    The policy's has the fitted genre models as its second opinion when ``fitted_genre`` asks,
    and is checked by the fitted spec model (``CheckedDecider``) when ``fitted_verdict`` asks.
    """
    policy, weights = ruleset.policy, ruleset.weights
    if weights is None:
        return PolicyDecider(policy)
    if policy.decider == "fitted":
        return FittedDecider(policy, weights, tables.rules)
    if policy.fitted_verdict:
        return CheckedDecider(policy, weights, tables.rules, policy.fitted_verdict)
    opinion = GenreModels(policy, weights, tables.rules) if policy.fitted_genre else None
    return PolicyDecider(policy, opinion)


def _questions(policy: Policy, decision: Decision, features: Features) -> tuple[str, ...]:
    """Return what to ask: the language step's question first, then the policy's questions."""
    asked = questions(policy, decision.verdict, decision.dimensions, features.signals)
    step = decision.trace.language
    return (step.question, *asked) if step is not None and step.question else asked


def _scores(features: Features) -> dict[str, object]:
    """Return the fields of ``Scores``: the numbers behind a judgment."""
    return {
        "words": features.words,
        "signals": features.signals,
        "dimensions": features.dimensions,
        "genres": features.genres,
        "contributions": contributions(features),
    }
