"""Grouped cross-validation of the fitted weights: the honest figure for unseen sources.

The labelled documents are split into K folds by source group (``Label.source_group``: all
documents of one source stay in one fold). For each fold, the weights are fitted on the other
folds and the fold's documents judged with them; the figures are those of ``triage eval`` over
the held-out judgments. The folds are deterministic: groups largest first (ties by name), each
to the fold with the fewest documents so far (ties to the first).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from triage.judge import Decider, Judge
from triage.report import SeedReport
from triage.rulebook import DEFAULT_BUILDABLE_ABOVE, RuleSet, Weights
from triage.run.evaluate import EvalReport, score
from triage.run.fit import (
    DEFAULT_C,
    Corpus,
    Sample,
    fit_weights,
    read_corpus,
)
from triage.run.labels import Label

DEFAULT_FOLDS = 5


def assign_folds(labels: Sequence[Label], k: int) -> list[int]:
    """Return each document's fold (0..k-1): whole source groups, folds of similar size."""
    sizes = Counter(label.source_group() for label in labels)
    filled = [0] * k
    fold_of: dict[str, int] = {}
    for group, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        fold = filled.index(min(filled))
        fold_of[group] = fold
        filled[fold] += size
    return [fold_of[label.source_group()] for label in labels]


def with_weights(ruleset: RuleSet, weights: Weights) -> RuleSet:
    """Return the rule set deciding with ``weights``, with a new fingerprint.

    A policy that reads weights (``fitted_genre``, ``fitted_verdict``) keeps its decider and
    reads these; one that reads none gets the fitted decider, so there is something to test.
    """
    policy = ruleset.policy
    if not policy.reads_weights():
        policy = policy.model_copy(update={"decider": "fitted"})
    digest = hashlib.sha256(f"{ruleset.fingerprint}\0{weights.model_dump_json()}".encode())
    update = {"policy": policy, "weights": weights, "fingerprint": digest.hexdigest()}
    return ruleset.model_copy(update=update)


def cross_validate(
    folder: Path,
    ruleset: RuleSet,
    k: int = DEFAULT_FOLDS,
    c: float = DEFAULT_C,
    buildable_above: float = DEFAULT_BUILDABLE_ABOVE,
) -> EvalReport:
    """Fit on K-1 folds of source groups, judge each held-out fold, score all held-out judgments."""
    return cross_validate_corpus(read_corpus(folder, ruleset), ruleset, k, c, buildable_above)


def cross_validate_corpus(
    corpus: Corpus,
    ruleset: RuleSet,
    k: int = DEFAULT_FOLDS,
    c: float = DEFAULT_C,
    buildable_above: float = DEFAULT_BUILDABLE_ABOVE,
    decider: Callable[[RuleSet], Decider] | None = None,
) -> EvalReport:
    """Cross-validate on a corpus already read (see ``cross_validate``).

    ``decider``: how to decide with a fold's rule set (its weights fitted); default its policy's.
    """
    samples = corpus.samples
    labels = [s.label for s in samples]
    k = max(2, min(k, len({lab.source_group() for lab in labels})))
    folds = assign_folds(labels, k)
    reports: list[SeedReport | None] = [s.error for s in samples]
    for fold in range(k):
        train = [s for s, f in zip(samples, folds, strict=True) if f != fold]
        fitted = with_weights(ruleset, fit_weights(train, corpus.names, c, buildable_above))
        judge = Judge(fitted, decider=decider(fitted) if decider else None)
        for i, (sample, f) in enumerate(zip(samples, folds, strict=True)):
            if f == fold and sample.error is None:
                reports[i] = _report(judge, sample)
    groups = len({lab.source_group() for lab in labels})
    policy = ruleset.policy
    who = (
        "the policy with its fitted second opinions"
        if policy.reads_weights() and policy.decider == "policy"
        else f"the fitted decider, buildable above p(spec) {buildable_above:g}"
    )
    method = f"grouped {k}-fold cross-validation over {groups} source groups, C={c:g}, {who}"
    languages = ruleset.policy.languages
    covered = languages.covered if languages else ()
    return score(labels, [r for r in reports if r is not None], method, covered=covered)


def _report(judge: Judge, sample: Sample) -> SeedReport:
    assert sample.doc is not None and sample.result is not None
    file = sample.label.file
    return judge.report(sample.doc, sample.result, file, file, keep_scores=False)
