"""Fit: the weights of the fitted decider, from a labelled corpus (``triage fit``).

Every labelled document is read and scanned once, with one ``Plan``; its features are those the
fitted decider reads (``triage.judge.feature_row``: rule counts, length, section coverage, the
policy's genre scores).
Regularised logistic regressions are fitted per decision: ``spec`` (on every scored document),
``genre`` (multinomial over the genres present), each dimension and ``buildable`` (on the specs
only); borderline documents are left out. The solver is deterministic (lbfgs, no randomness),
weights are rounded and near-zero ones dropped, so the same corpus gives the same file, byte for
byte.

Fitting needs the optional extra ``fit`` (scikit-learn and numpy); judging with the weights
does not.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from triage.errors import TriageError
from triage.inputs import SeedText, Target
from triage.judge import feature_names, feature_row, measure, signal_shares
from triage.report import DIMENSIONS, SeedReport
from triage.rulebook import DEFAULT_BUILDABLE_ABOVE, LinearModel, RuleSet, Weights
from triage.run.labels import Label, load_labels
from triage.run.plan import Plan, make_plan, target_sizes
from triage.run.seed import read_seed, scan_read
from triage.scan import ScanResult

DEFAULT_C = 1.0  # inverse strength of the L2 penalty
DIGITS = 3  # weights are rounded to this many decimals
SMALLEST = 0.005  # weights smaller than this (in absolute value) are dropped
MAX_ITER = 10_000
INSTALL_HINT = "triage fit needs scikit-learn and numpy: pip install 'seed-triage[fit]'"


class Sample(NamedTuple):
    """One labelled document, read and scanned (or the error row of a document that was not)."""

    label: Label
    doc: SeedText | None
    result: ScanResult | None
    row: list[float]
    error: SeedReport | None


class Corpus(NamedTuple):
    """A labelled folder read once: its samples, the plan they were scanned with, feature names."""

    folder: Path
    samples: list[Sample]
    plan: Plan
    names: list[str]


def read_corpus(folder: Path, ruleset: RuleSet) -> Corpus:
    """Check the labels, then read and scan every labelled document once, with one plan."""
    labels = load_labels(folder, ruleset.policy.genres)
    targets = [
        Target(lab.file, (folder / lab.file).as_posix(), folder / lab.file) for lab in labels
    ]
    plan = make_plan(ruleset, largest=max(target_sizes(targets)))
    tables = plan.judge.tables
    rows, signals = tables.rules, tables.signals
    samples = []
    for label, target in zip(labels, targets, strict=True):
        scanned = scan_read(plan, target, read_seed(plan, target))
        if isinstance(scanned, SeedReport):
            samples.append(Sample(label, None, None, [], scanned))
            continue
        doc, result = scanned
        shares = signal_shares(rows, result, result.counts, doc.words)
        genres = measure(tables, result, doc.words).genres
        row = feature_row(rows, result.counts, doc.words, shares, signals, genres)
        samples.append(Sample(label, doc, result, row, None))
    names = feature_names(rows, signals, [genre.name for genre in tables.genres])
    return Corpus(folder, samples, plan, names)


def fit_weights(
    samples: Sequence[Sample],
    names: Sequence[str],
    c: float = DEFAULT_C,
    buildable_above: float = DEFAULT_BUILDABLE_ABOVE,
) -> Weights:
    """Fit every model on the scored samples (not borderline, read without error)."""
    used = [s for s in samples if s.error is None and not s.label.borderline]
    specs = [s for s in used if s.label.verdict != "not-a-spec"]
    if len({s.label.genre for s in used}) < 2:
        raise TriageError("triage fit: the corpus needs documents of at least two genres")
    binary = _binary_fitter(names, c)
    return Weights(
        buildable_above=buildable_above,
        spec=binary(used, lambda lab: lab.verdict != "not-a-spec"),
        buildable=binary(specs, lambda lab: lab.verdict == "buildable"),
        dimensions={
            name: binary(specs, lambda lab, n=name: lab.signals[n])  # type: ignore[misc]
            for name in DIMENSIONS
        },
        genres=_fit_genres(used, names, c),
    )


def _sklearn() -> tuple[Any, Any]:
    """Return numpy and scikit-learn's ``LogisticRegression``, or say how to install them.

    The solver runs on one BLAS thread: these problems are small, threads only contend (a
    hundred times slower on a busy machine), and one thread sums in one order.
    """
    try:
        import numpy
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits
    except ImportError as exc:
        raise TriageError(INSTALL_HINT) from exc
    threadpool_limits(limits=1)
    return numpy, LogisticRegression


def _binary_fitter(
    names: Sequence[str], c: float
) -> Callable[[Sequence[Sample], Callable[[Label], bool]], LinearModel]:
    """Return a function fitting one yes/no model on samples, the answer read from each label."""
    numpy, logistic = _sklearn()

    def fit(samples: Sequence[Sample], answer: Callable[[Label], bool]) -> LinearModel:
        y = [bool(answer(s.label)) for s in samples]
        yes = sum(y)
        if yes in (0, len(y)):  # one class only: its smoothed rate, nothing to weigh
            return LinearModel(bias=round(math.log((yes + 0.5) / (len(y) - yes + 0.5)), DIGITS))
        model = logistic(C=c, solver="lbfgs", max_iter=MAX_ITER, tol=1e-4)
        model.fit(numpy.array([s.row for s in samples]), numpy.array(y))
        return _linear(float(model.intercept_[0]), model.coef_[0], names)

    return fit


def _fit_genres(
    samples: Sequence[Sample], names: Sequence[str], c: float
) -> dict[str, LinearModel]:
    """Fit one multinomial model over the genres present; one linear score per genre."""
    numpy, logistic = _sklearn()
    model = logistic(C=c, solver="lbfgs", max_iter=MAX_ITER, tol=1e-4)
    with warnings.catch_warnings():  # a small corpus has many genres for its size: so be it
        warnings.filterwarnings("ignore", message="The number of unique classes")
        model.fit(
            numpy.array([s.row for s in samples]), numpy.array([s.label.genre for s in samples])
        )
    classes = [str(name) for name in model.classes_]
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: the second's logit
        zero = [0.0] * len(names)
        rows = [(0.0, zero), (float(model.intercept_[0]), list(model.coef_[0]))]
    else:
        rows = [(float(b), list(w)) for b, w in zip(model.intercept_, model.coef_, strict=True)]
    return {
        genre: _linear(bias, weights, names)
        for genre, (bias, weights) in sorted(zip(classes, rows, strict=True))
    }


def _linear(bias: float, weights: Sequence[float], names: Sequence[str]) -> LinearModel:
    """Return a model with rounded weights by feature name, near-zero ones dropped, sorted."""
    kept = {
        name: round(float(w), DIGITS)
        for name, w in sorted(zip(names, weights, strict=True))
        if abs(w) >= SMALLEST
    }
    return LinearModel(bias=round(bias, DIGITS) + 0.0, weights=kept)


def weights_yaml(weights: Weights, header: Sequence[str]) -> str:
    """Return the weights file: a header comment saying how it was made, then the models."""
    data = weights.model_dump(mode="json", exclude_defaults=True)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return "".join(f"# {line}\n" if line else "#\n" for line in header) + body


def fit_corpus(
    folder: Path,
    ruleset: RuleSet,
    c: float = DEFAULT_C,
    buildable_above: float = DEFAULT_BUILDABLE_ABOVE,
) -> tuple[Weights, str]:
    """Fit the weights of a labelled folder; return them and the text of their YAML file."""
    _sklearn()  # before the corpus is read: say at once what is missing
    corpus = read_corpus(folder, ruleset)
    samples = corpus.samples
    weights = fit_weights(samples, corpus.names, c, buildable_above)
    used = [s for s in samples if s.error is None and not s.label.borderline]
    groups = {s.label.source_group() for s in used}
    made_by = f"triage fit {folder.as_posix()} --c {c:g} --buildable-above {buildable_above:g}"
    weights = weights.model_copy(update={"made_by": made_by})
    header = [
        "Fitted weights, made by triage fit: the models of the fitted decider (policy.yaml: "
        "decider: fitted); the genre models also decide the policy's close genre calls "
        "(fitted_genre) and the spec model checks its verdicts (fitted_verdict).",
        f"Corpus {folder.as_posix()}: {len(samples)} labelled documents, {len(used)} scored "
        f"(not borderline, readable), {len(groups)} source groups.",
        "Features: per rule log1p(min(hits, cap)), log1p(words), per signal share:SIGNAL "
        "(the share of the words in the sections its hits lie in), and per genre genre:GENRE "
        "(log1p of the policy's score for that genre).",
        f"L2-regularised logistic regressions, C={c:g}, lbfgs; weights rounded to {DIGITS} "
        f"decimals, |w| < {SMALLEST:g} dropped. Buildable needs p(spec) >= {buildable_above:g}.",
        "Review changes like code; regenerate with the command in made_by, never by hand.",
    ]
    return weights, weights_yaml(weights, header)
