"""Renderers of an evaluation (``triage eval``): figures, confusion matrix and misses.

The evaluation is built in ``triage.run`` (above this layer), so it is read here through the
protocols below, which name only what the renderers use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from triage.outputs.options import RenderOptions
from triage.report import Hit, safe_text

EVIDENCE_SHOWN = 3


class DimensionFigures(Protocol):
    """Precision, recall, F1 and accuracy of one dimension."""

    @property
    def precision(self) -> float: ...  # noqa: D102
    @property
    def recall(self) -> float: ...  # noqa: D102
    @property
    def f1(self) -> float: ...  # noqa: D102
    @property
    def accuracy(self) -> float: ...  # noqa: D102
    @property
    def support(self) -> int: ...  # noqa: D102


class EvaluationMiss(Protocol):
    """A document whose judgment differs from its label (read-only: a verdict is a Literal)."""

    @property
    def file(self) -> str: ...  # noqa: D102
    @property
    def expected_verdict(self) -> str: ...  # noqa: D102
    @property
    def got_verdict(self) -> str | None: ...  # noqa: D102
    @property
    def expected_genre(self) -> str: ...  # noqa: D102
    @property
    def got_genre(self) -> str | None: ...  # noqa: D102
    @property
    def hard(self) -> bool: ...  # noqa: D102
    @property
    def borderline(self) -> bool: ...  # noqa: D102
    @property
    def error(self) -> str | None: ...  # noqa: D102
    @property
    def dimensions(self) -> Mapping[str, str]: ...  # noqa: D102
    @property
    def evidence(self) -> Sequence[Hit]: ...  # noqa: D102


class GenreFigures(Protocol):
    """How many documents of one labelled genre were given that genre."""

    @property
    def support(self) -> int: ...  # noqa: D102
    @property
    def correct(self) -> int: ...  # noqa: D102
    @property
    def accuracy(self) -> float: ...  # noqa: D102


class LanguageFigures(Protocol):
    """Accuracy on the documents in a language the rules read, and how many were outside it."""

    @property
    def covered(self) -> Sequence[str]: ...  # noqa: D102
    @property
    def documents(self) -> int: ...  # noqa: D102
    @property
    def verdict_accuracy(self) -> float: ...  # noqa: D102
    @property
    def genre_accuracy(self) -> float: ...  # noqa: D102
    @property
    def outside(self) -> int: ...  # noqa: D102
    @property
    def labelled_covered(self) -> int | None: ...  # noqa: D102
    @property
    def missed(self) -> int | None: ...  # noqa: D102


class Evaluation(Protocol):
    """Figures over the scored documents, and every miss."""

    method: str
    documents: int
    scored: int
    borderline: int
    verdict_accuracy: float
    genre_accuracy: float
    not_a_spec_called_buildable: float
    buildable_called_not_a_spec: float
    specs_called_not_a_spec: float
    hard_verdict_accuracy: float

    @property
    def genres(self) -> Mapping[str, GenreFigures]: ...  # noqa: D102
    @property
    def dimensions(self) -> Mapping[str, DimensionFigures]: ...  # noqa: D102
    @property
    def confusion(self) -> Mapping[str, Mapping[str, int]]: ...  # noqa: D102
    @property
    def misses(self) -> Sequence[EvaluationMiss]: ...  # noqa: D102
    @property
    def languages(self) -> LanguageFigures | None: ...  # noqa: D102
    def model_dump_json(self, *, indent: int | None = None) -> str: ...  # noqa: D102


def render_evaluation_json(evaluation: Evaluation, options: RenderOptions | None = None) -> str:
    """Render every figure and miss as indented JSON."""
    return evaluation.model_dump_json(indent=2) + "\n"


def render_evaluation_text(evaluation: Evaluation, options: RenderOptions | None = None) -> str:
    """Render the misses, the confusion matrix and the figures for a person."""
    lines = [f"{len(evaluation.misses)} documents with a miss (borderline ones marked):"]
    for miss in evaluation.misses:
        lines.extend(_miss_lines(miss))
    lines += ["", *_confusion_lines(evaluation.confusion), "", *_genre_lines(evaluation)]
    lines += ["", *_figure_lines(evaluation)]
    return "\n".join(lines) + "\n"


def _miss_lines(miss: EvaluationMiss) -> list[str]:
    flags = "".join([" [hard]" if miss.hard else "", " [borderline]" if miss.borderline else ""])
    lines = [
        f"- {safe_text(miss.file)}{flags}: verdict {miss.expected_verdict} → {miss.got_verdict}, "
        f"genre {miss.expected_genre} → {miss.got_genre}"
    ]
    lines.extend(f"    {name}: {text}" for name, text in miss.dimensions.items())
    if miss.error:
        lines.append(f"    error: {safe_text(miss.error)}")
    shown = miss.evidence[:EVIDENCE_SHOWN]
    lines.extend(f"    {h.line}:{h.column} {h.rule}: {safe_text(h.excerpt)}" for h in shown)
    return lines


def _confusion_lines(confusion: Mapping[str, Mapping[str, int]]) -> list[str]:
    columns = list(next(iter(confusion.values())))
    lines = ["confusion (rows: label, columns: triage):"]
    lines.append(" " * 22 + "".join(f"{c:>21}" for c in columns))
    for expected, row in confusion.items():
        lines.append(f"{expected:22}" + "".join(f"{row[c]:>21}" for c in columns))
    return lines


def _genre_lines(evaluation: Evaluation) -> list[str]:
    lines = ["genre accuracy per labelled genre:"]
    for genre, figures in evaluation.genres.items():
        lines.append(
            f"  {genre:24} {figures.correct:>4}/{figures.support:<4} {figures.accuracy:.3f}"
        )
    return lines


def _figure_lines(evaluation: Evaluation) -> list[str]:
    lines = [
        f"judged by {evaluation.method}",
        f"documents {evaluation.documents}, scored {evaluation.scored}, "
        f"borderline (not scored) {evaluation.borderline}",
    ]
    for name, dim in evaluation.dimensions.items():
        lines.append(
            f"{name:18} precision {dim.precision:.3f}  recall {dim.recall:.3f}  "
            f"F1 {dim.f1:.3f}  accuracy {dim.accuracy:.3f}  positives {dim.support}"
        )
    lines.append(
        f"not-a-spec called buildable {evaluation.not_a_spec_called_buildable:.3f}   "
        f"buildable called not-a-spec {evaluation.buildable_called_not_a_spec:.3f}   "
        f"specs called not-a-spec {evaluation.specs_called_not_a_spec:.3f}   "
        f"hard verdict accuracy {evaluation.hard_verdict_accuracy:.3f}"
    )
    lines.append(
        f"verdict accuracy {evaluation.verdict_accuracy:.3f}   "
        f"genre accuracy {evaluation.genre_accuracy:.3f}"
    )
    return lines + _language_lines(evaluation.languages)


def _language_lines(figures: LanguageFigures | None) -> list[str]:
    """Return the line of figures on the documents in a language the rules read."""
    if figures is None:
        return []
    read = ", ".join(figures.covered)
    errors = ""
    if figures.labelled_covered is not None:
        errors = (
            f" (labelled {read}: {figures.labelled_covered}; "
            f"labelled otherwise but detected {read}: {figures.missed})"
        )
    return [
        f"in a language the rules read ({read}) or too short to tell: {figures.documents} "
        f"documents, verdict accuracy {figures.verdict_accuracy:.3f}   "
        f"genre accuracy {figures.genre_accuracy:.3f};   "
        f"detected outside {figures.outside}{errors}"
    ]
