"""Evaluation: triage a labelled folder and measure the judgments against the human labels.

A labelled folder holds ``labels*.yaml`` files, each a list of records with ``file`` (relative to
the folder), ``verdict``, ``genre``, ``signals`` (the three dimensions as booleans) and optional
``hard`` / ``borderline`` flags. Borderline documents are listed but left out of every figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from triage.errors import InputError, RuleError
from triage.inputs import Target
from triage.report import DIMENSIONS, VERDICT_ORDER, Hit, SeedReport, Verdict
from triage.rulebook import RuleSet, load_yaml, validation_messages
from triage.run.batch import assess_in_batches, gather
from triage.run.plan import make_plan, target_sizes


class Label(BaseModel):
    """One human judgment of one document."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    file: str
    verdict: Verdict
    genre: str
    signals: dict[str, bool]
    hard: bool = False
    borderline: bool = False


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


class EvalReport(BaseModel):
    """Figures over the scored (non-borderline) documents, and every miss."""

    model_config = ConfigDict(frozen=True)

    documents: int
    scored: int
    borderline: int
    verdict_accuracy: float
    genre_accuracy: float
    dimensions: dict[str, DimensionScore]
    confusion: dict[str, dict[str, int]]
    not_a_spec_called_buildable: float
    buildable_called_not_a_spec: float
    hard_verdict_accuracy: float
    misses: tuple[Miss, ...]


def load_labels(folder: Path) -> list[Label]:
    """Read every ``labels*.yaml`` in a folder; raise ``InputError`` when there is none.

    A broken file is refused with its line and the reason in plain words, like a rule file.
    """
    files = sorted(folder.glob("labels*.yaml"))
    if not files:
        raise InputError(f"{folder}: no labels*.yaml; eval needs a labelled folder")
    labels: list[Label] = []
    for path in files:
        try:
            records, lines = load_yaml(path)
        except RuleError as exc:
            raise InputError("\n".join(exc.problems)) from exc
        if not isinstance(records, list | None):
            raise InputError(f"{path}:1: not a labels file: it should be a list of records")
        for index, record in enumerate(records or []):
            try:
                labels.append(Label.model_validate(record))
            except ValidationError as exc:
                problems = validation_messages(path, exc, lines, prefix=(index,))
                raise InputError("\n".join(problems)) from exc
    return labels


def evaluate(folder: Path, ruleset: RuleSet) -> EvalReport:
    """Triage every labelled document of a folder and compare with its label."""
    labels = load_labels(folder)
    paths = [folder / label.file for label in labels]
    targets = [Target(label.file, p.as_posix(), p) for label, p in zip(labels, paths, strict=True)]
    largest = max(target_sizes(targets))
    plan = make_plan(ruleset, largest=largest, seeds=len(targets))
    return score(labels, gather(assess_in_batches(plan, targets), len(targets)))


def score(labels: Sequence[Label], reports: Sequence[SeedReport]) -> EvalReport:
    """Compute the figures from labels and reports in the same order."""
    pairs = [(lab, rep) for lab, rep in zip(labels, reports, strict=True) if not lab.borderline]
    return EvalReport(
        documents=len(labels),
        scored=len(pairs),
        borderline=len(labels) - len(pairs),
        verdict_accuracy=_rate(pairs, lambda lab, rep: rep.verdict == lab.verdict),
        genre_accuracy=_rate(pairs, lambda lab, rep: rep.genre_id == lab.genre),
        dimensions={name: _dimension_score(pairs, name) for name in DIMENSIONS},
        confusion=_confusion(pairs),
        not_a_spec_called_buildable=_cross_rate(pairs, "not-a-spec", "buildable"),
        buildable_called_not_a_spec=_cross_rate(pairs, "buildable", "not-a-spec"),
        hard_verdict_accuracy=_rate(
            [(lab, rep) for lab, rep in pairs if lab.hard],
            lambda lab, rep: rep.verdict == lab.verdict,
        ),
        misses=tuple(
            _miss(lab, rep) for lab, rep in zip(labels, reports, strict=True) if _is_miss(lab, rep)
        ),
    )


Pair = tuple[Label, SeedReport]


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
