"""Fitted weights: the linear models ``triage fit`` writes to ``weights.yaml``, validated.

Each model is a bias plus weights by feature name: a rule id (its feature is ``log1p(min(hits,
cap))``), ``words`` (``log1p(words)``), ``share:SIGNAL`` (the share of the document's words in
the sections holding that signal's hits: its section coverage) or ``genre:GENRE`` (``log1p`` of
the policy's score for that genre, so the models can lean on the rules' own reading). ``spec``
says whether a document intends a build at all, ``buildable`` whether a spec is complete enough
to build from, each of ``dimensions`` whether a spec states that dimension, and ``genres`` (one
model per genre, compared by softmax) what kind of document it is. The file is data a person
reviews; ``triage fit`` is what writes it.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from triage.errors import RuleError
from triage.report import DIMENSIONS
from triage.rulebook.messages import validation_messages
from triage.rulebook.policy import Policy
from triage.rulebook.yamlfile import LineMap, line_of, load_yaml

WEIGHTS_FILE = "weights.yaml"
# The one feature that is not a rule: the document's length, as log1p(words).
WORDS_FEATURE = "words"
# A signal's section coverage: SHARE_PREFIX + the signal's name.
SHARE_PREFIX = "share:"
# The policy's score of a genre: GENRE_PREFIX + the genre's id.
GENRE_PREFIX = "genre:"


class LinearModel(BaseModel):
    """One linear score: ``bias + sum(weight * feature)``, read as a logit.

    ``threshold``: the probability at or above which a yes/no model says yes.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    bias: float
    threshold: float = Field(default=0.5, gt=0.0, lt=1.0)
    weights: dict[str, float] = {}


class Weights(BaseModel):
    """Every fitted model of one corpus, and how it was made."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    made_by: str = ""
    buildable_above: float = Field(default=0.5, ge=0.5, lt=1.0)
    """The probability of ``spec`` a document must reach to be buildable (below, a spec needs
    clarification at best): a conservative value keeps doubtful documents from being built."""
    spec: LinearModel
    buildable: LinearModel
    dimensions: dict[str, LinearModel]
    genres: dict[str, LinearModel] = Field(min_length=2)

    def features(self) -> set[str]:
        """Return every feature name any model weighs."""
        models = [self.spec, self.buildable, *self.dimensions.values(), *self.genres.values()]
        return {name for model in models for name in model.weights}


def load_weights(path: Path, policy: Policy, rule_ids: Collection[str]) -> Weights:
    """Load and validate a weights file against the policy's genres and the rules' ids.

    Raise ``RuleError`` with file and line: an unknown genre, dimension or feature name.
    """
    data, lines = load_yaml(path)
    try:
        weights = Weights.model_validate(data)
    except ValidationError as exc:
        raise RuleError(validation_messages(path, exc, lines)) from exc
    known = {
        *rule_ids,
        *(SHARE_PREFIX + signal for signal in policy.signals),
        *(GENRE_PREFIX + genre for genre in policy.genres),
    }
    problems = _name_problems(path, lines, weights, policy, known)
    if problems:
        raise RuleError(problems)
    return weights


def _name_problems(
    path: Path, lines: LineMap, weights: Weights, policy: Policy, names: set[str]
) -> list[str]:
    """Return a ``file:line`` problem per name that refers to nothing."""
    problems = [
        f"{path}:{line_of(lines, ('genres', name))}: genres: unknown genre {name!r}"
        for name in weights.genres
        if name not in policy.genres
    ]
    problems.extend(
        f"{path}:{line_of(lines, ('dimensions', name))}: dimensions: unknown dimension {name!r}"
        for name in weights.dimensions
        if name not in DIMENSIONS
    )
    missing = [name for name in DIMENSIONS if name not in weights.dimensions]
    problems.extend(f"{path}:1: dimensions: no model for {name!r}" for name in missing)
    known = names | {WORDS_FEATURE}
    models = [
        (("spec",), weights.spec),
        (("buildable",), weights.buildable),
        *((("dimensions", n), m) for n, m in weights.dimensions.items()),
        *((("genres", n), m) for n, m in weights.genres.items()),
    ]
    for where, model in models:
        for feature in sorted(set(model.weights) - known):
            line = line_of(lines, (*where, "weights", feature))
            problems.append(
                f"{path}:{line}: {'.'.join(where)}: {_unknown(feature)} "
                f"(a feature is a rule id, {WORDS_FEATURE!r}, "
                f"{SHARE_PREFIX}SIGNAL or {GENRE_PREFIX}GENRE)"
            )
    return problems


def _unknown(feature: str) -> str:
    """Say what a feature name that refers to nothing was taken for."""
    if feature.startswith(SHARE_PREFIX):
        return f"unknown signal in {feature!r}"
    if feature.startswith(GENRE_PREFIX):
        return f"unknown genre in {feature!r}"
    return f"unknown rule id {feature!r}"
