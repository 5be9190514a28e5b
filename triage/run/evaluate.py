"""Evaluation: triage a labelled folder and measure the judgments against the human labels.

The labels are read and checked first (``triage.run.labels``). Borderline documents are listed
but left out of every figure. Every document is scored against its labels whatever its language;
one more line gives the figures on the documents in a language the rules read (``languages``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from triage.inputs import Target
from triage.report import DIMENSIONS, VERDICT_ORDER, Hit, SeedReport, Verdict
from triage.rulebook import RuleSet
from triage.run.batch import assess_in_batches, gather
from triage.run.labels import Label, load_labels
from triage.run.plan import make_plan, target_sizes


class DimensionScore(BaseModel):
    """Precision, recall and F1 of one dimension, positives being 'stated as a requirement'."""

    model_config = ConfigDict(frozen=True)

    precision: float
    recall: float
    f1: float
    accuracy: float
    support: int


class Miss(BaseModel):
    """A document whose verdict, genre or a dimension differs from its label."""

    model_config = ConfigDict(frozen=True)

    file: str
    expected_verdict: Verdict
    got_verdict: Verdict | None
    expected_genre: str
    got_genre: str | None
    dimensions: dict[str, str]
    hard: bool
    borderline: bool
    summary: str | None
    evidence: tuple[Hit, ...]
    error: str | None = None


class GenreScore(BaseModel):
    """How many documents of one labelled genre were given that genre."""

    model_config = ConfigDict(frozen=True)

    support: int
    correct: int
    accuracy: float


class LanguageFigures(BaseModel):
    """Accuracy on the documents in a language the rules read, and how many were outside it.

    ``documents``: scored documents detected in a covered language, or too short to check.
    ``labelled_covered`` (of the ``outside`` ones) and ``missed`` (labelled outside, detected
    covered) are detection errors, counted when the labels carry ``language`` (else ``None``).
    """

    model_config = ConfigDict(frozen=True)

    covered: tuple[str, ...]
    documents: int
    verdict_accuracy: float
    genre_accuracy: float
    outside: int
    labelled_covered: int | None
    missed: int | None


class EvalReport(BaseModel):
    """Figures over the scored (non-borderline) documents, and every miss.

    ``method``: how the judgments were made (the rules as loaded, or a cross-validation).
    """

    model_config = ConfigDict(frozen=True)

    method: str = "the rule set as loaded"
    documents: int
    scored: int
    borderline: int
    verdict_accuracy: float
    genre_accuracy: float
    dimensions: dict[str, DimensionScore]
    confusion: dict[str, dict[str, int]]
    not_a_spec_called_buildable: float
    buildable_called_not_a_spec: float
    specs_called_not_a_spec: float
    hard_verdict_accuracy: float
    genres: dict[str, GenreScore]
    misses: tuple[Miss, ...]
    languages: LanguageFigures | None = None


def evaluate(folder: Path, ruleset: RuleSet) -> EvalReport:
    """Triage every labelled document of a folder and compare with its label."""
    labels = load_labels(folder, ruleset.policy.genres)
    paths = [folder / label.file for label in labels]
    targets = [Target(label.file, p.as_posix(), p) for label, p in zip(labels, paths, strict=True)]
    largest = max(target_sizes(targets))
    plan = make_plan(ruleset, largest=largest)
    reports = gather(assess_in_batches(plan, targets), len(targets))
    languages = ruleset.policy.languages
    return score(labels, reports, covered=languages.covered if languages else ())


def score(
    labels: Sequence[Label],
    reports: Sequence[SeedReport],
    method: str | None = None,
    covered: Sequence[str] = ("en",),
) -> EvalReport:
    """Compute the figures from labels and reports in the same order.

    ``covered``: the languages the rules read (none: no language figures).
    """
    pairs = [(lab, rep) for lab, rep in zip(labels, reports, strict=True) if not lab.borderline]
    specs = [(lab, rep) for lab, rep in pairs if lab.verdict != "not-a-spec"]
    return EvalReport(
        **({"method": method} if method else {}),
        documents=len(labels),
        scored=len(pairs),
        borderline=len(labels) - len(pairs),
        verdict_accuracy=_rate(pairs, lambda lab, rep: rep.verdict == lab.verdict),
        genre_accuracy=_rate(pairs, lambda lab, rep: rep.genre_id == lab.genre),
        dimensions={name: _dimension_score(pairs, name) for name in DIMENSIONS},
        confusion=_confusion(pairs),
        not_a_spec_called_buildable=_cross_rate(pairs, "not-a-spec", "buildable"),
        buildable_called_not_a_spec=_cross_rate(pairs, "buildable", "not-a-spec"),
        specs_called_not_a_spec=_rate(specs, lambda lab, rep: rep.verdict == "not-a-spec"),
        genres=_genre_scores(pairs),
        hard_verdict_accuracy=_rate(
            [(lab, rep) for lab, rep in pairs if lab.hard],
            lambda lab, rep: rep.verdict == lab.verdict,
        ),
        misses=tuple(
            _miss(lab, rep) for lab, rep in zip(labels, reports, strict=True) if _is_miss(lab, rep)
        ),
        languages=_language_figures(pairs, tuple(covered)) if covered else None,
    )


Pair = tuple[Label, SeedReport]


def _language_figures(pairs: Sequence[Pair], covered: tuple[str, ...]) -> LanguageFigures:
    """Return the figures on the documents in a covered language, and the count outside."""

    def read(language: str | None) -> bool:
        return language is None or language in covered

    inside = [(lab, rep) for lab, rep in pairs if read(rep.language)]
    outside = [lab for lab, rep in pairs if not read(rep.language)]
    labelled = any(lab.language for lab, _ in pairs)
    return LanguageFigures(
        covered=covered,
        documents=len(inside),
        verdict_accuracy=_rate(inside, lambda lab, rep: rep.verdict == lab.verdict),
        genre_accuracy=_rate(inside, lambda lab, rep: rep.genre_id == lab.genre),
        outside=len(outside),
        labelled_covered=sum(lab.language in covered for lab in outside) if labelled else None,
        missed=sum(not read(lab.language) for lab, _ in inside) if labelled else None,
    )


def _rate(pairs: Sequence[Pair], ok: Callable[[Label, SeedReport], bool]) -> float:
    if not pairs:
        return 0.0
    return round(sum(ok(lab, rep) for lab, rep in pairs) / len(pairs), 4)


def _got(rep: SeedReport, name: str) -> bool:
    return bool(rep.dimensions and getattr(rep.dimensions, name))


def _dimension_score(pairs: Sequence[Pair], name: str) -> DimensionScore:
    truth = [lab.signals.get(name, False) for lab, _ in pairs]
    guess = [_got(rep, name) for _, rep in pairs]
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    precision = tp / sum(guess) if sum(guess) else 0.0
    recall = tp / sum(truth) if sum(truth) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    correct = sum(t == g for t, g in zip(truth, guess, strict=True))
    return DimensionScore(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        accuracy=round(correct / len(pairs), 4) if pairs else 0.0,
        support=sum(truth),
    )


def _confusion(pairs: Sequence[Pair]) -> dict[str, dict[str, int]]:
    counts: Counter[tuple[str, str]] = Counter(
        (lab.verdict, rep.verdict or "error") for lab, rep in pairs
    )
    columns = [*reversed(VERDICT_ORDER), "error"]
    return {
        expected: {got: counts[(expected, got)] for got in columns}
        for expected in reversed(VERDICT_ORDER)
    }


def _genre_scores(pairs: Sequence[Pair]) -> dict[str, GenreScore]:
    support: Counter[str] = Counter(lab.genre for lab, _ in pairs)
    correct: Counter[str] = Counter(lab.genre for lab, rep in pairs if rep.genre_id == lab.genre)
    return {
        genre: GenreScore(support=n, correct=correct[genre], accuracy=round(correct[genre] / n, 4))
        for genre, n in sorted(support.items())
    }


def _cross_rate(pairs: Sequence[Pair], expected: str, got: str) -> float:
    group = [rep for lab, rep in pairs if lab.verdict == expected]
    return round(sum(rep.verdict == got for rep in group) / len(group), 4) if group else 0.0


def _is_miss(lab: Label, rep: SeedReport) -> bool:
    dims_wrong = any(lab.signals.get(n, False) != _got(rep, n) for n in DIMENSIONS)
    return rep.verdict != lab.verdict or rep.genre_id != lab.genre or dims_wrong


def _miss(lab: Label, rep: SeedReport) -> Miss:
    dims = {
        n: f"expected {lab.signals.get(n, False)}, got {_got(rep, n)}"
        for n in DIMENSIONS
        if lab.signals.get(n, False) != _got(rep, n)
    }
    return Miss(
        file=lab.file,
        expected_verdict=lab.verdict,
        got_verdict=rep.verdict,
        expected_genre=lab.genre,
        got_genre=rep.genre_id,
        dimensions=dims,
        hard=lab.hard,
        borderline=lab.borderline,
        summary=rep.summary,
        evidence=rep.evidence,
        error=rep.error,
    )
